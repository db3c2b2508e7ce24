"""The workbook and the report speak the project's language: Dutch for a Dutch study."""

from __future__ import annotations

from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from qualcode.export import ExportOptions, export, export_workbook
from qualcode.export.wording import Counted, wording
from qualcode.project import Project


def _study(path: Path, language: str) -> Project:
    project = Project.create(path, language=language, coder="Noor")
    project.add_code(None, "Workload", color="#1F3A93")
    project.add_code("Workload", "Evening shifts")
    text = "I: How is it?\nR: The evening shifts are long. I skip dinner often.\n"
    source = path.parent / "P01.txt"
    source.write_text(text, encoding="utf-8")
    project.import_document(source)
    start = text.index("The evening")
    project.add_coding("P01", "Evening shifts", start, start + len("The evening shifts are long."))
    return project


@pytest.mark.parametrize(("language", "sheets", "heading", "plural"), [
    ("nl", ["Overzicht", "Codeboek", "Workload", "Deelnemers", "Frequenties", "Saturatie",
            "Overeenstemming"], "Zo lees je deze werkmap", "1 segment · 1/1 deelnemers"),
    ("en", ["Overview", "Codebook", "Workload", "Participants", "Frequencies", "Saturation",
            "Agreement"], "How to read this workbook", "1 segment · 1/1 participants"),
])
def test_the_workbook_speaks_the_projects_language(tmp_path, language, sheets, heading,
                                                    plural):
    project = _study(tmp_path / "study.qualcode", language)
    out = tmp_path / "out.xlsx"
    export_workbook(project, out)
    book = CalamineWorkbook.from_path(str(out))
    assert book.sheet_names == sheets
    overview = [row[0] for row in book.get_sheet_by_name(sheets[0]).to_python()]
    assert heading in overview
    category = [row[0] for row in book.get_sheet_by_name("Workload").to_python()]
    assert any(str(cell).endswith(plural) for cell in category)
    project.close()


def test_the_report_says_mentioned_by_in_the_projects_language(tmp_path):
    for language, mentioned, quotes in (("nl", "Genoemd door 1 van de 1 deelnemers",
                                          "1 citaat uit 1 interview"),
                                         ("en", "Mentioned by 1 of 1 participants",
                                          "1 quote from 1 interview")):
        folder = tmp_path / language
        folder.mkdir()
        project = _study(folder / "study.qualcode", language)
        out = folder / "report.md"
        export("md", project, out, ExportOptions())
        text = out.read_text(encoding="utf-8")
        assert mentioned in text and quotes in text
        project.close()


def test_plurals_follow_the_count_and_other_languages_fall_back_to_english():
    assert wording("nl").quotes(1) == "1 citaat" and wording("nl").quotes(2) == "2 citaten"
    assert wording("en").codes(1) == "1 code" and wording("en-GB").quotes(3) == "3 quotes"
    assert wording("da") == wording("en")
    assert Counted("quote", "quotes")(0) == "0 quotes"
