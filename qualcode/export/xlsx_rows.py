"""Where the export leans on xlsxwriter internals for speed: quote rows as XML.

xlsxwriter spends about 20 µs per cell (argument checks, a cell tuple, then
attribute escaping when the row is assembled); with six or seven cells per
quote that was most of the export's time. In ``constant_memory`` mode a
worksheet streams finished rows to a file, so a quote row can be written there
as the XML xlsxwriter itself would write: inline strings, the same style
indices, the same row height. Everything else (titles, headings, long texts
that continue over several rows) still goes through xlsxwriter.

This leans on xlsxwriter internals (``fh``, ``previous_row``,
``_write_single_row``, ``_check_dimensions``), so it runs only on the
xlsxwriter versions in :data:`TESTED_XLSXWRITER`: on any other,
:func:`direct_rows_for` returns None and the caller writes cells the ordinary
way. To add a version, run ``tests/test_export_rows.py`` with it installed (it
compares the XML rows with xlsxwriter's own, byte for byte).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from qualcode.export.safety import RISKY_STARTS

ESCAPED_ESCAPE = re.compile("(_x[0-9a-fA-F]{4}_)")
"""Text that looks like Excel's ``_xHHHH_`` escape; Excel wants its underscore escaped."""
DEFAULT_ROW_PIXELS = 20
TESTED_XLSXWRITER = frozenset({"3.3.1"})
"""xlsxwriter versions whose row XML the fast writer reproduces exactly (tested)."""


class DirectRows:
    """Writes whole quote rows of one streamed worksheet as XML.

    Texts must already be cleaned (no control characters but tab and line
    feed, no CR): :class:`~qualcode.export.safety.CellCleaner` sees to that.
    """

    def __init__(self, sheet: Any) -> None:
        self._sheet = sheet
        self._letters: list[str] = []
        self._style_numbers: dict[int, int] = {}
        """Format (by id; the workbook keeps every format alive) -> its style number.
        xlsxwriter does not remember the number of a format equal to an earlier one."""

    def column_letters(self, count: int) -> list[str]:
        from xlsxwriter.utility import xl_col_to_name

        while len(self._letters) < count:
            self._letters.append(xl_col_to_name(len(self._letters)))
        return self._letters

    def write(self, row: int, texts: Sequence[str | None], values: Sequence[Any],
              formats: Sequence[tuple[Any, Any]], height: float | None) -> None:
        """Row ``row``: ``texts[c]`` as a string cell, or else a number ``values[c]``.

        ``formats[c]`` is the (plain, quote-prefixed) format of column ``c``; a format
        gets its style number when first used, as xlsxwriter numbers them;
        ``height`` in points, as :meth:`set_row` takes it, or None for the default.
        """
        sheet = self._sheet
        if row > sheet.previous_row:
            sheet._write_single_row(row)
        letters = self.column_letters(len(texts))
        numbers = self._style_numbers
        number = row + 1
        parts: list[str] = []
        last = 0
        for column, text in enumerate(texts):
            if text:
                plain, prefixed = formats[column]
                chosen = prefixed if text.startswith(RISKY_STARTS) else plain
                style = numbers.get(id(chosen))
                if style is None:
                    style = numbers[id(chosen)] = chosen._get_xf_index()
                if "_x" in text:
                    text = ESCAPED_ESCAPE.sub(r"_x005F\1", text)
                space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
                if "&" in text or "<" in text or ">" in text:
                    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                parts.append(f'<c r="{letters[column]}{number}" s="{style}" t="inlineStr">'
                             f"<is><t{space}>{text}</t></is></c>")
                last = column
            elif text is None:
                value = values[column]
                if value is not None and not isinstance(value, bool):
                    style = numbers.get(id(formats[column][0]))
                    if style is None:
                        style = numbers[id(formats[column][0])] = formats[column][0]._get_xf_index()
                    parts.append(f'<c r="{letters[column]}{number}" s="{style}">'
                                 f"<v>{value:.16G}</v></c>")
                    last = column
        if not parts:
            return
        sheet._check_dimensions(row, last)
        pixels = int(height * 4.0 / 3.0 + 0.5) if height is not None else DEFAULT_ROW_PIXELS
        if pixels != DEFAULT_ROW_PIXELS:
            opening = f'<row r="{number}" ht="{pixels * 0.75:.16g}" customHeight="1">'
        else:
            opening = f'<row r="{number}">'
        sheet.fh.write(opening + "".join(parts) + "</row>")


def direct_rows_for(sheet: Any) -> DirectRows | None:
    """A :class:`DirectRows` for ``sheet``, or None if it is not streamed or the
    installed xlsxwriter is not one this module was tested against."""
    import xlsxwriter

    if xlsxwriter.__version__ not in TESTED_XLSXWRITER:
        return None
    if not getattr(sheet, "constant_memory", False):
        return None
    needed = ("fh", "previous_row", "_write_single_row", "_check_dimensions",
              "default_row_height", "original_row_height", "excel_version")
    if not all(hasattr(sheet, name) for name in needed):
        return None
    if (sheet.default_row_height != DEFAULT_ROW_PIXELS
            or sheet.original_row_height != DEFAULT_ROW_PIXELS or sheet.excel_version != 2007):
        return None
    return DirectRows(sheet)
