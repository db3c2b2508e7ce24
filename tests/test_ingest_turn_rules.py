"""The rules behind turn detection: legends, names alone on a line, time marks, headers."""

from __future__ import annotations

import pytest

from qualcode.ingest import read_turns
from qualcode.nlp import split_sentences
from qualcode.positions import Position, TurnIndex, format_position, format_time, parse_time


def _sentences(text: str) -> list[str]:
    turns = read_turns(text).turns
    return [text[start:end] for start, end in split_sentences(text, turns)]


# -- legends -----------------------------------------------------------------------------


def test_a_legend_under_a_title_line_names_the_speakers():
    text = (
        "Sprekers\nL: Lotte (onderzoeker)\nB: Bram\n\n"
        "L: Hoe gaat het?\nB: Goed.\nL: En verder?\nB: Ook goed.\n"
    )
    reading = read_turns(text)
    assert reading.legend == {"L": "Lotte (onderzoeker)", "B": "Bram"}
    assert [(t.speaker, t.role) for t in reading.turns][:2] == [
        ("L", "interviewer"),
        ("B", "respondent"),
    ]
    assert reading.turns[0].start == text.index("L: Hoe")


def test_a_legend_that_spells_out_its_labels_needs_no_title():
    text = "I: Interviewer\nR: Respondent\n\nI: Hoe gaat het?\nR: Goed.\n"
    assert read_turns(text).legend == {"I": "Interviewer", "R": "Respondent"}
    assert len(read_turns(text).turns) == 2


def test_a_short_exchange_at_the_top_is_not_mistaken_for_a_legend():
    text = "I: Goedemorgen\nR: Goedemorgen\n\nI: Zullen we beginnen?\nR: Ja.\n"
    reading = read_turns(text)
    assert reading.legend == {}
    assert [t.speaker for t in reading.turns] == ["I", "R", "I", "R"]


def test_a_legend_label_that_never_speaks_is_still_listed():
    text = (
        "I1: Interviewer 1\nI2: Interviewer 2\nK: Kvinde\n\n"
        "*0:03 = I1: Velkommen.\n*0:09 = K: Tak.\n"
    )
    reading = read_turns(text)
    assert reading.legend == {"I1": "Interviewer 1", "I2": "Interviewer 2", "K": "Kvinde"}
    assert [t.speaker for t in reading.turns] == ["I1", "K"]


def test_the_legend_and_header_are_shown_but_have_no_sentences():
    text = "Interview 7\nI: Interviewer\nR: Respondent\n\nI: Hoe gaat het?\nR: Goed.\n"
    assert _sentences(text) == ["Hoe gaat het?", "Goed."]


# -- names alone on a line ---------------------------------------------------------------


def test_an_unknown_capitalised_word_alone_on_a_line_is_not_a_speaker():
    text = "I: Wat is uw besluit?\nHA3: Het is dit.\nConclusie\nhet is zwaar.\n"
    assert [t.speaker for t in read_turns(text).turns] == ["I", "HA3"]


def test_a_role_word_alone_on_a_line_starts_a_turn_even_if_never_written_with_a_colon():
    text = "Kop van het gesprek\n\nInterviewer\nHoe gaat het?\n\nRespondent\nGoed, dank je.\n"
    reading = read_turns(text)
    assert [(t.speaker, t.role) for t in reading.turns] == [
        ("Interviewer", "interviewer"),
        ("Respondent", "respondent"),
    ]
    assert _sentences(text) == ["Hoe gaat het?", "Goed, dank je."]


# -- time marks ----------------------------------------------------------------------------


def test_an_own_line_time_mark_is_no_sentence_and_times_the_next_turn():
    text = "I: Eerste vraag?\nR: Antwoord.\n0:02:16.6\nI: Tweede vraag?\nR: Nog een antwoord.\n"
    reading = read_turns(text)
    assert [t.time for t in reading.turns] == [None, None, pytest.approx(136.6), None]
    assert "0:02:16.6" not in " ".join(_sentences(text))
    assert _sentences(text) == ["Eerste vraag?", "Antwoord.", "Tweede vraag?", "Nog een antwoord."]


