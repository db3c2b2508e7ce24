"""Exporting from the project screen: format dialog, worker with progress, no silent overwrite."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from textual.widgets import Select

from qualcode.errors import QualcodeError
from qualcode.export import check_target
from qualcode.project import Project
from qualcode.tui.app import make_app
from qualcode.tui.screens.dialogs import Confirm
from qualcode.tui.screens.exchange import ExportDialog, default_target
from qualcode.tui.screens.project import ProjectScreen
from tests.tui.conftest import Notifications, asynctest


async def export_as(pilot, format_steps: int, path: str | None = None) -> None:
    """On the project screen: e, move down ``format_steps`` formats, Enter, maybe a new path."""
    await pilot.press("e")
    await pilot.pause()
    await pilot.press(*["down"] * format_steps, "enter")
    if path is not None:
        await pilot.press("ctrl+u", *path)
    await pilot.press("enter")
    await pilot.pause()


@asynctest
async def test_e_exports_the_workbook_beside_the_project_with_its_sheets(study):
    out = study.with_name("study.xlsx")
    app, seen = make_app(study), Notifications()
    async with app.run_test(size=(120, 36), message_hook=seen.hook) as pilot:
        await pilot.press("p")
        await export_as(pilot, 0)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ProjectScreen)
        assert seen.messages("information")[-1] == f"wrote {out}"
        assert app.screen.query_one("#progress").has_class("idle")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[:2] == ["Overzicht", "Codeboek"]
    assert {"Belasting", "Rol van de huisarts", "Deelnemers", "Frequenties"} <= set(
        book.sheetnames)
    quotes = [cell for row in book["Belasting"].iter_rows(values_only=True) for cell in row]
    assert any(isinstance(c, str) and c.startswith("Maar het kost veel tijd") for c in quotes)


@asynctest
async def test_choosing_a_format_gives_the_default_path_its_extension(study):
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("p", "e")
        await pilot.pause()
        await pilot.press("down", "down", "down")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#out").value == str(study.resolve().with_name("study.docx"))


@asynctest
async def test_an_existing_file_is_replaced_only_after_yes(study):
    out = study.with_name("study.md")
    out.write_text("my notes\n", encoding="utf-8")
    app, seen = make_app(study), Notifications()
    async with app.run_test(size=(120, 36), message_hook=seen.hook) as pilot:
        await pilot.press("p")
        await export_as(pilot, 2)
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert out.read_text(encoding="utf-8") == "my notes\n"
        await export_as(pilot, 2)
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert seen.messages("information")[-1] == f"wrote {out}"
    assert "Objectieve belasting" in out.read_text(encoding="utf-8")


@asynctest
async def test_a_refused_export_shows_the_clis_one_line_error(study, tmp_path: Path):
    out = tmp_path / "no such folder" / "study.csv"
    with pytest.raises(QualcodeError) as refused:
        check_target(out)
    expected = str(refused.value)
    app, seen = make_app(study), Notifications()
    async with app.run_test(size=(120, 36), message_hook=seen.hook) as pilot:
        await pilot.press("p")
        await export_as(pilot, 1, str(out))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert seen.messages("error") == [expected]
        assert isinstance(app.screen, ProjectScreen)
    assert not out.parent.exists()


def test_the_default_file_name_leaves_out_characters_no_file_name_can_hold(tmp_path: Path):
    project = tmp_path / "study.qualcode"
    assert default_target(str(project), "GPs 2024/25: final", "csv") == (
        tmp_path.resolve() / "GPs 2024-25- final.csv"
    )


@asynctest
async def test_the_export_dialog_can_limit_the_workbook_to_one_coders_work(study):
    with Project.open(study, coder="Bram") as project:
        text = project.document_text("HA02").text
        start = text.index("Dat je zoveel geeft")
        project.add_coding("HA02", "Gebrek aan wederkerigheid", start, text.index(",", start))
    out = study.with_name("bram.xlsx")
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("p", "e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        whose = dialog.query_one("#whose", Select)
        whose.value = "Bram"
        await pilot.press("enter", "ctrl+u", *str(out), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    book = openpyxl.load_workbook(out)
    cells = [c for row in book["Belasting"].iter_rows(values_only=True) for c in row]
    assert any(isinstance(c, str) and c.startswith("Dat je zoveel geeft") for c in cells)
    assert not any(isinstance(c, str) and c.startswith("Maar het kost veel tijd") for c in cells)


@asynctest
async def test_whose_work_is_not_offered_for_refi_files_or_a_single_coder(study):
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("p", "e")
        await pilot.pause()
        assert not app.screen.query("#whose")  # one coder: nothing to choose
    with Project.open(study, coder="Bram") as project:
        start, end = project.document_text("HA01").sentences[0]
        project.add_coding("HA01", "Variatie", start, end)
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("p", "e")
        await pilot.pause()
        whose = app.screen.query_one("#whose", Select)
        assert not whose.disabled
        await pilot.press("down", "down", "down", "down", "down")  # qdpx
        await pilot.pause()
        assert app.screen.format == "qdpx" and whose.disabled
