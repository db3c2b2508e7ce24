"""The Saturation sheet: the verdict under the table, the chart labelled by short numbers."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from python_calamine import CalamineWorkbook
from test_export_study import study  # noqa: F401  (fixture)

from qualcode.export import export_workbook
from qualcode.project import Project


def test_the_verdict_sits_under_the_table_and_the_chart_counts_by_number(
        study: Project, tmp_path: Path):  # noqa: F811
    out = tmp_path / "thesis.xlsx"
    export_workbook(study, out)
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Saturatie").to_python()
    table = [i for i, row in enumerate(rows) if isinstance(row[0], int | float) and row[0]]
    verdicts = [i for i, row in enumerate(rows)
                if isinstance(row[0], str) and "gemarkeerd als gecodeerd" in row[0]]
    assert table and verdicts
    assert min(verdicts) > max(table)
    with zipfile.ZipFile(out) as archive:
        chart = archive.read("xl/charts/chart1.xml").decode()
    categories = re.findall(r"<c:cat>.*?<c:f>(.*?)</c:f>", chart, re.S)
    assert categories and all("$A$" in ref for ref in categories)


def test_the_printed_chart_starts_a_page_of_its_own(study: Project, tmp_path: Path):  # noqa: F811
    out = tmp_path / "thesis.xlsx"
    export_workbook(study, out)
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Saturatie").to_python()
    last_text = max(i for i, row in enumerate(rows) if any(row))
    with zipfile.ZipFile(out) as archive:
        sheets = [archive.read(name).decode() for name in archive.namelist()
                  if name.startswith("xl/worksheets/sheet")]
    [sheet] = [xml for xml in sheets if "<drawing " in xml]  # the one sheet with a chart
    breaks = [int(row) for row in re.findall(r'<brk id="(\d+)"', sheet)]
    assert breaks == [last_text + 2]  # the chart's row, below the verdicts, begins a page
