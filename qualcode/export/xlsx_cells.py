"""Writing cells safely and good-looking with xlsxwriter: formats, colours, long text.

:class:`SheetWriter` is the only way the workbook writes a cell. It keeps the
row index itself (xlsxwriter's streaming mode needs rows in order), writes
every text with ``write_string`` (never a formula), cleans unstorable
characters, and spreads text longer than a cell over marked continuation rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from qualcode.export.safety import EXCEL_CELL_LIMIT, RISKY_STARTS, CellCleaner, is_risky
from qualcode.export.xlsx_rows import direct_rows_for

Value = str | int | float | None

FONT = "Calibri"
HEADER_FILL = "#DDE3EA"
NEUTRAL = "#B0B7C3"
WRAPPING = frozenset({"wrap", "header", "label_wrap"})
SHORT = EXCEL_CELL_LIMIT // 2
"""Texts up to this length fit a cell even if every character needs two UTF-16 units."""


def tint(color: str | None, share: float) -> str:
    """``color`` mixed with white (``share`` of the colour kept): a light fill for text."""
    if not color or len(color) != 7 or not color.startswith("#"):
        color = NEUTRAL
    try:
        rgb = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    except ValueError:
        rgb = [int(NEUTRAL[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(255 - (255 - c) * share) for c in rgb]
    return "#" + "".join(f"{c:02X}" for c in mixed)


def readable_on(fill: str) -> str:
    """Black or white, whichever contrasts more with ``fill`` (WCAG relative luminance):
    a code coloured dark blue shows its "#1F3A93" in white, a yellow one in black."""
    try:
        rgb = [int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    except ValueError:
        return "#000000"
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#FFFFFF" if (1.05 / (luminance + 0.05)) > ((luminance + 0.05) / 0.05) else "#000000"


def fitted(header: str, values: Iterable[Value], least: float, most: float,
           indent: int = 0) -> float:
    """A column width (in characters) that shows ``values`` whole and never breaks a word of
    ``header`` (headers wrap at spaces), between ``least`` and ``most``.

    ``indent`` is the deepest indent level used in the column (about 3 characters each).
    Numbers count by their printed length; the small margin covers bold text.
    """
    longest_word = max((len(word) for word in header.split()), default=0)
    longest_value = max((len(str(v)) for v in values if v is not None and v != ""), default=0)
    return max(least, min(most, max(longest_word, longest_value + 3 * indent) + 2.0))


def wrapped_lines(texts: Sequence[object], widths: Sequence[float]) -> int:
    """How many lines the row's texts take when wrapped in columns of ``widths`` characters.

    LibreOffice (and Excel, for files it did not write) shows rows at the
    default height unless told otherwise, so wrapped quotes would be cut off
    on screen and on paper; the estimate errs towards a little space.
    """
    lines = 1
    for text, width in zip(texts, widths, strict=False):
        if isinstance(text, str) and text:
            per_line = max(1, int(width * 1.3))
            lines = max(lines, sum(-(-max(1, len(part)) // per_line)
                                   for part in text.split("\n")))
    return lines


def row_height(lines: int) -> float:
    """The row height (points) for ``lines`` wrapped lines, within Excel's 409."""
    return min(409.0, 13.0 * lines + 2.0)


@dataclass(frozen=True, slots=True)
class RowFormats:
    """What :meth:`SheetWriter.short_record` needs per column, worked out once per code."""

    pairs: list[tuple[Any, Any]]
    """Per column: the plain format and its quote-prefixed twin."""
    wrapping: tuple[tuple[int, int], ...]
    """(column, characters per line) of the columns whose text wraps."""


