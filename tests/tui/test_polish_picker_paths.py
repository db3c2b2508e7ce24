"""The `c` picker: a typed path decides where a new code goes, not the codebook's cursor."""

from __future__ import annotations

from qualcode.tui.app import make_app
from qualcode.tui.screens.dialogs import Confirm
from qualcode.tui.screens.picker import CodePicker
from tests.tui.conftest import asynctest, codings_of, sentences_of


@asynctest
async def test_a_typed_path_creates_the_code_under_that_path(study):
    first = sentences_of(study, "HA01")[0]
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        panel = app.coding.query_one("#codebook")
        panel.highlighted = next(i for i, c in enumerate(panel.codes) if c.name == "Variatie")
        await pilot.press("c", *"Belasting > Tijdsdruk")
        await pilot.pause()
        where = str(app.screen.query_one("#where").render())
        assert "under Belasting" in where and "Energiebronnen" not in where
        await pilot.press("enter")
        await pilot.pause()
    made = codings_of(study, code="Belasting > Tijdsdruk")
    assert [(c.start, c.end) for c in made] == [first]


@asynctest
async def test_missing_parents_are_created_only_after_a_yes(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("c", *"Consent > Little guidance")
        await pilot.pause()
        assert isinstance(app.screen, CodePicker)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert all(c.path[0] != "Consent" for c in app.coding.codes)
        await pilot.press("c", *"Consent > Little guidance", "enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert len(codings_of(study, code="Consent > Little guidance")) == 1


@asynctest
async def test_a_bare_name_still_goes_under_the_highlighted_category(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        panel = app.coding.query_one("#codebook")
        panel.highlighted = next(i for i, c in enumerate(panel.codes) if c.name == "Variatie")
        await pilot.press("c", *"Autonomie")
        await pilot.pause()
        assert "under Energiebronnen" in str(app.screen.query_one("#where").render())
