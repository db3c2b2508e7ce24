"""Memos on the project, a document, a code and a coding.

A memo is the researcher's own note: why a code exists, what stood out in an
interview, a doubt about one coding. Project, document and code memos are
:class:`~qualcode.model.Memo` rows (a document memo without a span; Word
comments imported with a transcript are document memos *with* a span and
are listed too); a coding's memo is ``Coding.memo``. Each target has one
memo of its own: writing replaces it, writing an empty text removes it, and
each write is one undoable change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qualcode.errors import NotFoundError, QualcodeError
from qualcode.model import Coder, Coding, Document, Memo, utcnow
from qualcode.project.changes import ChangeSet
from qualcode.project.codetree import code_tree, resolve
from qualcode.project.documents import document_row

TARGETS = ("project", "document", "code", "coding")

#: A memo longer than this is almost surely a pasted transcript, not a note.
MAX_MEMO_CHARS = 100_000


@dataclass(frozen=True)
class MemoEntry:
    """One memo as ``qualcode memos --json`` lists it.

    ``target`` is the document name, the code path (``"A > B"``), the coding
    id, or ``None`` for the project. A coding's memo carries the coding's
    coder and time. ``start``/``end`` are set for memos anchored on a passage.
    """

    on: str
    target: str | int | None
    text: str
    coder: str
    at: str
    start: int | None = None
    end: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"on": self.on, "target": self.target, "text": self.text,
                "coder": self.coder, "at": self.at}


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(text) > MAX_MEMO_CHARS:
        raise QualcodeError(f"memo: {len(text):,} characters (at most {MAX_MEMO_CHARS:,})")
    return text


def _own_memo(session: Session, document_id: int | None, code_id: int | None) -> Memo | None:
    query = select(Memo).where(Memo.start.is_(None))
    query = query.where(Memo.document_id == document_id if document_id is not None
                        else Memo.document_id.is_(None))
    query = query.where(Memo.code_id == code_id if code_id is not None
                        else Memo.code_id.is_(None))
    return session.scalars(query.order_by(Memo.id).limit(1)).first()


def set_memo(changes: ChangeSet, on: str, target: str | int | None, text: str,
             coder: str) -> str:
    """Write the memo on ``on`` (project, document, code or coding) ``target``.

    ``target`` is a document name (or unique prefix), a code path or unique
    name, a coding id, or None for the project. Returns what the memo is on,
    as shown to the user (``"document HA01"``).
    """
    if on not in TARGETS:
        raise QualcodeError(f"memo: on {on!r}? use one of {', '.join(TARGETS)}")
    text = _clean(text)
    session = changes.session
    if on == "coding":
        try:
            coding_id = int(target)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise QualcodeError(f"coding {target!r}: not a coding id") from None
        coding = session.get(Coding, coding_id)
        if coding is None:
            raise NotFoundError(f"coding {coding_id}: no such coding")
        if coding.memo == text:
            raise QualcodeError(f"coding {coding_id}: the memo is already this text")
        changes.summary = f"memo on coding {coding_id}"
        changes.update(coding, memo=text)
        return f"coding {coding_id}"
    document_id = code_id = None
    label = "the project"
    if on == "document":
        if target is None:
            raise QualcodeError("memo: which document? (--doc NAME)")
        row = document_row(session, str(target))
        document_id, label = row.id, f"document {row.name}"
    elif on == "code":
        if target is None:
            raise QualcodeError("memo: which code? (--code PATH)")
        code = resolve(code_tree(session), str(target))
        code_id, label = code.id, f"code {code.path_text}"
    changes.summary = f"memo on {label}"
    memo = _own_memo(session, document_id, code_id)
    if memo is None:
        if not text:
            raise QualcodeError(f"{label}: has no memo to remove")
        changes.add(Memo(document_id=document_id, code_id=code_id, text=text,
                         author=coder, created_at=utcnow()))
    elif not text:
        changes.summary = f"remove the memo on {label}"
        changes.delete(memo)
    elif memo.text == text:
        raise QualcodeError(f"{label}: the memo is already this text")
    else:
        changes.update(memo, text=text, author=coder, created_at=utcnow())
    return label


def memo_of(session: Session, on: str, target: str | int | None = None) -> str:
    """The text of the memo on one target ("" when there is none)."""
    if on == "coding":
        coding = session.get(Coding, int(target))  # type: ignore[arg-type]
        if coding is None:
            raise NotFoundError(f"coding {target}: no such coding")
        return coding.memo
    document_id = document_row(session, str(target)).id if on == "document" else None
    code_id = resolve(code_tree(session), str(target)).id if on == "code" else None
    memo = _own_memo(session, document_id, code_id)
    return memo.text if memo else ""


def _at(value: Any) -> str:
    return value.isoformat(timespec="seconds") if value is not None else ""


def memo_entries(session: Session) -> list[MemoEntry]:
    """Every memo: the project's, then documents' (interview order), codes', codings'."""
    paths = {code.id: code.path_text for code in code_tree(session)}
    order = {code_id: index for index, code_id in enumerate(paths)}
    documents = {row.id: (row.interview_order, row.name) for row in session.execute(
        select(Document.id, Document.interview_order, Document.name))}
    project: list[MemoEntry] = []
    on_documents: list[tuple[Any, MemoEntry]] = []
    on_codes: list[tuple[Any, MemoEntry]] = []
    for memo in session.scalars(select(Memo).order_by(Memo.id)):
        at = _at(memo.created_at)
        if memo.document_id is not None:
            place, name = documents[memo.document_id]
            on_documents.append(((place, memo.start if memo.start is not None else -1,
                                  memo.id), MemoEntry("document", name, memo.text,
                                                      memo.author, at, memo.start, memo.end)))
        elif memo.code_id is not None:
            on_codes.append(((order.get(memo.code_id, 0), memo.id), MemoEntry(
                "code", paths.get(memo.code_id, ""), memo.text, memo.author, at)))
        else:
            project.append(MemoEntry("project", None, memo.text, memo.author, at))
    codings = [
        ((documents[document_id][0], start, coding_id), MemoEntry(
            "coding", coding_id, memo, coder, _at(created)))
        for coding_id, document_id, start, memo, coder, created in session.execute(
            select(Coding.id, Coding.document_id, Coding.start, Coding.memo, Coder.name,
                   Coding.created_at)
            .join(Coder, Coding.coder_id == Coder.id)
            .where(Coding.memo != "")
        )
    ]
    return [*project, *(e for _, e in sorted(on_documents, key=lambda p: p[0])),
            *(e for _, e in sorted(on_codes, key=lambda p: p[0])),
            *(e for _, e in sorted(codings, key=lambda p: p[0]))]


__all__ = ["TARGETS", "MemoEntry", "memo_entries", "memo_of", "set_memo"]
