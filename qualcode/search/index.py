"""A word index kept inside the project, so a search over a whole study is fast.

For every document it holds, per stem, the positions where a word with that
stem occurs (word number, start, end). It is derived data: built from the
stored texts on the first search, brought up to date on each later search for
documents whose text or language changed, and dropped for documents that are
gone. It lives in its own tables (``search_term``, ``search_source``), created
on first use and not part of the schema version, because it can be rebuilt
from the texts at any time. Nothing in it is ever shown without checking it
against the stored text.

When the project cannot be written (a read-only file, a busy writer), the
index of the documents concerned is built in memory for this search only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Integer, MetaData, String, Text, delete, insert, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from qualcode.model import Document
from qualcode.search.text import stemmer, words

#: Bumped whenever tokenising or stemming changes, so old indexes are rebuilt.
INDEX_VERSION = 1

Posting = tuple[int, int, int]  # word number, start, end


class IndexBase(DeclarativeBase):
    metadata = MetaData()


class SearchTerm(IndexBase):
    __tablename__ = "search_term"
    document_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    term: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)
    postings: Mapped[str] = mapped_column(Text)


class SearchSource(IndexBase):
    __tablename__ = "search_source"
    document_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(16))
    version: Mapped[int] = mapped_column(Integer)


def encode(postings: Iterable[Posting]) -> str:
    return " ".join(f"{n},{s},{e}" for n, s, e in postings)


def decode(text: str) -> list[Posting]:
    result: list[Posting] = []
    for item in text.split():
        n, s, e = item.split(",")
        result.append((int(n), int(s), int(e)))
    return result


def index_text(text: str, language: str) -> dict[str, list[Posting]]:
    """stem -> postings for one text."""
    found = list(words(text))
    stems = stemmer(language)([w for _, _, w in found])
    terms: dict[str, list[Posting]] = defaultdict(list)
    for number, ((start, end, _), stem) in enumerate(zip(found, stems, strict=True)):
        terms[stem[:200]].append((number, start, end))
    return terms


@dataclass
class WordIndex:
    """The postings a search needs, read from the project or built in memory."""

    language: str
    memory: dict[int, dict[str, list[Posting]]] = field(default_factory=dict)

    def postings(
        self, session: Session, terms: set[str], document_ids: set[int] | None
    ) -> dict[int, dict[str, list[Posting]]]:
        """document id -> stem -> postings, for documents holding any of ``terms``."""
        result: dict[int, dict[str, list[Posting]]] = defaultdict(dict)
        if terms:
            query = select(SearchTerm.document_id, SearchTerm.term, SearchTerm.postings).where(
                SearchTerm.term.in_(sorted(terms))
            )
            if document_ids is not None:
                query = query.where(SearchTerm.document_id.in_(sorted(document_ids)))
            for document_id, term, text in session.execute(query):
                if document_id not in self.memory:
                    result[document_id][term] = decode(text)
        for document_id, by_term in self.memory.items():
            if document_ids is not None and document_id not in document_ids:
                continue
            for term in terms & by_term.keys():
                result[document_id][term] = by_term[term]
        return result


def refresh(session: Session, language: str) -> WordIndex:
    """Bring the stored index up to date; what cannot be stored is kept in memory."""
    documents = dict(session.execute(select(Document.id, Document.sha256)).all())
    index = WordIndex(language)
    try:
        IndexBase.metadata.create_all(session.connection())
        session.commit()
        stored = True
    except DBAPIError:
        session.rollback()
        stored = False
    sources = (
        {
            row.document_id: (row.sha256, row.language, row.version)
            for row in session.execute(
                select(SearchSource.document_id, SearchSource.sha256, SearchSource.language,
                       SearchSource.version)
            )
        }
        if stored
        else {}
    )
    stale = [
        document_id
        for document_id, sha256 in documents.items()
        if sources.get(document_id) != (sha256, language, INDEX_VERSION)
    ]
    gone = [document_id for document_id in sources if document_id not in documents]
    if not stale and not gone:
        return index
    built: dict[int, dict[str, list[Posting]]] = {}
    for document_id in stale:
        text = session.scalar(select(Document.text).where(Document.id == document_id)) or ""
        built[document_id] = index_text(text, language)
    if not stored:
        index.memory = built
        return index
    session.commit()
    try:
        with session.begin():
            changed = stale + gone
            session.execute(delete(SearchTerm).where(SearchTerm.document_id.in_(changed)))
            session.execute(delete(SearchSource).where(SearchSource.document_id.in_(changed)))
            rows = [
                {"document_id": document_id, "term": term, "postings": encode(postings)}
                for document_id, terms in built.items()
                for term, postings in terms.items()
            ]
            if rows:
                session.execute(insert(SearchTerm), rows)
            if built:
                session.execute(
                    insert(SearchSource),
                    [
                        {"document_id": document_id, "sha256": documents[document_id],
                         "language": language, "version": INDEX_VERSION}
                        for document_id in built
                    ],
                )
    except DBAPIError:
        index.memory = built
    return index
