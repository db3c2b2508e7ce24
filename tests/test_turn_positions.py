"""Turn times stored in a project, and positions people can use ("turn 4 · 19:21")."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from qualcode.model import SCHEMA_VERSION
from qualcode.project import Project

FIXTURES = Path(__file__).parent / "fixtures" / "transcripts"


@pytest.fixture
def otter_project(tmp_path: Path) -> Path:
    path = tmp_path / "study.qualcode"
    with Project.create(path, language="en", coder="Lotte") as project:
        project.import_document(shutil.copy(FIXTURES / "otter.txt", tmp_path / "JB01.txt"))
        project.add_code(None, "Evening calls")
        text = project.document_text("JB01").text
        start = text.index("My kids know")
        project.add_coding("JB01", "Evening calls", start, start + len("My kids know"))
    return path


def test_codings_json_gives_the_turn_number_and_its_start_time(cli, otter_project):
    result = cli("codings", otter_project, "--json")
    assert result.code == 0
    (coding,) = json.loads(result.out)
    assert coding["turn"] == 4
    assert coding["time"] == 1161.0
    assert coding["start"] < coding["end"]  # offsets stay for scripts


def test_the_codings_table_shows_turn_and_time(cli, otter_project):
    assert "turn 4 · 19:21" in cli("codings", otter_project).out


def test_the_csv_export_has_offsets_time_and_a_position_for_people(cli, otter_project, tmp_path):
    out = tmp_path / "quotes.csv"
    assert cli("export", "csv", otter_project, out).code == 0
    (row,) = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert (row["turn"], row["time"], row["position"]) == ("4", "1161.0", "turn 4 · 19:21")
    assert int(row["start"]) < int(row["end"])


def test_the_quote_sheet_shows_turn_and_time(otter_project, tmp_path):
    from openpyxl import load_workbook

    from qualcode.export import export_workbook

    with Project.open(otter_project) as project:
        export_workbook(project, tmp_path / "quotes.xlsx")
    sheet = load_workbook(tmp_path / "quotes.xlsx")["Evening calls"]
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "turn 4 · 19:21" in values


def test_the_import_report_names_the_labels_their_roles_and_timed_turns(cli, tmp_path):
    project = tmp_path / "p.qualcode"
    cli("init", project, "--language", "en")
    result = cli("import", project, FIXTURES / "otter.txt")
    assert result.code == 0
    assert "4 turns (Mira Holt interviewer ×2, Jonas Brecht respondent ×2; 4 with a time)" in (
        result.out
    )


def test_an_import_of_a_long_text_without_turns_says_so(cli, tmp_path):
    project = tmp_path / "p.qualcode"
    cli("init", project)
    story = tmp_path / "verslag.txt"
    story.write_text("Het gesprek ging over de wachtlijsten in de stad. " * 60, encoding="utf-8")
    result = cli("import", project, story)
    assert result.code == 0
    assert "no speaker turns found" in result.out
    short = tmp_path / "kort.txt"
    short.write_text("Een korte notitie zonder sprekers.\n", encoding="utf-8")
    assert "no speaker turns found" not in cli("import", project, short).out


def test_legend_names_are_stored_and_listed_with_role_and_participant(cli, tmp_path):
    text = (
        "Legenda\nI1: Interviewer 1\nM: Mand\n\n"
        "*0:05 = I1: Hvordan går det?\n*0:12 = M: Fint.\n*1:40 = I1: Og ellers?\n"
    )
    (tmp_path / "DK01.txt").write_text(text, encoding="utf-8")
    project = tmp_path / "p.qualcode"
    cli("init", project, "--language", "da")
    cli("import", project, tmp_path / "DK01.txt")
    result = cli("speakers", project, "--json")
    assert json.loads(result.out) == [
        {"document": "DK01", "label": "I1", "name": "Interviewer 1", "role": "interviewer",
         "participant": None, "turns": 2},
        {"document": "DK01", "label": "M", "name": "Mand", "role": "respondent",
         "participant": "DK01", "turns": 1},
    ]


def test_role_with_participant_corrects_a_label_in_one_undoable_change(cli, otter_project):
    result = cli("role", otter_project, "--doc", "JB01", "--speaker", "Mira Holt",
                 "--role", "respondent", "--participant", "MH")
    assert result.code == 0
    with Project.open(otter_project) as project:
        mira = next(s for s in project.speakers() if s.label == "Mira Holt")
        assert (mira.role, mira.participant) == ("respondent", "MH")
    assert cli("undo", otter_project).code == 0
    with Project.open(otter_project) as project:
        mira = next(s for s in project.speakers() if s.label == "Mira Holt")
        assert (mira.role, mira.participant) == ("interviewer", None)
        assert "MH" not in [case.name for case in project.cases()]


def test_a_role_correction_for_an_unknown_speaker_is_refused(cli, otter_project, content):
    before = content(otter_project)
    result = cli("role", otter_project, "--doc", "JB01", "--speaker", "Nobody",
                 "--role", "respondent", "--participant", "X")
    assert result.code == 1
    assert result.err.startswith("error:") and len(result.err.strip().splitlines()) == 1
    assert content(otter_project) == before


def test_a_schema_1_project_gets_turn_times_from_its_timestamps(otter_project):
    connection = sqlite3.connect(otter_project)
    connection.execute("ALTER TABLE turn DROP COLUMN time")
    connection.execute("DROP TABLE speaker")
    connection.execute("UPDATE setting SET value = '1' WHERE key = 'schema_version'")
    connection.commit()
    connection.close()
    with Project.open(otter_project) as project:
        assert [t.time for t in project.document_text("JB01").turns] == [13.0, 21.0, 65.0, 1161.0]
        assert [s.label for s in project.speakers()] == ["Mira Holt", "Jonas Brecht"]
        assert project.codings()[0].turn == 4
        assert project.setting("schema_version") == str(SCHEMA_VERSION)
