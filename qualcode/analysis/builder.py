"""Build a :class:`StudySnapshot` by hand: for tests, benchmarks and examples.

The Project service builds real snapshots from the database; this builder
exists so that small constructed studies read like the study they describe::

    study = StudyBuilder()
    study.document("Interview 1", case="GP01", text="I: Hoe gaat het? R: Moe.")
    study.coding("Interview 1", "Belasting > Objectieve belasting", match="Moe")
    snapshot = study.snapshot()

Code paths are written "Parent > Child"; parents are created as needed, and
codes are kept in depth-first codebook order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from qualcode.analysis.snapshot import CaseRef, CodeRef, CodingRef, DocumentRef, StudySnapshot


def parse_path(label: str | Sequence[str]) -> tuple[str, ...]:
    if isinstance(label, str):
        return tuple(part.strip() for part in label.split(">"))
    return tuple(label)


@dataclass
class StudyBuilder:
    """Accumulates documents, codes, codings and cases; ``snapshot()`` freezes them."""

    _codes: dict[tuple[str, ...], int] = field(default_factory=dict)
    _documents: dict[str, tuple[int, str | None, str]] = field(default_factory=dict)
    _codings: list[CodingRef] = field(default_factory=list)
    _cases: dict[str, dict[str, str | float | int | None]] = field(default_factory=dict)

    def code(self, label: str | Sequence[str]) -> int:
        """The id of the code at that path, creating it and its parents if new."""
        path = parse_path(label)
        for depth in range(1, len(path) + 1):
            prefix = path[:depth]
            if prefix not in self._codes:
                self._codes[prefix] = len(self._codes) + 1
        return self._codes[path]

    def document(self, name: str, case: str | None = None, text: str = "") -> int:
        """Add the next interview (interview order = order of calls)."""
        document_id = len(self._documents) + 1
        self._documents[name] = (document_id, case, text)
        return document_id

    def case(self, name: str, **attributes: str | float | int | None) -> None:
        self._cases[name] = dict(attributes)

    def coding(
        self,
        document: str,
        code: str | Sequence[str],
        start: int | None = None,
        end: int | None = None,
        *,
        match: str | None = None,
        coder: str = "student",
        role: str = "unknown",
        turn: int | None = None,
    ) -> int:
        """Code a span given by ``start``/``end`` or by the first occurrence of ``match``.

        Without either, the coding covers a fresh 5-character span after the
        previous ones, for studies where only "which codes" matters.
        """
        document_id, _, text = self._documents[document]
        if match is not None:
            start = text.index(match)
            end = start + len(match)
        elif start is None or end is None:
            used = [c.end for c in self._codings if c.document_id == document_id]
            start = max(used, default=0) + 1
            end = start + 5
        quote = text[start:end] if text else "x" * (end - start)
        coding_id = len(self._codings) + 1
        self._codings.append(
            CodingRef(coding_id, document_id, self.code(code), start, end, coder, quote, role, turn)
        )
        return coding_id

    def snapshot(self) -> StudySnapshot:
        paths = sorted(self._codes, key=self._depth_first_key())
        codes = tuple(CodeRef(self._codes[p], p, f"guid-{self._codes[p]}") for p in paths)
        documents = tuple(
            DocumentRef(doc_id, name, case, order, len(text))
            for order, (name, (doc_id, case, text)) in enumerate(self._documents.items(), 1)
        )
        cases = tuple(CaseRef(n, a) for n, a in self._cases.items())
        return StudySnapshot(documents, codes, tuple(self._codings), cases)

    def _depth_first_key(self) -> Callable[[tuple[str, ...]], tuple[int, ...]]:
        """Sort key placing each code after its parent, siblings in creation order."""
        return lambda path: tuple(self._codes[path[: i + 1]] for i in range(len(path)))


def study_of(interviews: Sequence[Sequence[str]], codebook: Sequence[str] = ()) -> StudySnapshot:
    """A study where interview k (1-based) applies the codes listed at index k−1.

    ``codebook`` fixes the codebook order up front (codes never applied
    included); other codes are added in order of first use.
    """
    builder = StudyBuilder()
    for label in codebook:
        builder.code(label)
    for number, labels in enumerate(interviews, start=1):
        name = f"Interview {number}"
        builder.document(name, case=f"P{number:02d}")
        for label in labels:
            builder.coding(name, label)
    return builder.snapshot()
