"""Draw the README's and docs' screenshots of the demo project at 120×36.

Run from the repository: ``python docs/screens_svg.py docs``. It writes
coding-screen.svg, saturation-screen.svg, agreement-screen.svg,
search-screen.svg and pseudonymise-screen.svg into that folder, each from a
fresh demo project, so they show the app as it is now.
(docs/disagreement_walk_svg.py draws the disagreement walk.)
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Select

from qualcode.demo import build_demo
from qualcode.tui.app import QualcodeApp, make_app

SIZE = (120, 36)


async def settle(pilot: Pilot) -> None:  # type: ignore[type-arg]
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def coding(pilot: Pilot) -> None:  # type: ignore[type-arg]
    """HA01 a few turns in: coloured codings around a selected respondent sentence."""
    await pilot.press(*["down"] * 14)


async def saturation(pilot: Pilot) -> None:  # type: ignore[type-arg]
    await pilot.press("a")


async def agreement(pilot: Pilot) -> None:  # type: ignore[type-arg]
    await pilot.press("a")
    await settle(pilot)
    await pilot.press("g")
    pilot.app.screen.query_one("#coder-a", Select).value = "Lotte"
    pilot.app.screen.query_one("#coder-b", Select).value = "Prof. Claes"


async def search(pilot: Pilot) -> None:  # type: ignore[type-arg]
    """Hits of "belast" in respondent turns, two of them marked."""
    await pilot.press("ctrl+f")
    await settle(pilot)
    await pilot.press(*"belast", "enter")
    await settle(pilot)
    await pilot.press("ctrl+r")  # respondent turns: searches again
    await settle(pilot)
    await pilot.press("space", "down", "space")


async def pseudonymise(pilot: Pilot) -> None:  # type: ignore[type-arg]
    """The findings, the highlighted one's occurrences in context."""
    pilot.app.action_pseudonymise()  # type: ignore[attr-defined]
    await settle(pilot)
    await pilot.press("down", "down", "down", "down", "down")


SCREENS: dict[str, Callable[[Pilot], Awaitable[None]]] = {  # type: ignore[type-arg]
    "coding-screen.svg": coding,
    "saturation-screen.svg": saturation,
    "agreement-screen.svg": agreement,
    "search-screen.svg": search,
    "pseudonymise-screen.svg": pseudonymise,
}


async def draw(folder: Path) -> None:
    for name, steps in SCREENS.items():
        app: QualcodeApp = make_app(build_demo(Path(tempfile.mkdtemp())), coder="Lotte")
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await steps(pilot)
            await settle(pilot)
            app.save_screenshot(filename=name, path=str(folder))


if __name__ == "__main__":
    asyncio.run(draw(Path(sys.argv[1]).resolve()))
