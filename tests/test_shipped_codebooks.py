"""Shipped codebooks: listed by `qualcode codebooks`, usable by name in `init` and `codebook`."""

from __future__ import annotations

import json

from qualcode.shipped import codebook_path


def test_codebooks_lists_the_gp_codebook_with_its_title_and_size(cli):
    result = cli("codebooks", "--json")
    assert result.code == 0
    listed = {entry["name"]: entry for entry in json.loads(result.out)}
    gp = listed["gp-psychosocial-burden"]
    assert gp["title"] == "GP psychosocial burden"
    assert gp["codes"] == 40


def test_codebooks_as_a_table_names_each_shipped_codebook(cli):
    result = cli("codebooks")
    assert result.code == 0
    assert "gp-psychosocial-burden" in result.out


def test_init_with_a_shipped_codebook_by_name_loads_its_codes(cli, tmp_path):
    project = tmp_path / "study.qualcode"
    result = cli("init", project, "--codebook", "gp-psychosocial-burden")
    assert result.code == 0, result.err
    codes = json.loads(cli("codes", project, "--json").out)
    assert len(codes) == 40
    assert ["Belasting", "Objectieve belasting"] in [c["code_path"] for c in codes]


def test_codebook_command_merges_a_shipped_codebook_by_name(cli, tmp_path):
    project = tmp_path / "study.qualcode"
    assert cli("init", project).code == 0
    assert cli("codebook", project, "gp-psychosocial-burden").code == 0
    assert len(json.loads(cli("codes", project, "--json").out)) == 40


def test_an_unknown_codebook_name_is_refused_and_no_project_is_created(cli, tmp_path):
    project = tmp_path / "study.qualcode"
    result = cli("init", project, "--codebook", "no-such-codebook")
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert result.err.startswith("error: codebook 'no-such-codebook'")
    assert "gp-psychosocial-burden" in result.err
    assert not project.exists()


def test_a_file_of_the_same_name_wins_over_the_shipped_codebook(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "gp-psychosocial-burden").write_text("name: mine\ncodes: []\n")
    assert codebook_path("gp-psychosocial-burden") == tmp_path.joinpath(
        "gp-psychosocial-burden"
    ).relative_to(tmp_path)


def test_init_help_names_the_shipped_codebooks(cli):
    result = cli("init", "--help")
    assert "gp-psychosocial-burden" in " ".join(result.out.split()).replace("- ", "-")
    assert "qualcode codebooks" in result.out

