"""Toasts, the code picker and confirmations never hide what the researcher is looking at."""

from __future__ import annotations

import re

from textual.widgets._toast import ToastRack

from qualcode.tui.app import make_app
from qualcode.tui.screens.codebook import CodebookScreen
from qualcode.tui.screens.picker import CodePicker
from qualcode.tui.widgets.here_panel import HerePanel
from tests.tui.conftest import asynctest


@asynctest
async def test_a_toast_is_shown_above_the_status_lines(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.notify("a message of some length to show")
        await pilot.pause()
        await pilot.pause()
        toasts = list(app.screen.get_child_by_type(ToastRack).query("Toast"))
        status_top = app.coding.query_one(HerePanel).region.y
        assert toasts and all(t.region.bottom <= status_top for t in toasts)


@asynctest
async def test_the_picker_leaves_the_selected_passage_visible(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down")
        await pilot.pause()
        transcript = app.coding.transcript
        row = transcript.region.y + transcript.line_of(transcript.selection[0]) \
            - transcript.scroll_offset.y
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CodePicker)
        box = app.screen.query_one("Vertical").region
        assert not box.y <= row < box.bottom


@asynctest
async def test_the_delete_question_is_shown_whole(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, CodebookScreen)
        panel = app.screen.query_one("#edit-codes")
        panel.highlighted = next(i for i, c in enumerate(panel.codes)
                                 if c.name == "Gebrek aan wederkerigheid")
        await pilot.press("d")
        await pilot.pause()
        shown = app.export_screenshot()
    text = re.sub(r"<[^>]+>", "", shown).replace("&#160;", " ")
    assert "(ctrl+z undoes it)" in re.sub(r"\s+", " ", text)
