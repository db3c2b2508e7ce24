"""Moving and extending the selection by sentence, turn, word and character."""

from __future__ import annotations

from qualcode.tui.app import make_app
from tests.tui.conftest import asynctest, codings_of, sentences_of


@asynctest
async def test_shift_down_extends_the_selection_by_a_sentence(study):
    sentences = sentences_of(study, "HA01")
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("down", "down", "shift+down", "3")
        await pilot.pause()
        assert app.coding.transcript.selection == (sentences[2][0], sentences[3][1])
    made = codings_of(study, code="Laagdrempeligheid", coder="Jan")
    assert [(c.start, c.end) for c in made] == [(sentences[2][0], sentences[3][1])]


@asynctest
async def test_up_goes_back_a_sentence(study):
    sentences = sentences_of(study, "HA01")
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("down", "down", "up")
        assert app.coding.transcript.selection == sentences[1]


@asynctest
async def test_next_turn_jumps_to_the_respondents_first_sentence(study):
    sentences = sentences_of(study, "HA01")
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+down")
        assert app.coding.transcript.selection == sentences[2]


@asynctest
async def test_shift_right_adds_one_character_and_left_drops_a_word(study):
    first = sentences_of(study, "HA01")[0]
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("shift+right")
        assert app.coding.transcript.selection == (first[0], first[1] + 1)
        await pilot.press("left")
        start, end = app.coding.transcript.selection
        assert start == first[0] and end < first[1]


@asynctest
async def test_clicking_a_word_selects_its_sentence(study):
    sentences = sentences_of(study, "HA01")
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        transcript = app.coding.transcript
        line = transcript.line_of(sentences[2][0])
        await pilot.click(transcript, offset=(4 + 12, line - transcript.scroll_offset.y))
        await pilot.pause()
        assert transcript.selection == sentences[2]
