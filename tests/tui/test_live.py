"""Two windows on one project: a change made in another process shows up by itself,
and this window's ctrl+z leaves the other coder's work alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from qualcode.project import Project
from qualcode.tui.app import make_app
from tests.tui.conftest import Notifications, asynctest, codings_of, make_study, wait_for


@pytest.fixture(params=["sqlite", "postgresql"])
def study_anywhere(request, tmp_path):
    """The TUI tests' study, in a file or in a PostgreSQL database."""
    if request.param == "postgresql":
        return make_study(request.getfixturevalue("postgres_server").new_database())
    return make_study(tmp_path / "study.qualcode")


def code_in_another_process(study: Path | str, *args: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run([sys.executable, "-m", "qualcode", *args], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr



@asynctest
async def test_another_process_coding_appears_and_ctrl_z_leaves_it_alone(study_anywhere):
    study = study_anywhere
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("down", "down")
        await pilot.pause()
        selection = app.coding.transcript.selection
        await pilot.press("2")  # Jan codes the third sentence
        await pilot.pause()
        code_in_another_process(study, "code", str(study), "--doc", "HA01", "--code",
                                "Variatie", "--match", "variatie in het werk",
                                "--coder", "Ward")
        assert await wait_for(pilot, lambda: any(
            c.coder == "Ward" for c in app.coding.transcript.codings))
        assert app.coding.transcript.selection == selection
        variatie = next(c for c in app.coding.codes if c.path[-1] == "Variatie")
        assert app.coding.counts.as_mapping()[variatie.id] == (1, 1)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert codings_of(study, code="Gebrek aan wederkerigheid") == []
        assert [c.coder for c in codings_of(study, code="Variatie")] == ["Ward"]
        assert any(c.coder == "Ward" for c in app.coding.transcript.codings)


@asynctest
async def test_removing_a_coding_another_window_removed_gives_a_notice_not_an_error(study):
    app, seen = make_app(study, coder="Lotte"), Notifications()
    async with app.run_test(size=(120, 36), message_hook=seen.hook) as pilot:
        await pilot.pause()
        text = app.coding.document.text
        app.coding.transcript.select(text.index("Wij zijn"), text.index("Wij zijn") + 5)
        await pilot.pause()
        [here] = app.coding.transcript.codings_at_selection()
        with Project.open(study, coder="Lotte") as other:
            other.remove_coding(here.id)
        # the coder presses x before the next look at the event log
        app.project.changed_elsewhere = lambda: False  # type: ignore[method-assign]
        await pilot.press("x")
        await pilot.pause()
        assert seen.shown and seen.shown[-1].severity == "warning"
        assert "changed elsewhere" in seen.shown[-1].message
        assert all(c.id != here.id for c in app.coding.transcript.codings)


@asynctest
async def test_ctrl_z_with_nothing_of_mine_says_so_and_changes_nothing(study):
    app, seen = make_app(study, coder="Jan"), Notifications()  # the codings are all Lotte's
    async with app.run_test(size=(120, 36), message_hook=seen.hook) as pilot:
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.is_running
        assert seen.messages() == ["nothing of yours (Jan) to undo"]
    assert len(codings_of(study)) == 3
