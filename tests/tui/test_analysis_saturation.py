"""The saturation tab: the CLI's verdicts, the base table, parameters that recount."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

from qualcode.analysis import saturation
from qualcode.project import Project
from qualcode.tui.app import make_app
from qualcode.tui.screens.analysis import AnalysisScreen
from tests.tui.analysis_helpers import open_analysis, settle
from tests.tui.conftest import asynctest


def _text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


@asynctest
async def test_a_shows_the_verdicts_the_cli_prints(study):
    with Project.open(study) as project:
        snapshot = project.snapshot()
    app = make_app(study, coder="Lotte")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_analysis(pilot)
        assert isinstance(app.screen, AnalysisScreen)
        assert _text(app, "#verdict-guest") == saturation(snapshot).verdict
        assert _text(app, "#verdict-francis") == saturation(snapshot, "francis").verdict


@asynctest
async def test_the_table_lists_new_and_cumulative_codes_per_interview(study):
    app = make_app(study, coder="Lotte")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_analysis(pilot)
        table = app.screen.query_one("#saturation-table", DataTable)
        rows = [table.shown_row_at(i) for i in range(table.row_count)]
    assert [row[:6] for row in rows] == [
        [1, "HA01", "HA1", 2, 2, "100%"],
        [2, "HA02", "HA2", 0, 2, "100%"],
    ]
    # the second name does not fit beside the chart at 120 columns: "+1" says it is there
    assert rows[0][6] == "Objectieve belasting +1"


@asynctest
async def test_changing_the_parameters_recounts_and_is_remembered(study):
    app = make_app(study, coder="Lotte")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_analysis(pilot)
        for name, value in (("base", "1"), ("run", "1")):
            app.screen.query_one(f"#{name}", Input).value = value
        await settle(pilot)
        with Project.open(study) as project:
            expected = saturation(project.snapshot(), base=1, run=1)
        assert _text(app, "#verdict-guest") == expected.verdict
        await pilot.press("escape")
        await settle(pilot)
        status = str(app.coding.saturation_status.content)
    assert status.startswith("Saturation (Guest 2020, 1+1, 5%): at 1+1 · 2 of 2 coded")
    again = make_app(study, coder="Lotte")
    async with again.run_test(size=(120, 36)) as pilot:
        await open_analysis(pilot)
        assert again.screen.query_one("#base", Input).value == "1"


@asynctest
async def test_a_number_that_is_not_whole_is_named_and_nothing_recounts(study):
    app = make_app(study, coder="Lotte")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_analysis(pilot)
        app.screen.query_one("#stop", Input).value = ""
        await settle(pilot)
        assert _text(app, "#verdict-guest") == "stop: enter a whole number"
