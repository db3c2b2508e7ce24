"""What every tab of the analysis screen shares: counting in a thread, and numbers as text.

Figures are pure functions of a frozen :class:`StudySnapshot`, so a tab can
count in a worker thread while the screen stays responsive; the widget being
refilled shows Textual's loading indicator meanwhile. A newer request for the
same tab cancels the older one, so only the latest parameters are shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.containers import Vertical
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from qualcode.errors import QualcodeError

if TYPE_CHECKING:
    from qualcode.analysis.snapshot import StudySnapshot
    from qualcode.tui.app import QualcodeApp


def number(value: float | None, digits: int = 2) -> str:
    """The CLI's way of writing a figure that may be undefined: "-" for None."""
    return "-" if value is None else f"{value:.{digits}f}"


def code_label(path: tuple[str, ...]) -> str:
    """A code indented under its category, as ``qualcode stats`` prints it."""
    return "  " * (len(path) - 1) + path[-1]


class AnalysisPane(Vertical):
    """A tab that counts from the study snapshot; subclasses implement :meth:`recount`."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.study: StudySnapshot | None = None
        self._latest: Worker[Any] | None = None
        self._then: tuple[Callable[[Any], None], Widget] | None = None

    @property
    def qualcode(self) -> QualcodeApp:
        return self.app  # type: ignore[return-value]

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
        self._latest = self.run_worker(work, thread=True, exclusive=True,
                                       group=f"count-{self.id}", exit_on_error=False)
        self._then = (then, busy)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker is not self._latest or not event.worker.is_finished:
            return
        assert self._then is not None
        then, busy = self._then
        busy.loading = False
        if event.state == WorkerState.SUCCESS:
            then(event.worker.result)
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            if isinstance(error, QualcodeError):
                self.qualcode.show_error(error)
            else:
                self.qualcode.show_error(f"{self.id}: could not be counted ({error!r})")
