"""The keyboard contract outside checks rely on: open, Down, c, type, Enter, ctrl+z, q."""

from __future__ import annotations

from qualcode.project import Project
from qualcode.tui.app import make_app
from tests.tui.conftest import asynctest, codings_of, sentences_of


@asynctest
async def test_open_lands_on_first_document_with_first_sentence_selected(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.coding.document.name == "HA01"
        assert app.coding.transcript.selection == sentences_of(study, "HA01")[0]
        assert app.screen is app.coding


@asynctest
async def test_down_c_typing_enter_codes_the_second_sentence(study):
    second = sentences_of(study, "HA01")[1]
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("down", "c")
        await pilot.press(*"wederk")
        await pilot.press("enter")
        await pilot.pause()
    made = codings_of(study, code="Gebrek aan wederkerigheid")
    assert [(c.document, c.start, c.end, c.coder) for c in made] == [
        ("HA01", second[0], second[1], "Jan")
    ]


@asynctest
async def test_ctrl_z_undoes_and_ctrl_y_redoes_the_coding(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("down", "2")
        await pilot.pause()
        assert len(codings_of(study, code="Gebrek aan wederkerigheid")) == 1
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert codings_of(study, code="Gebrek aan wederkerigheid") == []
        assert all(c.code_path[-1] != "Gebrek aan wederkerigheid"
                   for c in app.coding.transcript.codings)
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert len(codings_of(study, code="Gebrek aan wederkerigheid")) == 1


@asynctest
async def test_q_quits_and_the_coding_is_already_saved(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("1", "q")
        await pilot.pause()
        assert not app.is_running
    first = sentences_of(study, "HA01")[0]
    assert any((c.start, c.end) == first for c in codings_of(study, code="Objectieve belasting"))


@asynctest
async def test_reopening_lands_on_the_document_last_worked_on(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("]")
        await pilot.pause()
        assert app.coding.document.name == "HA02"
    with Project.open(study) as project:
        assert project.setting("last_document") == "HA02"
    again = make_app(study)
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert again.coding.document.name == "HA02"
        assert again.coding.transcript.selection == sentences_of(study, "HA02")[0]
