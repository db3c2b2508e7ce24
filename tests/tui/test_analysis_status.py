"""The coding screen's saturation line follows every coding, removal and undo.

The line is counted in a worker thread, so each check first lets the workers finish.
"""

from __future__ import annotations

from qualcode.tui.app import make_app
from tests.tui.analysis_helpers import settle
from tests.tui.conftest import asynctest


def _status(app) -> str:
    return str(app.coding.saturation_status.content)


@asynctest
async def test_the_status_line_counts_codes_and_says_how_many_interviews_are_missing(study):
    app = make_app(study, coder="Lotte")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert _status(app) == ("Saturation (Guest 2020, 4+2, 5%): not yet: at least "
                                "4 more interviews · 2 codes · HA01 added 2 new")


@asynctest
async def test_applying_a_new_code_updates_the_status_line_and_undo_restores_it(study):
    app = make_app(study, coder="Lotte")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("]")  # HA02
        await settle(pilot)
        before = _status(app)
        await pilot.press("down", "2")  # Gebrek aan wederkerigheid, new in HA02
        await settle(pilot)
        assert _status(app).endswith("· 3 codes · HA02 added 1 new")
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert _status(app) == before


@asynctest
async def test_removing_the_only_coding_of_a_code_updates_the_status_line(study):
    app = make_app(study, coder="Lotte")
    async with app.run_test(size=(120, 36)) as pilot:
        text = app.coding.document.text
        start = text.index("Wij zijn laagdrempelig")
        app.coding.transcript.select(start, start + 5)
        await pilot.press("x")
        await settle(pilot)
        assert "· 1 code · HA01 added 1 new" in _status(app)


@asynctest
async def test_the_status_line_never_reads_the_study_on_the_screen_thread(study, monkeypatch):
    import threading

    from qualcode.tui.widgets import saturation_status

    threads: list[str] = []
    real = saturation_status.compute_status

    def counting(project):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return real(project)

    monkeypatch.setattr(saturation_status, "compute_status", counting)
    app = make_app(study, coder="Lotte")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("]", "down", "2")
        await settle(pilot)
    assert threads and threading.main_thread().name not in threads
