"""Several processes writing one SQLite project at once: every acknowledged change is
kept, and nobody sees "database is locked" (writes queue up instead)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from qualcode.project import Project

CODER_LOOP = """
import sys
from qualcode.project import Project
path, coder, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
done = 0
with Project.open(path, coder=coder) as project:
    for i in range(count):
        project.document_text("HA1")
        project.add_coding("HA1", "Objectieve belasting", i, i + 5, memo=f"{coder} {i}")
        project.codings(document="HA1")
        done += 1
print(done)
"""


def start_coder(path: Path, coder: str, count: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    return subprocess.Popen([sys.executable, "-c", CODER_LOOP, str(path), coder, str(count)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_two_processes_coding_at_once_keep_every_coding(project, project_path, interview):
    project.close()
    coders = [start_coder(project_path, name, 120) for name in ("Lotte", "Ward")]
    results = [process.communicate(timeout=300) for process in coders]
    for process, (out, err) in zip(coders, results, strict=True):
        assert process.returncode == 0, err
        assert out.strip() == "120"
    with Project.open(project_path) as reopened:
        memos = {c.memo for c in reopened.codings()}
        assert len(memos) == 240
        assert {f"Ward {i}" for i in range(120)} <= memos
        assert {f"Lotte {i}" for i in range(120)} <= memos


def test_cli_commands_and_an_open_project_write_at_once(project, project_path, interview, cli):
    coder = start_coder(project_path, "Ward", 80)
    for i in range(40):
        result = cli("code", project_path, "--doc", "HA1", "--code", "Gebrek aan wederkerigheid",
                     "--span", f"{i}:{i + 3}", "--coder", "Lotte")
        assert result.code == 0, result.err
    _out, err = coder.communicate(timeout=300)
    assert coder.returncode == 0, err
    assert len(project.codings(coder="Ward")) == 80
    assert len(project.codings(coder="Lotte")) == 40
