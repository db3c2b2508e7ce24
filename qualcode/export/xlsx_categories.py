"""The category sheets: the thesis' Excel file, one sheet per answer category.

Each sheet has the full category name in its title row, then one heading row
per code (the category itself, then its sub-codes in codebook order) with the
code's counts, and under it the quotes in interview order. The quote cell is
filled with a light tint of the code's colour, as the student highlighted it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from qualcode.export.xlsx_cells import SheetWriter, Value, fitted, tint

if TYPE_CHECKING:
    from qualcode.export.gather import ExportData, Quote
    from qualcode.export.wording import Wording
    from qualcode.project.values import CodeInfo

HEADER_ROW = 3


def columns(data: ExportData, attributes: list[str], with_coder: bool,
            words: Wording) -> list[tuple[str, float]]:
    """The columns and their widths: each fits its header's longest word and its values
    (a document called "BSR01_transcript" is not cut), up to a cap; the quote is wide."""
    people = data.participants
    middle = [(name, fitted(name, (p.attributes.get(name) for p in people), 6, 28))
              for name in attributes]
    coder = [(words.coder, fitted(words.coder, data.coders, 10, 30))] if with_coder else []
    return [(words.code, fitted(words.code, (c.name for c in data.codes), 16, 40)),
            (words.participant, fitted(words.participant, (p.name for p in people), 9, 24)),
            (words.document, fitted(words.document, (d.name for d in data.documents), 9, 34)),
            *middle,
            (words.speaker, fitted(words.speaker, {q.speaker for q in data.quotes}, 8, 20)),
            *coder, (words.quote, 64), (words.memo, 26), (words.position, 15)]


def _heading(data: ExportData, code: CodeInfo, category: CodeInfo, quotes: int,
             words: Wording) -> str:
    figures = data.figures[code.id]
    relative = (" > ".join(code.path[len(category.path):])
                or words.category_itself.format(name=code.name))
    if not quotes:
        return f"{relative} — {words.no_quotes_yet}"
    total = data.participants_total
    return (f"{relative} — {words.segments(figures.segments)}"
            f" · {figures.participants}/{total} {words.participants_noun.many}")


def _subtitle(data: ExportData, category: CodeInfo, words: Wording) -> str:
    figures = data.figures[category.id]
    parts = [category.description.strip()] if category.description.strip() else []
    parts.append(words.category_subtitle.format(
        quotes=words.quotes(figures.pooled_segments), mentioned=figures.pooled_participants,
        total=words.participants_noun(data.participants_total)))
    return " ".join(parts)


def write_category(
    writer: SheetWriter,
    data: ExportData,
    category: CodeInfo,
    codes: list[CodeInfo],
    quotes_by_code: dict[int, list[Quote]],
    attributes: list[str],
    done: Callable[[int], None],
    page: Callable[[SheetWriter, int], None],
    words: Wording,
) -> None:
    """Write one category sheet; ``done(n)`` is told after every ``n`` quotes written."""
    with_coder = len(data.coders) > 1
    cols = columns(data, attributes, with_coder, words)
    last = len(cols) - 1
    writer.widths([w for _n, w in cols])
    writer.cell(0, category.path_text, "title")
    writer.sheet.set_row(0, 24)
    writer.row = 1
    writer.cell(0, _subtitle(data, category, words), "subtitle")
    writer.row = HEADER_ROW
    writer.line([name for name, _w in cols], "header")
    writer.sheet.freeze_panes(HEADER_ROW + 1, 0)
    quote_column = last - 2
    position_column = last
    participants = {p.name: p for p in data.participants}
    attribute_values: dict[str, list[Value]] = {}
    styles = ["text", "text", "text", *(["center"] * len(attributes)), "text",
              *(["text"] if with_coder else []), "wrap", "wrap", "text"]
    for code in codes:
        quotes = quotes_by_code.get(code.id, [])
        if code is category and not quotes:
            continue
        color = data.color_of(code)
        heading_fill = tint(color, 0.45)
        writer.cell(0, _heading(data, code, category, len(quotes), words), "heading", heading_fill,
                    indent=max(0, code.depth - 1))
        for column in range(1, last + 1):
            writer.cell(column, None, "heading", heading_fill)
        writer.row += 1
        quote_fill = tint(color, 0.22)
        fills: list[str | None] = [None] * len(cols)
        fills[quote_column] = quote_fill
        formats = writer.formats(styles, fills)
        for quote in quotes:
            known = attribute_values.get(quote.participant)
            if known is None:
                participant = participants.get(quote.participant)
                known = attribute_values[quote.participant] = [
                    participant.attributes.get(name) if participant else None
                    for name in attributes
                ]
            values: list[Value] = [code.name, quote.participant, quote.document, *known,
                                   quote.speaker]
            if with_coder:
                values.append(quote.coder)
            values += [quote.text, quote.memo, words.place(quote.turn, quote.time)]
            if not writer.short_record(values, styles, formats):
                writer.record(values, styles, fills, keep=(0, 1, 2), mark=position_column)
        done(len(quotes))
    writer.sheet.autofilter(HEADER_ROW, 0, max(HEADER_ROW, writer.row - 1), last)
    page(writer, HEADER_ROW)
