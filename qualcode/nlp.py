"""Sentence boundaries: the unit the researcher's selection moves by.

spaCy's blank pipeline with the rule-based ``sentencizer`` is used (no model
download, ever), one Doc per speaker turn, so no sentence crosses a turn and
the whole import stays fast. Its known bad splits on Dutch interview speech
are fixed cheaply, at the boundaries only:

- Dutch abbreviations the blank tokenizer does not know (``o.b.v.``,
  ``a.d.h.v.``, ``i.c.m.``, ...) are tokenizer special cases, so their final
  period no longer ends a sentence.
- An ellipsis (``...`` or ``…``) ends a sentence only when the next word
  starts with a capital (``Ik twijfel... Misschien wel.``); followed by a
  lowercase word it is a hesitation inside the sentence (``Ik... ik weet het
  niet.``). The same capital rule makes ``etc.`` and ``enz.`` end a sentence.
- A short annotation in brackets after a sentence end (``(lacht)``,
  ``(pauze)``, ``[onverstaanbaar]``, at most four words) stays with that
  sentence: ``Ja. (lacht)`` | ``Nou ja.``. A longer bracketed passage starts
  a sentence of its own at its opening bracket; an opening quote mark
  belongs to the sentence it opens.
- A line break ends a sentence unless the next line starts in lowercase (a
  hard-wrapped line); a blank line always does.

Spans exclude the speaker label (``I:``), so a sentence is what was said.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import Any

from qualcode.errors import QualcodeError
from qualcode.ingest.model import TurnSpan
from qualcode.ingest.turns import body_start

DUTCH_ABBREVIATIONS = [
    "o.b.v.",
    "a.d.h.v.",
    "i.o.m.",
    "i.c.m.",
    "m.i.",
    "incl.",
    "excl.",
    "mw.",
    "mevr.",
    "dr.",
    "drs.",
    "ong.",
    "verm.",
    "m.a.w.",
    "bv.",
    "bijv.",
    "d.w.z.",
    "o.a.",
    "i.p.v.",
    "m.b.t.",
    "t.a.v.",
    "i.v.m.",
    "t.o.v.",
    "n.a.v.",
    "e.d.",
    "c.q.",
    "resp.",
    "ca.",
    "evt.",
    "z.s.m.",
    "a.u.b.",
    "t.z.t.",
    "e.a.",
    "o.i.d.",
    "m.n.",
    "enz.",
    "etc.",
]

_MAX_ANNOTATION_WORDS = 4
_OPENING_QUOTES = "\"'“‘„«"
_SOFT_END = re.compile(
    r"(?:\.{3,}|…|(?<![\w.])(?:etc|enz|Etc|Enz)\.)[\"'”’»)\]]*[ \t]+"
    r"(?:[(\[][^)\]\n]{1,40}[)\]][ \t]+)?"
    r"(?=[\"'“‘„«(\[]*([^\W\d_]))"
)
_LINE_BREAK = re.compile(r"\n[ \t]*(?=(\S))")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def split_sentences(
    text: str, turns: Sequence[TurnSpan], language: str = "nl"
) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text``: sorted, non-empty, trimmed.

    ``turns`` are the transcript's speaker turns (may be empty). Each turn is
    split on its own; text outside turns (a header, or everything when there
    are no turns) is split per paragraph.
    """
    blocks = list(_blocks(text, turns))
    if not blocks:
        return []
    nlp = sentence_pipeline(language)
    spans: list[tuple[int, int]] = []
    docs = nlp.pipe((block for _, block in blocks), batch_size=256)
    for (offset, block), doc in zip(blocks, docs, strict=True):
        cuts = _boundaries(block, _sentence_starts(doc))
        for start, end in zip(cuts, [*cuts[1:], len(block)], strict=True):
            piece = block[start:end]
            stripped = piece.strip()
            if stripped:
                lead = len(piece) - len(piece.lstrip())
                spans.append((offset + start + lead, offset + start + lead + len(stripped)))
    spans.sort()
    return spans


@functools.cache
def sentence_pipeline(language: str = "nl") -> Any:
    """spaCy blank pipeline + sentencizer for ``language``, built once per process."""
    import spacy
    from spacy.symbols import ORTH

    try:
        nlp = spacy.blank(language)
    except (ImportError, KeyError) as error:
        raise QualcodeError(f"language '{language}': not supported by spaCy") from error
    nlp.add_pipe("sentencizer")
    nlp.max_length = 100_000_000
    if language == "nl":
        for abbreviation in DUTCH_ABBREVIATIONS:
            for form in {abbreviation, abbreviation[0].upper() + abbreviation[1:]}:
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    return nlp


def _blocks(text: str, turns: Sequence[TurnSpan]) -> Iterator[tuple[int, str]]:
    cursor = 0
    for turn in sorted(turns, key=lambda t: t.start):
        yield from _paragraphs(text, cursor, max(cursor, turn.start))
        start = max(cursor, body_start(text, turn))
        if turn.end > start and text[start : turn.end].strip():
            yield start, text[start : turn.end]
        cursor = max(cursor, turn.end)
    yield from _paragraphs(text, cursor, len(text))


def _paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    position = start
    for match in _PARAGRAPH_BREAK.finditer(text, start, end):
        if text[position : match.start()].strip():
            yield position, text[position : match.start()]
        position = match.end()
    if text[position:end].strip():
        yield position, text[position:end]


def _sentence_starts(doc: Any) -> list[int]:
    from spacy.attrs import IDX, SENT_START

    if not len(doc):
        return [0]
    array = doc.to_array([SENT_START, IDX])
    return array[array[:, 0] == 1, 1].tolist()


def _boundaries(block: str, starts: list[int]) -> list[int]:
    cuts = {0, *starts}
    for match in _LINE_BREAK.finditer(block):
        if not match[1].islower():
            cuts.add(match.end())
    for match in _SOFT_END.finditer(block):
        if match[1].isupper():
            cuts.add(match.end())
    repaired = {_repair(block, cut) for cut in cuts}
    repaired.discard(None)
    return sorted(repaired)  # type: ignore[arg-type]


def _repair(block: str, cut: int) -> int | None:
    """Move a boundary that the sentencizer put just inside a bracket or quote."""
    before = cut
    while before > 0 and block[before - 1] in " \t":
        before -= 1
    if before == 0:
        return cut
    opening = block[before - 1]
    if opening in "([":
        bracket = before - 1
        close = block.find(")" if opening == "(" else "]", cut)
        line_end = block.find("\n", cut)
        closed = close != -1 and (line_end == -1 or close < line_end)
        if closed and len(block[bracket + 1 : close].split()) <= _MAX_ANNOTATION_WORDS:
            after = close + 1
            while after < len(block) and block[after].isspace():
                after += 1
            return after if after < len(block) else None
        return bracket
    if opening in _OPENING_QUOTES and (before == 1 or block[before - 2].isspace()):
        return before - 1
    return cut
