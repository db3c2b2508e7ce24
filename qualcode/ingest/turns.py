"""Speaker turns in plain transcript text, their times, and who is the interviewer.

A turn starts at a line that begins with a speaker label. Conventions seen in
transcripts typed by researchers and exported by transcription tools
(docs/transcripts.md shows an example of each):

- ``I: ...``, ``HA3: ...``, ``Interviewer: ...``, ``Sarah Jansen: ...``,
  optionally bold in Markdown (``**I:** ...``), with a time before the label
  (``[00:01:02] I: ...``, NVivo's ``*1:40 = I1: ...``) or after it
  (``I (00:01:02): ...``), or a tab instead of the colon (a Word table
  flattened to ``Label<TAB>text``);
- Otter: a line holding only ``Sarah Jansen  00:13``, text on the next lines;
- ``[Sarah] 00:01:02 text`` or ``[Sarah] text``;
- a known speaker's name alone on a line (known: used as a label elsewhere in
  the text, listed in the legend, or a role word such as ``Interviewer``).

A label is at most four words, starts with a capital, and further words are
capitalised, numbers (``Speaker 2``) or name particles (``van``, ``de``).
To keep header lines such as ``Datum: 12 maart`` out, a label that is not a
well-known one (I, R, Interviewer, Q/A, V/A, ...), a participant code (HA3,
P01), in the legend or on a time-marked line of a text with several of them,
must occur at least twice, and some header words are never speakers.

Times: besides the times on label lines, a time mark on a line of its own
(``0:02:16.6``) is the time of the turn that follows it, and the turn starts
at that line. f4/f5transkript ends a paragraph with ``#00:01:23-4#``, the
moment the paragraph ends; so the mark that closes one turn is the start
time of the next turn (the first turn has no time unless a mark precedes it).

A legend at the top (``I1: Interviewer 1`` / ``M: Mand``: one short
description per label, no sentence) names the speakers; see :func:`find_legend`.
Text before the first turn (a header, a legend, Otter's SUMMARY / KEYWORDS /
SPEAKERS preamble) belongs to no turn. No labels at all gives no turns: the
caller treats the text as one block without speakers.

The patterns for labels and time marks, the label rules and the role
inference are in :mod:`qualcode.ingest.speaker_labels`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from qualcode.ingest.model import TurnSpan
from qualcode.ingest.speaker_labels import (
    F4_MARK,
    NAME_ALONE,
    OWN_LINE_TIME,
    TURN_START,
    infer_roles,
    is_known_label,
    looks_like_label,
)
from qualcode.positions import parse_time


@dataclass(frozen=True)
class TurnReading:
    """What :func:`read_turns` found: the turns, and the legend (label -> description)."""

    turns: list[TurnSpan]
    legend: dict[str, str] = field(default_factory=dict)


@dataclass
class _Start:
    start: int
    label: str
    timestamp: str | None
    line_end: int
    alone: bool = False
    tab: bool = False


def detect_turns(text: str) -> list[TurnSpan]:
    """Speaker turns in normalised transcript text (see :func:`read_turns`)."""
    return read_turns(text).turns


def read_turns(text: str) -> TurnReading:
    """Find speaker turns, their times and the speakers' legend in transcript text.

    Spans are in text order, never overlap, include the label (and a time
    mark on the line before it), and end before the trailing blank lines of
    the turn.
    """
    starts: list[_Start] = []
    for match in TURN_START.finditer(text):
        label = match["label"] or match["otter_label"] or match["bracket_label"]
        if not looks_like_label(label):
            continue
        timestamp = (
            match["ts_before"] or match["ts_after"] or match["otter_ts"] or match["bracket_ts"]
        )
        start = match.start() + (len(match[0]) - len(match[0].lstrip(" \t")))
        tab = bool(match["label"]) and match[0].endswith("\t")
        starts.append(_Start(start, label, timestamp, _line_end(text, start), tab=tab))
    starts = _without_header_table(starts)

    legend, starts, legend_end = find_legend(text, starts)
    counts = Counter(s.label for s in starts)
    timed = sum(1 for s in starts if s.timestamp) >= 2
    starts = [
        s
        for s in starts
        if counts[s.label] >= 2
        or is_known_label(s.label)
        or s.label in legend
        or (timed and s.timestamp)
    ]
    starts = _with_names_alone(text, starts, legend, legend_end)
    if not starts:
        return TurnReading([], legend)
    _attach_time_marks(text, starts)

    spans: list[tuple[int, int, _Start]] = []
    for index, found in enumerate(starts):
        limit = starts[index + 1].start if index + 1 < len(starts) else len(text)
        spans.append((found.start, len(text[found.start : limit].rstrip()) + found.start, found))

    roles = infer_roles(
        [(found.label, text[start:end]) for start, end, found in spans], legend
    )
    turns = [
        TurnSpan(
            start, end, found.label, roles[found.label], found.timestamp,
            parse_time(found.timestamp),
        )
        for start, end, found in spans
    ]
    return TurnReading(turns, legend)


_LEGEND_TITLE = re.compile(
    r"^[ \t]*(?:legend|legenda|key|speakers|sprekers|sprecher|deltagere|teilnehmer(?:innen)?"
    r"|participants|deelnemers|personen|medewerkers)[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)
_ROLE_WORDS = frozenset(
    {
        "interviewer", "interviewster", "onderzoeker", "onderzoekster", "researcher",
        "moderator", "facilitator", "respondent", "respondente", "interviewee",
        "participant", "deelnemer", "deelneemster", "huisarts", "gp", "deltager",
        "informant", "interviewperson", "befragte", "befragter", "patient", "patiënt",
    }
)


def find_legend(
    text: str, starts: list[_Start]
) -> tuple[dict[str, str], list[_Start], int]:
    """Split a legend block off the first label lines: ``(legend, other starts, its end)``.

    A legend is a run of consecutive lines at the top, ``LABEL: description``
    each, where every description is short (at most six words, no sentence
    punctuation), labels are distinct and at least one of them speaks later.
    Because a short exchange (``I: Goedemorgen`` / ``R: Goedemorgen``) looks the
    same, one more sign is required: a title line before the block (``Legend``,
    ``Sprekers``...), or times on the turns after it but not on its lines
    (NVivo), or every description naming a role or spelling out its label
    (``I1: Interviewer 1``, ``M: Mand``).
    """
    block: list[tuple[_Start, str]] = []
    for found in starts:
        if block and found.start != block[-1][0].line_end + 1:
            break
        line = text[found.start : found.line_end]
        description = line.split(":", 1)[1].strip() if ":" in line else ""
        if found.timestamp or not _is_description(description):
            break
        block.append((found, description))
    labels = [found.label for found, _ in block]
    rest = starts[len(block) :]
    later = {found.label for found in rest} | {
        m["alone"].strip() for m in NAME_ALONE.finditer(text, block[-1][0].line_end if block else 0)
    }
    if not block or len(set(labels)) != len(labels) or not later & set(labels):
        return {}, starts, 0
    before = text[: block[0][0].start].rstrip("\n").rsplit("\n", 1)[-1]
    timed = sum(1 for found in rest if found.timestamp)
    if not (
        _LEGEND_TITLE.match(before)
        or (rest and timed * 2 >= len(rest))
        or all(_names_a_speaker(found.label, d) for found, d in block)
    ):
        return {}, starts, 0
    legend = {found.label: description for found, description in block}
    return legend, rest, block[-1][0].line_end


def _is_description(description: str) -> bool:
    words = description.split()
    return (
        0 < len(words) <= 6
        and len(description) <= 60
        and not any(mark in description for mark in "?!;")
        and not description.endswith((".", ","))
    )


def _names_a_speaker(label: str, description: str) -> bool:
    words = [w.strip("()[],").casefold() for w in description.split()]
    if any(word in _ROLE_WORDS for word in words):
        return True
    letters = "".join(c for c in label if c.isalpha()).casefold()
    first = description.split()[0]
    return bool(letters) and len(first) >= 3 and first[0].isupper() and (
        first.casefold().startswith(letters)
    )


def _without_header_table(starts: list[_Start]) -> list[_Start]:
    """Drop ``Key<TAB>value`` rows of a header table above turns written ``Label: text``.

    A Word transcript often opens with a table (``Deelnemer | HA04``,
    ``Interviewer | Lotte``); flattened, its rows look like tab-separated
    turns. When the talk itself uses colons, such rows before the first
    colon turn are header, unless their label also speaks with a colon.
    """
    colon = [s for s in starts if not s.tab]
    if not colon:
        return starts
    speaking = {s.label for s in colon}
    first = colon[0].start
    return [s for s in starts if not (s.tab and s.start < first and s.label not in speaking)]


def _with_names_alone(
    text: str, starts: list[_Start], legend: Mapping[str, str], after: int
) -> list[_Start]:
    """Add the turns that start with a known speaker's name alone on its line."""
    known = {s.label for s in starts} | set(legend)
    taken = {s.start for s in starts}
    added = []
    for match in NAME_ALONE.finditer(text, after):
        label = match["alone"].strip()
        begin = match.start() + (len(match[0]) - len(match[0].lstrip(" \t")))
        if begin in taken or not looks_like_label(label):
            continue
        if label in known or (len(label) > 1 and is_known_label(label)):
            added.append(_Start(begin, label, None, _line_end(text, begin), alone=True))
    return sorted(starts + added, key=lambda s: s.start)


