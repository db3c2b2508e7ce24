"""The code picker: fuzzy filtering, creating a code, and keys that stay in the input."""

from __future__ import annotations

from qualcode.project import Project
from qualcode.tui.app import make_app
from qualcode.tui.screens.picker import CodePicker, match_score, rank
from tests.tui.conftest import asynctest, codings_of, sentences_of


def _codes(study):
    with Project.open(study) as project:
        return project.codes()


def test_typing_part_of_a_word_finds_the_code(study):
    names = [c.name for c in rank("wederk", _codes(study))]
    assert names[0] == "Gebrek aan wederkerigheid"


def test_typing_a_category_and_code_word_finds_the_code_under_it(study):
    names = [c.name for c in rank("rol laag", _codes(study))]
    assert names == ["Laagdrempeligheid"]


def test_letters_out_of_order_do_not_match(study):
    code = next(c for c in _codes(study) if c.name == "Variatie")
    assert match_score("zzz", code) is None


@asynctest
async def test_digits_and_letters_typed_in_the_picker_do_not_apply_codes_or_quit(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("c")
        await pilot.press(*"q1p2?r")
        await pilot.pause()
        assert isinstance(app.screen, CodePicker)
        assert app.screen.query_one("#query").value == "q1p2?r"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.coding
    assert len(codings_of(study)) == 3


@asynctest
async def test_typing_a_new_name_creates_it_under_the_highlighted_category(study):
    first = sentences_of(study, "HA01")[0]
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        panel = app.coding.query_one("#codebook")
        panel.highlighted = next(i for i, c in enumerate(panel.codes) if c.name == "Variatie")
        await pilot.press("c", *"Autonomie")
        await pilot.press("enter")
        await pilot.pause()
    made = codings_of(study, code="Energiebronnen > Autonomie")
    assert [(c.start, c.end) for c in made] == [first]


@asynctest
async def test_down_in_the_picker_chooses_the_next_match(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("c", *"belasting", "down", "enter")
        await pilot.pause()
    codes = {c.code_path[-1] for c in codings_of(study, coder="Jan")}
    assert codes == {"Objectieve belasting"}
