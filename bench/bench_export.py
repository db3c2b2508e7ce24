"""Export speed and memory: 10,000 and 100,000 codings (targets: ≤ 1 s, ≤ 10 s, ≤ 250 MiB).

Run from the repository root::

    PYTHONPATH=. /work/venv/bin/python bench/bench_export.py [--sizes 10000 100000]
        [--formats xlsx docx]

(``export docx`` should stay within 3x of ``export xlsx`` on the same project.)

Each size is built once as a project (invented text; cached under the temp
directory), then exported to .xlsx in a fresh subprocess so peak memory
(``ru_maxrss``) is that of the export alone, not of building the project.
Figures are printed, never asserted: the machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = (
    "ja", "nee", "dat", "is", "zwaar", "soms", "patiënt", "tijd", "consultatie", "gesprek",
    "moe", "frustratie", "grenzen", "collega", "psycholoog", "wachtlijst", "verwijzen",
    "luisteren", "empathie", "afstand", "energie", "wederkerigheid", "klacht", "somatisch",
    "werk", "thuis", "familie", "zorg", "huisarts", "praktijk",
)
CATEGORIES = ("Rol van de huisarts", "Belasting", "Emoties en gedrag", "Vermindering", "Tips")
PER_DOCUMENT = 1000


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def build_project(path: Path, codings: int, seed: int = 5) -> None:
    """A project with ``codings`` codings of ~300-character quotes, 1,000 per interview."""
    from qualcode.project import CodingRequest, Project
    from qualcode.project.values import TurnInfo

    rng = random.Random(seed)
    documents = max(1, codings // PER_DOCUMENT)
    with Project.create(path, coder="Bench") as project:
        codes = []
        for number, category in enumerate(CATEGORIES, start=1):
            project.add_code(None, category, color=f"#{rng.randrange(0x808080, 0xFFFFFF):06x}")
            for sub in range(1, 7):
                name = f"Subcode {number}.{sub}"
                project.add_code(category, name, description=_sentence(rng, 12))
                codes.append(f"{category} > {name}")
        for d in range(1, documents + 1):
            parts: list[str] = []
            turns: list[TurnInfo] = []
            position = 0
            for t in range(PER_DOCUMENT):
                speaker = "I" if t % 2 == 0 else f"HA{d}"
                body = " ".join(_sentence(rng, 8) for _ in range(6))
                line = f"{speaker}: {body}\n"
                turns.append(TurnInfo(speaker, "interviewer" if t % 2 == 0 else "respondent",
                                      position, position + len(line) - 1))
                parts.append(line)
                position += len(line)
            text = "".join(parts)
            name = f"HA{d:03d}"
            project.add_document(name, text, turns=turns,
                                 sentences=[(t.start, t.end) for t in turns])
            count = min(PER_DOCUMENT, codings - (d - 1) * PER_DOCUMENT)
            requests = [
                CodingRequest(name, rng.choice(codes), turns[i].start + 4,
                              min(turns[i].start + 304, turns[i].end),
                              memo="" if i % 5 else "memo " + _sentence(rng, 5))
                for i in range(count)
            ]
            project.add_codings(requests)


def measure(project_path: Path, out: Path) -> dict[str, float]:
    """Export once in this process (format from ``out``'s suffix); seconds and peak MiB."""
    from qualcode.export import export
    from qualcode.project import Project

    with Project.open(project_path) as project:
        started = time.perf_counter()
        export(out.suffix[1:], project, out)
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": round(seconds, 2), "peak_mib": round(peak, 1),
            "size_mib": round(out.stat().st_size / 2**20, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--formats", nargs="+", default=["xlsx"])
    parser.add_argument("--measure", nargs=2, metavar=("PROJECT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(Path(args.measure[0]), Path(args.measure[1]))))
        return
    work = Path(tempfile.gettempdir()) / "qualcode-bench-export"
    work.mkdir(exist_ok=True)
    for size in args.sizes:
        project = work / f"codings-{size}.qualcode"
        if not project.exists():
            started = time.perf_counter()
            build_project(project, size)
            print(f"built {project.name} in {time.perf_counter() - started:.1f} s")
        for fmt in args.formats:
            out = work / f"codings-{size}.{fmt}"
            result = subprocess.run(
                [sys.executable, __file__, "--measure", str(project), str(out)],
                capture_output=True, text=True, check=True,
            )
            figures = json.loads(result.stdout)
            print(f"{size:>7,} codings: {fmt} export {figures['seconds']:.2f} s, "
                  f"peak memory {figures['peak_mib']:.0f} MiB, file {figures['size_mib']} MiB")


if __name__ == "__main__":
    main()
