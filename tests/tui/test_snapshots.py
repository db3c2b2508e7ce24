"""What each screen looks like at 120×36 on the small study (SVG snapshots).

Update after an intended change with ``pytest tests/tui --snapshot-update``.
"""

from __future__ import annotations

from tests.tui.analysis_helpers import settle
from tests.tui.snapshot_apps import study_app

SIZE = (120, 36)


def test_coding_screen_shows_codes_in_colour_and_the_selection(snap_compare):
    assert snap_compare(study_app(), run_before=settle, terminal_size=SIZE, press=["down", "down"])


def test_code_picker_filters_as_you_type(snap_compare):
    assert snap_compare(study_app(), run_before=settle, terminal_size=SIZE, press=["c", *"wederk"])


def test_project_screen_lists_documents_with_progress(snap_compare):
    assert snap_compare(study_app(), run_before=settle, terminal_size=SIZE, press=["p"])


def test_retrieval_screen_shows_quotes_with_context(snap_compare):
    assert snap_compare(study_app(), run_before=settle, terminal_size=SIZE, press=["r"])


def test_help_screen_lists_every_key(snap_compare):
    assert snap_compare(study_app(), run_before=settle, terminal_size=SIZE, press=["question_mark"])


def test_coding_screen_is_usable_at_80_by_24(snap_compare):
    assert snap_compare(study_app(), run_before=settle, terminal_size=(80, 24), press=["down"])


def test_code_picker_is_usable_at_80_by_24(snap_compare):
    assert snap_compare(study_app(), run_before=settle, terminal_size=(80, 24),
                        press=["c", *"wederk"])


def test_project_screen_is_usable_at_80_by_24(snap_compare):
    assert snap_compare(study_app(), run_before=settle, terminal_size=(80, 24), press=["p"])


def test_import_dialog_shows_the_marked_files_and_their_count(snap_compare, tmp_path,
                                                              monkeypatch):
    folder = tmp_path / "interviews"
    folder.mkdir()
    for name in ("HA03.txt", "HA04.docx", "HA05.txt", "HA06.txt"):
        (folder / name).write_text("I: Hoe gaat het?\nHA: Goed.\n", encoding="utf-8")
    monkeypatch.chdir(folder)

    async def mark_three(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("p", "i")
        tree = pilot.app.screen.query_one("MarkingTree")
        for _ in range(200):
            if len(tree.root.children) == 4:
                break
            await pilot.pause(0.01)
        tree.focus()
        await pilot.press("down", "space", "down", "space", "space")
        await pilot.pause()

    assert snap_compare(study_app(), run_before=mark_three, terminal_size=(80, 24))
