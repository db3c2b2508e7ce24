"""`qualcode backup P OUT`: a complete copy of a project that is open and being written,
and the WAL folded back into the project file when it is closed."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from qualcode.project import Project
from tests.test_concurrent_writers import start_coder


def test_backup_while_another_process_codes_is_complete_and_intact(
    project, project_path, interview, cli, tmp_path
):
    for i in range(30):
        project.add_coding("HA1", "Objectieve belasting", i, i + 4)
    writer = start_coder(project_path, "Ward", 150)
    copies = []
    for n in range(3):
        out = tmp_path / f"copy{n}.qualcode"
        result = cli("backup", project_path, out)
        assert result.code == 0, result.err
        copies.append(out)
    _out, err = writer.communicate(timeout=300)
    assert writer.returncode == 0, err
    for out in copies:
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
        assert not Path(f"{out}-wal").exists()
        connection = sqlite3.connect(out)
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        connection.close()
        with Project.open(out) as copy:
            codings = copy.codings()
            assert len(codings) >= 30
            memos = {c.memo for c in codings if c.coder == "Ward"}
            # a consistent snapshot: Ward's codings up to some point, none missing before it
            assert memos == {f"Ward {i}" for i in range(len(memos))}
    final = tmp_path / "final.qualcode"
    assert cli("backup", project_path, final).code == 0
    with Project.open(final) as copy:
        assert len(copy.codings()) == 180
    assert list(tmp_path.glob(".*.tmp")) == []


@pytest.mark.sqlite_only
def test_backup_holds_the_changes_still_in_the_wal_file(project, project_path, interview,
                                                         tmp_path):
    project.add_coding("HA1", "Objectieve belasting", 0, 9)
    assert Path(f"{project_path}-wal").stat().st_size > 0
    project.backup(tmp_path / "copy.qualcode")
    with Project.open(tmp_path / "copy.qualcode") as copy:
        assert [c.text for c in copy.codings()] == [interview[0:9]]


@pytest.mark.sqlite_only
def test_backup_refuses_to_overwrite_the_project_itself(project, project_path, cli, content):
    before = content(project_path)
    result = cli("backup", project_path, project_path)
    assert result.code == 1
    assert result.err.startswith("error:") and len(result.err.splitlines()) == 1
    assert content(project_path) == before


def test_backup_into_a_missing_folder_is_refused(project, project_path, cli, tmp_path):
    result = cli("backup", project_path, tmp_path / "nowhere" / "copy.qualcode")
    assert result.code == 1 and "does not exist" in result.err


@pytest.mark.sqlite_only
def test_closing_the_last_window_empties_the_wal_file(project, project_path, interview):
    project.add_coding("HA1", "Objectieve belasting", 0, 9)
    project.close()
    wal = Path(f"{project_path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    connection = sqlite3.connect(f"file:{project_path}?mode=ro", uri=True)
    assert connection.execute("SELECT count(*) FROM coding").fetchone()[0] == 1
    connection.close()
