"""Columns wide enough for what they hold: no "BSR01_transcrip", no "years_experien ce"."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from qualcode.export import export_workbook
from qualcode.project import Project


def _workbook(tmp_path: Path) -> openpyxl.Workbook:
    project = Project.create(tmp_path / "study.qualcode", language="en", coder="Noor")
    project.add_code(None, "Workload")
    text = "I: How is it?\nR: The evening shifts are long. I skip dinner often.\n"
    source = tmp_path / "BSR01_transcript.txt"
    source.write_text(text, encoding="utf-8")
    project.import_document(source, case="BSR01")
    table = tmp_path / "participants.csv"
    table.write_text("participant,years_experience,ward\nBSR01,12,Intensive care\n",
                     encoding="utf-8")
    project.import_participants(table)
    start = text.index("The evening")
    project.add_coding("BSR01_transcript", "Workload", start, start + 28)
    out = tmp_path / "out.xlsx"
    export_workbook(project, out)
    project.close()
    return openpyxl.load_workbook(out)


def _widths(sheet, header_row: int = 4) -> dict[str, float]:
    """Header -> width; openpyxl groups neighbouring columns of one width under the first."""
    spans = [(d.min, d.max, d.width) for d in sheet.column_dimensions.values()]
    header = [c.value for c in sheet[header_row]]
    return {name: next(w for low, high, w in spans if low <= i + 1 <= high)
            for i, name in enumerate(header) if name}


def test_document_names_and_attribute_headers_fit_their_columns(tmp_path):
    book = _workbook(tmp_path)
    widths = _widths(book["Workload"])
    assert widths["Document"] >= len("BSR01_transcript") + 1
    assert widths["years_experience"] >= len("years_experience") + 1
    assert widths["ward"] >= len("Intensive care") + 1
    assert widths["Quote"] <= 70
    people = _widths(book["Participants"])
    assert people["years_experience"] >= len("years_experience") + 1


def test_every_loaded_attribute_is_beside_the_quotes_unless_limited(tmp_path):
    sheet = _workbook(tmp_path)["Workload"]
    header = [c.value for c in sheet[4]]
    assert header[3:5] == ["years_experience", "ward"]
