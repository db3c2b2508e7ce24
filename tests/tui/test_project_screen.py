"""The project screen: overview, importing in a worker, participants, opening a document."""

from __future__ import annotations

from pathlib import Path

from qualcode.tui.app import make_app
from qualcode.tui.screens.project import ProjectScreen
from tests.tui.conftest import Notifications, asynctest

INTERVIEW = "I: Hoe gaat het met de zorg?\nHA3: Het is zwaar. Ik loop vaak uit.\n"


@asynctest
async def test_documents_table_shows_codings_and_share_coded(study):
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        table = app.screen.query_one("#documents")
        row = table.shown_row("HA01")
        assert row[1] == "HA01" and row[2] == "HA1" and row[3] == "coded" and row[6] == 2


@asynctest
async def test_import_runs_in_a_worker_and_reports_each_file(study, tmp_path: Path):
    good = tmp_path / "HA03.txt"
    good.write_text(INTERVIEW, encoding="utf-8")
    missing = tmp_path / "nope.txt"
    app, seen = make_app(study), Notifications()
    async with app.run_test(size=(120, 36), message_hook=seen.hook) as pilot:
        await pilot.press("p", "i")
        await pilot.pause()
        await pilot.press(*f"{good};{missing}", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ProjectScreen)
        assert "HA03" in [d.name for d in app.project.documents()]
        errors = seen.messages("error")
        assert errors == [f"{missing}: no such file"]
        assert app.screen.query_one("#documents").row_count == 3


@asynctest
async def test_enter_on_a_document_opens_it_for_coding(study):
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("p", "down", "enter")
        await pilot.pause()
        assert app.screen is app.coding
        assert app.coding.document.name == "HA02"


@asynctest
async def test_k_on_the_project_screen_backs_the_project_up(study, tmp_path):
    from qualcode.project import Project

    app = make_app(study, coder="Jan")
    out = tmp_path / "thesis-copy.qualcode"
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("p", "k")
        await pilot.pause()
        prompt = app.screen.query_one("Input")
        prompt.value = str(out)
        await pilot.press("enter")
        for _ in range(50):
            if out.exists():
                break
            await pilot.pause(0.1)
        await app.workers.wait_for_complete()
    with Project.open(out) as copy:
        assert len(copy.codings()) == 3
