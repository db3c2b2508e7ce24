"""The workbook's content, as a supervisor reading it would check it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from test_export_study import study  # noqa: F401  (fixture)

from qualcode.analysis import frequencies, saturation_table
from qualcode.export import export_workbook
from qualcode.project import Project


@pytest.fixture
def book(study: Project, tmp_path: Path):  # noqa: F811
    out = tmp_path / "thesis.xlsx"
    export_workbook(study, out)
    return openpyxl.load_workbook(out)


def _rows(sheet) -> list[tuple]:
    return [r for r in sheet.iter_rows(values_only=True) if any(v is not None for v in r)]


def test_sheets_come_in_the_thesis_order(book):
    assert book.sheetnames == ["Overzicht", "Codeboek", "Rol van de huisarts", "Belasting",
                               "Tips voor collega's", "Deelnemers", "Frequenties",
                               "Saturatie", "Overeenstemming", "Memo's"]


def test_a_category_sheet_groups_quotes_under_sub_codes_in_codebook_then_interview_order(book):
    rows = _rows(book["Belasting"])
    assert rows[0][0] == "Belasting"
    body = [r for r in rows[3:]]
    headings = [r[0] for r in body if r[1] is None]
    assert headings == [
        "Objectieve belasting — 3 segmenten · 3/4 deelnemers",
        "Subjectieve belasting — nog geen citaten",
        "Subjectieve belasting > Gebrek aan wederkerigheid — 1 segment · 1/4 deelnemers",
    ]
    quotes = [(r[0], r[1]) for r in body if r[1] is not None]
    assert quotes == [("Objectieve belasting", "HA1"), ("Objectieve belasting", "HA2"),
                      ("Objectieve belasting", "HA3"), ("Gebrek aan wederkerigheid", "HA1")]


def test_a_quote_row_carries_attributes_speaker_memo_and_position(book):
    sheet = book["Belasting"]
    header = [c.value for c in sheet[4]]
    assert header == ["Code", "Deelnemer", "Document", "gender", "age", "years as GP",
                      "practice type", "interview length", "Spreker", "Citaat", "Memo",
                      "Plaats"]
    first = [c.value for c in sheet[6]]
    assert first[:7] == ["Objectieve belasting", "HA1", "HA1", "v", 41, 14, "WGC"]
    assert first[8] == "HA1"
    assert first[9] == "ik loop altijd uit met mijn consultaties"
    assert first[10] == "uitlopen"
    assert first[11] == "beurt 2"  # a Dutch study: "beurt"; no times in the transcript


def test_the_quote_cell_is_filled_with_a_light_tint_of_the_code_colour(book):
    sheet = book["Belasting"]
    fill = sheet["J6"].fill.fgColor.rgb  # Objectieve belasting inherits Belasting #d95f02
    red, green, blue = (int(fill[i:i + 2], 16) for i in (2, 4, 6))
    assert red > green > blue > 180  # light: near white, orange hue kept
    assert sheet.freeze_panes == "A5"
    assert sheet.auto_filter.ref.startswith("A4:L")


def test_the_codebook_shows_path_colour_as_a_fill_and_counts(book):
    rows = {r[0]: r for r in _rows(book["Codeboek"])[3:]}
    row = rows["Objectieve belasting"]
    assert row[1] == "Belasting > Objectieve belasting"
    assert row[8:] == (3, 3, 3)
    sheet = book["Codeboek"]
    colour_cell = next(r[2] for r in sheet.iter_rows(min_row=5) if r[0].value == "Belasting")
    assert colour_cell.value == "#d95f02"
    assert colour_cell.fill.fgColor.rgb.upper().endswith("D95F02")


def test_participants_is_table_one_with_codings_per_participant(book):
    rows = _rows(book["Deelnemers"])
    assert rows[2][:6] == ("Deelnemer", "gender", "age", "years as GP", "practice type",
                           "interview length")
    assert [(r[0], r[-1]) for r in rows[3:]] == [("HA1", 3), ("HA2", 2), ("HA3", 3), ("HA4", 0)]


def test_frequencies_match_the_analysis_layer_and_read_as_in_a_results_chapter(
        book, study):  # noqa: F811
    table = frequencies(study.snapshot())
    rows = {r[0]: r for r in _rows(book["Frequenties"])[3:]}
    for frequency in table.rows:
        row = rows[frequency.code_path[-1]]
        assert (row[1], row[2], row[3]) == (frequency.segments, frequency.documents,
                                            frequency.share)
    assert rows["Objectieve belasting"][5:] == (1, 1, 1, 0)
    assert rows["Belasting"][4] == "3/4"


def test_saturation_matches_the_analysis_layer(book, study):  # noqa: F811
    expected = saturation_table(study.snapshot())
    rows = [r for r in _rows(book["Saturatie"])[3:] if isinstance(r[0], int)]
    assert [r[4] for r in rows] == expected.new_codes == [3, 1, 0, 0]
    assert [r[5] for r in rows] == expected.cumulative
    assert rows[1][6] == "Tips voor collega's > Grenzen stellen"


def test_the_overview_counts_what_was_exported(book):
    rows = _rows(book["Overzicht"])
    facts = {r[0]: r[1] for r in rows[: [r[0] for r in rows].index("Zo lees je deze werkmap")]}
    assert facts["Documenten"] == 4 and facts["Deelnemers"] == 4
    assert facts["Codes"] == 8 and facts["Coderingen"] == 8
    assert facts["Codeurs"] == "Lotte"
    assert facts["Opgeschoonde cellen"].startswith("uit 0 cellen")


def test_calamine_reads_the_same_quotes(study, tmp_path):  # noqa: F811
    out = tmp_path / "thesis.xlsx"
    export_workbook(study, out)
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Tips voor collega's")
    quotes = [r[9] for r in rows.to_python() if len(r) > 9 and r[1] in ("HA2", "HA3")]
    assert quotes == ["Grenzen stellen, echt. Ik zeg nu vaker nee.", "bewaak je grenzen"]


def test_progress_runs_from_zero_to_one(study, tmp_path):  # noqa: F811
    seen: list[float] = []
    export_workbook(study, tmp_path / "x.xlsx", lambda fraction, _m: seen.append(fraction))
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen)
