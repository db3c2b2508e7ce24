"""Auto-coding search hits: one undoable change, never coding a passage twice."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from qualcode.project import Project
from qualcode.search import auto_code, find

TEXT = (
    "I: Is psychosociale zorg zwaar?\n"
    "HA1: Ja. De belasting is groot. Ik voel me belast.\n"
    "I: En de administratie?\n"
    "HA1: Die belasting valt mee.\n"
)


@pytest.fixture
def study(project: Project, write_file: Callable[..., Path]) -> Project:
    project.import_document(write_file("HA1.txt", TEXT))
    project.add_code(None, "Belasting")
    return project


def coded(project: Project) -> list[str]:
    return [c.text for c in project.codings(code="Belasting")]


def test_auto_code_codes_every_match_in_one_undoable_change(study: Project) -> None:
    result = auto_code(study, find(study, "belast"), "Belasting", "match", query="belast")
    assert (result.hits, result.coded, result.already_coded) == (3, 3, 0)
    assert coded(study) == ["belasting", "belast", "belasting"]
    assert study.undo() is not None
    assert coded(study) == []


def test_auto_code_by_sentence_and_by_turn(study: Project) -> None:
    auto_code(study, find(study, "belast"), "Belasting", "sentence")
    assert coded(study) == [
        "De belasting is groot.", "Ik voel me belast.", "Die belasting valt mee.",
    ]
    study.undo()
    result = auto_code(study, find(study, "belast"), "Belasting", "turn")
    assert result.coded == 2  # two hits share one turn
    assert coded(study) == ["Ja. De belasting is groot. Ik voel me belast.",
                            "Die belasting valt mee."]


def test_auto_code_twice_codes_nothing_the_second_time(study: Project) -> None:
    auto_code(study, find(study, "belast"), "Belasting", "sentence")
    events = len(study.history())
    again = auto_code(study, find(study, "belast"), "Belasting", "sentence")
    assert (again.coded, again.already_coded) == (0, 3)
    assert len(study.history()) == events
    assert len(coded(study)) == 3


def test_cli_search_with_code_reports_and_codes(study: Project, project_path: Path, cli) -> None:
    study.close()
    result = cli("search", project_path, "belast", "--role", "respondent", "--code",
                 "Belasting", "--scope", "sentence", "--json")
    assert result.code == 0, result.err
    assert '"coded": 3' in result.out
    listing = cli("search", project_path, "belast")
    assert listing.out.splitlines()[-1] == "3 hits in 1 document"
    assert "HA1, turn 2: De [belasting] is groot." in listing.out


def test_cli_search_refuses_a_bad_regex_with_one_error_line(study: Project, project_path: Path,
                                                           cli) -> None:
    study.close()
    result = cli("search", project_path, "(unclosed", "--regex")
    assert result.code == 1
    assert result.err.count("error:") == 1 and "not a valid regular expression" in result.err


def test_cli_search_with_an_unknown_code_changes_nothing(study: Project, project_path: Path, cli,
                                                       content) -> None:
    study.close()
    before = content(project_path)
    result = cli("search", project_path, "belast", "--code", "Nope")
    assert result.code == 1 and result.err.startswith("error:")
    after = [line for line in content(project_path) if "search_" not in line]
    assert after == [line for line in before if "search_" not in line]
