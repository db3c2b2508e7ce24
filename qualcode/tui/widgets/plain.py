"""Showing researchers' text as written, never as markup.

Transcripts hold "[laughs]", "[inaudible]", "[Persoon 2]" (a pseudonym) and
now and then a stray "[/]"; code and participant names can hold brackets too.
Textual reads a ``str`` as markup almost everywhere: a DataTable cell as Rich
markup, a Label, Static, OptionList option or notification as Textual
markup. So "[laughs]" vanished from a quote, "[Datum]" from a notice, and
"[/]" raised ``MarkupError`` while drawing, which ends the app. qualcode
writes no markup of its own into these widgets, so its tables take study
text through :class:`PlainTable`, and labels, options and notices are made
with ``markup=False``.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text, TextType
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey


def plain(value: object) -> object:
    """``value`` as a cell: a string becomes literal text, anything else is kept."""
    return Text(value, end="") if isinstance(value, str) else value


def cell_text(value: object) -> object:
    """A cell read back from a :class:`PlainTable`, as the string it was given."""
    return value.plain if isinstance(value, Text) else value


class PlainTable(DataTable[Any]):
    """A DataTable whose string cells and headings are shown exactly as written.

    Strings are stored as :class:`rich.text.Text`; read rows back as shown
    with :meth:`shown_row_at` / :meth:`shown_row` (or a cell with ``str()``).
    """

    def shown_row_at(self, index: int) -> list[Any]:
        """The row at ``index`` as given: strings as strings, numbers as numbers."""
        return [cell_text(cell) for cell in self.get_row_at(index)]

    def shown_row(self, key: RowKey | str) -> list[Any]:
        """The row with ``key`` as given."""
        return [cell_text(cell) for cell in self.get_row(key)]

    def add_column(
        self, label: TextType, *, width: int | None = None, key: str | None = None,
        default: Any | None = None,
    ) -> ColumnKey:
        return super().add_column(Text(label) if isinstance(label, str) else label,
                                  width=width, key=key, default=default)

    def add_row(
        self, *cells: Any, height: int | None = 1, key: str | None = None,
        label: TextType | None = None,
    ) -> RowKey:
        return super().add_row(*(plain(cell) for cell in cells), height=height, key=key,
                               label=Text(label) if isinstance(label, str) else label)

    def update_cell(
        self, row_key: RowKey | str, column_key: ColumnKey | str, value: Any, *,
        update_width: bool = False,
    ) -> None:
        super().update_cell(row_key, column_key, plain(value), update_width=update_width)
