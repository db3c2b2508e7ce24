"""A kill -9 at any moment loses at most the change in flight and never corrupts."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from qualcode.project import Project

CODER_LOOP = textwrap.dedent(
    """
    import sys
    from qualcode.project import Project
    project = Project.open(sys.argv[1], coder="crash")
    i = 0
    while True:
        coding_id = project.add_coding("HA1", "Belasting", i % 50, i % 50 + 5).id
        print(coding_id, flush=True)
        i += 1
    """
)


@pytest.mark.sqlite_only
def test_kill_9_while_coding_keeps_every_acknowledged_coding(
    project: Project, project_path: Path, interview: str, tmp_path: Path
):
    project.close()
    script = tmp_path / "coder.py"
    script.write_text(CODER_LOOP)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    for round_ in range(3):
        child = subprocess.Popen(
            [sys.executable, str(script), str(project_path)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        acknowledged: list[int] = []
        deadline = time.monotonic() + 30
        assert child.stdout is not None
        while len(acknowledged) < 40 + 25 * round_ and time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            acknowledged.append(int(line))
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert acknowledged, "the child process never acknowledged a coding"
        connection = sqlite3.connect(project_path)
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        connection.close()
        with Project.open(project_path) as reopened:
            stored = {coding.id for coding in reopened.codings()}
        assert set(acknowledged) <= stored
