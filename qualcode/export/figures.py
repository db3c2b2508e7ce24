"""Counts per code and the saturation table, as the export shows them.

Temporary: these mirror the definitions of ``qualcode.analysis`` (segments =
overlapping or touching codings of one code in one document merged; a
participant is the document's case, or the document itself; saturation counts
applied codes, not their parents) and will be replaced by it once it is on
main, so that the workbook and ``qualcode stats`` can never disagree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qualcode.export.gather import ExportData, Quote


@dataclass(frozen=True)
class CodeFigures:
    """Segments, documents and participants of one code (``pooled``: with sub-codes)."""

    segments: int
    documents: int
    participants: int
    by_participant: dict[str, int] = field(default_factory=dict)
    pooled_segments: int = 0
    pooled_participants: int = 0


@dataclass(frozen=True)
class SaturationRow:
    """One interview: the codes used for the first time, and the running total."""

    number: int
    document: str
    participant: str
    codings: int
    new_codes: tuple[tuple[str, ...], ...]
    cumulative: int


def _segments(quotes: Iterable[Quote]) -> dict[tuple[str, str], int]:
    """(participant, document) -> merged segments among ``quotes``."""
    spans: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for quote in quotes:
        spans[(quote.participant, quote.document)].append((quote.start, quote.end))
    counts = {}
    for key, items in spans.items():
        items.sort()
        count, reach = 0, -1
        for start, end in items:
            if start > reach:
                count += 1
            reach = max(reach, end)
        counts[key] = count
    return counts


def code_figures(data: ExportData) -> dict[int, CodeFigures]:
    by_code = data.quotes_by_code()
    result: dict[int, CodeFigures] = {}
    for code in data.codes:
        own = _segments(by_code[code.id])
        pooled = _segments(
            q for other in data.codes if other.path[: len(code.path)] == code.path
            for q in by_code[other.id]
        )
        per_participant: dict[str, int] = defaultdict(int)
        for (participant, _document), count in own.items():
            per_participant[participant] += count
        result[code.id] = CodeFigures(
            segments=sum(own.values()),
            documents=len({document for _p, document in own}),
            participants=len(per_participant),
            by_participant=dict(per_participant),
            pooled_segments=sum(pooled.values()),
            pooled_participants=len({participant for participant, _d in pooled}),
        )
    return result


def saturation_rows(data: ExportData) -> list[SaturationRow]:
    paths = {code.id: code.path for code in data.codes}
    by_document: dict[str, list[Quote]] = defaultdict(list)
    for quote in data.quotes:
        by_document[quote.document].append(quote)
    rank = {code.id: i for i, code in enumerate(data.codes)}
    seen: set[int] = set()
    rows = []
    for number, document in enumerate(data.documents, start=1):
        quotes = by_document.get(document.name, [])
        new = sorted({q.code_id for q in quotes} - seen, key=rank.__getitem__)
        seen.update(new)
        rows.append(
            SaturationRow(
                number=number,
                document=document.name,
                participant=document.case or document.name,
                codings=len(quotes),
                new_codes=tuple(paths[c] for c in new),
                cumulative=len(seen),
            )
        )
    return rows
