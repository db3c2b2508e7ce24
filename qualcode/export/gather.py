"""Everything an export needs, read once through the Project API.

Reading is one pass of ``Project.codings_by_document`` (one code tree, each
text read once), so a project with 100,000 codings never holds more than one
transcript's database rows at a time; what is kept is one small
:class:`Quote` per coding. The writers (xlsx, csv, md, docx) share this
picture, so their numbers always agree.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

from qualcode.errors import NotFoundError
from qualcode.export.figures import (
    AgreementSet,
    CodeFigures,
    agreement_reports,
    code_figures,
    saturation_results,
    snapshot_of_export,
)
from qualcode.positions import format_position

if TYPE_CHECKING:
    from qualcode.analysis.saturation import SaturationResult, SaturationRow
    from qualcode.analysis.snapshot import TurnRef
    from qualcode.export.wording import Wording
    from qualcode.project import Project
    from qualcode.project.memos import MemoEntry
    from qualcode.project.values import (
        CaseInfo,
        CodeInfo,
        CodingInfo,
        DocumentInfo,
        DocumentText,
    )

Progress = Callable[[float, str], None]
AttributeValue = str | float | int | None


@dataclass(frozen=True, slots=True)
class Quote:
    """One coding as the exports show it.

    ``whole_sentence_start``/``_end`` say whether the quote begins and ends at
    a sentence boundary; the quote report marks cut sentences with "…".
    """

    coding_id: int
    code_id: int
    document: str
    participant: str
    speaker: str
    role: str
    turn: int | None
    time: float | None
    start: int
    end: int
    text: str
    memo: str
    coder: str
    whole_sentence_start: bool = True
    whole_sentence_end: bool = True
    #: (coding id, coder) of other coders' codings of exactly this passage and code,
    #: shown as this one quote (see :func:`combine_identical`) but counted as theirs.
    also: tuple[tuple[int, str], ...] = ()
    #: The coder of ``coding_id`` when ``coder`` names several (after combining).
    own_coder: str = ""

    @property
    def position(self) -> str:
        """Where the quote is, for people: "turn 12 · 19:21" (offsets stay in csv columns)."""
        return format_position(self.turn, self.time)


@dataclass(frozen=True)
class Participant:
    """A row of the thesis' Table 1: a case, or a document without a case."""

    name: str
    attributes: dict[str, AttributeValue]
    documents: tuple[str, ...]
    words: int
    codings: int
    is_case: bool = True


@dataclass
class ExportData:
    """The study as every exporter sees it; built by :func:`gather`."""

    project_name: str
    language: str
    location: str
    exported_at: datetime
    coders: list[str]
    codes: list[CodeInfo]
    documents: list[DocumentInfo]
    attributes: list[str]
    participants: list[Participant]
    quotes: list[Quote]
    figures: dict[int, CodeFigures] = field(default_factory=dict)
    saturation: list[SaturationRow] = field(default_factory=list)
    limited_to: tuple[str, ...] | None = None
    """The coders the export was limited to (``--coder``), None when it shows everyone's."""

    def whose_work(self, words: Wording) -> str:
        """One sentence for the Overview and the report: whose codings these are."""
        if not self.coders:
            return words.no_codings
        names = words.names(self.coders)
        if self.limited_to is not None:
            return words.work_limited.format(names=names)
        if len(self.coders) == 1:
            return words.work_of_one.format(names=names)
        return words.work_together.format(names=names)

    #: Guest 2020 and Francis with the project's saturation options; ``saturation``
    #: holds the rows of the first.
    saturation_results: tuple[SaturationResult, ...] = ()
    agreements: list[AgreementSet] = field(default_factory=list)
    #: Document id -> sentence spans / speaker turns, for agreement by sentence and
    #: disagreement positions.
    sentences: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    turns: dict[int, tuple[TurnRef, ...]] = field(default_factory=dict)
    #: When the project was pseudonymised ("2026-11-30 09:12 UTC"), or None.
    pseudonymised_at: str | None = None
    #: Every memo (project, documents, codes, codings), as ``qualcode memos`` lists them.
    memos: list[MemoEntry] = field(default_factory=list)

    def memo_rows(self, words: Wording) -> list[tuple[str, str, str, str, str]]:
        """(on, what it is on, memo, coder, when) for the Memos sheet and the report;
        ``on`` as the memo's key ("project", "document", "code", "coding").

        A coding's memo names the document, the code and the coded words, so
        that it can be read without the project at hand; a memo at a place in a
        document names the turn there, as every position shown to people does.
        """
        quotes = {quote.coding_id: quote for quote in self.quotes}
        for combined in self.quotes:
            for coding_id, _coder in combined.also:  # a passage two coders coded identically
                quotes.setdefault(coding_id, combined)
        paths = {code.id: code.path_text for code in self.codes}
        ids = {document.name: document.id for document in self.documents}
        rows = []
        for memo in self.memos:
            if memo.on == "coding":
                quote = quotes.get(memo.target)  # type: ignore[arg-type]
                target = (f"{quote.document} · {paths.get(quote.code_id, '')} · "
                          f"“{' '.join(quote.text.split())[:80]}”" if quote
                          else words.coding_number.format(id=memo.target))
            elif memo.on == "project":
                target = self.project_name
            else:
                target = str(memo.target)
                if memo.start is not None:
                    target += f" ({self._place(ids.get(target), memo.start, words)})"
            rows.append((memo.on, target, memo.text, memo.coder, memo.at))
        return rows

    def _place(self, document_id: int | None, offset: int, words: Wording) -> str:
        from qualcode.positions import turn_index

        place = turn_index(self.turns.get(document_id, ()) if document_id is not None
                           else ()).position(offset)
        return words.place(place.turn, place.time)

    @property
    def participants_total(self) -> int:
        return len(self.participants)

    def participant(self, name: str) -> Participant | None:
        return self._participants_by_name.get(name)

    def __post_init__(self) -> None:
        self._participants_by_name = {p.name: p for p in self.participants}

    def quotes_by_code(self) -> dict[int, list[Quote]]:
        """Code id -> its quotes in interview order (documents, then position)."""
        grouped: dict[int, list[Quote]] = {code.id: [] for code in self.codes}
        for quote in self.quotes:
            grouped[quote.code_id].append(quote)
        return grouped

    def categories(self) -> list[tuple[CodeInfo, list[CodeInfo]]]:
        """Each top-level code with itself and all its descendants, in codebook order."""
        result: list[tuple[CodeInfo, list[CodeInfo]]] = []
        for code in self.codes:
            if code.depth == 0:
                result.append((code, [code]))
            elif result:
                result[-1][1].append(code)
        return result

    def color_of(self, code: CodeInfo) -> str | None:
        """The code's colour, else its nearest ancestor's (sub-codes often have none)."""
        by_path = self._codes_by_path
        for depth in range(len(code.path), 0, -1):
            found = by_path.get(code.path[:depth])
            if found is not None and found.color:
                return found.color
        return None

    @cached_property
    def _codes_by_path(self) -> dict[tuple[str, ...], CodeInfo]:
        return {c.path: c for c in self.codes}


