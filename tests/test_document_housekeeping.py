"""Renaming, deleting and assigning documents; --doc prefixes; the same text twice."""

from pathlib import Path

import pytest

from qualcode.errors import NotFoundError, QualcodeError
from qualcode.project import Project
from tests.conftest import INTERVIEW


def _coded(project: Project, text: str) -> int:
    start = text.index("Die wederkerigheid")
    return project.add_coding("HA1", "Gebrek aan wederkerigheid", start, start + 18).id


def test_renaming_a_document_keeps_its_codings_and_memos(project: Project, interview: str):
    coding = _coded(project, interview)
    project.set_memo("document", "HA1", "Rustig interview.")
    project.rename_document("HA1", "HA01 Gent")
    [moved] = project.codings(document="HA01 Gent")
    assert (moved.id, moved.text) == (coding, "Die wederkerigheid")
    assert project.memo_of("document", "HA01 Gent") == "Rustig interview."
    assert [d.name for d in project.documents()] == ["HA01 Gent"]


def test_renaming_onto_an_existing_name_is_refused(project: Project, interview: str, write_file):
    project.import_document(write_file("HA2.txt", INTERVIEW.replace("HA1", "HA2") + "Extra.\n"))
    with pytest.raises(QualcodeError, match="'HA2': a document with that name already exists"):
        project.rename_document("HA1", "HA2")


def test_deleting_a_document_removes_its_codings_and_undo_brings_everything_back(
    project: Project, interview: str
):
    _coded(project, interview)
    before_text = project.document_text("HA1")
    project.set_memo("document", "HA1", "Pilotinterview.")
    coding = project.codings()[0]
    project.set_memo("coding", coding.id, "Kernpassage.")
    before_codings = project.codings()
    removed = project.delete_document("HA1")
    assert removed == 1
    assert project.documents() == [] and project.codings() == []
    assert [m.on for m in project.memo_entries()] == []
    project.undo()
    assert project.document_text("HA1") == before_text
    assert project.codings() == before_codings
    assert project.memo_of("document", "HA1") == "Pilotinterview."
    assert project.memo_of("coding", coding.id) == "Kernpassage."
    assert project.documents()[0].case == "HA1"
    project.redo()
    assert project.documents() == []


def test_a_document_can_be_assigned_to_another_participant(project: Project, interview: str):
    project.assign_document("HA1", "GP-7")
    assert project.documents()[0].case == "GP-7"
    assert {c.name: c.documents for c in project.cases()}["GP-7"] == ("HA1",)
    project.undo()
    assert project.documents()[0].case == "HA1"


def test_doc_accepts_a_unique_prefix_and_names_candidates_when_ambiguous(
    project: Project, write_file
):
    project.import_document(write_file("BSR01_transcript_deidentified.txt", INTERVIEW))
    project.import_document(write_file("BSR02_transcript.txt", INTERVIEW + "Nog iets.\n"))
    assert project.resolve_document("BSR01") == "BSR01_transcript_deidentified"
    assert project.document_text("BSR02").name == "BSR02_transcript"
    with pytest.raises(QualcodeError, match=r"2 documents start with it \(BSR01_\S+, BSR02_"):
        project.resolve_document("BSR")
    with pytest.raises(NotFoundError, match="'XYZ': no such document"):
        project.resolve_document("XYZ")


def test_importing_the_same_text_twice_warns_and_names_the_first(project: Project, write_file):
    project.import_document(write_file("HA1.txt", INTERVIEW))
    report = project.import_document(write_file("HA1-copy.txt", INTERVIEW))
    assert report.warnings == (
        f"{write_file('HA1-copy.txt', INTERVIEW)}: the same text as document 'HA1', "
        "already in the project",
    )


def test_cli_rename_delete_undo_and_prefixes(cli, project_path: Path, write_file, content):
    cli("init", project_path)
    cli("import", project_path, write_file("BSR01_transcript_deidentified.txt", INTERVIEW))
    cli("codebook", project_path, write_file("cb.csv", "path\nBelasting\n"))
    coded = cli("code", project_path, "--doc", "BSR01", "--code", "Belasting",
                "--match", "Die wederkerigheid")
    assert coded.code == 0, coded.err
    refused = cli("rename-document", project_path, "BSR01", " ")
    assert refused.code == 1
    assert refused.err == "error: document name: the new name is empty\n"
    assert cli("rename-document", project_path, "BSR", "BSR01").code == 0
    assert cli("codings", project_path, "--doc", "BSR0", "--json").out.count('"BSR01"') == 1
    deleted = cli("delete-document", project_path, "BSR01")
    assert deleted.code == 0 and "1 codings" in deleted.out
    assert cli("documents", project_path, "--json").out.strip() == "[]"
    assert cli("undo", project_path).code == 0
    assert '"text": "Die wederkerigheid"' in cli("codings", project_path, "--json").out
    before = content(project_path)
    missing = cli("delete-document", project_path, "HA9")
    assert (missing.code, missing.err) == (1, "error: document 'HA9': no such document in the "
                                              "project\n")
    assert content(project_path) == before


def test_cli_import_of_a_duplicate_text_warns_on_stderr(cli, project_path: Path, write_file):
    cli("init", project_path)
    cli("import", project_path, write_file("HA1.txt", INTERVIEW))
    again = cli("import", project_path, write_file("HA1-bis.txt", INTERVIEW))
    assert again.code == 0
    assert "warning:" in again.err and "the same text as document 'HA1'" in again.err


def test_cli_assign_document_to_a_participant(cli, project_path: Path, write_file):
    cli("init", project_path)
    cli("import", project_path, write_file("interview_7.txt", INTERVIEW))
    assert cli("assign-document", project_path, "interview", "HA7").code == 0
    assert '"case": "HA7"' in cli("documents", project_path, "--json").out


def test_order_and_role_accept_document_prefixes(cli, project_path: Path, write_file):
    cli("init", project_path)
    cli("import", project_path, write_file("BSR01_transcript.txt", INTERVIEW))
    cli("import", project_path, write_file("BSR02_transcript.txt", INTERVIEW + "Nog.\n"))
    assert cli("order", project_path, "--doc", "BSR02", "--to", "1").code == 0
    assert cli("order", project_path, "BSR01", "BSR02").code == 0
    role = cli("role", project_path, "--doc", "BSR02", "--speaker", "HA1", "--role",
               "respondent")
    assert role.code == 0 and role.out.startswith("BSR02_transcript:")
    ambiguous = cli("role", project_path, "--doc", "BSR", "--speaker", "HA1", "--role",
                    "unknown")
    assert ambiguous.code == 1 and "BSR01_transcript, BSR02_transcript" in ambiguous.err
