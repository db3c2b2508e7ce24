"""Time the coding screen: start-up, applying a code, scrolling.

    PYTHONPATH=. python bench/bench_tui.py [--words 10000] [--codings 500] [--rounds 20]

Targets: start to first painted transcript ≤ 0.8 s on a
10,000-word interview with 500 codings; the key that applies a code to the
repainted screen ≤ 50 ms; scrolling a 30,000-word transcript smoothly.
Start-up is measured in a fresh interpreter (imports included), since that
is what a user waits for. Runs headless at 120×36.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import interview

SIZE = (120, 36)

STARTUP = r"""
import time, asyncio, sys
t0 = time.perf_counter()
from qualcode.tui.app import make_app
from qualcode.tui.widgets.transcript import Transcript
first = []
original = Transcript.render_line
def render_line(self, y):
    if self.document is not None and not first:
        first.append(time.perf_counter())
    return original(self, y)
Transcript.render_line = render_line
async def main():
    app = make_app(sys.argv[1])
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        settled = time.perf_counter()
    print(f"{first[0] - t0:.4f} {settled - t0:.4f}")
asyncio.run(main())
"""


def build(path: Path, words: int, codings: int) -> None:
    from qualcode.project import CodingRequest, Project

    source = path.parent / f"HA01-{words}.txt"
    source.write_text(interview(1, words), encoding="utf-8")
    with Project.create(path, coder="bench") as project:
        for category in range(6):
            project.add_code(None, f"Categorie {category}", color=f"#{40 * category:02x}7fb0")
            for code in range(5):
                key = str(category * 5 + code + 1) if category * 5 + code < 9 else None
                project.add_code(f"Categorie {category}", f"Code {category}.{code}", key=key)
        project.import_document(source, name="HA01")
        sentences = project.document_text("HA01").sentences
        rng = random.Random(4)
        requests = []
        for _ in range(codings):
            first = rng.randrange(len(sentences) - 3)
            last = first + rng.randint(0, 2)
            category = rng.randrange(6)
            code = f"Categorie {category} > Code {category}.{rng.randrange(5)}"
            requests.append(CodingRequest("HA01", code, sentences[first][0], sentences[last][1]))
        project.add_codings(requests, source="bench")


def startup(path: Path, rounds: int) -> tuple[list[float], list[float]]:
    firsts, settled = [], []
    root = Path(__file__).resolve().parent.parent
    for _ in range(rounds):
        result = subprocess.run(
            [sys.executable, "-c", STARTUP, str(path)], capture_output=True, text=True,
            cwd=root, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"}, check=True,
        )
        a, b = result.stdout.split()
        firsts.append(float(a))
        settled.append(float(b))
    return firsts, settled


class FrameClock:
    """Records when the app hands a frame to the terminal (App._display)."""

    def __init__(self, app) -> None:
        self.frames: list[float] = []
        original = app._display

        def display(screen, renderable):
            original(screen, renderable)
            self.frames.append(time.perf_counter())

        app._display = display

    async def until_frame_after(self, pilot, start: float) -> float:
        """Seconds from ``start`` to the first frame drawn after it."""
        for _ in range(200):
            after = [t for t in self.frames if t > start]
            if after:
                return after[0] - start
            await asyncio.sleep(0.001)
        await pilot.pause()
        return time.perf_counter() - start


async def apply_and_scroll(path: Path, big: Path, rounds: int) -> dict[str, list[float]]:
    """Key-to-frame latencies, measured to the frame written after the change."""
    from qualcode.tui.app import make_app

    figures: dict[str, list[float]] = {"apply": [], "scroll": [], "move": []}
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        clock = FrameClock(app)
        await pilot.pause()
        screen = app.coding
        transcript = screen.transcript
        for round_ in range(rounds):
            transcript.action_next_sentence()
            await pilot.pause()
            start = time.perf_counter()
            screen.action_apply_key(str(round_ % 9 + 1))
            figures["apply"].append(await clock.until_frame_after(pilot, start))
            await pilot.pause()
        for _ in range(rounds):
            start = time.perf_counter()
            transcript.action_next_sentence()
            figures["move"].append(await clock.until_frame_after(pilot, start))
            await pilot.pause()
    app = make_app(big)
    async with app.run_test(size=SIZE) as pilot:
        clock = FrameClock(app)
        await pilot.pause()
        transcript = app.coding.transcript
        for _ in range(rounds * 3):
            start = time.perf_counter()
            transcript.action_page_down_sentence()
            figures["scroll"].append(await clock.until_frame_after(pilot, start))
            await pilot.pause()
    return figures


def ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"median {statistics.median(values) * 1000:6.1f} ms   p95 {p95 * 1000:6.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--codings", type=int, default=500)
    parser.add_argument("--big-words", type=int, default=30_000)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        small, big = Path(folder) / "bench.qualcode", Path(folder) / "big.qualcode"
        build(small, args.words, args.codings)
        build(big, args.big_words, args.codings)
        firsts, settled = startup(small, max(3, args.rounds // 4))
        figures = asyncio.run(apply_and_scroll(small, big, args.rounds))
    print(f"coding screen, {args.words:,}-word interview, {args.codings} codings, 120x36")
    print(f"  start to first transcript line drawn   {ms(firsts)}   (target <= 800 ms)")
    print(f"  start to first frame settled           {ms(settled)}")
    print(f"  apply code key to repainted screen     {ms(figures['apply'])}   (target <= 50 ms)")
    print(f"  Down (next sentence) to repainted      {ms(figures['move'])}")
    print(f"scrolling a {args.big_words:,}-word transcript by pages")
    print(f"  page down to repainted screen          {ms(figures['scroll'])}")


if __name__ == "__main__":
    main()
