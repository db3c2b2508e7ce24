"""Coding queries on a study with known overlaps: A and B, A not B, by turn, by attribute."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from qualcode.project import Project
from qualcode.search.coding_query import CodingQuery, run_query

TEXT = (
    "I: Wat is zwaar?\n"
    "HA1: De tijd is zwaar. Ik loop uit. Patienten geven niets terug.\n"
    "I: En emoties?\n"
    "HA1: Ik voel me machteloos.\n"
)


@pytest.fixture
def study(project: Project, write_file: Callable[..., Path]) -> Project:
    project.import_document(write_file("HA1.txt", TEXT))
    project.import_document(write_file("HA2.txt", TEXT.replace("HA1", "HA2")))
    project.import_participants(write_file("p.csv", "name,practice\nHA1,WGC\nHA2,solo\n"))
    project.add_code(None, "Belasting")
    project.add_code("Belasting", "Tijd")
    project.add_code(None, "Wederkerigheid")
    project.add_code(None, "Emoties")
    for document in ("HA1", "HA2"):
        text = project.document_text(document).text

        def span(words: str, text: str = text) -> tuple[int, int]:
            start = text.index(words)
            return start, start + len(words)

        project.add_coding(document, "Belasting > Tijd", *span("De tijd is zwaar. Ik loop uit."))
        project.add_coding(document, "Emoties", *span("Ik voel me machteloos."))
    text = project.document_text("HA1").text
    start = text.index("Ik loop uit. Patienten")
    words = "Ik loop uit. Patienten geven niets terug."
    project.add_coding("HA1", "Wederkerigheid", start, start + len(words))
    start = text.index("Patienten")
    project.add_coding("HA2", "Wederkerigheid", start, start + len("Patienten geven niets terug."))
    return project


def found(study: Project, **query: object) -> list[tuple[str, str]]:
    passages = run_query(study, CodingQuery(**query))  # type: ignore[arg-type]
    return [(p.document, p.text) for p in passages]


def test_a_and_b_overlapping(study: Project) -> None:
    assert found(study, code="Belasting", and_code="Wederkerigheid") == [
        ("HA1", "De tijd is zwaar. Ik loop uit."),
    ]


def test_a_and_b_in_the_same_turn(study: Project) -> None:
    assert found(study, code="Belasting", and_code="Wederkerigheid", near="turn") == [
        ("HA1", "De tijd is zwaar. Ik loop uit."),
        ("HA2", "De tijd is zwaar. Ik loop uit."),
    ]


def test_a_but_not_b(study: Project) -> None:
    assert found(study, code="Belasting", not_code="Wederkerigheid") == [
        ("HA2", "De tijd is zwaar. Ik loop uit."),
    ]
    assert found(study, code="Emoties", not_code="Wederkerigheid", near="turn") == [
        ("HA1", "Ik voel me machteloos."), ("HA2", "Ik voel me machteloos."),
    ]


def test_a_within_participants_with_an_attribute_value(study: Project) -> None:
    assert found(study, code="Emoties", attributes={"practice": "solo"}) == [
        ("HA2", "Ik voel me machteloos."),
    ]


def test_passages_carry_turn_and_the_codes_they_met(study: Project) -> None:
    passage = run_query(study, CodingQuery(code="Belasting", and_code="Wederkerigheid"))[0]
    assert passage.turn == 2
    assert passage.met == (("Wederkerigheid",),)
    assert passage.code_path == ("Belasting", "Tijd")


def test_cli_query_json_and_xlsx(study: Project, project_path: Path, tmp_path: Path, cli) -> None:
    """The study is Dutch: the workbook is too; the command's own output stays English."""
    study.close()
    out = tmp_path / "query.xlsx"
    result = cli("query", project_path, "--code", "Belasting", "--and", "Wederkerigheid",
                 "--near", "turn", "--out", out)
    assert result.code == 0, result.err
    assert "2 passages: Belasting AND Wederkerigheid (same turn)" in result.out
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Zoekvraag").to_python()
    assert rows[0][0] == "Zoekvraag op codes: Belasting EN Wederkerigheid (zelfde beurt)"
    assert rows[3][:5] == ["Document", "Deelnemer", "Plaats", "Code", "Citaat"]
    assert rows[4][:5] == ["HA1", "HA1", "beurt 2", "Belasting > Tijd",
                           "De tijd is zwaar. Ik loop uit."]
    assert (out.stat().st_mode & 0o777) == 0o600


def test_cli_query_refuses_an_unknown_attribute(study: Project, project_path: Path, cli) -> None:
    study.close()
    result = cli("query", project_path, "--code", "Emoties", "--attribute", "nope=1")
    assert result.code == 1 and result.err.count("error:") == 1
