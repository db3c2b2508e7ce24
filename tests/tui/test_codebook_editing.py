"""Editing the codebook from the TUI: each edit lands in the project and can be undone."""

from __future__ import annotations

from qualcode.project import Project
from qualcode.tui.app import make_app
from qualcode.tui.screens.codebook import CodebookScreen
from tests.tui.conftest import Notifications, asynctest, codings_of


def _names(study):
    with Project.open(study) as project:
        return [c.path_text for c in project.codes()]


async def _highlight(app, pilot, name):
    await pilot.press("b")
    await pilot.pause()
    assert isinstance(app.screen, CodebookScreen)
    panel = app.screen.query_one("#edit-codes")
    panel.highlighted = next(i for i, c in enumerate(panel.codes) if c.name == name)
    await pilot.pause()


@asynctest
async def test_delete_asks_with_the_number_of_codings_then_ctrl_z_restores_them(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await _highlight(app, pilot, "Objectieve belasting")
        await pilot.press("d")
        await pilot.pause()
        question = str(app.screen.query_one("Label").render())
        assert "2 codings" in question
        await pilot.press("y")
        await pilot.pause()
        assert "Belasting > Objectieve belasting" not in _names(study)
        assert codings_of(study, document="HA02") == []
        await pilot.press("ctrl+z")
        await pilot.pause()
    assert "Belasting > Objectieve belasting" in _names(study)
    assert len(codings_of(study, document="HA02")) == 1


@asynctest
async def test_rename_and_move_change_the_codebook(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await _highlight(app, pilot, "Variatie")
        await pilot.press("e", *["backspace"] * 20, *"Afwisseling", "enter")
        await pilot.pause()
        await pilot.press("m", *["backspace"] * 30, *"Belasting", "enter")
        await pilot.pause()
    assert "Belasting > Afwisseling" in _names(study)


@asynctest
async def test_renaming_to_a_siblings_name_is_refused_with_one_line(study):
    app, seen = make_app(study, coder="Jan"), Notifications()
    async with app.run_test(size=(120, 36), message_hook=seen.hook) as pilot:
        await _highlight(app, pilot, "Objectieve belasting")
        await pilot.press("e", *["backspace"] * 30, *"Gebrek aan wederkerigheid", "enter")
        await pilot.pause()
        errors = seen.messages("error")
    assert len(errors) == 1 and "\n" not in errors[0] and "already exists" in errors[0]
    assert "Belasting > Objectieve belasting" in _names(study)


@asynctest
async def test_merge_moves_the_codings_to_the_surviving_code(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await _highlight(app, pilot, "Laagdrempeligheid")
        await pilot.press("g", *"Objectieve belasting", "enter")
        await pilot.pause()
    assert "Rol van de huisarts > Laagdrempeligheid" not in _names(study)
    assert len(codings_of(study, code="Objectieve belasting")) == 3


@asynctest
async def test_shortcut_key_set_in_the_codebook_applies_the_code(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await _highlight(app, pilot, "Variatie")
        await pilot.press("s", "8", "enter", "escape")
        await pilot.pause()
        assert app.screen is app.coding
        await pilot.press("8")
        await pilot.pause()
    assert len(codings_of(study, code="Variatie")) == 1