class Styles:
    """xlsxwriter formats by name and variant, created once each."""

    BASE: ClassVar[dict[str, dict[str, Any]]] = {
        "title": {"bold": True, "font_size": 16, "font_color": "#1F2D3D"},
        "subtitle": {"italic": True, "font_color": "#4A5568", "font_size": 10},
        "header": {"bold": True, "bg_color": HEADER_FILL, "bottom": 1, "valign": "top",
                   "text_wrap": True},
        "text": {"valign": "top"},
        "wrap": {"valign": "top", "text_wrap": True, "align": "left"},
        "number": {"valign": "top", "align": "right"},
        "center": {"valign": "top", "align": "center"},
        "zero": {"valign": "top", "align": "right", "font_color": "#B8B8B8"},
        "heading": {"bold": True, "valign": "top"},
        "label": {"bold": True, "valign": "top"},
        "label_wrap": {"bold": True, "valign": "top", "text_wrap": True, "align": "left"},
        "continued": {"italic": True, "font_color": "#6B7280", "valign": "top"},
        "note": {"italic": True, "font_color": "#4A5568", "valign": "top"},
    }

    def __init__(self, workbook: Any) -> None:
        self._workbook = workbook
        self._formats: dict[tuple[str, str | None, int, bool], Any] = {}

    def get(self, name: str, fill: str | None = None, indent: int = 0,
            quote_prefix: bool = False) -> Any:
        key = (name, fill, indent, quote_prefix)
        found = self._formats.get(key)
        if found is None:
            props = {"font_name": FONT, "font_size": 10, **self.BASE[name]}
            if fill:
                props["bg_color"] = fill
                props["pattern"] = 1
                if readable_on(fill) == "#FFFFFF":
                    props["font_color"] = "#FFFFFF"
            if indent:
                props["indent"] = indent
            if quote_prefix:
                props["quote_prefix"] = True
            found = self._formats[key] = self._workbook.add_format(props)
        return found


