"""The search screen: hits across documents, Enter jumps, marked hits coded together."""

from __future__ import annotations

from qualcode.project import Project
from qualcode.tui.app import make_app
from qualcode.tui.screens.search import SearchScreen
from tests.tui.conftest import Notifications, asynctest, build_document


async def search_for(pilot, app, words: str) -> SearchScreen:
    await pilot.press("ctrl+f")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, SearchScreen)
    await pilot.press(*words, "enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return screen


@asynctest
async def test_search_lists_hits_in_every_document_and_enter_opens_one(study):
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await search_for(pilot, app, "energie")
        assert [(h.document, h.text) for h in screen.hits] == [
            ("HA01", "energie"), ("HA01", "energie"), ("HA02", "energie"), ("HA02", "energie"),
        ]
        label = str(screen.query_one("#search-hits").get_option_at_index(0).prompt)
        assert "HA01 · turn 3" in label and "En wat geeft je energie?" in label
        hit = screen.hits[2]
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.screen is app.coding
        assert app.coding.document.name == "HA02"
        assert app.coding.transcript.selection == (hit.start, hit.end)


@asynctest
async def test_respondent_only_search_and_coding_marked_hits_by_sentence(study):
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await search_for(pilot, app, "energie")
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [h.role for h in screen.hits] == ["respondent", "respondent"]
        await pilot.press("space")
        await pilot.pause()
        assert screen.marked == {0}
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("down", "enter")  # their sentences
        await pilot.pause()
        await pilot.press(*"Variatie", "enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    with Project.open(study) as project:
        coded = project.codings(code="Energiebronnen > Variatie")
        assert [(c.document, c.text) for c in coded] == [
            ("HA01", "Maar de variatie in het werk geeft me energie."),
        ]
        assert project.undo() is not None
        assert project.codings(code="Energiebronnen > Variatie") == []


@asynctest
async def test_the_participants_field_limits_hits_to_participants_with_that_attribute(
    study, tmp_path,
):
    table = tmp_path / "participants.csv"
    table.write_text("case,practice\nHA1,solo\nHA2,group\n", encoding="utf-8")
    with Project.open(study) as project:
        project.import_participants(table)
    app = make_app(study)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+f")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await pilot.press(*"energie", "tab", *"practice=group", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert {h.document for h in screen.hits} == {"HA02"} and len(screen.hits) == 2
        await pilot.press("shift+tab")
        screen.query_one("#search-attribute").value = "practice"
        await pilot.press("enter")
        await pilot.pause()
        assert len(screen.hits) == 2  # a malformed filter is refused; the hits stay


@asynctest
async def test_a_bad_regular_expression_is_an_error_and_the_hits_stay(study):
    app, seen = make_app(study), Notifications()
    async with app.run_test(size=(120, 36), message_hook=seen.hook) as pilot:
        screen = await search_for(pilot, app, "energie")
        assert len(screen.hits) == 4
        await pilot.press("ctrl+e", "ctrl+e")  # regular expression
        await app.workers.wait_for_complete()
        await pilot.press("slash", "ctrl+u", *"(energie", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert seen.messages("error") and "(energie" in seen.messages("error")[-1]
        assert len(screen.hits) == 4


@asynctest
async def test_thousands_of_hits_list_the_first_500_and_c_still_codes_every_one(tmp_path):
    path = tmp_path / "many.qualcode"
    turns = [("HA1", "respondent", "Ik kreeg energie van dat gesprek. " * 300),
             ("HA1", "respondent", "Weer energie, echt waar. " * 300)]
    with Project.create(path, coder="Lotte") as project:
        text, turn_infos, sentences = build_document("Interview HA01", turns)
        project.add_document("HA01", text, case="HA1", turns=turn_infos, sentences=sentences)
        project.add_code(None, "Energie")
    app = make_app(path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await search_for(pilot, app, "energie")
        listing = screen.query_one("#search-hits")
        assert len(screen.hits) == 600 and listing.option_count == 501
        assert "100 more hits not listed" in str(listing.get_option_at_index(500).prompt)
        await pilot.press("space")
        assert screen.marked == {0} and listing.highlighted == 1
        await pilot.press("ctrl+a")
        assert len(screen.marked) == 600
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter")  # scope: the matched words
        await pilot.pause()
        await pilot.press(*"Energie", "enter")
        await pilot.pause()
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
    with Project.open(path) as project:
        assert len(project.codings(code="Energie")) == 600
