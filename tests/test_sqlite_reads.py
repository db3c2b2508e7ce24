"""`documents --json` read without SQLAlchemy gives exactly what the Project service gives."""

from __future__ import annotations

import json
import sqlite3

import pytest
from conftest import INTERVIEW

from qualcode import model
from qualcode.project import Project
from qualcode.sqlite_reads import documents_json, schema_version


def service_documents(path) -> list[dict]:
    with Project.open(path) as project:
        return [d.to_json() for d in project.documents()]


def test_the_schema_version_is_read_from_the_model_without_importing_it():
    assert schema_version() == model.SCHEMA_VERSION


@pytest.mark.sqlite_only
def test_documents_match_the_project_service_field_for_field(project, project_path, write_file):
    project.import_document(write_file("HA1.txt", INTERVIEW), case="HA1")
    project.import_document(write_file("HA2.txt", INTERVIEW.replace("HA1", "HA2")))
    project.import_document(write_file("kort.txt", "Geen sprekers hier.\n"))
    project.add_code(None, "Belasting")
    text = project.document_text("HA1").text
    start = text.index("Maar het kost")
    project.add_coding("HA1", "Belasting", start, start + 40)
    project.add_coding("HA1", "Belasting", start + 20, start + 60, coder="Bram")  # overlaps
    project.add_coding("HA2", "Belasting", 0, 10)
    project.set_interview_order(["HA2", "kort", "HA1"])
    project.close()
    rows = documents_json(project_path)
    assert rows == service_documents(project_path)
    assert [r["name"] for r in rows] == ["HA2", "kort", "HA1"]


def test_the_command_prints_the_same_documents_either_way(cli, project, project_path,
                                                         write_file):
    project.import_document(write_file("HA1.txt", INTERVIEW), case="HA1")
    project.close()
    assert json.loads(cli("documents", project_path, "--json").out) == service_documents(
        project_path
    )


@pytest.mark.sqlite_only
def test_a_project_of_another_schema_version_is_left_to_the_project_service(project_path,
                                                                           project, cli):
    project.close()
    with sqlite3.connect(project_path) as connection:
        connection.execute(
            "UPDATE setting SET value = ? WHERE key = 'schema_version'",
            (str(model.SCHEMA_VERSION + 1),),
        )
    connection.close()
    assert documents_json(project_path) is None
    result = cli("documents", project_path, "--json")
    assert result.code == 1
    assert result.err.startswith("error: ") and "newer" in result.err


def test_missing_foreign_and_remote_projects_are_left_to_the_project_service(tmp_path, cli):
    not_a_project = tmp_path / "notes.qualcode"
    not_a_project.write_text("geen project")
    assert documents_json(tmp_path / "missing.qualcode") is None
    assert documents_json(not_a_project) is None
    assert documents_json("postgresql://localhost/study") is None
    result = cli("documents", not_a_project, "--json")
    assert result.code == 1
    assert result.err.count("\n") == 1
