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
