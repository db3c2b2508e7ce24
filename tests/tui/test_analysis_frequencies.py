"""The frequencies tab: the numbers of ``qualcode stats`` and the one-interview codes."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from qualcode.tui.app import make_app
from tests.tui.analysis_helpers import open_analysis, two_coders  # noqa: F401
from tests.tui.conftest import asynctest


@asynctest
async def test_frequencies_count_segments_documents_participants_and_words(two_coders):  # noqa: F811
    app = make_app(two_coders, coder="Lotte")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_analysis(pilot)
        await pilot.press("f")
        table = app.screen.query_one("#frequency-table", DataTable)
        rows = {str(r[0]).strip(): r[1:] for r in
                (table.shown_row_at(i) for i in range(table.row_count))}
    # Prof. Claes's coding lies inside Lotte's passage in HA01: still one segment there.
    # Columns: share, segments, documents, words, then the same with sub-codes.
    assert rows["Objectieve belasting"] == ["2/2", 2, 2, 24, "2/2", 2, 2]
    assert rows["Laagdrempeligheid"] == ["1/2", 1, 1, 8, "1/2", 1, 1]
    assert rows["Variatie"] == ["1/2", 1, 1, 9, "1/2", 1, 1]
    assert rows["Gebrek aan wederkerigheid"] == ["0/2", 0, 0, 0, "0/2", 0, 0]
    # A category is never "0/0": with its sub-codes it has the passages under it.
    assert rows["Belasting"] == ["0/2", 0, 0, 0, "2/2", 2, 2]
    assert rows["Rol van de huisarts"][4:] == ["1/2", 1, 1]
    assert list(rows) == ["Belasting", "Objectieve belasting", "Gebrek aan wederkerigheid",
                          "Rol van de huisarts", "Laagdrempeligheid", "Energiebronnen",
                          "Variatie"]


@asynctest
async def test_codes_of_one_interview_and_unused_codes_are_listed(two_coders):  # noqa: F811
    app = make_app(two_coders, coder="Lotte")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_analysis(pilot)
        text = str(app.screen.query_one("#prevalence", Static).content)
    assert "Seen in only one interview (2): Laagdrempeligheid (HA01), Variatie (HA02)" in text
    assert ("Never applied (4): Belasting, Gebrek aan wederkerigheid, Rol van de huisarts, "
            "Energiebronnen") in text
