"""The sentence tokenizer keeps only the exceptions a text needs, and tokenizes exactly as before.

spaCy's Dutch tokenizer has about 4,700 exceptions (``bv.``, ``:-)``, ...);
building them all cost a second on every import. qualcode adds per batch only
those that occur in the texts. These tests compare its tokens (text, offset,
punctuation flag: all the sentence rule reads) with a tokenizer that has every
exception, on the demo transcripts and on texts made of the exceptions themselves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode import nlp

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def full_tokenizer():
    """The tokenizer qualcode used before: spacy.blank("nl") plus our abbreviations."""
    import spacy
    from spacy.symbols import ORTH

    full = spacy.blank("nl")
    for abbreviation in nlp.DUTCH_ABBREVIATIONS:
        for form in {abbreviation, abbreviation[0].upper() + abbreviation[1:]}:
            full.tokenizer.add_special_case(form, [{ORTH: form}])
    return full.tokenizer


def tokens(tokenizer, text: str) -> list[tuple[str, int, bool]]:
    return [(t.text, t.idx, t.is_punct) for t in tokenizer(text)]


def exception_texts(tokenizer) -> list[str]:
    keys = sorted(tokenizer.rules)
    return [
        " ".join(keys),
        "Ja, " + " en ".join(keys) + ". Goed.",
        "(" + ") (".join(keys) + ")",
        " ".join(" ".join(key) for key in keys),  # each spelled with spaces inside
        "".join(keys),
    ]


def sample_texts() -> list[str]:
    folder = ROOT / "sample_transcripts"
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]


def test_the_pipeline_starts_without_the_thousands_of_exceptions():
    assert len(nlp.sentence_pipeline("nl").tokenizer.rules) == 0


def test_a_transcript_gets_only_the_exceptions_that_occur_in_it():
    text = "HA1: Dat doen we o.b.v. de richtlijn, bv. bij angst :-) Goed."
    kept = set(nlp._tokenizer_for(nlp.sentence_pipeline("nl"), [text]).rules)
    assert {"o.b.v.", "bv.", ":-)"} <= kept
    assert "a.d.h.v." not in kept
    assert len(kept) < 50


def test_demo_transcripts_are_tokenized_exactly_as_with_every_exception(full_tokenizer):
    pipeline = nlp.sentence_pipeline("nl")
    for text in sample_texts():
        assert tokens(nlp._tokenizer_for(pipeline, [text]), text) == tokens(full_tokenizer, text)


def test_texts_made_of_every_exception_are_tokenized_exactly_as_before(full_tokenizer):
    pipeline = nlp.sentence_pipeline("nl")
    texts = exception_texts(full_tokenizer)
    light = nlp._tokenizer_for(pipeline, texts)
    for text in texts:
        assert tokens(light, text) == tokens(full_tokenizer, text)


def test_an_exception_spelled_with_spaces_inside_is_still_considered(full_tokenizer):
    text = "Het was :- ) en bv . zo. a. s. Ok."
    light = nlp._tokenizer_for(nlp.sentence_pipeline("nl"), [text])
    assert {":-)", "bv."} <= set(light.rules)
    assert tokens(light, text) == tokens(full_tokenizer, text)
