"""Study text is shown as written: "[laughs]", "[Persoon 2]" and a stray "[/]" are not markup."""

from __future__ import annotations

from pathlib import Path

from textual.widgets._toast import Toast, ToastRack

from qualcode.project import Project
from qualcode.tui.app import make_app
from qualcode.tui.screens.retrieval import RetrievalScreen
from tests.tui.conftest import asynctest, build_document

TURNS = [
    ("I", "interviewer", "Hoe ging dat gesprek?"),
    ("HA1", "respondent", "Ik wist het echt niet meer [laughs] op dat moment. "
     "Ze zei alleen [/] nee en ging weg. Ik heb toen [Persoon 2] gebeld."),
]


def bracketed_study(tmp_path: Path) -> Path:
    path = tmp_path / "brackets.qualcode"
    with Project.create(path, coder="Lotte") as project:
        text, turns, sentences = build_document("Interview HA01 [final]", TURNS)
        project.add_document("HA01 [final]", text, case="HA1", turns=turns, sentences=sentences)
        project.add_code(None, "Coping [avoidance]", key="1")
        for sentence in ("Ik wist het", "Ze zei alleen", "Ik heb toen"):
            start = text.index(sentence)
            project.add_coding("HA01 [final]", "Coping [avoidance]", start,
                               text.index(".", start) + 1)
    return path


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    return app.export_screenshot().replace("&#160;", " ")


@asynctest
async def test_quotes_with_brackets_are_listed_whole_and_a_stray_closing_tag_does_not_crash(
    tmp_path: Path,
) -> None:
    app = make_app(bracketed_study(tmp_path))
    async with app.run_test(size=(140, 36)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RetrievalScreen)
        panel = screen.query_one("#retrieval-codes")
        panel.highlighted = 0
        await pilot.pause()
        assert len(screen.quotes) == 3
        shown = screen_text(app)
        for written in ("[laughs]", "[/]", "[Persoon 2]", "Coping [avoidance]: 3 quotes"):
            assert written in shown, written
        assert app.is_running


@asynctest
async def test_project_tables_and_notices_show_names_with_brackets(tmp_path: Path) -> None:
    app = make_app(bracketed_study(tmp_path))
    async with app.run_test(size=(140, 36), notifications=True) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert "HA01 [final]" in screen_text(app)
        assert "1 document, 0 of 1 interview coded · 1 participant · 1 code · 3 codings" in (
            app.screen.sub_title)
        app.notify("coded [laughs] as [Persoon 2]")
        await pilot.pause()
        toasts = list(app.screen.get_child_by_type(ToastRack).query(Toast))
        assert [str(toast.render()) for toast in toasts] == ["coded [laughs] as [Persoon 2]"]


@asynctest
async def test_a_coder_with_brackets_is_named_whole_in_the_coder_choices(tmp_path: Path) -> None:
    from textual.widgets import Select

    path = bracketed_study(tmp_path)
    with Project.open(path, coder="Prof. [x] Claes") as project:
        text = project.document_text("HA01 [final]").text
        start = text.index("Ik wist het")
        project.add_coding("HA01 [final]", "Coping [avoidance]", start, start + 11)
    app = make_app(path, coder="Lotte")
    async with app.run_test(size=(140, 36)) as pilot:
        await pilot.press("a")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        coder = app.screen.query_one("#matrix-coder", Select)
        coder.value = "Prof. [x] Claes"
        await pilot.pause()
        assert str(coder.query_one("SelectCurrent #label").render()) == "Prof. [x] Claes"
