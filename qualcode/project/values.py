"""Value objects the Project service hands to front ends.

Front ends (CLI, TUI, exports) never see ORM rows: these frozen dataclasses
are detached snapshots, safe to keep across transactions and threads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from qualcode.positions import Position, TurnIndex, turn_index
from qualcode.voices import Voices


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    guid: str
    name: str
    case: str | None
    order: int
    chars: int
    words: int
    turns: int
    sentences: int
    codings: int
    coded_chars: int
    format: str
    encoding: str | None
    source_name: str
    interview_date: str | None
    status: str = "not-started"

    @property
    def coded_share(self) -> float:
        return self.coded_chars / self.chars if self.chars else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "case": self.case,
            "order": self.order,
            "chars": self.chars,
            "words": self.words,
            "turns": self.turns,
            "sentences": self.sentences,
            "status": self.status,
            "codings": self.codings,
            "coded_share": self.coded_share,
            "format": self.format,
            "encoding": self.encoding,
        }


@dataclass(frozen=True)
class TurnInfo:
    speaker: str
    role: str
    start: int
    end: int
    timestamp: str | None = None
    time: float | None = None


@dataclass(frozen=True)
class SpeakerInfo:
    """A speaker label of one document, as the project screen lists it."""

    document: str
    label: str
    #: The legend's description of the label ("Interviewer 1"), else "".
    name: str
    #: interviewer, respondent, unknown; "mixed" if its turns were given different roles.
    role: str
    participant: str | None
    turns: int
    first_time: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "label": self.label,
            "name": self.name,
            "role": self.role,
            "participant": self.participant,
            "turns": self.turns,
        }


@dataclass(frozen=True)
class DocumentText:
    """A transcript with its structure: what the coding screen renders."""

    id: int
    name: str
    case: str | None
    text: str
    turns: tuple[TurnInfo, ...]
    sentences: tuple[tuple[int, int], ...]
    status: str = "not-started"
    #: Whom each turn counts for (a group interview's speakers); None: not read.
    voices: Voices | None = None

    @cached_property
    def turn_index(self) -> TurnIndex:
        return turn_index(self.turns)

    def position(self, offset: int) -> Position:
        """The turn (1-based) ``offset`` lies in and its time: shown as "turn 47 · 19:21"."""
        return self.turn_index.position(offset)


@dataclass(frozen=True)
class CodeInfo:
    id: int
    guid: str
    parent_id: int | None
    path: tuple[str, ...]
    description: str
    inclusion: str
    exclusion: str
    example: str
    color: str | None
    key: str | None
    depth: int

    @property
    def name(self) -> str:
        return self.path[-1]

    @property
    def path_text(self) -> str:
        return " > ".join(self.path)

    def is_within(self, root: CodeInfo) -> bool:
        """True for ``root`` itself and every code under it (a category's sub-codes)."""
        return self.path[: len(root.path)] == root.path

    def to_json(self) -> dict[str, Any]:
        return {
            "code_path": list(self.path),
            "guid": self.guid,
            "color": self.color,
            "description": self.description,
            "key": self.key,
        }


@dataclass(frozen=True)
class CodingInfo:
    id: int
    guid: str
    document: str
    document_id: int
    case: str | None
    code_id: int
    code_path: tuple[str, ...]
    start: int
    end: int
    text: str
    coder: str
    memo: str
    color: str | None = None
    #: 1-based turn the coding starts in (None before the first turn) and its time.
    turn: int | None = None
    time: float | None = None

    @property
    def position(self) -> Position:
        return Position(self.turn, self.time)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "case": self.case,
            "code": self.code_path[-1],
            "code_path": list(self.code_path),
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "coder": self.coder,
            "memo": self.memo,
            "turn": self.turn,
            "time": self.time,
        }


@dataclass(frozen=True)
class CaseInfo:
    name: str
    guid: str
    attributes: Mapping[str, str | float | int | None]
    documents: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "attributes": dict(self.attributes),
            "documents": list(self.documents),
        }


@dataclass(frozen=True)
class MemoInfo:
    id: int
    document: str | None
    start: int | None
    end: int | None
    author: str
    text: str


@dataclass(frozen=True)
class ImportReport:
    """What one transcript import did: shown by the CLI and the TUI."""

    document: str
    source: str
    format: str
    encoding: str | None
    chars: int
    words: int
    turns: int
    sentences: int
    removed_controls: int
    memos: int
    case: str | None
    #: Things the researcher should know: the same text already imported,
    #: text that looks like another language than the project's.
    warnings: tuple[str, ...] = ()
    #: ``(label, role, turns)`` per speaker label found, in order of first turn.
    labels: tuple[tuple[str, str, int], ...] = ()
    timed_turns: int = 0
    #: The transcript's legend, ``(label, description)``.
    legend: tuple[tuple[str, str], ...] = ()

    #: A text this long without a single speaker turn was probably not recognised.
    LONG_WITHOUT_TURNS = 300

    def line(self) -> str:
        """One line for the import report: counts, the labels found and their roles."""
        turns = f"{self.turns} turns"
        if self.labels:
            named = ", ".join(
                f"{label or '(no label)'} {role} ×{count}" for label, role, count in self.labels
            )
            turns += f" ({named}"
            if self.timed_turns:
                turns += f"; {self.timed_turns} with a time"
            turns += ")"
        parts = [
            f"imported {self.source} as {self.document}"
            + (f" (participant {self.case})" if self.case else ""),
            f"{self.words} words",
            turns,
            f"{self.sentences} sentences",
        ]
        if self.legend:
            parts.append("legend " + ", ".join(f"{k} = {v}" for k, v in self.legend))
        if self.encoding:
            parts.append(f"encoding {self.encoding}")
        if self.removed_controls:
            parts.append(f"{self.removed_controls} control characters removed")
        if self.memos:
            parts.append(f"{self.memos} comments kept as memos")
        if not self.turns and self.words >= self.LONG_WITHOUT_TURNS:
            parts.append(
                "no speaker turns found: the text is one block without speakers "
                "(see docs/transcripts.md for the styles recognised)"
            )
        return ", ".join(parts)


@dataclass(frozen=True)
class EventInfo:
    id: int
    kind: str
    summary: str
    coder: str
    state: str
    undoable: bool
    at: str


@dataclass(frozen=True)
class ParticipantsReport:
    source: str
    cases_added: int
    cases_updated: int
    attributes: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    #: (key value, participant) pairs matched through a transcript's speaker label.
    by_label: tuple[tuple[str, str], ...] = ()
    #: Key values that matched no participant and no speaker label (added anew).
    unmatched: tuple[str, ...] = ()

    def line(self) -> str:
        types = ", ".join(f"{name} ({kind})" for name, kind in self.attributes)
        line = (
            f"read {self.source}: {self.cases_added} participants added, "
            f"{self.cases_updated} updated; attributes: {types}"
        )
        if self.by_label:
            line += "; matched by speaker label: " + ", ".join(
                f"{label} -> {case}" for label, case in self.by_label)
        return line

    def warning(self) -> str | None:
        """Names every key value that found no participant or speaker label."""
        if not self.unmatched:
            return None
        return (
            f"{self.source}: {len(self.unmatched)} key value(s) matched no participant "
            f"and no speaker label, added as participants without documents: "
            + ", ".join(self.unmatched)
        )
