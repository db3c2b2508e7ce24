"""Student and supervisor walk their disagreements in the TUI and end with consensus codings."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.project import Project
from qualcode.tui.app import make_app
from qualcode.tui.screens.consensus import ConsensusScreen
from qualcode.tui.screens.dialogs import TextPrompt
from tests.tui.analysis_helpers import open_analysis, settle
from tests.tui.conftest import asynctest, codings_of, make_study


def span(project: Project, document: str, words: str) -> tuple[int, int]:
    text = project.document_text(document).text
    start = text.index(words)
    return start, start + len(words)


@pytest.fixture
def checked(tmp_path: Path) -> Path:
    """Bram codes both interviews again: one passage alike, three not.

    Lotte (A): HA01 Laagdrempeligheid, HA01 and HA02 Objectieve belasting.
    Bram (B): HA01 Laagdrempeligheid (the same), HA02 "het kost veel tijd" as Objectieve
    belasting (too short to match), HA02 Variatie (Lotte did not code it).
    """
    path = make_study(tmp_path / "study.qualcode")
    with Project.open(path, coder="Bram") as project:
        project.add_coding("HA01", "Laagdrempeligheid",
                           *span(project, "HA01", "Wij zijn laagdrempelig, mensen komen eerst "
                                 "bij ons."))
        project.add_coding("HA02", "Objectieve belasting",
                           *span(project, "HA02", "het kost veel tijd"))
        project.add_coding("HA02", "Variatie",
                           *span(project, "HA02", "Maar de variatie in het werk geeft me "
                                 "energie."))
    return path


def consensus_codings(path: Path) -> list[tuple]:
    with Project.open(path) as project:
        return sorted((c.document, c.code_path[-1], c.text, c.memo)
                      for c in project.codings() if c.coder == "Consensus")


async def start_walk(app, pilot) -> ConsensusScreen:  # type: ignore[no-untyped-def]
    from textual.widgets import Select

    await open_analysis(pilot)
    await pilot.press("g")
    app.screen.query_one("#coder-a", Select).value = "Lotte"
    app.screen.query_one("#coder-b", Select).value = "Bram"
    await settle(pilot)
    await pilot.press("w")
    await pilot.pause()
    assert isinstance(app.screen, TextPrompt)
    app.screen.query_one("#answer").value = "Consensus"
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, ConsensusScreen)
    return app.screen


@asynctest
async def test_walking_the_disagreements_ends_with_the_expected_consensus_codings(checked):
    app = make_app(checked)
    async with app.run_test(size=(120, 36)) as pilot:
        walk = await start_walk(app, pilot)
        assert [(d.document, d.code_path[-1], d.coders) for d in walk.items] == [
            ("HA01", "Objectieve belasting", ("Lotte",)),
            ("HA02", "Objectieve belasting", ("Lotte", "Bram")),
            ("HA02", "Variatie", ("Bram",)),
        ]
        assert "0 of 3 resolved" in walk.progress_line()
        await pilot.press("a")
        await pilot.press("m", *"te ruim", "enter", "b")
        await pilot.pause()
        assert "2 of 3 resolved" in walk.progress_line()
        await pilot.press("d")
        await pilot.pause()
        assert "3 of 3 resolved" in walk.progress_line()
    assert consensus_codings(checked) == [
        ("HA01", "Objectieve belasting",
         "Maar het kost veel tijd. Ik loop dan uit met mijn consultaties.", ""),
        ("HA02", "Objectieve belasting", "het kost veel tijd", "te ruim"),
    ]
    with Project.open(checked) as project:
        reasons = {d.reason for d in project.consensus_decisions("Consensus").values()}
    assert reasons == {"", "te ruim"}


@asynctest
async def test_the_walk_resumes_where_it_stopped_and_ctrl_z_takes_a_decision_back(checked):
    app = make_app(checked)
    async with app.run_test(size=(120, 36)) as pilot:
        walk = await start_walk(app, pilot)
        await pilot.press("k", "k")  # keep both, twice: the first two disagreements
        await pilot.pause()
        assert "2 of 3 resolved" in walk.progress_line()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "1 of 3 resolved" in walk.progress_line()
        assert walk.index == 1
    assert [c[:2] for c in consensus_codings(checked)] == [("HA01", "Objectieve belasting")]
    again = make_app(checked)
    async with again.run_test(size=(120, 36)) as pilot:
        walk = await start_walk(again, pilot)
        assert "1 of 3 resolved" in walk.progress_line()
        assert walk.index == 1  # the first undecided one
        await pilot.press("k")
        await pilot.pause()
    kept = [c for c in codings_of(checked, document="HA02") if c.coder == "Consensus"]
    assert [c.text for c in kept] == [
        "Maar het kost veel tijd. Ik loop dan uit met mijn consultaties."]  # the union


@asynctest
async def test_the_walk_footer_shows_the_four_decisions_and_help_within_80_columns(checked):
    app = make_app(checked)
    async with app.run_test(size=(80, 24)) as pilot:
        walk = await start_walk(app, pilot)
        keys = [key for key in walk.query("FooterKey")
                if not key.has_class("-command-palette")]
        palette = walk.query_one("FooterKey.-command-palette")
        assert [key.description for key in keys] == [
            "Keep A's", "Keep B's", "Keep both", "Drop", "Help"]
        assert max(key.region.right for key in keys) <= palette.region.x
