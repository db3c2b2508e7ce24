"""A coding query's workbook speaks the project's language; its CSV stays English for scripts."""

from __future__ import annotations

import csv
from pathlib import Path

from python_calamine import CalamineWorkbook

from qualcode.export.passages import write_passages
from qualcode.search.coding_query import CodingQuery, QueryPassage

QUERY = CodingQuery(code="Belasting", not_code="Emoties", attributes={"praktijk": "solo"})


def passage(document: str, turn: int | None, time: float | None = None) -> QueryPassage:
    return QueryPassage(document=document, case="HA1", code_path=("Belasting", "Tijd"),
                        start=40, end=70, text="De tijd is zwaar. Ik loop uit.", coder="Lotte",
                        turn=turn, time=time, met=(("Wederkerigheid",),))


def sheet(path: Path, name: str) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()


def test_a_dutch_project_gets_dutch_headings_sheet_name_positions_and_count(tmp_path: Path):
    out = tmp_path / "zoekvraag.xlsx"
    write_passages([passage("HA1", 2, 75.0), passage("HA2", None)], out, QUERY, "nl")
    assert CalamineWorkbook.from_path(str(out)).sheet_names == ["Zoekvraag"]
    rows = sheet(out, "Zoekvraag")
    assert rows[0][0] == "Zoekvraag op codes: Belasting NIET Emoties (overlappend), praktijk = solo"
    assert rows[1][0] == "2 passages"
    assert rows[3] == ["Document", "Deelnemer", "Plaats", "Code", "Citaat", "Codeur",
                       "Samen met", "Begin", "Einde"]
    assert rows[4][:3] == ["HA1", "HA1", "beurt 2 · 1:15"]
    assert rows[5][2] == "vóór de eerste beurt"


def test_an_english_project_gets_english_words_and_one_passage_in_the_singular(tmp_path: Path):
    out = tmp_path / "query.xlsx"
    write_passages([passage("HA1", 2)], out, CodingQuery(code="Belasting", and_code="Emoties",
                                                         near="turn"), "en-GB")
    rows = sheet(out, "Query")
    assert rows[0][0] == "Coding query: Belasting AND Emoties (same turn)"
    assert rows[1][0] == "1 passage"
    assert rows[3][:7] == ["Document", "Participant", "Position", "Code", "Quote", "Coder",
                           "Together with"]
    assert rows[4][2] == "turn 2"


def test_the_csv_keeps_its_english_header_and_positions_in_a_dutch_project(tmp_path: Path):
    out = tmp_path / "zoekvraag.csv"
    write_passages([passage("HA1", 2, 75.0)], out, QUERY, "nl")
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["document", "participant", "position", "code", "quote", "coder", "with",
                       "start", "end"]
    assert rows[1][:3] == ["HA1", "HA1", "turn 2 · 1:15"]
