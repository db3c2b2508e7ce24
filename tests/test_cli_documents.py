"""Interview order and speaker roles, as a researcher corrects them."""

import json

from conftest import INTERVIEW


def test_moving_a_document_changes_the_order_saturation_uses(cli, project_path, write_file):
    assert cli("init", project_path).code == 0
    for name in ("HA1", "HA2", "HA3"):
        assert cli("import", project_path, write_file(f"{name}.txt", INTERVIEW)).code == 0
    assert cli("order", project_path, "--doc", "HA3", "--to", "1").code == 0
    names = [d["name"] for d in json.loads(cli("documents", project_path, "--json").out)]
    assert names == ["HA3", "HA1", "HA2"]
    saturation = json.loads(cli("saturation", project_path, "--json").out)
    assert saturation["order"] == ["HA3", "HA1", "HA2"]
    assert cli("order", project_path, "HA1", "HA2").code == 1
    assert cli("order", project_path, "HA2", "HA1", "HA3").code == 0
    names = [d["name"] for d in json.loads(cli("documents", project_path, "--json").out)]
    assert names == ["HA2", "HA1", "HA3"]


def test_a_wrongly_inferred_role_can_be_corrected(cli, project, project_path, write_file):
    project.import_document(write_file("HA1.txt", INTERVIEW))
    project.close()
    result = cli("role", project_path, "--doc", "HA1", "--speaker", "I", "--role", "respondent")
    assert result.code == 0, result.err
    with type(project).open(project_path) as reopened:
        roles = {t.speaker: t.role for t in reopened.document_text("HA1").turns}
    assert roles == {"I": "respondent", "HA1": "respondent"}
    assert cli("role", project_path, "--doc", "HA1", "--speaker", "X", "--role",
               "interviewer").code == 1


def test_role_can_name_a_labels_participant_alone_and_refuses_neither(
    cli, project, project_path, write_file,
):
    project.import_document(write_file("HA1.txt", INTERVIEW))
    project.close()
    result = cli("role", project_path, "--doc", "HA1", "--speaker", "HA1",
                 "--participant", "Anouk")
    assert result.code == 0, result.err
    assert result.out.strip() == "HA1: 'HA1' speaks for Anouk (2 turns)"
    with type(project).open(project_path) as reopened:
        (speaker,) = [s for s in reopened.speakers("HA1") if s.label == "HA1"]
        assert speaker.participant == "Anouk" and speaker.role == "respondent"
    refused = cli("role", project_path, "--doc", "HA1", "--speaker", "HA1")
    assert refused.code == 1 and refused.err == "error: role: give --role, --participant or both\n"
