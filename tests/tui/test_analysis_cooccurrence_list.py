"""The co-occurrence tab lists the pairs of codes that share passages, most often first."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Select

from qualcode.project import Project
from qualcode.tui.app import make_app
from qualcode.tui.screens.cell_quotes import CellQuotes
from tests.tui.analysis_helpers import add_second_coder, open_analysis
from tests.tui.conftest import asynctest, make_study


@pytest.fixture
def overlapping(tmp_path: Path) -> Path:
    """Lotte's "Objectieve belasting" passage in HA01 also coded twice more, with
    "Gebrek aan wederkerigheid" (twice) and "Variatie" (once)."""
    path = add_second_coder(make_study(tmp_path / "study.qualcode"))
    with Project.open(path, coder="Lotte") as project:
        text = project.document_text("HA01").text
        start = text.index("Ik loop dan uit")
        project.add_coding("HA01", "Gebrek aan wederkerigheid", start, start + 15)
        start = text.index("het kost veel tijd")
        project.add_coding("HA01", "Gebrek aan wederkerigheid", start, start + 10)
        project.add_coding("HA01", "Variatie", start, start + 10)
    return path


def _rows(table: DataTable) -> list[list[object]]:
    return [table.shown_row_at(i) for i in range(table.row_count)]


@asynctest
async def test_the_list_shows_each_co_occurring_pair_once_most_often_first(overlapping):
    app = make_app(overlapping, coder="Lotte")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_analysis(pilot)
        await pilot.press("o")
        await pilot.pause()
        listing = app.screen.query_one("#cooccurrence-list", DataTable)
        assert listing.display and listing.has_focus
        rows = _rows(listing)
    counts = [row[0] for row in rows]
    assert counts == sorted(counts, reverse=True) and 0 not in counts
    pairs = {(row[1], row[2]) for row in rows}
    assert ("Objectieve belasting", "Gebrek aan wederkerigheid") in pairs
    assert len(pairs) == len(rows)  # each pair once, never both ways round


@asynctest
async def test_enter_on_a_pair_lists_the_passages_where_both_codes_occur(overlapping):
    app = make_app(overlapping, coder="Lotte")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_analysis(pilot)
        await pilot.press("o")
        await pilot.pause()
        first = _rows(app.screen.query_one("#cooccurrence-list", DataTable))[0]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CellQuotes)
        title, passages = app.screen.title_text, app.screen.passages
    assert title.startswith(f"{first[1]} with {first[2]}: ")
    assert len(passages) == first[0]
    assert all(p.document == "HA01" for p in passages)


@asynctest
async def test_t_switches_between_the_list_and_the_grid(overlapping):
    app = make_app(overlapping, coder="Lotte")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_analysis(pilot)
        await pilot.press("o", "t")
        await pilot.pause()
        grid = app.screen.query_one("#cooccurrence-table", DataTable)
        listing = app.screen.query_one("#cooccurrence-list", DataTable)
        assert grid.display and not listing.display and grid.has_focus
        await pilot.press("t")
        await pilot.pause()
        assert listing.display and not grid.display and listing.has_focus


@asynctest
async def test_the_pairs_can_be_limited_to_one_coders_codings(overlapping):
    with Project.open(overlapping, coder="Prof. Claes") as project:
        text = project.document_text("HA02").text
        start = text.index("Maar de variatie")
        project.add_coding("HA02", "Laagdrempeligheid", start, start + 16)
    app = make_app(overlapping, coder="Lotte")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_analysis(pilot)
        await pilot.press("o")
        await pilot.pause()
        listing = app.screen.query_one("#cooccurrence-list", DataTable)
        everyone = {(row[1], row[2]) for row in _rows(listing)}
        assert ("Laagdrempeligheid", "Variatie") in everyone
        app.screen.query_one("#cooccurrence-coder", Select).value = "Lotte"
        await app.workers.wait_for_complete()
        await pilot.pause()
        lotte = {(row[1], row[2]) for row in _rows(listing)}
    assert ("Laagdrempeligheid", "Variatie") not in lotte
    assert ("Objectieve belasting", "Gebrek aan wederkerigheid") in lotte
