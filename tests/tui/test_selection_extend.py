"""Extending the selection like an editor: both directions, stopping at a speaker turn."""

from __future__ import annotations

from qualcode.tui.app import make_app
from tests.tui.conftest import Notifications, asynctest, sentences_of


@asynctest
async def test_shift_up_extends_upwards_and_shift_down_then_shrinks_it(study):
    sentences = sentences_of(study, "HA01")
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        app.coding.transcript.select(*sentences[3])
        await pilot.press("shift+up")
        assert app.coding.transcript.selection == (sentences[2][0], sentences[3][1])
        await pilot.press("shift+down")
        assert app.coding.transcript.selection == sentences[3]
        await pilot.press("shift+down", "shift+up")
        assert app.coding.transcript.selection == sentences[3]


@asynctest
async def test_extending_stops_at_the_end_of_a_turn_until_pressed_again(study):
    sentences = sentences_of(study, "HA01")
    app = make_app(study)
    seen = Notifications()
    async with app.run_test(size=(120, 36), message_hook=seen.hook) as pilot:
        transcript = app.coding.transcript
        last_of_turn = sentences[5]  # "Ik loop dan uit met mijn consultaties." ends the turn
        transcript.select(*last_of_turn)
        await pilot.press("shift+down")
        await pilot.pause()
        assert transcript.selection == last_of_turn
        assert any("stops at the end of HA1's turn" in note for note in seen.messages())
        await pilot.press("shift+down")
        await pilot.pause()
        assert transcript.selection == (last_of_turn[0], sentences[6][1])
        assert "spans 2 speaker turns (HA1, I)" in str(app.screen.query_one("#here").render())
