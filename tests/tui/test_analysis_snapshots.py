"""What the analysis screen looks like at 80×24 and 120×36 on the small study (SVG snapshots).

Update after an intended change with ``pytest tests/tui --snapshot-update``.
"""

from __future__ import annotations

import pytest

from tests.tui.analysis_helpers import open_analysis, settle
from tests.tui.snapshot_apps import cooccurring_app, saturating_app, study_app, two_coders_app

SIZES = [pytest.param((120, 36), id="120x36"), pytest.param((80, 24), id="80x24")]


def _on_tab(key: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await open_analysis(pilot)
        await pilot.press(key)
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_analysis_screen_shows_saturation_table_verdicts_and_curve(snap_compare, size):
    assert snap_compare(study_app(), terminal_size=size, run_before=open_analysis)


@pytest.mark.parametrize("size", SIZES)
def test_analysis_screen_frequencies_tab(snap_compare, size):
    assert snap_compare(study_app(), terminal_size=size, run_before=_on_tab("f"))


@pytest.mark.parametrize("size", SIZES)
def test_analysis_screen_matrix_tab(snap_compare, size):
    assert snap_compare(study_app(), terminal_size=size, run_before=_on_tab("m"))


@pytest.mark.parametrize("size", SIZES)
def test_analysis_screen_cooccurrence_tab_lists_pairs(snap_compare, size):
    assert snap_compare(cooccurring_app(), terminal_size=size, run_before=_on_tab("o"))


@pytest.mark.parametrize("size", SIZES)
def test_analysis_screen_agreement_tab(snap_compare, size):
    assert snap_compare(two_coders_app(), terminal_size=size, run_before=_on_tab("g"))


@pytest.mark.parametrize("size", SIZES)
def test_saturation_curve_alone_keeps_its_legend_off_the_line(snap_compare, size):
    assert snap_compare(saturating_app(), terminal_size=size, run_before=_on_tab("c"))
