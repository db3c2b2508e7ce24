"""``qualcode consensus``: the disagreement walk as a command, for scripts and checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qualcode.project import Project
from tests.conftest import dump
from tests.tui.conftest import make_study


@pytest.fixture
def two_coders(tmp_path: Path) -> Path:
    """Lotte's study; Bram codes a part of one of her passages and a sentence she left."""
    path = make_study(tmp_path / "study.qualcode")
    with Project.open(path, coder="Bram") as project:
        text = project.document_text("HA02").text
        start = text.index("het kost veel tijd")
        project.add_coding("HA02", "Objectieve belasting", start, start + 18)
        start = text.index("Maar de variatie")
        project.add_coding("HA02", "Variatie", start, text.index(".", start) + 1)
    return path


def listing(cli, path: Path) -> list[dict]:  # type: ignore[no-untyped-def]
    result = cli("consensus", path, "--coders", "Lotte,Bram", "--as", "Samen", "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_the_listing_numbers_the_agreement_reports_disagreements_all_open(cli, two_coders):
    rows = listing(cli, two_coders)
    with Project.open(two_coders) as project:
        expected = [d.to_json() for d in project.disagreements("Lotte", "Bram")]
    assert [row["number"] for row in rows] == list(range(1, len(expected) + 1))
    assert [{k: row[k] for k in expected[0]} for row in rows] == expected
    assert {row["decision"] for row in rows} == {None}


def test_deciding_by_number_writes_the_consensus_coders_codings_and_reason(cli, two_coders):
    rows = listing(cli, two_coders)
    variatie = next(r["number"] for r in rows if r["code_path"][-1] == "Variatie")
    result = cli("consensus", two_coders, "--coders", "Lotte,Bram", "--as", "Samen",
                 "--decide", f"{variatie}=b", "--reason", "Bram zag het goed", "--coder", "Ann")
    assert result.code == 0, result.err
    assert "1 open" in result.out.splitlines()[0]
    decided = {row["number"]: (row["decision"], row["reason"]) for row in listing(cli, two_coders)}
    assert decided[variatie] == ("b", "Bram zag het goed")
    with Project.open(two_coders) as project:
        (coding,) = project.codings(coder="Samen")
        assert coding.text.startswith("Maar de variatie") and coding.memo == "Bram zag het goed"
    assert cli("undo", two_coders, "--coder", "Ann").code == 0
    assert {row["decision"] for row in listing(cli, two_coders)} == {None}


@pytest.mark.parametrize("decide, says", [
    ("9=a", "there are 2 disagreements"),
    ("1=maybe", "the decision is one of a, b, both, drop"),
    ("one=a", "write NUMBER=DECISION"),
])
def test_a_bad_decision_is_refused_before_anything_is_written(cli, two_coders, decide, says):
    before = dump(two_coders)
    result = cli("consensus", two_coders, "--coders", "Lotte,Bram", "--as", "Samen",
                 "--decide", "1=a", "--decide", decide)
    assert result.code == 1
    assert result.err.startswith("error: ") and says in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert dump(two_coders) == before


@pytest.mark.parametrize("args, says", [
    (["--coders", "Lotte,Bram", "--as", "Bram"], "needs a name other than"),
    (["--coders", "Lotte,Ward", "--as", "Samen"], "coder 'Ward': no codings"),
    (["--coders", "Lotte", "--as", "Samen"], "name two different coders"),
])
def test_unknown_or_reused_coders_are_refused(cli, two_coders, args, says):
    result = cli("consensus", two_coders, *args)
    assert result.code == 1 and says in result.err
