"""Two coders' codings side by side, in three units, and the passages where they differ.

This is the part of intercoder agreement that a student and a supervisor sit
down with: :func:`disagreements` lists, in document order, every passage where
one coder applied a code and the other did not (or not the same stretch). The
figures in :mod:`qualcode.analysis.agreement` are counted from the same
comparison, so a table and its list never disagree.

Units (defined with worked examples in docs/analysis.md):

- ``segment`` (the default, MAXQDA's idea): each coder's codings of one code in
  one document are merged into segments; a segment of A *matches* a segment of
  B when their overlap covers at least ``overlap`` of the longer of the two.
  Unmatched segments are disagreements; unmatched segments of A and B that
  overlap are one disagreement naming both coders (they differ on boundaries).
- ``sentence``: per sentence and code, did each coder apply the code anywhere
  in the sentence? A sentence where only one did is a disagreement.
- ``character`` (NVivo's comparison): each character either coded or not; every
  stretch coded by one coder only is a disagreement.

Only documents that *both* coders coded at least once are compared, so a
document the supervisor never looked at is not counted as agreement.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from qualcode.analysis.errors import AnalysisError
from qualcode.analysis.snapshot import DocumentRef, StudySnapshot

UNITS = ("segment", "sentence", "character")
DEFAULT_OVERLAP = 0.9

Span = tuple[int, int]


@dataclass(frozen=True)
class Disagreement:
    """A passage where two coders differ on one code.

    ``coders`` are the coders who applied ``code_path`` within ``start``..``end``
    (one name: only that coder applied it; both names: unit ``segment``, the
    two applied it to stretches that do not match). ``turn`` is the 1-based
    speaker turn holding ``start`` and ``time`` its time in seconds, when known.
    """

    document: str
    start: int
    end: int
    text: str
    code_path: tuple[str, ...]
    coders: tuple[str, ...]
    turn: int | None = None
    time: float | None = None

    @property
    def where(self) -> str:
        """The position for people: "turn 47 · 19:21", "turn 47", or "at 1204"."""
        if self.turn is None:
            return f"at {self.start}"
        if self.time is None:
            return f"turn {self.turn}"
        minutes, seconds = divmod(int(self.time), 60)
        hours, minutes = divmod(minutes, 60)
        clock = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
        return f"turn {self.turn} · {clock}"

    def to_json(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "code_path": list(self.code_path),
            "coders": list(self.coders),
            "turn": self.turn,
            "time": self.time,
        }


@dataclass(frozen=True)
class UnitCounts:
    """What one code in one document (or a pool of them) looks like in a unit.

    ``both``: units both coders coded (unit ``segment``: matched segment pairs);
    ``only_a``/``only_b``: units one coder coded; ``neither``: units no coder
    coded (None for ``segment``, which has no such unit).
    """

    both: int
    only_a: int
    only_b: int
    neither: int | None

    def __add__(self, other: UnitCounts) -> UnitCounts:
        neither = (
            None if self.neither is None or other.neither is None
            else self.neither + other.neither
        )
        return UnitCounts(
            self.both + other.both, self.only_a + other.only_a, self.only_b + other.only_b,
            neither,
        )


@dataclass(frozen=True)
class CellComparison:
    """One code in one document: the counts and the disagreements behind them."""

    code_id: int
    document_id: int
    counts: UnitCounts
    disagreements: tuple[Disagreement, ...]


def check_unit(unit: str, overlap: float) -> None:
    if unit not in UNITS:
        raise AnalysisError(
            f"agreement: unit must be segment, sentence or character (got {unit!r})"
        )
    if not 0 < overlap <= 1:
        raise AnalysisError(f"agreement: overlap must be above 0 and at most 1 (got {overlap})")


def shared_documents(snapshot: StudySnapshot, coder_a: str, coder_b: str) -> list[DocumentRef]:
    """Documents both coders coded at least once, in interview order; refuses otherwise."""
    if coder_a == coder_b:
        raise AnalysisError(f"agreement: name two different coders (got {coder_a!r} twice)")
    coded_by: dict[str, set[int]] = {coder_a: set(), coder_b: set()}
    for coding in snapshot.codings:
        if coding.coder in coded_by:
            coded_by[coding.coder].add(coding.document_id)
    for coder, documents in coded_by.items():
        if not documents:
            raise AnalysisError(f"coder {coder!r}: has no codings in this project")
    shared = [d for d in snapshot.documents if d.id in coded_by[coder_a] & coded_by[coder_b]]
    if not shared:
        raise AnalysisError(f"coders {coder_a!r} and {coder_b!r}: no document coded by both")
    return shared


def union(spans: Iterable[Span]) -> list[Span]:
    """Spans merged where they overlap or touch (the segments of one coder)."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def length(spans: Sequence[Span]) -> int:
    return sum(end - start for start, end in spans)


