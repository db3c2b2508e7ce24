"""A document's coding status: set by the researcher, in progress from the first coding."""

import json
import sqlite3

import pytest

from qualcode.model import SCHEMA_VERSION
from qualcode.project import Project


def _statuses(cli, path):
    return {d["name"]: d["status"] for d in json.loads(cli("documents", path, "--json").out)}


def test_a_new_document_is_not_started_and_its_first_coding_puts_it_in_progress(
    project, interview
):
    assert project.document("HA1").status == "not-started"
    project.add_coding("HA1", "Objectieve belasting", 0, 10)
    assert project.document("HA1").status == "in-progress"


def test_undoing_the_first_coding_puts_the_document_back_to_not_started(project, interview):
    project.add_coding("HA1", "Objectieve belasting", 0, 10)
    project.undo()
    assert project.document("HA1").status == "not-started"


def test_a_coded_document_stays_coded_when_coded_further(project, interview):
    project.set_status(["HA1"], "coded")
    project.add_coding("HA1", "Objectieve belasting", 0, 10)
    assert project.document("HA1").status == "coded"


def test_status_command_marks_documents_and_documents_json_carries_it(
    cli, project, project_path, interview, write_file
):
    project.import_document(write_file("HA2.txt", "I: Vraag?\nHA2: Antwoord.\n"))
    project.close()
    result = cli("status", project_path, "HA1", "HA2", "--set", "coded")
    assert result.code == 0
    assert "HA1, HA2 marked coded" in result.out
    assert _statuses(cli, project_path) == {"HA1": "coded", "HA2": "coded"}
    assert cli("status", project_path, "HA2", "--set", "excluded").code == 0
    assert _statuses(cli, project_path)["HA2"] == "excluded"


def test_status_of_an_unknown_document_is_refused_and_nothing_changes(
    cli, project, project_path, interview
):
    project.close()
    result = cli("status", project_path, "HA1", "HA9", "--set", "coded")
    assert result.code == 1
    assert result.err.startswith("error:") and "HA9" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert _statuses(cli, project_path) == {"HA1": "not-started"}


def test_an_unknown_status_is_a_usage_error(cli, project, project_path, interview):
    project.close()
    assert cli("status", project_path, "HA1", "--set", "finished").code == 2


@pytest.mark.sqlite_only
def test_a_project_before_the_status_gains_it_on_opening(project, project_path, interview):
    project.add_coding("HA1", "Objectieve belasting", 0, 10)
    project.close()
    with sqlite3.connect(project_path) as connection:
        connection.execute("ALTER TABLE document DROP COLUMN status")
        connection.execute("UPDATE setting SET value = ? WHERE key = 'schema_version'",
                           (str(SCHEMA_VERSION - 1),))
    with Project.open(project_path) as reopened:
        assert reopened.document("HA1").status == "in-progress"
        assert reopened.setting("schema_version") == str(SCHEMA_VERSION)
