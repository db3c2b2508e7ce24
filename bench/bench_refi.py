"""Time REFI-QDA export and import of a 200-interview, 50,000-coding project.

Run: ``PYTHONPATH=. python bench/bench_refi.py``. Target: both under 5 s.
The project is generated (invented text); codings are inserted in bulk so
that building it does not dominate the run. Import is timed twice: with
qualcode's own sentence splitting (spaCy, as a real import does) and with
a trivial splitter, to show what the REFI work itself costs.
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
