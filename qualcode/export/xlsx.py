"""The Excel workbook that mirrors the thesis method.

Sheets: Overview, Codebook, one per top-level category, Participants,
Frequencies, Saturation, Agreement (:mod:`qualcode.export.xlsx_agreement`).
Written with xlsxwriter in its ``constant_memory`` mode, which streams rows
to disk so 100,000 codings fit in a small, flat amount of memory, and lets
the quote rows be written as XML directly
(:mod:`qualcode.export.xlsx_rows`, about twice as fast as cell by cell).
Rows are written strictly top to bottom, which streaming requires.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qualcode.analysis.saturation_words import not_counted_reason, verdict_in
from qualcode.errors import QualcodeError, quoted
from qualcode.export.gather import ExportData, Progress, gather
from qualcode.export.options import ExportOptions, quote_attributes
from qualcode.export.safety import (
    CellCleaner,
    atomic_output,
    remove_scratch,
    scratch_folder,
    sheet_names,
)
from qualcode.export.wording import Wording, fixed_sheets, wording
from qualcode.export.xlsx_agreement import write_agreement
from qualcode.export.xlsx_categories import write_category
from qualcode.export.xlsx_cells import SheetWriter, Styles, fitted, tint

if TYPE_CHECKING:
    from qualcode.project import Project

FIXED_SHEETS = fixed_sheets(wording("en"))
"""The fixed sheets of an English project; a Dutch one has Dutch names (:mod:`wording`)."""


def export_workbook(
    project: Project,
    out: str | os.PathLike[str],
    progress: Progress | None = None,
    options: ExportOptions | None = None,
) -> None:
    """Write the workbook to ``out`` (replaced only on success).

    ``progress(fraction, message)`` is called as the export goes (0.0 → 1.0);
    it is safe to run this in a worker thread, as the TUI does.
    """
    report = progress or (lambda _fraction, _message: None)
    data = gather(project, report, share=0.3, coders=(options or ExportOptions()).coders)
    write_workbook(data, Path(out), report, options or ExportOptions())
    report(1.0, f"wrote {Path(out).name}")


def write_workbook(data: ExportData, out: Path, progress: Progress,
                   options: ExportOptions) -> None:
    import xlsxwriter

    with atomic_output(out) as temporary:
        scratch = scratch_folder(temporary)
        try:
            _write(xlsxwriter, data, temporary, scratch, progress, options, out)
        finally:
            remove_scratch(scratch)


def _write(xlsxwriter: Any, data: ExportData, temporary: Path, scratch: Path,
           progress: Progress, options: ExportOptions, out: Path) -> None:
    workbook = xlsxwriter.Workbook(str(temporary), {
        "tmpdir": str(scratch),
        # Streamed (constant memory) whenever there are quotes: streaming is also
        # what makes the fast quote rows possible.
        "constant_memory": bool(data.quotes),
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    })
    words = wording(data.language)
    workbook.set_properties({"title": words.workbook_title.format(project=data.project_name),
                             "comments": words.exported_by})
    styles = Styles(workbook)
    cleaner = CellCleaner()
    categories = data.categories()
    names = sheet_names([c.name for c, _codes in categories], fixed_sheets(words))

    def writer(name: str) -> SheetWriter:
        return SheetWriter(workbook.add_worksheet(name), styles, cleaner,
                           (words.first_part, words.next_part))

    overview = writer(words.overview)
    _codebook(writer(words.codebook), data, words)
    attributes = quote_attributes(options, data.attributes)
    quotes_by_code = data.quotes_by_code()
    written = 0
    total = max(1, len(data.quotes))

    def done(count: int) -> None:
        nonlocal written
        written += count
        progress(0.3 + 0.6 * written / total, f"wrote {written:,} of {total:,} quotes")

    for (category, codes), name in zip(categories, names, strict=True):
        write_category(writer(name), data, category, codes, quotes_by_code, attributes, done,
                       lambda w, header: _page(w, data, header, words), words)
    _participants(writer(words.participants), data, words)
    _frequencies(writer(words.frequencies), data, words)
    _saturation(writer(words.saturation), data, workbook, words)
    write_agreement(writer(words.agreement), data,
                    lambda w, header: _page(w, data, header, words), words)
    if data.memos:
        _memos(writer(words.memos), data, words)
    _overview(overview, data, cleaner, list(zip(names, categories, strict=True)), words)
    progress(0.92, "compressing the workbook")
    try:
        workbook.close()
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise QualcodeError(f"{quoted(out)}: disk full: nothing was written") from None
        raise QualcodeError(f"{quoted(out)}: cannot write the workbook ({exc.strerror})") from None


def _title(writer: SheetWriter, title: str, subtitle: str) -> None:
    writer.cell(0, title, "title")
    writer.sheet.set_row(0, 24)
    writer.row = 1
    writer.cell(0, subtitle, "subtitle")
    writer.row = 3


def _page(writer: SheetWriter, data: ExportData, header: int | None, words: Wording,
          landscape: bool = True) -> None:
    """Print setup: A4, one page wide, header row repeated, project and sheet in the margin."""
    sheet = writer.sheet
    if landscape:
        sheet.set_landscape()
    sheet.set_paper(9)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.fit_to_pages(1, 0)
    if header is not None:
        sheet.repeat_rows(header)
    name = data.project_name.replace("&", "&&")
    sheet.set_header(f"&L&8{name}&R&8&A")
    sheet.set_footer(f"&C&8{words.page_footer}")


def _table_header(writer: SheetWriter, headers: list[str], freeze_columns: int = 1) -> int:
    header_row = writer.row
    writer.line(headers, "header")
    writer.sheet.freeze_panes(header_row + 1, freeze_columns)
    return header_row


def _overview(writer: SheetWriter, data: ExportData, cleaner: CellCleaner,
              sheets: list[tuple[str, Any]], words: Wording) -> None:
    writer.widths([22, 80])
    _title(writer, words.workbook_title.format(project=data.project_name), words.exported_by)
    facts: list[tuple[str, str | int]] = [
        (words.project, data.project_name),
        (words.fact_project_file, data.location),
        (words.fact_exported, data.exported_at.isoformat(sep=" ")),
        (words.fact_coders, ", ".join(data.coders) or words.none_yet),
        (words.fact_whose_work, data.whose_work(words)),
        (words.documents.many.capitalize(), len(data.documents)),
        (words.participants, data.participants_total),
        (words.codes.many.capitalize(), len(data.codes)),
        (words.codings, len(data.quotes)),
        *([(words.fact_pseudonymised,
            words.pseudonymised_note.format(date=data.pseudonymised_at))]
          if data.pseudonymised_at else []),
        (words.fact_cells_cleaned, words.cells_cleaned(cleaner.cells_cleaned)),
        (words.fact_long_texts, words.long_texts_split(cleaner.cells_split)),
    ]
    for label, value in facts:
        writer.record([label, value], ["label", "wrap"], [None, None])
    writer.row += 1
    writer.cell(0, words.how_to_read, "heading")
    writer.row += 1
    guide = [(words.codebook, words.guide_codebook)]
    for name, (category, _codes) in sheets:
        guide.append((name, words.guide_category.format(category=category.name)))
    guide += [
        (words.participants, words.guide_participants),
        (words.frequencies, words.guide_frequencies),
        (words.saturation, words.guide_saturation),
        (words.agreement, words.guide_agreement),
        *([(words.memos, words.guide_memos)] if data.memos else []),
    ]
    for name, text in guide:
        writer.record([name, text], ["label", "wrap"], [None, None])
    _page(writer, data, None, words, landscape=False)


def _codebook(writer: SheetWriter, data: ExportData, words: Wording) -> None:
    deepest = max((code.depth for code in data.codes), default=0)
    writer.widths([fitted(words.code, (c.name for c in data.codes), 20, 60, deepest),
                   fitted(words.path, (c.path_text for c in data.codes), 20, 48),
                   fitted(words.colour, (), 9, 12), fitted(words.shortcut, (), 8, 12),
                   36, 24, 24, 24,
                   *(fitted(h, (), 9, 16) for h in (words.segments.many,
                                                   words.documents.many, words.participants))])
    _title(writer, words.codebook, words.codebook_subtitle.format(
        codes=words.codes(len(data.codes))))
    header = _table_header(writer, [words.code, words.path, words.colour, words.shortcut,
                                    words.definition, words.include_when, words.exclude_when,
                                    words.example, words.segments.many.capitalize(),
                                    words.documents.many.capitalize(), words.participants])
    wrap = "wrap"
    for code in data.codes:
        figures = data.figures[code.id]
        fills: list[str | None] = [None] * 11
        fills[2] = code.color if code.color else None
        writer.record(
            [code.name, code.path_text, code.color or "", code.key or "", code.description,
             code.inclusion, code.exclusion, code.example, figures.segments,
             figures.documents, figures.participants],
            ["label_wrap" if code.depth == 0 else wrap, wrap, "text", "text", wrap, wrap, wrap,
             wrap, "number", "number", "number"],
            fills, keep=(0, 1), mark=None, indent=code.depth,
        )
    writer.sheet.autofilter(header, 0, max(header, writer.row - 1), 10)
    _page(writer, data, header, words)


def _participants(writer: SheetWriter, data: ExportData, words: Wording) -> None:
    headers = [words.participant, *data.attributes, words.interviews, words.words,
               words.codings]
    people = data.participants
    writer.widths([
        fitted(words.participant, (p.name for p in people), 12, 30),
        *[fitted(a, (p.attributes.get(a) for p in people), 8, 30) for a in data.attributes],
        fitted(words.interviews, (", ".join(p.documents) for p in people), 18, 60),
        fitted(words.words, (p.words for p in people), 8, 12),
        fitted(words.codings, (p.codings for p in people), 8, 12)])
    _title(writer, words.participants, words.participants_subtitle.format(
        participants=words.participants_noun(data.participants_total)))
    header = _table_header(writer, headers)
    for participant in data.participants:
        writer.line([participant.name, *(participant.attributes.get(a) for a in data.attributes),
                     ", ".join(participant.documents), participant.words,
                     participant.codings])
    writer.sheet.autofilter(header, 0, max(header, writer.row - 1), len(headers) - 1)
    _page(writer, data, header, words)


def _frequencies(writer: SheetWriter, data: ExportData, words: Wording) -> None:
    people = [p.name for p in data.participants]
    total = data.participants_total
    headers = [words.code, words.segments.many.capitalize(),
               words.documents.many.capitalize(), words.participants, words.with_sub_codes,
               *people]
    writer.widths([fitted(words.code, (c.name for c in data.codes), 30, 50,
                          max((c.depth for c in data.codes), default=0)),
                   *(fitted(h, (), 10, 30) for h in headers[1:5]),
                   *(fitted(p, (), 6, 24) for p in people)])
    _title(writer, words.frequencies, words.frequencies_subtitle.format(total=total))
    header = _table_header(writer, headers)
    for code in data.codes:
        figures = data.figures[code.id]
        writer.cell(0, code.name, "label" if code.depth == 0 else "text", indent=code.depth)
        writer.cell(1, figures.segments, "number")
        writer.cell(2, figures.documents, "number")
        writer.cell(3, f"{figures.participants}/{total}", "number")
        writer.cell(4, f"{figures.pooled_participants}/{total}", "number")
        for column, person in enumerate(people, start=5):
            count = figures.by_participant.get(person, 0)
            writer.cell(column, count, "number" if count else "zero",
                        tint(data.color_of(code), 0.3) if count else None)
        writer.row += 1
    _page(writer, data, header, words)


def _saturation(writer: SheetWriter, data: ExportData, workbook: Any, words: Wording) -> None:
    rows = data.saturation
    writer.widths([5, fitted(words.document, (r.name or r.document for r in rows), 12, 34),
                   fitted(words.participant, (r.participant for r in rows), 12, 34),
                   *(fitted(h, (), 9, 20) for h in (words.codings, words.new_codes,
                                                   words.cumulative_codes)), 70])
    _title(writer, words.saturation, words.saturation_subtitle)
    by_participant = bool(data.saturation_results) and \
        data.saturation_results[0].table.by == "participant"
    header = _table_header(writer, ["#", words.participant if by_participant
                                    else words.document,
                                    words.participant if not by_participant
                                    else words.documents.many.capitalize(),
                                    words.codings, words.new_codes, words.cumulative_codes,
                                    words.codes_new_here], 2)
    for row in data.saturation:
        first = row.name or row.document
        second = ", ".join(row.documents) if by_participant else row.participant
        writer.record([row.number, first, second, row.codings,
                       row.new_codes, row.cumulative,
                       "; ".join(" > ".join(p) for p in row.new_code_paths)],
                      ["number", "text", "text", "number", "number", "number", "wrap"],
                      [None] * 7, keep=(0, 1, 2), mark=None)
    last = writer.row - 1
    writer.row += 1
    for result in data.saturation_results:
        writer.paragraph(verdict_in(result, words.verdict_language), 6, 120)
    if data.saturation_results and data.saturation_results[0].table.not_counted:
        left_out = data.saturation_results[0].table.not_counted
        writer.paragraph(f"{words.not_counted}: " + "; ".join(
            f"{n.name} ({not_counted_reason(n, words.verdict_language)})" for n in left_out),
            6, 120)
    if data.saturation:
        top = max(r.cumulative for r in data.saturation)
        _saturation_chart(writer, workbook, header, last, top, words)
    _page(writer, data, header, words)


def _memos(writer: SheetWriter, data: ExportData, words: Wording) -> None:
    """Written only when the project has memos: an empty sheet would only be noise."""
    writer.widths([10, 40, 80, 14, 20])
    _title(writer, words.memos, words.memos_subtitle)
    header = _table_header(writer, [words.on, words.what, words.memo, words.coder,
                                    words.written], 2)
    for on, target, text, coder, at in data.memo_rows(words):
        writer.record([words.memo_on.get(on, on), target, text, coder,
                       at[:16].replace("T", " ")],  # "2026-11-30 08:11", not ISO's "T"
                      ["text", "wrap", "wrap", "text", "text"], [None] * 5, keep=(0, 1))
    _page(writer, data, header, words)


def _saturation_chart(writer: SheetWriter, workbook: Any, header: int, last: int,
                      top: int, words: Wording) -> None:
    """Below the verdicts; the interviews are labelled by their # in the table, because
    long document names ("BSR01_transcript_final") made the axis unreadable."""
    name = writer.sheet.name
    chart = workbook.add_chart({"type": "column"})
    chart.add_series({"name": words.new_codes, "categories": [name, header + 1, 0, last, 0],
                      "values": [name, header + 1, 4, last, 4], "fill": {"color": "#7FA7D9"}})
    line = workbook.add_chart({"type": "line"})
    line.add_series({"name": words.cumulative_codes, "categories": [name, header + 1, 0, last, 0],
                     "values": [name, header + 1, 5, last, 5],
                     "line": {"color": "#C0392B", "width": 2.25},
                     "marker": {"type": "circle", "size": 5}})
    chart.combine(line)
    chart.set_title({"name": words.chart_title, "name_font": {"size": 12}})
    chart.set_x_axis({"name": words.chart_x_axis})
    chart.set_y_axis({"name": words.codes.many.capitalize(), "min": 0,
                      "major_unit": max(1, -(-top // 8)), "major_gridlines": {"visible": True}})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 720, "height": 300})
    writer.sheet.insert_chart(writer.row + 1, 0, chart, {"x_offset": 4, "y_offset": 8})
    # Printed, the chart starts a page of its own: below a long table it was cut in two.
    writer.sheet.set_h_pagebreaks([writer.row + 1])


__all__ = ["export_workbook", "write_workbook"]
