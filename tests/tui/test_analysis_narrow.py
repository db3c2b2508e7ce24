"""At 80×24 the analysis screen keeps what a reader needs in view."""

from __future__ import annotations

from textual.widgets import Checkbox, DataTable

from qualcode.tui.app import make_app
from tests.tui.analysis_helpers import open_analysis, two_coders  # noqa: F401
from tests.tui.conftest import asynctest


@asynctest
async def test_at_80_columns_the_share_column_is_visible_before_the_optional_ones(two_coders):  # noqa: F811
    app = make_app(two_coders, coder="Lotte")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_analysis(pilot)
        await pilot.press("f")
        table = app.screen.query_one("#frequency-table", DataTable)
        labels = [str(c.label) for c in table.columns.values()]
        share_right = sum(c.get_render_width(table) for c in list(table.columns.values())[:2])
        assert labels[:2] == ["code", "share"]
        assert share_right <= table.size.width


@asynctest
async def test_at_80_columns_every_saturation_parameter_keeps_its_label(two_coders):  # noqa: F811
    app = make_app(two_coders, coder="Lotte")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_analysis(pilot)
        screen = app.screen
        shown = [str(label.content) for label in screen.query(".parameters Label")
                 if label.display and label.region.width > 0]
        assert "Guest 2020" in shown and "Francis 2010" in shown
        for checkbox in screen.query(Checkbox):
            if checkbox.id in ("respondent", "by-participant"):
                assert checkbox.region.right <= 80
        assert screen.query_one("#saturation-table", DataTable).display
        assert not screen.query_one("#saturation-chart").display


@asynctest
async def test_at_80_columns_every_agreement_parameter_is_on_screen(two_coders):  # noqa: F811
    app = make_app(two_coders, coder="Lotte")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_analysis(pilot)
        await pilot.press("g")
        await pilot.pause()
        for name in ("#coder-a", "#coder-b", "#agreement-unit", "#agreement-overlap"):
            assert app.screen.query_one(name).region.right <= 80
