"""The coding-query screen: A and B in the same turn, listed with quotes, opened, exported."""

from __future__ import annotations

from pathlib import Path

from python_calamine import CalamineWorkbook

from qualcode.tui.app import make_app
from qualcode.tui.screens.coding_query import CodingQueryScreen
from tests.tui.conftest import asynctest


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


@asynctest
async def test_a_query_lists_passages_opens_one_and_exports_them(study, tmp_path: Path):
    app = make_app(study, coder="Lotte")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+k")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CodingQueryScreen)
        await pilot.press(*"Objectieve belasting")
        screen.query_one("#query-b").value = "Laagdrempeligheid"
        screen.query_one("#query-how").value = "and turn"
        screen.query_one("#query-a").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert [(p.document, p.code_path[-1]) for p in screen.passages] == [
            ("HA01", "Objectieve belasting"),
        ]
        assert screen.passages[0].met == (("Rol van de huisarts", "Laagdrempeligheid"),)
        label = str(screen.query_one("#query-passages").get_option_at_index(0).prompt)
        assert "Maar het kost veel tijd." in label and "turn 2" in label
        await pilot.press("ctrl+e")
        await pilot.pause()
        answer = app.screen.query_one("#answer")
        answer.value = str(tmp_path / "query.xlsx")
        await pilot.press("enter")
        await pilot.pause()
        passage = screen.passages[0]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.coding
        assert app.coding.transcript.selection == (passage.start, passage.end)
    rows = CalamineWorkbook.from_path(str(tmp_path / "query.xlsx")).get_sheet_by_name(
        "Zoekvraag").to_python()  # the study is Dutch, and so is its workbook
    assert rows[3][:3] == ["Document", "Deelnemer", "Plaats"]
    assert rows[4][0] == "HA01" and rows[4][3] == "Belasting > Objectieve belasting"


@asynctest
async def test_not_keeps_passages_that_meet_no_coding_of_b(study):
    app = make_app(study, coder="Lotte")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+k")
        await pilot.pause()
        screen = app.screen
        await pilot.press(*"Objectieve belasting")
        screen.query_one("#query-b").value = "Laagdrempeligheid"
        screen.query_one("#query-how").value = "not turn"
        await pilot.press("enter")
        await settle(pilot)
        assert [p.document for p in screen.passages] == ["HA02"]
