"""An immutable picture of a study, the only input the analysis functions take.

The Project service builds a :class:`StudySnapshot` from the database; the
analysis layer never touches SQL. Keeping the input a plain frozen value means
every figure is a pure function of it: the same snapshot always gives the same
numbers, the TUI can compute in a worker thread without sharing a session, and
tests can build small studies by hand.

Conventions a builder of a snapshot must keep:

- ``documents`` are sorted by interview order; saturation numbers interviews by
  their *position* in this tuple (1-based), not by ``DocumentRef.order``.
- ``codes`` are in codebook order (depth-first); every ``CodingRef.code_id`` and
  ``CodingRef.document_id`` refers to an entry of ``codes`` / ``documents``.
- ``CodingRef.text`` is exactly ``document_text[start:end]``; word counts are
  computed from it, since the snapshot does not carry the full transcripts.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from qualcode.analysis.errors import AnalysisError

if TYPE_CHECKING:
    from qualcode.analysis.segments import Segment

ROLES = ("interviewer", "respondent", "unknown")


@dataclass(frozen=True)
class CodeRef:
    """A code of the codebook; ``path`` runs from the top-level category down."""

    id: int
    path: tuple[str, ...]
    guid: str
    color: str | None = None

    @property
    def label(self) -> str:
        """The path as the researcher writes it: ``"Belasting > Objectieve belasting"``."""
        return " > ".join(self.path)

    def is_under(self, category: tuple[str, ...]) -> bool:
        """True for the category itself and every code below it."""
        return self.path[: len(category)] == category


#: A document's coding status; saturation counts only ``coded`` documents.
STATUSES = ("not-started", "in-progress", "coded", "excluded")


@dataclass(frozen=True)
class DocumentRef:
    """A transcript. ``case`` None means the document is its own participant.

    ``status`` defaults to ``coded`` so that a study built by hand (tests,
    benchmarks) counts every document it lists; the Project's snapshot always
    fills in the stored status.
    """

    id: int
    name: str
    case: str | None
    order: int
    text_length: int = 0
    status: str = "coded"
    #: Who takes part in it, in order of their first turn, when speaker labels
    #: speak for participants of their own (a group interview; see
    #: :mod:`qualcode.voices`); empty: just the document's own participant.
    participants: tuple[str, ...] = ()


@dataclass(frozen=True)
class TurnRef:
    """A speaker turn: ``start``..``end`` of its document; ``time`` in seconds, if known."""

    start: int
    end: int
    time: float | None = None


@dataclass(frozen=True)
class CodingRef:
    """One coding: a span of a document with one code, by one coder.

    ``role`` and ``turn`` describe the speaker turn in which the coding starts
    (``role`` is ``"unknown"`` for transcripts without speaker labels).
    ``participant`` is whom it counts for when that turn's label speaks for a
    participant of its own; None: the document's participant
    (:meth:`StudySnapshot.participant_of_coding` resolves it).
    """

    id: int
    document_id: int
    code_id: int
    start: int
    end: int
    coder: str
    text: str
    role: str = "unknown"
    turn: int | None = None
    participant: str | None = None


@dataclass(frozen=True)
class CaseRef:
    """A participant and their attributes (the thesis' Table 1)."""

    name: str
    attributes: Mapping[str, str | float | int | None] = field(default_factory=dict)


@dataclass(frozen=True)
class StudySnapshot:
    """Documents, codebook, codings and cases of one study at one moment."""

    documents: tuple[DocumentRef, ...]
    codes: tuple[CodeRef, ...]
    codings: tuple[CodingRef, ...]
    cases: tuple[CaseRef, ...] = ()
    #: Document id -> full text; needed for passages no coding covers whole
    #: (agreement by sentence, disagreement quotes). Optional for hand-built studies.
    texts: Mapping[int, str] = field(default_factory=dict)
    #: Document id -> sentence spans in text order (agreement by sentence).
    sentences: Mapping[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    #: Document id -> speaker turns in text order (positions shown as turn and time).
    turns: Mapping[int, tuple[TurnRef, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        orders = [d.order for d in self.documents]
        if orders != sorted(orders) or len(set(orders)) != len(orders):
            raise AnalysisError("study snapshot: documents must be in unique interview order")
        doc_ids = self._documents_by_id
        code_ids = self._codes_by_id
        if len(doc_ids) != len(self.documents):
            raise AnalysisError("study snapshot: two documents share an id")
        if len(code_ids) != len(self.codes):
            raise AnalysisError("study snapshot: two codes share an id")
        for coding in self.codings:
            if coding.document_id not in doc_ids:
                raise AnalysisError(f"coding {coding.id}: unknown document id {coding.document_id}")
            if coding.code_id not in code_ids:
                raise AnalysisError(f"coding {coding.id}: unknown code id {coding.code_id}")
            if not 0 <= coding.start < coding.end:
                raise AnalysisError(f"coding {coding.id}: bad span {coding.start}:{coding.end}")

    # --- lookups -------------------------------------------------------------

    @cached_property
    def _documents_by_id(self) -> dict[int, DocumentRef]:
        return {d.id: d for d in self.documents}

    @cached_property
    def _codes_by_id(self) -> dict[int, CodeRef]:
        return {c.id: c for c in self.codes}

    @cached_property
    def _turn_starts(self) -> dict[int, list[int]]:
        return {doc: [t.start for t in turns] for doc, turns in self.turns.items()}

    @cached_property
    def _cases_by_name(self) -> dict[str, CaseRef]:
        return {c.name: c for c in self.cases}

    @cached_property
    def position(self) -> dict[int, int]:
        """Document id -> 1-based interview number (position in ``documents``)."""
        return {d.id: i for i, d in enumerate(self.documents, start=1)}

    @cached_property
    def code_rank(self) -> dict[int, int]:
        """Code id -> index in codebook order, for sorting."""
        return {c.id: i for i, c in enumerate(self.codes)}

    def document(self, document_id: int) -> DocumentRef:
        return self._documents_by_id[document_id]

    def code(self, code_id: int) -> CodeRef:
        return self._codes_by_id[code_id]

    def case(self, name: str) -> CaseRef | None:
        """The case of that name, or None when no attributes were recorded for it."""
        return self._cases_by_name.get(name)

    def participant_of(self, document_id: int) -> str:
        """The participant a document belongs to: its case, or else the document itself.

        Per coding, use :meth:`participant_of_coding`: in a group interview a
        coding counts for its speaker's participant.
        """
        document = self._documents_by_id[document_id]
        return document.case if document.case is not None else document.name

    def participant_of_coding(self, coding: CodingRef) -> str:
        """Whom a coding counts for: its speaker's participant, else the document's."""
        return coding.participant or self.participant_of(coding.document_id)

    @cached_property
    def _participants_in(self) -> dict[int, tuple[str, ...]]:
        result = {}
        for document in self.documents:
            found = dict.fromkeys(document.participants or (self.participant_of(document.id),))
            for coding in self.codings_by_document[document.id]:
                found.setdefault(self.participant_of_coding(coding))
            result[document.id] = tuple(found)
        return result

    def participants_in(self, document_id: int) -> tuple[str, ...]:
        """Who takes part in a document: the document's participant, or in a group
        interview its speakers' participants (see :mod:`qualcode.voices`), plus
        anyone a coding in it counts for, so that no count can exceed its total."""
        return self._participants_in[document_id]

    @cached_property
    def participants(self) -> tuple[str, ...]:
        """Every participant of the study, in order of their first interview."""
        return tuple(dict.fromkeys(p for d in self.documents for p in self.participants_in(d.id)))

    @cached_property
    def documents_of(self) -> dict[str, tuple[int, ...]]:
        """Participant -> ids of the documents they take part in, in interview order."""
        grouped: dict[str, list[int]] = {p: [] for p in self.participants}
        for document in self.documents:
            for participant in self.participants_in(document.id):
                grouped[participant].append(document.id)
        return {p: tuple(ids) for p, ids in grouped.items()}

    def attribute_of(self, participant: str, attribute: str) -> str | float | int | None:
        """A participant's attribute value, None when missing (or not a case)."""
        case = self._cases_by_name.get(participant)
        return None if case is None else case.attributes.get(attribute)

    @cached_property
    def codings_by_document(self) -> dict[int, tuple[CodingRef, ...]]:
        """Document id -> its codings sorted by (start, end, id); every document present."""
        grouped: dict[int, list[CodingRef]] = {d.id: [] for d in self.documents}
        for coding in self.codings:
            grouped[coding.document_id].append(coding)
        return {
            doc_id: tuple(sorted(items, key=lambda c: (c.start, c.end, c.id)))
            for doc_id, items in grouped.items()
        }

    @cached_property
    def segments(self) -> dict[int, dict[int, list[Segment]]]:
        """Code id -> document id -> merged segments; computed once, shared by all figures."""
        from qualcode.analysis.segments import compute_segments_by_code

        return compute_segments_by_code(self)

    def find_code(self, path: Iterable[str]) -> CodeRef:
        """The code with exactly this path; AnalysisError naming the path if none."""
        wanted = tuple(path)
        for code in self.codes:
            if code.path == wanted:
                return code
        raise AnalysisError(f"code {' > '.join(wanted)!r}: not in the codebook")

    def descendants(self, code_id: int) -> tuple[int, ...]:
        """The code and every code below it, in codebook order."""
        root = self._codes_by_id[code_id].path
        return tuple(c.id for c in self.codes if c.is_under(root))

    # --- restriction ----------------------------------------------------------

    def restrict(
        self,
        category_path: Iterable[str] | None = None,
        respondent_only: bool = False,
        coder: str | None = None,
    ) -> StudySnapshot:
        """The same study seen through a filter; documents and cases are kept.

        - ``category_path``: keep the codes at or below that path (the category
          itself included) and their codings. An unknown path is refused, so a
          typo never reads as "no codes".
        - ``respondent_only``: drop codings that start in an interviewer turn.
          Codings in transcripts without speaker labels (role ``unknown``) are
          kept: dropping them would make unlabelled interviews look empty and
          saturation look reached.
        - ``coder``: keep one coder's codings (an unknown coder gives no codings).
        """
        codes = self.codes
        codings = self.codings
        if category_path is not None:
            category = tuple(category_path)
            self.find_code(category)
            codes = tuple(c for c in codes if c.is_under(category))
            kept = {c.id for c in codes}
            codings = tuple(c for c in codings if c.code_id in kept)
        if respondent_only:
            codings = tuple(c for c in codings if c.role != "interviewer")
        if coder is not None:
            codings = tuple(c for c in codings if c.coder == coder)
        return replace(self, codes=codes, codings=codings)

    def with_coders(self, coders: Iterable[str]) -> StudySnapshot:
        """Only the codings of these coders (documents, codes and cases kept)."""
        names = set(coders)
        return replace(self, codings=tuple(c for c in self.codings if c.coder in names))

    def text_of(self, document_id: int, start: int, end: int) -> str:
        """``document_text[start:end]``; without the full text, pieced from the codings."""
        text = self.texts.get(document_id)
        if text is not None:
            return text[start:end]
        pieces: dict[int, str] = {}
        for coding in self.codings_by_document[document_id]:
            for offset in range(max(start, coding.start), min(end, coding.end)):
                pieces.setdefault(offset, coding.text[offset - coding.start])
        return "".join(pieces.get(i, " ") for i in range(start, end))

    def turn_at(self, document_id: int, offset: int) -> tuple[int | None, float | None]:
        """(1-based turn number, its time in seconds) of the turn holding ``offset``."""
        turns = self.turns.get(document_id, ())
        index = bisect_right(self._turn_starts.get(document_id, []), offset) - 1
        if index < 0:
            return None, None
        return index + 1, turns[index].time
