"""The coding screen's one-line saturation status.

The coder sees, while coding, whether the study is saturated by the rule the
supervisor chose on the analysis screen (``a``). The options are kept as a
project setting (:mod:`qualcode.analysis.saturation_options`), so the status
line, the analysis screen, the workbook and a restart agree.
The figure is computed in a thread worker: on a big project the last line
stays up until the new one is ready, and coding never waits for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static
from textual.worker import Worker, WorkerState

from qualcode.analysis.saturation import SaturationResult
from qualcode.analysis.saturation_options import SaturationOptions
from qualcode.analysis.saturation_text import percent, plural
from qualcode.errors import QualcodeError

if TYPE_CHECKING:
    from qualcode.project import Project

__all__ = ["SaturationOptions", "SaturationStatus", "compute_status", "status_line"]

INLINE_LIMIT = 3000


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


class SaturationStatus(Static):
    """One line: is the study saturated by the chosen rule, and what came in last."""

    DEFAULT_CSS = """
    SaturationStatus { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Saturation: counting…", id=id, markup=False)

    def recompute(self, project: Project, codings: int = 0) -> None:
        """Count again for a project with about ``codings`` codings.

        A small project (the demo counts in a few milliseconds) is counted at
        once, so the line never lags the coding just made; a big one in a
        worker thread, the previous line staying up until the new one is ready.
        """
        if codings < INLINE_LIMIT:
            self.update(compute_status(project))
            return
        self.run_worker(lambda: compute_status(project), thread=True, exclusive=True,
                        group="saturation-status", exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "saturation-status":
            return
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, str):
            self.update(event.worker.result)
        elif event.state == WorkerState.ERROR:
            self.update(f"Saturation: could not be counted ({event.worker.error})")
