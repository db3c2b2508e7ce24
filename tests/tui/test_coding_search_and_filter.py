"""`/` in a document selects the match's sentence and says when it wraps; `f` on a category."""

from __future__ import annotations

from qualcode.tui.app import make_app
from tests.tui.conftest import Notifications, asynctest, sentences_of


@asynctest
async def test_search_selects_the_sentence_of_each_match_and_says_when_it_wraps(study):
    sentences = sentences_of(study, "HA01")
    app = make_app(study)
    seen = Notifications()
    async with app.run_test(size=(120, 36), message_hook=seen.hook) as pilot:
        await pilot.press("slash", *"energie", "enter")
        await pilot.pause()
        assert app.coding.transcript.selection == sentences[6]
        await pilot.press("n")
        assert app.coding.transcript.selection == sentences[9]
        await pilot.press("n")
        await pilot.pause()
        assert app.coding.transcript.selection == sentences[6]
        assert any("wrapped round" in note for note in seen.messages())
        assert any("match 2 of 2" in note for note in seen.messages())


@asynctest
async def test_filter_on_a_category_shows_its_sub_codes_passages(study):
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        panel = app.coding.query_one("#codebook")
        panel.highlighted = next(i for i, c in enumerate(panel.codes) if c.name == "Belasting")
        await pilot.press("f")
        await pilot.pause()
        transcript = app.coding.transcript
        objective = next(c.id for c in app.coding.codes if c.name == "Objectieve belasting")
        assert objective in transcript.focus_codes
        passage = next(c for c in transcript.codings if c.code_id == objective)
        transcript.select(0, 1)
        await pilot.press("down")
        assert transcript.selection == (passage.start, passage.end)
