"""Code × document, code × participant and code × attribute matrices.

Each matrix has one row per code (codebook order, codes without codings
included) and is counted in one *measure*:

- ``segments``: merged passages of the row's code (see
  :mod:`qualcode.analysis.segments`) in the column's documents. Row and column
  totals are plain sums.
- ``participants`` (code × attribute only): distinct participants in the
  column's bucket who have the code. The row total is the participants with
  the code (each participant sits in one bucket, so it is also the row sum);
  the column total is the number of participants *in the bucket*, coded or
  not, because that is the base a reader needs ("6 of the 8 women"); the grand
  total is the participants in the study.

Counts are for the code itself, not its children. The codings behind a cell
are listed by :func:`cell_codings`, for the TUI's "pick a cell, read its quotes".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from qualcode.analysis.errors import AnalysisError
from qualcode.analysis.segments import (
    Segment,
    merge_codings,
    passages_by_participant,
    segments_by_code,
)
from qualcode.analysis.snapshot import CodingRef, StudySnapshot

MISSING = "(missing)"
MEASURES = ("segments", "participants")


@dataclass(frozen=True)
class Matrix:
    """A table of counts with totals; ``rows`` are code paths, ``columns`` labels.

    ``row_code_ids`` and ``column_documents`` (the document ids behind each
    column) let a caller go back from a cell to its codings.
    """

    title: str
    measure: str
    rows: tuple[tuple[str, ...], ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[int, ...], ...]
    row_totals: tuple[int, ...]
    column_totals: tuple[int, ...]
    grand_total: int
    row_code_ids: tuple[int, ...]
    column_documents: tuple[tuple[int, ...], ...]
    #: The participants behind each column (participant and attribute matrices):
    #: a group interview's document sits in several columns, each counting only
    #: the codings of its own participants. Empty: every coding of the documents.
    column_participants: tuple[frozenset[str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "measure": self.measure,
            "rows": [list(r) for r in self.rows],
            "columns": list(self.columns),
            "cells": [list(r) for r in self.cells],
            "row_totals": list(self.row_totals),
            "column_totals": list(self.column_totals),
            "grand_total": self.grand_total,
        }

    def to_csv_rows(self) -> list[list[str | int]]:
        """Header, one line per code ("Parent > Child"), then the totals line."""
        lines: list[list[str | int]] = [["code", *self.columns, "total"]]
        for path, cells, total in zip(self.rows, self.cells, self.row_totals, strict=True):
            lines.append([" > ".join(path), *cells, total])
        lines.append(["total", *self.column_totals, self.grand_total])
        return lines


def cell_codings(snapshot: StudySnapshot, matrix: Matrix, row: int, column: int) -> list[CodingRef]:
    """The codings behind a cell (0-based row and column), in interview order.

    For a ``participants`` cell these are all the codings that made those
    participants count.
    """
    code_id = matrix.row_code_ids[row]
    people = matrix.column_participants[column] if matrix.column_participants else None
    found: list[CodingRef] = []
    for document_id in matrix.column_documents[column]:
        found.extend(
            c for c in snapshot.codings_by_document[document_id]
            if c.code_id == code_id
            and (people is None or snapshot.participant_of_coding(c) in people)
        )
    return sorted(found, key=lambda c: (snapshot.position[c.document_id], c.start, c.end, c.id))


def _segments_of(
    snapshot: StudySnapshot, segments: Sequence[Segment], people: frozenset[str] | None
) -> int:
    """How many passages of ``segments`` belong to ``people`` (None: everyone's).

    In a group interview, one code's codings of two speakers can touch and
    merge; each participant's column counts the passages of their own codings.
    """
    if people is None:
        return len(segments)
    if len(people) == 1:
        return passages_by_participant(snapshot, segments).get(next(iter(people)), 0)
    codings = [
        c for s in segments for c in s.codings if snapshot.participant_of_coding(c) in people
    ]
    if len(codings) == sum(len(s.codings) for s in segments):
        return len(segments)
    return len(merge_codings(codings))


def _segment_matrix(
    snapshot: StudySnapshot,
    title: str,
    columns: Sequence[str],
    column_documents: Sequence[tuple[int, ...]],
    column_participants: Sequence[frozenset[str]] = (),
) -> Matrix:
    by_code = segments_by_code(snapshot)
    people: list[frozenset[str] | None] = [*column_participants] or [None] * len(columns)
    cells = []
    for code in snapshot.codes:
        per_document = by_code.get(code.id, {})
        cells.append(tuple(
            sum(_segments_of(snapshot, per_document.get(d, ()), who) for d in docs)
            for docs, who in zip(column_documents, people, strict=True)
        ))
    matrix = _with_sums(snapshot, title, "segments", columns, column_documents, cells)
    return replace(matrix, column_participants=tuple(column_participants))


def _with_sums(
    snapshot: StudySnapshot,
    title: str,
    measure: str,
    columns: Sequence[str],
    column_documents: Sequence[tuple[int, ...]],
    cells: list[tuple[int, ...]],
) -> Matrix:
    width = len(columns)
    column_totals = tuple(sum(row[j] for row in cells) for j in range(width))
    return Matrix(
        title=title,
        measure=measure,
        rows=tuple(c.path for c in snapshot.codes),
        columns=tuple(columns),
        cells=tuple(cells),
        row_totals=tuple(sum(row) for row in cells),
        column_totals=column_totals,
        grand_total=sum(column_totals),
        row_code_ids=tuple(c.id for c in snapshot.codes),
        column_documents=tuple(column_documents),
    )


def code_by_document(snapshot: StudySnapshot) -> Matrix:
    """Segments per code and document; columns are document names in interview order."""
    return _segment_matrix(
        snapshot,
        "Code × document",
        [d.name for d in snapshot.documents],
        [(d.id,) for d in snapshot.documents],
    )


def code_by_participant(snapshot: StudySnapshot) -> Matrix:
    """Segments per code and participant (all their documents), in order of first interview.

    A participant's column counts only the codings that count for them (in a
    group interview, those in their own turns).
    """
    documents = snapshot.documents_of
    return _segment_matrix(
        snapshot, "Code × participant", list(documents), list(documents.values()),
        [frozenset([p]) for p in documents],
    )


# --- attributes -------------------------------------------------------------------


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return None if math.isnan(value) else float(value)
    if isinstance(value, str):
        try:
            parsed = float(value.strip().replace(",", "."))
        except ValueError:
            return None
        return None if math.isnan(parsed) or math.isinf(parsed) else parsed
    return None


def _plain(number: float) -> str:
    return str(int(number)) if number.is_integer() else f"{number:g}"


def attribute_buckets(
    snapshot: StudySnapshot,
    attribute: str,
    band_width: float | None = None,
    origin: float = 0,
) -> dict[str, str]:
    """Participant -> bucket label for one attribute, in column order.

    Without ``band_width`` each distinct value is a bucket (numbers that differ
    only in form, 34 and "34", share one). With ``band_width`` numeric values
    fall in bands ``origin + k·width``: labelled "30–39" when width and values
    are whole numbers, else "30–<40". Numbers sort before text; missing values
    (no case, no attribute, empty text) go last as "(missing)".
    """
    if band_width is not None and band_width <= 0:
        raise AnalysisError(f"attribute {attribute!r}: band width must be positive")
    values = {p: snapshot.attribute_of(p, attribute) for p in snapshot.participants}
    numbers = {p: _number(v) for p, v in values.items()}
    whole = all(n is None or n.is_integer() for n in numbers.values())
    keys: dict[str, tuple[int, float, str]] = {}
    labels: dict[str, str] = {}
    for participant, value in values.items():
        number = numbers[participant]
        if value is None or (isinstance(value, str) and not value.strip()):
            key = (2, 0.0, MISSING)
        elif number is None:
            key = (1, 0.0, str(value).strip())
        elif band_width is None:
            key = (0, number, _plain(number))
        else:
            low = float(origin + math.floor((number - origin) / band_width) * band_width)
            high = low + band_width
            if whole and float(band_width).is_integer() and low.is_integer():
                label = f"{_plain(low)}–{_plain(high - 1)}"
            else:
                label = f"{_plain(low)}–<{_plain(high)}"
            key = (0, low, label)
        keys[participant] = key
        labels[participant] = key[2]
    order = sorted(set(keys.values()), key=lambda k: (k[0], k[1], k[2].casefold(), k[2]))
    rank = {k[2]: i for i, k in enumerate(order)}
    return dict(sorted(labels.items(), key=lambda item: rank[item[1]]))


def code_by_attribute(
    snapshot: StudySnapshot,
    attribute: str,
    *,
    measure: str = "participants",
    band_width: float | None = None,
    origin: float = 0,
) -> Matrix:
    """Codes against the values (or bands) of one participant attribute.

    ``measure="participants"`` counts distinct participants per cell,
    ``"segments"`` counts passages; see the module docstring for the totals.
    """
    if measure not in MEASURES:
        raise AnalysisError(f"matrix: measure must be segments or participants (got {measure!r})")
    buckets = attribute_buckets(snapshot, attribute, band_width, origin)
    columns = list(dict.fromkeys(buckets.values()))
    documents = snapshot.documents_of
    column_participants = [
        frozenset(p for p, label in buckets.items() if label == column) for column in columns
    ]
    column_documents = [
        tuple(dict.fromkeys(
            d for p, label in buckets.items() if label == column for d in documents[p]
        ))
        for column in columns
    ]
    title = f"Code × {attribute}"
    if measure == "segments":
        return _segment_matrix(snapshot, title, columns, column_documents, column_participants)
    column_of = {p: columns.index(label) for p, label in buckets.items()}
    having: dict[int, set[str]] = {c.id: set() for c in snapshot.codes}
    for coding in snapshot.codings:
        having[coding.code_id].add(snapshot.participant_of_coding(coding))
    cells = []
    for code in snapshot.codes:
        row = [0] * len(columns)
        for participant in having[code.id]:
            row[column_of[participant]] += 1
        cells.append(tuple(row))
    return Matrix(
        title=title,
        measure="participants",
        rows=tuple(c.path for c in snapshot.codes),
        columns=tuple(columns),
        cells=tuple(cells),
        row_totals=tuple(sum(row) for row in cells),
        column_totals=tuple(list(buckets.values()).count(c) for c in columns),
        grand_total=len(buckets),
        row_code_ids=tuple(c.id for c in snapshot.codes),
        column_documents=tuple(column_documents),
        column_participants=tuple(column_participants),
    )
