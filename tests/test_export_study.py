"""A small invented GP study built through the Project API, shared by the export tests.

Four interviews in a fixed interview order, a participants table, a codebook
of three categories, and codings placed by matching text. Also one test that
the study itself is what the other tests assume.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.project import Project
from qualcode.project.values import TurnInfo

PARTICIPANTS = (
    "participant,gender,age,years as GP,practice type,interview length\n"
    "HA1,v,41,14,WGC,32:10\n"
    "HA2,m,55,28,solo,18:45\n"
    "HA3,v,33,4,groep,41:05\n"
    "HA4,v,47,19,WGC,25:30\n"
)

INTERVIEWS = {
    "HA1": [
        ("I", "Zie je psychosociale zorg als jouw rol?"),
        ("HA1", "Ja. Wij zijn laagdrempelig, mensen komen eerst bij ons. "
                "Maar ik loop altijd uit met mijn consultaties."),
        ("I", "Wat maakt het zwaar?"),
        ("HA1", "Je geeft zoveel en je krijgt zo weinig terug. Dat weegt."),
    ],
    "HA2": [
        ("I", "Wat helpt jou?"),
        ("HA2", "Grenzen stellen, echt. Ik zeg nu vaker nee. "
                "En de consultaties duren gewoon langer dan gepland."),
    ],
    "HA3": [
        ("I", "Heb je tips voor collega's?"),
        ("HA3", "Laagdrempelig zijn is mooi, maar bewaak je grenzen. "
                "Ik plan nu dubbele consultaties voor die patiënten."),
    ],
    "HA4": [
        ("I", "Nog iets?"),
        ("HA4", "Nee, eigenlijk niet."),
    ],
}

CODEBOOK = (
    (None, "Rol van de huisarts", "#1b9e77", "De rol van de huisarts in psychosociale zorg."),
    ("Rol van de huisarts", "Laagdrempeligheid", None, "Eerste aanspreekpunt."),
    (None, "Belasting", "#d95f02", "Wat psychosociale zorg zwaar maakt."),
    ("Belasting", "Objectieve belasting", None, "Langere en frequentere consultaties."),
    ("Belasting", "Subjectieve belasting", "#7570b3", ""),
    ("Belasting > Subjectieve belasting", "Gebrek aan wederkerigheid", None,
     "Veel geven, weinig terugkrijgen."),
    (None, "Tips voor collega's", "#e7298a", "Tips om de belasting te hanteren."),
    ("Tips voor collega's", "Grenzen stellen", None, "Nee zeggen, grenzen bewaken."),
)

CODINGS = (
    ("HA1", "Laagdrempeligheid", "Wij zijn laagdrempelig, mensen komen eerst bij ons.", ""),
    ("HA1", "Objectieve belasting", "ik loop altijd uit met mijn consultaties", "uitlopen"),
    ("HA1", "Gebrek aan wederkerigheid", "Je geeft zoveel en je krijgt zo weinig terug.", ""),
    ("HA2", "Grenzen stellen", "Grenzen stellen, echt. Ik zeg nu vaker nee.", ""),
    ("HA2", "Objectieve belasting", "de consultaties duren gewoon langer dan gepland", ""),
    ("HA3", "Laagdrempeligheid", "Laagdrempelig zijn is mooi", ""),
    ("HA3", "Grenzen stellen", "bewaak je grenzen", "kern van de tip"),
    ("HA3", "Objectieve belasting", "Ik plan nu dubbele consultaties voor die patiënten.", ""),
)


def transcript(turns: list[tuple[str, str]]) -> tuple[str, list[TurnInfo], list[tuple[int, int]]]:
    """Text, turns and sentences of a transcript given as (speaker, words) pairs."""
    text, spans, sentences = "", [], []
    for speaker, words in turns:
        start = len(text)
        line = f"{speaker}: {words}"
        role = "interviewer" if speaker == "I" else "respondent"
        spans.append(TurnInfo(speaker, role, start, start + len(line)))
        cursor = start + len(speaker) + 2
        for sentence in words.replace(". ", ".\0").replace("? ", "?\0").split("\0"):
            sentences.append((cursor, cursor + len(sentence)))
            cursor += len(sentence) + 1
        text += line + "\n"
    return text, spans, sentences


def add_interview(project: Project, name: str, turns: list[tuple[str, str]],
                  case: str | None = None) -> str:
    text, spans, sentences = transcript(turns)
    project.add_document(name, text, case=case or name, turns=spans, sentences=sentences)
    return text


def code_text(project: Project, document: str, code: str, needle: str, memo: str = "") -> int:
    text = project.document_text(document).text
    start = text.index(needle)
    return project.add_coding(document, code, start, start + len(needle), memo=memo).id


def build_study(path: Path, tmp: Path) -> Project:
    """The four-interview study (open; the caller closes it)."""
    project = Project.create(path, coder="Lotte")
    for parent, name, color, description in CODEBOOK:
        project.add_code(parent, name, color=color, description=description)
    for name, turns in INTERVIEWS.items():
        add_interview(project, name, turns)
    table = tmp / "participants.csv"
    table.write_text(PARTICIPANTS, encoding="utf-8")
    project.import_participants(table)
    for document, code, needle, memo in CODINGS:
        code_text(project, document, code, needle, memo)
    project.set_status(list(INTERVIEWS), "coded")
    return project


@pytest.fixture
def study(tmp_path: Path):
    project = build_study(tmp_path / "study.qualcode", tmp_path)
    yield project
    project.close()


def test_the_shared_study_has_four_participants_and_eight_codings(study: Project):
    assert [d.name for d in study.documents()] == ["HA1", "HA2", "HA3", "HA4"]
    assert study.counts()["codings"] == 8
    assert study.cases()[0].attributes["age"] == 41
