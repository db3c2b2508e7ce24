"""Sentence splitting of Dutch interview speech."""

import itertools

import pytest

from qualcode.errors import QualcodeError
from qualcode.ingest import detect_turns
from qualcode.nlp import split_sentences


def _sentences(text: str, turns=None) -> list[str]:
    spans = split_sentences(text, detect_turns(text) if turns is None else turns)
    return [text[start:end] for start, end in spans]


def test_dutch_abbreviation_obv_does_not_end_a_sentence():
    assert _sentences("Dat doen we o.b.v. de richtlijn. Goed.") == [
        "Dat doen we o.b.v. de richtlijn.",
        "Goed.",
    ]


@pytest.mark.parametrize(
    "abbreviation",
    ["m.a.w.", "bv.", "bijv.", "d.w.z.", "o.a.", "i.p.v.", "a.d.h.v.", "i.c.m.", "incl."],
)
def test_common_dutch_abbreviations_stay_inside_the_sentence(abbreviation):
    text = f"Het gaat {abbreviation} om tijd. Klaar."
    assert _sentences(text) == [f"Het gaat {abbreviation} om tijd.", "Klaar."]


def test_titles_before_names_do_not_end_a_sentence():
    assert _sentences("Ik verwees naar dr. Peeters en mevr. Claes. Dat hielp.") == [
        "Ik verwees naar dr. Peeters en mevr. Claes.",
        "Dat hielp.",
    ]


def test_ellipsis_before_lowercase_is_a_hesitation_inside_the_sentence():
    assert _sentences("Ik weet het niet... misschien wel. Ik… ik twijfel.") == [
        "Ik weet het niet... misschien wel.",
        "Ik… ik twijfel.",
    ]


def test_ellipsis_before_a_capital_ends_the_sentence():
    assert _sentences("Ik weet het niet... Misschien wel. Tja… Nee.") == [
        "Ik weet het niet...",
        "Misschien wel.",
        "Tja…",
        "Nee.",
    ]


def test_etc_and_enz_end_a_sentence_before_a_capital_only():
    assert _sentences("Angst, depressie enz. Daar gaat het om. Stress etc. komt vaak voor.") == [
        "Angst, depressie enz.",
        "Daar gaat het om.",
        "Stress etc. komt vaak voor.",
    ]


def test_annotation_in_brackets_stays_with_the_preceding_sentence():
    assert _sentences("Ja. (lacht) Nou ja. Nee. [onverstaanbaar] Goed.") == [
        "Ja. (lacht)",
        "Nou ja.",
        "Nee. [onverstaanbaar]",
        "Goed.",
    ]


def test_annotation_after_a_hesitation_stays_with_it():
    assert _sentences("Ik weet het niet... (pauze) Misschien.") == [
        "Ik weet het niet... (pauze)",
        "Misschien.",
    ]


def test_annotation_at_the_end_of_a_turn_is_not_a_sentence_of_its_own():
    assert _sentences("I: Klopt dat?\nR: Ja. (lacht)\n") == ["Klopt dat?", "Ja. (lacht)"]


def test_long_bracketed_passage_starts_its_own_sentence():
    assert _sentences("Ja. (Hij was toen heel erg boos op mij.) Nou.") == [
        "Ja.",
        "(Hij was toen heel erg boos op mij.)",
        "Nou.",
    ]


def test_opening_quote_belongs_to_the_sentence_it_opens():
    assert _sentences('Ik zei nee. "Dat kan niet," zei ik.') == [
        "Ik zei nee.",
        '"Dat kan niet," zei ik.',
    ]


def test_no_sentence_crosses_a_turn_and_labels_are_left_out():
    text = "I: Dus u vindt het zwaar\nHA3: ja heel zwaar. Vooral 's avonds.\nI: Waarom?\n"
    turns = detect_turns(text)
    spans = split_sentences(text, turns)
    assert [text[a:b] for a, b in spans] == [
        "Dus u vindt het zwaar",
        "ja heel zwaar.",
        "Vooral 's avonds.",
        "Waarom?",
    ]
    for start, end in spans:
        assert any(t.start <= start and end <= t.end for t in turns)


def test_the_header_before_the_first_turn_is_not_split_into_sentences():
    text = "Interview 4\nHuisarts in een WGC\n\nI: Hoe gaat het?\nHA4: Goed.\n"
    assert _sentences(text) == ["Hoe gaat het?", "Goed."]


def test_text_without_turns_is_split_per_line_and_paragraph():
    text = "Interview 4\nHuisarts in een WGC\n\nHet gesprek begon laat.\n"
    assert _sentences(text, []) == ["Interview 4", "Huisarts in een WGC", "Het gesprek begon laat."]


def test_hard_wrapped_line_continuing_in_lowercase_stays_one_sentence():
    text = "Het is zwaar omdat de patiënten\nsteeds terugkomen. Echt.\nNieuwe regel."
    assert _sentences(text, []) == [
        "Het is zwaar omdat de patiënten\nsteeds terugkomen.",
        "Echt.",
        "Nieuwe regel.",
    ]


def test_sentence_spans_are_sorted_trimmed_non_overlapping_and_non_empty():
    text = "  \nI:   Eén.   Twee?  \n\n\nR:  \nHA1: Drie!\n\n"
    spans = split_sentences(text, detect_turns(text))
    assert spans == sorted(spans)
    assert all(a < b for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(spans))
    assert all(text[a:b] == text[a:b].strip() for a, b in spans)
    assert [text[a:b] for a, b in spans] == ["Eén.", "Twee?", "Drie!"]


def test_offsets_are_code_points_after_emoji_and_accents():
    text = "I: Gezin 👨\u200d👩\u200d👧 blij? Één keer.\nR: Ja 👍🏽 zeker. Goed.\n"
    expected = ["Gezin 👨\u200d👩\u200d👧 blij?", "Één keer.", "Ja 👍🏽 zeker.", "Goed."]
    assert _sentences(text) == expected


def test_empty_text_has_no_sentences():
    assert split_sentences("", []) == []
    assert split_sentences("\n\n", []) == []


def test_unknown_language_is_a_clear_error():
    with pytest.raises(QualcodeError, match="language 'xx-nope'"):
        split_sentences("Hallo.", [], language="xx-nope")


def test_subtitle_turn_labels_are_left_out_of_sentences():
    from qualcode.ingest import TurnSpan

    text = "Dr. Mia (arts) Peeters: Goed. Heel goed.\nTom: Fijn.\n"
    turns = [
        TurnSpan(0, 40, "Dr. Mia (arts) Peeters", "respondent"),
        TurnSpan(41, 51, "Tom", "interviewer"),
    ]
    assert _sentences(text, turns) == ["Goed.", "Heel goed.", "Fijn."]
