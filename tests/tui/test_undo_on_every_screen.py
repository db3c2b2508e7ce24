"""ctrl+z on the codebook and project screens with nothing of this coder's to undo."""

from __future__ import annotations

from qualcode.tui.app import make_app
from tests.tui.conftest import Notifications, asynctest


@asynctest
async def test_undo_with_nothing_of_mine_says_so_on_the_codebook_and_project_screens(study):
    app, seen = make_app(study, coder="Jan"), Notifications()
    async with app.run_test(size=(120, 36), message_hook=seen.hook) as pilot:
        for key in ("b", "p"):
            await pilot.press(key)
            await pilot.pause()
            await pilot.press("ctrl+z")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
    assert seen.messages().count("nothing of yours (Jan) to undo") == 2
