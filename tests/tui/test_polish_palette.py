"""The command palette (ctrl+p) holds qualcode's own actions, also with a fresh home folder."""

from __future__ import annotations

import pytest

from qualcode.tui.app import make_app
from qualcode.tui.screens.codebook import CodebookScreen
from qualcode.tui.screens.dialogs import Choose
from tests.tui.conftest import asynctest


@pytest.fixture
def fresh_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    return home


async def _run_command(pilot, words):
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*words)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


@asynctest
async def test_go_to_document_from_the_palette_opens_the_chosen_transcript(study, fresh_home):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await _run_command(pilot, "Go to document")
        assert isinstance(app.screen, Choose)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen is app.coding
        assert app.coding.document.name == "HA02"


@asynctest
async def test_the_palette_lists_qualcodes_actions_and_a_screenshot_works(study, fresh_home):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for wanted in ("Go to document…", "Export…", "Import…", "Analysis", "Codebook",
                       "Change coder", "Back up the project", "Search every interview"):
            assert wanted in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert "qualcode" in app.export_screenshot()
        await pilot.press("escape")
        await _run_command(pilot, "Codebook")
        assert isinstance(app.screen, CodebookScreen)


@asynctest
async def test_export_and_import_from_the_palette_open_their_dialogs(study, fresh_home):
    from qualcode.tui.screens.dialogs import FilePicker
    from qualcode.tui.screens.exchange import ExportDialog

    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await _run_command(pilot, "Export")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("escape")
        await pilot.pause()
        await _run_command(pilot, "Import")
        await pilot.pause()
        assert isinstance(app.screen, FilePicker)
