"""Marking a document's coding status: s on the coding screen, c on the project screen."""

from __future__ import annotations

from qualcode.project import Project
from qualcode.tui.app import make_app
from qualcode.tui.screens.project import ProjectScreen
from tests.tui.conftest import asynctest


def _status(path, name: str) -> str:
    with Project.open(path) as project:
        return project.document(name).status


@asynctest
async def test_s_on_the_coding_screen_marks_the_document_shown(study):
    with Project.open(study) as project:
        project.set_status(["HA01"], "in-progress")
    app = make_app(study, coder="Lotte")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.coding.document.name == "HA01"
        await pilot.press("s")
        await pilot.pause()
        assert "1 of 2 coded" in str(app.coding.saturation_status.content)
        await pilot.press("down", "down", "enter")  # not-started, in-progress, coded
        await pilot.pause()
        status_line = str(app.coding.saturation_status.content)
    assert _status(study, "HA01") == "coded"
    assert "2 of 2 coded" in status_line


@asynctest
async def test_c_on_the_project_screen_marks_the_highlighted_document(study):
    with Project.open(study) as project:
        project.set_status(["HA02"], "not-started")
    app = make_app(study, coder="Lotte")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProjectScreen)
        assert "1 of 2 interviews coded" in app.screen.sub_title
        await pilot.press("down", "c")
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        table = app.screen.query_one("#documents")
        shown = table.shown_row("HA02")[3]
        subtitle = app.screen.sub_title
    assert _status(study, "HA02") == "coded"
    assert shown == "coded"
    assert "2 of 2 interviews coded" in subtitle
