"""Speaker labels of each document: their legend name, role and participant.

A transcript's labels (``I``, ``HA3``, ``Dr. An Peeters``) are what the
researcher checks after an import: did the interviewer come out as the
interviewer, and who is the participant behind a respondent label? Roles live
on the turns (so the analysis can filter by role); the legend name and an
explicit participant live in the ``speaker`` table. Both corrections are
undoable changes (:meth:`Project.correct_speaker`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from qualcode.errors import NotFoundError, QualcodeError
from qualcode.model import Case, Document, Speaker, Turn
from qualcode.project.values import SpeakerInfo
from qualcode.voices import Voices

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from qualcode.project.changes import ChangeSet

#: ``participant`` left as it is (None means "the document's participant").
KEEP = object()


def speaker_infos(session: Session, document: str | None = None) -> list[SpeakerInfo]:
    documents = select(Document.id, Document.name, Document.case_id).order_by(
        Document.interview_order, Document.id
    )
    if document is not None:
        documents = documents.where(Document.name == document)
    rows = session.execute(documents).all()
    case_names = dict(session.execute(select(Case.id, Case.name)).all())
    ids = [row[0] for row in rows]
    turns: dict[int, dict[str, list]] = defaultdict(dict)
    for document_id, label, role, count, first_start, first_time in session.execute(
        select(
            Turn.document_id, Turn.speaker, Turn.role, func.count(), func.min(Turn.start),
            func.min(Turn.time),
        )
        .where(Turn.document_id.in_(ids))
        .group_by(Turn.document_id, Turn.speaker, Turn.role)
    ):
        found = turns[document_id].setdefault(label, [set(), 0, first_start, first_time])
        found[0].add(role)
        found[1] += count
        found[2] = min(found[2], first_start)
        if first_time is not None:
            found[3] = first_time if found[3] is None else min(found[3], first_time)
    stored = {
        (row.document_id, row.label): row
        for row in session.scalars(select(Speaker).where(Speaker.document_id.in_(ids)))
    }
    result: list[SpeakerInfo] = []
    for document_id, name, case_id in rows:
        labels = sorted(turns[document_id].items(), key=lambda item: item[1][2])
        listed = [label for label, _ in labels]
        listed += [label for (doc, label) in stored if doc == document_id and label not in listed]
        for label in listed:
            roles, count, _, first_time = turns[document_id].get(label, [set(), 0, 0, None])
            role = next(iter(roles)) if len(roles) == 1 else ("mixed" if roles else "unknown")
            row = stored.get((document_id, label))
            if row is not None and row.case_id is not None:
                participant = case_names.get(row.case_id)
            elif role != "interviewer" and case_id is not None:
                participant = case_names.get(case_id)
            else:
                participant = None
            result.append(
                SpeakerInfo(
                    document=name,
                    label=label,
                    name=row.name if row is not None else "",
                    role=role,
                    participant=participant,
                    turns=count,
                    first_time=first_time,
                )
            )
    return result


def document_voices(
    session: Session, document_ids: Iterable[int] | None = None
) -> dict[int, Voices]:
    """Document id -> whom each of its turns counts for (all documents when ``None``).

    The one read behind every count per participant (see :mod:`qualcode.voices`).
    Turns are read only for documents where a label has a participant of its
    own: every other document's codings count for its own participant anyway,
    so adding a coding there costs no read of its turns.
    """
    documents = select(Document.id, Document.name, Case.name).outerjoin(
        Case, Document.case_id == Case.id
    )
    labels = select(Speaker.document_id, Speaker.label, Case.name).join(
        Case, Speaker.case_id == Case.id
    )
    if document_ids is not None:
        wanted = list(document_ids)
        documents = documents.where(Document.id.in_(wanted))
        labels = labels.where(Speaker.document_id.in_(wanted))
    given = {(document_id, label): case for document_id, label, case in session.execute(labels)}
    rows: dict[int, tuple[list[int], list[str | None], list[str]]] = defaultdict(
        lambda: ([], [], [])
    )
    shared = sorted({document_id for document_id, _ in given})
    if shared:
        turns = (
            select(Turn.document_id, Turn.start, Turn.speaker, Turn.role)
            .where(Turn.document_id.in_(shared))
            .order_by(Turn.document_id, Turn.start)
        )
        for document_id, start, label, role in session.execute(turns):
            starts, explicit, roles = rows[document_id]
            starts.append(start)
            explicit.append(given.get((document_id, label)))
            roles.append(role)
    result = {}
    for document_id, name, case in session.execute(documents):
        starts, explicit, roles = rows.get(document_id, ([], [], []))
        result[document_id] = Voices(case or name, tuple(starts), tuple(explicit), tuple(roles))
    return result


def summary(document: str, label: str, role: str | None, participant: object) -> str:
    parts = [f"{label} is {role}"] if role is not None else []
    if participant is not KEEP:
        parts.append(f"{label} speaks for {participant or 'the document participant'}")
    return f"{document}: " + "; ".join(parts)


def correct_speaker(
    changes: ChangeSet, document: str, label: str, role: str | None, participant: object
) -> None:
    """Set a label's role on all its turns and/or its participant (``KEEP``: unchanged).

    A participant that does not exist yet is added, as an import does.
    """
    session = changes.session
    document_id = session.scalar(select(Document.id).where(Document.name == document))
    if document_id is None:
        raise NotFoundError(f"document {document!r}: no such document in the project")
    turns = session.scalars(
        select(Turn).where(Turn.document_id == document_id, Turn.speaker == label)
    ).all()
    row = session.scalar(
        select(Speaker).where(Speaker.document_id == document_id, Speaker.label == label)
    )
    if not turns and row is None:
        raise QualcodeError(f"document {document!r}: no speaker {label!r}")
    if role is not None:
        for turn in turns:
            changes.update(turn, role=role)
    if participant is KEEP:
        return
    case_id = None
    if isinstance(participant, str) and participant.strip():
        name = participant.strip()
        case_id = session.scalar(select(Case.id).where(Case.name == name))
        if case_id is None:
            case_id = changes.add(Case(name=name)).id
    if row is None:
        changes.add(Speaker(document_id=document_id, label=label, name="", case_id=case_id))
    else:
        changes.update(row, case_id=case_id)