def combine_identical(quotes: list[Quote]) -> list[Quote]:
    """One quote per passage and code: the same span coded by two coders shows both names."""
    from dataclasses import replace

    kept: dict[tuple[str, int, int, int], Quote] = {}
    names: dict[tuple[str, int, int, int], list[str]] = {}
    for quote in quotes:
        key = (quote.document, quote.code_id, quote.start, quote.end)
        first = kept.get(key)
        if first is None:
            kept[key] = quote
            names[key] = [quote.coder]
            continue
        if quote.coder in names[key]:
            continue
        names[key].append(quote.coder)
        memo = first.memo
        if quote.memo and quote.memo != first.memo:
            memo = (f"{first.memo} / {quote.coder}: {quote.memo}" if first.memo
                    else f"{quote.coder}: {quote.memo}")
        kept[key] = replace(first, coder=f"{first.coder}, {quote.coder}", memo=memo,
                            also=(*first.also, (quote.coding_id, quote.coder)),
                            own_coder=first.own_coder or first.coder)
    return list(kept.values())


def _speaker_index(text: DocumentText) -> tuple[list[int], list[str], list[str]]:
    turns = text.turns
    return [t.start for t in turns], [t.speaker for t in turns], [t.role for t in turns]


def _boundaries(text: DocumentText) -> tuple[set[int], set[int]]:
    """Sentence starts and ends, widened over the whitespace around them."""
    starts: set[int] = set()
    ends: set[int] = set()
    body = text.text
    for start, end in text.sentences:
        starts.add(start)
        ends.add(end)
        trimmed = end
        while trimmed > start and body[trimmed - 1].isspace():
            trimmed -= 1
            ends.add(trimmed)
    return starts, ends


def _quotes_of(text: DocumentText, codings: list[CodingInfo]) -> list[Quote]:
    """One quote per coding; its participant is whom the coding counts for
    (``CodingInfo.case``: the speaker's in a group interview), else the document."""
    turn_starts = text.turn_index.starts
    times = text.turn_index.times
    speakers = [t.speaker for t in text.turns]
    roles = [t.role for t in text.turns]
    starts, ends = _boundaries(text)
    quotes = []
    name = text.name
    every_start, every_end = not starts, not ends
    for coding in codings:
        start, end = coding.start, coding.end
        turn = bisect.bisect_right(turn_starts, start) - 1
        # Positional arguments: this runs once per coding.
        quotes.append(Quote(
            coding.id, coding.code_id, name, coding.case or name,
            speakers[turn] if turn >= 0 else "",
            roles[turn] if turn >= 0 else "unknown",
            turn + 1 if turn >= 0 else None,
            times[turn] if turn >= 0 else None,
            start, end, coding.text, coding.memo, coding.coder,
            every_start or start in starts,
            every_end or end in ends,
        ))
    return quotes


