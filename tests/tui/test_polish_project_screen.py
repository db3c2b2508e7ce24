"""The project screen: tab keys shown and used, several transcripts imported with one pattern."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TabbedContent

from qualcode.tui.app import make_app
from qualcode.tui.screens.dialogs import FilePicker
from qualcode.tui.screens.project import ProjectScreen
from tests.tui.conftest import asynctest


def _interview(speaker: str) -> str:
    return f"I: Hoe gaat het met de zorg?\n{speaker}: Het is zwaar. Ik loop vaak uit.\n"


@asynctest
async def test_the_tabs_show_their_keys_and_the_keys_switch_tabs(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        tabs = app.screen.query_one(TabbedContent)
        labels = [str(tab.label) for tab in tabs.query("ContentTab")]
        assert labels == ["Documents (1)", "Participants (2)", "Speakers (3 or s)",
                          "Codebook (4)"]
        for key, active in (("2", "participants-tab"), ("4", "codebook-tab"),
                            ("3", "speakers-tab"), ("1", "documents-tab")):
            await pilot.press(key)
            await pilot.pause()
            assert tabs.active == active


@asynctest
async def test_a_pattern_in_the_file_dialog_imports_every_matching_transcript(
        study, tmp_path: Path, monkeypatch):
    folder = tmp_path / "interviews"
    folder.mkdir()
    for name, speaker in (("HA03", "HA3"), ("HA04", "HA4"), ("HA05", "HA5")):
        (folder / f"{name}.txt").write_text(_interview(speaker), encoding="utf-8")
    (folder / "notes.md").write_text("not a transcript\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("p", "i")
        await pilot.pause()
        await pilot.press(*"interviews/*.txt", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ProjectScreen)
        names = sorted(d.name for d in app.project.documents())
        assert names == ["HA01", "HA02", "HA03", "HA04", "HA05"]


@asynctest
async def test_a_pattern_matching_nothing_keeps_the_dialog_open(study, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("p", "i")
        await pilot.pause()
        await pilot.press(*"nowhere/*.txt", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FilePicker)
