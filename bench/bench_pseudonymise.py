"""Time pseudonymisation on the demo study (target: detection ≤ 5 s).

    PYTHONPATH=. python bench/bench_pseudonymise.py

Builds the demo project in a temporary folder, then times deduce's lookup
tables (built on a machine's first use, loaded on each process's first use,
in an empty cache folder), detection (median of five runs, in one process
after start-up), the whole `pseudonymise --detect` command as a user runs it,
and applying the proposed mapping (including the file rewrite).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from qualcode.demo import build_demo
from qualcode.project import Project
from qualcode.pseudonymise import detect
from qualcode.pseudonymise.dutch import deidentifier


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["QUALCODE_CACHE_DIR"] = str(Path(folder) / "cache")
        started = time.perf_counter()
        deidentifier()
        built = time.perf_counter() - started
        deidentifier.cache_clear()
        started = time.perf_counter()
        deidentifier()
        print(f"deduce tables: built {built:.2f} s (first use on a machine), loaded "
              f"{time.perf_counter() - started:.2f} s (first use in a process)")
        path = build_demo(folder)
        with Project.open(path) as project:
            documents = project.documents()
            words = sum(d.words for d in documents)
            times = []
            for _ in range(5):
                started = time.perf_counter()
                findings = detect(project)
                times.append(time.perf_counter() - started)
        print(f"demo: {len(documents)} documents, {words:,} words; {len(findings)} findings, "
              f"{sum(f.count for f in findings)} occurrences")
        print(f"detect (in process)          median {statistics.median(times) * 1000:7.1f} ms "
              f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f})")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "qualcode", "pseudonymise", str(path), "--detect",
                        "--out", str(Path(folder) / "map.csv")], check=True,
                       stdout=subprocess.DEVNULL)
        print(f"pseudonymise --detect (whole command)   {time.perf_counter() - started:7.2f} s")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "qualcode", "pseudonymise", str(path), "--apply",
                        str(Path(folder) / "map.csv")], check=True, stdout=subprocess.DEVNULL)
        print(f"pseudonymise --apply (whole command)    {time.perf_counter() - started:7.2f} s")


if __name__ == "__main__":
    main()
