"""Where a passage is, in words a person can use: "turn 47 · 19:21".

Offsets are for programs; a supervisor looking for a quote in the recording
needs the turn (counted from 1 in the document) and the time that turn
starts at, when the transcript gave one. Every front end and export shows
positions through :func:`format_position`, so they all read the same. The
offsets stay in JSON and CSV columns for scripts.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

_CLOCK = re.compile(
    r"^[ \t]*(?:(?P<h>\d{1,3}):)?(?P<m>\d{1,3}):(?P<s>[0-5]\d)(?:[.,\-](?P<f>\d{1,3}))?[ \t]*$"
)


def parse_time(written: str | None) -> float | None:
    """Seconds from the start of the recording for a time as transcripts write it.

    ``19:21`` and ``1:40`` are minutes and seconds (Otter, NVivo);
    ``0:02:16.6``, ``00:01:02,500`` and f4's ``00:01:23-4`` (tenths after the
    dash) have hours. Brackets, ``#`` and ``*`` around the time are ignored.
    None for anything else.
    """
    if not written:
        return None
    match = _CLOCK.match(written.strip("[]()#* \t"))
    if match is None:
        return None
    fraction = match["f"] or ""
    return (
        int(match["h"] or 0) * 3600
        + int(match["m"]) * 60
        + int(match["s"])
        + (int(fraction) / 10 ** len(fraction) if fraction else 0.0)
    )


def format_time(seconds: float) -> str:
    """``19:21`` or ``0:13`` below an hour, ``1:02:03`` from an hour on (whole seconds)."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@dataclass(frozen=True, slots=True)
class Position:
    """A passage's turn (1-based, None outside every turn) and that turn's start time."""

    turn: int | None
    time: float | None = None

    def __str__(self) -> str:
        return format_position(self.turn, self.time)


def format_position(turn: int | None, time: float | None = None, *, turn_word: str = "turn",
                    outside: str = "before the first turn") -> str:
    """"turn 47 · 19:21", "turn 47" without a time, "before the first turn" without a turn.

    ``turn_word`` and ``outside`` give the words in another language (a Dutch
    workbook says "beurt 47 · 19:21").
    """
    if turn is None:
        return outside
    if time is None:
        return f"{turn_word} {turn}"
    return f"{turn_word} {turn} · {format_time(time)}"


@dataclass(frozen=True)
class TurnIndex:
    """Turn starts and times of one document, to place offsets quickly (bisect)."""

    starts: Sequence[int]
    times: Sequence[float | None]

    def position(self, offset: int) -> Position:
        """The turn ``offset`` lies in (the last turn starting at or before it)."""
        index = bisect.bisect_right(self.starts, offset) - 1
        if index < 0:
            return Position(None, None)
        return Position(index + 1, self.times[index])


class HasStart(Protocol):
    @property
    def start(self) -> int: ...


def turn_index(turns: Sequence[HasStart]) -> TurnIndex:
    """A :class:`TurnIndex` from turns in text order: anything with a ``start``
    (and a ``time``, else no times)."""
    return TurnIndex(
        [turn.start for turn in turns],
        [getattr(turn, "time", None) for turn in turns],
    )
