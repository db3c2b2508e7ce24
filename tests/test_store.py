import sqlite3
import stat
from pathlib import Path

import pytest

from qualcode.errors import ProjectVersionError, QualcodeError
from qualcode.model import SCHEMA_VERSION
from qualcode.project import Project


@pytest.mark.sqlite_only
def test_new_project_file_is_readable_by_its_owner_only(project: Project, project_path: Path):
    mode = stat.S_IMODE(project_path.stat().st_mode)
    assert mode == 0o600


@pytest.mark.sqlite_only
def test_project_uses_wal_and_foreign_keys(project: Project, project_path: Path):
    with project.read() as session:
        connection = session.connection().connection.dbapi_connection
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_create_refuses_to_overwrite_an_existing_file(tmp_path: Path):
    existing = tmp_path / "thesis.qualcode"
    existing.write_text("my notes")
    with pytest.raises(QualcodeError, match="already exists"):
        Project.create(existing)
    assert existing.read_text() == "my notes"


def test_project_from_a_newer_version_is_refused_and_left_untouched(
    project: Project, project_path: Path, content
):
    project.set_setting("schema_version", str(SCHEMA_VERSION + 1))
    project.close()
    before = content(project_path)
    with pytest.raises(ProjectVersionError, match="newer qualcode"):
        Project.open(project_path)
    assert content(project_path) == before


def test_opening_a_file_that_is_not_a_project_is_refused(tmp_path: Path):
    notes = tmp_path / "notes.qualcode"
    notes.write_text("not a database")
    with pytest.raises(ProjectVersionError, match="not a qualcode project"):
        Project.open(notes)
    other = tmp_path / "other.qualcode"
    sqlite3.connect(other).execute("create table x (a)").connection.commit()
    with pytest.raises(ProjectVersionError, match="not a qualcode project"):
        Project.open(other)
