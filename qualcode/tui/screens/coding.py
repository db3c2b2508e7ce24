"""The coding screen: transcript in the middle, codebook beside it.

This screen is where widget messages become Project calls. Every change is
committed by the Project before the screen shows it, so there is no save
step; undo/redo go through the Project's event log and survive a restart.
The actions that change the project (code, uncode, memo, undo/redo) are in
:mod:`.coding_actions`, the screen's base class.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical

from qualcode.project.values import CodeInfo, DocumentText
from qualcode.tui.code_counts import CodeCounts
from qualcode.tui.screens.coding_actions import CodingActions
from qualcode.tui.screens.dialogs import TextPrompt
from qualcode.tui.widgets.codebook_panel import CodebookPanel
from qualcode.tui.widgets.here_panel import HerePanel
from qualcode.tui.widgets.saturation_status import SaturationStatus
from qualcode.tui.widgets.transcript import Transcript


class CodingScreen(CodingActions):
    """Code one transcript; ``[`` and ``]`` move to the previous/next document."""

    CSS_PATH = "coding.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "pick_code", "Code"),
        *[Binding(str(n), f"apply_key('{n}')", f"Apply code with key {n}", show=False)
          for n in range(1, 10)],
        Binding("x,delete", "remove_coding", "Uncode"),
        Binding("m", "memo", "Memo", show=False),
        Binding("ctrl+z", "undo", "Undo"),
        Binding("ctrl+y", "redo", "Redo", show=False),
        Binding("]", "next_document", "Next doc", show=False),
        Binding("[", "previous_document", "Prev doc", show=False),
        Binding("slash", "search", "Search"),
        Binding("n", "search_next", "Next match", show=False),
        Binding("f", "filter", "Filter by code", show=False),
        Binding("escape", "clear_filter", "Show all codes", show=False),
        Binding("t", "toggle_focus", "Text/codebook", show=False),
        Binding("v", "cycle_view", "Mine/others/both", show=False),
        Binding("s", "status", "Status", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.document: DocumentText | None = None
        #: The shown document's coding status (not-started, in-progress, coded, excluded).
        self.status = "not-started"
        self.codes: list[CodeInfo] = []
        self.counts = CodeCounts(())
        self.search_text = ""
        self._last_hit: int | None = None

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="body"):
            yield CodebookPanel(id="codebook")
            with Vertical(id="text-column"):
                yield Transcript(id="transcript")
                yield HerePanel(id="here")
                yield SaturationStatus(id="saturation-status")

    def on_mount(self) -> None:
        """The transcript first; the codebook counts need all codings, so they follow."""
        self.query_one(Transcript).focus()
        self.transcript.me = self.qualcode.project.coder
        start = self.qualcode.start_document()
        if start is not None:
            self.open_document(start, self._remembered_selection(start))
        else:
            self.qualcode.show_where(None)
            self._update_here()
        self.call_after_refresh(self.reload_codebook)

    def on_resize(self) -> None:
        self.set_class(self.size.width < 100, "narrow")

    # -- loading -------------------------------------------------------------

    @property
    def saturation_status(self) -> SaturationStatus:
        return self.query_one(SaturationStatus)

    def recount_saturation(self) -> None:
        """After any change to the codings: the status line counts again in a worker."""
        self.saturation_status.recompute(self.qualcode.project)

    def reload_codebook(self) -> None:
        project = self.qualcode.project
        self.codes = project.codes()
        self.counts = CodeCounts(project.codings())
        self.query_one(CodebookPanel).show(self.codes, self.counts.as_mapping(self.codes))
        self.recount_saturation()

    def open_document(self, name: str, selection: tuple[int, int] | None = None) -> None:
        """Show ``name`` and remember it as the document last worked on."""
        project = self.qualcode.project
        self.document = project.document_text(name)
        self.status = self.document.status
        self.transcript.show(self.document, project.codings(document=name), selection)
        self.qualcode.remember("last_document", name)
        self.qualcode.show_where(name)
        memo = project.memo_of("document", name)
        if memo:
            self.notify(memo, title=f"memo on {name}", timeout=8)

    def remember_selection(self) -> None:
        """Kept with the document's name, so reopening the project lands on it again."""
        if self.document is not None:
            start, end = self.transcript.selection
            self.qualcode.remember("last_selection", f"{start}:{end}:{self.document.name}")

    def _remembered_selection(self, name: str) -> tuple[int, int] | None:
        saved = self.qualcode.project.setting("last_selection") or ""
        start, _, rest = saved.partition(":")
        end, _, document = rest.partition(":")
        if document != name or not (start.isdigit() and end.isdigit()):
            return None
        length = len(self.qualcode.project.document_text(name).text)
        if not int(start) < int(end) <= length:
            return None
        return int(start), int(end)

    def refresh_codings(self) -> None:
        if self.document is not None:
            codings = self.qualcode.project.codings(document=self.document.name)
            self.transcript.set_codings(codings)
            self._update_here()

    def reload_all(self) -> None:
        """After undo/redo or a codebook edit: anything may have changed."""
        self.reload_codebook()
        if self.document is not None:
            names = {d.id: d.name for d in self.qualcode.project.documents()}
            if names.get(self.document.id) == self.document.name:
                self.transcript.set_codings(
                    self.qualcode.project.codings(document=self.document.name)
                )
            elif self.document.id in names:  # renamed: same text, new name
                self.open_document(names[self.document.id])
            else:  # deleted
                self.document = None
                start = self.qualcode.start_document()
                if start is not None:
                    self.open_document(start)
        self._update_here()

    def changed_elsewhere(self) -> None:
        """Another window or coder changed the project: show it as it is now, keeping the
        selection and scroll position (a removed document falls back to the start)."""
        if self.document is not None:
            names = [d.name for d in self.qualcode.project.documents()]
            if self.document.name not in names:
                self.notify(f"{self.document.name} was removed in another window",
                            severity="warning")
                start = self.qualcode.start_document()
                self.document = None
                if start is not None:
                    self.open_document(start)
        self.reload_all()

    # -- messages from widgets -------------------------------------------------

    def on_transcript_selection_changed(self, message: Transcript.SelectionChanged) -> None:
        self._update_here()

    def on_transcript_turn_boundary(self, message: Transcript.TurnBoundary) -> None:
        where = "end" if message.forward else "start"
        key = "shift+down" if message.forward else "shift+up"
        self.app.notify(f"The selection stops at the {where} of {message.speaker}'s turn; "
                        f"{key} again takes in the next speaker too.", timeout=4)

    def on_codebook_panel_code_chosen(self, message: CodebookPanel.CodeChosen) -> None:
        self._toggle_filter(message.code)

    def _update_here(self) -> None:
        here = self.query_one(HerePanel)
        if self.document is None:
            here.show("No transcripts yet: press p for the project screen, then i to import.",
                      [], None)
            return
        start, end = self.transcript.selection
        focus = next((c.path_text for c in self.codes if c.id == self.transcript.focus_code),
                     None)
        place = self.document.position(start)
        speaker = self._speaker_at(place.turn)
        position = (f"{self.document.name} · {place}{speaker}  ({end - start} characters)"
                    f" · {self.status}")
        speakers = self.transcript.speakers_in_selection()
        if len(speakers) > 1:
            position += f"  · spans {len(speakers)} speaker turns ({', '.join(speakers)})"
        here.show(position, self.transcript.codings_at_selection(), focus, self.who())

    def who(self) -> str:
        """Who is coding and whose codings are drawn, named (the status line's first part)."""
        me = self.qualcode.project.coder
        others = sorted({c.coder for c in self.transcript.codings if c.coder != me})
        named = ", ".join(others) if others else "other coders"
        view = self.transcript.view
        if view == "both":
            return f"coder: {me} · {named} underlined" if others else f"coder: {me}"
        return f"coder: {me} · only {'mine' if view == 'mine' else named + chr(39) + 's'} (v)"

    def action_cycle_view(self) -> None:
        """Mine, the other coder's, or both: v cycles (both → mine → others)."""
        views = ("both", "mine", "others")
        view = views[(views.index(self.transcript.view) + 1) % len(views)]
        self.transcript.set_view(self.qualcode.project.coder, view)
        self._update_here()

    def coder_changed(self) -> None:
        """After the coder dialog: what is "mine" changed, so redraw and re-label."""
        self.transcript.set_view(self.qualcode.project.coder, self.transcript.view)
        self._update_here()

    def _speaker_at(self, turn: int | None) -> str:
        if self.document is None or turn is None:
            return ""
        found = self.document.turns[turn - 1]
        return f" · {found.speaker} ({found.role})" if found.speaker else ""

    # -- moving around -----------------------------------------------------

    def _step_document(self, step: int) -> None:
        names = [d.name for d in self.qualcode.project.documents()]
        if not names or self.document is None:
            return
        index = names.index(self.document.name) if self.document.name in names else 0
        target = index + step
        if not 0 <= target < len(names):
            self.notify("no next document" if step > 0 else "no previous document")
            return
        self.open_document(names[target])

    def action_next_document(self) -> None:
        self._step_document(1)

    def action_previous_document(self) -> None:
        self._step_document(-1)

    def action_search(self) -> None:
        def find(text: str | None) -> None:
            if text:
                self.search_text = text
                self._last_hit = None
                self.action_search_next()

        self.app.push_screen(TextPrompt("Search in this document (Enter selects the sentence "
                                        "of the first match; n the next):", self.search_text),
                             find)

    def action_search_next(self) -> None:
        """Select the sentence of the next match (wrapping round once, and saying so)."""
        if self.document is None or not self.search_text:
            return
        haystack = self.document.text.lower()
        needle = self.search_text.lower()
        after = self._last_hit + 1 if self._last_hit is not None else self.transcript.selection[0]
        position = haystack.find(needle, after)
        wrapped = False
        if position == -1:
            position = haystack.find(needle)
            wrapped = position != -1 and self._last_hit is not None
        if position == -1:
            self.notify(f"“{self.search_text}” not found in {self.document.name}",
                        severity="warning")
            return
        self._last_hit = position
        total = haystack.count(needle)
        number = haystack.count(needle, 0, position) + 1
        start, end = self.transcript.sentence_around(position, position + len(needle))
        self.transcript.select(start, end)
        note = f"match {number} of {total} for “{self.search_text}”"
        if wrapped:
            note += f": search wrapped round to the start of {self.document.name}"
        self.notify(note, timeout=3)

    def _toggle_filter(self, code: CodeInfo) -> None:
        if self.transcript.focus_code == code.id:
            self.transcript.set_focus_code(None)
        else:
            under = [c.id for c in self.codes if c.is_within(code)]
            self.transcript.set_focus_code(code.id, under)
            self.transcript.focus()
        self._update_here()

    def action_filter(self) -> None:
        code = self.query_one(CodebookPanel).highlighted_code
        if code is None:
            self.notify("highlight a code in the codebook first (t switches focus)")
            return
        self._toggle_filter(code)

    def action_clear_filter(self) -> None:
        self.transcript.set_focus_code(None)
        self._update_here()

    def action_status(self) -> None:
        """Mark the document shown not-started, in progress, coded or excluded."""
        if self.document is None:
            self.notify("Import a transcript first (p, then i).", severity="warning")
            return
        from qualcode.tui.screens.status import ask_status

        ask_status(self.qualcode, self.document.name, self.status, lambda _state: None)

    def status_changed(self, document: str, state: str) -> None:
        """A document's status changed (here or on the project screen): count again."""
        if self.document is not None and self.document.name == document:
            self.status = state
            self._update_here()
        self.recount_saturation()

    def action_toggle_focus(self) -> None:
        panel = self.query_one(CodebookPanel)
        if panel.has_focus:
            self.transcript.focus()
        else:
            panel.focus()
