"""The Excel workbook that mirrors the thesis method.

Sheets: Overview, Codebook, one per top-level category, Participants,
Frequencies, Saturation. Written with xlsxwriter in its ``constant_memory``
mode, which streams rows to disk so 100,000 codings fit in a small, flat
amount of memory, and lets the quote rows be written as XML directly
(:mod:`qualcode.export.xlsx_rows`, about twice as fast as cell by cell).
Rows are written strictly top to bottom, which streaming requires.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from qualcode.export.xlsx_categories import write_category
from qualcode.export.xlsx_cells import SheetWriter, Styles, tint

if TYPE_CHECKING:
    from qualcode.project import Project

FIXED_SHEETS = ["Overview", "Codebook", "Participants", "Frequencies", "Saturation", "Memos"]


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
    workbook.set_properties({"title": f"{data.project_name}: coded quotes",
                             "comments": "Exported by qualcode"})
    styles = Styles(workbook)
    cleaner = CellCleaner()
    categories = data.categories()
    names = sheet_names([c.name for c, _codes in categories], FIXED_SHEETS)

    def writer(name: str) -> SheetWriter:
        return SheetWriter(workbook.add_worksheet(name), styles, cleaner)

    overview = writer("Overview")
    _codebook(writer("Codebook"), data)
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
                       lambda w, header: _page(w, data, header))
    _participants(writer("Participants"), data)
    _frequencies(writer("Frequencies"), data)
    _saturation(writer("Saturation"), data, workbook)
    if data.memos:
        _memos(writer("Memos"), data)
    _overview(overview, data, cleaner, list(zip(names, categories, strict=True)))
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


def _page(writer: SheetWriter, data: ExportData, header: int | None,
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
    sheet.set_footer("&C&8Page &P of &N")


def _table_header(writer: SheetWriter, headers: list[str], freeze_columns: int = 1) -> int:
    header_row = writer.row
    writer.line(headers, "header")
    writer.sheet.freeze_panes(header_row + 1, freeze_columns)
    return header_row


def _overview(writer: SheetWriter, data: ExportData, cleaner: CellCleaner,
              sheets: list[tuple[str, Any]]) -> None:
    writer.widths([22, 80])
    _title(writer, f"{data.project_name}: coded quotes",
           "Exported by qualcode. Every figure in this workbook comes from the same project "
           "at the moment of export.")
    facts: list[tuple[str, str | int]] = [
        ("Project", data.project_name),
        ("Project file", data.location),
        ("Exported", data.exported_at.isoformat(sep=" ")),
        ("Coders", ", ".join(data.coders) or "none yet"),
        ("Whose work", data.whose_work),
        ("Documents", len(data.documents)),
        ("Participants", data.participants_total),
        ("Codes", len(data.codes)),
        ("Codings", len(data.quotes)),
        *([("Pseudonymised", f"on {data.pseudonymised_at}: names, places, dates and other "
            "identifying details were replaced by pseudonyms; this workbook holds no "
            "originals")] if data.pseudonymised_at else []),
        ("Cells cleaned", f"{cleaner.cells_cleaned} cells had characters Excel cannot store "
                          "(control characters) or bidirectional controls removed"),
        ("Long texts split", f"{cleaner.cells_split} texts longer than an Excel cell "
                             "(32,767 characters) continue on rows marked \"part n of m\""),
    ]
    for label, value in facts:
        writer.record([label, value], ["label", "wrap"], [None, None])
    writer.row += 1
    writer.cell(0, "How to read this workbook", "heading")
    writer.row += 1
    guide = [("Codebook", "the code tree in codebook order: definition, when to use a code and "
              "when not, its colour and shortcut, and how often it was used.")]
    for name, (category, _codes) in sheets:
        guide.append((name, f"quotes for the category \"{category.name}\": a heading row per "
                      "code with its counts, then its quotes in interview order, the quote "
                      "cell in the code's colour. Use the filter arrows to select a "
                      "participant or code."))
    guide += [
        ("Participants", "one row per participant (Table 1): attributes, interviews, words "
         "and number of codings."),
        ("Frequencies", "segments per code and participant; \"Participants\" reads as in a "
         "results chapter: 10/11 = 10 of the 11 participants mention the code. A segment is "
         "a passage: overlapping or touching codings of one code count once."),
        ("Saturation", "per interview, in the order held: codes used for the first time and "
         "the running total of distinct codes (applied codes, not their parent categories)."),
    ]
    for name, text in guide:
        writer.record([name, text], ["label", "wrap"], [None, None])
    _page(writer, data, None, landscape=False)


def _codebook(writer: SheetWriter, data: ExportData) -> None:
    writer.widths([28, 28, 9, 8, 36, 24, 24, 24, 9, 9, 10])
    _title(writer, "Codebook", f"{len(data.codes)} codes in codebook order; counts are for "
           "the code itself (not its sub-codes).")
    header = _table_header(writer, ["Code", "Path", "Colour", "Shortcut", "Definition",
                                    "Include when", "Exclude when", "Example", "Segments",
                                    "Documents", "Participants"])
    wrap = "wrap"
    for code in data.codes:
        figures = data.figures[code.id]
        fills: list[str | None] = [None] * 11
        fills[2] = code.color if code.color else None
        writer.record(
            [code.name, code.path_text, code.color or "", code.key or "", code.description,
             code.inclusion, code.exclusion, code.example, figures.segments,
             figures.documents, figures.participants],
            ["label" if code.depth == 0 else "text", wrap, "text", "text", wrap, wrap, wrap,
             wrap, "number", "number", "number"],
            fills, keep=(0, 1), mark=None, indent=code.depth,
        )
    writer.sheet.autofilter(header, 0, max(header, writer.row - 1), 10)
    _page(writer, data, header)


def _participants(writer: SheetWriter, data: ExportData) -> None:
    headers = ["Participant", *data.attributes, "Interviews", "Words", "Codings"]
    writer.widths([14, *[max(10, min(18, len(a) + 3)) for a in data.attributes], 18, 9, 9])
    _title(writer, "Participants", f"{data.participants_total} participants in order of "
           "their first interview (Table 1 of the thesis).")
    header = _table_header(writer, headers)
    for participant in data.participants:
        writer.line([participant.name, *(participant.attributes.get(a) for a in data.attributes),
                     ", ".join(participant.documents), participant.words,
                     participant.codings])
    writer.sheet.autofilter(header, 0, max(header, writer.row - 1), len(headers) - 1)
    _page(writer, data, header)


def _frequencies(writer: SheetWriter, data: ExportData) -> None:
    people = [p.name for p in data.participants]
    total = data.participants_total
    headers = ["Code", "Segments", "Documents", "Participants",
               "Participants (with sub-codes)", *people]
    writer.widths([40, 10, 10, 12, 14, *([7] * len(people))])
    _title(writer, "Frequencies", "Segments per code (rows, codebook order) and participant "
           "(columns). \"Participants\" = participants who mention the code, of "
           f"{total}.")
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
    _page(writer, data, header)


def _saturation(writer: SheetWriter, data: ExportData, workbook: Any) -> None:
    writer.widths([5, 12, 12, 9, 10, 12, 70])
    _title(writer, "Saturation", "Per interview in the order held: codes used for the first "
           "time and the running total of distinct codes. Saturation is near when "
           "interviews stop adding codes.")
    header = _table_header(writer, ["#", "Document", "Participant", "Codings", "New codes",
                                    "Cumulative codes", "Codes new in this interview"], 2)
    for row in data.saturation:
        writer.record([row.number, row.document, row.participant, row.codings,
                       row.new_codes, row.cumulative,
                       "; ".join(" > ".join(p) for p in row.new_code_paths)],
                      ["number", "text", "text", "number", "number", "number", "wrap"],
                      [None] * 7, keep=(0, 1, 2), mark=None)
    if data.saturation:
        top = max(r.cumulative for r in data.saturation)
        _saturation_chart(writer, workbook, header, writer.row - 1, top)
    _page(writer, data, header)


def _memos(writer: SheetWriter, data: ExportData) -> None:
    """Written only when the project has memos: an empty sheet would only be noise."""
    writer.widths([10, 40, 80, 14, 20])
    _title(writer, "Memos", "The researchers' memos on the project, documents, codes and "
           "codings.")
    header = _table_header(writer, ["On", "What", "Memo", "Coder", "Written"], 2)
    for row in data.memo_rows():
        writer.record(list(row), ["text", "wrap", "wrap", "text", "text"], [None] * 5,
                      keep=(0, 1))
    _page(writer, data, header)


def _saturation_chart(writer: SheetWriter, workbook: Any, header: int, last: int,
                      top: int) -> None:
    name = writer.sheet.name
    chart = workbook.add_chart({"type": "column"})
    chart.add_series({"name": "New codes", "categories": [name, header + 1, 1, last, 1],
                      "values": [name, header + 1, 4, last, 4], "fill": {"color": "#7FA7D9"}})
    line = workbook.add_chart({"type": "line"})
    line.add_series({"name": "Cumulative codes", "categories": [name, header + 1, 1, last, 1],
                     "values": [name, header + 1, 5, last, 5],
                     "line": {"color": "#C0392B", "width": 2.25},
                     "marker": {"type": "circle", "size": 5}})
    chart.combine(line)
    chart.set_title({"name": "Code saturation", "name_font": {"size": 12}})
    chart.set_x_axis({"name": "Interview (in the order held)"})
    chart.set_y_axis({"name": "Codes", "min": 0, "major_unit": max(1, -(-top // 8)),
                      "major_gridlines": {"visible": True}})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 720, "height": 300})
    writer.sheet.insert_chart(last + 2, 0, chart, {"x_offset": 4, "y_offset": 8})


__all__ = ["export_workbook", "write_workbook"]
