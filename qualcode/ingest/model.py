"""Value objects that every reader returns.

Offsets are Unicode code points into :attr:`IngestedText.text`, the same unit
the store and REFI-QDA use, so ``text[span.start:span.end]`` is always the
passage a researcher sees.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ROLES = ("interviewer", "respondent", "unknown")


@dataclass(frozen=True)
class TurnSpan:
    """One speaker turn, label included (``"I: Hoe gaat het?"``).

    ``timestamp`` is the time written in the source (subtitle cue start as
    ``HH:MM:SS.mmm``, or the Otter/NVivo/f4/bracket time as written), else
    None; ``time`` is the same moment in seconds from the start of the recording.
    """

    start: int
    end: int
    speaker: str
    role: str
    timestamp: str | None = None
    time: float | None = None


@dataclass(frozen=True)
class AnchoredComment:
    """A comment from the source (e.g. a Word comment) on ``text[start:end]``.

    Kept so the caller can turn it into a memo on that passage; ``start ==
    end`` means the comment was anchored at a point.
    """

    start: int
    end: int
    author: str
    text: str


@dataclass
class IngestedText:
    """A transcript as read: normalised text plus what the reader found in it.

    ``text`` is final: callers store it as is and every offset here and in
    later codings refers to it.
    """

    text: str
    format: str
    encoding: str | None
    turns: list[TurnSpan] = field(default_factory=list)
    comments: list[AnchoredComment] = field(default_factory=list)
    removed_controls: int = 0
    #: The speakers' legend at the top of the transcript: label -> description.
    legend: dict[str, str] = field(default_factory=dict)
