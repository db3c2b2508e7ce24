"""The workbook's Agreement sheet: figures per unit and code, then the disagreements quoted."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from test_export_study import study  # noqa: F401  (fixture)

from qualcode.analysis import agreement
from qualcode.export import export_workbook
from qualcode.export.wording import wording
from qualcode.export.xlsx_agreement import summary
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
    assert "Lotte en Prof: 1 document door allebei gecodeerd (HA1)" in texts
    assert summary(report, wording("nl")) in texts
    assert any(t.startswith("zin: ") for t in texts)
    assert any(t.startswith("teken: ") for t in texts)
    pooled = next(r for r in rows if r[0] == "Alle codes (samen)")
    assert pooled[1:4] == [report.pooled.counts.both, report.pooled.counts.only_a,
                           report.pooled.counts.only_b]
    header = texts.index("Code | Document | Waar | Toegepast door | Begin | Einde | Citaat")
    listed = rows[header + 1: header + 1 + len(report.disagreements)]
    assert [(r[1], r[4], r[5], r[6]) for r in listed] == [
        (d.document, d.start, d.end, d.text) for d in report.disagreements]
    assert [r[3] for r in listed] == [" + ".join(d.coders) for d in report.disagreements]


def test_with_one_coder_the_sheet_says_a_second_is_needed(study: Project,  # noqa: F811
                                                          tmp_path: Path):
    out = tmp_path / "thesis.xlsx"
    export_workbook(study, out)
    rows = _rows(openpyxl.load_workbook(out)["Overeenstemming"])
    assert any("vraagt twee codeurs" in str(r[0]) for r in rows)
