"""Read queries that turn rows into value objects.

Kept apart from the service so that the service reads as a list of
operations. Each function takes an open session and returns detached values.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from qualcode.model import (
    Attribute,
    Case,
    CaseValue,
    Code,
    Coder,
    Coding,
    Document,
    Event,
    Memo,
    Sentence,
    Speaker,
    Turn,
)
from qualcode.positions import TurnIndex
from qualcode.project.codetree import code_tree
from qualcode.project.speakers import document_voices
from qualcode.project.values import (
    CaseInfo,
    CodeInfo,
    CodingInfo,
    DocumentInfo,
    DocumentText,
    EventInfo,
    MemoInfo,
    TurnInfo,
)
from qualcode.spans import length
from qualcode.voices import Voices


def event_info(row: Event) -> EventInfo:
    return EventInfo(
        id=row.id,
        kind=row.kind,
        summary=row.summary,
        coder=row.coder,
        state=row.state,
        undoable=row.undoable,
        at=row.at.isoformat(timespec="seconds"),
    )


def _count_by_document(session: Session, column: InstrumentedAttribute[int]) -> dict[int, int]:
    return {key: count for key, count in session.execute(
        select(column, func.count()).group_by(column)
    )}


def documents(session: Session) -> list[DocumentInfo]:
    turns = _count_by_document(session, Turn.document_id)
    sentences = _count_by_document(session, Sentence.document_id)
    codings = _count_by_document(session, Coding.document_id)
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for document_id, start, end in session.execute(
        select(Coding.document_id, Coding.start, Coding.end)
    ):
        spans[document_id].append((start, end))
    case_names = dict(session.execute(select(Case.id, Case.name)).all())
    rows = session.execute(
        select(
            Document.id,
            Document.guid,
            Document.name,
            Document.case_id,
            Document.interview_order,
            func.length(Document.text),
            Document.format,
            Document.encoding,
            Document.source_name,
            Document.interview_date,
            Document.word_count,
            Document.status,
        ).order_by(Document.interview_order, Document.id)
    ).all()
    return [
        DocumentInfo(
            id=row[0],
            guid=row[1],
            name=row[2],
            case=case_names.get(row[3]) if row[3] is not None else None,
            order=row[4],
            chars=row[5],
            words=row[10],
            turns=turns.get(row[0], 0),
            sentences=sentences.get(row[0], 0),
            codings=codings.get(row[0], 0),
            coded_chars=length(spans.get(row[0], [])),
            format=row[6],
            encoding=row[7],
            source_name=row[8],
            interview_date=row[9],
            status=row[11],
        )
        for row in rows
    ]


def document_text(session: Session, document: Document) -> DocumentText:
    turns = session.execute(
        select(Turn.speaker, Turn.role, Turn.start, Turn.end, Turn.timestamp, Turn.time)
        .where(Turn.document_id == document.id)
        .order_by(Turn.start)
    ).all()
    sentences = session.execute(
        select(Sentence.start, Sentence.end)
        .where(Sentence.document_id == document.id)
        .order_by(Sentence.start)
    ).all()
    return DocumentText(
        id=document.id,
        name=document.name,
        case=document.case.name if document.case else None,
        text=document.text,
        turns=tuple(TurnInfo(*row) for row in turns),
        sentences=tuple((s, e) for s, e in sentences),
        status=document.status,
        voices=document_voices(session, [document.id])[document.id],
    )


def coder_names(session: Session) -> list[str]:
    """Sorted by code point in Python: a PostgreSQL server's collation (en_US, nl_BE...)
    would order names differently from SQLite, and both must give the same lists."""
    return sorted(session.scalars(select(Coder.name)))


def codings(
    session: Session,
    *,
    document_id: int | None = None,
    code_ids: set[int] | None = None,
    coder: str | None = None,
    coding_id: int | None = None,
    tree: Mapping[int, CodeInfo] | None = None,
    text: str | None = None,
    voices: Voices | None = None,
) -> list[CodingInfo]:
    """Codings in interview order, then by position; plain column rows (fast for exports).

    ``tree`` (code id -> code), ``text`` and ``voices`` (the one document's
    text and speakers) save re-reading them when the caller already has them.
    ``case`` is whom the coding counts for (:mod:`qualcode.voices`): its
    speaker's participant in a group interview, else the document's.
    """
    if tree is None:
        tree = {code.id: code for code in code_tree(session)}
    query = (
        select(
            Coding.id, Coding.guid, Coding.document_id, Coding.code_id, Coding.start,
            Coding.end, Coding.memo, Document.name, Case.name, Coder.name,
        )
        .join(Document, Coding.document_id == Document.id)
        .outerjoin(Case, Document.case_id == Case.id)
        .join(Coder, Coding.coder_id == Coder.id)
        .order_by(Document.interview_order, Coding.start, Coding.end, Coding.id)
    )
    if document_id is not None:
        query = query.where(Coding.document_id == document_id)
    if code_ids is not None:
        query = query.where(Coding.code_id.in_(code_ids))
    if coder is not None:
        query = query.where(Coder.name == coder)
    if coding_id is not None:
        query = query.where(Coding.id == coding_id)
    texts: dict[int, str] = {}
    places: dict[int, TurnIndex] = {}
    speaking: dict[int, Voices] = {}
    if text is not None and document_id is not None:
        texts[document_id] = text
    if voices is not None and document_id is not None:
        speaking[document_id] = voices
    rows = session.execute(query).all()
    unread = {row[2] for row in rows} - speaking.keys()
    if unread:
        speaking.update(document_voices(session, unread))
    result: list[CodingInfo] = []
    for (row_id, guid, doc_id, code_id, start, end, memo, document_name, case_name,
         coder_name) in rows:
        body = texts.get(doc_id)
        if body is None:
            body = texts[doc_id] = (
                session.scalar(select(Document.text).where(Document.id == doc_id)) or ""
            )
        place = places.get(doc_id)
        if place is None:
            place = places[doc_id] = turn_positions(session, doc_id)
        position = place.position(start)
        who = speaking[doc_id]
        code = tree[code_id]
        result.append(
            CodingInfo(
                id=row_id,
                guid=guid,
                document=document_name,
                document_id=doc_id,
                case=who.explicit_at(start) or case_name,
                code_id=code_id,
                code_path=code.path,
                start=start,
                end=end,
                text=body[start:end],
                coder=coder_name,
                memo=memo,
                color=code.color,
                turn=position.turn,
                time=position.time,
            )
        )
    return result


def turn_positions(session: Session, document_id: int) -> TurnIndex:
    """Where each turn of a document starts, and its time: to place codings by turn."""
    rows = session.execute(
        select(Turn.start, Turn.time).where(Turn.document_id == document_id).order_by(Turn.start)
    ).all()
    return TurnIndex([start for start, _ in rows], [time for _, time in rows])


def codings_by_document(
    session: Session, *, coder: str | None = None
) -> Iterator[tuple[DocumentText, list[CodingInfo]]]:
    """Each document in interview order with its codings: one code tree, each text read once.

    Holds one transcript's rows at a time, so a large project streams through.
    """
    tree = {code.id: code for code in code_tree(session)}
    for document in session.scalars(
        select(Document).order_by(Document.interview_order, Document.id)
    ):
        text = document_text(session, document)
        yield text, codings(
            session, document_id=document.id, coder=coder, tree=tree, text=text.text,
            voices=text.voices,
        )
        session.expunge(document)


def typed_value(kind: str, value: str | None) -> str | float | int | None:
    """A stored attribute value as its type: numbers as int/float, others as text."""
    if value is None or value == "":
        return None
    if kind == "number":
        number = float(value.replace(",", "."))
        return int(number) if number.is_integer() else number
    return value


def cases(session: Session) -> list[CaseInfo]:
    attributes = {
        a.id: a for a in session.scalars(select(Attribute).order_by(Attribute.sort_order))
    }
    # a case's documents: its own, and those where a speaker label speaks for it (a group
    # interview), in interview order
    documents_by_case: dict[int, list[str]] = defaultdict(list)
    own = select(Document.case_id, Document.name, Document.interview_order)
    spoken = select(Speaker.case_id, Document.name, Document.interview_order).join(
        Document, Speaker.document_id == Document.id)
    for case_id, name, _ in sorted(session.execute(own.union(spoken)), key=lambda r: (r[2], r[1])):
        if case_id is not None and name not in documents_by_case[case_id]:
            documents_by_case[case_id].append(name)
    values: dict[int, dict[int, str | None]] = defaultdict(dict)
    for row in session.scalars(select(CaseValue)):
        values[row.case_id][row.attribute_id] = row.value
    result = []
    for case in sorted(session.scalars(select(Case)), key=lambda row: row.name):  # see coder_names
        attrs = {
            attribute.name: typed_value(attribute.type, values[case.id].get(attribute_id))
            for attribute_id, attribute in attributes.items()
            if attribute_id in values[case.id]
        }
        result.append(
            CaseInfo(
                name=case.name,
                guid=case.guid,
                attributes=attrs,
                documents=tuple(documents_by_case.get(case.id, [])),
            )
        )
    return result


def memos(session: Session, document_id: int | None) -> list[MemoInfo]:
    query = select(Memo, Document.name).outerjoin(Document, Memo.document_id == Document.id)
    if document_id is not None:
        query = query.where(Memo.document_id == document_id)
    return [
        MemoInfo(memo.id, name, memo.start, memo.end, memo.author, memo.text)
        for memo, name in session.execute(query.order_by(Memo.id))
    ]


def counts(session: Session) -> dict[str, int]:
    return {
        "documents": session.scalar(select(func.count()).select_from(Document)) or 0,
        "cases": session.scalar(select(func.count()).select_from(Case)) or 0,
        "codes": session.scalar(select(func.count()).select_from(Code)) or 0,
        "codings": session.scalar(select(func.count()).select_from(Coding)) or 0,
        "coders": session.scalar(select(func.count()).select_from(Coder)) or 0,
    }
