from pathlib import Path

import pytest

from qualcode.errors import IngestError
from qualcode.project import Project

TABLE = (
    "case,gender,age,years_as_gp,practice_type,interview_length\n"
    "HA01,v,34,8,WGC,32:10\n"
    "HA02,m,51,25,solo,12:45\n"
)


def test_participants_csv_gives_typed_attributes(project: Project, write_file):
    report = project.import_participants(write_file("participants.csv", TABLE))
    assert report.cases_added == 2
    assert dict(report.attributes) == {
        "gender": "text",
        "age": "number",
        "years_as_gp": "number",
        "practice_type": "text",
        "interview_length": "duration",
    }
    cases = {case.name: case.attributes for case in project.cases()}
    assert cases["HA02"]["age"] == 51
    assert cases["HA01"]["interview_length"] == "32:10"


def test_reimporting_participants_updates_values(project: Project, write_file):
    project.import_participants(write_file("participants.csv", TABLE))
    report = project.import_participants(
        write_file("participants.csv", TABLE.replace("HA02,m,51", "HA02,m,52"))
    )
    assert (report.cases_added, report.cases_updated) == (0, 2)
    assert {c.name: c.attributes["age"] for c in project.cases()}["HA02"] == 52


def test_participants_from_excel(project: Project, tmp_path: Path):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["deelnemer", "geslacht", "leeftijd"])
    sheet.append(["HA05", "v", 41])
    workbook.save(tmp_path / "tabel1.xlsx")
    project.import_participants(tmp_path / "tabel1.xlsx")
    [case] = project.cases()
    assert (case.name, case.attributes["leeftijd"]) == ("HA05", 41)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (TABLE + "HA01,v,35,9,WGC,30:00\n", "duplicate case name 'HA01'"),
        ("HA01,v,34\nHA02,m,51\n", "no header"),
        (",gender\nHA01,v\n", "no header"),
        ("", "empty"),
    ],
)
def test_malformed_participants_file_is_refused_and_project_unchanged(
    project: Project, project_path: Path, write_file, content, problem
):
    path = write_file("participants.csv", content)
    with pytest.raises(IngestError, match=problem) as refused:
        project.import_participants(path)
    assert "participants.csv" in str(refused.value)
    assert project.cases() == []


def test_participants_key_column_can_be_chosen(project: Project, write_file):
    path = write_file("t.csv", "nr,code,age\n1,HA07,44\n2,HA08,39\n")
    project.import_participants(path, key="code")
    assert [c.name for c in project.cases()] == ["HA07", "HA08"]
    with pytest.raises(IngestError, match="no column 'naam'"):
        project.import_participants(path, key="naam")
