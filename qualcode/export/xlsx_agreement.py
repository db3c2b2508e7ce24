"""The workbook's Agreement sheet: two coders' figures, then every passage where they differ.

For each pair of coders who coded a document in common: one line per unit
(segment, sentence, character; defined in docs/analysis.md), the segment
figures per code with the pooled row, then the disagreement list in document
order with the quote, so that student and supervisor can go through it on
paper. Counting is :mod:`qualcode.analysis.agreement`; this module only lays
it out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from qualcode.analysis.saturation_text import plural

if TYPE_CHECKING:
    from qualcode.analysis.agreement import AgreementReport, Figures
    from qualcode.export.figures import AgreementSet
    from qualcode.export.gather import ExportData
    from qualcode.export.xlsx_cells import SheetWriter

Page = Callable[["SheetWriter", "int | None"], None]
WIDTHS = [46, 12, 13, 13, 9, 9, 80]


def short_path(path: tuple[str, ...]) -> str:
    """The code and its parent: "Patiëntgebonden factoren > Gebrek aan wederkerigheid"."""
    return " > ".join(path[-2:])


def _rounded(value: float | None, digits: int) -> float | str:
    return "-" if value is None else round(value, digits)


def write_agreement(writer: SheetWriter, data: ExportData, page: Page) -> None:
    writer.widths(WIDTHS)
    writer.cell(0, "Agreement", "title")
    writer.sheet.set_row(0, 24)
    writer.row = 1
    writer.paragraph("Two coders compared code by code on the documents both coded. Segment: "
                     "codings match when their overlap covers at least 90% of the longer one; "
                     "kappa's chance term is 1/codes compared (Brennan & Prediger). Sentence "
                     "and character: Cohen's kappa and Krippendorff's alpha. Codes are shown "
                     "by their last two levels.", 6, 150)
    writer.row += 1
    if not data.agreements:
        coders = ", ".join(data.coders) or "none"
        writer.paragraph("Agreement needs two coders who coded the same document; this "
                         f"project has {len(data.coders)} coder(s): {coders}.", 6, 150)
        page(writer, None)
        return
    for pair in data.agreements:
        _pair(writer, pair)
    page(writer, None)  # two different tables per pair: no header row to repeat


def _pair(writer: SheetWriter, pair: AgreementSet) -> None:
    """One pair of coders: the three units, figures per code, then the disagreements."""
    report = pair.segment
    a, b = report.coders
    writer.cell(0, f"{a} and {b}: {plural(len(report.documents), 'document')} coded by both "
                f"({', '.join(report.documents)})", "heading")
    writer.row += 1
    for unit in (pair.segment, pair.sentence, pair.character):
        if unit is not None:
            writer.paragraph(unit.summary(), 6, 150)
    writer.row += 1
    writer.line(["Code (segments)", "Matched", f"Only {a}", f"Only {b}", "Agree %", "Kappa"],
                "header")
    for code in report.codes:
        _figures_row(writer, short_path(code.code_path), code.figures, "wrap")
    _figures_row(writer, "All codes (pooled)", report.pooled, "label")
    writer.row += 1
    _disagreements(writer, report)
    writer.row += 2


def _figures_row(writer: SheetWriter, label: str, figures: Figures, style: str) -> None:
    c = figures.counts
    writer.record([label, c.both, c.only_a, c.only_b, _rounded(figures.percent, 1),
                   _rounded(figures.kappa, 3)],
                  [style, "number", "number", "number", "number", "number"], [None] * 6)


def _disagreements(writer: SheetWriter, report: AgreementReport) -> None:
    found = report.disagreements
    overlap = f", overlap {report.overlap * 100:g}%" if report.overlap else ""
    writer.cell(0, f"Disagreements (unit {report.unit}{overlap}): {len(found)} passages, "
                "in document order", "heading")
    writer.row += 1
    if not found:
        writer.cell(0, "None: the two coders agree on every passage.", "note")
        writer.row += 1
        return
    writer.line(["Code", "Document", "Where", "Applied by", "Start", "End", "Quote"], "header")
    for d in found:
        writer.record([short_path(d.code_path), d.document, d.where, " + ".join(d.coders),
                       d.start, d.end, d.text],
                      ["wrap", "text", "text", "wrap", "number", "number", "wrap"],
                      [None] * 7, keep=(0, 1, 2, 3, 4, 5), mark=None)
