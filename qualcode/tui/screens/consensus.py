"""Walking two coders' disagreements one by one and deciding each (``w`` on the analysis
screen's agreement tab).

For each passage the screen shows what coder A and coder B did with the
code, in context; the decision — keep A's, keep B's, keep both, drop — is
written at once as codings of the consensus coder, with the reason typed in
the reason box as their memo. Decisions are read back from the project, so
closing the screen and coming back later resumes where the two left off, and
ctrl+z takes back the last decision.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from qualcode.errors import QualcodeError
from qualcode.project.consensus import DECISIONS, key_of
from qualcode.tui.colors import code_style, other_coder_style
from qualcode.tui.screens.retrieval import context

if TYPE_CHECKING:
    from qualcode.analysis.comparison import Disagreement
    from qualcode.project.consensus import Decision
    from qualcode.project.values import DocumentText
    from qualcode.tui.app import QualcodeApp


class DisagreementsLoaded(Message):
    def __init__(self, items: list[Disagreement] | None, error: str | None) -> None:
        super().__init__()
        self.items = items
        self.error = error


class ConsensusScreen(Screen[None]):
    """One disagreement at a time; a decision moves on to the next undecided one."""

    CSS_PATH = "consensus.tcss"

    #: The footer shows the four decisions (and ? Help); moving, the reason box, undo and
    #: leaving are in ? help and the palette, so the footer fits 80 columns.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "decide('a')", "Keep A's"),
        Binding("b", "decide('b')", "Keep B's"),
        Binding("k", "decide('both')", "Keep both"),
        Binding("d", "decide('drop')", "Drop"),
        Binding("m", "reason", "Reason", show=False),
        Binding("n,right", "step(1)", "Next", show=False),
        Binding("p,left", "step(-1)", "Previous", show=False),
        Binding("ctrl+z", "undo", "Undo", show=False),
        Binding("escape", "leave", "Back", show=False),
    ]

    def __init__(self, coder_a: str, coder_b: str, consensus: str, unit: str = "segment",
                 overlap: float | None = None) -> None:
        super().__init__()
        self.coders = (coder_a, coder_b)
        self.unit = unit
        self.overlap = overlap
        self.consensus = consensus
        self.items: list[Disagreement] = []
        self.decided: dict[tuple, Decision] = {}
        self.index = 0
        self._texts: dict[str, DocumentText] = {}

    @property
    def qualcode(self) -> QualcodeApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="walk-progress", markup=False)
        with VerticalScroll(id="walk-body"):
            yield Static(id="walk-passage", markup=False)
            yield Static(id="walk-coders", markup=False)
            yield Static(id="walk-decision", markup=False)
        yield Static("Reason (optional), kept as a memo with the next decision: m writes it, "
                     "Enter keeps it", id="walk-reason-label", markup=False)
        yield Input(id="walk-reason", placeholder="why the two of you decided so")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#walk-progress", Static).update("finding the disagreements …")
        self.load()

    @work(thread=True, exclusive=True, group="disagreements")
    def load(self) -> None:
        try:
            items = self.qualcode.project.disagreements(*self.coders, self.unit, self.overlap)
        except QualcodeError as exc:
            self.post_message(DisagreementsLoaded(None, str(exc)))
        else:
            self.post_message(DisagreementsLoaded(items, None))

    def on_disagreements_loaded(self, message: DisagreementsLoaded) -> None:
        if message.items is None:
            self.qualcode.show_error(message.error or "disagreements: could not be listed")
            self.app.pop_screen()
            return
        self.items = message.items
        self.decided = self.qualcode.project.consensus_decisions(self.consensus)
        self.index = self._first_open(0)
        self.show()

    # -- what is shown ---------------------------------------------------------

    @property
    def resolved(self) -> int:
        return sum(1 for item in self.items if key_of(item) in self.decided)

    @property
    def current(self) -> Disagreement | None:
        return self.items[self.index] if 0 <= self.index < len(self.items) else None

    def _first_open(self, start: int) -> int:
        """The first undecided disagreement from ``start`` on (wrapping), else ``start``."""
        count = len(self.items)
        for step in range(count):
            index = (start + step) % count
            if key_of(self.items[index]) not in self.decided:
                return index
        return min(start, max(count - 1, 0))

    def progress_line(self) -> str:
        a, b = self.coders
        total = len(self.items)
        where = f" · disagreement {self.index + 1} of {total}" if total else ""
        done = " · all resolved" if total and self.resolved == total else ""
        return (f"A: {a}  B: {b}  → consensus coder: {self.consensus} · "
                f"{self.resolved} of {total} resolved{where}{done}")

    def show(self) -> None:
        self.query_one("#walk-progress", Static).update(self.progress_line())
        item = self.current
        passage = self.query_one("#walk-passage", Static)
        coders = self.query_one("#walk-coders", Static)
        decision = self.query_one("#walk-decision", Static)
        if item is None:
            passage.update(f"{self.coders[0]} and {self.coders[1]} coded alike: "
                           "no disagreements to resolve.")
            coders.update("")
            decision.update("")
            return
        project = self.qualcode.project
        if item.document not in self._texts:
            self._texts[item.document] = project.document_text(item.document)
        document = self._texts[item.document]
        codings = [c for c in project.codings(document=item.document)
                   if c.code_path == item.code_path and c.start < item.end
                   and c.end > item.start]
        color = codings[0].color if codings else None
        text = Text()
        text.append(f"{item.document} · {' > '.join(item.code_path)}\n", style="bold")
        before, after = context(document, item.start, item.end)
        if before:
            text.append(before + " ", style="dim")
        text.append(" ".join(document.text[item.start:item.end].split()), style="bold")
        if after:
            text.append(" " + after, style="dim")
        passage.update(text)
        lines = Text()
        for label, coder, style in (("A", self.coders[0], code_style(color)),
                                    ("B", self.coders[1], other_coder_style(color))):
            spans = [(c.start, c.end) for c in codings if c.coder == coder]
            lines.append(f"\n{label} · {coder}: ", style="bold")
            if not spans:
                lines.append("did not apply this code here", style="italic")
            for start, end in spans:
                lines.append(" ".join(document.text[start:end].split()), style=style)
                lines.append("  ")
        coders.update(lines)
        made = self.decided.get(key_of(item))
        if made is None:
            decision.update(Text("\nnot decided yet: a keep A's · b keep B's · k keep both · "
                                 "d drop", style="italic"))
        else:
            reason = f" — {made.reason}" if made.reason else ""
            decision.update(Text(f"\ndecided: {DECISIONS[made.decision]}{reason}",
                                 style="bold"))

    # -- deciding --------------------------------------------------------------

    def action_decide(self, decision: str) -> None:
        item = self.current
        if item is None:
            return
        reason_box = self.query_one("#walk-reason", Input)
        reason = reason_box.value
        done = self.qualcode.attempt(lambda: self.qualcode.project.resolve_disagreement(
            item, decision, consensus=self.consensus, coders=self.coders, reason=reason))
        if done is None:
            return
        reason_box.value = ""
        self.decided = self.qualcode.project.consensus_decisions(self.consensus)
        self.index = self._first_open(self.index)
        self.show()
        self.qualcode.coding.reload_all()

    def action_reason(self) -> None:
        self.query_one("#walk-reason", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.set_focus(None)

    def action_step(self, step: int) -> None:
        if self.items:
            self.index = (self.index + step) % len(self.items)
            self.show()

    def action_undo(self) -> None:
        event = self.qualcode.step_history(undo=True)
        if event is None:
            return
        self.decided = self.qualcode.project.consensus_decisions(self.consensus)
        undone = next((i for i, item in enumerate(self.items)
                       if key_of(item) not in self.decided
                       and f"{item.document} {item.start}:{item.end}" in event.summary), None)
        if undone is not None:
            self.index = undone
        self.show()
        self.qualcode.coding.reload_all()

    def action_leave(self) -> None:
        if self.query_one("#walk-reason", Input).has_focus:
            self.set_focus(None)
            return
        self.app.pop_screen()