class _Structure:
    """Sentences, turns and speakers of each document, kept while the quotes are read."""

    def __init__(self) -> None:
        self.sentences: dict[int, tuple[tuple[int, int], ...]] = {}
        self.turns: dict[int, tuple[TurnRef, ...]] = {}
        #: Document name -> (participant, words in their turns) for a document whose
        #: speakers speak for participants of their own (a group interview).
        self.voices: dict[str, tuple[tuple[str, int], ...]] = {}

    def keep(self, document_id: int, text: DocumentText, quotes: list[Quote]) -> None:
        from qualcode.analysis.snapshot import TurnRef
        from qualcode.words import count_words

        self.sentences[document_id] = text.sentences
        self.turns[document_id] = tuple(TurnRef(t.start, t.end, t.time)
                                        for t in text.turns)
        voices = text.voices
        if voices is None or not voices.shared:
            return
        people = dict.fromkeys([*voices.participants, *(q.participant for q in quotes)])
        ends = [t.end for t in text.turns]
        self.voices[text.name] = tuple(
            (person, sum(count_words(text.text[start:end])
                         for start, end in voices.spans_of(person, ends)))
            for person in people
        )


def _participants(
    cases: list[CaseInfo],
    documents: list[DocumentInfo],
    quotes: list[Quote],
    voices: dict[str, tuple[tuple[str, int], ...]],
) -> list[Participant]:
    """Participants in order of their first interview (cases without a document are not
    participants: they were never interviewed, and the analysis does not count them).

    A group interview (``voices``) gives each of its speakers' participants the
    document and the words of their own turns (see :mod:`qualcode.voices`).
    """
    codings: dict[str, int] = {}
    for quote in quotes:
        codings[quote.participant] = codings.get(quote.participant, 0) + 1
    by_case = {case.name: case for case in cases}
    seen: dict[str, list[tuple[str, int]]] = {}
    for document in documents:
        for person, words in voices.get(
            document.name, ((document.case or document.name, document.words),)
        ):
            seen.setdefault(person, []).append((document.name, words))
    result = []
    for name, docs in seen.items():
        case = by_case.get(name)
        result.append(
            Participant(
                name=name,
                attributes=dict(case.attributes) if case else {},
                documents=tuple(document for document, _ in docs),
                words=sum(words for _, words in docs),
                codings=codings.get(name, 0),
                is_case=case is not None,
            )
        )
    return result


def gather(
    project: Project,
    progress: Progress | None = None,
    share: float = 1.0,
    coders: tuple[str, ...] | None = None,
) -> ExportData:
    """Read the study for export; reports progress from 0 to ``share`` per document.

    ``coders`` limits everything to those coders' codings (an unknown name is
    refused); without it, identical passages of several coders become one quote.
    """
    known = project.coders()
    if coders is not None:
        for name in coders:
            if name not in known:
                raise NotFoundError(f"coder {name!r}: no codings by this coder "
                                    f"(coders: {', '.join(known) or 'none yet'})")
    documents = project.documents()
    cases = project.cases()
    quotes: list[Quote] = []
    included: set[str] = set()
    structure = _Structure()
    for number, (text, codings) in enumerate(project.codings_by_document(), start=1):
        if progress is not None:
            progress(share * (number - 1) / max(1, len(documents)), f"reading {text.name}")
        found = _quotes_of(text, codings)
        if coders is not None:
            found = [q for q in found if q.coder in coders]
        structure.keep(text.id, text, found)
        included.update(q.coder for q in found)
        quotes.extend(combine_identical(found))
    attributes: list[str] = []
    for case in cases:
        attributes += [name for name in case.attributes if name not in attributes]
    data = ExportData(
        project_name=project.name,
        language=project.language,
        location=project.location,
        exported_at=datetime.now().astimezone().replace(microsecond=0),
        coders=[name for name in known if name in included],
        codes=project.codes(),
        documents=documents,
        attributes=attributes,
        participants=_participants(cases, documents, quotes, structure.voices),
        quotes=quotes,
        limited_to=coders,
        sentences=structure.sentences,
        turns=structure.turns,
        pseudonymised_at=project.setting("pseudonymised_at"),
        memos=project.memo_entries(),
    )
    if progress is not None:
        progress(share, "counting")
    from qualcode.analysis.saturation_options import SaturationOptions

    snapshot = snapshot_of_export(data)
    data.figures = code_figures(data, snapshot)
    data.saturation_results = saturation_results(snapshot, SaturationOptions.load(project))
    data.saturation = list(data.saturation_results[0].table.rows)
    data.agreements = agreement_reports(snapshot, data.coders)
    return data
