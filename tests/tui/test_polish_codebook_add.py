"""The codebook's Add field: typing after the pre-filled category appends to it."""

from __future__ import annotations

from qualcode.project import Project
from qualcode.tui.app import make_app
from qualcode.tui.screens.codebook import CodebookScreen
from tests.tui.conftest import asynctest


@asynctest
async def test_typing_after_the_prefilled_category_adds_the_code_under_it(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, CodebookScreen)
        panel = app.screen.query_one("#edit-codes")
        panel.highlighted = next(i for i, c in enumerate(panel.codes) if c.name == "Variatie")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.query_one("#answer").value == "Energiebronnen > "
        await pilot.press(*"Autonomie", "enter")
        await pilot.pause()
    with Project.open(study) as project:
        assert "Energiebronnen > Autonomie" in [c.path_text for c in project.codes()]
