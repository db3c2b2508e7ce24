"""The coding screen's one-line saturation status.

The coder sees, while coding, whether the study is saturated by the rule the
supervisor chose on the analysis screen (``a``). The options are kept as a
project setting (:mod:`qualcode.analysis.saturation_options`), so the status
line, the analysis screen, the workbook and a restart agree. The figure is
always computed in a thread worker (it reads the whole study): the last line
stays up until the new one is ready, and coding never waits for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, RenderableType
from rich.text import Text
from textual import work
from textual.message import Message
from textual.widgets import Static
from textual.worker import get_current_worker

from qualcode.analysis.saturation import SaturationResult
from qualcode.analysis.saturation_options import SaturationOptions
from qualcode.analysis.saturation_text import percent, plural
from qualcode.errors import QualcodeError

if TYPE_CHECKING:
    from qualcode.project import Project

__all__ = ["SaturationOptions", "SaturationStatus", "compute_status", "status_line"]


def status_line(result: SaturationResult) -> str:
    """ "Saturation (Guest 2020, 4+2, 5%): at 4+2 · 10 of 12 coded · 35 codes · HA10 added 2"."""
    p = result.parameters
    if result.method == "guest2020":
        rule = f"Guest 2020, {p['base']}+{p['run']}, {percent(p['threshold'])}"
        if p["denominator"] != "base":
            rule += f", {p['denominator']}"
        at = f"at {result.saturated_at}+{p['run']}"
    else:
        rule = f"Francis {p['initial']}+{p['stop']}"
        at = f"at interview {result.saturated_at}"
    table = result.table
    if table.category is not None:
        rule += f", {table.category[-1]}"
    if table.respondent_only:
        rule += ", respondents"
    if table.by == "participant":
        rule += ", by participant"
    counted = f"{len(table.rows)} of {table.eligible} coded"
    if not table.rows:
        return f"Saturation ({rule}): no interviews marked coded yet ({counted}; s marks one)"
    if result.saturated_at is not None:
        state = at
    elif len(table.rows) < _minimum(result):
        missing = _minimum(result) - len(table.rows)
        state = f"not assessable yet: needs {plural(missing, 'more interview')} marked coded"
    elif result.more_needed is not None:
        state = f"not yet: at least {plural(result.more_needed, 'more interview')}"
    else:
        state = f"not assessable: {result.reason}"
    parts = [f"Saturation ({rule}): {state}", counted, plural(table.total_codes, "code")]
    latest = next((r for r in reversed(table.rows) if r.new_codes), None)
    if latest is not None:
        parts.append(f"{latest.name or latest.document} added {latest.new_codes} new")
    return " · ".join(parts)


def _minimum(result: SaturationResult) -> int:
    """Counted interviews the rule needs before it can say anything."""
    p = result.parameters
    if result.method == "guest2020":
        return int(p["base"]) + int(p["run"])
    return int(p["initial"]) + int(p["stop"])


def compute_status(project: Project) -> str:
    """The status line for the project as it is now (runs in a worker thread)."""
    options = SaturationOptions.load(project)
    try:
        return status_line(options.result(project.snapshot(), "guest2020"))
    except QualcodeError as error:
        return f"Saturation: {error}"


def fitted(line: str, width: int, lines: int, console: Console) -> str:
    """``line`` with its last " · " parts left off until it wraps to at most ``lines``
    lines of ``width``: a narrow screen keeps the verdict and loses "HA10 added 2 new"
    rather than showing half of it."""
    parts = line.split(" · ")
    while len(parts) > 1 and len(Text(" · ".join(parts)).wrap(console, width)) > lines:
        parts.pop()
    return " · ".join(parts)


class SaturationStatus(Static):
    """One line: is the study saturated by the chosen rule, and what came in last.

    ``content`` is always the whole line; what is drawn leaves off its last parts
    when the column is too narrow for it in two lines.
    """

    LINES = 2

    DEFAULT_CSS = """
    SaturationStatus { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    """

    class Counted(Message):
        """A worker finished the line (sent to the widget itself)."""

        def __init__(self, line: str) -> None:
            super().__init__()
            self.line = line

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Saturation: counting…", id=id, markup=False)

    @work(thread=True, exclusive=True, group="saturation-status", exit_on_error=False)
    def recompute(self, project: Project) -> None:
        """Count again in a thread; a newer request cancels this one's answer."""
        try:
            line = compute_status(project)
        except Exception as error:  # shown on the line, never a traceback
            line = f"Saturation: could not be counted ({error})"
        if not get_current_worker().is_cancelled:
            self.post_message(self.Counted(line))

    def on_saturation_status_counted(self, message: Counted) -> None:
        message.stop()
        self.update(message.line)

    def render(self) -> RenderableType:
        width = self.content_size.width
        line = str(self.content)
        return Text(line if width <= 0 else fitted(line, width, self.LINES, self.app.console))
