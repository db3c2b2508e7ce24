"""Code co-occurrence: which codes are applied to the same passages.

Two codes *co-occur* when a segment of one and a segment of the other share
at least one character of the same document (touching is not enough). With
``same_turn=True`` they also co-occur when both segments belong to the same
speaker turn, a segment belonging to the turns its codings start in.

A cell counts *passage pairs*: pairs (segment of the row code, segment of the
column code) that co-occur, so the matrix is symmetric. The diagonal holds the
number of segments of the code itself, the base a reader compares a row with
("12 passages on reciprocity, 5 of them also coded as frustration").
:meth:`CooccurrenceMatrix.pairs` lists the passages behind a cell.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from qualcode.analysis.segments import Segment, segments_by_code
from qualcode.analysis.snapshot import StudySnapshot


@dataclass(frozen=True)
class CooccurrencePair:
    """Two co-occurring passages; ``first`` carries the row code of the cell asked for.

    ``participant`` is whom the first passage counts for (its speaker's, in a group
    interview).
    """

    document: str
    participant: str
    first: Segment
    second: Segment
    reason: str  # "overlap" or "same turn"

    def to_json(self) -> dict[str, Any]:
        def side(segment: Segment) -> dict[str, Any]:
            return {"start": segment.start, "end": segment.end, "text": segment.text}

        return {
            "document": self.document,
            "participant": self.participant,
            "first": side(self.first),
            "second": side(self.second),
            "reason": self.reason,
        }


@dataclass(frozen=True)
class CooccurrenceMatrix:
    """Symmetric code × code counts of passage pairs; diagonal = segments of the code."""

    rows: tuple[tuple[str, ...], ...]
    code_ids: tuple[int, ...]
    cells: tuple[tuple[int, ...], ...]
    same_turn: bool
    snapshot: StudySnapshot = field(repr=False, compare=False)

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(" > ".join(path) for path in self.rows)

    def pairs(self, row: int, column: int) -> tuple[CooccurrencePair, ...]:
        """Passage pairs behind an off-diagonal cell (0-based), in interview order.

        Each pair's ``first`` segment has the row's code. The diagonal has no
        pairs (its count is the code's own segments).
        """
        if row == column:
            return ()
        first_code, second_code = self.code_ids[row], self.code_ids[column]
        segments = self.snapshot.segments
        mine, theirs = segments.get(first_code, {}), segments.get(second_code, {})
        found = []
        for document in self.snapshot.documents:
            if document.id not in mine or document.id not in theirs:
                continue
            items = [(0, s) for s in mine[document.id]] + [(1, s) for s in theirs[document.id]]
            for (_, first), (_, second), reason in _document_pairs(items, self.same_turn):
                participant = self.snapshot.participant_of_coding(first.codings[0])
                found.append(CooccurrencePair(document.name, participant, first, second, reason))
        return tuple(found)

    def to_json(self) -> dict[str, Any]:
        return {
            "rows": [list(r) for r in self.rows],
            "columns": list(self.columns),
            "cells": [list(r) for r in self.cells],
            "same_turn": self.same_turn,
            "diagonal": "segments of the code",
        }

    def to_csv_rows(self) -> list[list[str | int]]:
        lines: list[list[str | int]] = [["code", *self.columns]]
        for label, cells in zip(self.columns, self.cells, strict=True):
            lines.append([label, *cells])
        return lines


def cooccurrence(snapshot: StudySnapshot, *, same_turn: bool = False) -> CooccurrenceMatrix:
    """The co-occurrence matrix of every code of the snapshot, in codebook order."""
    index = {code.id: i for i, code in enumerate(snapshot.codes)}
    size = len(index)
    by_code = segments_by_code(snapshot)
    counts = [[0] * size for _ in range(size)]
    for code_id, per_document in by_code.items():
        i = index[code_id]
        counts[i][i] = sum(len(items) for items in per_document.values())
    per_document_segments: dict[int, list[tuple[int, Segment]]] = defaultdict(list)
    for code_id, per_document in by_code.items():
        for document_id, items in per_document.items():
            per_document_segments[document_id].extend((index[code_id], s) for s in items)
    for document in snapshot.documents:
        indexed = per_document_segments.get(document.id)
        if not indexed:
            continue
        for (a, _), (b, _), _ in _document_pairs(indexed, same_turn):
            counts[a][b] += 1
            counts[b][a] += 1
    return CooccurrenceMatrix(
        rows=tuple(c.path for c in snapshot.codes),
        code_ids=tuple(c.id for c in snapshot.codes),
        cells=tuple(tuple(row) for row in counts),
        same_turn=same_turn,
        snapshot=snapshot,
    )


def _item_key(item: tuple[int, Segment]) -> tuple[int, int, int]:
    return (item[1].start, item[1].end, item[0])


def _document_pairs(
    items: list[tuple[int, Segment]], same_turn: bool
) -> list[tuple[tuple[int, Segment], tuple[int, Segment], str]]:
    """Co-occurring segment pairs of one document, each once, lower code index first.

    ``items`` are (code index, segment); pairs come in order of the earlier
    segment's start, so listings read like the transcript.
    """
    ordered = sorted(items, key=_item_key)
    spans = [(segment.start, segment.end, code) for code, segment in ordered]
    found: dict[tuple[int, int], str] = {}
    active: list[int] = []
    for k, (start, _, code) in enumerate(spans):
        if active:
            active = [j for j in active if spans[j][1] > start]
            for j in active:
                if spans[j][2] != code:
                    found[(j, k)] = "overlap"
        active.append(k)
    if same_turn:
        by_turn: dict[int, list[int]] = defaultdict(list)
        for k, (_, segment) in enumerate(ordered):
            for turn in segment.turns:
                by_turn[turn].append(k)
        for members in by_turn.values():
            for x, j in enumerate(members):
                for k in members[x + 1 :]:
                    if spans[j][2] != spans[k][2]:
                        found.setdefault((min(j, k), max(j, k)), "same turn")
    result = []
    for (j, k), reason in sorted(found.items()):
        one, two = ordered[j], ordered[k]
        if one[0] > two[0]:
            one, two = two, one
        result.append((one, two, reason))
    return result
