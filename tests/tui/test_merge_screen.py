"""Merging a supervisor's copy from the project screen, with the summary shown after."""

from __future__ import annotations

import shutil
from pathlib import Path

from qualcode.project import Project
from qualcode.tui.app import make_app
from qualcode.tui.screens.exchange import ReportDialog
from tests.tui.conftest import asynctest, codings_of


@asynctest
async def test_m_on_the_project_screen_merges_a_copy_and_shows_what_was_added(
    study, tmp_path: Path
):
    copy = tmp_path / "supervisor.qualcode"
    shutil.copy(study, copy)
    with Project.open(copy, coder="Bram") as project:
        start, end = project.document_text("HA02").sentences[0]
        project.add_coding("HA02", "Variatie", start, end)
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("p", "g")
        await pilot.pause()
        await pilot.press(*str(copy), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReportDialog)
        summary = "\n".join(app.screen.lines)
        assert "codings: 1 added, 3 already there" in summary
        assert "documents: 0 added, 2 already there" in summary
    assert [c.coder for c in codings_of(study, code="Variatie")] == ["Bram"]


@asynctest
async def test_a_refused_merge_is_one_error_line_and_changes_nothing(study, tmp_path: Path):
    before = codings_of(study)
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("p", "g")
        await pilot.pause()
        await pilot.press(*str(tmp_path / "nope.qualcode"), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert errors == [f"{tmp_path / 'nope.qualcode'}: no such project file"]
    assert codings_of(study) == before
