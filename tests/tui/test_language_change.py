"""Changing the transcripts' language from the command palette: ask, confirm, split again."""

from __future__ import annotations

from qualcode.project import Project
from qualcode.tui.app import make_app
from qualcode.tui.screens.dialogs import Confirm, TextPrompt
from tests.tui.conftest import Notifications, asynctest


@asynctest
async def test_a_new_language_splits_the_sentences_again_after_a_confirmation(study):
    app, seen = make_app(study), Notifications()
    async with app.run_test(size=(120, 36), message_hook=seen.hook) as pilot:
        app.action_language()
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await pilot.press("backspace", "backspace", *"en", "enter")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        assert "split the sentences of 2 documents again" in app.screen.question
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert seen.messages("information")[-1] == (
            "language en: the sentences of 2 documents were split again")
        assert app.screen is app.coding
    with Project.open(study) as project:
        assert project.language == "en"
        assert [e.kind for e in project.history(1)] == ["language"]


@asynctest
async def test_an_unknown_language_is_refused_and_nothing_changes(study):
    app, seen = make_app(study), Notifications()
    async with app.run_test(size=(120, 36), message_hook=seen.hook) as pilot:
        app.action_language()
        await pilot.pause()
        await pilot.press("backspace", "backspace", *"dutch", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, Confirm)
        assert "did you mean 'nl'" in seen.messages("error")[-1]
    with Project.open(study) as project:
        assert project.language == "nl"
