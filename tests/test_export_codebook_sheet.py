"""The Codebook sheet: colour names readable on their fill, sub-codes indented, names whole."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from python_calamine import CalamineWorkbook

from qualcode.export import export_workbook
from qualcode.export.xlsx_cells import readable_on
from qualcode.project import Project

LONG = "Feeling that the evening handover is rushed and information gets lost"


def _export(tmp_path: Path) -> Path:
    project = Project.create(tmp_path / "study.qualcode", language="en", coder="Noor")
    project.add_code(None, "Workload", color="#1F3A93")
    project.add_code("Workload", "Evening shifts", color="#F7DC6F")
    project.add_code("Workload > Evening shifts", LONG, color="#7D3C98")
    out = tmp_path / "out.xlsx"
    export_workbook(project, out)
    project.close()
    return out


def test_the_colour_text_is_white_on_dark_fills_and_black_on_light_ones(tmp_path):
    sheet = openpyxl.load_workbook(_export(tmp_path))["Codebook"]
    cells = {row[2].value.upper(): row[2] for row in sheet.iter_rows(min_row=5) if row[2].value}
    assert cells["#1F3A93"].font.color.rgb.endswith("FFFFFF")
    assert cells["#7D3C98"].font.color.rgb.endswith("FFFFFF")
    light = cells["#F7DC6F"].font.color
    assert light is None or not str(light.rgb).endswith("FFFFFF")
    assert readable_on("#FFFF00") == "#000000" and readable_on("#000080") == "#FFFFFF"


def test_sub_codes_are_indented_by_level_and_names_are_never_cut(tmp_path):
    out = _export(tmp_path)
    sheet = openpyxl.load_workbook(out)["Codebook"]
    indents = {row[0].value: row[0].alignment.indent for row in sheet.iter_rows(min_row=5)}
    assert indents == {"Workload": 0, "Evening shifts": 1, LONG: 2}
    width = next(d.width for d in sheet.column_dimensions.values() if d.min == 1)
    name_cell = next(row[0] for row in sheet.iter_rows(min_row=5) if row[0].value == LONG)
    assert width >= len(LONG) + 6 or name_cell.alignment.wrap_text
    names = [row[0] for row in CalamineWorkbook.from_path(str(out))
             .get_sheet_by_name("Codebook").to_python()[4:]]
    assert names == ["Workload", "Evening shifts", LONG]
