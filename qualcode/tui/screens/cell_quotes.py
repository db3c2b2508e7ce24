"""The passages behind one cell of a matrix: read them, Enter opens one in the coding screen.

A supervisor who sees "3" in a cell wants to know *which* three passages; the
list shows participant, document and text for each, in interview order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from qualcode.tui.colors import code_style
from qualcode.tui.screens.base import qualcode_of

if TYPE_CHECKING:
    from qualcode.analysis.cooccurrence import CooccurrencePair
    from qualcode.analysis.snapshot import CodingRef, StudySnapshot
    from qualcode.tui.app import QualcodeApp


@dataclass(frozen=True)
class Passage:
    """One listed passage and where Enter takes the coder."""

    document: str
    start: int
    end: int
    label: Text


def _plain(text: str, limit: int = 400) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def coding_passages(study: StudySnapshot, codings: list[CodingRef]) -> list[Passage]:
    """One passage per coding: "HA03 · participant HA3 · Lotte" and the coded text."""
    passages = []
    for coding in codings:
        document = study.document(coding.document_id)
        code = study.code(coding.code_id)
        label = Text()
        label.append(f"{document.name} · {study.participant_of_coding(coding)}", style="bold")
        label.append(f"  ({coding.coder})\n", style="dim")
        label.append(_plain(coding.text), style=code_style(code.color))
        passages.append(Passage(document.name, coding.start, coding.end, label))
    return passages


def pair_passages(pairs: tuple[CooccurrencePair, ...], first: str, second: str) -> list[Passage]:
    """One entry per passage pair; Enter selects the stretch covering both passages."""
    passages = []
    for pair in pairs:
        label = Text()
        label.append(f"{pair.document} · {pair.participant}", style="bold")
        label.append(f"  ({pair.reason})\n", style="dim")
        label.append(f"{first}: ", style="italic")
        label.append(_plain(pair.first.text, 200) + "\n")
        label.append(f"{second}: ", style="italic")
        label.append(_plain(pair.second.text, 200))
        start = min(pair.first.start, pair.second.start)
        end = max(pair.first.end, pair.second.end)
        passages.append(Passage(pair.document, start, end, label))
    return passages


class CellQuotes(ModalScreen[None]):
    """A titled list of passages; Enter opens the highlighted one, Escape closes."""

    CSS_PATH = "cell_quotes.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
    ]

    def __init__(self, title: str, passages: list[Passage]) -> None:
        super().__init__()
        self.title_text = title
        self.passages = passages

    @property
    def qualcode(self) -> QualcodeApp:
        return qualcode_of(self)

    def compose(self) -> ComposeResult:
        with Vertical(id="cell-quotes"):
            yield Label(self.title_text, id="cell-title", markup=False)
            options = [Option(p.label) for p in self.passages]
            yield OptionList(*options, id="cell-passages", markup=False)
            yield Label("Enter: open in the coding screen · Esc: back", id="cell-hint",
                        markup=False)

    def on_mount(self) -> None:
        passages = self.query_one(OptionList)
        passages.focus()
        if self.passages:
            passages.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if 0 <= event.option_index < len(self.passages):
            passage = self.passages[event.option_index]
            self.qualcode.open_at(passage.document, passage.start, passage.end)
