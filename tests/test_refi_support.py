"""Builders shared by the REFI-QDA tests: a rich project and hand-made .qdpx files.

All texts and people are invented.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from qualcode.model import Memo
from qualcode.project import Project
from qualcode.project.values import TurnInfo

HA1 = (
    "I: Hoe ervaar je psychosociale zorg?\n"
    "HA1: Het kost veel tijd 😅 en ik loop uit.\n"
    "I: En de wederkerigheid?\n"
    "HA1: Die ontbreekt soms, café-gesprekken helpen.\n"
)
HA2 = (
    "I: Wat vind je zwaar?\n"
    "HA2: De verwachtingen van patiënten zijn hoog.\n"
    "I: Heb je steun?\n"
    "HA2: Collega's helpen, en 🙂 supervisie ook.\n"
)


def simple_sentences(text: str, turns: object = (), language: str = "nl") -> list[tuple[int, int]]:
    """One sentence per line: enough for tests, no spaCy needed."""
    spans, start = [], 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            spans.append((start, start + len(line.rstrip("\n"))))
        start += len(line)
    return spans


def add_text(project: Project, name: str, text: str, case: str | None = None) -> None:
    turns = []
    start = 0
    for line in text.splitlines(keepends=True):
        speaker = line.split(":", 1)[0]
        turns.append(TurnInfo(speaker, "interviewer" if speaker == "I" else "respondent",
                              start, start + len(line.rstrip("\n"))))
        start += len(line)
    project.add_document(name, text, case=case, turns=turns,
                         sentences=simple_sentences(text))


def span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def build_rich_project(path: Path, write_csv: Path) -> Project:
    """Two interviews with emoji and accents, a code tree with a folder, three coders,
    cases with typed attributes, and memos of every kind."""
    project = Project.create(path, coder="Lotte")
    add_text(project, "HA1", HA1, case="P1")
    add_text(project, "HA2", HA2, case="P2")
    project.add_code(None, "Belasting", color="#d95f02", description="Wat zwaar is.")
    project.add_code("Belasting", "Objectieve belasting", key="1",
                     description="Tijd en frequentie.", inclusion="Uitlopen.",
                     exclusion="Gevoelens.", example="Mijn spreekuur loopt uit.")
    project.add_code("Belasting", "Gebrek aan wederkerigheid", color="#1b9e77")
    project.add_code(None, "Steun")
    project.add_code("Steun", "Collega's")
    project.add_code("Steun", "Supervisie")
    project.add_code(None, "Verwachtingen", color="#7570b3")
    s1 = span(HA1, "Het kost veel tijd 😅 en ik loop uit.")
    s2 = span(HA1, "café-gesprekken helpen")
    s3 = span(HA2, "De verwachtingen van patiënten zijn hoog.")
    s4 = span(HA2, "🙂 supervisie ook")
    s5 = span(HA2, "Collega's helpen")
    project.add_coding("HA1", "Objectieve belasting", *s1, coder="Lotte", memo="Kernquote.")
    project.add_coding("HA1", "Gebrek aan wederkerigheid", *s2, coder="Bram")
    project.add_coding("HA2", "Verwachtingen", *s3, coder="Lotte")
    project.add_coding("HA2", "Supervisie", *s4, coder="Bram")
    project.add_coding("HA2", "Collega's", *s5, coder="Sara")
    project.add_coding("HA1", "Objectieve belasting", *s1, coder="Bram")
    write_csv.write_text(
        "participant,leeftijd,gewicht,datum,duur,praktijk\n"
        "P1,45,1.5,2025-03-01,45:10,WGC\n"
        "P2,38,2.25,2025-03-08,52:00,solo\n",
        encoding="utf-8",
    )
    project.import_participants(write_csv)
    code_id = project.code("Steun").id
    with project.change("memo", "test memos") as changes:
        document_id = project.document("HA1").id
        changes.add(Memo(text="Project-memo: steekproef.", author="Lotte", title="Opzet"))
        changes.add(Memo(document_id=document_id, text="Rustig interview.", author="Bram"))
        changes.add(Memo(document_id=document_id, start=s2[0], end=s2[1],
                         text="Opvallend.", author="Sara"))
        changes.add(Memo(code_id=code_id, text="Steun: breed opvatten.", author="Lotte"))
    return project


def qdpx(path: Path, qde: str | bytes, files: dict[str, str | bytes] | None = None,
         entry: str = "project.qde") -> Path:
    """A .qdpx written by hand: the project document plus the given files."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(entry, qde if isinstance(qde, bytes) else qde.encode("utf-8"))
        for name, content in (files or {}).items():
            archive.writestr(name, content if isinstance(content, bytes) else content.encode())
    return path