def intersection(a: Sequence[Span], b: Sequence[Span]) -> list[Span]:
    """The stretches both span lists cover (both lists merged and sorted)."""
    both: list[Span] = []
    i = j = 0
    while i < len(a) and j < len(b):
        low, high = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if low < high:
            both.append((low, high))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return both


def difference(a: Sequence[Span], b: Sequence[Span]) -> list[Span]:
    """The stretches of ``a`` that ``b`` does not cover (both merged and sorted)."""
    result: list[Span] = []
    j = 0
    for start, end in a:
        position = start
        while j < len(b) and b[j][1] <= position:
            j += 1
        k = j
        while k < len(b) and b[k][0] < end:
            if b[k][0] > position:
                result.append((position, b[k][0]))
            position = max(position, b[k][1])
            k += 1
        if position < end:
            result.append((position, end))
    return result


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_segments(a: Sequence[Span], b: Sequence[Span], overlap: float) -> list[tuple[int, int]]:
    """Pairs (index in ``a``, index in ``b``) of matching segments, each used at most once.

    Two segments match when their overlap is at least ``overlap`` × the longer
    one. Candidates are taken largest overlap first (then in text order), which
    only matters for ``overlap`` below 0.5, where one segment could match two.
    """
    candidates = []
    for i, sa in enumerate(a):
        for j, sb in enumerate(b):
            shared = _overlap(sa, sb)
            if shared and shared >= overlap * max(sa[1] - sa[0], sb[1] - sb[0]):
                candidates.append((-shared, sa[0], sb[0], i, j))
    candidates.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _shared, _sa, _sb, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _clusters(spans: list[tuple[Span, int]]) -> list[tuple[Span, set[int]]]:
    """Spans (with a coder index) grouped where they share a character: (extent, coders)."""
    groups: list[tuple[Span, set[int]]] = []
    for (start, end), who in sorted(spans):
        if groups and start < groups[-1][0][1]:
            (low, high), coders = groups[-1]
            groups[-1] = ((low, max(high, end)), coders | {who})
        else:
            groups.append(((start, end), {who}))
    return groups


