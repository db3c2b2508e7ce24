"""A process that holds a project open and opens it once more (the TUI, or the CLI run
inside these tests) must keep its claim on the file: another process closing the project
must not take itself for the last one and delete the write-ahead log under our writers."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from qualcode.project import Project

WARD_CODES = """
import sys
from qualcode.project import Project
with Project.open(sys.argv[1], coder="Ward") as project:
    for i in range(3):
        project.add_coding("HA1", "Objectieve belasting", 40 + i, 45 + i, memo=f"Ward {i}")
"""


def ward_codes_and_closes(path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    done = subprocess.run([sys.executable, "-c", WARD_CODES, str(path)],
                          capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr


@pytest.mark.sqlite_only
def test_codings_survive_another_process_closing_the_project_after_a_second_open(
    project, project_path, interview, cli
):
    kept = 0
    for round_ in range(3):
        result = cli("code", project_path, "--doc", "HA1", "--code", "Gebrek aan wederkerigheid",
                     "--span", f"{round_}:{round_ + 3}", "--coder", "Lotte")
        assert result.code == 0, result.err
        ward_codes_and_closes(project_path)
        assert Path(f"{project_path}-wal").exists(), "Ward's close took itself for the last"
        project.add_coding("HA1", "Gebrek aan wederkerigheid", 10 + round_, 13 + round_,
                           memo=f"Lotte open {round_}")
        with Project.open(project_path, coder="Lotte") as second:
            second.add_coding("HA1", "Gebrek aan wederkerigheid", 20 + round_, 23 + round_,
                              memo=f"Lotte second {round_}")
        kept += 3 + 3
    assert len(project.codings(coder="Lotte")) == 9
    assert len(project.codings(coder="Ward")) == 9
    project.close()
    with Project.open(project_path) as reopened:
        assert len(reopened.codings()) == kept


def test_adding_a_coding_reports_it_even_if_another_window_undoes_it_at_once(
    project, project_path, interview, monkeypatch
):
    """The acknowledgement is read in the coding's own transaction, not after the commit."""
    other_window = Project.open(project_path, coder="Lotte")
    original = Project.change

    @contextmanager
    def then_undone_elsewhere(self, *args, **kwargs):
        with original(self, *args, **kwargs) as changes:
            yield changes
        other_window.undo()

    monkeypatch.setattr(Project, "change", then_undone_elsewhere)
    try:
        stored = project.add_coding("HA1", "Objectieve belasting", 4, 9)
    finally:
        other_window.close()
    assert (stored.document, stored.start, stored.end) == ("HA1", 4, 9)
    assert project.codings() == []
