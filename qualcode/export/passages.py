"""A list of passages (a coding query's answer) as .xlsx or .csv, like a quote sheet.

Same safety rules as every export (:mod:`qualcode.export.safety`): no
formulas, unstorable characters removed, long quotes split into pieces,
written atomically and readable by the owner only. The position column says
"turn 47 · 19:21" for people; start and end stay for scripts.

The .xlsx is for people and speaks the project's language (a Dutch project's
sheet is "Zoekvraag", with "Deelnemer", "beurt 47 · 19:21", "1 passage");
the .csv is for scripts and keeps its English header and positions in every
language.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.errors import QualcodeError
from qualcode.export.safety import CellCleaner, atomic_output, csv_value
from qualcode.export.wording import Wording, wording
from qualcode.export.xlsx_cells import row_height, wrapped_lines
from qualcode.positions import format_position

if TYPE_CHECKING:
    from qualcode.search.coding_query import CodingQuery, QueryPassage

HEADER = ["document", "participant", "position", "code", "quote", "coder", "with", "start", "end"]


def position_text(turn: int | None, time: float | None) -> str:
    """"turn 47 · 19:21" (see :func:`qualcode.positions.format_position`); "" outside turns."""
    return "" if turn is None else format_position(turn, time)


def describe(query: CodingQuery, words: Wording) -> str:
    """The query in the workbook's language: "Belasting EN Emoties (zelfde beurt)"."""
    said = words.query_words
    text = query.code
    if query.and_code:
        text += f" {said['and']} {query.and_code}"
    if query.not_code:
        text += f" {said['not']} {query.not_code}"
    if query.and_code or query.not_code:
        text += f" ({said['turn'] if query.near == 'turn' else said['overlap']})"
    for name, value in query.attributes.items():
        text += f", {name} = {value}"
    return text


def _row(passage: QueryPassage, position: str) -> list[str | int]:
    return [
        passage.document,
        passage.case or "",
        position,
        " > ".join(passage.code_path),
        passage.text,
        passage.coder,
        "; ".join(" > ".join(path) for path in passage.met),
        passage.start,
        passage.end,
    ]


def write_passages(
    passages: Sequence[QueryPassage], out: str | os.PathLike[str], query: CodingQuery,
    language: str,
) -> None:
    """Write the answer to ``query`` to ``out`` (.xlsx or .csv by its suffix); ``language``
    is the project's, for the .xlsx's words."""
    suffix = Path(out).suffix.lower()
    if suffix == ".csv":
        with atomic_output(out) as temporary, open(
            temporary, "w", encoding="utf-8-sig", newline=""
        ) as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADER)
            for passage in passages:
                values = _row(passage, position_text(passage.turn, passage.time))
                writer.writerow([csv_value(v) if isinstance(v, str) else v for v in values])
        return
    if suffix != ".xlsx":
        raise QualcodeError(f"{out}: write the passages to a .xlsx or .csv file")
    _write_xlsx(passages, out, query, wording(language))


#: Column widths (characters) of the .xlsx: document … quote (70) … start, end.
WIDTHS = (14, 14, 16, 30, 70, 12, 24, 8, 8)


def _write_xlsx(passages: Sequence[QueryPassage], out: str | os.PathLike[str],
                query: CodingQuery, words: Wording) -> None:
    import xlsxwriter

    cleaner = CellCleaner()
    with atomic_output(out) as temporary:
        workbook = xlsxwriter.Workbook(
            str(temporary), {"strings_to_formulas": False, "strings_to_urls": False}
        )
        sheet = workbook.add_worksheet(words.query_sheet)
        title_format = workbook.add_format({"bold": True, "font_size": 12})
        bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        number = workbook.add_format({"valign": "top"})
        title = words.query_title.format(query=describe(query, words))
        sheet.write_string(0, 0, cleaner.clean(title), title_format)
        sheet.write_string(1, 0, words.passages(len(passages)))
        for column, name in enumerate(words.query_header):
            sheet.write_string(3, column, name, bold)
        row = 4
        for passage in passages:
            values = _row(passage, words.place(passage.turn, passage.time))
            pieces = cleaner.pieces(cleaner.clean(str(values[4])))
            for index, piece in enumerate(pieces):
                texts = [piece if column == 4 else value if index == 0 else None
                         for column, value in enumerate(values)]
                if (lines := wrapped_lines(texts, WIDTHS)) > 1:
                    sheet.set_row(row, row_height(lines))
                for column, value in enumerate(texts):
                    if isinstance(value, int):
                        sheet.write_number(row, column, value, number)
                    elif value is not None:
                        sheet.write_string(row, column, cleaner.clean(value), wrap)
                row += 1
        for column, width in enumerate(WIDTHS):
            sheet.set_column(column, column, width)
        sheet.freeze_panes(4, 0)
        sheet.set_landscape()
        sheet.set_paper(9)
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(3)
        workbook.close()
