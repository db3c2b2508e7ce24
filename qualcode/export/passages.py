"""A list of passages (a coding query's answer) as .xlsx or .csv, like a quote sheet.

Same safety rules as every export (:mod:`qualcode.export.safety`): no
formulas, unstorable characters removed, long quotes split into pieces,
written atomically and readable by the owner only. The position column says
"turn 47 · 19:21" for people; start and end stay for scripts.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.errors import QualcodeError
from qualcode.export.safety import CellCleaner, atomic_output, csv_value
from qualcode.positions import format_position

if TYPE_CHECKING:
    from qualcode.search.coding_query import QueryPassage

HEADER = ["document", "participant", "position", "code", "quote", "coder", "with", "start", "end"]


def position_text(turn: int | None, time: float | None) -> str:
    """"turn 47 · 19:21" (see :func:`qualcode.positions.format_position`); "" outside turns."""
    return "" if turn is None else format_position(turn, time)


def _row(passage: QueryPassage) -> list[str | int]:
    return [
        passage.document,
        passage.case or "",
        position_text(passage.turn, passage.time),
        " > ".join(passage.code_path),
        passage.text,
        passage.coder,
        "; ".join(" > ".join(path) for path in passage.met),
        passage.start,
        passage.end,
    ]


def write_passages(
    passages: Sequence[QueryPassage], out: str | os.PathLike[str], title: str
) -> None:
    """Write ``passages`` to ``out`` (.xlsx or .csv by its suffix)."""
    suffix = Path(out).suffix.lower()
    if suffix == ".csv":
        with atomic_output(out) as temporary, open(
            temporary, "w", encoding="utf-8-sig", newline=""
        ) as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADER)
            for passage in passages:
                writer.writerow(
                    [csv_value(v) if isinstance(v, str) else v for v in _row(passage)]
                )
        return
    if suffix != ".xlsx":
        raise QualcodeError(f"{out}: write the passages to a .xlsx or .csv file")
    import xlsxwriter

    cleaner = CellCleaner()
    with atomic_output(out) as temporary:
        workbook = xlsxwriter.Workbook(
            str(temporary), {"strings_to_formulas": False, "strings_to_urls": False}
        )
        sheet = workbook.add_worksheet("Query")
        bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        sheet.write_string(0, 0, cleaner.clean(title), bold)
        sheet.write_string(1, 0, f"{len(passages)} passage{'s' if len(passages) != 1 else ''}")
        for column, name in enumerate(HEADER):
            sheet.write_string(3, column, name, bold)
        row = 4
        for passage in passages:
            values = _row(passage)
            pieces = cleaner.pieces(cleaner.clean(str(values[4])))
            for index, piece in enumerate(pieces):
                for column, value in enumerate(values):
                    if column == 4:
                        sheet.write_string(row, column, piece, wrap)
                    elif index == 0 and isinstance(value, int):
                        sheet.write_number(row, column, value)
                    elif index == 0:
                        sheet.write_string(row, column, cleaner.clean(str(value)), wrap)
                row += 1
        for column, width in enumerate((14, 14, 16, 30, 70, 12, 24, 8, 8)):
            sheet.set_column(column, column, width)
        sheet.freeze_panes(4, 0)
        workbook.close()
