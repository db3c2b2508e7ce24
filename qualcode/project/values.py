"""Value objects the Project service hands to front ends.

Front ends (CLI, TUI, exports) never see ORM rows: these frozen dataclasses
are detached snapshots, safe to keep across transactions and threads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


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
            "coded_share": round(self.coded_share, 4),
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

    def line(self) -> str:
        parts = [
            f"imported {self.source} as {self.document}",
            f"{self.words} words",
            f"{self.turns} turns",
            f"{self.sentences} sentences",
        ]
        if self.encoding:
            parts.append(f"encoding {self.encoding}")
        if self.removed_controls:
            parts.append(f"{self.removed_controls} control characters removed")
        if self.memos:
            parts.append(f"{self.memos} comments kept as memos")
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

    def line(self) -> str:
        types = ", ".join(f"{name} ({kind})" for name, kind in self.attributes)
        return (
            f"read {self.source}: {self.cases_added} participants added, "
            f"{self.cases_updated} updated; attributes: {types}"
        )
