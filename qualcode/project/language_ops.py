"""Changing the project's language: sentences are split again with the new rules.

Only sentence boundaries depend on the language; the text, turns and codings
do not, so every coding keeps its offsets. Splitting runs before the
transaction opens (spaCy takes a moment); the new language and all new
sentences are then written in one change. The change is logged but not
undoable (its undo would store every sentence of the project in the log):
``qualcode language P OLD`` splits them back.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from qualcode.ingest.model import TurnSpan
from qualcode.model import Document, Sentence, Setting, Turn


def read_turns(session: Session) -> list[tuple[int, str, list[TurnSpan]]]:
    """Every document's id, text and turns: what splitting sentences again needs."""
    turns: dict[int, list[TurnSpan]] = {}
    for document_id, speaker, role, start, end, timestamp in session.execute(
        select(Turn.document_id, Turn.speaker, Turn.role, Turn.start, Turn.end,
               Turn.timestamp).order_by(Turn.document_id, Turn.start)
    ):
        turns.setdefault(document_id, []).append(TurnSpan(start, end, speaker, role, timestamp))
    return [(document_id, text, turns.get(document_id, []))
            for document_id, text in session.execute(select(Document.id, Document.text))]


def store_language(session: Session, code: str,
                   sentences: dict[int, Sequence[tuple[int, int]]]) -> None:
    """Write the new language and replace every document's sentences (in the open change)."""
    row = session.get(Setting, "language")
    if row is None:
        session.add(Setting(key="language", value=code))
    else:
        row.value = code
    session.execute(delete(Sentence))
    rows = [{"document_id": document_id, "start": start, "end": end}
            for document_id, spans in sentences.items() for start, end in spans]
    if rows:
        session.execute(insert(Sentence), rows)
