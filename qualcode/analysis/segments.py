"""Segments: the unit every count in qualcode is made of.

A *segment* is a maximal stretch of one document covered by codings of one code
(or, for category totals, of one group of codes): codings that overlap or touch
(one ends where the next starts) are merged. So a passage coded twice — by two
coders, or once as a sentence and once as the paragraph around it — counts once,
and a count of segments reads as "passages", which is what a results chapter
means by "mentioned 12 times".

Words coded are counted in the union of a segment's codings: a *word* is a run
of the regular expression ``\\w+`` (letters, digits, underscore, in any script).
A coding that starts inside a word contributes that partial word as a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from qualcode.analysis.snapshot import CodingRef, StudySnapshot

WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Segment:
    """A merged span of one document; ``codings`` are the ids merged into it."""

    document_id: int
    start: int
    end: int
    text: str
    codings: tuple[int, ...]
    code_ids: frozenset[int]
    turns: frozenset[int]

    @property
    def words(self) -> int:
        return count_words(self.text)

    def overlaps(self, other: Segment) -> bool:
        """Shares at least one character with ``other`` (touching is not overlapping)."""
        return (
            self.document_id == other.document_id
            and self.start < other.end
            and other.start < self.end
        )


def count_words(text: str) -> int:
    """Number of ``\\w+`` runs in ``text``."""
    return sum(1 for _ in WORD.finditer(text))


def merge_codings(codings: Iterable[CodingRef]) -> list[Segment]:
    """Merge codings of one document into segments, sorted by start.

    The caller decides what belongs together (one code, or a code and its
    children); codings from different documents must not be mixed.
    The segment text is stitched from the coding texts, which are slices of
    the same document text, so it equals ``document_text[start:end]``.
    """
    ordered = sorted(codings, key=lambda c: (c.start, c.end, c.id))
    segments: list[Segment] = []
    if not ordered:
        return segments
    first = ordered[0]
    start, end = first.start, first.end
    pieces = [first.text]
    ids = [first.id]
    code_ids = {first.code_id}
    turns = {first.turn} if first.turn is not None else set()
    for coding in ordered[1:]:
        if coding.start <= end:
            if coding.end > end:
                pieces.append(coding.text[end - coding.start :])
                end = coding.end
        else:
            segments.append(
                Segment(
                    first.document_id,
                    start,
                    end,
                    "".join(pieces),
                    tuple(ids),
                    frozenset(code_ids),
                    frozenset(turns),
                )
            )
            start, end = coding.start, coding.end
            pieces, ids, code_ids, turns = [coding.text], [], set(), set()
        ids.append(coding.id)
        code_ids.add(coding.code_id)
        if coding.turn is not None:
            turns.add(coding.turn)
    segments.append(
        Segment(
            first.document_id,
            start,
            end,
            "".join(pieces),
            tuple(ids),
            frozenset(code_ids),
            frozenset(turns),
        )
    )
    return segments


def segments_by_code(snapshot: StudySnapshot) -> dict[int, dict[int, list[Segment]]]:
    """Code id -> document id -> that code's segments in the document.

    Only codes and documents with codings appear. Documents are in interview
    order and segments by start, so iteration is deterministic.
    """
    grouped: dict[int, dict[int, list[CodingRef]]] = {}
    for document in snapshot.documents:
        for coding in snapshot.codings_by_document[document.id]:
            grouped.setdefault(coding.code_id, {}).setdefault(document.id, []).append(coding)
    return {
        code_id: {doc_id: merge_codings(items) for doc_id, items in per_doc.items()}
        for code_id, per_doc in grouped.items()
    }


def segments_of(snapshot: StudySnapshot, code_ids: Iterable[int]) -> dict[int, list[Segment]]:
    """Document id -> segments of the codes in ``code_ids`` pooled as one code.

    Used for a category's total "with children": a passage coded both
    "A > B" and "A > C" is one segment of A.
    """
    wanted = set(code_ids)
    result: dict[int, list[Segment]] = {}
    for document in snapshot.documents:
        items = [c for c in snapshot.codings_by_document[document.id] if c.code_id in wanted]
        if items:
            result[document.id] = merge_codings(items)
    return result
