"""Changing the project's language: sentences are split again with the new rules.

Only sentence boundaries depend on the language; the text, turns and codings
do not, so every coding keeps its offsets. Splitting runs before the
transaction opens (spaCy takes a moment); the new language and all new
sentences are then written in one change. The change is logged but not
undoable (its undo would store every sentence of the project in the log):
``qualcode language P OLD`` splits them back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, select

from qualcode.errors import QualcodeError
from qualcode.ingest.model import TurnSpan
from qualcode.model import Document, Sentence, Setting, Turn

if TYPE_CHECKING:
    from qualcode.project.service import Project


def set_language(self: Project, code: str) -> int:
    """Make ``code`` the project's language and split every document again.

    Returns the number of documents split. Refuses a code spaCy cannot
    handle (listing the valid ones) with nothing changed.
    """
    from qualcode.language import check_language
    from qualcode.nlp import split_many

    code = check_language(code)
    if code == self.language:
        raise QualcodeError(f"language {code!r}: the project's language already")
    with self.read() as session:
        documents = session.execute(select(Document.id, Document.text)).all()
        turns: dict[int, list[TurnSpan]] = {}
        for document_id, speaker, role, start, end, timestamp in session.execute(
            select(Turn.document_id, Turn.speaker, Turn.role, Turn.start, Turn.end,
                   Turn.timestamp).order_by(Turn.document_id, Turn.start)
        ):
            turns.setdefault(document_id, []).append(
                TurnSpan(start, end, speaker, role, timestamp))
    spans = split_many([(text, turns.get(document_id, [])) for document_id, text in documents],
                       code) if documents else []
    old = self.language
    with self.change("language", f"language {old} -> {code}", undoable=False) as changes:
        session = changes.session
        row = session.get(Setting, "language")
        if row is None:
            session.add(Setting(key="language", value=code))
        else:
            row.value = code
        session.execute(delete(Sentence))
        rows = [
            {"document_id": document_id, "start": start, "end": end}
            for (document_id, _), sentences in zip(documents, spans, strict=True)
            for start, end in sentences
        ]
        if rows:
            session.execute(insert(Sentence.__table__), rows)
        changes.summary = (
            f"language {old} -> {code}: sentences of {len(documents)} documents split again"
        )
    return len(documents)
