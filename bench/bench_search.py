"""Time study-wide search and auto-coding (target: a search ≤ 100 ms after start-up).

    PYTHONPATH=. python bench/bench_search.py [--interviews 200] [--words 10000]

Builds a project of synthetic interviews (bench/synthetic.py) with a rare
phrase planted in one interview of ten, then times: building the word index
(the first search), searches for the rare phrase by stem, exact and regex,
a respondent-only search, a word that occurs in every interview hundreds of
times, and auto-coding the rare phrase's sentences (one change).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.synthetic import interview
from qualcode.project import Project
from qualcode.search import auto_code, find

PLANTED = "Die administratieve belasting weegt echt op mij."


def timed(label: str, work: Callable[[], object], repeat: int = 5) -> object:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        times.append((time.perf_counter() - started) * 1000)
    count = f"{len(result)} hits" if isinstance(result, list) else ""
    print(f"{label:<48} median {statistics.median(times):8.1f} ms  "
          f"(min {min(times):.1f}, max {max(times):.1f})  {count}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--interviews", type=int, default=200)
    parser.add_argument("--words", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.qualcode"
        started = time.perf_counter()
        with Project.create(path, coder="bench") as project:
            for number in range(1, args.interviews + 1):
                text = interview(number, args.words)
                if number % 10 == 0:
                    text = text.replace("\nHA", f"\nHA{number}: {PLANTED}\nHA", 1)
                source = Path(folder) / f"SYN{number:03d}.txt"
                source.write_text(text, encoding="utf-8")
                project.import_document(source)
            project.add_code(None, "Administratie")
        words = sum(d.words for d in Project.open(path).documents())
        print(f"study: {args.interviews} interviews, {words:,} words "
              f"(built in {time.perf_counter() - started:.1f} s)")
        with Project.open(path, coder="bench") as project:
            timed("first search (builds the word index)", lambda: find(project, "belasting"), 1)
            timed("stem search: administratieve belasting",
                  lambda: find(project, "administratieve belasting"))
            timed("exact search: administratieve belasting",
                  lambda: find(project, "administratieve belasting", mode="exact"))
            timed("regex search: administratieve\\s+belast\\w*",
                  lambda: find(project, r"administratieve\s+belast\w*", mode="regex"))
            timed("stem search, respondent turns only: weegt",
                  lambda: find(project, "weegt", roles=["respondent"]))
            timed("stem search, a word in every interview: wachtlijst",
                  lambda: find(project, "wachtlijst"), 3)
            hits = find(project, "administratieve belasting")
            started = time.perf_counter()
            result = auto_code(project, hits, "Administratie", "sentence")
            print(f"{'auto-code the phrase by sentence (one change)':<48} "
                  f"{(time.perf_counter() - started) * 1000:8.1f} ms  {result.coded} codings")


if __name__ == "__main__":
    main()
