"""Positions for people on screen, and speaker labels corrected on the project screen."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable, TabbedContent

from qualcode.project import Project
from qualcode.tui.app import make_app
from qualcode.tui.screens.dialogs import TextPrompt
from qualcode.tui.screens.retrieval import RetrievalScreen
from qualcode.tui.widgets.here_panel import HerePanel
from tests.tui.conftest import asynctest

FIXTURES = Path(__file__).parent.parent / "fixtures" / "transcripts"


@pytest.fixture
def timed(tmp_path: Path) -> Path:
    """An Otter transcript with one coding in its fourth turn (19:21)."""
    path = tmp_path / "timed.qualcode"
    with Project.create(path, language="en", coder="Lotte") as project:
        project.import_document(shutil.copy(FIXTURES / "otter.txt", tmp_path / "JB01.txt"))
        project.add_code(None, "Evening calls", color="#d95f02")
        text = project.document_text("JB01").text
        start = text.index("My kids know")
        project.add_coding("JB01", "Evening calls", start, start + len("My kids know"))
    return path


def _status(app) -> str:
    return str(app.screen.query_one(HerePanel).render())


@asynctest
async def test_the_first_selection_lands_on_the_first_turn_not_the_otter_preamble(timed):
    app = make_app(timed)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        text = app.coding.document.text
        start, _ = app.coding.transcript.selection
        assert text[start:].startswith("Thanks for making time.")
        assert "JB01 · turn 1 · 0:13 · Mira Holt (interviewer)" in _status(app)


@asynctest
async def test_the_status_shows_turn_and_time_where_the_selection_is(timed):
    app = make_app(timed)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("end")
        await pilot.pause()
        assert "turn 4 · 19:21 · Jonas Brecht (respondent)" in _status(app)


@asynctest
async def test_the_retrieval_screen_shows_turn_and_time_of_each_quote(timed):
    app = make_app(timed)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RetrievalScreen)
        label = str(app.screen.query_one("#quotes").get_option_at_index(0).prompt)
        assert "turn 4 · 19:21" in label


async def _speakers_tab(app, pilot) -> DataTable:
    await pilot.press("p", "s")
    await pilot.pause()
    assert app.screen.query_one(TabbedContent).active == "speakers-tab"
    return app.screen.query_one("#speakers", DataTable)


@asynctest
async def test_the_speakers_tab_lists_each_label_with_role_and_participant(timed):
    app = make_app(timed)
    async with app.run_test(size=(120, 36)) as pilot:
        table = await _speakers_tab(app, pilot)
        rows = [table.shown_row_at(i) for i in range(table.row_count)]
        assert [(r[1], r[3], r[4], r[6]) for r in rows] == [
            ("Mira Holt", "interviewer", "—", "0:13"),
            ("Jonas Brecht", "respondent", "JB01", "0:21"),
        ]


@asynctest
async def test_r_on_the_speakers_tab_changes_the_role_of_all_turns_of_a_label(timed):
    app = make_app(timed)
    async with app.run_test(size=(120, 36)) as pilot:
        table = await _speakers_tab(app, pilot)
        await pilot.press("r")
        await pilot.pause()
        roles = {s.label: s.role for s in app.project.speakers()}
        assert roles == {"Mira Holt": "respondent", "Jonas Brecht": "respondent"}
        assert table.shown_row_at(0)[3] == "respondent"


@asynctest
async def test_a_on_the_speakers_tab_sets_who_speaks_under_a_label(timed):
    app = make_app(timed)
    async with app.run_test(size=(120, 36)) as pilot:
        table = await _speakers_tab(app, pilot)
        table.move_cursor(row=1)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"JB02", "enter")
        await pilot.pause()
        jonas = next(s for s in app.project.speakers() if s.label == "Jonas Brecht")
        assert jonas.participant == "JB02"
