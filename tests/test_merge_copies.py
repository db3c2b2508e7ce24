"""`qualcode merge`: a student's project and a supervisor's copy of it, brought together."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from qualcode.project import Project
from tests.conftest import dump
from tests.tui.conftest import TURNS, build_document, make_study


def copy_of(path: Path, target: Path) -> Path:
    """A closed project is one file (the WAL is checkpointed on close)."""
    shutil.copy(path, target)
    return target


def passage(project: Project, document: str, words: str) -> tuple[int, int]:
    text = project.document_text(document).text
    start = text.index(words)
    return start, start + len(words)


@pytest.fixture
def two_copies(tmp_path: Path) -> tuple[Path, Path]:
    """The student's study (Lotte) and the supervisor's copy, coded apart (Bram)."""
    student = make_study(tmp_path / "study.qualcode")
    supervisor = copy_of(student, tmp_path / "supervisor.qualcode")
    with Project.open(supervisor, coder="Bram") as project:
        project.add_code(None, "Zingeving", color="#1f78b4")
        project.add_coding("HA01", "Zingeving",
                           *passage(project, "HA01", "de variatie in het werk geeft me energie"))
        project.add_coding("HA01", "Laagdrempeligheid",
                           *passage(project, "HA01", "Wij zijn laagdrempelig"),
                           memo="eerste lijn")
        text, turns, sentences = build_document("Interview HA03", TURNS[:2])
        project.add_document("HA03", text, case="HA3", turns=turns, sentences=sentences)
        project.add_coding("HA03", "Objectieve belasting",
                           *passage(project, "HA03", "Maar het kost veel tijd."))
    with Project.open(student, coder="Lotte") as project:
        project.add_coding("HA02", "Laagdrempeligheid",
                           *passage(project, "HA02", "Wij zijn laagdrempelig"))
    return student, supervisor


def codings_of(path: Path) -> set[tuple]:
    with Project.open(path) as project:
        return {(c.document, c.code_path, c.start, c.end, c.coder, c.memo)
                for c in project.codings()}


def test_merging_the_supervisors_copy_adds_their_codings_codes_and_documents(cli, two_copies):
    student, supervisor = two_copies
    expected = codings_of(student) | codings_of(supervisor)
    result = cli("merge", student, supervisor, "--json")
    assert result.code == 0, result.err
    summary = json.loads(result.out)
    assert summary["documents"] == {"added": 1, "already_there": 2, "refused": 0}
    assert summary["codes"]["added"] == 1
    assert summary["codings"] == {"added": 3, "already_there": 3, "refused": 0}
    assert codings_of(student) == expected
    with Project.open(student) as project:
        assert [d.name for d in project.documents()] == ["HA01", "HA02", "HA03"]
        assert project.document_text("HA03").sentences  # sentences and turns came along
        assert project.document("HA03").case == "HA3"
        assert sorted(project.coders()) == ["Bram", "Lotte"]


def test_merging_both_ways_gives_both_copies_the_same_codings(cli, two_copies):
    student, supervisor = two_copies
    assert cli("merge", student, supervisor).code == 0
    assert cli("merge", supervisor, student).code == 0
    assert codings_of(student) == codings_of(supervisor)


def test_merge_twice_adds_nothing_the_second_time(cli, two_copies):
    student, supervisor = two_copies
    cli("merge", student, supervisor)
    before = dump(student)
    again = cli("merge", student, supervisor, "--json")
    assert again.code == 0
    summary = json.loads(again.out)
    assert all(kind["added"] == 0 for name, kind in summary.items()
               if isinstance(kind, dict))
    assert summary["notes"] == []
    assert dump(student) == before  # not even an event in the history
    assert "nothing new" in cli("merge", student, supervisor).out


def test_a_supervisors_qdpx_merges_like_their_project_file(cli, two_copies, tmp_path: Path):
    student, supervisor = two_copies
    original = copy_of(student, tmp_path / "original.qualcode")
    assert cli("merge", student, supervisor).code == 0
    exported = tmp_path / "supervisor.qdpx"
    assert cli("export", "qdpx", supervisor, exported).code == 0
    result = cli("merge", original, exported, "--json")
    assert result.code == 0, result.err
    assert codings_of(original) == codings_of(student)
    second = json.loads(cli("merge", original, exported, "--json").out)
    assert second["codings"]["added"] == 0 and second["documents"]["added"] == 0
    assert second["notes"] == []


def test_a_document_with_the_same_name_and_another_text_refuses_the_merge(
    cli, two_copies, tmp_path: Path
):
    student, _supervisor = two_copies
    other = tmp_path / "other.qualcode"
    with Project.create(other, coder="Bram") as project:
        text, turns, sentences = build_document("Interview HA01 (another one)", TURNS[:2])
        project.add_document("HA01", text, turns=turns, sentences=sentences)
    before = dump(student)
    result = cli("merge", student, other)
    assert result.code == 1
    assert result.err.startswith("error:") and "'HA01'" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert dump(student) == before


def test_a_merge_is_one_change_that_undo_takes_back(cli, two_copies):
    student, supervisor = two_copies
    before = codings_of(student)
    cli("merge", student, supervisor)
    assert cli("undo", student).code == 0
    assert codings_of(student) == before
    with Project.open(student) as project:
        assert [d.name for d in project.documents()] == ["HA01", "HA02"]
        assert "Zingeving" not in [c.name for c in project.codes()]


def test_attribute_values_are_merged_and_a_different_value_is_kept_and_reported(
    two_copies, tmp_path: Path, write_file
):
    student, supervisor = two_copies
    with Project.open(student) as project:
        project.import_participants(write_file("a.csv", "case,leeftijd\nHA1,45\n"))
    with Project.open(supervisor) as project:
        project.import_participants(write_file("b.csv", "case,leeftijd,geslacht\nHA1,46,v\n"))
    with Project.open(student) as project:
        report = project.merge(supervisor)
        assert report.counts["attribute values"].added == 1
        assert report.counts["attribute values"].refused == 1
        assert any("leeftijd" in note and "'45'" in note for note in report.notes)
        attributes = next(c for c in project.cases() if c.name == "HA1").attributes
        assert attributes["leeftijd"] == 45 and attributes["geslacht"] == "v"


def test_merging_a_file_that_is_not_there_is_refused(cli, two_copies, tmp_path: Path):
    student, _ = two_copies
    result = cli("merge", student, tmp_path / "nope.qualcode")
    assert result.code == 1 and "nope.qualcode" in result.err


def test_memos_come_along_once(two_copies):
    student, supervisor = two_copies
    with Project.open(supervisor, coder="Bram") as project:
        (item, *_rest) = project.disagreements("Lotte", "Bram")
        project.resolve_disagreement(item, "b", consensus="Samen", coders=("Lotte", "Bram"),
                                     reason="samen besproken")
    with Project.open(student) as project:
        first = project.merge(supervisor)
        second = project.merge(supervisor)
        memos = [m for m in project.memos() if m.text == "samen besproken"]
    assert first.counts["memos"].added == 1 and second.counts["memos"].added == 0
    assert second.counts["memos"].already_there == 1 and len(memos) == 1
