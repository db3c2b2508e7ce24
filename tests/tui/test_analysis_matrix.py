"""Matrix, co-occurrence and agreement tabs: Enter on a cell lists exactly its passages."""

from __future__ import annotations

from textual.widgets import DataTable, Select, Static

from qualcode.analysis import cell_codings, code_by_participant, disagreements
from qualcode.project import Project
from qualcode.tui.app import make_app
from qualcode.tui.screens.cell_quotes import CellQuotes
from tests.tui.analysis_helpers import open_analysis, settle, two_coders  # noqa: F401
from tests.tui.conftest import asynctest


@asynctest
async def test_enter_on_a_matrix_cell_lists_exactly_the_codings_of_that_cell(two_coders):  # noqa: F811
    with Project.open(two_coders) as project:
        study = project.snapshot()
    matrix = code_by_participant(study)
    expected = [(study.document(c.document_id).name, c.start, c.end)
                for c in cell_codings(study, matrix, 1, 0)]
    app = make_app(two_coders, coder="Lotte")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_analysis(pilot)
        await pilot.press("m")
        table = app.screen.query_one("#matrix-table", DataTable)
        assert table.shown_row_at(1) == ["  Objectieve belasting", 1, 1, 2]
        assert table.shown_row_at(table.row_count - 1) == ["total", 2, 2, 4]
        await pilot.press("down", "right", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CellQuotes)
        listed = [(p.document, p.start, p.end) for p in app.screen.passages]
    assert len(expected) == 2  # Lotte's passage and Prof. Claes's part of it
    assert listed == expected


@asynctest
async def test_enter_on_a_listed_passage_opens_it_in_the_coding_screen(two_coders):  # noqa: F811
    app = make_app(two_coders, coder="Lotte")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_analysis(pilot)
        await pilot.press("m", "down", "right", "right", "enter")
        await pilot.pause()
        passage = app.screen.passages[0]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.coding
        assert app.coding.document.name == "HA02" == passage.document
        assert app.coding.transcript.selection == (passage.start, passage.end)


@asynctest
async def test_matrix_by_attribute_counts_participants_per_value(two_coders):  # noqa: F811
    with Project.open(two_coders) as project:
        project.add_document("HA03", "Interview HA03\n\nGeen codes hier.", case="HA3",
                             sentences=[(0, 14)])
    app = make_app(two_coders, coder="Lotte")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_analysis(pilot)
        await pilot.press("m")
        by = app.screen.query_one("#matrix-by", Select)
        options = [value for _, value in by._options]
        assert options == ["document", "participant"]  # no case has attributes
        table = app.screen.query_one("#matrix-table", DataTable)
        assert [str(c.label) for c in table.columns.values()] == ["code", "HA1", "HA2", "HA3",
                                                                  "total"]


@asynctest
async def test_cooccurrence_cell_lists_the_passage_pairs(two_coders):  # noqa: F811
    with Project.open(two_coders, coder="Lotte") as project:
        text = project.document_text("HA01").text
        start = text.index("Ik loop dan uit")
        project.add_coding("HA01", "Gebrek aan wederkerigheid", start, start + 15)
    app = make_app(two_coders, coder="Lotte")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_analysis(pilot)
        await pilot.press("o", "t")
        await pilot.pause()
        table = app.screen.query_one("#cooccurrence-table", DataTable)
        assert table.shown_row_at(1)[1:4] == [0, 2, 1]
        await pilot.press("down", "right", "right", "right", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CellQuotes)
        (pair,) = app.screen.passages
        assert app.screen.title_text.endswith("1 passage pair")
    assert pair.document == "HA01"
    assert text[pair.start:pair.end].startswith("Maar het kost veel tijd.")


@asynctest
async def test_agreement_tab_lists_the_disagreements_and_enter_opens_one(two_coders):  # noqa: F811
    with Project.open(two_coders) as project:
        expected = disagreements(project.snapshot(), "Lotte", "Prof. Claes")
    app = make_app(two_coders, coder="Lotte")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_analysis(pilot)
        await pilot.press("g")
        await settle(pilot)
        overall = str(app.screen.query_one("#agreement-overall", Static).content)
        table = app.screen.query_one("#agreement-table", DataTable)
        codes = [table.shown_row_at(i)[0] for i in range(table.row_count)]
        listing = app.screen.query_one("#disagreement-list", DataTable)
        rows = [listing.shown_row_at(i)[:4] for i in range(listing.row_count)]
        listing.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        coding = app.coding
        assert app.screen is coding
        assert coding.document.name == expected[1].document
        assert coding.transcript.selection == (expected[1].start, expected[1].end)
        shown = {c.coder for c in coding.transcript.codings_at_selection()}
    assert overall.startswith("Lotte vs Prof. Claes, 2 documents coded by both, unit segment")
    assert codes == ["Belasting > Objectieve belasting", "Rol van de huisarts > Laagdrempeligheid",
                     "Energiebronnen > Variatie"]  # the last two levels of each path
    assert rows == [[d.document, d.where, d.code_path[-1], " + ".join(d.coders)]
                    for d in expected]
    assert len(rows) == 4
    assert shown == set(expected[1].coders)


@asynctest
async def test_agreement_with_one_coder_says_two_are_needed(study):
    app = make_app(study, coder="Lotte")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_analysis(pilot)
        overall = str(app.screen.query_one("#agreement-overall", Static).content)
    assert overall == "Agreement needs codings by two coders; this project has 1 (Lotte)."
