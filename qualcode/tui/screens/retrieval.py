"""The retrieval screen: every quote of a code (or category) with its context.

Quotes come in interview order with one sentence before and after, the way
a thesis chapter quotes them; Enter jumps to the passage in the coding
screen.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from qualcode.analysis.saturation_text import plural
from qualcode.project.values import CodeInfo, CodingInfo, DocumentText
from qualcode.tui.colors import code_style
from qualcode.tui.screens.base import QualcodeScreen
from qualcode.tui.widgets.codebook_panel import CodebookPanel


def context(document: DocumentText, start: int, end: int) -> tuple[str, str]:
    """The sentence before ``start`` and the sentence after ``end`` (or '')."""
    starts = [s for s, _ in document.sentences]
    first = bisect_right(starts, start) - 1
    last = bisect_right(starts, max(start, end - 1)) - 1
    before = ""
    if first >= 0:
        s, e = document.sentences[first]
        before = document.text[s:start] if s < start else ""
        if not before.strip() and first > 0:
            s, e = document.sentences[first - 1]
            before = document.text[s:min(e, start)]
    after = ""
    if 0 <= last < len(document.sentences):
        s, e = document.sentences[last]
        after = document.text[end:e] if e > end else ""
        if not after.strip() and last + 1 < len(document.sentences):
            s, e = document.sentences[last + 1]
            after = document.text[max(s, end):e]
    return " ".join(before.split()), " ".join(after.split())


def quote_label(coding: CodingInfo, document: DocumentText) -> Text:
    before, after = context(document, coding.start, coding.end)
    text = Text()
    who = coding.case or coding.document
    place = document.position(coding.start)
    text.append(
        f"{coding.document} · {who} · {place} · {' > '.join(coding.code_path)}", style="bold"
    )
    text.append(f"  ({coding.coder})\n", style="dim")
    if before:
        text.append(before + " ", style="dim")
    text.append(" ".join(coding.text.split()), style=code_style(coding.color))
    if after:
        text.append(" " + after, style="dim")
    if coding.memo:
        text.append(f"\nmemo: {coding.memo}", style="italic")
    return text


class RetrievalScreen(QualcodeScreen):
    """Codes on the left, their quotes on the right."""

    CSS_PATH = "retrieval.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "toggle_focus", "Codes/quotes"),
        Binding("v", "next_coder", "Coder: all/one"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.codes: list[CodeInfo] = []
        self.quotes: list[CodingInfo] = []
        self._documents: dict[str, DocumentText] = {}
        #: None shows every coder's quotes; a name limits the screen to that coder
        self.coder: str | None = None
        self._shown_code: CodeInfo | None = None

    def compose_body(self) -> ComposeResult:
        with Horizontal():
            yield CodebookPanel(id="retrieval-codes")
            yield OptionList(id="quotes", markup=False)

    def on_mount(self) -> None:
        project = self.qualcode.project
        self.codes = project.codes()
        self._count()
        panel = self.query_one(CodebookPanel)
        panel.focus()
        current = self.qualcode.coding.transcript.codings_at_selection()
        if current:
            for index, code in enumerate(self.codes):
                if code.id == current[0].code_id:
                    panel.highlighted = index
        if self.codes:
            self.show_code(panel.highlighted_code or self.codes[0])

    def _count(self) -> None:
        """Segments and participants per code, of the coder shown (or everyone)."""
        counts: dict[int, tuple[int, int]] = {}
        people: dict[int, set[str]] = {}
        for coding in self.qualcode.project.codings():
            if self.coder is not None and coding.coder != self.coder:
                continue
            segments, _ = counts.get(coding.code_id, (0, 0))
            people.setdefault(coding.code_id, set()).add(coding.case or coding.document)
            counts[coding.code_id] = (segments + 1, len(people[coding.code_id]))
        self.query_one(CodebookPanel).show(self.codes, counts)

    def action_next_coder(self) -> None:
        """All coders, then each coder in turn: v limits the quotes and counts to one."""
        choices: list[str | None] = [None, *self.qualcode.project.coders()]
        index = choices.index(self.coder) if self.coder in choices else 0
        self.coder = choices[(index + 1) % len(choices)]
        self._count()
        if self._shown_code is not None:
            self.show_code(self._shown_code)
        self.notify(f"quotes of {self.coder}" if self.coder else "quotes of every coder")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if isinstance(event.option_list, CodebookPanel):
            code = event.option_list.highlighted_code
            if code is not None:
                self.show_code(code)

    def on_codebook_panel_code_chosen(self, message: CodebookPanel.CodeChosen) -> None:
        self.show_code(message.code)
        self.query_one("#quotes", OptionList).focus()

    def changed_elsewhere(self) -> None:
        """Another window or coder changed the project: recount, and show the same code's
        quotes again at the same place (the first code if it was deleted meanwhile)."""
        self.codes = self.qualcode.project.codes()
        self._documents.clear()
        self._count()
        if self._shown_code is None:
            return
        shown = next((c for c in self.codes if c.id == self._shown_code.id), None)
        if shown is None and not self.codes:
            self._shown_code = None
            self.quotes = []
            self.query_one("#quotes", OptionList).clear_options()
            return
        quotes = self.query_one("#quotes", OptionList)
        kept = quotes.highlighted
        self.show_code(shown or self.codes[0])
        if kept is not None and self.quotes:
            quotes.highlighted = min(kept, len(self.quotes) - 1)

    def show_code(self, code: CodeInfo) -> None:
        """All quotes of ``code`` and the codes under it, in interview order."""
        project = self.qualcode.project
        self._shown_code = code
        self.quotes = [c for c in project.codings(code=code.path_text, include_children=True)
                       if self.coder is None or c.coder == self.coder]
        options = []
        for coding in self.quotes:
            if coding.document not in self._documents:
                self._documents[coding.document] = project.document_text(coding.document)
            options.append(Option(quote_label(coding, self._documents[coding.document])))
        quotes = self.query_one("#quotes", OptionList)
        quotes.set_options(options)
        whose = f" by {self.coder}" if self.coder else " (every coder)"
        count = plural(len(self.quotes), "quote")
        quotes.border_title = Content(f"{code.path_text}: {count}{whose}")
        if options:
            quotes.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "quotes" and 0 <= event.option_index < len(self.quotes):
            coding = self.quotes[event.option_index]
            self.qualcode.open_at(coding.document, coding.start, coding.end)

    def action_toggle_focus(self) -> None:
        panel = self.query_one(CodebookPanel)
        quotes = self.query_one("#quotes", OptionList)
        (quotes if panel.has_focus else panel).focus()
