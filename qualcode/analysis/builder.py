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

from qualcode.analysis.snapshot import (
    CaseRef,
    CodeRef,
    CodingRef,
    DocumentRef,
    StudySnapshot,
    TurnRef,
)


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
    _status: dict[str, str] = field(default_factory=dict)
    _sentences: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    _turns: dict[int, tuple[TurnRef, ...]] = field(default_factory=dict)

    def code(self, label: str | Sequence[str]) -> int:
        """The id of the code at that path, creating it and its parents if new."""
        path = parse_path(label)
        for depth in range(1, len(path) + 1):
            prefix = path[:depth]
            if prefix not in self._codes:
                self._codes[prefix] = len(self._codes) + 1
        return self._codes[path]

    def document(
        self,
        name: str,
        case: str | None = None,
        text: str = "",
        *,
        status: str = "coded",
        sentences: Sequence[tuple[int, int]] | None = None,
        turns: Sequence[TurnRef] = (),
    ) -> int:
        """Add the next interview (interview order = order of calls).

        ``sentences`` default to the text split after each ``.``, ``?`` or
        ``!`` followed by a space (the space is left between sentences).
        """
        document_id = len(self._documents) + 1
        self._documents[name] = (document_id, case, text)
        self._status[name] = status
        self._sentences[document_id] = (
            tuple(sentences) if sentences is not None else split_sentences(text)
        )
        if turns:
            self._turns[document_id] = tuple(turns)
        return document_id

    def status(self, name: str, status: str) -> None:
        self._status[name] = status

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
            DocumentRef(doc_id, name, case, order, len(text), self._status[name])
            for order, (name, (doc_id, case, text)) in enumerate(self._documents.items(), 1)
        )
        cases = tuple(CaseRef(n, a) for n, a in self._cases.items())
        texts = {doc_id: text for doc_id, _case, text in self._documents.values() if text}
        return StudySnapshot(
            documents, codes, tuple(self._codings), cases, texts,
            {k: v for k, v in self._sentences.items() if v}, dict(self._turns),
        )

    def _depth_first_key(self) -> Callable[[tuple[str, ...]], tuple[int, ...]]:
        """Sort key placing each code after its parent, siblings in creation order."""
        return lambda path: tuple(self._codes[path[: i + 1]] for i in range(len(path)))


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Sentences of a constructed text: each ends at ``.``, ``?`` or ``!`` before a space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for index, char in enumerate(text):
        if char in ".?!" and (index + 1 == len(text) or text[index + 1] == " "):
            spans.append((start, index + 1))
            start = index + 2
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return tuple(spans)


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
