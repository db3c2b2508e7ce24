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
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import insert, select

from qualcode.errors import IngestError, QualcodeError
from qualcode.model import Case, Document, Memo, Sentence, Turn
from qualcode.project.values import ImportReport

if TYPE_CHECKING:
    from qualcode.ingest import AnchoredComment, TurnSpan
    from qualcode.ingest.limits import Limits
    from qualcode.project.service import Project

WORD = re.compile(r"\w+")


def import_document(
    self: Project,
    path: str | Path,
    *,
    case: str | None = None,
    name: str | None = None,
    limits: Limits | None = None,
) -> ImportReport:
    """Import one transcript; the case defaults to the document name.

    ``limits`` (default: :data:`qualcode.ingest.limits.DEFAULT`) caps the size
    of what is read; a bigger file is refused before it is read.
    """
    from qualcode.ingest import read_transcript
    from qualcode.ingest.limits import DEFAULT

    path = Path(path)
    name = (name or path.stem).strip()
    if not name:
        raise IngestError(path, "the document name is empty")
    if not path.exists():
        raise IngestError(path, "no such file")
    if not path.is_file():
        raise IngestError(path, "not a file")
    with self.read() as session:
        if session.scalar(select(Document.id).where(Document.name == name)) is not None:
            raise IngestError(path, f"a document named {name!r} already exists")
    ingested = read_transcript(path, limits or DEFAULT)
    if not ingested.text.strip():
        raise IngestError(path, "no text in this file")
    return add_document(
        self,
        name,
        ingested.text,
        case=case,
        source_name=path.name,
        format=ingested.format,
        encoding=ingested.encoding,
        removed_controls=ingested.removed_controls,
        turns=ingested.turns,
        comments=ingested.comments,
        source=str(path),
    )


def add_document(
    self: Project,
    name: str,
    text: str,
    *,
    case: str | None = None,
    source_name: str = "",
    format: str = "txt",
    encoding: str | None = None,
    removed_controls: int = 0,
    turns: Sequence[TurnSpan] = (),
    comments: Sequence[AnchoredComment] = (),
    sentences: Sequence[tuple[int, int]] | None = None,
    source: str | None = None,
) -> ImportReport:
    """Store an already-normalised text as a new document (one transaction).

    Used by :func:`import_document` and by importers of other formats
    (REFI-QDA). Sentences are split with spaCy unless given. ``text`` must
    already be normalised (:func:`qualcode.ingest.normalise`): it is stored
    as is and never changes afterwards. Refused if the name is taken.
    """
    label = source or name
    if sentences is None:
        from qualcode.nlp import split_sentences

        sentences = split_sentences(text, list(turns), self.language)
    case_name = (case or name).strip()
    with self.change("import", f"import {label} as {name}", undoable=False) as changes:
        session = changes.session
        if session.scalar(select(Document.id).where(Document.name == name)) is not None:
            raise QualcodeError(f"{label}: a document named {name!r} already exists")
        case_row = session.scalar(select(Case).where(Case.name == case_name))
        if case_row is None:
            case_row = Case(name=case_name)
            session.add(case_row)
            session.flush()
        document = Document(
            name=name,
            case_id=case_row.id,
            text=text,
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            source_name=source_name or name,
            format=format,
            encoding=encoding,
            removed_controls=removed_controls,
            word_count=len(WORD.findall(text)),
            interview_order=self.next_interview_order(session),
        )
        session.add(document)
        session.flush()
        if turns:
            session.execute(
                insert(Turn.__table__),
                [
                    {
                        "document_id": document.id,
                        "speaker": turn.speaker,
                        "role": turn.role,
                        "start": turn.start,
                        "end": turn.end,
                        "timestamp": turn.timestamp,
                    }
                    for turn in turns
                ],
            )
        if sentences:
            session.execute(
                insert(Sentence.__table__),
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
        case=case_name,
    )


def set_interview_order(self: Project, names: list[str]) -> None:
    """Put documents in the given interview order (the order saturation uses).

    ``names`` must list every document exactly once.
    """
    with self.change("order", "set interview order") as changes:
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


def set_turn_role(self: Project, document: str, speaker: str, role: str) -> int:
    """Correct the inferred role of every turn of ``speaker`` in ``document``."""
    if role not in ("interviewer", "respondent", "unknown"):
        raise QualcodeError(f"role {role!r}: use interviewer, respondent or unknown")
    with self.change("role", f"{document}: {speaker} is {role}") as changes:
        document_id = changes.session.scalar(select(Document.id).where(Document.name == document))
        if document_id is None:
            raise QualcodeError(f"document {document!r}: no such document in the project")
        turns = changes.session.scalars(
            select(Turn).where(Turn.document_id == document_id, Turn.speaker == speaker)
        ).all()
        if not turns:
            raise QualcodeError(f"document {document!r}: no speaker {speaker!r}")
        for turn in turns:
            changes.update(turn, role=role)
        return len(turns)
