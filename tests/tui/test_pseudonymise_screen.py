"""The pseudonymisation screen: review findings, skip one, add a missed one, apply."""

from __future__ import annotations

from pathlib import Path

from qualcode.project import Project
from qualcode.tui.app import make_app
from qualcode.tui.screens.pseudonymise import PseudonymiseScreen
from tests.pseudonymise_fixtures import DUTCH
from tests.tui.conftest import asynctest


def dutch_study(tmp_path: Path) -> Path:
    path = tmp_path / "study.qualcode"
    source = tmp_path / "HA1.txt"
    source.write_text(DUTCH + "HA1: In Sluizeken is het druk.\n", encoding="utf-8")
    with Project.create(path, coder="Lotte") as project:
        project.import_document(source)
    return path


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


@asynctest
async def test_review_skip_add_and_apply(tmp_path: Path) -> None:
    path = dutch_study(tmp_path)
    app = make_app(path)
    async with app.run_test(size=(140, 40)) as pilot:
        app.action_pseudonymise()
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PseudonymiseScreen)
        texts = [f.text for f in screen.findings]
        assert "Jan Peeters" in texts and "Sluizeken" not in texts
        occurrences = screen.query_one("#pseudo-occurrences")
        assert occurrences.option_count == 1  # the first finding, shown in context
        assert str(occurrences.border_title).endswith(": 1 occurrence")
        row = texts.index("12 maart 2023")
        for _ in range(row):
            await pilot.press("down")
        await pilot.press("space")  # skip the interview date
        await pilot.pause()
        skipped = screen.findings[row].text
        assert skipped == "12 maart 2023"
        await pilot.press("plus")
        await pilot.pause()
        await pilot.press(*"Sluizeken=place", "enter")
        await settle(pilot)
        assert "Sluizeken" in [f.text for f in screen.findings]
        assert not screen.decisions[skipped].keep  # decisions survive a new detection
        await pilot.press("ctrl+a")
        await pilot.pause()
        await pilot.press(*str(tmp_path / "key.csv"), "enter")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is app.coding
    with Project.open(path) as project:
        text = project.document_text("HA1").text
        assert "Sluizeken" not in text and "Peeters" not in text
        assert skipped in text
        assert "[Plaats" in text
    assert (tmp_path / "key.csv").stat().st_mode & 0o777 == 0o600
