"""Time REFI-QDA export and import of a 200-interview, 50,000-coding project.

Run: ``PYTHONPATH=. python bench/bench_refi.py``. Target: both under 5 s.
The project is generated (invented text); codings are inserted in bulk so
that building it does not dominate the run. Import is timed twice: with
qualcode's own sentence splitting (spaCy, as a real import does) and with
a trivial splitter, to show what the REFI work itself costs; then each
phase of an import is timed alone.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from qualcode.model import Coder, Coding
from qualcode.project import Project
from qualcode.refi import import_refi, write_qdpx

INTERVIEWS = 200
CODINGS = 50_000
WORDS = ("patiënt", "tijd", "druk", "steun", "collega", "gesprek", "zorg", "café", "ja", "nee")


def build(path: Path) -> Project:
    rng = random.Random(7)
    project = Project.create(path, coder="Lotte")
    for top in range(5):
        project.add_code(None, f"Thema {top}")
        for sub in range(8):
            project.add_code(f"Thema {top}", f"Code {top}.{sub}")
    code_ids = [c.id for c in project.codes() if c.depth == 1]
    lengths = []
    for number in range(1, INTERVIEWS + 1):
        lines = []
        for turn in range(120):
            speaker = "I" if turn % 2 == 0 else f"HA{number}"
            lines.append(f"{speaker}: " + " ".join(rng.choice(WORDS) for _ in range(30)) + ".")
        text = "\n".join(lines) + "\n"
        project.add_document(f"HA{number:03d}", text, sentences=[])
        lengths.append(len(text))
    documents = [d.id for d in project.documents()]
    with project.change("bench", "bench codings") as changes:
        coders = [Coder(name=name) for name in ("Lotte", "Bram", "Sara")]
        changes.session.add_all(coders)
        changes.session.flush()
        rows = []
        for _ in range(CODINGS):
            index = rng.randrange(INTERVIEWS)
            start = rng.randrange(lengths[index] - 200)
            rows.append({
                "document_id": documents[index], "code_id": rng.choice(code_ids),
                "coder_id": rng.choice(coders).id, "start": start,
                "end": start + rng.randrange(20, 200), "memo": "",
            })
        changes.session.execute(insert(Coding), rows)
    return project


def phases(file: Path, language: str = "nl") -> None:
    """Where an import's time goes, each phase timed alone in this process.

    Run after the imports: loading spaCy here would make import_refi split
    in-process instead of in its background worker.
    """
    from qualcode.nlp import sentence_pipeline, split_many
    from qualcode.refi.plan import plan_sources
    from qualcode.refi.reading import read_qdpx
    from qualcode.refi.report import RefiReport

    began = time.perf_counter()
    parsed = read_qdpx(file)
    read = time.perf_counter() - began
    began = time.perf_counter()
    plans, _ = plan_sources(parsed, RefiReport(str(file), "qdpx", ""), None, language)
    plan = time.perf_counter() - began
    began = time.perf_counter()
    sentence_pipeline(language)
    load = time.perf_counter() - began
    began = time.perf_counter()
    split_many([(p.text, p.turns) for p in plans], language)
    split = time.perf_counter() - began
    print(f"  phases alone: read {read:.2f} s, plan {plan:.2f} s, load spaCy {load:.2f} s, "
          f"split sentences {split:.2f} s (spaCy loading and splitting run in a second "
          f"process during a big import)")


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="bench-refi-"))
    project = build(folder / "big.qualcode")
    began = time.perf_counter()
    write_qdpx(project, folder / "big.qdpx")
    exported = time.perf_counter() - began
    project.close()
    print(f"export qdpx: {exported:.2f} s ({(folder / 'big.qdpx').stat().st_size:,} bytes)")

    began = time.perf_counter()
    report = import_refi(folder / "plain.qualcode", folder / "big.qdpx",
                         sentence_splitter=lambda text, turns, language: [])
    plain = time.perf_counter() - began
    print(f"import qdpx (no sentence splitting): {plain:.2f} s, "
          f"{report.imported.get('codings', 0):,} codings")

    began = time.perf_counter()
    report = import_refi(folder / "full.qualcode", folder / "big.qdpx")
    full = time.perf_counter() - began
    print(f"import qdpx (with qualcode.nlp sentences): {full:.2f} s, "
          f"{report.imported.get('codings', 0):,} codings")
    phases(folder / "big.qdpx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
