"""Quote rows written as XML must be exactly what xlsxwriter would have written."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from test_export_study import add_interview, code_text

from qualcode.export import export_workbook, xlsx_cells
from qualcode.project import Project

TRICKY = [
    "=SUM(A1:A9) als formule",
    "  spaties vooraan en achteraan  ",
    "een letterlijke _x0041_ escape",
    "<b>vet</b> & \"aanhalingstekens\"",
    "regel een\nregel twee\n",
    "tab\tin het midden, 😀 en é",
]


def _sheets(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()
                if name.startswith("xl/worksheets/") or name == "xl/styles.xml"}


def test_quote_rows_as_xml_match_xlsxwriter_cell_by_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Project.create(tmp_path / "rows.qualcode", coder="Lotte") as project:
        project.add_code(None, "Lastig", color="#1b9e77")
        project.add_code("Lastig", "Tekens")
        add_interview(project, "HA1", [("HA1", text) for text in TRICKY])
        for number, text in enumerate(TRICKY):
            code_text(project, "HA1", "Lastig > Tekens" if number % 2 else "Lastig", text,
                      memo="" if number % 3 else f"-memo {number} & <meer>")
        export_workbook(project, tmp_path / "direct.xlsx")
        monkeypatch.setattr(xlsx_cells, "direct_rows_for", lambda _sheet: None)
        export_workbook(project, tmp_path / "cells.xlsx")

    direct, cells = _sheets(tmp_path / "direct.xlsx"), _sheets(tmp_path / "cells.xlsx")
    overview = "xl/worksheets/sheet1.xml"  # holds the export time, which differs
    assert direct.keys() == cells.keys()
    for name in direct:
        if name != overview:
            assert direct[name] == cells[name], name


def test_an_untested_xlsxwriter_version_gets_the_ordinary_cell_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import xlsxwriter

    with Project.create(tmp_path / "zip.qualcode", coder="Lotte") as project:
        project.add_code(None, "Lastig")
        add_interview(project, "HA1", [("HA1", "Het is soms zwaar.")])
        code_text(project, "HA1", "Lastig", "Het is soms zwaar.")
        monkeypatch.setattr(xlsxwriter, "__version__", "99.0.0")
        used: list[object] = []
        real = xlsx_cells.direct_rows_for
        monkeypatch.setattr(xlsx_cells, "direct_rows_for", lambda s: used.append(real(s)))
        export_workbook(project, tmp_path / "plain.xlsx")

    assert used and all(found is None for found in used)
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as archive:
        assert archive.testzip() is None
        assert b"Het is soms zwaar." in archive.read("xl/worksheets/sheet3.xml")
