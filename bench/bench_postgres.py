"""PostgreSQL figures: one coding's latency, and how soon a second TUI shows it.

Run: python bench/bench_postgres.py   (prints figures; record them in bench/RESULTS.md)
Starts its own throwaway PostgreSQL 15 (fsync on, like a real server) on
127.0.0.1, as tests/postgres_server.py does. Targets: one coding through the
Project API on loopback, p95 <= 20 ms; a coding made in another window is on
screen in a second TUI within 2 s.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from qualcode.project import Project
from tests import postgres_server

TEXT = "".join(f"HA1: Dit is zin nummer {i}, over de zorg en de tijd die het kost.\n"
               for i in range(2000))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def make_project(location: str) -> None:
    with Project.create(location, coder="Lotte") as project:
        project.add_document("HA1", TEXT)
        project.add_code(None, "Belasting")
        project.add_code("Belasting", "Objectieve belasting")


def bench_codings(location: str, label: str, count: int = 500) -> None:
    """``add_coding`` (the TUI's call: the change, then the coding read back for the screen)
    and ``add_codings`` with one request (the change alone: its transaction and event)."""
    from qualcode.project import CodingRequest

    with Project.open(location, coder="Lotte") as project:
        project.add_coding("HA1", "Objectieve belasting", 0, 5)  # warm the caches
        calls = {
            "add_coding": lambda i: project.add_coding(
                "HA1", "Objectieve belasting", i * 60, i * 60 + 40),
            "the change alone": lambda i: project.add_codings(
                [CodingRequest("HA1", "Objectieve belasting", i * 60 + 1, i * 60 + 41)]),
        }
        for name, call in calls.items():
            times = []
            for i in range(count):
                started = time.perf_counter()
                call(i)
                times.append((time.perf_counter() - started) * 1000)
            print(f"one coding on {label}, {name} ({count} in a row): "
                  f"p50 {statistics.median(times):.1f} ms, "
                  f"p95 {percentile(times, 0.95):.1f} ms, max {max(times):.1f} ms"
                  + ("  (target p95 <= 20 ms)" if label == "PostgreSQL" else ""))


async def refresh_delays(location: str, rounds: int = 15) -> list[float]:
    from qualcode.tui.app import make_app

    app = make_app(location, coder="Lotte")
    delays = []
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause(0.5)
        with Project.open(location, coder="Ward") as ward:
            for i in range(rounds):
                start = 100_000 + i * 60
                coding = ward.add_coding("HA1", "Objectieve belasting", start, start + 30).id
                made = time.perf_counter()
                while all(c.id != coding for c in app.coding.transcript.codings):
                    if time.perf_counter() - made > 5:
                        break
                    await pilot.pause(0.01)
                delays.append(time.perf_counter() - made)
                await pilot.pause(0.3)  # between rounds, as between a person's codings
    return delays


def bench_refresh(location: str, label: str) -> None:
    delays = asyncio.run(refresh_delays(location))
    print(f"a coding made in another window appears in the TUI on {label}: "
          f"median {statistics.median(delays):.2f} s, max {max(delays):.2f} s "
          f"({len(delays)} codings; target <= 2 s)")


def main() -> None:
    server = postgres_server.start(durable=True)
    try:
        url = server.new_database("bench")
        make_project(url)
        bench_codings(url, "PostgreSQL")
        bench_refresh(url, "PostgreSQL")
        with tempfile.TemporaryDirectory() as folder:
            path = str(Path(folder) / "bench.qualcode")
            make_project(path)
            bench_codings(path, "SQLite")
            bench_refresh(path, "SQLite")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
