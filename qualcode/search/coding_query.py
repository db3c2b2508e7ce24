"""Coding queries: passages coded A and B, A but not B, A among some participants.

A query starts from the codings of one code (with every code under it) and
keeps those that do, or do not, meet a coding of a second code (with its
sub-codes): either overlapping it (``near="overlap"``) or anywhere in the same
speaker turn (``near="turn"``). An attribute filter keeps passages of
participants with a value. Each passage is a coding of A, quoted whole, with
the codings of B it met.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from qualcode.errors import QualcodeError
from qualcode.search import code_with_children
from qualcode.search.text import fold

if TYPE_CHECKING:
    from qualcode.project import Project
    from qualcode.project.values import CodingInfo

NEAR = ("overlap", "turn")


@dataclass(frozen=True)
class CodingQuery:
    code: str
    and_code: str | None = None
    not_code: str | None = None
    near: str = "overlap"
    attributes: Mapping[str, str] = field(default_factory=dict)
    coders: tuple[str, ...] = ()

    def describe(self) -> str:
        text = self.code
        if self.and_code:
            text += f" AND {self.and_code}"
        if self.not_code:
            text += f" NOT {self.not_code}"
        if self.and_code or self.not_code:
            text += " (same turn)" if self.near == "turn" else " (overlapping)"
        for name, value in self.attributes.items():
            text += f", {name} = {value}"
        return text


@dataclass(frozen=True)
class QueryPassage:
    document: str
    case: str | None
    code_path: tuple[str, ...]
    start: int
    end: int
    text: str
    coder: str
    turn: int | None
    time: float | None
    met: tuple[tuple[str, ...], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "case": self.case,
            "code_path": list(self.code_path),
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "coder": self.coder,
            "turn": self.turn,
            "time": self.time,
            "with": [list(path) for path in self.met],
        }


def run_query(project: Project, query: CodingQuery) -> list[QueryPassage]:
    """The passages of ``query`` in interview order, then text order (one read of the study)."""
    if query.and_code and query.not_code:
        raise QualcodeError("query: give either AND or NOT, not both")
    if query.near not in NEAR:
        raise QualcodeError(f"query: near {query.near!r}: use one of {', '.join(NEAR)}")
    known_coders = set(project.coders())
    for coder in query.coders:
        if coder not in known_coders:
            raise QualcodeError(f"coder {coder!r}: no codings by this coder")
    first = code_with_children(project, query.code)
    other_path = query.and_code or query.not_code
    second = code_with_children(project, other_path) if other_path else frozenset()
    allowed_cases = _cases_with(project, query.attributes)
    passages: list[QueryPassage] = []
    for text, all_codings in project.codings_by_document():
        codings = sorted(
            (c for c in all_codings if not query.coders or c.coder in query.coders),
            key=lambda c: (c.start, c.end),
        )
        others = [c for c in codings if c.code_id in second]
        spans = [(t.start, t.end, t.time) for t in text.turns]
        starts = [start for start, _, _ in spans]
        for coding in codings:
            if coding.code_id not in first:
                continue
            if allowed_cases is not None and coding.case not in allowed_cases:
                continue
            index = bisect.bisect_right(starts, coding.start) - 1
            turn = spans[index] if index >= 0 and coding.start < spans[index][1] else None
            met = [
                other for other in others
                if other.id != coding.id and _meets(coding, other, query.near, starts, spans)
            ]
            if query.and_code and not met:
                continue
            if query.not_code and met:
                continue
            passages.append(
                QueryPassage(
                    document=coding.document,
                    case=coding.case,
                    code_path=coding.code_path,
                    start=coding.start,
                    end=coding.end,
                    text=coding.text,
                    coder=coding.coder,
                    turn=index + 1 if turn is not None else None,
                    time=turn[2] if turn is not None else None,
                    met=tuple(dict.fromkeys(other.code_path for other in met)),
                )
            )
    return passages


def _meets(
    coding: CodingInfo,
    other: CodingInfo,
    near: str,
    starts: list[int],
    spans: Sequence[tuple[int, int, float | None]],
) -> bool:
    if coding.start < other.end and other.start < coding.end:
        return True
    if near != "turn":
        return False

    def turns_of(start: int, end: int) -> set[int]:
        first = max(bisect.bisect_right(starts, start) - 1, 0)
        last = max(bisect.bisect_left(starts, end) - 1, first)
        return set(range(first, last + 1))

    return bool(turns_of(coding.start, coding.end) & turns_of(other.start, other.end))


def _cases_with(project: Project, attributes: Mapping[str, str]) -> set[str] | None:
    if not attributes:
        return None
    cases = project.cases()
    known = {name for case in cases for name in case.attributes}
    allowed: set[str] | None = None
    for name, value in attributes.items():
        if name not in known:
            raise QualcodeError(f"attribute {name!r}: no such participant attribute")
        matching = {
            case.name for case in cases
            if fold(str(case.attributes.get(name) or "")) == fold(value)
        }
        allowed = matching if allowed is None else allowed & matching
    return allowed or set()
