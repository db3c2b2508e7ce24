"""A project path is a path: any legal file name works, and foreign files stay untouched.

Issue 10, attack 2: the engine was built from the string ``sqlite:///PATH``,
so ``?`` ended the file name (the data went to a file named ``study``), and
``%20`` or ``#`` were decoded. Attack 5: opening a SQLite file that is not a
qualcode project switched it to WAL mode.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from security_support import INTERVIEW, assert_refused, fingerprint


@pytest.mark.parametrize("folder, name", [
    ("Study?2024", "study?v2.qualcode"),
    ("plain", "study%20v2.qualcode"),
    ("hash#folder", "study#1.qualcode"),
    ("100%", "a%3Fb?c=d&e.qualcode"),
])
def test_a_project_whose_path_looks_like_a_url_is_written_where_it_is_named(
    cli, tmp_path: Path, folder: str, name: str
):
    (tmp_path / folder).mkdir()
    project = tmp_path / folder / name
    interview = tmp_path / "HA7.txt"
    interview.write_text(INTERVIEW, encoding="utf-8")
    assert cli("init", project).code == 0
    assert cli("import", project, interview).code == 0
    listed = cli("documents", project, "--json")
    assert [d["name"] for d in json.loads(listed.out)] == ["HA7"]
    assert sorted(p.name for p in (tmp_path / folder).iterdir()) == [name]
    assert project.stat().st_mode & 0o077 == 0  # owner only, like every project


def test_a_sqlite_file_that_is_not_a_project_is_refused_before_anything_writes_to_it(
    cli, tmp_path: Path
):
    foreign = tmp_path / "agenda.db"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE afspraak (wanneer TEXT, wie TEXT)")
    connection.execute("INSERT INTO afspraak VALUES ('maandag', 'Noor')")
    connection.commit()
    connection.close()
    before = fingerprint(foreign)
    for command in (("documents", foreign, "--json"), ("import", foreign, foreign),
                    ("undo", foreign)):
        result = cli(*command)
        assert_refused(result.code, result.err, "agenda.db", "not a qualcode project")
    assert fingerprint(foreign) == before
    with sqlite3.connect(foreign) as check:
        assert check.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_a_file_name_with_a_line_break_gives_exactly_one_error_line(cli, tmp_path: Path):
    project = tmp_path / "p.qualcode"
    assert cli("init", project).code == 0
    forged = tmp_path / "HA7.txt\nerror: forged second line"
    result = cli("import", project, forged)
    line = assert_refused(result.code, result.err, "\\n")
    assert "forged second line" in line
