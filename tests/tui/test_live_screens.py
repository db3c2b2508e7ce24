"""A supervisor's screens follow the team: quotes, analysis and coding queries show
another window's codings by themselves, without leaving and coming back."""

from __future__ import annotations

from pathlib import Path

from qualcode.project import Project
from qualcode.tui.app import make_app
from qualcode.tui.screens.analysis import AnalysisScreen
from qualcode.tui.screens.coding_query import CodingQueryScreen
from qualcode.tui.screens.retrieval import RetrievalScreen
from qualcode.tui.screens.search import SearchScreen
from tests.tui.conftest import asynctest, wait_for


def bram_codes_variatie(study: Path) -> None:
    """Another window (another coder) codes the sentence about variation."""
    with Project.open(study, coder="Bram") as project:
        text = project.document_text("HA02").text
        start = text.index("Maar de variatie")
        project.add_coding("HA02", "Variatie", start, text.index(".", start) + 1)



@asynctest
async def test_the_quotes_screen_shows_another_windows_new_quote_at_its_code(study):
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RetrievalScreen)
        panel = screen.query_one("#retrieval-codes")
        panel.highlighted = next(i for i, c in enumerate(panel.codes) if c.name == "Variatie")
        await pilot.pause()
        assert screen.quotes == []
        bram_codes_variatie(study)
        assert await wait_for(pilot, lambda: [q.coder for q in screen.quotes] == ["Bram"])
        assert panel.highlighted_code is not None and panel.highlighted_code.name == "Variatie"


@asynctest
async def test_the_analysis_screen_counts_again_when_another_window_codes(study):
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("a")
        screen = app.screen
        assert isinstance(screen, AnalysisScreen)
        assert await wait_for(pilot, lambda: screen.study is not None)
        before = len(screen.study.codings)
        bram_codes_variatie(study)
        assert await wait_for(pilot, lambda: len(screen.study.codings) == before + 1)


@asynctest
async def test_a_coding_query_answers_again_when_codings_change_elsewhere(study):
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+k")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CodingQueryScreen)
        await pilot.press(*"Variatie", "enter")
        assert await wait_for(pilot, lambda: screen.asked is not None)
        assert screen.passages == []
        bram_codes_variatie(study)
        assert await wait_for(pilot, lambda: len(screen.passages) == 1)


@asynctest
async def test_a_search_finds_a_transcript_another_window_imported(study, tmp_path: Path):
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+f")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await pilot.press(*"variatie", "enter")
        assert await wait_for(pilot, lambda: screen.last is not None)
        before = {hit.document for hit in screen.hits}
        transcript = tmp_path / "HA03.txt"
        transcript.write_text("I: Wat houdt je gaande?\nHA3: De variatie, echt waar.\n",
                              encoding="utf-8")
        with Project.open(study, coder="Bram") as project:
            project.import_document(transcript)
        assert await wait_for(pilot, lambda: {h.document for h in screen.hits} ==
                              before | {"HA03"}, seconds=5.0)
