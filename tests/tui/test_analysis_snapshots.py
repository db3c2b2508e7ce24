"""What the analysis screen looks like at 120×36 on the small study (SVG snapshots).

Update after an intended change with ``pytest tests/tui --snapshot-update``.
"""

from __future__ import annotations

from tests.tui.analysis_helpers import open_analysis, settle
from tests.tui.snapshot_apps import study_app

SIZE = (120, 36)


def test_analysis_screen_shows_saturation_table_verdicts_and_curve(snap_compare):
    assert snap_compare(study_app(), terminal_size=SIZE, run_before=open_analysis)


def test_analysis_screen_frequencies_tab(snap_compare):
    async def frequencies(pilot) -> None:  # type: ignore[no-untyped-def]
        await open_analysis(pilot)
        await pilot.press("f")
        await settle(pilot)

    assert snap_compare(study_app(), terminal_size=SIZE, run_before=frequencies)
