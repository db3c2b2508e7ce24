"""How the transcript's selection moves: by sentence, turn, word or character, and by mouse.

Split from :mod:`qualcode.tui.widgets.transcript` so that the drawing and the
selection model can each be read alone. The rules that need nothing but the
text, the sentences and the turns are plain functions (tested without an app);
the rest is :class:`TranscriptSelection`, the base class of ``Transcript``,
which keeps the key actions its ``BINDINGS`` name. The messages it posts stay
defined on ``Transcript``, so their handler names (``on_transcript_...``) are
unchanged.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual import events
from textual.message import Message
from textual.scroll_view import ScrollView

from qualcode.project.values import CodingInfo, DocumentText, TurnInfo
from qualcode.tui.layout import MARGIN, ScreenLine


def sentence_at(
    sentences: Sequence[tuple[int, int]], length: int, index: int
) -> tuple[int, int]:
    """Sentence ``index``, held to the first and last; the whole text when there are none."""
    if not sentences:
        return (0, length)
    index = min(max(index, 0), len(sentences) - 1)
    return sentences[index]


def sentence_index(sentence_starts: Sequence[int], offset: int) -> int:
    """Index of the sentence holding ``offset`` (the first before any sentence)."""
    return max(0, bisect_right(sentence_starts, offset) - 1)


def word_boundary(text: str, offset: int, forward: bool) -> int:
    """Where the next (or previous) word ends (or starts), skipping spaces first."""
    if forward:
        position = offset
        while position < len(text) and text[position].isspace():
            position += 1
        while position < len(text) and not text[position].isspace():
            position += 1
        return position
    position = offset
    while position > 0 and text[position - 1].isspace():
        position -= 1
    while position > 0 and not text[position - 1].isspace():
        position -= 1
    return position


def turn_at(turns: Sequence[TurnInfo], offset: int) -> int | None:
    """Index of the speaker turn holding ``offset`` (None outside every turn)."""
    if not turns:
        return None
    starts = [t.start for t in turns]
    index = bisect_right(starts, offset) - 1
    if index >= 0 and offset < turns[index].end:
        return index
    return None


def turn_bounds(
    turns: Sequence[TurnInfo], offset: int, forward: bool
) -> tuple[int, int] | None:
    """The turn after (or before) the one holding ``offset``, held to the first and last."""
    if not turns:
        return None
    starts = [t.start for t in turns]
    current = bisect_right(starts, offset) - 1
    index = current + 1 if forward else (current - 1 if current >= 0 else 0)
    if forward and current < 0:
        index = 0
    index = min(max(index, 0), len(turns) - 1)
    return turns[index].start, turns[index].end


class TranscriptSelection(ScrollView):
    """The selection model of ``Transcript``: its key actions and mouse handling.

    Reads the state ``Transcript`` lays out (the document, its screen lines and
    sentence starts) and keeps the selection with the anchor of an extension.
    """

    document: DocumentText | None
    shown: list[CodingInfo]
    focus_code: int | None
    focus_codes: frozenset[int]
    selection: tuple[int, int]
    _lines: list[ScreenLine]
    _line_starts: list[int]
    _sentence_starts: list[int]
    _anchor: tuple[int, int] | None
    _held_at: int | None
    _drag_anchor: int | None

    if TYPE_CHECKING:
        # Defined on Transcript, so that handlers keep their ``on_transcript_`` names.
        SelectionChanged: Callable[[int, int], Message]
        TurnBoundary: Callable[[str, bool], Message]

    def line_of(self, offset: int) -> int:
        return max(0, bisect_right(self._line_starts, offset) - 1)

    # -- selection -------------------------------------------------------------

    def _sentence(self, index: int) -> tuple[int, int]:
        assert self.document is not None
        return sentence_at(self.document.sentences, len(self.document.text), index)

    def _sentence_index(self, offset: int) -> int:
        return sentence_index(self._sentence_starts, offset)

    def _set_selection(
        self,
        selection: tuple[int, int],
        *,
        scroll: bool = True,
        center: bool = False,
        extending: bool = False,
    ) -> None:
        if self.document is None:
            return
        length = len(self.document.text)
        start, end = sorted(selection)
        start = min(max(start, 0), length)
        end = min(max(end, start), length)
        old = self.selection
        if not extending:
            self._anchor = None
            self._held_at = None
        self.selection = (start, end)
        self._refresh_span(old)
        self._refresh_span(self.selection)
        if scroll:
            self._scroll_to_selection(center=center)
        self.post_message(self.SelectionChanged(start, end))

    def _refresh_span(self, span: tuple[int, int]) -> None:
        if not self._lines:
            return
        first = self.line_of(span[0])
        last = self.line_of(max(span[0], span[1] - 1))
        self.refresh_lines(first, last - first + 1)

    def _scroll_to_selection(self, *, center: bool = False) -> None:
        if not self._lines or not self.size.height:
            return
        first = self.line_of(self.selection[0])
        last = self.line_of(max(self.selection[0], self.selection[1] - 1))
        top, height = self.scroll_offset.y, self.size.height
        if not center and top <= first and last < top + height:
            return
        if center or first < top or last >= top + height:
            target = first - height // 3 if center else (
                first if first < top else max(first, last - height + 1) - 1
            )
            self.scroll_to(y=max(0, target), animate=False, immediate=True)

    def sentence_around(self, start: int, end: int) -> tuple[int, int]:
        """The sentence(s) holding ``start:end`` (the span itself outside every sentence)."""
        if self.document is None or not self.document.sentences:
            return start, end
        first = self._sentence(self._sentence_index(start))
        last = self._sentence(self._sentence_index(max(end - 1, start)))
        if not first[0] <= start < max(last[1], first[1]):
            return start, end
        return first[0], max(last[1], end)

    def select(self, start: int, end: int) -> None:
        """Select ``start:end`` and bring it into view (used by retrieval and search)."""
        self._set_selection((start, end), center=True)

    def _focus_passages(self) -> list[tuple[int, int]]:
        spans = sorted({(c.start, c.end) for c in self.shown if c.code_id in self.focus_codes})
        return spans

    def _step_passage(self, forward: bool) -> bool:
        if self.focus_code is None:
            return False
        spans = self._focus_passages()
        if not spans:
            return True
        starts = [s for s, _ in spans]
        if forward:
            index = bisect_right(starts, self.selection[0])
            index = min(index, len(spans) - 1)
        else:
            index = max(bisect_left(starts, self.selection[0]) - 1, 0)
        self._set_selection(spans[index])
        return True

    def action_next_sentence(self) -> None:
        if self.document is None or self._step_passage(True):
            return
        index = self._sentence_index(max(self.selection[1] - 1, self.selection[0]))
        if self._sentence(index)[1] <= self.selection[1] or self.selection[0] == self.selection[1]:
            index += 1
        self._set_selection(self._sentence(index))

    def action_previous_sentence(self) -> None:
        if self.document is None or self._step_passage(False):
            return
        index = self._sentence_index(self.selection[0])
        if self._sentence(index)[0] >= self.selection[0]:
            index -= 1
        self._set_selection(self._sentence(index))

    def turn_at(self, offset: int) -> int | None:
        """Index of the speaker turn holding ``offset`` (None outside every turn)."""
        if self.document is None:
            return None
        return turn_at(self.document.turns, offset)

    def speakers_in_selection(self) -> list[str]:
        """The speakers whose turns the selection touches, in order."""
        if self.document is None:
            return []
        start, end = self.selection
        return [t.speaker for t in self.document.turns if t.start < end and start < t.end]

    def _crosses_turn(self, inside: int, outside: int) -> bool:
        return self.turn_at(inside) != self.turn_at(outside)

    def _extend(self, forward: bool) -> None:
        """Grow (or, past the anchor, shrink) the selection by one sentence.

        Like an editor: the sentence where extending began is the anchor;
        shift+down moves the far end down, shift+up moves it up. Growing stops
        once at the edge of a speaker turn; pressing again crosses it.
        """
        if self.document is None:
            return
        start, end = self.selection
        if self._anchor is None:
            self._anchor = (start, end)
        anchor_start, anchor_end = self._anchor
        if forward and start < anchor_start:
            index = self._sentence_index(start) + 1
            self._set_selection((self._sentence(index)[0], end), extending=True)
            return
        if not forward and end > anchor_end:
            index = self._sentence_index(max(end - 1, 0)) - 1
            new_end = max(self._sentence(index)[1], anchor_end)
            self._set_selection((start, new_end), extending=True)
            return
        if forward:
            index = self._sentence_index(max(end - 1, 0)) + 1
            target = self._sentence(index)
            if target[1] <= end:
                return
            edge, inside = target[0], max(end - 1, start)
        else:
            index = self._sentence_index(start) - 1
            target = self._sentence(index)
            if target[0] >= start:
                return
            edge, inside = target[0], start
        if self._crosses_turn(inside, edge) and self._held_at != edge:
            self._held_at = edge
            turn = self.turn_at(inside)
            speaker = self.document.turns[turn].speaker if turn is not None else ""
            self.post_message(self.TurnBoundary(speaker, forward))
            return
        self._held_at = None
        new = (start, target[1]) if forward else (target[0], end)
        self._set_selection(new, extending=True)

    def action_extend_down(self) -> None:
        self._extend(True)

    def action_extend_up(self) -> None:
        self._extend(False)

    def _turn_bounds(self, forward: bool) -> tuple[int, int] | None:
        assert self.document is not None
        return turn_bounds(self.document.turns, self.selection[0], forward)

    def action_next_turn(self) -> None:
        self._jump_turn(True)

    def action_previous_turn(self) -> None:
        self._jump_turn(False)

    def _jump_turn(self, forward: bool) -> None:
        if self.document is None:
            return
        bounds = self._turn_bounds(forward)
        if bounds is None:
            return
        first = bisect_left(self._sentence_starts, bounds[0])
        self._set_selection(self._sentence(first) if self._sentence_starts else bounds)

    def _word_boundary(self, offset: int, forward: bool) -> int:
        assert self.document is not None
        return word_boundary(self.document.text, offset, forward)

    def action_extend_word(self) -> None:
        if self.document is not None:
            start, end = self.selection
            self._set_selection((start, self._word_boundary(end, True)))

    def action_shrink_word(self) -> None:
        if self.document is not None:
            start, end = self.selection
            new_end = self._word_boundary(end, False)
            if new_end > start:
                self._set_selection((start, new_end))

    def action_extend_char(self) -> None:
        start, end = self.selection
        self._set_selection((start, end + 1))

    def action_shrink_char(self) -> None:
        start, end = self.selection
        if end - 1 > start:
            self._set_selection((start, end - 1))

    def action_start_earlier(self) -> None:
        if self.document is not None:
            start, end = self.selection
            self._set_selection((self._word_boundary(start, False), end))

    def action_start_later(self) -> None:
        if self.document is not None:
            start, end = self.selection
            new_start = self._word_boundary(start, True)
            while new_start < end and self.document.text[new_start].isspace():
                new_start += 1
            if new_start < end:
                self._set_selection((new_start, end))

    def action_first_sentence(self) -> None:
        if self.document is not None:
            self._set_selection(self._sentence(0))

    def action_last_sentence(self) -> None:
        if self.document is not None:
            self._set_selection(self._sentence(len(self.document.sentences) - 1))

    def _page(self, direction: int) -> None:
        if self.document is None or not self._lines:
            return
        line = self.line_of(self.selection[0]) + direction * max(1, self.size.height - 2)
        line = min(max(line, 0), len(self._lines) - 1)
        self._set_selection(self._sentence(self._sentence_index(self._lines[line].start)))

    def action_page_down_sentence(self) -> None:
        self._page(1)

    def action_page_up_sentence(self) -> None:
        self._page(-1)

    # -- mouse ---------------------------------------------------------------

    def _offset_at(self, x: int, y: int) -> int | None:
        if self.document is None or not self._lines:
            return None
        index = min(y + self.scroll_offset.y, len(self._lines) - 1)
        line = self._lines[index]
        column = max(0, x - MARGIN)
        return min(line.start + column, line.end)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        offset = self._offset_at(event.x, event.y)
        if offset is None:
            return
        self.focus()
        self._drag_anchor = offset
        self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._drag_anchor is None:
            return
        offset = self._offset_at(event.x, event.y)
        if offset is not None and offset != self._drag_anchor:
            self._set_selection((self._drag_anchor, offset), scroll=False)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        anchor, self._drag_anchor = self._drag_anchor, None
        self.release_mouse()
        offset = self._offset_at(event.x, event.y)
        if anchor is None or offset is None:
            return
        if offset == anchor:
            self._set_selection(self._sentence(self._sentence_index(offset)), scroll=False)
        else:
            self._set_selection((anchor, offset), scroll=False)
