"""How transcripts as they come look on screen (SVG snapshots).

Update after an intended change with ``pytest tests/tui --snapshot-update``.
"""

from __future__ import annotations

from tests.tui.snapshot_apps import tabs_app


def test_tabs_in_a_transcript_are_drawn_as_spaces_with_nothing_left_behind(snap_compare):
    # Down three times: the selection passes the turn whose text holds a tab.
    assert snap_compare(tabs_app(), terminal_size=(80, 24), press=["down", "down", "down"])
