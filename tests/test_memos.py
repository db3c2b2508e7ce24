"""Memos on the project, a document, a code and a coding: written, listed, undone."""

import json
from pathlib import Path

import pytest

from qualcode.errors import NotFoundError, QualcodeError
from qualcode.project import Project


def test_memos_on_every_target_are_listed_with_coder_and_time(project: Project, interview: str):
    start = interview.index("Die wederkerigheid")
    coding = project.add_coding("HA1", "Gebrek aan wederkerigheid", start, start + 18).id
    project.set_memo("project", None, "Steekproef: 11 huisartsen.\nTweede regel.")
    project.set_memo("document", "HA1", "Rustig interview.")
    project.set_memo("code", "Belasting > Objectieve belasting", "Tijd en uitlopen.")
    project.set_memo("coding", coding, "Kern van het gesprek.")
    entries = [m.to_json() for m in project.memo_entries()]
    assert [(m["on"], m["target"], m["text"], m["coder"]) for m in entries] == [
        ("project", None, "Steekproef: 11 huisartsen.\nTweede regel.", "Lotte"),
        ("document", "HA1", "Rustig interview.", "Lotte"),
        ("code", "Belasting > Objectieve belasting", "Tijd en uitlopen.", "Lotte"),
        ("coding", coding, "Kern van het gesprek.", "Lotte"),
    ]
    assert all(m["at"] for m in entries)


def test_writing_again_replaces_and_an_empty_text_removes(project: Project, interview: str):
    project.set_memo("document", "HA1", "Eerste versie.")
    project.set_memo("document", "HA1", "Tweede versie.")
    assert project.memo_of("document", "HA1") == "Tweede versie."
    project.set_memo("document", "HA1", "  ")
    assert project.memo_entries() == []


def test_every_memo_change_is_undoable(project: Project, interview: str):
    project.set_memo("code", "Belasting", "Wat huisartsen zwaar vinden.")
    project.set_memo("code", "Belasting", "Nieuwe definitie.")
    project.undo()
    assert project.memo_of("code", "Belasting") == "Wat huisartsen zwaar vinden."
    project.undo()
    assert project.memo_of("code", "Belasting") == ""
    project.redo()
    assert project.memo_of("code", "Belasting") == "Wat huisartsen zwaar vinden."


def test_a_memo_on_an_unknown_target_is_refused(project: Project, interview: str):
    with pytest.raises(NotFoundError, match="document 'HA9'"):
        project.set_memo("document", "HA9", "x")
    with pytest.raises(NotFoundError, match="coding 999"):
        project.set_memo("coding", 999, "x")
    with pytest.raises(QualcodeError, match="Onbekend"):
        project.set_memo("code", "Onbekend", "x")
    assert project.memo_entries() == []


def test_cli_memo_and_memos_json(cli, project: Project, interview: str, project_path: Path,
                                 monkeypatch):
    import io

    assert cli("memo", project_path, "--project", "--text", "Opzet van de studie.").code == 0
    assert cli("memo", project_path, "--doc", "HA", "--text", "Pilot.").code == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("Regel een.\nRegel twee.\n"))
    assert cli("memo", project_path, "--code", "Belasting", "--text", "-").code == 0
    start = interview.index("Die wederkerigheid")
    coding = project.add_coding("HA1", "Belasting", start, start + 18).id
    assert cli("memo", project_path, "--id", coding, "--text", "Mooi citaat.").code == 0
    listed = json.loads(cli("memos", project_path, "--json").out)
    assert [(m["on"], m["target"], m["text"]) for m in listed] == [
        ("project", None, "Opzet van de studie."),
        ("document", "HA1", "Pilot."),
        ("code", "Belasting", "Regel een.\nRegel twee."),
        ("coding", coding, "Mooi citaat."),
    ]
    assert set(listed[0]) == {"on", "target", "text", "coder", "at"}
    refused = cli("memo", project_path, "--id", 4242, "--text", "x")
    assert (refused.code, refused.err) == (1, "error: coding 4242: no such coding\n")
    assert cli("memo", project_path, "--text", "x").code == 2
