"""The coding-query screen: passages coded A and B, A but not B, A among some participants.

The form holds the two codes (a path or a unique name, as everywhere), how
they must meet (overlapping or in the same speaker turn) and an optional
participant attribute (``practice_type=WGC``). The query runs in a worker;
the passages come back with their quotes; Enter opens one in the coding
screen and ``ctrl+e`` writes them to a quote sheet (.xlsx) or CSV.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from qualcode.analysis.saturation_text import plural
from qualcode.errors import QualcodeError
from qualcode.export.passages import position_text, write_passages
from qualcode.search.coding_query import CodingQuery, QueryPassage, run_query
from qualcode.tui.screens.base import QualcodeScreen
from qualcode.tui.screens.dialogs import TextPrompt

HOW = [("AND (overlapping)", "and overlap"), ("AND (same turn)", "and turn"),
       ("NOT (overlapping)", "not overlap"), ("NOT (same turn)", "not turn")]


def passage_label(passage: QueryPassage) -> Text:
    where = " · ".join(p for p in (passage.document, position_text(passage.turn, passage.time))
                       if p)
    label = Text(where, style="bold")
    label.append(f"  {' > '.join(passage.code_path)}  ({passage.coder})", style="dim")
    if passage.met:
        label.append("  with " + "; ".join(" > ".join(path) for path in passage.met),
                     style="italic")
    label.append("\n" + " ".join(passage.text.split()))
    return label


class CodingQueryScreen(QualcodeScreen):
    """A form on top, the passages that answer it below."""

    CSS_PATH = "coding_query.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+e", "export", "Export passages"),
    ]

    class Answered(Message):
        def __init__(self, query: CodingQuery, passages: list[QueryPassage],
                     error: str | None = None) -> None:
            super().__init__()
            self.query = query
            self.passages = passages
            self.error = error

    def __init__(self) -> None:
        super().__init__()
        self.passages: list[QueryPassage] = []
        self.asked: CodingQuery | None = None

    def compose_body(self) -> ComposeResult:
        with Vertical():
            with Horizontal(classes="query-row"):
                yield Input(placeholder="code A (path or name)", id="query-a")
                yield Select(HOW, value="and overlap", allow_blank=False, id="query-how")
                yield Input(placeholder="code B (empty: A alone)", id="query-b")
            with Horizontal(classes="query-row"):
                yield Input(placeholder="participants: attribute=value (optional)",
                            id="query-attribute")
            yield Label("Fill in code A (and B), then Enter.", id="query-status", markup=False)
            yield OptionList(id="query-passages", markup=False)

    def on_mount(self) -> None:
        self.query_one("#query-a", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.ask()

    def build(self) -> CodingQuery:
        code = self.query_one("#query-a", Input).value.strip()
        other = self.query_one("#query-b", Input).value.strip() or None
        how = str(self.query_one("#query-how", Select).value)
        operator, near = how.split()
        attributes: dict[str, str] = {}
        wanted = self.query_one("#query-attribute", Input).value.strip()
        if wanted:
            name, sep, value = wanted.partition("=")
            if not sep or not name.strip():
                raise QualcodeError(f"participants {wanted!r}: write attribute=value")
            attributes[name.strip()] = value.strip()
        if not code:
            raise QualcodeError("give code A first")
        return CodingQuery(
            code=code,
            and_code=other if operator == "and" else None,
            not_code=other if operator == "not" else None,
            near=near,
            attributes=attributes,
        )

    def ask(self) -> None:
        try:
            query = self.build()
        except QualcodeError as exc:
            self.qualcode.show_error(exc)
            return
        self.query_one("#query-status", Label).update(f"asking: {query.describe()}…")
        self._run(query)

    def changed_elsewhere(self) -> None:
        """Codings changed in another window or by another coder: ask the last query again."""
        if self.asked is not None:
            self._run(self.asked)

    @work(thread=True, exclusive=True, group="coding-query")
    def _run(self, query: CodingQuery) -> None:
        try:
            passages = run_query(self.qualcode.project, query)
        except QualcodeError as exc:
            self.post_message(self.Answered(query, [], str(exc)))
            return
        self.post_message(self.Answered(query, passages))

    def on_coding_query_screen_answered(self, message: Answered) -> None:
        status = self.query_one("#query-status", Label)
        if message.error:
            status.update(message.error)
            self.qualcode.show_error(message.error)
            return
        listing = self.query_one("#query-passages", OptionList)
        again = message.query == self.asked and listing.option_count > 0
        self.asked = message.query
        self.passages = message.passages
        count = len(self.passages)
        status.update(f"{plural(count, 'passage')}: {message.query.describe()}"
                      " · Enter opens one · ctrl+e exports")
        kept = listing.highlighted
        listing.set_options([Option(passage_label(p)) for p in self.passages])
        if self.passages:
            listing.highlighted = min(kept or 0, count - 1) if again else 0
            if not again:
                listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if 0 <= event.option_index < len(self.passages):
            passage = self.passages[event.option_index]
            self.qualcode.open_at(passage.document, passage.start, passage.end)

    def action_export(self) -> None:
        if self.asked is None:
            self.qualcode.show_error("ask a query first")
            return
        query, passages = self.asked, list(self.passages)

        def chosen(path: str | None) -> None:
            if not path or not path.strip():
                return
            if self.qualcode.attempt(
                lambda: write_passages(passages, path.strip(), query,
                                       self.qualcode.project.language)
            ) is not None:
                self.app.notify(f"wrote {plural(len(passages), 'passage')} to {path.strip()}")

        self.app.push_screen(TextPrompt("Write the passages to (.xlsx or .csv):",
                                        "query.xlsx"), chosen)
