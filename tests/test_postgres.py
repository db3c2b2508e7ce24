"""A project in PostgreSQL: URLs in place of P, credentials from the URL, the environment
or ~/.pgpass, a password never shown, and four coders coding at the same moment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from qualcode.project import Project
from tests.conftest import dump_database
from tests.postgres_server import PASSWORD

CODER_LOOP = """
import sys
from qualcode.project import Project
url, coder, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
with Project.open(url, coder=coder) as project:
    for i in range(count):
        project.add_coding("HA1", "Objectieve belasting", i, i + 5, memo=f"{coder} {i}")
print("done")
"""


@pytest.fixture
def url(postgres_server) -> str:
    return postgres_server.new_database()


def without_password(url: str) -> str:
    return url.replace(f":{PASSWORD}@", "@")


def test_init_creates_the_schema_and_every_command_takes_the_url(cli, url, write_file):
    from tests.conftest import INTERVIEW

    assert cli("init", url).code == 0
    assert cli("import", url, write_file("HA1.txt", INTERVIEW)).code == 0
    assert cli("codebook", url, write_file("cb.yaml", "name: t\ncodes:\n  - name: Rol\n")).code == 0
    assert cli("code", url, "--doc", "HA1", "--code", "Rol", "--match", "laagdrempelig").code == 0
    [coding] = json.loads(cli("codings", url, "--json").out)
    assert coding["text"] == "laagdrempelig"
    assert cli("undo", url).code == 0
    assert json.loads(cli("codings", url, "--json").out) == []


def test_init_refuses_a_database_that_is_not_empty(cli, url):
    assert cli("init", url).code == 0
    result = cli("init", url)
    assert result.code == 1 and "not empty" in result.err


def test_a_password_never_appears_in_errors_output_or_the_project(cli, url, postgres_server,
                                                                 write_file):
    from tests.conftest import INTERVIEW

    assert cli("init", url).code == 0
    created = cli("import", url, write_file("HA1.txt", INTERVIEW))
    refi = cli("import-refi", url, write_file("broken.qdpx", b"not a zip"), "--json")
    wrong = url.replace(PASSWORD, "Wr0ng-" + PASSWORD)
    refused = cli("documents", wrong, "--json")
    missing = cli("documents", postgres_server.url("no_such_db"), "--json")
    assert refused.code == 1 and missing.code == 1
    assert len(refused.err.splitlines()) == 1 and refused.err.startswith("error:")
    assert "***" in refused.err and "no_such_db" in missing.err
    for result in (created, refi, refused, missing):
        assert PASSWORD not in result.out + result.err
    assert not any(PASSWORD in line for line in dump_database(url))


def test_password_from_the_environment_or_a_pgpass_file(cli, url, tmp_path, monkeypatch):
    assert cli("init", url).code == 0
    bare = without_password(url)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    assert cli("documents", bare, "--json").code == 1
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    assert cli("documents", bare, "--json").code == 0
    monkeypatch.delenv("PGPASSWORD")
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:*:*:postgres:{PASSWORD}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    assert cli("documents", bare, "--json").code == 0


def test_only_postgresql_urls_are_taken(cli):
    result = cli("documents", "mysql://someone:secret@host/db", "--json")
    assert result.code == 1 and "postgresql://" in result.err and "secret" not in result.err


def test_four_coders_coding_at_once_lose_nothing_and_see_each_other(url, interview_text):
    with Project.create(url, coder="Lotte") as project:
        project.add_document("HA1", interview_text)
        project.add_code(None, "Objectieve belasting")
        project.changed_elsewhere()
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
        coders = ["Lotte", "Ward", "Yasmina", "Pieter"]
        processes = [subprocess.Popen([sys.executable, "-c", CODER_LOOP, url, name, "60"],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      text=True, env=env) for name in coders]
        for process in processes:
            out, err = process.communicate(timeout=300)
            assert process.returncode == 0 and out.strip() == "done", err
        memos = {c.memo for c in project.codings()}
        assert memos == {f"{name} {i}" for name in coders for i in range(60)}
        assert project.changed_elsewhere() is True


@pytest.fixture
def interview_text() -> str:
    from tests.conftest import INTERVIEW

    return INTERVIEW
