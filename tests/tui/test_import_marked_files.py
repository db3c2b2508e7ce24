"""Importing several transcripts at once by marking them in the import dialog's folder tree."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button

from qualcode.project import Project
from qualcode.tui.app import make_app
from qualcode.tui.screens.dialogs import FilePicker
from qualcode.tui.screens.project import ProjectScreen
from qualcode.tui.widgets.file_tree import MarkingTree
from tests.tui.conftest import Notifications, asynctest


def _interview(speaker: str, town: str) -> str:
    return (f"I: Hoe was de dienst vorige week?\n"
            f"{speaker}: Druk. In {town} belde iemand drie keer voor hetzelfde.\n")


def _folder(tmp_path: Path, monkeypatch, broken: bool = False) -> Path:
    """HA03, HA04 and HA05 beside each other; HA04 a Word file that is no Word file."""
    folder = tmp_path / "transcripts"
    folder.mkdir()
    (folder / "HA03.txt").write_text(_interview("HA3", "Zele"), encoding="utf-8")
    if broken:
        (folder / "HA04.docx").write_bytes(b"this was never a Word document")
    else:
        (folder / "HA04.txt").write_text(_interview("HA4", "Lokeren"), encoding="utf-8")
    (folder / "HA05.txt").write_text(_interview("HA5", "Hamme"), encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


async def _open_tree(pilot) -> MarkingTree:  # type: ignore[no-untyped-def]
    """Open the import dialog, wait until the tree lists the folder and put focus on it."""
    await pilot.press("p", "i")
    await pilot.pause()
    tree = pilot.app.screen.query_one(MarkingTree)
    for _ in range(200):
        if len(tree.root.children) == 3:
            break
        await pilot.pause(0.01)
    tree.focus()
    await pilot.pause()
    return tree


def _documents(path: Path) -> list[str]:
    with Project.open(path) as project:
        return sorted(d.name for d in project.documents())


@asynctest
async def test_three_marked_files_are_imported_with_one_enter(study, tmp_path, monkeypatch):
    _folder(tmp_path, monkeypatch)
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(80, 24)) as pilot:
        tree = await _open_tree(pilot)
        await pilot.press("down", "space", "space", "space")
        await pilot.pause()
        assert [p.name for p in tree.marked] == ["HA03.txt", "HA04.txt", "HA05.txt"]
        assert "3 files marked" in str(app.screen.query_one("#marked").content)
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ProjectScreen)
        assert app.screen.query_one("#documents").row_count == 5
    assert _documents(study) == ["HA01", "HA02", "HA03", "HA04", "HA05"]


@asynctest
async def test_space_again_unmarks_a_file_and_only_the_marked_ones_are_imported(
        study, tmp_path, monkeypatch):
    _folder(tmp_path, monkeypatch)
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        tree = await _open_tree(pilot)
        # space moves on to the next file; on the last one it stays there
        await pilot.press("down", "space", "space", "space", "up", "space")
        await pilot.pause()
        assert [p.name for p in tree.marked] == ["HA03.txt", "HA05.txt"]
        assert "2 files marked" in str(app.screen.query_one("#marked").content)
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert _documents(study) == ["HA01", "HA02", "HA03", "HA05"]


@asynctest
async def test_the_import_button_imports_the_marked_files(study, tmp_path, monkeypatch):
    _folder(tmp_path, monkeypatch)
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await _open_tree(pilot)
        button = app.screen.query_one("#import-marked", Button)
        assert button.disabled
        await pilot.press("down", "space", "down", "space")
        await pilot.pause()
        assert not button.disabled
        await pilot.click("#import-marked")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert _documents(study) == ["HA01", "HA02", "HA03", "HA05"]


@asynctest
async def test_with_nothing_marked_enter_imports_the_file_at_the_cursor(
        study, tmp_path, monkeypatch):
    _folder(tmp_path, monkeypatch)
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await _open_tree(pilot)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert _documents(study) == ["HA01", "HA02", "HA04"]


@asynctest
async def test_a_broken_file_among_the_marked_ones_is_named_and_the_others_are_imported(
        study, tmp_path, monkeypatch):
    folder = _folder(tmp_path, monkeypatch, broken=True)
    app, seen = make_app(study, coder="Jan"), Notifications()
    async with app.run_test(size=(120, 36), message_hook=seen.hook) as pilot:
        await _open_tree(pilot)
        await pilot.press("down", "space", "space", "space", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        errors = seen.messages("error")
        assert len(errors) == 1
        assert errors[0].startswith(f"{folder / 'HA04.docx'}: ")
        assert "\n" not in errors[0]
        assert "imported 2 of 3 files; refused: HA04.docx" in seen.messages("warning")
    assert _documents(study) == ["HA01", "HA02", "HA03", "HA05"]


@asynctest
async def test_the_footer_of_the_import_dialog_shows_how_to_mark_and_import(
        study, tmp_path, monkeypatch):
    _folder(tmp_path, monkeypatch)
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_tree(pilot)
        assert isinstance(app.screen, FilePicker)
        shown = {key.description for key in app.screen.query("FooterKey")}
        assert {"Mark/unmark", "Import", "Cancel"} <= shown
