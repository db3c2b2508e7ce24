"""Turning a transcript into screen lines, and codings into per-line marks.

Pure Python (no Textual), so the wrapping and the overlap rules can be tested
and benchmarked alone. Offsets are code points into the document text; one
code point is taken as one terminal cell (true for the Latin-script
transcripts qualcode is made for; wide characters only misalign a line's
right edge, never an offset).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from qualcode.project.values import CodingInfo, TurnInfo

MARGIN = 4
"""Cells left of the text: up to three marks, one per code on that row."""


@dataclass(frozen=True)
class ScreenLine:
    """One row of the transcript on screen: ``text[start:end]`` (no newline)."""

    start: int
    end: int
    turn: int | None  # index into the document's turns, None outside any turn


def wrap_text(text: str, width: int, turns: Sequence[TurnInfo] = ()) -> list[ScreenLine]:
    """Greedy word wrap of every paragraph to ``width`` cells.

    A line breaks after the last space that fits; a word longer than the
    width is cut. Empty paragraphs stay as empty lines, so the blank lines
    between turns in a transcript survive.
    """
    width = max(width, 8)
    turn_starts = [turn.start for turn in turns]
    lines: list[ScreenLine] = []
    position = 0
    length = len(text)
    while position <= length:
        newline = text.find("\n", position)
        paragraph_end = length if newline == -1 else newline
        turn = _turn_at(turns, turn_starts, position)
        start = position
        if start == paragraph_end:
            lines.append(ScreenLine(start, start, turn))
        while start < paragraph_end:
            limit = start + width
            if limit >= paragraph_end:
                end = paragraph_end
                next_start = paragraph_end
            else:
                space = text.rfind(" ", start, limit + 1)
                if space <= start:
                    end = next_start = limit
                else:
                    end, next_start = space, space + 1
            lines.append(ScreenLine(start, end, _turn_at(turns, turn_starts, start)))
            start = next_start
        if newline == -1:
            break
        position = newline + 1
    return lines


def _turn_at(turns: Sequence[TurnInfo], starts: list[int], offset: int) -> int | None:
    index = bisect_right(starts, offset) - 1
    if index >= 0 and offset < max(turns[index].end, turns[index].start + 1):
        return index
    return None


def line_index_of(lines: Sequence[ScreenLine], line_starts: list[int], offset: int) -> int:
    """The screen line showing ``offset`` (``line_starts`` = starts of ``lines``)."""
    return max(0, bisect_right(line_starts, offset) - 1)


def codings_per_line(
    lines: Sequence[ScreenLine], line_starts: list[int], codings: Sequence[CodingInfo]
) -> list[list[CodingInfo]]:
    """For every screen line, the codings that touch it, shortest first.

    Shortest first because where codings overlap, the innermost passage is
    the one a coder is looking at, so its colour is drawn on top.
    """
    per_line: list[list[CodingInfo]] = [[] for _ in lines]
    if not lines:
        return per_line
    for coding in sorted(codings, key=lambda c: c.end - c.start):
        first = line_index_of(lines, line_starts, coding.start)
        last = line_index_of(lines, line_starts, max(coding.start, coding.end - 1))
        for index in range(first, last + 1):
            per_line[index].append(coding)
    return per_line


def distinct_codes(codings: Sequence[CodingInfo]) -> list[CodingInfo]:
    """One coding per code, in the given order (for the margin marks)."""
    seen: set[int] = set()
    result = []
    for coding in codings:
        if coding.code_id not in seen:
            seen.add(coding.code_id)
            result.append(coding)
    return result
