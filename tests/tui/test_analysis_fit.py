"""The saturation and agreement tables fit 80×24 and 120×36: long names are cut, never the
figures, and a cut list of new codes says how many more it holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from qualcode.project import Project
from qualcode.tui.app import make_app
from qualcode.tui.screens.analysis_base import fit_lines, fit_names
from tests.tui.analysis_helpers import open_analysis, settle
from tests.tui.conftest import asynctest, make_study

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]

LONG_CODES = ("Rolverschuiving in de maatschappij", "Detecteren en doorverwijzen",
              "Oneigenlijke vragen van patiënten", "Persoonlijke voorkeur voor begeleiding")

SUPERVISOR = "Prof. Marieke Vandenberghe-Willems"


def test_names_that_fit_are_shown_in_full():
    assert fit_names(["Variatie", "Rust"], 20) == "Variatie, Rust"


def test_names_that_do_not_fit_end_in_how_many_more():
    names = ["Laagdrempeligheid", "Rolverschuiving", "Variatie", "Rust"]
    assert fit_names(names, 40) == "Laagdrempeligheid, Rolverschuiving +2"
    assert fit_names(names, 25) == "Laagdrempeligheid +3"


def test_a_first_name_too_long_on_its_own_is_cut_with_an_ellipsis():
    text = fit_names(["Laagdrempeligheid", "Rust"], 12)
    assert text == "Laagdrem… +1" and len(text) == 12
    assert fit_names(["Laagdrempeligheid"], 10) == "Laagdremp…"


@pytest.fixture
def long_names(tmp_path: Path) -> Path:
    """The small study where HA01 brings four more codes with long names, and a supervisor
    with a long name who coded one of them too."""
    path = make_study(tmp_path / "study.qualcode")
    with Project.open(path, coder="Lotte") as project:
        text = project.document_text("HA01").text
        start = text.index("Dat je zoveel geeft")
        for name in LONG_CODES:
            project.add_code("Rol van de huisarts", name)
            project.add_coding("HA01", name, start, start + 19)
    with Project.open(path, coder=SUPERVISOR) as project:
        text = project.document_text("HA01").text
        start = text.index("Die wederkerigheid")
        project.add_coding("HA01", LONG_CODES[0], start, start + 18)
    return path


def _fits(table: DataTable) -> bool:
    return sum(c.get_render_width(table) for c in table.columns.values()) <= table.size.width


@pytest.mark.parametrize("size", SIZES)
@asynctest
async def test_the_saturation_table_fits_and_counts_the_new_codes_it_cannot_show(
        long_names, size):
    app = make_app(long_names, coder="Lotte")
    async with app.run_test(size=size) as pilot:
        await open_analysis(pilot)
        table = app.screen.query_one("#saturation-table", DataTable)
        first = table.shown_row_at(0)
        assert _fits(table)
        assert first[3] == 6
        assert first[6].endswith(("+1", "+2", "+3", "+4", "+5"))


@pytest.mark.parametrize("size", SIZES)
@asynctest
async def test_the_agreement_tables_fit_with_a_long_coder_name(long_names, size):
    app = make_app(long_names, coder="Lotte")
    async with app.run_test(size=size) as pilot:
        await open_analysis(pilot)
        await pilot.press("g")
        await settle(pilot)
        codes = app.screen.query_one("#agreement-table", DataTable)
        listing = app.screen.query_one("#disagreement-list", DataTable)
        assert _fits(codes)
        assert _fits(listing)
        assert listing.row_count > 0
        headings = [str(c.label) for c in codes.columns.values()]
        if size == (80, 24):
            assert headings[2:4] == ["only A", "only B"]
        else:
            assert headings[3] == f"only {SUPERVISOR}"


def test_a_list_that_does_not_fit_its_lines_says_how_many_more():
    from rich.console import Console

    console = Console(width=40)
    codes = ["Belasting > Objectieve belasting", "Belasting > Subjectieve belasting",
             "Rol van de huisarts > Laagdrempeligheid", "Energiebronnen > Variatie"]
    text = fit_lines("Interview 1 (HA01) new: ", codes, 40, 2, console)
    assert text == "Interview 1 (HA01) new: Belasting > Objectieve belasting; +3 more"
    assert fit_lines("new: ", codes[:1], 40, 2, console) == f"new: {codes[0]}"


@asynctest
async def test_widening_the_terminal_fits_the_tables_again(long_names):
    app = make_app(long_names, coder="Lotte")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_analysis(pilot)
        table = app.screen.query_one("#saturation-table", DataTable)
        await pilot.press("g")
        await settle(pilot)
        await pilot.resize_terminal(120, 36)
        await settle(pilot)
        codes = app.screen.query_one("#agreement-table", DataTable)
        assert [str(c.label) for c in codes.columns.values()][3] == f"only {SUPERVISOR}"
        assert _fits(codes)
        await pilot.press("s")
        await settle(pilot)
        assert _fits(table)
        assert table.shown_row_at(0)[6].endswith("+5")
