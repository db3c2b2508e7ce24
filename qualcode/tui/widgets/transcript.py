"""The transcript: a Line API widget that draws only the rows on screen.

Measured (stack-notes): re-rendering a whole document on each change is
what makes Static/RichLog slow; this widget wraps once per width and draws
each visible row from offsets. It owns only view state — the selection and
the scroll position — and gets the document and its codings from the
screen. Selection changes are posted as :class:`Transcript.SelectionChanged`;
how the selection moves (keys and mouse) is in
:mod:`qualcode.tui.widgets.transcript_selection`, the base class.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from qualcode.ingest.turns import body_start
from qualcode.project.values import CodingInfo, DocumentText
from qualcode.tui.colors import code_style, mark_style, other_coder_style
from qualcode.tui.layout import MARGIN, ScreenLine, codings_per_line, distinct_codes, wrap_text
from qualcode.tui.styles import tcss_beside
from qualcode.tui.widgets.transcript_selection import TranscriptSelection

_ONE_CELL = str.maketrans({"\t": " ", "\r": " ", "\v": " ", "\f": " "})

VIEWS = ("both", "mine", "others")
"""Whose codings are drawn: everyone's, this coder's, or the other coders'."""


class Transcript(TranscriptSelection, can_focus=True):
    """Shows one document; the selection moves by sentence, turn, word or character."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "transcript--interviewer",
        "transcript--respondent",
        "transcript--label",
        "transcript--outside",
        "transcript--selection",
    }

    DEFAULT_CSS = tcss_beside(__file__, "transcript.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "next_sentence", "Next sentence", show=False),
        Binding("up", "previous_sentence", "Previous sentence", show=False),
        Binding("shift+down", "extend_down", "Extend by sentence", show=False),
        Binding("shift+up", "extend_up", "Extend up by sentence", show=False),
        Binding("ctrl+down,}", "next_turn", "Next turn", show=False),
        Binding("ctrl+up,{", "previous_turn", "Previous turn", show=False),
        Binding("right", "extend_word", "End +1 word", show=False),
        Binding("left", "shrink_word", "End -1 word", show=False),
        Binding("shift+right", "extend_char", "End +1 character", show=False),
        Binding("shift+left", "shrink_char", "End -1 character", show=False),
        Binding("ctrl+left", "start_earlier", "Start -1 word", show=False),
        Binding("ctrl+right", "start_later", "Start +1 word", show=False),
        Binding("home", "first_sentence", "First sentence", show=False),
        Binding("end", "last_sentence", "Last sentence", show=False),
        Binding("pagedown", "page_down_sentence", "Page down", show=False),
        Binding("pageup", "page_up_sentence", "Page up", show=False),
    ]

    class SelectionChanged(Message):
        """The passage a code would be applied to is now ``start:end``."""

        def __init__(self, start: int, end: int) -> None:
            super().__init__()
            self.start = start
            self.end = end

    class TurnBoundary(Message):
        """Extending stopped at the end (or start) of a speaker turn; a second press crosses."""

        def __init__(self, speaker: str, forward: bool) -> None:
            super().__init__()
            self.speaker = speaker
            self.forward = forward

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        #: The sentence a shift+arrow extension started from (None: not extending).
        self._anchor: tuple[int, int] | None = None
        #: The boundary the last extension stopped at, so the next press crosses it.
        self._held_at: int | None = None
        self.document: DocumentText | None = None
        self.codings: list[CodingInfo] = []
        self.focus_code: int | None = None
        #: The focus code and every code under it (a category shows its sub-codes' passages).
        self.focus_codes: frozenset[int] = frozenset()
        #: who is coding ("" draws every coding as one's own) and whose codings are shown
        self.me = ""
        self.view = "both"
        self.shown: list[CodingInfo] = []
        self.selection: tuple[int, int] = (0, 0)
        self._lines: list[ScreenLine] = []
        self._line_starts: list[int] = []
        self._per_line: list[list[CodingInfo]] = []
        self._sentence_starts: list[int] = []
        self._wrap_width = 0
        self._drag_anchor: int | None = None
        self._bodies: dict[int, int] = {}

    # -- state from the screen -------------------------------------------

    def show(
        self,
        document: DocumentText,
        codings: Sequence[CodingInfo],
        selection: tuple[int, int] | None = None,
    ) -> None:
        """Show a (new) document; selects ``selection`` or the first sentence."""
        self.document = document
        self._bodies = {}
        self._sentence_starts = [start for start, _ in document.sentences]
        self._wrap_width = 0
        self.codings = list(codings)
        self.shown = self._visible()
        self._relayout()
        self._set_selection(selection or self._sentence(0), scroll=True, center=True)

    def set_codings(self, codings: Sequence[CodingInfo]) -> None:
        """New codings for the same document (after a change): re-marks, keeps the view."""
        self.codings = list(codings)
        self.shown = self._visible()
        self._per_line = codings_per_line(self._lines, self._line_starts, self.shown)
        self.refresh()

    def set_view(self, me: str, view: str) -> None:
        """Draw ``view`` ("both", "mine" or "others") for the coder ``me``."""
        self.me, self.view = me, view
        self.set_codings(self.codings)

    def is_mine(self, coding: CodingInfo) -> bool:
        return not self.me or coding.coder == self.me

    def _visible(self) -> list[CodingInfo]:
        if self.view == "mine":
            return [c for c in self.codings if self.is_mine(c)]
        if self.view == "others":
            return [c for c in self.codings if not self.is_mine(c)]
        return list(self.codings)

    def set_focus_code(self, code_id: int | None, under: Iterable[int] = ()) -> None:
        """Dim every passage not coded with ``code_id`` or a code ``under`` it (None: all)."""
        self.focus_code = code_id
        self.focus_codes = frozenset({code_id, *under}) if code_id is not None else frozenset()
        self.refresh()

    def codings_at_selection(self) -> list[CodingInfo]:
        """Codings overlapping the selection (or at its start), shortest first."""
        start, end = self.selection
        end = max(end, start + 1)
        found = [c for c in self.shown if c.start < end and c.end > start]
        return sorted(found, key=lambda c: (c.end - c.start, c.id))

    # -- layout ------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()

    def _relayout(self) -> None:
        if self.document is None:
            return
        width = max(8, self.size.width - MARGIN - 1)
        if width == self._wrap_width and self._lines:
            return
        self._wrap_width = width
        self._lines = wrap_text(self.document.text, width, self.document.turns)
        self._line_starts = [line.start for line in self._lines]
        self._per_line = codings_per_line(self._lines, self._line_starts, self.shown)
        self.virtual_size = Size(width + MARGIN, len(self._lines))
        self.refresh()
        if self.size.height:
            self._scroll_to_selection(center=True)

    def selection_in_upper_half(self) -> bool:
        """Whether the selection is drawn in the top half of the view (dialogs then
        go below it, so the passage being coded stays in sight)."""
        first = self.line_of(self.selection[0]) - self.scroll_offset.y
        last = self.line_of(max(self.selection[0], self.selection[1] - 1)) - self.scroll_offset.y
        return (first + last) / 2 < self.size.height / 2

    # -- drawing -------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        base = self.rich_style
        if self.document is None or index >= len(self._lines):
            return Strip.blank(self.size.width, base)
        line = self._lines[index]
        here = self._per_line[index]
        segments = self._margin(here, base)
        segments.extend(self._text_segments(line, here, base))
        strip = Strip(segments)
        return strip.extend_cell_length(self.size.width, base).crop(0, self.size.width)

    def _margin(self, here: list[CodingInfo], base: Style) -> list[Segment]:
        codes = distinct_codes(here)
        if self.focus_code is not None:
            codes = [c for c in codes if c.code_id in self.focus_codes]
        marks = [Segment("▌", base + mark_style(c.color)) for c in codes[:3]]
        if len(codes) > 3:
            marks[-1] = Segment("+", base + Style(bold=True))
        marks.append(Segment(" " * (MARGIN - len(marks)), base))
        return marks

    def _text_segments(
        self, line: ScreenLine, here: list[CodingInfo], base: Style
    ) -> list[Segment]:
        assert self.document is not None
        text = self.document.text
        role_style, label_end = self._turn_styles(line)
        sel_start, sel_end = self.selection
        cuts = {line.start, line.end, sel_start, sel_end, label_end}
        for coding in here:
            cuts.add(coding.start)
            cuts.add(coding.end)
        points = sorted(p for p in cuts if line.start <= p <= line.end)
        selection_style = self.get_component_rich_style("transcript--selection")
        label_style = self.get_component_rich_style("transcript--label")
        dim = Style(dim=True)
        segments = []
        for left, right in itertools.pairwise(points):
            if left == right:
                continue
            style = base + role_style
            if left < label_end:
                style += label_style
            covering = [c for c in here if c.start <= left and c.end >= right]
            if self.focus_code is not None:
                covering = [c for c in covering if c.code_id in self.focus_codes]
                if not covering:
                    style += dim
            if covering:
                style += self._coded_style(covering)
            if sel_start <= left and right <= sel_end:
                style += selection_style
            # One cell per code point: a tab is drawn as one space, never as a jump.
            segments.append(Segment(text[left:right].translate(_ONE_CELL), style))
        return segments

    def _coded_style(self, covering: list[CodingInfo]) -> Style:
        """Mine as the code's background colour (bold where two of mine overlap);
        another coder's as an underline in the code's colour."""
        mine = [c for c in covering if self.is_mine(c)]
        others = len(mine) < len(covering)
        if not mine:
            return other_coder_style(covering[0].color)
        style = code_style(mine[0].color, underline=others)
        return style + Style(bold=True) if len(mine) > 1 else style

    def _turn_styles(self, line: ScreenLine) -> tuple[Style, int]:
        assert self.document is not None
        if line.turn is None:
            return self.get_component_rich_style("transcript--outside"), -1
        turn = self.document.turns[line.turn]
        name = "transcript--interviewer" if turn.role == "interviewer" else "transcript--respondent"
        body = self._bodies.get(line.turn)
        if body is None:
            body = self._bodies[line.turn] = body_start(self.document.text, turn)
        label_end = body if line.start < body else -1
        return self.get_component_rich_style(name), label_end
