"""Segments: the unit every count in qualcode is made of.

A *segment* is a maximal stretch of one document covered by codings of one code
(or, for category totals, of one group of codes): codings that overlap or touch
(one ends where the next starts) are merged. So a passage coded twice — by two
coders, or once as a sentence and once as the paragraph around it — counts once,
and a count of segments reads as "passages", which is what a results chapter
means by "mentioned 12 times".

Words coded are counted in the union of a segment's codings (see
:mod:`qualcode.words`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from qualcode.analysis.snapshot import CodingRef, StudySnapshot
from qualcode.spans import merge
from qualcode.words import count_words


@dataclass(frozen=True, slots=True)
class Segment:
    """A merged span of one document, with the codings merged into it (sorted by start)."""

    document_id: int
    start: int
    end: int
    codings: tuple[CodingRef, ...]

    @property
    def text(self) -> str:
        """``document_text[start:end]``, stitched from the coding quotes."""
        pieces = []
        reach = self.start
        for coding in self.codings:
            if coding.end > reach:
                pieces.append(coding.text[max(reach - coding.start, 0) :])
                reach = coding.end
        return "".join(pieces)

    @property
    def coding_ids(self) -> tuple[int, ...]:
        return tuple(c.id for c in self.codings)

    @property
    def code_ids(self) -> frozenset[int]:
        return frozenset(c.code_id for c in self.codings)

    @property
    def turns(self) -> frozenset[int]:
        """The turns its codings start in (a segment may reach into later turns)."""
        return frozenset(c.turn for c in self.codings if c.turn is not None)

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


def _span(coding: CodingRef) -> tuple[int, int]:
    return (coding.start, coding.end)


def merge_codings(codings: Iterable[CodingRef], presorted: bool = False) -> list[Segment]:
    """Merge codings of one document into segments, sorted by start.

    The caller decides what belongs together (one code, or a code and its
    children); codings from different documents must not be mixed.
    ``presorted`` skips sorting for input already in (start, end, id) order.
    """
    if not presorted:
        codings = sorted(codings, key=lambda c: (c.start, c.end, c.id))
    return [
        Segment(group[0].document_id, start, end, tuple(group))
        for start, end, group in merge(codings, _span, presorted=True)
    ]


def segments_by_code(snapshot: StudySnapshot) -> dict[int, dict[int, list[Segment]]]:
    """Code id -> document id -> that code's segments in the document.

    Only codes and documents with codings appear. Documents are in interview
    order and segments by start, so iteration is deterministic. Computed once
    per snapshot and shared (``StudySnapshot.segments``); callers must not
    change the lists.
    """
    return snapshot.segments


def compute_segments_by_code(snapshot: StudySnapshot) -> dict[int, dict[int, list[Segment]]]:
    """The uncached computation behind :func:`segments_by_code`.

    One pass per document groups its codings (already in (start, end, id)
    order) by code, then each code's are merged as in :func:`merge_codings`.
    """
    result: dict[int, dict[int, list[Segment]]] = {}
    for document in snapshot.documents:
        document_id = document.id
        by_code: dict[int, list[CodingRef]] = {}
        for coding in snapshot.codings_by_document[document_id]:
            group = by_code.get(coding.code_id)
            if group is None:
                by_code[coding.code_id] = [coding]
            else:
                group.append(coding)
        for code_id in sorted(by_code):
            result.setdefault(code_id, {})[document_id] = [
                Segment(document_id, start, end, tuple(group))
                for start, end, group in merge(by_code[code_id], _span, presorted=True)
            ]
    return result


def passages_by_participant(snapshot: StudySnapshot, segments: Iterable[Segment]) -> dict[str, int]:
    """Participant -> how many of these passages (one code's) are theirs.

    A passage counts for whom its codings count for; where one code's codings
    of two speakers of a group interview touch and merged into one segment,
    each speaker gets the passages their own codings make (as the code ×
    participant matrix counts them).
    """
    counts: dict[str, int] = {}
    for segment in segments:
        people: dict[str, list[CodingRef]] = {}
        for coding in segment.codings:
            people.setdefault(snapshot.participant_of_coding(coding), []).append(coding)
        for person, codings in people.items():
            found = 1 if len(people) == 1 else len(merge_codings(codings, presorted=True))
            counts[person] = counts.get(person, 0) + found
    return counts
