"""Foundation figures: import throughput, single-coding latency, CLI start-up.

Run: python bench/bench_core.py   (prints figures; record them in bench/RESULTS.md)
Targets on the 2-core reference machine: .txt import >= 150,000 words/s;
one coding, transaction included, <= 2 ms; `qualcode --help` and
`qualcode documents` <= 0.3 s.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_corpus

from qualcode.nlp import split_sentences
from qualcode.project import Project


def bench_import(workdir: Path) -> None:
    paths = write_corpus(workdir / "corpus", count=20, words=10_000)
    words = sum(len(p.read_text().split()) for p in paths)
    split_sentences("Warm up. Nog een zin.", [], "nl")  # load spaCy outside the timing
    with Project.create(workdir / "import.qualcode") as project:
        started = time.perf_counter()
        for path in paths:
            project.import_document(path)
        elapsed = time.perf_counter() - started
    print(f"import: {len(paths)} .txt files, {words:,} words in {elapsed:.2f} s "
          f"= {words / elapsed:,.0f} words/s (target >= 150,000)")


def bench_codings(workdir: Path) -> None:
    with Project.create(workdir / "codings.qualcode", coder="bench") as project:
        project.import_document(write_corpus(workdir / "one", 1, 5_000)[0])
        project.add_code(None, "Belasting")
        timings = []
        for i in range(1_000):
            started = time.perf_counter()
            project.add_coding("SYN001", "Belasting", i, i + 40)
            timings.append(time.perf_counter() - started)
    ms = sorted(t * 1000 for t in timings)
    print(f"coding: 1,000 single codings through the Project API: "
          f"median {statistics.median(ms):.2f} ms, p95 {ms[949]:.2f} ms, "
          f"total {sum(ms) / 1000:.2f} s (target <= 2 ms each)")


def bench_cli(workdir: Path) -> None:
    project = workdir / "import.qualcode"
    commands = (
        ("qualcode --help", ["--help"]),
        ("qualcode documents", ["documents", str(project)]),
    )
    for label, args in commands:
        runs = []
        for _ in range(5):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "qualcode", *args], capture_output=True, check=True
            )
            runs.append(time.perf_counter() - started)
        print(f"cli: {label}: median {statistics.median(runs):.3f} s over 5 runs (target <= 0.3 s)")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        bench_import(workdir)
        bench_codings(workdir)
        bench_cli(workdir)


if __name__ == "__main__":
    main()
