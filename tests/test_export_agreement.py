"""The workbook's Agreement sheet: figures per unit and code, then the disagreements quoted."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from test_export_study import study  # noqa: F401  (fixture)

from qualcode.analysis import agreement
from qualcode.export import export_workbook
from qualcode.project import Project


def _rows(sheet) -> list[list]:
    return [[v for v in r if v is not None] for r in sheet.iter_rows(values_only=True)
            if any(v is not None for v in r)]


def test_agreement_sheet_lists_figures_then_each_disagreement_with_its_quote(
    study: Project, tmp_path: Path  # noqa: F811
):
    text = study.document_text("HA1").text
    start = text.index("ik loop altijd uit met mijn consultaties")
    study.add_coding("HA1", "Objectieve belasting", start, start + 40, coder="Prof")
    start = text.index("Je geeft zoveel")
    study.add_coding("HA1", "Laagdrempeligheid", start, start + 15, coder="Prof")
    report = agreement(study.snapshot(), "Lotte", "Prof")
    out = tmp_path / "thesis.xlsx"
    export_workbook(study, out)
    rows = _rows(openpyxl.load_workbook(out)["Overeenstemming"])
    texts = [" | ".join(str(v) for v in r) for r in rows]
    assert "Lotte and Prof: 1 document coded by both (HA1)" in texts
    assert report.summary() in texts
    assert any(t.startswith("sentence: ") for t in texts)
    assert any(t.startswith("character: ") for t in texts)
    pooled = next(r for r in rows if r[0] == "All codes (pooled)")
    assert pooled[1:4] == [report.pooled.counts.both, report.pooled.counts.only_a,
                           report.pooled.counts.only_b]
    header = texts.index("Code | Document | Where | Applied by | Start | End | Quote")
    listed = rows[header + 1: header + 1 + len(report.disagreements)]
    assert [(r[1], r[4], r[5], r[6]) for r in listed] == [
        (d.document, d.start, d.end, d.text) for d in report.disagreements]
    assert [r[3] for r in listed] == [" + ".join(d.coders) for d in report.disagreements]


def test_with_one_coder_the_sheet_says_a_second_is_needed(study: Project,  # noqa: F811
                                                          tmp_path: Path):
    out = tmp_path / "thesis.xlsx"
    export_workbook(study, out)
    rows = _rows(openpyxl.load_workbook(out)["Overeenstemming"])
    assert any("needs two coders" in str(r[0]) for r in rows)
