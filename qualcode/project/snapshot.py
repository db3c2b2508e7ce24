"""Building the analysis layer's StudySnapshot from the project in one read.

The analysis functions (saturation, frequencies, matrices) take a frozen
:class:`~qualcode.analysis.snapshot.StudySnapshot`; this is the one place it is
made, so every front end (CLI, TUI, Excel) counts from the same picture
(through ``Project.snapshot``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from qualcode.analysis.snapshot import (
    CaseRef,
    CodeRef,
    CodingRef,
    DocumentRef,
    StudySnapshot,
    TurnRef,
)
from qualcode.model import Case, Coder, Coding, Document, Sentence, Turn
from qualcode.project.codetree import code_tree
from qualcode.project.queries import cases as case_infos
from qualcode.project.speakers import document_voices


def read_study_snapshot(
    session: Session, *, coder: str | Iterable[str] | None = None
) -> StudySnapshot:
    """The study as it is now; ``coder`` (a name or several) keeps only their codings."""
    wanted = None if coder is None else {coder} if isinstance(coder, str) else set(coder)
    codes = tuple(
        CodeRef(id=c.id, path=c.path, guid=c.guid, color=c.color)
        for c in code_tree(session)
    )
    case_names = dict(session.execute(select(Case.id, Case.name)).all())
    voices = document_voices(session)
    documents: list[DocumentRef] = []
    texts: dict[int, str] = {}
    rows = session.execute(
        select(
            Document.id, Document.name, Document.case_id, Document.text, Document.status
        ).order_by(Document.interview_order, Document.id)
    )
    for position, (document_id, name, case_id, text, status) in enumerate(rows, start=1):
        documents.append(
            DocumentRef(
                id=document_id,
                name=name,
                case=case_names.get(case_id) if case_id is not None else None,
                order=position,
                text_length=len(text),
                status=status,
                participants=voices[document_id].participants
                if voices[document_id].shared else (),
            )
        )
        texts[document_id] = text
    turn_starts: dict[int, list[int]] = defaultdict(list)
    turn_roles: dict[int, list[str]] = defaultdict(list)
    turns: dict[int, list[TurnRef]] = defaultdict(list)
    for document_id, start, end, role, time in session.execute(
        select(Turn.document_id, Turn.start, Turn.end, Turn.role, Turn.time).order_by(
            Turn.document_id, Turn.start
        )
    ):
        turn_starts[document_id].append(start)
        turn_roles[document_id].append(role)
        turns[document_id].append(TurnRef(start, end, time))
    sentences: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for document_id, start, end in session.execute(
        select(Sentence.document_id, Sentence.start, Sentence.end).order_by(
            Sentence.document_id, Sentence.start
        )
    ):
        sentences[document_id].append((start, end))
    coder_names = dict(session.execute(select(Coder.id, Coder.name)).all())
    query = select(
        Coding.id, Coding.document_id, Coding.code_id, Coding.start, Coding.end, Coding.coder_id
    ).order_by(Coding.document_id, Coding.start, Coding.id)
    codings: list[CodingRef] = []
    for coding_id, document_id, code_id, start, end, coder_id in session.execute(query):
        name = coder_names[coder_id]
        if wanted is not None and name not in wanted:
            continue
        index = bisect_right(turn_starts.get(document_id, []), start) - 1
        codings.append(
            CodingRef(
                id=coding_id,
                document_id=document_id,
                code_id=code_id,
                start=start,
                end=end,
                coder=name,
                text=texts[document_id][start:end],
                role=turn_roles[document_id][index] if index >= 0 else "unknown",
                turn=index if index >= 0 else None,
                participant=voices[document_id].explicit_at(start),
            )
        )
    cases = tuple(CaseRef(c.name, dict(c.attributes)) for c in case_infos(session))
    return StudySnapshot(
        tuple(documents), codes, tuple(codings), cases, texts,
        {d: tuple(spans) for d, spans in sentences.items()},
        {d: tuple(items) for d, items in turns.items()},
    )
