"""Counts per code and the saturation table, computed by :mod:`qualcode.analysis`.

The export reads the project once (:mod:`qualcode.export.gather`) and builds
the analysis layer's :class:`~qualcode.analysis.StudySnapshot` from that same
reading instead of calling ``Project.snapshot()``, which would read every
coding and transcript a second time (at 100,000 codings that doubles the
memory and adds seconds). The snapshot follows the same conventions (interview
order, codebook order, participant = the speaker's, the case or the document,
text = the coded span),
and a test checks the figures equal those from ``Project.snapshot()``, so the
workbook and ``qualcode stats`` always agree.

Counts come from the analysis layer's segments (``segments_by_code``: what
``frequencies()`` counts), without its word counts, which the workbook does
not show and which cost seconds at 100,000 codings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from qualcode.analysis.saturation import SaturationRow

if TYPE_CHECKING:
    from qualcode.analysis import StudySnapshot
    from qualcode.analysis.agreement import AgreementReport
    from qualcode.analysis.saturation import SaturationResult
    from qualcode.analysis.saturation_options import SaturationOptions
    from qualcode.export.gather import ExportData

__all__ = [
    "AgreementSet",
    "CodeFigures",
    "agreement_reports",
    "code_figures",
    "saturation_results",
    "saturation_rows",
    "snapshot_of_export",
]


@dataclass(frozen=True)
class AgreementSet:
    """Two coders compared in each unit; ``sentence`` None when sentences are unknown."""

    segment: AgreementReport
    sentence: AgreementReport | None
    character: AgreementReport


@dataclass(frozen=True)
class CodeFigures:
    """Segments, documents and participants of one code; ``pooled_*``: with its sub-codes.

    ``pooled_participants`` counts a participant once however many sub-codes
    they have (as ``category_total``); ``pooled_segments`` is the sum of the
    segments of the code and its sub-codes (a passage with two sub-codes
    counts twice: it is listed twice on the category sheet).
    """

    segments: int
    documents: int
    participants: int
    by_participant: dict[str, int] = field(default_factory=dict)
    pooled_segments: int = 0
    pooled_participants: int = 0


def snapshot_of_export(data: ExportData) -> StudySnapshot:
    """The analysis layer's picture of what was gathered, so figures count the exported quotes."""
    from qualcode.analysis import CaseRef, CodeRef, CodingRef, DocumentRef, StudySnapshot

    taking_part: dict[str, list[str]] = {}
    for participant in data.participants:
        for document in participant.documents:
            taking_part.setdefault(document, []).append(participant.name)
    documents = tuple(
        DocumentRef(d.id, d.name, d.case, position, d.chars, d.status,
                    tuple(taking_part.get(d.name, ())))
        for position, d in enumerate(data.documents, start=1)
    )
    ids = {d.name: d.id for d in data.documents}
    codes = tuple(CodeRef(c.id, c.path, c.guid, c.color) for c in data.codes)
    codings = tuple(
        CodingRef(coding_id, ids[q.document], q.code_id, q.start, q.end, coder, q.text,
                  q.role, None if q.turn is None else q.turn - 1, q.participant)
        for q in data.quotes
        for coding_id, coder in ((q.coding_id, q.own_coder or q.coder), *q.also)
    )
    cases = tuple(CaseRef(p.name, p.attributes) for p in data.participants if p.is_case)
    return StudySnapshot(documents, codes, codings, cases, {}, data.sentences, data.turns)


def code_figures(data: ExportData, snapshot: StudySnapshot) -> dict[int, CodeFigures]:
    from qualcode.analysis.segments import passages_by_participant, segments_by_code

    by_code = segments_by_code(snapshot)
    own: dict[int, tuple[int, int, dict[str, int]]] = {}
    for code in data.codes:
        per_document = by_code.get(code.id, {})
        counts: dict[str, int] = {}
        for segments in per_document.values():
            for person, found in passages_by_participant(snapshot, segments).items():
                counts[person] = counts.get(person, 0) + found
        own[code.id] = (sum(len(items) for items in per_document.values()), len(per_document),
                        counts)
    result: dict[int, CodeFigures] = {}
    for code in data.codes:
        below = [c for c in data.codes if c.is_within(code)]
        count, in_documents, counts = own[code.id]
        result[code.id] = CodeFigures(
            count, in_documents, len(counts), counts,
            pooled_segments=sum(own[c.id][0] for c in below),
            pooled_participants=len({p for c in below for p in own[c.id][2]}),
        )
    return result


def saturation_results(
    snapshot: StudySnapshot, options: SaturationOptions
) -> tuple[SaturationResult, SaturationResult]:
    """Both rules as the researcher set them (the TUI's options): Guest 2020, then Francis."""
    return options.result(snapshot, "guest2020"), options.result(snapshot, "francis")


def saturation_rows(snapshot: StudySnapshot) -> list[SaturationRow]:
    """New and cumulative codes per interview marked coded (applied codes, not parents)."""
    from qualcode.analysis import saturation_table

    return list(saturation_table(snapshot).rows)


def agreement_reports(snapshot: StudySnapshot, coders: list[str]) -> list[AgreementSet]:
    """Every pair of coders who coded a document in common, in all three units."""
    from qualcode.analysis.agreement import agreement
    from qualcode.analysis.errors import AnalysisError

    documents: dict[str, set[int]] = {}
    for coding in snapshot.codings:
        documents.setdefault(coding.coder, set()).add(coding.document_id)
    sets = []
    for index, first in enumerate(coders):
        for second in coders[index + 1:]:
            if not documents.get(first, set()) & documents.get(second, set()):
                continue
            try:
                sentence = agreement(snapshot, first, second, unit="sentence")
            except AnalysisError:  # a shared document without sentences
                sentence = None
            sets.append(AgreementSet(agreement(snapshot, first, second),
                                     sentence, agreement(snapshot, first, second,
                                                         unit="character")))
    return sets
