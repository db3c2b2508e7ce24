"""The selection's movement rules on their own: no app, just text, sentences and turns."""

from __future__ import annotations

from qualcode.project import TurnInfo
from qualcode.tui.widgets.transcript_selection import (
    sentence_at,
    sentence_index,
    turn_at,
    turn_bounds,
    word_boundary,
)

TEXT = "I: Hoe gaat het?\n\nRM: Goed. Soms druk.\n\n"
TURNS = (
    TurnInfo(speaker="I", role="interviewer", start=0, end=16),
    TurnInfo(speaker="RM", role="respondent", start=18, end=38),
)
SENTENCES = ((3, 16), (22, 27), (28, 38))
STARTS = [start for start, _ in SENTENCES]


def test_a_sentence_number_past_either_end_gives_the_first_or_last_sentence():
    assert sentence_at(SENTENCES, len(TEXT), -3) == (3, 16)
    assert sentence_at(SENTENCES, len(TEXT), 9) == (28, 38)


def test_a_text_without_sentences_is_selected_whole():
    assert sentence_at((), len(TEXT), 0) == (0, len(TEXT))


def test_an_offset_belongs_to_the_sentence_that_starts_at_or_before_it():
    assert sentence_index(STARTS, 22) == 1
    assert sentence_index(STARTS, 27) == 1
    assert sentence_index(STARTS, 0) == 0


def test_a_word_step_skips_spaces_then_the_word():
    assert TEXT[22:word_boundary(TEXT, 22, True)] == "Goed."
    assert TEXT[word_boundary(TEXT, 28, False):28] == "Goed. "


def test_the_blank_lines_between_turns_belong_to_no_turn():
    assert turn_at(TURNS, 5) == 0
    assert turn_at(TURNS, 17) is None
    assert turn_at(TURNS, 30) == 1
    assert turn_at((), 5) is None


def test_the_next_turn_after_the_last_stays_on_the_last():
    assert turn_bounds(TURNS, 5, True) == (18, 38)
    assert turn_bounds(TURNS, 30, True) == (18, 38)
    assert turn_bounds(TURNS, 30, False) == (0, 16)
    assert turn_bounds((), 5, True) is None
