"""Retrieval: quotes of a code or category with context; Enter jumps to the passage."""

from __future__ import annotations

from qualcode.tui.app import make_app
from qualcode.tui.screens.retrieval import RetrievalScreen
from tests.tui.conftest import asynctest


@asynctest
async def test_a_category_lists_the_quotes_of_its_codes_in_interview_order(study):
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RetrievalScreen)
        panel = screen.query_one("#retrieval-codes")
        panel.highlighted = next(i for i, c in enumerate(panel.codes) if c.name == "Belasting")
        await pilot.pause()
        assert [q.document for q in screen.quotes] == ["HA01", "HA02"]
        label = str(screen.query_one("#quotes").get_option_at_index(0).prompt)
        assert "Wij zijn laagdrempelig, mensen komen eerst bij ons." in label
        assert "En wat geeft je energie?" in label


@asynctest
async def test_enter_on_a_quote_opens_its_document_with_the_passage_selected(study):
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        panel = screen.query_one("#retrieval-codes")
        panel.highlighted = next(
            i for i, c in enumerate(panel.codes) if c.name == "Objectieve belasting"
        )
        await pilot.pause()
        quote = screen.quotes[1]
        await pilot.press("t", "down", "enter")
        await pilot.pause()
        assert app.screen is app.coding
        assert app.coding.document.name == quote.document == "HA02"
        assert app.coding.transcript.selection == (quote.start, quote.end)
