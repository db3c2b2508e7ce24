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

from qualcode.analysis.comparison import DEFAULT_OVERLAP

if TYPE_CHECKING:
    from qualcode.analysis.agreement import AgreementReport, Figures
    from qualcode.export.figures import AgreementSet
    from qualcode.export.gather import ExportData
    from qualcode.export.wording import Wording
    from qualcode.export.xlsx_cells import SheetWriter

Page = Callable[["SheetWriter", "int | None"], None]
WIDTHS = [46, 12, 13, 13, 9, 9, 80]


def short_path(path: tuple[str, ...]) -> str:
    """The code and its parent: "Patiëntgebonden factoren > Gebrek aan wederkerigheid"."""
    return " > ".join(path[-2:])


def _rounded(value: float | None, digits: int) -> float | str:
    return "-" if value is None else round(value, digits)


def summary(report: AgreementReport, words: Wording) -> str:
    """One line per unit, as :meth:`AgreementReport.summary` says it, in the workbook's
    language: "segment (overlap 90%): 7 of 10 segments matched (70.0%), kappa 0.67 …"."""
    p = report.pooled
    c = p.counts
    unit = (words.segment_unit.format(overlap=words.percent(report.overlap))
            if report.overlap else words.unit_names.get(report.unit, report.unit))
    if c.neither is None:
        chance = "-" if p.chance is None else f"1/{report.codes_compared}"
        return words.segment_summary.format(
            unit=unit, matched=c.both, total=c.both + c.only_a + c.only_b,
            percent=words.number(p.percent, 1), kappa=words.number(p.kappa, 2), chance=chance)
    return words.unit_summary.format(
        unit=unit, percent=words.number(p.percent, 1),
        units=words.unit_plurals.get(report.unit, report.unit),
        kappa=words.number(p.kappa, 2), chance=words.number(p.chance, 3),
        alpha=words.number(p.alpha, 2))


def write_agreement(writer: SheetWriter, data: ExportData, page: Page, words: Wording) -> None:
    writer.widths(WIDTHS)
    writer.cell(0, words.agreement, "title")
    writer.sheet.set_row(0, 24)
    writer.row = 1
    writer.paragraph(words.agreement_intro.format(overlap=words.percent(DEFAULT_OVERLAP)),
                     6, 150)
    writer.row += 1
    if not data.agreements:
        writer.paragraph(words.agreement_needs_two.format(
            coders=words.coders_noun(len(data.coders)),
            names=", ".join(data.coders) or words.none_yet), 6, 150)
        page(writer, None)
        return
    for pair in data.agreements:
        _pair(writer, pair, words)
    page(writer, None)  # two different tables per pair: no header row to repeat


def _pair(writer: SheetWriter, pair: AgreementSet, words: Wording) -> None:
    """One pair of coders: the three units, figures per code, then the disagreements."""
    report = pair.segment
    a, b = report.coders
    writer.cell(0, words.pair_heading.format(
        a=a, b=b, documents=words.documents(len(report.documents)),
        names=", ".join(report.documents)), "heading")
    writer.row += 1
    for unit in (pair.segment, pair.sentence, pair.character):
        if unit is not None:
            writer.paragraph(summary(unit, words), 6, 150)
    writer.row += 1
    writer.line([heading.format(a=a, b=b) for heading in words.figures_header], "header")
    for code in report.codes:
        _figures_row(writer, short_path(code.code_path), code.figures, "wrap")
    _figures_row(writer, words.pooled, report.pooled, "label")
    writer.row += 1
    _disagreements(writer, report, words)
    writer.row += 2


def _figures_row(writer: SheetWriter, label: str, figures: Figures, style: str) -> None:
    c = figures.counts
    writer.record([label, c.both, c.only_a, c.only_b, _rounded(figures.percent, 1),
                   _rounded(figures.kappa, 3)],
                  [style, "number", "number", "number", "number", "number"], [None] * 6)


def _disagreements(writer: SheetWriter, report: AgreementReport, words: Wording) -> None:
    found = report.disagreements
    overlap = (words.overlap_note.format(overlap=words.percent(report.overlap))
               if report.overlap else "")
    writer.cell(0, words.disagreements_heading.format(
        unit=words.unit_names.get(report.unit, report.unit), overlap=overlap,
        passages=words.passages(len(found))), "heading")
    writer.row += 1
    if not found:
        writer.cell(0, words.no_disagreements, "note")
        writer.row += 1
        return
    writer.line(list(words.disagreement_header), "header")
    for d in found:
        writer.record([short_path(d.code_path), d.document, words.place(d.turn, d.time),
                       " + ".join(d.coders), d.start, d.end, d.text],
                      ["wrap", "text", "text", "wrap", "number", "number", "wrap"],
                      [None] * 7, keep=(0, 1, 2, 3, 4, 5), mark=None)
