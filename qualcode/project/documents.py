"""Documents after import: finding one by a prefix, renaming, deleting, assigning.

A researcher types document names on the command line (``--doc``) and long
file names such as ``BSR01_transcript_deidentified`` are common, so every
front end resolves what was typed through :func:`resolve_document`: the
exact name, else the one name that starts with it. Renaming keeps the
document's id, so its codings and memos follow it. Deleting removes the
document's turns, sentences, codings and memos through the ChangeSet (never
by database cascade), so one undo brings all of them back.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from qualcode.errors import NotFoundError, QualcodeError
from qualcode.model import Case, Coding, Document, Memo, Sentence, Turn
from qualcode.project.changes import ChangeSet

#: How many candidates an ambiguous prefix names before "and N more".
SHOWN_CANDIDATES = 8


def match_document(names: list[str], typed: str) -> str:
    """The document ``typed`` means among ``names``: exact, else a unique prefix.

    Raises :class:`NotFoundError` when nothing matches and
    :class:`QualcodeError` naming the candidates when a prefix is ambiguous.
    """
    if typed in names:
        return typed
    candidates = sorted(name for name in names if name.startswith(typed)) if typed else []
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise NotFoundError(f"document {typed!r}: no such document in the project")
    shown = ", ".join(candidates[:SHOWN_CANDIDATES])
    more = len(candidates) - SHOWN_CANDIDATES
    if more > 0:
        shown += f" and {more} more"
    raise QualcodeError(
        f"document {typed!r}: {len(candidates)} documents start with it ({shown}); "
        "type more of the name"
    )


def document_row(session: Session, typed: str) -> Document:
    """The row of the document ``typed`` names (exact name or unique prefix)."""
    row = session.scalar(select(Document).where(Document.name == typed))
    if row is not None:
        return row
    names = list(session.scalars(select(Document.name).where(Document.name.startswith(
        typed, autoescape=True))))
    name = match_document(names, typed)
    found = session.scalar(select(Document).where(Document.name == name))
    assert found is not None
    return found


def check_new_name(session: Session, name: str) -> str:
    name = name.strip()
    if not name:
        raise QualcodeError("document name: the new name is empty")
    if len(name) > 200:
        raise QualcodeError(f"document name {name[:40]!r}...: at most 200 characters")
    if session.scalar(select(Document.id).where(Document.name == name)) is not None:
        raise QualcodeError(f"document {name!r}: a document with that name already exists")
    return name


def rename_document(changes: ChangeSet, old: str, new: str) -> str:
    """Rename a document; its codings and memos follow (they refer to its id)."""
    row = document_row(changes.session, old)
    if new.strip() == row.name:
        raise QualcodeError(f"document {row.name!r}: already has that name")
    new = check_new_name(changes.session, new)
    changes.summary = f"rename document {row.name} to {new}"
    changes.update(row, name=new)
    return new


def delete_document(changes: ChangeSet, name: str) -> int:
    """Delete a document with its turns, sentences, codings and memos; returns codings.

    The participant stays: it may have other documents, and its attributes
    are the researcher's work.
    """
    row = document_row(changes.session, name)
    removed = changes.delete_where(Coding, Coding.document_id == row.id)
    memos = changes.delete_where(Memo, Memo.document_id == row.id)
    changes.delete_where(Sentence, Sentence.document_id == row.id)
    changes.delete_where(Turn, Turn.document_id == row.id)
    changes.summary = f"delete document {row.name} ({removed} codings, {memos} memos)"
    changes.delete(row)
    return removed


def assign_document(changes: ChangeSet, name: str, case: str | None) -> str | None:
    """Make ``case`` the participant of a document (created if new); None detaches it."""
    row = document_row(changes.session, name)
    case_id = None
    case = case.strip() if case else None
    if case:
        case_row = changes.session.scalar(select(Case).where(Case.name == case))
        if case_row is None:
            case_row = changes.add(Case(name=case))
        case_id = case_row.id
    if row.case_id == case_id:
        raise QualcodeError(f"document {row.name!r}: already belongs to {case!r}")
    changes.summary = f"assign document {row.name} to {case or 'no participant'}"
    changes.update(row, case_id=case_id)
    return case
