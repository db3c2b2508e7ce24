"""The coding screen with two coders: who is coding, whose codings are drawn, and asking
before removing someone else's work."""

from __future__ import annotations

import json

from qualcode.identity import config_dir
from qualcode.project import Project
from qualcode.tui.app import make_app
from qualcode.tui.screens.coder import CoderDialog
from qualcode.tui.screens.dialogs import Confirm
from tests.tui.conftest import asynctest, codings_of


def bram_codes_the_first_sentence(study) -> None:
    with Project.open(study, coder="Bram") as project:
        start, end = project.document_text("HA01").sentences[0]
        project.add_coding("HA01", "Variatie", start, end)


async def dialog_open(app, pilot) -> CoderDialog:  # type: ignore[no-untyped-def]
    """The coder dialog once it is on screen with its input (it opens after a refresh)."""
    for _ in range(100):
        await pilot.pause()
        if isinstance(app.screen, CoderDialog) and app.screen.query("#coder-name"):
            return app.screen
    raise AssertionError(f"no coder dialog; the screen is {app.screen!r}")


def status_line(app) -> str:
    return str(app.coding.query_one("#here").render())


@asynctest
async def test_the_coder_is_named_in_the_header_and_the_status_line(study):
    app = make_app(study)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.project.coder == "Lotte"
        assert app.sub_title.startswith("coder: Lotte")
        assert "coder: Lotte" in status_line(app)


@asynctest
async def test_the_first_open_asks_who_is_coding_and_remembers_it(study, user_config):
    (config_dir() / "config.json").unlink()
    app = make_app(study)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await dialog_open(app, pilot)
        dialog.query_one("#coder-name").value = ""
        await pilot.press(*"Noor", "enter")
        await pilot.pause()
        assert app.project.coder == "Noor"
        await pilot.press("c", *"wederk", "enter")
        await pilot.pause()
    assert json.loads((user_config / "config.json").read_text())["coder"] == "Noor"
    assert {c.coder for c in codings_of(study, code="Gebrek aan wederkerigheid")} == {"Noor"}
    again = make_app(study)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not isinstance(again.screen, CoderDialog)
        assert again.project.coder == "Noor"


@asynctest
async def test_changing_the_coder_is_a_dialog_that_says_what_it_changes(study):
    app = make_app(study)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+n")
        dialog = await dialog_open(app, pilot)
        said = " ".join(str(label.render()) for label in dialog.query("Label"))
        assert "recorded on every coding" in said and "undo" in said
        await pilot.press("escape")
        await pilot.pause()
        assert app.project.coder == "Lotte"
        await pilot.press("ctrl+n")
        dialog = await dialog_open(app, pilot)
        dialog.query_one("#coder-name").value = "Bram"
        await pilot.press("enter")
        await pilot.pause()
        assert app.project.coder == "Bram" and app.sub_title.startswith("coder: Bram")


@asynctest
async def test_v_cycles_between_both_coders_mine_and_the_other_coders(study):
    bram_codes_the_first_sentence(study)
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        transcript = app.coding.transcript
        coders = {c.coder for c in transcript.shown}
        assert coders == {"Lotte", "Bram"} and "Bram underlined" in status_line(app)
        await pilot.press("v")
        assert {c.coder for c in transcript.shown} == {"Lotte"}
        assert "only mine" in status_line(app)
        await pilot.press("v")
        assert {c.coder for c in transcript.shown} == {"Bram"}
        assert "only Bram's" in status_line(app)
        await pilot.press("v")
        assert transcript.view == "both"


@asynctest
async def test_another_coders_passage_is_underlined_in_the_codes_colour(study):
    bram_codes_the_first_sentence(study)
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        transcript = app.coding.transcript
        bram = next(c for c in transcript.codings if c.coder == "Bram")
        lotte = next(c for c in transcript.codings if c.coder == "Lotte")
        assert transcript._coded_style([bram]).underline
        assert transcript._coded_style([bram]).bgcolor is None
        assert transcript._coded_style([lotte]).bgcolor is not None
        assert not transcript._coded_style([lotte]).underline


@asynctest
async def test_removing_another_coders_coding_asks_first(study):
    bram_codes_the_first_sentence(study)
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        assert "Bram's" in app.screen.question
        await pilot.press("n")
        await pilot.pause()
        assert len(codings_of(study, coder="Bram")) == 1
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert "Bram" not in {c.coder for c in codings_of(study)}


@asynctest
async def test_the_quotes_screen_can_be_limited_to_one_coder(study):
    bram_codes_the_first_sentence(study)
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        screen.show_code(next(c for c in screen.codes if c.name == "Energiebronnen"))
        assert [q.coder for q in screen.quotes] == ["Bram"]
        await pilot.press("v")  # Bram (coders in name order)
        assert [q.coder for q in screen.quotes] == ["Bram"]
        await pilot.press("v")  # Lotte
        assert screen.quotes == [] and "by Lotte" in screen.query_one("#quotes").border_title


@asynctest
async def test_the_matrix_can_be_limited_to_one_coder(study):
    from textual.widgets import DataTable, Select

    from tests.tui.analysis_helpers import open_analysis, settle

    bram_codes_the_first_sentence(study)
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_analysis(pilot)
        await pilot.press("m")
        table = app.screen.query_one("#matrix-table", DataTable)
        grand_total = table.shown_row_at(table.row_count - 1)[-1]
        app.screen.query_one("#matrix-coder", Select).value = "Bram"
        await settle(pilot)
        rows = [table.shown_row_at(i) for i in range(table.row_count)]
        assert rows[-1][-1] < grand_total
        counted = {row[0].strip(): row[-1] for row in rows[:-1] if row[-1]}
        assert counted == {"Variatie": 1}
