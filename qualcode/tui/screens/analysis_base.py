"""What every tab of the analysis screen shares: counting in a thread, and numbers as text.

Figures are pure functions of a frozen :class:`StudySnapshot`, so a tab can
count in a worker thread while the screen stays responsive; the widget being
refilled shows Textual's loading indicator meanwhile. A newer request for the
same tab cancels the older one, so only the latest parameters are shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual import events, work
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable
from textual.worker import get_current_worker

from qualcode.errors import QualcodeError
from qualcode.tui.screens.base import qualcode_of
from qualcode.tui.widgets.plain import PlainTable

if TYPE_CHECKING:
    from qualcode.analysis.snapshot import StudySnapshot
    from qualcode.tui.app import QualcodeApp


def number(value: float | None, digits: int = 2) -> str:
    """The CLI's way of writing a figure that may be undefined: "-" for None."""
    return "-" if value is None else f"{value:.{digits}f}"


def code_label(path: tuple[str, ...]) -> str:
    """A code indented under its category, as ``qualcode stats`` prints it."""
    return "  " * (len(path) - 1) + path[-1]


def short(text: str, width: int = 14) -> str:
    """A label cut to ``width`` characters with "…", so a long name cannot push the
    figures out of an 80-column table."""
    return text if len(text) <= width else text[: width - 1] + "…"


def fit_names(names: list[str], width: int) -> str:
    """As many of ``names`` as fit in ``width`` characters, then "+N" for the rest.

    "Laagdrempeligheid, Rolverschuiving +3"; a first name too long on its own is
    cut with "…" ("Laagdrempel… +4"), so a row always shows how many names it holds.
    """
    full = ", ".join(names)
    if len(full) <= width:
        return full
    for shown in range(len(names) - 1, 0, -1):
        text = f"{', '.join(names[:shown])} +{len(names) - shown}"
        if len(text) <= width:
            return text
    rest = f" +{len(names) - 1}" if len(names) > 1 else ""
    room = width - len(rest)
    return names[0][: max(room - 1, 1)] + "…" + rest


def fit_lines(head: str, items: list[str], width: int, lines: int, console: Console) -> str:
    """``head`` and as many of ``items`` ("; " between them) as wrap into ``lines`` lines of
    ``width``, then "+N more", so a line that cannot show everything says so."""
    def wrapped(text: str) -> int:
        return len(Text(text).wrap(console, width)) if width > 0 else 1

    for shown in range(len(items), -1, -1):
        more = f" +{len(items) - shown} more" if shown < len(items) else ""
        text = head + "; ".join(items[:shown]) + (";" if shown and more else "") + more
        if wrapped(text) <= lines:
            return text
    return head + f"+{len(items)} more"


def spare_width(table: DataTable, widths: list[int], rows: int, fallback: int) -> int:
    """The characters left in ``table`` for one more column after columns of ``widths``
    (each with its cell padding, and room for the scrollbar when ``rows`` will not fit),
    or ``fallback`` while the table has no size yet (a tab not shown)."""
    if table.size.width == 0:
        return fallback
    padding = 2 * table.cell_padding
    scrollbar = table.styles.scrollbar_size_vertical if rows >= table.size.height else 0
    used = sum(width + padding for width in widths) + padding + scrollbar
    return max(table.size.width - used, 8)


def refill(table: DataTable, headings: tuple[str, ...] | list[str],
           rows: list[tuple[object, ...]]) -> None:
    """Replace the table's columns and rows, each column exactly as wide as its widest
    cell, keeping the cursor's row.

    The widths are given rather than left to the DataTable, which measures them
    only when idle: rows drawn before that (a refill during a resize) stay drawn
    with the old widths.
    """
    widths = [max([cell_len(h)] + [cell_len(str(row[i])) for row in rows])
              for i, h in enumerate(headings)]
    cursor = table.cursor_row
    table.clear(columns=True)
    for heading, width in zip(headings, widths, strict=True):
        table.add_column(heading, width=width)
    table.add_rows(rows)
    if rows:
        table.move_cursor(row=min(max(cursor, 0), len(rows) - 1), animate=False)


class FittedTable(PlainTable):
    """A DataTable whose cells are cut to its width: it says when that width changes
    (the terminal resized, the chart shown or hidden, its tab first shown), so the pane
    fills it again."""

    class WidthChanged(Message):
        """The table's width changed; its cut cells should be cut again."""

        def __init__(self, table: FittedTable) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> FittedTable:
            return self.table

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(self.WidthChanged(self))


class AnalysisPane(Vertical):
    """A tab that counts from the study snapshot; subclasses implement :meth:`recount`."""

    class Counted(Message):
        """A count finished in the worker (sent to the pane itself)."""

        def __init__(self, request: int, result: Any = None,
                     error: BaseException | None = None) -> None:
            super().__init__()
            self.request, self.result, self.error = request, result, error

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.study: StudySnapshot | None = None
        self._request = 0
        self._then: tuple[Callable[[Any], None], Widget] | None = None

    @property
    def qualcode(self) -> QualcodeApp:
        return qualcode_of(self)

    def set_study(self, study: StudySnapshot) -> None:
        self.study = study
        self.recount()

    def recount(self) -> None:
        raise NotImplementedError

    def compute(self, work: Callable[[], Any], then: Callable[[Any], None], busy: Widget) -> None:
        """Run ``work`` in a thread; ``then(result)`` on the UI thread; ``busy`` shows loading.

        Only the latest request of this tab is shown: an older one still
        running is cancelled and its result, should it arrive, dropped.
        """
        busy.loading = True
        self._request += 1
        self._then = (then, busy)
        self._count(work, self._request)

    @work(thread=True, exclusive=True, group="count", exit_on_error=False)
    def _count(self, count: Callable[[], Any], request: int) -> None:
        try:
            message = self.Counted(request, result=count())
        except Exception as error:  # reported by on_analysis_pane_counted, never a traceback
            message = self.Counted(request, error=error)
        if not get_current_worker().is_cancelled:
            self.post_message(message)

    def on_analysis_pane_counted(self, message: Counted) -> None:
        message.stop()
        if message.request != self._request or self._then is None:
            return
        then, busy = self._then
        busy.loading = False
        if message.error is None:
            then(message.result)
        elif isinstance(message.error, QualcodeError):
            self.qualcode.show_error(message.error)
        else:
            self.qualcode.show_error(f"{self.id}: could not be counted ({message.error!r})")
