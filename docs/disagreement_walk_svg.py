"""Draw docs/disagreement-walk.svg: the disagreement walk on a fresh demo project.

Run from the repository: ``python docs/disagreement_walk_svg.py docs/disagreement-walk.svg``.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from textual.widgets import Select

from qualcode.demo import build_demo
from qualcode.tui.app import make_app


async def settle(app, pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def draw(out: Path) -> None:
    app = make_app(build_demo(Path(tempfile.mkdtemp())), coder="Lotte")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        await settle(app, pilot)
        await pilot.press("g")
        app.screen.query_one("#coder-a", Select).value = "Lotte"
        app.screen.query_one("#coder-b", Select).value = "Prof. Claes"
        await settle(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        app.screen.query_one("#answer").value = "Consensus"
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("n", "a", "m", *"hoort bij oneigenlijke vragen", "enter", "b")
        await pilot.press("p", "p", "p")
        await pilot.press("m", *"de herhaalde consultaties horen erbij", "enter")
        await pilot.pause()
        app.save_screenshot(filename=out.name, path=str(out.parent))


if __name__ == "__main__":
    asyncio.run(draw(Path(sys.argv[1]).resolve()))
