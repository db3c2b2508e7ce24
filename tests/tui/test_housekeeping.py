"""Housekeeping from the TUI: rename and delete documents, participants, memos, colours."""

from __future__ import annotations

from qualcode.project import Project
from qualcode.tui.app import make_app
from qualcode.tui.screens.codebook import CodebookScreen
from qualcode.tui.screens.project import ProjectScreen
from tests.tui.conftest import asynctest, codings_of


def _project(study) -> Project:
    return Project.open(study)


async def _on_document(app, pilot, name: str) -> None:
    await pilot.press("p")
    await pilot.pause()
    assert isinstance(app.screen, ProjectScreen)
    table = app.screen.query_one("#documents")
    table.move_cursor(row=table.get_row_index(name))
    await pilot.pause()


@asynctest
async def test_n_renames_the_highlighted_document_and_its_codings_follow(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await _on_document(app, pilot, "HA02")
        await pilot.press("n", *["backspace"] * 10, *"HA02 Gent", "enter")
        await pilot.pause()
        assert app.screen.query_one("#documents").shown_row("HA02 Gent")[1] == "HA02 Gent"
    assert [c.document for c in codings_of(study, document="HA02 Gent")] == ["HA02 Gent"]


@asynctest
async def test_d_deletes_a_document_after_asking_and_ctrl_z_restores_it(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await _on_document(app, pilot, "HA01")
        await pilot.press("d")
        await pilot.pause()
        assert "2 codings" in str(app.screen.query_one("Label").render())
        await pilot.press("y")
        await pilot.pause()
        with _project(study) as project:
            assert [d.name for d in project.documents()] == ["HA02"]
        assert app.coding.document is not None and app.coding.document.name == "HA02"
        await pilot.press("ctrl+z")
        await pilot.pause()
    with _project(study) as project:
        assert [d.name for d in project.documents()] == ["HA01", "HA02"]
    assert len(codings_of(study, document="HA01")) == 2


@asynctest
async def test_renaming_a_participant_onto_another_merges_them(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("TabbedContent").active = "participants-tab"
        await pilot.pause()
        table = app.screen.query_one("#participants")
        table.move_cursor(row=table.get_row_index("HA2"))
        await pilot.press("n", *["backspace"] * 5, *"HA1", "enter")
        await pilot.pause()
    with _project(study) as project:
        [case] = project.cases()
    assert (case.name, case.documents) == ("HA1", ("HA01", "HA02"))


@asynctest
async def test_document_and_project_memos_are_written_in_the_memo_dialog(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await _on_document(app, pilot, "HA01")
        await pilot.press("m", *"Rustig interview.", "enter", *"Tweede regel.", "ctrl+s")
        await pilot.pause()
        assert app.screen.query_one("#documents").shown_row("HA01")[8] == "Rustig interview. …"
        await pilot.press("M", *"Elf huisartsen.", "ctrl+s")
        await pilot.pause()
        assert "Elf huisartsen." in str(app.screen.query_one("#project-memo").render())
        await pilot.press("M", *" Weg", "escape")
        await pilot.pause()
    with _project(study) as project:
        memos = [(m.on, m.target, m.text, m.coder) for m in project.memo_entries()]
    assert memos == [("project", None, "Elf huisartsen.", "Jan"),
                     ("document", "HA01", "Rustig interview.\nTweede regel.", "Jan")]


@asynctest
async def test_code_memo_and_colouring_every_uncoloured_code_from_the_codebook_screen(study):
    with _project(study) as project:
        project.add_code("Energiebronnen", "Collega's")
        project.add_code(None, "Burn-out")
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, CodebookScreen)
        panel = app.screen.query_one("#edit-codes")
        panel.highlighted = next(i for i, c in enumerate(panel.codes) if c.name == "Burn-out")
        await pilot.press("w", *"Kan psychosociale zorg bijdragen?", "ctrl+s")
        await pilot.pause()
        assert "Kan psychosociale zorg" in str(app.screen.query_one("#definition").render())
        await pilot.press("K")
        await pilot.pause()
        await pilot.press("k", *["backspace"] * 10, *"orange", "enter")
        await pilot.pause()
    with _project(study) as project:
        colours = {c.path_text: c.color for c in project.codes()}
        assert project.memo_of("code", "Burn-out") == "Kan psychosociale zorg bijdragen?"
    assert all(colours.values())
    assert colours["Burn-out"] == "#ffa500"
    assert colours["Energiebronnen"] == "#66a61e"


@asynctest
async def test_opening_a_document_with_a_memo_shows_the_memo(study):
    with _project(study) as project:
        project.set_memo("document", "HA02", "Tweede interview, na de middag.")
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("]")
        await pilot.pause()
        assert app.coding.document.name == "HA02"
        shown = [(n.title, n.message) for n in app._notifications]
    assert ("memo on HA02", "Tweede interview, na de middag.") in shown


@asynctest
async def test_t_gives_the_highlighted_document_another_participant(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await _on_document(app, pilot, "HA02")
        await pilot.press("t", *["backspace"] * 5, *"HA1", "enter")
        await pilot.pause()
        assert app.screen.query_one("#documents").shown_row("HA02")[2] == "HA1"
    with _project(study) as project:
        assert {c.name: c.documents for c in project.cases()}["HA1"] == ("HA01", "HA02")
