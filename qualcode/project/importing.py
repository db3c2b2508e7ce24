"""Importing transcripts: read and split outside the transaction, write inside it.

Reading a file and running spaCy can take a while and can fail; both happen
before the transaction opens, so a bad file never touches the project. The
write itself is one transaction: the document, its turns, sentences and
memos, or nothing. Imports are logged but not undoable (undoing would mean
storing the whole transcript in the event log); a wrong import is deleted.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from qualcode.errors import IngestError, QualcodeError
from qualcode.model import Case, Document, Memo, Sentence, Speaker, Turn, table_of
from qualcode.project.changes import ChangeSet
from qualcode.project.values import ImportReport
from qualcode.words import count_words

if TYPE_CHECKING:
    from qualcode.ingest import AnchoredComment, TurnSpan

ROLES = ("interviewer", "respondent", "unknown")
#: A speaker label that names a participant (BSR01, HA3, P-07), not a role (R, GP).
PARTICIPANT_LABEL = re.compile(r"[^\W\d_]{1,12}[-_ ]?\d{1,4}")


def participant_label(turns: Sequence[TurnSpan]) -> str | None:
    """The respondent's label when a transcript has exactly one and it is a
    participant code such as ``BSR01`` or ``HA3``; else None (the file name is used).

    Generic labels (``R:``, ``Respondent:``) are not taken: every transcript
    would then join one participant.
    """
    labels = {turn.speaker.strip() for turn in turns if turn.role == "respondent"}
    if len(labels) != 1:
        return None
    label = labels.pop()
    return label if PARTICIPANT_LABEL.fullmatch(label) else None


def check_source(path: Path, name: str | None) -> str:
    """The document name for ``path``; refuses a missing file or an empty name."""
    name = (name or path.stem).strip()
    if not name:
        raise IngestError(path, "the document name is empty")
    if not path.exists():
        raise IngestError(path, "no such file")
    if not path.is_file():
        raise IngestError(path, "not a file")
    return name


def name_taken(session: Session, name: str) -> bool:
    return session.scalar(select(Document.id).where(Document.name == name)) is not None


def next_interview_order(session: Session) -> int:
    return (session.scalar(select(func.max(Document.interview_order))) or 0) + 1


def store_document(
    changes: ChangeSet,
    name: str,
    text: str,
    *,
    case: str,
    source_name: str,
    format: str,
    encoding: str | None,
    removed_controls: int,
    turns: Sequence[TurnSpan],
    comments: Sequence[AnchoredComment],
    sentences: Sequence[tuple[int, int]],
    label: str,
    legend: Mapping[str, str],
) -> ImportReport:
    """Write a document with its turns, speakers, sentences and memos in the open change.

    ``text`` is stored as is and never changes afterwards. Refused if the name is taken.
    Every label of ``turns`` and of ``legend`` (label -> description) gets a speaker row.
    """
    session = changes.session
    if name_taken(session, name):
        raise QualcodeError(f"{label}: a document named {name!r} already exists")
    sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    twins = list(session.scalars(
        select(Document.name).where(Document.sha256 == sha256).order_by(Document.name)))
    warnings = tuple(
        f"{label}: the same text as document {twin!r}, already in the project" for twin in twins
    )
    case_row = session.scalar(select(Case).where(Case.name == case))
    if case_row is None:
        case_row = Case(name=case)
        session.add(case_row)
        session.flush()
    document = Document(
        name=name,
        case_id=case_row.id,
        text=text,
        sha256=sha256,
        source_name=source_name or name,
        format=format,
        encoding=encoding,
        removed_controls=removed_controls,
        word_count=count_words(text),
        interview_order=next_interview_order(session),
    )
    session.add(document)
    session.flush()
    if turns:
        session.execute(
            insert(table_of(Turn)),
            [
                {
                    "document_id": document.id,
                    "speaker": turn.speaker,
                    "role": turn.role,
                    "start": turn.start,
                    "end": turn.end,
                    "timestamp": turn.timestamp,
                    "time": turn.time,
                }
                for turn in turns
            ],
        )
    labels = list(dict.fromkeys(turn.speaker for turn in turns if turn.speaker))
    labels += [label for label in legend if label not in labels]
    if labels:
        session.execute(
            insert(table_of(Speaker)),
            [
                {"document_id": document.id, "label": label, "name": legend.get(label, "")}
                for label in labels
            ],
        )
    if sentences:
        session.execute(
            insert(table_of(Sentence)),
            [{"document_id": document.id, "start": s, "end": e} for s, e in sentences],
        )
    for comment in comments:
        session.add(
            Memo(
                document_id=document.id,
                start=comment.start,
                end=comment.end,
                author=comment.author,
                text=comment.text,
            )
        )
    return ImportReport(
        document=name,
        source=label,
        format=format,
        encoding=encoding,
        chars=len(text),
        words=document.word_count,
        turns=len(turns),
        sentences=len(sentences),
        removed_controls=removed_controls,
        memos=len(comments),
        case=case,
        warnings=warnings,
        labels=label_summary(turns),
        timed_turns=sum(1 for turn in turns if turn.time is not None),
        legend=tuple(legend.items()),
    )


def label_summary(turns: Sequence[TurnSpan]) -> tuple[tuple[str, str, int], ...]:
    """``(label, role, number of turns)`` per speaker label, in order of first turn."""
    found: dict[str, list] = {}
    for turn in turns:
        found.setdefault(turn.speaker, [turn.speaker, turn.role, 0])[2] += 1
    return tuple((label, role, count) for label, role, count in found.values())


def set_interview_order(changes: ChangeSet, names: list[str]) -> None:
    """Put documents in the given interview order (the order saturation uses).

    ``names`` must list every document exactly once.
    """
    rows = {d.name: d for d in changes.session.scalars(select(Document))}
    if sorted(names) != sorted(rows):
        missing = sorted(set(rows) - set(names))
        unknown = sorted(set(names) - set(rows))
        raise QualcodeError(
            f"interview order: must list every document once "
            f"(missing: {missing or '-'}, unknown: {unknown or '-'})"
        )
    for position, name in enumerate(names, start=1):
        changes.update(rows[name], interview_order=position)


def check_role(role: str) -> None:
    if role not in ROLES:
        raise QualcodeError(f"role {role!r}: use interviewer, respondent or unknown")


def set_turn_role(changes: ChangeSet, document: str, speaker: str, role: str) -> int:
    """Correct the inferred role of every turn of ``speaker`` in ``document``."""
    from qualcode.project.documents import document_row

    document_id = document_row(changes.session, document).id
    turns = changes.session.scalars(
        select(Turn).where(Turn.document_id == document_id, Turn.speaker == speaker)
    ).all()
    if not turns:
        raise QualcodeError(f"document {document!r}: no speaker {speaker!r}")
    for turn in turns:
        changes.update(turn, role=role)
    return len(turns)
