"""Finding a word or phrase in every document of a study.

Three ways of matching, each giving exact code-point spans into the stored
text:

* ``stem`` (the default): every word of the query matches any word with the
  same stem in the project's language, ignoring case and accents; the words of
  a phrase must follow each other (punctuation and line breaks between them
  are allowed). "belast" finds belasting, belastend, belastende.
* ``exact``: the query as typed, as whole words, ignoring case but not accents.
* ``regex``: a Python regular expression, ignoring case (``(?-i:...)`` to
  respect it), over each document's text.

Filters narrow the hits to speaker roles, documents, participants with an
attribute value, and passages coded with a code (the hit inside the coding).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qualcode.errors import QualcodeError
from qualcode.model import Attribute, Case, CaseValue, Coding, Document, Sentence, Turn
from qualcode.search.index import Posting, refresh
from qualcode.search.text import fold, stemmer, words

MODES = ("stem", "exact", "regex")
ROLES = ("interviewer", "respondent", "unknown")


@dataclass(frozen=True)
class SearchQuery:
    text: str
    mode: str = "stem"
    roles: tuple[str, ...] = ()
    document_ids: frozenset[int] | None = None
    attributes: Mapping[str, str] = field(default_factory=dict)
    in_code_ids: frozenset[int] | None = None


@dataclass(frozen=True)
class SearchHit:
    """One place a query matched, with what a person needs to find it again."""

    document: str
    case: str | None
    start: int
    end: int
    text: str
    turn: int | None
    time: float | None
    speaker: str | None
    role: str | None
    context_start: int
    context: str

    def to_json(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "case": self.case,
            "turn": self.turn,
            "time": self.time,
            "speaker": self.speaker,
            "role": self.role,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "context": self.context,
            "context_start": self.context_start,
        }


def _phrase_spans(
    by_term: Mapping[str, list[Posting]], stems: Sequence[str]
) -> list[tuple[int, int]]:
    first = by_term.get(stems[0], [])
    if len(stems) == 1:
        return [(s, e) for _, s, e in first]
    later = [{n: (s, e) for n, s, e in by_term.get(stem, [])} for stem in stems[1:]]
    spans = []
    for number, start, _ in first:
        end = None
        for offset, positions in enumerate(later, start=1):
            found = positions.get(number + offset)
            if found is None:
                break
            end = found[1]
        else:
            spans.append((start, end if end is not None else start))
    return spans


def _exact_pattern(text: str) -> re.Pattern[str]:
    parts = [re.escape(part) for part in re.findall(r"\w+(?:['’]\w+)*", text)]
    if not parts:
        raise QualcodeError(f"search: {text!r} has no words to search for")
    return re.compile(r"(?<!\w)" + r"\W+".join(parts) + r"(?!\w)", re.IGNORECASE)


def _regex_pattern(text: str) -> re.Pattern[str]:
    try:
        return re.compile(text, re.IGNORECASE | re.MULTILINE)
    except re.error as exc:
        raise QualcodeError(f"search: {text!r} is not a valid regular expression: {exc}") from None


def _allowed_documents(session: Session, query: SearchQuery) -> set[int] | None:
    allowed: set[int] | None = set(query.document_ids) if query.document_ids is not None else None
    for name, value in query.attributes.items():
        rows = session.execute(
            select(Document.id, CaseValue.value)
            .join(Case, Case.id == Document.case_id)
            .join(CaseValue, CaseValue.case_id == Case.id)
            .join(Attribute, Attribute.id == CaseValue.attribute_id)
            .where(Attribute.name == name)
        ).all()
        if not rows and session.scalar(select(Attribute.id).where(Attribute.name == name)) is None:
            raise QualcodeError(f"attribute {name!r}: no such participant attribute")
        matching = {doc for doc, stored in rows if fold(stored or "") == fold(value)}
        allowed = matching if allowed is None else allowed & matching
    return allowed


def _candidate_spans(
    session: Session, language: str, query: SearchQuery, allowed: set[int] | None
) -> dict[int, list[tuple[int, int]]]:
    if query.mode not in MODES:
        raise QualcodeError(f"search: unknown mode {query.mode!r}")
    if query.mode == "regex":
        pattern = _regex_pattern(query.text)
        statement = select(Document.id, Document.text)
        if allowed is not None:
            statement = statement.where(Document.id.in_(sorted(allowed)))
        return {
            document_id: [m.span() for m in pattern.finditer(text) if m.end() > m.start()]
            for document_id, text in session.execute(statement)
        }
    query_words = [w for _, _, w in words(query.text)]
    if not query_words:
        raise QualcodeError(f"search: {query.text!r} has no words to search for")
    stems = stemmer(language)(query_words)
    postings = refresh(session, language).postings(session, set(stems), allowed)
    spans = {
        document_id: _phrase_spans(by_term, stems)
        for document_id, by_term in postings.items()
        if all(stem in by_term for stem in stems)
    }
    if query.mode == "exact":
        pattern = _exact_pattern(query.text)
        candidates = sorted(document_id for document_id, found in spans.items() if found)
        texts = session.execute(
            select(Document.id, Document.text).where(Document.id.in_(candidates))
        )
        spans = {document_id: [m.span() for m in pattern.finditer(text)]
                 for document_id, text in texts}
    return spans


def search(session: Session, language: str, query: SearchQuery) -> list[SearchHit]:
    """Every hit of ``query``, in interview order and then text order."""
    allowed = _allowed_documents(session, query)
    spans = _candidate_spans(session, language, query, allowed)
    spans = {document_id: found for document_id, found in spans.items() if found}
    if not spans:
        return []
    documents = session.execute(
        select(Document.id, Document.name, Document.text, Case.name, Document.interview_order)
        .outerjoin(Case, Case.id == Document.case_id)
        .where(Document.id.in_(sorted(spans)))
        .order_by(Document.interview_order, Document.id)
    ).all()
    hits: list[SearchHit] = []
    for document_id, name, text, case, _ in documents:
        turns = session.execute(
            select(Turn.start, Turn.end, Turn.speaker, Turn.role, Turn.time)
            .where(Turn.document_id == document_id)
            .order_by(Turn.start)
        ).all()
        sentences = session.execute(
            select(Sentence.start, Sentence.end)
            .where(Sentence.document_id == document_id)
            .order_by(Sentence.start)
        ).all()
        coded = (
            session.execute(
                select(Coding.start, Coding.end).where(
                    Coding.document_id == document_id, Coding.code_id.in_(query.in_code_ids)
                )
            ).all()
            if query.in_code_ids is not None
            else None
        )
        turn_starts = [t.start for t in turns]
        sentence_starts = [s.start for s in sentences]
        for start, end in sorted(set(spans[document_id])):
            if end > len(text):
                continue
            position = bisect.bisect_right(turn_starts, start) - 1
            turn = turns[position] if position >= 0 and start < turns[position].end else None
            if query.roles and (turn is None or turn.role not in query.roles):
                continue
            if coded is not None and not any(s <= start and end <= e for s, e in coded):
                continue
            context_start, context_end = _sentence_around(
                sentences, sentence_starts, start, end, len(text)
            )
            hits.append(
                SearchHit(
                    document=name,
                    case=case,
                    start=start,
                    end=end,
                    text=text[start:end],
                    turn=position + 1 if turn is not None else None,
                    time=turn.time if turn is not None else None,
                    speaker=turn.speaker if turn is not None else None,
                    role=turn.role if turn is not None else None,
                    context_start=context_start,
                    context=text[context_start:context_end],
                )
            )
    return hits


def _sentence_around(
    sentences: Sequence[Any], starts: list[int], start: int, end: int, length: int
) -> tuple[int, int]:
    """The sentences that hold ``start:end`` (or the hit itself when none does)."""
    first = bisect.bisect_right(starts, start) - 1
    if first < 0 or sentences[first].end <= start:
        return start, end
    last = bisect.bisect_left(starts, end) - 1
    last = max(last, first)
    return sentences[first].start, min(max(sentences[last].end, end), length)
