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

Spans exclude the speaker label (``I:``) and time marks (``0:02:16.6`` on a
line of its own, f4's ``#00:01:23-4#``), so a sentence is what was said. The
header before the first turn has no sentences (see :func:`_spoken_blocks`).

Many documents at once (a REFI-QDA import of 200 interviews) go through
:func:`split_many`, which computes the sentencizer's rule on token arrays
in one vectorised pass; :class:`SentenceWorker` does the same in a second
process (a ``ProcessPoolExecutor``), so that loading spaCy overlaps with the
caller's own work. Both
give exactly the spans of :func:`split_sentences`.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from typing import Any

from qualcode.errors import QualcodeError
from qualcode.ingest.model import TurnSpan
from qualcode.ingest.speaker_labels import TIME_MARK
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
_LOADED: set[str] = set()
_EXCEPTIONS: dict[str, dict[str, Any]] = {}
LONG_HEADER = 600
"""A header longer than this (and than the talk after it) keeps its sentences."""
_LINE_BREAK = re.compile(r"\n[ \t]*(?=(\S))")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def split_sentences(
    text: str, turns: Sequence[TurnSpan], language: str = "nl"
) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text``: sorted, non-empty, trimmed.

    ``turns`` are the transcript's speaker turns (may be empty). Each turn is
    split on its own; text outside turns (everything when there are no turns)
    is split per paragraph, except the header before the first turn.
    """
    return split_many([(text, turns)], language)[0]


def split_many(
    documents: Sequence[tuple[str, Sequence[TurnSpan]]], language: str = "nl"
) -> list[list[tuple[int, int]]]:
    """:func:`split_sentences` for many ``(text, turns)`` at once, in order.

    The same spans as one call per document, cheaper: the sentence starts of
    all turns are computed in one vectorised pass (see
    :func:`_sentence_starts`), which is what makes a 200-interview import fast.
    """
    blocks_of = [list(_blocks(text, turns)) for text, turns in documents]
    blocks = [block for document in blocks_of for _, block in document]
    if not blocks:
        return [[] for _ in documents]
    starts = iter(_sentence_starts(sentence_pipeline(language), blocks))
    result: list[list[tuple[int, int]]] = []
    for document in blocks_of:
        spans: list[tuple[int, int]] = []
        for offset, block in document:
            cuts = _boundaries(block, next(starts))
            for start, end in zip(cuts, [*cuts[1:], len(block)], strict=True):
                piece = block[start:end]
                stripped = piece.strip()
                if stripped:
                    lead = len(piece) - len(piece.lstrip())
                    spans.append((offset + start + lead, offset + start + lead + len(stripped)))
        spans.sort()
        result.append(spans)
    return result


@functools.cache
def sentence_pipeline(language: str = "nl") -> Any:
    """spaCy blank pipeline + sentencizer for ``language``, built once per process.

    Its tokenizer is built *without* the language's tokenizer exceptions
    (``bv.``, ``:-)``, ... about 4,700 for Dutch): adding them one by one is
    what made ``spacy.blank("nl")`` take a second, on every command that
    imports a transcript. :func:`_tokenizer_for` builds, per batch of texts,
    a tokenizer with just the exceptions that occur in them, which tokenizes
    those texts exactly as the full one does (tests/test_nlp_tokenizer.py).
    """
    import spacy

    try:
        language_class = spacy.util.get_lang_class(language)
    except (ImportError, KeyError) as error:
        raise QualcodeError(f"language '{language}': not supported by spaCy") from error

    defaults = type("Defaults", (language_class.Defaults,), {"tokenizer_exceptions": {}})
    without_exceptions: Any = type(
        language_class.__name__, (language_class,), {"Defaults": defaults}
    )
    nlp = without_exceptions.from_config()
    nlp.add_pipe("sentencizer")
    nlp.max_length = 100_000_000
    _EXCEPTIONS[language] = _exceptions(language_class, language)
    _LOADED.add(language)
    return nlp


def _exceptions(language_class: Any, language: str) -> dict[str, Any]:
    """Every tokenizer exception of the language, with ours for Dutch interview speech."""
    from spacy.symbols import ORTH

    exceptions = dict(language_class.Defaults.tokenizer_exceptions)
    if language == "nl":
        for abbreviation in DUTCH_ABBREVIATIONS:
            for form in {abbreviation, abbreviation[0].upper() + abbreviation[1:]}:
                exceptions[form] = [{ORTH: form}]
    return exceptions


def _tokenizer_for(nlp: Any, texts: Sequence[str]) -> Any:
    """A tokenizer that splits ``texts`` exactly as one with every exception would.

    An exception can change how a text is tokenized only where its string
    occurs in the text with, at most, whitespace inside it: spaCy applies
    one to a whole chunk, to what is left of a chunk after splitting off
    prefixes and suffixes, or to a run of adjacent tokens that spell it (the
    tokenizer's phrase matcher, which may skip whitespace between tokens).
    So the exceptions kept are those whose string occurs in the texts with
    all whitespace removed, and the few that are whitespace themselves.
    """
    from spacy.tokenizer import Tokenizer

    exceptions = _EXCEPTIONS[nlp.lang]
    squeezed = "".join("".join(text.split()) for text in texts)
    kept = {key for key in exceptions if key.isspace()}
    period_keys = _period_keys(nlp.lang)
    lengths = sorted({len(key) for key in period_keys})
    position = squeezed.find(".")
    while position != -1:
        end = position + 1
        kept.update(
            squeezed[end - length : end] for length in lengths
            if squeezed[end - length : end] in period_keys
        )
        position = squeezed.find(".", end)
    kept.update(
        key for key in exceptions
        if not key.endswith(".") and not key.isspace() and key in squeezed
    )
    full = nlp.tokenizer
    return Tokenizer(
        nlp.vocab,
        rules={key: exceptions[key] for key in kept},
        prefix_search=full.prefix_search,
        suffix_search=full.suffix_search,
        infix_finditer=full.infix_finditer,
        token_match=full.token_match,
        url_match=full.url_match,
    )


@functools.cache
def _period_keys(language: str) -> frozenset[str]:
    return frozenset(key for key in _EXCEPTIONS[language] if key.endswith("."))


def pipeline_loaded(language: str = "nl") -> bool:
    """Whether this process has built the pipeline for ``language`` (~2 s saved)."""
    return language in _LOADED


def _blocks(text: str, turns: Sequence[TurnSpan]) -> Iterator[tuple[int, str]]:
    for offset, block in _spoken_blocks(text, turns):
        position = 0
        for mark in TIME_MARK.finditer(block):
            if block[position : mark.start()].strip():
                yield offset + position, block[position : mark.start()]
            position = mark.end()
        if block[position:].strip():
            yield offset + position, block[position:]


def _spoken_blocks(text: str, turns: Sequence[TurnSpan]) -> Iterator[tuple[int, str]]:
    """Turn bodies, and paragraphs outside turns, except the header.

    The header (text before the first turn: a title, a legend, Otter's
    preamble) is shown but not selectable, so the first selection lands on
    the first turn; unless it is long (over :data:`LONG_HEADER` characters and
    half of the text), which means the labels were not found where the talk
    starts, and its words must stay codable.
    """
    ordered = sorted(turns, key=lambda t: t.start)
    cursor = 0
    if ordered and not (ordered[0].start > LONG_HEADER and ordered[0].start * 2 > len(text)):
        cursor = ordered[0].start
    for turn in ordered:
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


def _sentence_starts(nlp: Any, blocks: Sequence[str]) -> list[list[int]]:
    """Character offsets where spaCy's ``sentencizer`` starts a sentence, per block.

    The sentencizer's own rule, computed on token arrays of all blocks at
    once instead of by the component (which builds a Python Token object per
    token, most of the cost of splitting): a token starts a sentence when it
    is the first of its block, or when it is neither punctuation nor one of
    the sentencizer's ``punct_chars`` and a ``punct_chars`` token came after
    the previous such token. tests/test_nlp_sentences.py pins the outcome.
    """
    import numpy as np
    from spacy.attrs import IDX, IS_PUNCT, ORTH

    sentencizer = nlp.get_pipe("sentencizer")
    ends = np.fromiter(
        (nlp.vocab.strings[char] for char in sentencizer.punct_chars), dtype=np.uint64
    )
    tokenizer = _tokenizer_for(nlp, blocks)
    arrays = [doc.to_array([ORTH, IS_PUNCT, IDX]) for doc in tokenizer.pipe(blocks)]
    lengths = np.fromiter((len(array) for array in arrays), dtype=np.int64, count=len(arrays))
    firsts = np.zeros(len(arrays) + 1, dtype=np.int64)
    np.cumsum(lengths, out=firsts[1:])
    tokens = np.concatenate(arrays)
    ending = np.isin(tokens[:, 0], ends)
    plain = np.flatnonzero(~(ending | (tokens[:, 1] != 0)))
    block_first = np.repeat(firsts[:-1], lengths)
    previous = np.empty_like(plain)
    previous[:1] = -1
    previous[1:] = plain[:-1]
    previous = np.maximum(previous, block_first[plain] - 1)
    seen = np.zeros(len(tokens) + 1, dtype=np.int64)
    np.cumsum(ending, out=seen[1:])
    is_start = np.zeros(len(tokens), dtype=bool)
    is_start[plain[seen[plain] > seen[previous + 1]]] = True
    is_start[firsts[:-1][lengths > 0]] = True
    chosen = np.flatnonzero(is_start)
    offsets = tokens[chosen, 2].tolist()
    bounds = np.searchsorted(chosen, firsts).tolist()
    return [offsets[a:b] for a, b in itertools.pairwise(bounds)]


def _boundaries(block: str, starts: list[int]) -> list[int]:
    cuts = {0, *starts}
    for match in _LINE_BREAK.finditer(block):
        if not match[1].islower():
            cuts.add(match.end())
    for match in _SOFT_END.finditer(block):
        if match[1].isupper():
            cuts.add(match.end())
    return sorted({kept for cut in cuts if (kept := _repair(block, cut)) is not None})


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


def _start_pool(language: str) -> Any:
    """One fresh worker process ("spawn": safe with the TUI's threads, unlike fork)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))


def _load_pipeline(language: str) -> None:
    sentence_pipeline(language)


class SentenceWorker:
    """Sentence splitting in a second process, started before the texts are known.

    Building the spaCy pipeline costs about 2 s and splitting 200 interviews
    about 1 s. A caller with other slow work (reading a big ``.qdpx``)
    starts a worker first, so spaCy loads on another core meanwhile, then
    :meth:`submit` documents as soon as each is ready (the worker splits
    while the caller prepares the next), and asks :meth:`result` last. If
    the worker fails in any way, :meth:`result` splits in this process, so
    the outcome (spans, or the QualcodeError of an unknown language) is
    exactly that of :func:`split_many`. Always :meth:`close` it (or use
    ``with``): queued work is cancelled.
    """

    def __init__(self, language: str = "nl") -> None:
        self.language = language
        self._documents: list[tuple[str, Sequence[TurnSpan]]] = []
        self._pool = _start_pool(language)
        # the pool starts its process on the first task: loading spaCy is that task
        self._futures: list[Any] = [self._pool.submit(_load_pipeline, language)]

    def submit(self, documents: Sequence[tuple[str, Sequence[TurnSpan]]]) -> None:
        """Hand over more ``(text, turns)`` to split; returns at once."""
        batch = list(documents)
        self._documents.extend(batch)
        self._futures.append(self._pool.submit(split_many, batch, self.language))

    def result(self) -> list[list[tuple[int, int]]]:
        """The spans of each submitted document, in order, as :func:`split_many` gives them."""
        try:
            answers = [future.result() for future in self._futures]
        except Exception:  # any failure over there: split here, with the same outcome
            return split_many(self._documents, self.language)
        spans = [span for answer in answers[1:] for span in answer]
        if len(spans) != len(self._documents):
            return split_many(self._documents, self.language)
        return spans

    def close(self) -> None:
        """Cancel queued work; a batch already running finishes, then the process ends."""
        self._pool.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> SentenceWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