class SheetWriter:
    """One worksheet written top to bottom; ``row`` is the next row to write."""

    def __init__(self, sheet: Any, styles: Styles, cleaner: CellCleaner,
                 parts: tuple[str, str] = ("{text} (part 1 of {parts})",
                                           "continued: part {part} of {parts}")) -> None:
        """``parts``: how the first and the following rows of a long text are marked, in
        the workbook's language ("{text} (part 1 of {parts})", "… part {part} of {parts}")."""
        self.sheet = sheet
        self.parts = parts
        self.styles = styles
        self.cleaner = cleaner
        self.row = 0
        self.column_widths: list[float] = []
        self._direct = direct_rows_for(sheet)

    def cell(self, column: int, value: Value, style: str = "text", fill: str | None = None,
             indent: int = 0) -> None:
        """One cell on the current row; text longer than a cell is cut to one piece here,
        so use :meth:`record` for anything that may be long."""
        if value is None or value == "":
            if fill:
                self.sheet.write_blank(self.row, column, None, self.styles.get(style, fill))
            return
        if isinstance(value, bool) or not isinstance(value, int | float):
            text = self.cleaner.pieces(str(value))[0]
            fmt = self.styles.get(style, fill, indent, is_risky(text))
            self.sheet.write_string(self.row, column, text, fmt)
        else:
            self.sheet.write_number(self.row, column, value, self.styles.get(style, fill, indent))

    def paragraph(self, text: str, last_column: int, characters: int,
                  style: str = "wrap") -> None:
        """A sentence across columns 0..``last_column`` (merged), about ``characters``
        wide, its row as high as its wrapped lines; then move down."""
        cleaned = self.cleaner.pieces(text)[0]
        fmt = self.styles.get(style, None, 0, is_risky(cleaned))
        self.sheet.merge_range(self.row, 0, self.row, last_column, cleaned, fmt)
        lines = max(1, -(-len(cleaned) // max(1, characters)))
        self.sheet.set_row(self.row, 13.5 * lines)
        self.row += 1

    def line(self, values: Sequence[Value], style: str = "text") -> None:
        """Short values (labels, names, numbers) across one row, then move down."""
        if style in WRAPPING:
            self._fit([str(v) if isinstance(v, str) else None for v in values],
                      [style] * len(values))
        for column, value in enumerate(values):
            self.cell(column, value, style)
        self.row += 1

    def record(
        self,
        values: Sequence[Value],
        styles: Sequence[str],
        fills: Sequence[str | None],
        keep: Sequence[int] = (),
        mark: int | None = None,
        indent: int = 0,
    ) -> int:
        """A record that may hold long text: returns the rows used.

        A text over Excel's cell limit continues on following rows; those rows
        repeat the columns in ``keep`` (so filters keep the pieces together),
        and column ``mark`` says "part 2 of 3". Joined, the pieces are the text.
        ``indent`` indents the first column (a code's depth in the tree).
        """
        pieces = [
            self.cleaner.pieces(v) if isinstance(v, str) and v else None for v in values
        ]
        rows = max((len(p) for p in pieces if p is not None), default=1)
        for part in range(rows):
            self._fit([p[part] if p is not None and part < len(p) else None for p in pieces],
                      styles)
            for column, value in enumerate(values):
                piece = pieces[column]
                style, fill = styles[column], fills[column]
                if column == mark and rows > 1:
                    first, following = self.parts
                    text = (first.format(text=piece[0] if piece else value or "", parts=rows)
                            if part == 0 else following.format(part=part + 1, parts=rows))
                    self._text(column, text, style if part == 0 else "continued", fill)
                elif piece is not None and len(piece) > 1:
                    if part < len(piece):
                        self._text(column, piece[part], style, fill)
                elif part == 0 or column in keep:
                    if piece is not None:
                        self._text(column, piece[0], style, fill, indent if column == 0 else 0)
                    else:
                        self.cell(column, value, style, fill)
            self.row += 1
        return rows

    def formats(self, styles: Sequence[str], fills: Sequence[str | None]) -> RowFormats:
        """Per column, the format and its quote-prefixed twin, for :meth:`short_record`;
        also which columns wrap and how many characters fit on one of their lines."""
        pairs = [(self.styles.get(s, f), self.styles.get(s, f, 0, True))
                 for s, f in zip(styles, fills, strict=True)]
        wrapping = tuple(
            (column, int(max(1.0, self.column_widths[column] * 1.3)))
            for column, style in enumerate(styles)
            if style in WRAPPING and column < len(self.column_widths)
        )
        return RowFormats(pairs, wrapping)

    def short_record(self, values: Sequence[Value], styles: Sequence[str],
                     formats: RowFormats) -> bool:
        """The fast path of :meth:`record` for one row; False (nothing written) if a text
        is too long for one cell, so the caller falls back to :meth:`record`.

        ``styles`` must be the styles ``formats`` was made from. This runs once per
        quote, so it does the least it can: empty texts write no cell, and the row
        height is worked out only from the wrapping columns.
        """
        for value in values:
            if isinstance(value, str) and len(value) > SHORT:
                return False
        clean = self.cleaner.clean
        texts = [clean(v) if isinstance(v, str) else None for v in values]
        lines = 1
        for column, per_line in formats.wrapping:
            text = texts[column]
            if not text:
                continue
            if "\n" in text:
                count = sum(-(-max(1, len(part)) // per_line) for part in text.split("\n"))
            else:
                count = -(-len(text) // per_line)
            if count > lines:
                lines = count
        sheet, row = self.sheet, self.row
        height = min(409.0, 13.0 * lines + 2.0) if lines > 1 else None
        if self._direct is not None:
            self._direct.write(row, texts, values, formats.pairs, height)
            self.row += 1
            return True
        if height is not None:
            sheet.set_row(row, height)
        write_string = sheet.write_string
        pairs = formats.pairs
        for column, text in enumerate(texts):
            if text:
                plain, prefixed = pairs[column]
                write_string(row, column, text,
                             prefixed if text.startswith(RISKY_STARTS) else plain)
            elif text is None:
                value = values[column]
                if value is not None and not isinstance(value, bool):
                    sheet.write_number(row, column, value, pairs[column][0])
        self.row += 1
        return True

    def _text(self, column: int, text: str, style: str, fill: str | None,
              indent: int = 0) -> None:
        fmt = self.styles.get(style, fill, indent, is_risky(text))
        self.sheet.write_string(self.row, column, text, fmt)

    def _fit(self, texts: Sequence[str | None], styles: Sequence[str]) -> None:
        """Set the row's height for its wrapped text, before any cell of the row is written."""
        wrapped = [text if style in WRAPPING else None
                   for text, style in zip(texts, styles, strict=False)]
        lines = wrapped_lines(wrapped, self.column_widths)
        if lines > 1:
            self.sheet.set_row(self.row, row_height(lines))

    def widths(self, widths: Sequence[float], style: str | None = None) -> None:
        self.column_widths = list(widths)
        for column, width in enumerate(widths):
            self.sheet.set_column(column, column, width,
                                  self.styles.get(style) if style else None)
