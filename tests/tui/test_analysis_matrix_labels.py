"""The matrix tab: its count selector agrees with its caption, its columns stay short."""

from __future__ import annotations

from textual.widgets import DataTable, Select, Static

from qualcode.project import Project
from qualcode.tui.app import make_app
from qualcode.tui.screens.analysis_tables import column_labels
from tests.tui.analysis_helpers import open_analysis, settle, two_coders  # noqa: F401
from tests.tui.conftest import asynctest


def test_names_sharing_an_ending_lose_it_and_long_ones_become_numbers_with_a_legend():
    assert column_labels(("HA1", "HA2")) == (["HA1", "HA2"], "")
    assert column_labels(("BSR01_transcript", "BSR02_transcript")) == (["BSR01", "BSR02"], "")
    labels, legend = column_labels(("Mevrouw Janssens", "Meneer Peeters"))
    assert labels == ["1", "2"]
    assert legend == "1 = Mevrouw Janssens · 2 = Meneer Peeters"


@asynctest
async def test_matrix_by_participant_says_segments_in_the_selector_and_the_caption(two_coders):  # noqa: F811
    app = make_app(two_coders, coder="Lotte")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_analysis(pilot)
        await pilot.press("m")
        measure = app.screen.query_one("#matrix-measure", Select)
        caption = str(app.screen.query_one("#matrix-hint", Static).content)
        assert measure.value == "segments" and measure.disabled
        assert "counting segments" in caption


@asynctest
async def test_long_document_names_become_numbered_columns_with_a_legend(two_coders):  # noqa: F811
    with Project.open(two_coders) as project:
        project.add_document("HA03 tweede gesprek", "Interview HA03\n\nGeen codes hier.",
                             case="HA3", sentences=[(0, 14)])
    app = make_app(two_coders, coder="Lotte")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_analysis(pilot)
        await pilot.press("m")
        app.screen.query_one("#matrix-by", Select).value = "document"
        await settle(pilot)
        table = app.screen.query_one("#matrix-table", DataTable)
        headings = [str(c.label) for c in table.columns.values()]
        caption = str(app.screen.query_one("#matrix-hint", Static).content)
        right = sum(c.get_render_width(table) for c in table.columns.values())
    assert headings == ["code", "1", "2", "3", "total"]
    assert "3 = HA03 tweede gesprek" in caption and "1 = HA01" in caption
    assert right <= 78  # the whole table fits an 80-column terminal