class _Comparer:
    """Compares the two coders code by code in one document."""

    def __init__(self, snapshot: StudySnapshot, coder_a: str, coder_b: str, overlap: float):
        self.snapshot = snapshot
        self.coders = (coder_a, coder_b)
        self.overlap = overlap

    def disagreement(self, document: DocumentRef, code_id: int, span: Span,
                     coders: Iterable[int]) -> Disagreement:
        turn, time = self.snapshot.turn_at(document.id, span[0])
        return Disagreement(
            document.name, span[0], span[1],
            self.snapshot.text_of(document.id, span[0], span[1]),
            self.snapshot.code(code_id).path,
            tuple(self.coders[i] for i in sorted(set(coders))),
            turn, time,
        )

    def segment(self, document: DocumentRef, code_id: int, a: list[Span],
                b: list[Span]) -> CellComparison:
        pairs = match_segments(a, b, self.overlap)
        matched_a = {i for i, _ in pairs}
        matched_b = {j for _, j in pairs}
        loose = [(s, 0) for i, s in enumerate(a) if i not in matched_a]
        loose += [(s, 1) for j, s in enumerate(b) if j not in matched_b]
        found = tuple(self.disagreement(document, code_id, span, who)
                      for span, who in _clusters(loose))
        counts = UnitCounts(len(pairs), len(a) - len(pairs), len(b) - len(pairs), None)
        return CellComparison(code_id, document.id, counts, found)

    def character(self, document: DocumentRef, code_id: int, a: list[Span],
                  b: list[Span]) -> CellComparison:
        both = length(intersection(a, b))
        only = [(s, 0) for s in difference(a, b)] + [(s, 1) for s in difference(b, a)]
        found = tuple(self.disagreement(document, code_id, span, [who])
                      for span, who in sorted(only))
        only_a, only_b = length(a) - both, length(b) - both
        neither = document.text_length - both - only_a - only_b
        return CellComparison(code_id, document.id,
                              UnitCounts(both, only_a, only_b, neither), found)

    def sentence(self, document: DocumentRef, code_id: int, a: list[Span],
                 b: list[Span]) -> CellComparison:
        sentences = self.snapshot.sentences.get(document.id)
        if not sentences:
            raise AnalysisError(f"document {document.name!r}: has no sentences to compare by")
        by_a, by_b = _sentences_hit(sentences, a), _sentences_hit(sentences, b)
        found = []
        for index in sorted(by_a ^ by_b):
            found.append(self.disagreement(document, code_id, sentences[index],
                                           [0 if index in by_a else 1]))
        both = len(by_a & by_b)
        counts = UnitCounts(both, len(by_a) - both, len(by_b) - both,
                            len(sentences) - len(by_a | by_b))
        return CellComparison(code_id, document.id, counts, tuple(found))


def _sentences_hit(sentences: Sequence[Span], spans: Sequence[Span]) -> set[int]:
    """Indices of the sentences that share at least one character with a span."""
    ends = [end for _start, end in sentences]
    starts = [start for start, _end in sentences]
    hit: set[int] = set()
    for start, end in spans:
        first = bisect_right(ends, start)
        last = bisect_left(starts, end)
        hit.update(range(first, last))
    return hit


def compare(
    snapshot: StudySnapshot,
    coder_a: str,
    coder_b: str,
    unit: str = "segment",
    overlap: float = DEFAULT_OVERLAP,
) -> tuple[list[DocumentRef], list[CellComparison]]:
    """The documents both coded and, per code (codebook order) × document, the comparison.

    Code × document pairs that neither coder used are left out.
    """
    check_unit(unit, overlap)
    shared = shared_documents(snapshot, coder_a, coder_b)
    spans: dict[tuple[int, int, int], list[Span]] = defaultdict(list)
    which = {coder_a: 0, coder_b: 1}
    for coding in snapshot.codings:
        if coding.coder in which:
            spans[(which[coding.coder], coding.document_id, coding.code_id)].append(
                (coding.start, coding.end)
            )
    comparer = _Comparer(snapshot, coder_a, coder_b, overlap)
    method = getattr(comparer, unit)
    cells = []
    for code in snapshot.codes:
        for document in shared:
            a = union(spans.get((0, document.id, code.id), []))
            b = union(spans.get((1, document.id, code.id), []))
            if a or b:
                cells.append(method(document, code.id, a, b))
    return shared, cells


def disagreements(
    snapshot: StudySnapshot,
    coder_a: str,
    coder_b: str,
    unit: str = "segment",
    overlap: float = DEFAULT_OVERLAP,
) -> list[Disagreement]:
    """Every passage where the two coders differ, in document order.

    Document order: interview order, then by start, end and codebook order.
    Raises :class:`AnalysisError` for an unknown unit, an overlap outside
    (0, 1], a coder without codings, or two coders without a shared document.
    """
    shared, cells = compare(snapshot, coder_a, coder_b, unit, overlap)
    return in_document_order(snapshot, shared, cells)


def in_document_order(snapshot: StudySnapshot, shared: Sequence[DocumentRef],
                      cells: Iterable[CellComparison]) -> list[Disagreement]:
    """The disagreements of ``cells`` by interview order, start, end, codebook order."""
    position = {d.name: i for i, d in enumerate(shared)}
    rank = {c.path: i for i, c in enumerate(snapshot.codes)}
    found = [d for cell in cells for d in cell.disagreements]
    found.sort(key=lambda d: (position[d.document], d.start, d.end, rank[d.code_path]))
    return found
