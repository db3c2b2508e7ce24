"""Cold start: the real commands, each a fresh process, timed from launch to exit.

    PYTHONPATH=. python bench/bench_coldstart.py [--runs 7] [--importtime]

What a user waits for when they type a command is the whole process: Python
start-up, imports, opening the project, the work, and exit. Each command is
run ``--runs`` times after one warm-up run (like hyperfine) and the median,
fastest and slowest are printed as a Markdown table, beside the targets and
Taguette 1.5.2's figures on the same ten interviews.

The TUI figure is launch to the first transcript line drawn: ``qualcode
open P`` through the real command line, run headless at 120x36 by a small
wrapper that also hooks the transcript's first ``render_line`` (it imports
Textual's app module first, a few ms); the clock starts in this process
before the launch, so interpreter start-up is included. ``--importtime`` prints the slowest
imports (``python -X importtime``) of each command instead.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import interview, write_corpus

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

FIRST_PAINT = r"""
import sys, time
import textual.app

run = textual.app.App.run


def headless(app, **options):
    from qualcode.tui.widgets.transcript import Transcript

    render_line, painted = Transcript.render_line, []

    def first(self, y):
        if self.document is not None and not painted:
            painted.append(time.perf_counter())
            print(f"{painted[0]:.6f}", flush=True)
            self.app.exit()
        return render_line(self, y)

    Transcript.render_line = first
    return run(app, headless=True, size=(120, 36))


textual.app.App.run = headless
from qualcode.cli import main

sys.argv = ["qualcode", "open", sys.argv[1]]
main()
"""


@dataclass
class Case:
    what: str
    target: float
    taguette: str
    command: Callable[[int], list[str]]
    prepare: Callable[[int], None] | None = None
    first_paint: bool = False


def qualcode(*args: object) -> list[str]:
    return [sys.executable, "-m", "qualcode", *map(str, args)]


def run(args: list[str]) -> None:
    subprocess.run(args, cwd=ROOT, env=ENV, check=True, capture_output=True)


def timed(case: Case, round_: int) -> tuple[float, float]:
    """Wall-clock seconds of one run, and the CPU seconds (user + system) it used.

    On a quiet machine the two agree for these single-threaded commands; on a
    busy one the wall clock also counts waiting for a core, the CPU time not.
    """
    if case.prepare is not None:
        case.prepare(round_)
    args = case.command(round_)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(args, cwd=ROOT, env=ENV, check=True, capture_output=True, text=True)
    end = time.perf_counter()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if case.first_paint:  # CLOCK_MONOTONIC: the same clock in both processes
        return float(result.stdout.split()[0]) - start, cpu
    return end - start, cpu


def write_codebook(path: Path) -> None:
    lines = ["name: Bench", "codes:"]
    for category in range(6):
        lines += [f"  - name: Categorie {category}", "    children:"]
        lines += [f"      - name: Code {category}.{code}" for code in range(5)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_codings(project: Path, out: Path, count: int) -> None:
    """``count`` codings spread over the documents, each one to three whole sentences."""
    from qualcode.project import Project

    rng = random.Random(11)
    rows = ["document,code,start,end"]
    with Project.open(project) as opened:
        documents = [d.name for d in opened.documents()]
        sentences = {name: opened.document_text(name).sentences for name in documents}
    for i in range(count):
        name = documents[i % len(documents)]
        spans = sentences[name]
        first = rng.randrange(len(spans) - 3)
        last = first + rng.randint(0, 2)
        category = rng.randrange(6)
        code = f"Categorie {category} > Code {category}.{rng.randrange(5)}"
        rows.append(f"{name},{code},{spans[first][0]},{spans[last][1]}")
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")


def build_cases(folder: Path, args: argparse.Namespace) -> list[Case]:
    corpus = write_corpus(folder / "corpus", args.interviews, args.words)
    codebook = folder / "codebook.yaml"
    write_codebook(codebook)

    study = folder / "study.qualcode"
    run(qualcode("init", study, "--codebook", codebook))
    run(qualcode("import", study, *corpus))
    codings = folder / "codings.csv"
    write_codings(study, codings, args.codings)
    run(qualcode("code", study, "--from", codings))

    transcript = folder / "HA01.txt"
    transcript.write_text(interview(1, 10_000), encoding="utf-8")
    single = folder / "single.qualcode"
    run(qualcode("init", single, "--codebook", codebook))
    run(qualcode("import", single, transcript, "--name", "HA01"))

    def fresh_project(round_: int) -> None:
        run(qualcode("init", folder / f"import-{round_}.qualcode"))

    return [
        Case(f"`import` of {args.interviews} interviews × {args.words:,} words", 1.5, "2.3 s",
             lambda r: qualcode("import", folder / f"import-{r}.qualcode", *corpus),
             prepare=fresh_project),
        Case(f"`export xlsx` of {args.codings:,} codings", 0.6, "1.1 s",
             lambda r: qualcode("export", "xlsx", study, folder / f"out-{r}.xlsx")),
        Case("`documents --json`", 0.3, "—",
             lambda r: qualcode("documents", study, "--json")),
        Case("TUI first paint, 10,000-word transcript", 0.8, "—",
             lambda r: [sys.executable, "-c", FIRST_PAINT, str(single)], first_paint=True),
    ]


def importtime(case: Case) -> str:
    """The ten slowest top-level imports of one run of the case, cumulative µs."""
    if case.prepare is not None:
        case.prepare(10_000)
    args = case.command(10_000)
    result = subprocess.run([args[0], "-X", "importtime", *args[1:]], cwd=ROOT, env=ENV,
                            capture_output=True, text=True, check=True)
    rows = []
    for line in result.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \| ( *)(\S+)", line)
        if match and len(match.group(2)) <= 2:
            rows.append((int(match.group(1)), match.group(3)))
    rows.sort(reverse=True)
    return "\n".join(f"    {us / 1e6:6.3f} s  {name}" for us, name in rows[:10])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--interviews", type=int, default=10)
    parser.add_argument("--words", type=int, default=9_000)
    parser.add_argument("--codings", type=int, default=2_500)
    parser.add_argument("--importtime", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        cases = build_cases(Path(folder), args)
        if args.importtime:
            for case in cases:
                print(f"{case.what}\n{importtime(case)}")
            return
        print(f"load average before: {os.getloadavg()[0]:.1f}")
        print("| command (whole process) | median | fastest | slowest | CPU median "
              "| target | Taguette 1.5.2 |")
        print("|---|---|---|---|---|---|---|")
        for case in cases:
            timed(case, -1)  # warm-up: the page cache, spaCy's files, .pyc
            runs = [timed(case, r) for r in range(args.runs)]
            times = [wall for wall, _ in runs]
            median = statistics.median(times)
            cpu = statistics.median(cpu for _, cpu in runs)
            verdict = "met" if median <= case.target else "**missed**"
            print(f"| {case.what} | {median:.2f} s | {min(times):.2f} s | {max(times):.2f} s "
                  f"| {cpu:.2f} s | ≤ {case.target} s ({verdict}) | {case.taguette} |",
                  flush=True)
        print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
