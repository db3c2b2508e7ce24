"""Each screen's footer shows at most five keys; the rest stay in ? help and the palette."""

from __future__ import annotations

import pytest

from qualcode.tui.app import make_app
from tests.tui.conftest import asynctest

SCREENS = {
    "coding": (),
    "project": ("p",),
    "codebook": ("b",),
    "retrieval": ("r",),
    "analysis": ("a",),
    "search": ("ctrl+f",),
}


def _footer_keys(screen) -> list[str]:
    return [key.description for key in screen.query("FooterKey")
            if not key.has_class("-command-palette")]


@pytest.mark.parametrize("name", SCREENS)
@asynctest
async def test_the_footer_shows_at_most_five_keys(study, name):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*SCREENS[name])
        await pilot.pause()
        await pilot.pause()
        shown = _footer_keys(app.screen)
        assert 0 < len(shown) <= 5, shown
        assert name == "search" or "Help" in shown
