"""The small study with a second coder, and how tests open the analysis screen."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from textual.worker import WorkerError, WorkerState

from qualcode.project import Project
from tests.tui.conftest import make_study


def add_second_coder(path: Path) -> Path:
    """Prof. Claes codes part of Lotte's "Objectieve belasting" passage in HA01 again
    (one more coding, no new segment) and "Variatie" in HA02 (a code of one interview)."""
    with Project.open(path, coder="Prof. Claes") as project:
        text = project.document_text("HA01").text
        start = text.index("het kost veel tijd")
        project.add_coding("HA01", "Objectieve belasting", start, start + len("het kost veel tijd"))
        text = project.document_text("HA02").text
        start = text.index("Maar de variatie")
        project.add_coding("HA02", "Variatie", start, text.index("energie.") + len("energie."))
    return path


@pytest.fixture
def two_coders(tmp_path: Path) -> Path:
    return add_second_coder(make_study(tmp_path / "study.qualcode"))


async def open_analysis(pilot) -> None:  # type: ignore[no-untyped-def]
    """Press ``a`` and wait until every tab has counted."""
    await pilot.press("a")
    await settle(pilot)


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until no worker runs and the messages they posted are handled (a result may
    start more work). A worker cancelled by a newer one of its group is expected."""
    running = (WorkerState.PENDING, WorkerState.RUNNING)
    for _ in range(20):
        for worker in list(pilot.app.workers):
            with contextlib.suppress(WorkerError):  # cancelled, failed or not started yet
                await worker.wait()
        await pilot.pause()
        if not any(worker.state in running for worker in pilot.app.workers):
            break
