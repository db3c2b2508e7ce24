"""Importing a REFI-QDA project or a codebook from the project screen (key o)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from qualcode.errors import QualcodeError
from qualcode.project import Project
from qualcode.refi import import_refi
from qualcode.tui.app import make_app
from qualcode.tui.screens.exchange import ReportDialog
from qualcode.tui.screens.project import ProjectScreen
from tests.tui.conftest import Notifications, asynctest


def what_was_coded(path: Path) -> list[tuple]:
    with Project.open(path) as project:
        return [(c.document, c.code_path, c.start, c.end, c.text, c.coder)
                for c in project.codings()]


def documents_of(path: Path) -> list[tuple[str, str]]:
    with Project.open(path) as project:
        return [(d.name, project.document_text(d.name).text) for d in project.documents()]


async def import_file(pilot, path: Path) -> None:
    await pilot.press("p", "o")
    await pilot.pause()
    await pilot.press(*str(path), "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@asynctest
async def test_a_qdpx_exported_by_the_tui_imports_into_an_empty_project_unchanged(
    study, tmp_path: Path
):
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("p", "e")
        await pilot.pause()
        await pilot.press(*["down"] * 5, "enter", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    exported = study.with_name("study.qdpx")
    assert exported.is_file()
    empty = tmp_path / "empty.qualcode"
    Project.create(empty, coder="Jan").close()
    app = make_app(empty)
    async with app.run_test(size=(120, 36)) as pilot:
        await import_file(pilot, exported)
        report = app.screen
        assert isinstance(report, ReportDialog)
        assert "  sources: 2 read, 2 imported, 0 skipped" in report.lines
        assert "  codings: 3 read, 3 imported, 0 skipped" in report.lines
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ProjectScreen)
        assert app.screen.query_one("#documents").row_count == 2
        assert app.coding.document is not None
    assert documents_of(empty) == documents_of(study)
    assert what_was_coded(empty) == what_was_coded(study)


@asynctest
async def test_a_broken_qdpx_shows_the_error_and_leaves_the_project_unchanged(
    study, tmp_path: Path
):
    broken = tmp_path / "broken.qdpx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("project.qde", "<Project><CodeBook>")
    with pytest.raises(QualcodeError) as refused, Project.open(study) as project:
        import_refi(project, broken)
    with Project.open(study) as project:
        counts_before = project.counts()
    codings_before = what_was_coded(study)
    app, seen = make_app(study), Notifications()
    async with app.run_test(size=(120, 36), message_hook=seen.hook) as pilot:
        await import_file(pilot, broken)
        assert isinstance(app.screen, ProjectScreen)
        errors = seen.messages("error")
        assert errors == [str(refused.value)]
        assert str(broken) in errors[0]
        assert app.project.counts() == counts_before
    assert what_was_coded(study) == codings_before


@asynctest
async def test_a_yaml_codebook_adds_its_codes_and_reports_them(study, tmp_path: Path):
    codebook = tmp_path / "extra.yaml"
    codebook.write_text(
        "codes:\n  - name: Steun\n    children:\n      - name: Collega's\n",
        encoding="utf-8",
    )
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await import_file(pilot, codebook)
        assert isinstance(app.screen, ReportDialog)
        assert app.screen.lines[-1] == "  codes: 2 added, 0 updated"
        assert ("Steun", "Collega's") in [c.path for c in app.project.codes()]
        assert ("Steun", "Collega's") in [c.path for c in app.coding.codes]


@asynctest
async def test_a_file_of_another_kind_is_refused_by_name(study, tmp_path: Path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a codebook\n", encoding="utf-8")
    app, seen = make_app(study), Notifications()
    async with app.run_test(size=(120, 36), message_hook=seen.hook) as pilot:
        await import_file(pilot, notes)
        errors = seen.messages("error")
        assert errors == [
            f"{notes}: not a REFI-QDA project (.qdpx) or codebook (.qdc .yaml .csv .xlsx)"
        ]
