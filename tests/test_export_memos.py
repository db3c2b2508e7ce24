"""Memos reach the workbook (a Memos sheet) and the report (a memo section)."""

import re
from pathlib import Path

import openpyxl

from qualcode.export import export
from qualcode.project import Project


def _memos(project: Project, interview: str) -> int:
    start = interview.index("Die wederkerigheid")
    coding = project.add_coding("HA1", "Gebrek aan wederkerigheid", start, start + 18).id
    project.set_memo("project", None, "Elf huisartsen in Gent.")
    project.set_memo("document", "HA1", "Interview na de middag;\nrustig.")
    project.set_memo("code", "Belasting", "Alles wat zwaar weegt.")
    project.set_memo("coding", coding, "Kern van wederkerigheid.")
    return coding


def test_workbook_has_a_memos_sheet_with_every_memo(project: Project, interview: str,
                                                    tmp_path: Path):
    _memos(project, interview)
    export("xlsx", project, tmp_path / "out.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx")["Memo's"]
    rows = [[c for c in row] for row in sheet.iter_rows(min_row=5, values_only=True)]
    assert [row[:3] for row in rows] == [
        ["project", project.name, "Elf huisartsen in Gent."],
        ["document", "HA1", "Interview na de middag;\nrustig."],
        ["code", "Belasting", "Alles wat zwaar weegt."],
        ["codering", "HA1 · Belasting > Gebrek aan wederkerigheid · “Die wederkerigheid”",
         "Kern van wederkerigheid."],
    ]
    assert all(row[3] == "Lotte" for row in rows)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", row[4]) for row in rows)


def test_workbook_without_memos_has_no_memos_sheet(project: Project, interview: str,
                                                   tmp_path: Path):
    export("xlsx", project, tmp_path / "out.xlsx")
    assert "Memo's" not in openpyxl.load_workbook(tmp_path / "out.xlsx").sheetnames


def test_report_ends_with_a_memo_section(project: Project, interview: str, tmp_path: Path):
    _memos(project, interview)
    export("md", project, tmp_path / "out.md")
    text = (tmp_path / "out.md").read_text(encoding="utf-8")
    section = text[text.index("## Memo's"):]
    assert "### Project\n\nElf huisartsen in Gent." in section
    assert "### Document HA1\n\nInterview na de middag;\nrustig." in section
    assert "### Code Belasting\n\nAlles wat zwaar weegt." in section
    assert "> — memo: Kern van wederkerigheid." in text
    export("docx", project, tmp_path / "out.docx")
    from docx import Document

    paragraphs = [p.text for p in Document(str(tmp_path / "out.docx")).paragraphs]
    assert "Memo's" in paragraphs and "Alles wat zwaar weegt." in paragraphs
