"""Undo and redo take back only this coder's own changes, whichever window or process
made them: two Project instances on one file stand for two open windows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from qualcode.errors import QualcodeError
from qualcode.project import Project


@pytest.fixture
def ward(project_path: Path, interview: str, project: Project):
    """A second coder with the same project open, as in a second window."""
    with Project.open(project_path, coder="Ward") as other:
        yield other


def paths(project: Project) -> list[tuple[str, str]]:
    return sorted((c.coder, c.code_path[-1]) for c in project.codings())


def test_undo_takes_back_my_last_change_not_the_other_coders_later_one(project, ward):
    project.add_coding("HA1", "Objectieve belasting", 0, 9)
    ward.add_coding("HA1", "Gebrek aan wederkerigheid", 0, 9)
    event = project.undo()
    assert event is not None and event.coder == "Lotte"
    assert paths(project) == [("Ward", "Gebrek aan wederkerigheid")]


def test_nothing_of_mine_to_undo_leaves_the_other_coders_coding(tmp_path):
    with Project.create(tmp_path / "two.qualcode", coder="Ward") as ward:
        ward.add_document("HA2", "Ik werk graag in een team.\n")
        ward.add_code(None, "Energiebronnen")
        ward.add_coding("HA2", "Energiebronnen", 0, 9)
        with Project.open(tmp_path / "two.qualcode", coder="Lotte") as lotte:
            assert lotte.undo() is None
            assert lotte.redo() is None
            assert paths(lotte) == [("Ward", "Energiebronnen")]


def test_another_coders_change_does_not_take_away_my_redo(project, ward):
    project.add_coding("HA1", "Objectieve belasting", 0, 9)
    project.undo()
    ward.add_coding("HA1", "Gebrek aan wederkerigheid", 10, 20)
    assert project.redo() is not None
    assert paths(project) == [("Lotte", "Objectieve belasting"),
                              ("Ward", "Gebrek aan wederkerigheid")]
    project.undo()  # the redone coding may have a new id; undo still finds it
    assert paths(project) == [("Ward", "Gebrek aan wederkerigheid")]


def test_my_new_change_drops_only_my_own_undone_changes(project, ward):
    project.add_coding("HA1", "Objectieve belasting", 0, 9)
    ward.add_coding("HA1", "Gebrek aan wederkerigheid", 10, 20)
    project.undo()
    ward.undo()
    project.add_coding("HA1", "Objectieve belasting", 30, 40)
    assert project.redo() is None
    assert ward.redo() is not None
    assert ("Ward", "Gebrek aan wederkerigheid") in paths(project)


def test_undo_is_refused_when_another_coder_built_on_the_change(project, ward, content,
                                                                 project_path):
    project.add_code(None, "Energiebronnen")
    ward.add_coding("HA1", "Energiebronnen", 0, 9)
    before = content(project_path)
    with pytest.raises(QualcodeError, match=r"changed since.*Ward"):
        project.undo()
    assert content(project_path) == before


def test_undo_is_refused_when_another_coder_changed_the_same_memo(project, ward):
    coding = project.add_coding("HA1", "Objectieve belasting", 0, 9).id
    project.set_coding_memo(coding, "eerste indruk")
    ward.set_coding_memo(coding, "zie ook HA2")
    with pytest.raises(QualcodeError, match="cannot undo"):
        project.undo()
    assert project.codings()[0].memo == "zie ook HA2"


def run_cli(*args: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    return subprocess.run([sys.executable, "-m", "qualcode", *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=120, check=False)


def test_undo_in_a_second_process_leaves_the_other_coders_coding(project, project_path):
    project.add_document("HA2", "Ik werk graag in een team. Dat geeft energie.\n")
    project.add_code(None, "Energiebronnen")
    project.add_coding("HA2", "Energiebronnen", 38, 45)
    ward = run_cli("code", project_path, "--doc", "HA2", "--code", "Energiebronnen",
                   "--match", "team", "--coder", "Ward")
    assert ward.returncode == 0, ward.stderr
    lotte = run_cli("undo", project_path, "--coder", "Lotte")
    assert lotte.returncode == 0, lotte.stderr
    assert "HA2 38:45" in lotte.stdout
    assert [(c.coder, c.text) for c in project.codings()] == [("Ward", "team")]
    again = run_cli("undo", project_path, "--coder", "Ward")
    assert again.returncode == 0 and project.codings() == []