def test_f4_marks_are_no_sentences_and_the_closing_mark_times_the_next_turn():
    text = (
        "I: Wie geht es? #00:00:04-2#\n\nB: Gut. #00:00:09-8#\n\n"
        "I: Schön. #00:00:12-0#\n\nB: Ja. #00:00:15-1#\n"
    )
    assert _sentences(text) == ["Wie geht es?", "Gut.", "Schön.", "Ja."]
    assert [t.time for t in read_turns(text).turns] == [None, 4.2, 9.8, 12.0]


def test_bracketed_and_trailing_times_on_label_lines_are_turn_times():
    text = "[00:01:02] I: Hoe?\nHA2 (00:01:10): Zo.\n"
    assert [t.time for t in read_turns(text).turns] == [62.0, 70.0]


def test_several_time_marked_names_are_speakers_even_when_each_speaks_once():
    text = "Anna Smit  00:05\nHallo?\n\nBen Ooms  00:09\nDag.\n"
    assert [t.speaker for t in read_turns(text).turns] == ["Anna Smit", "Ben Ooms"]


# -- headers --------------------------------------------------------------------------------


def test_the_header_before_the_first_turn_has_no_sentences():
    text = "Interview 1 — 12 februari, WGC Noord\n\nI: Hoe gaat het?\nHA1: Goed.\n"
    assert _sentences(text) == ["Hoe gaat het?", "Goed."]


def test_a_header_longer_than_the_talk_stays_selectable():
    story = "Dit is een lang verhaal zonder sprekers. " * 40
    text = f"{story}\n\nI: Vraag?\nHA1: Antwoord.\n"
    assert _sentences(text)[0].startswith("Dit is een lang verhaal")


# -- times and positions ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "seconds"),
    [
        ("19:21", 1161.0),
        ("1:40", 100.0),
        ("0:02:16.6", 136.6),
        ("00:01:02,500", 62.5),
        ("00:01:23-4", 83.4),
        ("#00:01:23-4#", 83.4),
        ("[00:00:13]", 13.0),
        ("*1:40", 100.0),
        ("later", None),
        ("", None),
    ],
)
def test_times_as_transcripts_write_them_become_seconds(written, seconds):
    found = parse_time(written)
    assert found == pytest.approx(seconds) if seconds is not None else found is None


def test_positions_read_turn_and_time_for_people():
    assert format_position(47, 1161.4) == "turn 47 · 19:21"
    assert format_position(47) == "turn 47"
    assert format_position(None) == "before the first turn"
    assert format_time(3723) == "1:02:03"
    assert format_time(13) == "0:13"
    assert str(Position(3, 62.0)) == "turn 3 · 1:02"


def test_an_offset_lies_in_the_last_turn_starting_at_or_before_it():
    index = TurnIndex([10, 50, 90], [None, 62.0, 75.0])
    assert index.position(5) == Position(None, None)
    assert index.position(10) == Position(1, None)
    assert index.position(60) == Position(2, 62.0)
    assert index.position(500) == Position(3, 75.0)


def test_a_header_table_above_colon_turns_is_header_not_turns():
    text = (
        "Opvolggesprek\nDeelnemer\tHA04\nDatum\t2 mei\nInterviewer\tLotte\n\n"
        "I: Hoe is het nu?\nHA4: Beter.\n"
    )
    reading = read_turns(text)
    assert [t.speaker for t in reading.turns] == ["I", "HA4"]
    assert _sentences(text) == ["Hoe is het nu?", "Beter."]


def test_a_transcript_typed_as_a_table_keeps_its_tab_turns():
    text = "Interviewer\tHoe gaat het?\nHA1\tGoed.\nInterviewer\tEn nu?\n"
    assert [t.speaker for t in read_turns(text).turns] == ["Interviewer", "HA1", "Interviewer"]
