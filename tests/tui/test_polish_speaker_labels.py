"""Speaker labels are drawn whole: the full Otter name line, and "I: " with its space."""

from __future__ import annotations

from qualcode.project import Project, TurnInfo
from qualcode.tui.app import make_app
from tests.tui.conftest import asynctest

OTTER = ("Sarah Jansen  00:13\nWell, the consent form was long. Nobody read it.\n\n"
         "I: And then?\n\nR: Then we stopped.\n")


def _otter_study(path):
    text = OTTER
    turns = []
    for speaker, role, line in (("Sarah Jansen", "respondent", "Sarah Jansen  00:13"),
                                ("I", "interviewer", "I: And then?"),
                                ("R", "respondent", "R: Then we stopped.")):
        start = text.index(line)
        end = text.index("\n\n", start) if "\n\n" in text[start:] else len(text) - 1
        turns.append(TurnInfo(speaker, role, start, end))
    sentences = [(text.index(s), text.index(s) + len(s)) for s in
                 ("Well, the consent form was long.", "Nobody read it.", "And then?",
                  "Then we stopped.")]
    with Project.create(path, coder="Ada") as project:
        project.add_document("OT01", text, turns=turns, sentences=sentences)
    return path


def _bold_runs(strip):
    return [s.text for s in strip if s.style is not None and s.style.bold and s.text.strip()]


@asynctest
async def test_labels_are_bold_to_their_last_character_with_the_space_kept(tmp_path):
    study = _otter_study(tmp_path / "otter.qualcode")
    app = make_app(study, coder="Ada")
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        lines = [app.coding.transcript.render_line(y) for y in range(8)]
        texts = ["".join(s.text for s in strip).rstrip() for strip in lines]
        otter = texts.index(next(t for t in texts if "Sarah Jansen" in t))
        assert _bold_runs(lines[otter]) == ["Sarah Jansen  00:13"]
        asked = texts.index(next(t for t in texts if "And then?" in t))
        assert "I: And then?" in texts[asked]
        assert _bold_runs(lines[asked])[0] == "I: "
