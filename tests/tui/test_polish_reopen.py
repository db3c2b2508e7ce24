"""Quitting and reopening lands back on the last selection, not the document's title."""

from __future__ import annotations

from qualcode.tui.app import make_app
from tests.tui.conftest import asynctest, sentences_of


@asynctest
async def test_q_and_reopen_lands_on_the_last_selection(study):
    sentences = sentences_of(study, "HA01")
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("down", "down", "down", "shift+down")
        await pilot.pause()
        chosen = app.coding.transcript.selection
        assert chosen == (sentences[3][0], sentences[4][1])
        await pilot.press("q")
        await pilot.pause()
    again = make_app(study, coder="Jan")
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert again.coding.document.name == "HA01"
        assert again.coding.transcript.selection == chosen
