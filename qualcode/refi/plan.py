"""From raw REFI positions to stored-text positions, before any write.

Everything that can fail or take time happens here, outside the
transaction: normalising each source text (with its offset map), choosing
the unit the file counts positions in, checking every selection, finding
turns and splitting sentences. A position outside its source refuses the
whole import; a selection whose quoted text is elsewhere, or that becomes
empty, is skipped and reported by name and position.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from qualcode.errors import IngestError, QualcodeError
from qualcode.refi.positions import (
    CODE_POINTS,
    LINE_FEEDS,
    UTF16,
    Normalised,
    collapse,
    matches,
    normalise_mapped,
    quote_of,
    utf16_map,
)
from qualcode.refi.reading import CodingIn, ProjectIn, SelectionIn, SourceIn
from qualcode.refi.report import RefiReport

SentenceSplitter = Callable[[str, Sequence[Any], str], Sequence[tuple[int, int]]]


@dataclass
class PlannedSelection:
    selection: SelectionIn
    start: int
    end: int


@dataclass
class PlannedSource:
    source: SourceIn
    text: str
    removed: int
    turns: list[Any] = field(default_factory=list)
    sentences: Sequence[tuple[int, int]] = ()
    selections: list[PlannedSelection] = field(default_factory=list)
    whole: list[CodingIn] = field(default_factory=list)


def selection_label(selection: SelectionIn, source_name: str) -> str:
    """How a report names a selection: its text (as the file names it) and raw position."""
    return f"{selection.name[:40]!r} at {selection.start}-{selection.end} in {source_name!r}"


def _normalised(source: SourceIn) -> Normalised:
    assert source.raw is not None
    mapped = normalise_mapped(source.raw)
    try:
        from qualcode.ingest import normalise
    except ImportError:  # the ingest package is optional until it lands
        return mapped
    if normalise(source.raw)[0] != mapped.text:
        raise QualcodeError(
            f"source {source.name!r}: cannot map positions onto the normalised text"
        )
    return mapped


def _raw_span(reading: str, source: SourceIn, selection: SelectionIn,
              units: list[int] | None) -> tuple[int, int] | None:
    """Raw code point span under ``reading``; None if it splits a character."""
    start, end = selection.start, selection.end
    if reading == UTF16 and units is not None:
        if not (0 <= start < len(units) and 0 <= end < len(units)):
            return start, end
        start, end = units[start], units[end]
        if start < 0 or end < 0:
            return None
    return start, end


def _score(reading: str, sources: list[tuple[SourceIn, Normalised, list[int] | None]]) -> int:
    score = 0
    for source, normalised, units in sources:
        assert source.raw is not None
        haystack = None
        length = len(normalised.text) if reading == LINE_FEEDS else len(source.raw)
        for selection in source.selections:
            span = _raw_span(reading, source, selection, units)
            if span is None or not (0 <= span[0] <= span[1] <= length):
                score -= 1000
                continue
            text = normalised.text if reading == LINE_FEEDS else source.raw
            verdict = matches(quote_of(selection.name), text[span[0]:span[1]])
            if verdict:
                score += 1
            elif verdict is False:
                haystack = haystack or collapse(text)
                if quote_of(selection.name) in haystack:
                    score -= 1
    return score


def choose_reading(project: ProjectIn, prepared: list[tuple[SourceIn, Normalised]]) -> str:
    """The unit the file's positions count in (see the module docstring)."""
    candidates = [CODE_POINTS]
    with_units = [(s, n, utf16_map(s.raw or "")) for s, n in prepared]
    if any(units is not None for _, _, units in with_units):
        candidates.append(UTF16)
    if any("\r" in (s.raw or "") for s, _ in prepared):
        candidates.append(LINE_FEEDS)
    if len(candidates) == 1:
        return CODE_POINTS
    nvivo = "nvivo" in project.origin.lower()
    scored = {reading: _score(reading, with_units) for reading in candidates}
    preference = [UTF16, CODE_POINTS, LINE_FEEDS] if nvivo else [CODE_POINTS, UTF16, LINE_FEEDS]
    return max(candidates, key=lambda r: (scored[r], -preference.index(r)))


def plan_sources(
    project: ProjectIn,
    report: RefiReport,
    splitter: SentenceSplitter | None,
    language: str,
) -> tuple[list[PlannedSource], str]:
    """Plan every readable source; ``splitter`` None leaves sentences to the caller."""
    readable = [s for s in project.sources if s.skip is None and s.raw is not None]
    for source in project.sources:
        if source.skip is not None:
            report.skip("sources", repr(source.name or source.guid), source.skip)
            skipped = len(source.selections) + source.unread_selections
            if skipped:
                report.skip("selections", f"{skipped} in {source.name!r}",
                            "their source is skipped", count=skipped)
    prepared = [(source, _normalised(source)) for source in readable]
    reading = choose_reading(project, prepared)
    if reading != CODE_POINTS:
        report.notes.append(f"positions read as {reading}")
    from qualcode.ingest import detect_turns

    planned: list[PlannedSource] = []
    for source, normalised in prepared:
        assert source.raw is not None
        units = utf16_map(source.raw) if reading == UTF16 else None
        length = len(normalised.text) if reading == LINE_FEEDS else len(source.raw)
        text_for_quotes = normalised.text
        haystack: str | None = None
        plan = PlannedSource(source, normalised.text, normalised.removed, whole=source.codings)
        limit = len(units) - 1 if units is not None else length
        for selection in source.selections:
            for position in (selection.start, selection.end):
                if not 0 <= position <= limit:
                    label = selection_label(selection, source.name)
                    raise IngestError(
                        project.path,
                        f"selection {label}: position {position} is outside the source text "
                        f"({limit} characters)",
                    )
            span = _raw_span(reading, source, selection, units)
            if span is None:
                report.skip("selections", selection_label(selection, source.name),
                            "a position falls inside a character")
                continue
            if reading == LINE_FEEDS:
                start, end = span
            else:
                start, end = normalised.at(span[0]), normalised.at(span[1])
            if end <= start:
                report.skip("selections", selection_label(selection, source.name),
                            "empty or reversed selection")
                continue
            quote = quote_of(selection.name)
            if matches(quote, text_for_quotes[start:end]) is False:
                haystack = haystack or collapse(text_for_quotes)
                if quote in haystack:
                    report.skip(
                        "selections", selection_label(selection, source.name),
                        "its text is not at this position (found elsewhere in the source)",
                    )
                    continue
            plan.selections.append(PlannedSelection(selection, start, end))
        plan.turns = detect_turns(plan.text)
        if splitter is not None:
            plan.sentences = splitter(plan.text, plan.turns, language)
        planned.append(plan)
    return planned, reading
