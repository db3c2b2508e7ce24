"""stats, saturation, matrix and cooccurrence as the command line gives them."""

import json

import pytest

from qualcode.project import Project


@pytest.fixture
def study(project: Project, project_path, tmp_path):
    """Five interviews; codes first appear in interviews 1, 1, 2, 5."""
    project.add_code(None, "Belasting")
    for name in ("Objectief", "Wederkerigheid", "Somatisatie", "Laat"):
        project.add_code("Belasting", name)
    texts = {
        "HA1": ["Objectief", "Wederkerigheid"],
        "HA2": ["Objectief", "Somatisatie"],
        "HA3": ["Wederkerigheid"],
        "HA4": [],
        "HA5": ["Laat", "Objectief"],
    }
    for name, codes in texts.items():
        text = "Een zin. " * 10
        project.add_document(name, text, sentences=[(i * 9, i * 9 + 8) for i in range(10)])
        for i, code in enumerate(codes):
            project.add_coding(name, f"Belasting > {code}", i * 9, i * 9 + 8)
    project.import_participants(_write(tmp_path / "p.csv",
                                       "case,gender\nHA1,v\nHA2,m\nHA3,v\nHA4,v\nHA5,m\n"))
    project.close()
    return project_path


def _write(path, text):
    path.write_text(text)
    return path


def test_stats_json_lists_every_code_in_codebook_order_with_counts(cli, study):
    rows = json.loads(cli("stats", study, "--json").out)
    assert [r["code_path"] for r in rows] == [
        ["Belasting"],
        ["Belasting", "Objectief"],
        ["Belasting", "Wederkerigheid"],
        ["Belasting", "Somatisatie"],
        ["Belasting", "Laat"],
    ]
    objectief = rows[1]
    assert (objectief["segments"], objectief["documents"], objectief["participants"]) == (3, 3, 3)
    assert objectief["share"] == "3/5"
    assert rows[0]["segments"] == 0


def test_saturation_json_follows_the_contract(cli, study):
    data = json.loads(cli("saturation", study, "--json").out)
    assert data["method"] == "guest2020"
    parameters = (data["base"], data["run"], data["threshold"], data["denominator"])
    assert parameters == (4, 2, 0.05, "base")
    assert data["order"] == ["HA1", "HA2", "HA3", "HA4", "HA5"]
    assert data["new_codes"] == [2, 1, 0, 0, 1]
    assert data["cumulative"] == [2, 3, 3, 3, 4]
    assert data["saturated_at"] is None
    francis = json.loads(
        cli("saturation", study, "--json", "--method", "francis",
            "--initial", "1", "--stop", "2").out
    )
    assert francis["saturated_at"] == 4
    assert "Francis" in francis["verdict"]


def test_matrix_by_attribute_counts_participants(cli, study):
    data = json.loads(cli("matrix", study, "--by", "attribute", "--attribute", "gender",
                          "--json").out)
    assert data["columns"] == ["m", "v"]
    row = data["rows"].index(["Belasting", "Objectief"])
    assert data["cells"][row] == [2, 1]


def test_matrix_csv_has_a_header_and_a_row_per_code(cli, study):
    lines = cli("matrix", study, "--by", "document", "--csv").out.splitlines()
    assert lines[0].startswith("code,HA1,HA2")
    assert len(lines) >= 6


def test_matrix_on_an_unknown_attribute_is_refused(cli, study):
    result = cli("matrix", study, "--by", "attribute", "--attribute", "shoe size")
    assert result.code == 1 and "shoe size" in result.err


def test_agreement_json_gives_per_code_and_document_figures_and_overall_alpha(
    cli, study, write_file
):
    second = write_file("prof.csv", "document,code,start,end,coder\n"
                        "HA1,Belasting > Objectief,0,8,Prof\nHA1,Belasting > Laat,9,17,Prof\n")
    assert cli("code", study, "--from", second).code == 0
    user = json.loads(cli("codings", study, "--doc", "HA1", "--json").out)[0]["coder"]
    data = json.loads(cli("agreement", study, "--coders", f"{user},Prof", "--json",
                          "--unit", "sentence").out)
    assert data["documents"] == ["HA1"]
    cells = {tuple(c["code_path"]): c for c in data["cells"]}
    assert cells[("Belasting", "Objectief")]["percent"] == 100
    assert cells[("Belasting", "Laat")]["kappa"] < 1
    assert data["pooled"]["alpha"] is not None
    # HA1: Objectief agreed on sentence 1; Wederkerigheid (sentence 2) only by the user,
    # Laat (sentence 2) only by Prof.
    assert [(d["start"], d["end"], d["code_path"][-1], d["coders"])
            for d in data["disagreements"]] == [
        (9, 17, "Wederkerigheid", [user]), (9, 17, "Laat", ["Prof"])]


def test_agreement_needs_two_coders(cli, study):
    result = cli("agreement", study, "--coders", "Lotte")
    assert result.code == 1 and "--coders" in result.err
