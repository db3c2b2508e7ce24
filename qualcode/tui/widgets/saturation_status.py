"""The coding screen's one-line saturation status, and the options it shares.

The coder sees, while coding, whether the study is saturated by the rule the
supervisor chose on the analysis screen (``a``). The options are kept as a
project setting, so the status line, the analysis screen and a restart agree.
The figure is always computed in a thread worker (it reads the whole study):
the last line stays up until the new one is ready, and coding never waits for it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.widgets import Static
from textual.worker import get_current_worker

from qualcode.analysis.saturation import SaturationResult, saturation
from qualcode.analysis.saturation_text import percent, plural
from qualcode.errors import QualcodeError

if TYPE_CHECKING:
    from qualcode.analysis.snapshot import StudySnapshot
    from qualcode.project import Project

SETTING = "saturation_options"


@dataclass(frozen=True)
class SaturationOptions:
    """Parameters of both stopping rules and the table's restriction (CLI defaults)."""

    base: int = 4
    run: int = 2
    threshold: float = 0.05
    denominator: str = "base"
    initial: int = 10
    stop: int = 3
    category: tuple[str, ...] | None = None
    respondent_only: bool = False

    @classmethod
    def load(cls, project: Project) -> SaturationOptions:
        """The options last chosen in this project; defaults when unset or unreadable."""
        stored = project.setting(SETTING)
        if not stored:
            return cls()
        try:
            data = json.loads(stored)
            if data.get("category") is not None:
                data["category"] = tuple(data["category"])
            return replace(cls(), **data)
        except (ValueError, TypeError, AttributeError):
            return cls()

    def save(self, project: Project) -> None:
        project.set_setting(SETTING, json.dumps(asdict(self)))

    def result(self, study: StudySnapshot, method: str) -> SaturationResult:
        """``qualcode saturation --method METHOD`` with these options."""
        return saturation(
            study, method, base=self.base, run=self.run, threshold=self.threshold,
            denominator=self.denominator, initial=self.initial, stop=self.stop,
            category=self.category, respondent_only=self.respondent_only,
        )


def status_line(result: SaturationResult) -> str:
    """ "Saturation (Guest 2020, 4+2, 5%): at 4^{+2} · 35 codes · HA10 added 2 new"."""
    p = result.parameters
    if result.method == "guest2020":
        rule = f"Guest 2020, {p['base']}+{p['run']}, {percent(p['threshold'])}"
        if p["denominator"] != "base":
            rule += f", {p['denominator']}"
        at = f"at {result.saturated_at}^{{+{p['run']}}}"
    else:
        rule = f"Francis {p['initial']}+{p['stop']}"
        at = f"at interview {result.saturated_at}"
    table = result.table
    if table.category is not None:
        rule += f", {table.category[-1]}"
    if table.respondent_only:
        rule += ", respondents"
    if not table.rows:
        return f"Saturation ({rule}): no interviews yet"
    if result.saturated_at is not None:
        state = at
    elif result.more_needed is not None:
        state = f"not yet: at least {plural(result.more_needed, 'more interview')}"
    else:
        state = f"not assessable: {result.reason}"
    parts = [f"Saturation ({rule}): {state}", plural(table.total_codes, "code")]
    latest = next((r for r in reversed(table.rows) if r.new_codes), None)
    if latest is not None:
        parts.append(f"{latest.document} added {latest.new_codes} new")
    return " · ".join(parts)


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
