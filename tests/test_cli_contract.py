"""The command line as outside checks drive it: names, exit codes, JSON fields."""

import json
from pathlib import Path

from conftest import INTERVIEW

CODEBOOK = """name: Test
codes:
  - name: Belasting
    color: "#d95f02"
    children:
      - name: Objectieve belasting
        description: Longer consultations.
        key: "1"
      - name: Gebrek aan wederkerigheid
"""


def setup_study(cli, project: Path | str, write_file) -> Path | str:
    assert cli("init", project, "--codebook", write_file("cb.yaml", CODEBOOK)).code == 0
    assert cli("import", project, write_file("HA1.txt", INTERVIEW)).code == 0
    return project


def test_init_import_code_and_query_as_json(cli, project_path, tmp_path, write_file):
    project = setup_study(cli, project_path, write_file)
    result = cli("code", project, "--doc", "HA1", "--code", "Objectieve belasting",
                 "--match", "Ik loop dan uit met mijn consultaties.")
    assert result.code == 0, result.err
    documents = json.loads(cli("documents", project, "--json").out)
    assert documents[0]["name"] == "HA1"
    assert documents[0]["case"] == "HA1"
    assert documents[0]["turns"] == 4 and documents[0]["codings"] == 1
    assert documents[0]["chars"] == len(INTERVIEW)
    assert documents[0]["sentences"] >= 6
    codes = json.loads(cli("codes", project, "--json").out)
    assert [c["code_path"] for c in codes] == [
        ["Belasting"],
        ["Belasting", "Objectieve belasting"],
        ["Belasting", "Gebrek aan wederkerigheid"],
    ]
    assert {"guid", "color", "description", "key"} <= set(codes[1])
    [coding] = json.loads(cli("codings", project, "--json").out)
    assert coding["text"] == "Ik loop dan uit met mijn consultaties."
    assert INTERVIEW[coding["start"] : coding["end"]] == coding["text"]
    assert coding["code"] == "Objectieve belasting"
    assert set(coding) >= {"id", "document", "case", "code_path", "coder", "memo"}


def test_refusals_exit_1_with_one_error_line_and_leave_the_project_unchanged(
    cli, project_path, write_file, content
):
    project = setup_study(cli, project_path, write_file)
    before = content(project)
    refusals = [
        ("code", project, "--doc", "HA1", "--code", "Nergens", "--span", "0:5"),
        ("code", project, "--doc", "HA9", "--code", "Belasting", "--span", "0:5"),
        ("code", project, "--doc", "HA1", "--code", "Belasting", "--span", "-3:5"),
        ("code", project, "--doc", "HA1", "--code", "Belasting", "--span", "9:4"),
        ("code", project, "--doc", "HA1", "--code", "Belasting", "--span", "0:999999"),
        ("code", project, "--doc", "HA1", "--code", "Belasting", "--match", "niet aanwezig"),
        ("code", project, "--doc", "HA1", "--code", "Belasting", "--match", "HA1:"),
        ("uncode", project, "--id", "42"),
        ("import", project, write_file("HA1.txt", "I: nog eens\n")),
    ]
    for args in refusals:
        result = cli(*args)
        assert result.code == 1, args
        lines = result.err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), (args, result.err)
    assert content(project) == before


def test_ambiguous_match_is_resolved_with_nth(cli, project_path, tmp_path, write_file):
    project = setup_study(cli, project_path, write_file)
    result = cli("code", project, "--doc", "HA1", "--code", "Belasting", "--match", "HA1:",
                 "--nth", "2")
    assert result.code == 0, result.err
    [coding] = json.loads(cli("codings", project, "--json").out)
    assert coding["start"] == INTERVIEW.index("HA1:", INTERVIEW.index("HA1:") + 1)


def test_wrong_usage_exits_2(cli, tmp_path):
    assert cli("code").code == 2
    assert cli("frobnicate", tmp_path / "x.qualcode").code == 2


def test_codings_from_csv_are_all_or_nothing(cli, project_path, tmp_path, write_file, content):
    project = setup_study(cli, project_path, write_file)
    good = write_file("ok.csv", "document,code,start,end,coder\nHA1,Belasting,0,9,Prof\n"
                      "HA1,Objectieve belasting,10,20,Prof\n")
    assert cli("code", project, "--from", good).code == 0
    before = content(project)
    bad = write_file("bad.csv", "document,code,start,end\nHA1,Belasting,0,9\nHA1,Nope,1,2\n")
    result = cli("code", project, "--from", bad)
    assert result.code == 1 and "bad.csv" in result.err
    assert content(project) == before
    codings = json.loads(cli("codings", project, "--coder", "Prof", "--json").out)
    assert len(codings) == 2


def test_undo_and_redo_commands(cli, project_path, tmp_path, write_file):
    project = setup_study(cli, project_path, write_file)
    cli("code", project, "--doc", "HA1", "--code", "Belasting", "--span", "0:9")
    assert cli("undo", project).code == 0
    assert json.loads(cli("codings", project, "--json").out) == []
    assert cli("redo", project).code == 0
    assert len(json.loads(cli("codings", project, "--json").out)) == 1


def test_import_of_several_files_keeps_the_good_ones(cli, project_path, tmp_path, write_file):
    project = setup_study(cli, project_path, write_file)
    good = write_file("HA2.txt", "I: Vraag?\nHA2: Antwoord.\n")
    binary = write_file("HA3.txt", b"\x00\x01\x02\xff" * 100)
    result = cli("import", project, good, binary)
    assert result.code == 1
    assert result.err.count("error:") == 1 and "HA3.txt" in result.err
    names = [d["name"] for d in json.loads(cli("documents", project, "--json").out)]
    assert names == ["HA1", "HA2"]


def test_init_with_a_malformed_codebook_creates_no_project(cli, project_path, write_file):
    from qualcode.store import project_exists

    bad = write_file("bad.yaml", "name: x\ncodes:\n  - name: A\n  - name: A\n")
    result = cli("init", project_path, "--codebook", bad)
    assert result.code == 1 and "bad.yaml" in result.err
    assert not project_exists(project_path)
