"""Replacing originals by pseudonyms everywhere in a project, in one transaction.

What changes, and why each part is needed for "no original remains":

* document texts (codings, turns, sentences and anchored memos re-anchored
  so they cover the same words), names and source file names;
* speaker labels, participant names and descriptions, attribute values,
  memos, code names and texts (examples are quotes), settings;
* the event log: summaries are scrubbed and the recorded row changes (which
  hold old texts) are emptied, so the history before this point can no
  longer be undone — pseudonymisation is one-way;
* the search index (stems of names) is dropped, to be rebuilt.

Afterwards :func:`qualcode.store_maintenance.scrub` rewrites the database file and
empties the ``-wal`` file, so freed pages keep no copy either.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import inspect, select, text, update
from sqlalchemy.orm import Session

from qualcode.model import (
    Attribute,
    Case,
    CaseValue,
    Code,
    Coding,
    Document,
    Event,
    Memo,
    Sentence,
    Setting,
    Speaker,
    Turn,
    utcnow,
)
from qualcode.words import count_words


@dataclass(frozen=True)
class ChangedCoding:
    """A coding whose text contained a replaced item (it now reads differently)."""

    id: int
    document: str
    text: str


@dataclass
class PseudonymReport:
    items: int = 0
    replacements: int = 0
    documents: int = 0
    codings_changed: list[ChangedCoding] = field(default_factory=list)


class Rewrite:
    """One text with its replacements, and how old offsets map to new ones."""

    def __init__(self, original: str, pattern: re.Pattern[str], mapping: dict[str, str]) -> None:
        self.old_starts: list[int] = []
        self.old_ends: list[int] = []
        self.new_starts: list[int] = []
        self.new_ends: list[int] = []
        pieces: list[str] = []
        last = 0
        length = 0
        for match in pattern.finditer(original):
            pieces.append(original[last:match.start()])
            length += match.start() - last
            replacement = mapping[match.group()]
            self.old_starts.append(match.start())
            self.old_ends.append(match.end())
            self.new_starts.append(length)
            length += len(replacement)
            self.new_ends.append(length)
            pieces.append(replacement)
            last = match.end()
        pieces.append(original[last:])
        self.text = "".join(pieces)

    @property
    def count(self) -> int:
        return len(self.old_starts)

    def position(self, offset: int, *, is_end: bool) -> int:
        """Where ``offset`` lands: inside a replaced item, at its new start (or end)."""
        index = bisect.bisect_right(self.old_starts, offset) - 1
        if index >= 0 and offset < self.old_ends[index] and offset > self.old_starts[index]:
            return self.new_ends[index] if is_end else self.new_starts[index]
        if index >= 0 and offset >= self.old_ends[index]:
            return self.new_ends[index] + (offset - self.old_ends[index])
        if index >= 0 and offset == self.old_starts[index]:
            return self.new_starts[index]
        return offset

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.position(start, is_end=False), self.position(end, is_end=True)

    def touches(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.old_ends, start + 1)
        return index < len(self.old_starts) and self.old_starts[index] < end


def apply_pairs(
    session: Session, pairs: Sequence[tuple[str, str]], pattern: re.Pattern[str]
) -> PseudonymReport:
    mapping = dict(pairs)
    report = PseudonymReport(items=len(mapping))

    def scrub(value: str | None) -> str | None:
        return pattern.sub(lambda m: mapping[m.group()], value) if value else value

    for document in session.scalars(select(Document)).all():
        rewrite = Rewrite(document.text, pattern, mapping)
        new_name = scrub(document.name) or document.name
        if rewrite.count == 0 and new_name == document.name:
            document.source_name = scrub(document.source_name) or ""
            continue
        report.documents += 1
        report.replacements += rewrite.count
        for coding in session.scalars(select(Coding).where(Coding.document_id == document.id)):
            start, end = rewrite.span(coding.start, coding.end)
            if rewrite.touches(coding.start, coding.end):
                report.codings_changed.append(
                    ChangedCoding(coding.id, new_name, rewrite.text[start:end])
                )
            coding.start, coding.end = start, max(end, start + 1)
        for row in (*session.scalars(select(Turn).where(Turn.document_id == document.id)),
                    *session.scalars(select(Sentence).where(Sentence.document_id == document.id))):
            row.start, row.end = rewrite.span(row.start, row.end)
        for memo in session.scalars(select(Memo).where(Memo.document_id == document.id)):
            if memo.start is not None and memo.end is not None:
                memo.start, memo.end = rewrite.span(memo.start, memo.end)
        document.text = rewrite.text
        document.sha256 = hashlib.sha256(rewrite.text.encode("utf-8")).hexdigest()
        document.word_count = count_words(rewrite.text)
        document.name = new_name
        document.source_name = scrub(document.source_name) or ""
    for turn in session.scalars(select(Turn)):
        turn.speaker = scrub(turn.speaker) or turn.speaker
    _scrub_speakers(session, scrub)
    for case in session.scalars(select(Case)):
        case.name = scrub(case.name) or case.name
        case.description = scrub(case.description) or ""
    for value in session.scalars(select(CaseValue)):
        value.value = scrub(value.value)
    for attribute in session.scalars(select(Attribute)):
        attribute.name = scrub(attribute.name) or attribute.name
    for code in session.scalars(select(Code)):
        code.name = scrub(code.name) or code.name
        for column in ("description", "inclusion", "exclusion", "example"):
            setattr(code, column, scrub(getattr(code, column)) or "")
    for coding in session.scalars(select(Coding).where(Coding.memo != "")):
        coding.memo = scrub(coding.memo) or ""
    for memo in session.scalars(select(Memo)):
        memo.text = scrub(memo.text) or ""
        memo.title = scrub(memo.title) or ""
        memo.author = scrub(memo.author) or ""
    for setting in session.scalars(select(Setting)):
        setting.value = scrub(setting.value) or ""
    for event in session.scalars(select(Event)):
        event.summary = scrub(event.summary) or ""
    session.execute(update(Event).values(changes="[]", undoable=False))
    session.execute(update(Event).where(Event.state != "done").values(state="dropped"))
    tables = set(inspect(session.connection()).get_table_names())
    for table in ("search_term", "search_source"):
        if table in tables:
            session.execute(text(f"DELETE FROM {table}"))
    session.flush()
    texts = {d.id: d.text for d in session.scalars(select(Document))}
    for coding_id, start, end, document_id in session.execute(
        select(Coding.id, Coding.start, Coding.end, Coding.document_id)
    ):
        if not 0 <= start < end <= len(texts[document_id]):
            raise AssertionError(f"coding {coding_id} lost its anchor")
    session.merge(Setting(key="pseudonymised_at", value=utcnow().strftime("%Y-%m-%d %H:%M UTC")))
    return report


def _scrub_speakers(session: Session, scrub: Callable[[str | None], str | None]) -> None:
    """Speaker labels and legend names, as the turns' labels (two labels that become
    one pseudonym in a document become one speaker row)."""
    seen: set[tuple[int, str]] = set()
    for speaker in session.scalars(select(Speaker).order_by(Speaker.id)).all():
        label = scrub(speaker.label) or speaker.label
        if (speaker.document_id, label) in seen:
            session.delete(speaker)
            continue
        seen.add((speaker.document_id, label))
        speaker.label, speaker.name = label, scrub(speaker.name) or ""