def _attach_time_marks(text: str, starts: list[_Start]) -> None:
    """Give untimed turns the time of an own-line mark before them or f4's closing mark."""
    for index, found in enumerate(starts):
        if found.timestamp:
            continue
        previous_end = starts[index - 1].line_end if index else 0
        before = text[previous_end : found.start].rstrip()
        line_start = before.rfind("\n") + 1
        mark = OWN_LINE_TIME.fullmatch(before, line_start)
        if mark is not None:
            found.timestamp = mark["mark"] or mark["f4"]
            found.start = previous_end + line_start
            found.start += len(before[line_start:]) - len(before[line_start:].lstrip(" \t"))
            continue
        if index:
            closing = list(F4_MARK.finditer(text, starts[index - 1].start, found.start))
            if closing and not text[closing[-1].end() : found.start].strip():
                found.timestamp = closing[-1]["f4"]


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end == -1 else end


class TurnLike(Protocol):
    """What :func:`body_start` needs of a turn (a TurnSpan, or a stored turn)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def speaker(self) -> str: ...


def body_start(text: str, turn: TurnLike) -> int:
    """Offset where the words of ``turn`` begin, after its time mark, label and time.

    Sentences and codings are about what was said, so callers skip the label.
    Falls back to ``turn.start`` when the turn has no recognisable label.
    """
    if not turn.speaker:
        return turn.start
    position = turn.start
    mark = OWN_LINE_TIME.match(text, text.rfind("\n", 0, position) + 1)
    if mark is not None and mark.end() <= turn.end:
        position = mark.end()
        while position < turn.end and text[position].isspace():
            position += 1
    line_start = text.rfind("\n", 0, position) + 1
    match = TURN_START.match(text, line_start)
    label = match and (match["label"] or match["otter_label"] or match["bracket_label"])
    alone = NAME_ALONE.match(text, line_start)
    if match and label == turn.speaker:
        position = match.end()
    elif alone and alone["alone"].strip() == turn.speaker:
        position = alone.end()
    elif text.startswith(turn.speaker + ":", position):
        position += len(turn.speaker) + 1
    else:
        return turn.start
    while position < turn.end and text[position].isspace():
        position += 1
    return min(position, turn.end)
