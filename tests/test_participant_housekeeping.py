"""Participants named sensibly, renamed, merged, and matched by a participants table."""

from pathlib import Path

import pytest

from qualcode.errors import QualcodeError
from qualcode.ingest.model import TurnSpan
from qualcode.project import Project
from qualcode.project.importing import participant_label
from tests.conftest import INTERVIEW

BSR = INTERVIEW.replace("HA1", "BSR01")


def test_a_new_document_is_named_after_its_only_respondent_label(project: Project, write_file):
    report = project.import_document(write_file("BSR01_transcript_deidentified.txt", BSR))
    assert report.case == "BSR01"
    assert project.documents()[0].case == "BSR01"


@pytest.mark.parametrize(
    ("labels", "expected"),
    [(["HA3"], "HA3"), (["BSR01"], "BSR01"), (["P-07"], "P-07"), (["R"], None),
     (["Respondent"], None), (["Dr. An Peeters"], None), (["HA1", "HA2"], None), ([], None)],
)
def test_only_a_single_participant_code_names_the_participant(labels, expected):
    turns = [TurnSpan(0, 1, "I", "interviewer")] + [
        TurnSpan(0, 1, label, "respondent") for label in labels]
    assert participant_label(turns) == expected


def test_without_a_participant_label_the_file_name_is_used(project: Project, write_file):
    text = INTERVIEW.replace("HA1:", "R:")
    assert project.import_document(write_file("gesprek_3.txt", text)).case == "gesprek_3"


def test_renaming_a_participant_keeps_documents_and_attributes(project: Project, interview,
                                                               write_file):
    project.import_participants(write_file("p.csv", "case,age\nHA1,44\n"))
    assert project.rename_case("HA1", "HA01") == "renamed"
    [case] = project.cases()
    assert (case.name, case.documents, case.attributes) == ("HA01", ("HA1",), {"age": 44})


def test_renaming_onto_an_existing_participant_merges_documents_and_attributes(
    project: Project, write_file
):
    project.import_document(write_file("interview_1.txt", BSR), case="interview_1")
    project.import_participants(write_file("p.csv", "case,age,gender\nP01,44,\n"))
    project.import_participants(write_file("q.csv", "case,gender\ninterview_1,v\n"))
    assert project.rename_case("interview_1", "P01") == "merged"
    [case] = project.cases()
    assert case.name == "P01"
    assert case.documents == ("interview_1",)
    assert case.attributes == {"age": 44, "gender": "v"}
    project.undo()
    assert sorted(c.name for c in project.cases()) == ["P01", "interview_1"]


def test_a_conflicting_attribute_refuses_the_merge_naming_both_values(
    project: Project, write_file, project_path: Path, content
):
    project.import_participants(write_file("p.csv", "case,age\nHA1,44\nHA01,45\n"))
    before = content(project_path)
    with pytest.raises(QualcodeError, match="age is '44' for 'HA1' and '45' for 'HA01'"):
        project.rename_case("HA1", "HA01")
    assert content(project_path) == before


def test_participants_table_matches_speaker_labels_of_documents(project: Project, write_file):
    project.import_document(write_file("BSR01_transcript_deidentified.txt", BSR),
                            case="BSR01_transcript_deidentified")
    report = project.import_participants(write_file("p.csv", "code,age\nBSR01,44\n"))
    assert (report.cases_added, report.cases_updated) == (0, 1)
    assert report.by_label == (("BSR01", "BSR01_transcript_deidentified"),)
    assert report.warning() is None
    [case] = project.cases()
    assert (case.name, case.attributes) == ("BSR01_transcript_deidentified", {"age": 44})


def test_key_values_that_match_nothing_are_named(project: Project, interview, write_file):
    report = project.import_participants(write_file("p.csv", "case,age\nHA1,44\nBSR1,50\n"))
    assert report.unmatched == ("BSR1",)
    assert "BSR1" in (report.warning() or "")
    assert "matched no participant and no speaker label" in (report.warning() or "")


def test_cli_rename_case_and_participants_warning(cli, project_path: Path, write_file):
    cli("init", project_path)
    cli("import", project_path, write_file("HA1.txt", INTERVIEW))
    loaded = cli("participants", project_path, write_file("p.csv", "nr,age\nHA1,44\nHA9,51\n"),
                 "--key", "nr")
    assert loaded.code == 0
    assert loaded.err.startswith("warning:") and "HA9" in loaded.err
    assert cli("rename-case", project_path, "HA9", "HA09").code == 0
    merged = cli("rename-case", project_path, "HA1", "HA09")
    assert merged.code == 1 and "age is '44' for 'HA1' and '51' for 'HA09'" in merged.err
    missing = cli("rename-case", project_path, "HA7", "HA8")
    assert missing.err == "error: participant 'HA7': no such participant in the project\n"


def test_key_values_match_labels_ignoring_case_and_leading_zeros(project: Project, write_file):
    project.import_document(write_file("interview_1.txt", INTERVIEW), case="interview_1")
    report = project.import_participants(write_file("p.csv", "case,age\nha01,44\n"))
    assert report.by_label == (("ha01", "interview_1"),)
    assert project.cases()[0].attributes == {"age": 44}
