"""A small deterministic project for the TUI tests and snapshots (no spaCy, no user dirs)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qualcode.project import Project, TurnInfo

TURNS = [
    ("I", "interviewer", "Zie je psychosociale zorg als jouw rol? Wat vind je daar zwaar aan?"),
    ("HA1", "respondent", "Ja, zeker. Wij zijn laagdrempelig, mensen komen eerst bij ons. "
     "Maar het kost veel tijd. Ik loop dan uit met mijn consultaties."),
    ("I", "interviewer", "En wat geeft je energie?"),
    ("HA1", "respondent", "Dat je zoveel geeft en zo weinig terugkrijgt, dat weegt. "
     "Die wederkerigheid ontbreekt soms. Maar de variatie in het werk geeft me energie."),
]


def build_document(header: str, turns: list[tuple[str, str, str]]) -> tuple[str, list, list]:
    """Text, turns and sentence spans the way the importer would store them."""
    text = header + "\n\n"
    turn_infos, sentences = [], []
    for speaker, role, body in turns:
        start = len(text)
        line = f"{speaker}: {body}"
        body_start = start + len(speaker) + 2
        for match in re.finditer(r"[^.?!]+[.?!]", body):
            lead = len(match.group()) - len(match.group().lstrip())
            sentences.append((body_start + match.start() + lead, body_start + match.end()))
        turn_infos.append(TurnInfo(speaker, role, start, start + len(line)))
        text += line + "\n\n"
    return text, turn_infos, sentences


def make_study(path: Path) -> Path:
    with Project.create(path, coder="Lotte") as project:
        for name, case in (("HA01", "HA1"), ("HA02", "HA2")):
            text, turns, sentences = build_document(f"Interview {name}, WGC Gent-Noord", TURNS)
            project.add_document(name, text, case=case, turns=turns, sentences=sentences)
        project.add_code(None, "Belasting", color="#d95f02")
        project.add_code("Belasting", "Objectieve belasting", key="1", color="#1b9e77")
        project.add_code("Belasting", "Gebrek aan wederkerigheid", key="2", color="#7570b3")
        project.add_code(None, "Rol van de huisarts", color="#e7298a")
        project.add_code("Rol van de huisarts", "Laagdrempeligheid", key="3", color="#e6ab02")
        project.add_code(None, "Energiebronnen", color="#66a61e")
        project.add_code("Energiebronnen", "Variatie", color="#a6761d")
        text = project.document_text("HA01").text
        start = text.index("Wij zijn laagdrempelig")
        project.add_coding("HA01", "Laagdrempeligheid", start, text.index(" Maar het kost"))
        start = text.index("Maar het kost")
        project.add_coding("HA01", "Objectieve belasting", start, text.index("\n\nI: En"))
        project.add_coding("HA02", "Objectieve belasting", start, text.index("\n\nI: En"))
        project.set_status(["HA01", "HA02"], "coded")
    return path


@pytest.fixture(autouse=True)
def chosen_coder(user_config: Path) -> str:
    """TUI tests run as a user who chose the name "Lotte" on an earlier first open."""
    from qualcode.identity import save_coder

    return save_coder("Lotte")


@pytest.fixture
def study(tmp_path: Path) -> Path:
    """A project with two short interviews, a 3-category codebook and 3 codings."""
    return make_study(tmp_path / "study.qualcode")


def sentences_of(path: Path, document: str) -> list[tuple[int, int]]:
    with Project.open(path) as project:
        return list(project.document_text(document).sentences)


def codings_of(path: Path, **filters: str) -> list:
    with Project.open(path) as project:
        return project.codings(**filters)


def asynctest(test):
    """Run an async test body with asyncio (no pytest async plugin needed)."""
    import asyncio
    import functools

    @functools.wraps(test)
    def run(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return run


async def wait_for(pilot, condition, seconds: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
    """Poll ``condition`` while the app runs, for changes that arrive by themselves (another
    window's, through the live poll); workers may be cancelled by newer ones meanwhile."""
    for _ in range(int(seconds / 0.1)):
        if condition():
            return True
        await pilot.pause(0.1)
    return condition()


class Notifications:
    """The notifications an app showed, caught through Textual's public message hook.

    Pass :meth:`hook` as ``app.run_test(message_hook=...)``; every ``Notify``
    message the app receives (from ``App.notify``/``Widget.notify``) is kept.
    """

    def __init__(self) -> None:
        self.shown: list = []

    def hook(self, message) -> None:
        from textual.notifications import Notify

        if isinstance(message, Notify):
            self.shown.append(message.notification)

    def messages(self, severity: str | None = None) -> list[str]:
        return [n.message for n in self.shown if severity is None or n.severity == severity]
