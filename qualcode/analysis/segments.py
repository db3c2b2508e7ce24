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


def count_words(text: str) -> int:
    """Number of ``\\w+`` runs in ``text``."""
    return len(WORD.findall(text))


def _span(coding: CodingRef) -> tuple[int, int, int]:
    return (coding.start, coding.end, coding.id)


def merge_codings(codings: Iterable[CodingRef], presorted: bool = False) -> list[Segment]:
    """Merge codings of one document into segments, sorted by start.

    The caller decides what belongs together (one code, or a code and its
    children); codings from different documents must not be mixed.
    ``presorted`` skips sorting for input already in (start, end, id) order.
    """
    segments: list[Segment] = []
    group: list[CodingRef] = []
    end = -1
    for coding in codings if presorted else sorted(codings, key=_span):
        if group and coding.start <= end:
            group.append(coding)
            if coding.end > end:
                end = coding.end
            continue
        if group:
            segments.append(Segment(group[0].document_id, group[0].start, end, tuple(group)))
        group = [coding]
        end = coding.end
    if group:
        segments.append(Segment(group[0].document_id, group[0].start, end, tuple(group)))
    return segments


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

    One pass per document over its codings, already sorted by (start, end,
    id), keeping one open segment per code: the same merge as
    :func:`merge_codings`, without grouping by code first (this is the
    hot path of every figure).
    """
    result: dict[int, dict[int, list[Segment]]] = {}
    for document in snapshot.documents:
        document_id = document.id
        open_groups: dict[int, list[CodingRef]] = {}
        open_ends: dict[int, int] = {}
        closed: list[tuple[int, list[CodingRef], int]] = []
        for coding in snapshot.codings_by_document[document_id]:
            code_id = coding.code_id
            group = open_groups.get(code_id)
            if group is not None and coding.start <= open_ends[code_id]:
                group.append(coding)
                if coding.end > open_ends[code_id]:
                    open_ends[code_id] = coding.end
                continue
            if group is not None:
                closed.append((code_id, group, open_ends[code_id]))
            open_groups[code_id] = [coding]
            open_ends[code_id] = coding.end
        closed.extend(
            (code_id, group, open_ends[code_id]) for code_id, group in open_groups.items()
        )
        closed.sort(key=lambda item: (item[0], item[1][0].start))
        for code_id, group, end in closed:
            result.setdefault(code_id, {}).setdefault(document_id, []).append(
                Segment(document_id, group[0].start, end, tuple(group))
            )
    return result
