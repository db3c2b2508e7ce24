"""The search screen: one word or phrase across every interview, hits to code together.

The query runs in a worker thread (the first search of a project builds its
word index); hits come back as keyword-in-context lines. Enter opens a hit in
the coding screen; space marks hits and ``c`` codes the marked hits (or all
of them) with one code, at the scope chosen, as one undoable change — after
a preview that says how many passages will be coded and how many are coded
already.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from qualcode.analysis.saturation_text import plural
from qualcode.errors import QualcodeError
from qualcode.export.passages import position_text
from qualcode.search import SCOPES, SearchHit, auto_code, find, passages
from qualcode.tui.screens.base import QualcodeScreen
from qualcode.tui.screens.dialogs import Choose, Confirm
from qualcode.tui.screens.picker import CodePicker, Picked

MODE_NAMES = {"stem": "word forms", "exact": "exact words", "regex": "regular expression"}
ROLE_CYCLE: tuple[tuple[str, ...], ...] = ((), ("respondent",), ("interviewer",))
SCOPE_LABELS = ("the matched words", "their sentences", "their speaker turns")


def hit_label(hit: SearchHit, marked: bool, width: int = 100) -> Text:
    """``✓ HA01 · turn 14 · 2:06`` and the sentence, the hit in reverse video."""
    text = Text()
    text.append("✓ " if marked else "  ", style="bold green")
    where = " · ".join(p for p in (hit.document, position_text(hit.turn, hit.time)) if p)
    text.append(where, style="bold")
    if hit.speaker:
        text.append(f"  {hit.speaker}", style="dim")
    text.append("\n  ")
    start = hit.start - hit.context_start
    end = start + len(hit.text)
    before = " ".join(hit.context[:start].split())
    after = " ".join(hit.context[end:].split())
    room = max(width - len(hit.text), 20)
    if len(before) > room // 2:
        before = "…" + before[-(room // 2):]
    if len(after) > room - len(before):
        after = after[: max(room - len(before), 0)] + "…"
    gap_before = " " if hit.context[:start][-1:].isspace() else ""
    gap_after = " " if hit.context[end:end + 1].isspace() else ""
    text.append(before + gap_before)
    text.append(" ".join(hit.text.split()), style="reverse bold")
    text.append(gap_after + after)
    return text


#: Hits listed on screen; the rest are counted, and marked or coded with ctrl+a and c.
LISTED_AT_MOST = 500


@dataclass(frozen=True)
class SearchSettings:
    query: str
    mode: str
    roles: tuple[str, ...]
    #: (attribute, value) pairs a participant must have, as ``search --attribute``
    attributes: tuple[tuple[str, str], ...] = ()


def parse_participants(typed: str) -> tuple[tuple[str, str], ...]:
    """``gender=f, practice type=solo`` as (attribute, value) pairs; refused if malformed."""
    pairs = []
    for item in (part.strip() for part in typed.split(",")):
        if not item:
            continue
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise QualcodeError(f"participants {item!r}: write attribute=value")
        pairs.append((name.strip(), value.strip()))
    return tuple(pairs)


class SearchScreen(QualcodeScreen):
    """Search every document; mark hits; code them together."""

    CSS_PATH = "search.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("ctrl+e", "cycle_mode", "Match how"),
        Binding("ctrl+r", "cycle_role", "Whose turns", show=False),
        Binding("space", "mark", "Mark", show=False),
        Binding("ctrl+a", "mark_all", "Mark all", show=False),
        Binding("c", "code_hits", "Code hits"),
        Binding("slash", "focus_query", "New search", show=False),
    ]

    class Found(Message):
        """A search finished (or was refused: ``error`` says why)."""

        def __init__(self, settings: SearchSettings, hits: list[SearchHit],
                     error: str | None = None, again: bool = False) -> None:
            super().__init__()
            self.settings = settings
            self.hits = hits
            self.error = error
            #: the same search run again after a change elsewhere
            self.again = again

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self.mode = "stem"
        self.roles: tuple[str, ...] = ()
        self.hits: list[SearchHit] = []
        self.marked: set[int] = set()
        self.last: SearchSettings | None = None

    def compose_body(self) -> ComposeResult:
        with Vertical():
            with Horizontal(id="search-bar"):
                yield Input(value=self.initial, placeholder="word or phrase in every interview…",
                            id="search-query")
                participants = Input(placeholder="attribute=value", id="search-attribute",
                                     tooltip="only participants with this attribute value "
                                     "(several: a=1, b=2)")
                participants.border_title = "participants"
                yield participants
                yield Label("", id="search-how", markup=False)
            yield Label("Type and press Enter.", id="search-status", markup=False)
            yield OptionList(id="search-hits", markup=False)

    def on_mount(self) -> None:
        self._show_how()
        self.query_one("#search-query", Input).focus()
        if self.initial:
            self.run_search()

    def _show_how(self) -> None:
        who = "all speakers" if not self.roles else f"{self.roles[0]} turns"
        self.query_one("#search-how", Label).update(f"{MODE_NAMES[self.mode]} · {who}")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.run_search()

    def run_search(self) -> None:
        query = self.query_one("#search-query", Input).value.strip()
        if not query:
            return
        try:
            attributes = parse_participants(self.query_one("#search-attribute", Input).value)
        except QualcodeError as exc:
            self.qualcode.show_error(exc)
            return
        settings = SearchSettings(query, self.mode, self.roles, attributes)
        self.query_one("#search-status", Label).update(f"searching for {query!r}…")
        self._search(settings)

    def changed_elsewhere(self) -> None:
        """Another window changed the project (a document imported, renamed or deleted):
        the last search runs again; the list changes only if its hits did."""
        if self.last is not None:
            self._search(self.last, again=True)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, settings: SearchSettings, again: bool = False) -> None:
        try:
            hits = find(self.qualcode.project, settings.query, mode=settings.mode,
                        roles=settings.roles, attributes=dict(settings.attributes) or None)
        except QualcodeError as exc:
            self.post_message(self.Found(settings, [], str(exc), again))
            return
        self.post_message(self.Found(settings, hits, None, again))

    def on_search_screen_found(self, message: Found) -> None:
        status = self.query_one("#search-status", Label)
        if message.again and (message.error or message.hits == self.hits):
            return
        if message.error:
            status.update(message.error)
            self.qualcode.show_error(message.error)
            return
        self.last = message.settings
        self.hits = message.hits
        self.marked = set()
        documents = len({hit.document for hit in self.hits})
        status.update(
            f"{plural(len(self.hits), 'hit')} in {plural(documents, 'document')} "
            "· Enter opens · space marks · c codes"
        )
        self._refill()
        if self.hits:
            self.query_one("#search-hits", OptionList).focus()

    def _width(self) -> int:
        return max(self.query_one("#search-hits", OptionList).size.width - 6, 40)

    def _refill(self, keep: int | None = None) -> None:
        """List the first :data:`LISTED_AT_MOST` hits (a word in every interview has tens of
        thousands: listing them all took seconds, and every mark as long again)."""
        listing = self.query_one("#search-hits", OptionList)
        width = self._width()
        shown = self.hits[:LISTED_AT_MOST]
        options = [Option(hit_label(hit, i in self.marked, width)) for i, hit in enumerate(shown)]
        if len(self.hits) > len(shown):
            options.append(Option(
                f"… {len(self.hits) - len(shown):,} more hits not listed: narrow the search "
                "(participants, whose turns, exact words); ctrl+a and c take in every hit",
                disabled=True))
        listing.set_options(options)
        if self.hits:
            listing.highlighted = keep if keep is not None else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if 0 <= event.option_index < len(self.hits):
            hit = self.hits[event.option_index]
            self.qualcode.open_at(hit.document, hit.start, hit.end)

    def action_focus_query(self) -> None:
        self.query_one("#search-query", Input).focus()

    def action_cycle_mode(self) -> None:
        modes = list(MODE_NAMES)
        self.mode = modes[(modes.index(self.mode) + 1) % len(modes)]
        self._show_how()
        self.run_search()

    def action_cycle_role(self) -> None:
        self.roles = ROLE_CYCLE[(ROLE_CYCLE.index(self.roles) + 1) % len(ROLE_CYCLE)]
        self._show_how()
        self.run_search()

    def action_mark(self) -> None:
        listing = self.query_one("#search-hits", OptionList)
        index = listing.highlighted
        if index is None or not self.hits:
            return
        self.marked ^= {index}
        listing.replace_option_prompt_at_index(
            index, hit_label(self.hits[index], index in self.marked, self._width()))
        listing.highlighted = min(index + 1, len(self.hits) - 1, LISTED_AT_MOST - 1)

    def action_mark_all(self) -> None:
        everything = set(range(len(self.hits)))
        self.marked = set() if self.marked == everything else everything
        self._refill(keep=self.query_one("#search-hits", OptionList).highlighted)

    def chosen_hits(self) -> list[SearchHit]:
        if self.marked:
            return [self.hits[i] for i in sorted(self.marked)]
        return list(self.hits)

    def action_code_hits(self) -> None:
        hits = self.chosen_hits()
        if not hits or self.last is None:
            self.qualcode.show_error("no hits to code: search first")
            return

        def scope_chosen(index: int | None) -> None:
            if index is None:
                return
            scope = SCOPES[index]
            self.app.push_screen(
                CodePicker(self.qualcode.project.codes(), None),
                lambda picked: self._confirm(hits, scope, picked),
            )

        self.app.push_screen(
            Choose(f"Code {plural(len(hits), 'hit')}: what to code?",
                   list(SCOPE_LABELS)),
            scope_chosen,
        )

    def _confirm(self, hits: list[SearchHit], scope: str, picked: Picked | None) -> None:
        if picked is None:
            return
        if picked.code is None:
            self.qualcode.show_error("choose an existing code (create codes in the codebook, b)")
            return
        code = picked.code
        project = self.qualcode.project
        wanted = passages(project, hits, scope)
        count = sum(len(spans) for spans in wanted.values())
        query = self.last.query if self.last else ""

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            result = self.qualcode.attempt(
                lambda: auto_code(project, hits, code.path_text, scope, query=query)
            )
            if result is None or result is True:
                return
            note = f"; {result.already_coded} already coded" if result.already_coded else ""
            self.app.notify(
                f"coded {plural(result.coded, 'passage')} as "
                f"{code.path_text}{note} (ctrl+z on the coding screen undoes)"
            )
            self.qualcode.coding.reload_all()

        self.app.push_screen(
            Confirm(f"Code {plural(count, 'passage')} "
                    f"({SCOPE_LABELS[SCOPES.index(scope)]}) as {code.path_text}? "
                    "Passages already coded with it are left alone."),
            answer,
        )
