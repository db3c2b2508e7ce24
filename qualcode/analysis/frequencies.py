"""How often each code was used: segments, documents, participants, words.

These are the counts a results chapter quotes ("10 of the 11 GPs mentioned
it") and the first table a supervisor opens. ``stats --json`` is
``[row.to_json() for row in frequencies(snapshot).rows]``: one entry per code in
codebook order, zeros included, counts for the code itself and, under
``with_children``, for the code with everything below it
(:func:`category_total`), so a category never reads "0/0" on screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from qualcode.analysis.segments import Segment, merge_codings, segments_by_code
from qualcode.analysis.snapshot import CodingRef, StudySnapshot
from qualcode.words import count_words


@dataclass(frozen=True)
class CodeFrequency:
    """Counts for one code (or one category with its children, ``with_children``).

    ``codings`` counts raw codings; ``segments`` counts merged passages (see
    :mod:`qualcode.analysis.segments`); ``participants_total`` is the number
    of participants in the whole study, the denominator of ``share``.
    ``words`` is None when the caller skipped counting words (the slow part).
    """

    code_id: int
    code_path: tuple[str, ...]
    codings: int
    segments: int
    documents: int
    participants: int
    participants_total: int
    words: int | None
    with_children: bool = False
    #: The code with everything under it (``category_total``); the row itself for a
    #: code without sub-codes, None when the row is already pooled.
    children: CodeFrequency | None = None

    @property
    def share(self) -> str:
        """ "10/11": participants with the code / participants in the study."""
        return f"{self.participants}/{self.participants_total}"

    @property
    def pooled(self) -> CodeFrequency:
        """The counts with everything under the code (this row if it is pooled already)."""
        return self.children if self.children is not None else self

    def to_json(self) -> dict[str, Any]:
        pooled = self.pooled
        return {
            "code_path": list(self.code_path),
            "segments": self.segments,
            "documents": self.documents,
            "participants": self.participants,
            "participants_total": self.participants_total,
            "share": self.share,
            "codings": self.codings,
            "words": self.words,
            "with_children": {
                "segments": pooled.segments,
                "documents": pooled.documents,
                "participants": pooled.participants,
                "share": pooled.share,
                "codings": pooled.codings,
                "words": pooled.words,
            },
        }


@dataclass(frozen=True)
class FrequencyTable:
    """One :class:`CodeFrequency` per code of the snapshot, in codebook order."""

    rows: tuple[CodeFrequency, ...]
    participants_total: int
    documents_total: int

    def row(self, code_path: Iterable[str]) -> CodeFrequency:
        wanted = tuple(code_path)
        return next(r for r in self.rows if r.code_path == wanted)

    def to_json(self) -> dict[str, Any]:
        return {
            "participants_total": self.participants_total,
            "documents_total": self.documents_total,
            "codes": [r.to_json() for r in self.rows],
        }


def _frequency(
    snapshot: StudySnapshot,
    code_id: int,
    per_document: dict[int, list[Segment]],
    with_children: bool,
    words: bool,
) -> CodeFrequency:
    segments = [s for items in per_document.values() for s in items]
    return CodeFrequency(
        code_id=code_id,
        code_path=snapshot.code(code_id).path,
        codings=sum(len(s.codings) for s in segments),
        segments=len(segments),
        documents=len(per_document),
        participants=len({
            snapshot.participant_of_coding(c) for s in segments for c in s.codings
        }),
        participants_total=len(snapshot.participants),
        words=sum(count_words(s.text) for s in segments) if words else None,
        with_children=with_children,
    )


def frequencies(
    snapshot: StudySnapshot, *, with_children: bool = False, words: bool = True
) -> FrequencyTable:
    """Counts per code, every code of the codebook, in codebook order.

    ``with_children=True`` gives each code the pooled counts of itself and its
    descendants (as :func:`category_total`); leaves are unchanged.
    ``words=False`` skips the word count, which reads every coded character.
    """
    by_code = segments_by_code(snapshot)
    rows = []
    for code in snapshot.codes:
        own = _frequency(snapshot, code.id, by_code.get(code.id, {}), with_children, words)
        if len(snapshot.descendants(code.id)) > 1:
            pooled = category_total(snapshot, code.id, words=words)
            rows.append(pooled if with_children else replace(own, children=pooled))
        else:
            rows.append(own)
    return FrequencyTable(tuple(rows), len(snapshot.participants), len(snapshot.documents))


def category_total(snapshot: StudySnapshot, code_id: int, *, words: bool = True) -> CodeFrequency:
    """A code together with every code below it, counted as one.

    Overlapping or touching codings of different codes in the subtree merge
    into one segment, and a participant counts once however many sub-codes
    they were given — so the total is not the sum of the children's rows.
    """
    pooled: dict[int, list[CodingRef]] = {}
    for member in snapshot.descendants(code_id):
        for document_id, segments in snapshot.segments.get(member, {}).items():
            for segment in segments:
                pooled.setdefault(document_id, []).extend(segment.codings)
    position = snapshot.position
    per_document = {
        document_id: merge_codings(pooled[document_id])
        for document_id in sorted(pooled, key=position.__getitem__)
    }
    return _frequency(snapshot, code_id, per_document, True, words)


@dataclass(frozen=True)
class CodePrevalence:
    """Where one code occurs: participants and documents, in interview order."""

    code_path: tuple[str, ...]
    participants: tuple[str, ...]
    documents: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "code_path": list(self.code_path),
            "participants": list(self.participants),
            "documents": list(self.documents),
        }


@dataclass(frozen=True)
class PrevalenceReport:
    """Codes by spread, for a supervisor's check of idiosyncratic or unused codes.

    ``single_interview`` are codes applied in exactly one document (one
    interview); ``single_participant`` those applied for exactly one
    participant (differs when a participant has two documents); ``unused``
    codes have no coding at all. All lists are in codebook order.
    """

    codes: tuple[CodePrevalence, ...]
    participants_total: int

    @property
    def single_interview(self) -> tuple[CodePrevalence, ...]:
        return tuple(c for c in self.codes if len(c.documents) == 1)

    @property
    def single_participant(self) -> tuple[CodePrevalence, ...]:
        return tuple(c for c in self.codes if len(c.participants) == 1)

    @property
    def unused(self) -> tuple[CodePrevalence, ...]:
        return tuple(c for c in self.codes if not c.documents)

    def to_json(self) -> dict[str, Any]:
        return {
            "participants_total": self.participants_total,
            "codes": [c.to_json() for c in self.codes],
            "single_interview": [list(c.code_path) for c in self.single_interview],
            "single_participant": [list(c.code_path) for c in self.single_participant],
            "unused": [list(c.code_path) for c in self.unused],
        }


def prevalence(snapshot: StudySnapshot) -> PrevalenceReport:
    """Which participants and documents each code was applied in."""
    documents: dict[int, dict[int, None]] = {c.id: {} for c in snapshot.codes}
    people: dict[int, dict[str, None]] = {c.id: {} for c in snapshot.codes}
    for document in snapshot.documents:
        for coding in snapshot.codings_by_document[document.id]:
            documents[coding.code_id][document.id] = None
            people[coding.code_id][snapshot.participant_of_coding(coding)] = None
    codes = []
    for code in snapshot.codes:
        codes.append(
            CodePrevalence(
                code.path,
                tuple(people[code.id]),
                tuple(snapshot.document(d).name for d in documents[code.id]),
            )
        )
    return PrevalenceReport(tuple(codes), len(snapshot.participants))
