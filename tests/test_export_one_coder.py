"""`export --coder`: the student's findings without the supervisor's test codings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from qualcode.project import Project
from tests.tui.conftest import make_study


def passage(project: Project, document: str, words: str) -> tuple[int, int]:
    text = project.document_text(document).text
    start = text.index(words)
    return start, start + len(words)


@pytest.fixture
def coded_twice(tmp_path: Path) -> Path:
    """Lotte's three codings, and Bram's: one identical to Lotte's, one of his own."""
    path = make_study(tmp_path / "study.qualcode")
    with Project.open(path, coder="Bram") as project:
        project.add_coding("HA01", "Laagdrempeligheid",
                           *passage(project, "HA01", "Wij zijn laagdrempelig, mensen komen "
                                    "eerst bij ons."))
        project.add_coding("HA02", "Variatie",
                           *passage(project, "HA02", "Maar de variatie in het werk geeft me "
                                    "energie."))
    return path


def sheet(path: Path, name: str) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()


def facts(path: Path) -> dict:
    return {row[0]: row[1] for row in sheet(path, "Overzicht") if len(row) > 1}


def quote_rows(path: Path, category: str) -> list[list]:
    rows = sheet(path, category)
    header = rows[3]
    return [dict(zip(header, row, strict=False)) for row in rows[4:] if row[header.index("Citaat")]]


def test_without_coder_an_identical_passage_appears_once_with_both_names(cli, coded_twice,
                                                                          tmp_path):
    out = tmp_path / "all.xlsx"
    assert cli("export", "xlsx", coded_twice, out).code == 0
    quotes = quote_rows(out, "Rol van de huisarts")
    assert [(q["Document"], q["Codeur"]) for q in quotes] == [("HA01", "Lotte, Bram")]
    assert facts(out)["Codeurs"] == "Bram, Lotte"
    assert "samen" in facts(out)["Wiens werk"]
    assert facts(out)["Coderingen"] == 4


def test_export_with_coder_leaves_out_every_other_coders_quote_and_count(cli, coded_twice,
                                                                         tmp_path):
    out = tmp_path / "lotte.xlsx"
    assert cli("export", "xlsx", coded_twice, out, "--coder", "Lotte").code == 0
    assert facts(out)["Codeurs"] == "Lotte" and facts(out)["Coderingen"] == 3
    assert "Alleen het werk van Lotte" in facts(out)["Wiens werk"]
    assert quote_rows(out, "Energiebronnen") == []
    frequencies = {row[0]: row for row in sheet(out, "Frequenties") if row}
    assert not any(str(key).strip() == "Variatie" and row[1] for key, row in frequencies.items())
    bram = tmp_path / "bram.xlsx"
    assert cli("export", "xlsx", coded_twice, bram, "--coder", "Bram").code == 0
    assert [q["Citaat"] for q in quote_rows(bram, "Energiebronnen")] == [
        "Maar de variatie in het werk geeft me energie."]
    assert facts(bram)["Coderingen"] == 2


def test_the_report_says_whose_work_it_is_and_counts_only_theirs(cli, coded_twice, tmp_path):
    out = tmp_path / "lotte.md"
    assert cli("export", "md", coded_twice, out, "--coder", "Lotte").code == 0
    text = out.read_text(encoding="utf-8")
    assert "3 citaten uit 2 interviews" in text and "Alleen het werk van Lotte" in text
    assert "variatie in het werk" not in text
    both = tmp_path / "both.md"
    cli("export", "md", coded_twice, both)
    assert "Het werk van Bram en Lotte samen" in both.read_text(encoding="utf-8")


def test_csv_with_two_coders_named_keeps_both(cli, coded_twice, tmp_path):
    out = tmp_path / "both.csv"
    result = cli("export", "csv", coded_twice, out, "--coder", "Lotte", "--coder", "Bram")
    assert result.code == 0
    text = out.read_text(encoding="utf-8-sig")
    assert "Lotte, Bram" in text and "variatie" in text


def test_an_unknown_coder_is_refused_and_nothing_is_written(cli, coded_twice, tmp_path):
    out = tmp_path / "x.xlsx"
    result = cli("export", "xlsx", coded_twice, out, "--coder", "Nobody")
    assert result.code == 1 and "'Nobody'" in result.err
    assert not out.exists()


def test_stats_matrix_cooccurrence_and_codings_take_coder_too(cli, coded_twice):
    stats = json.loads(cli("stats", coded_twice, "--json", "--coder", "Bram").out)
    used = {" > ".join(r["code_path"]): r["segments"] for r in stats if r["segments"]}
    assert used == {"Rol van de huisarts > Laagdrempeligheid": 1, "Energiebronnen > Variatie": 1}
    codings = json.loads(cli("codings", coded_twice, "--json", "--coder", "Lotte").out)
    assert {c["coder"] for c in codings} == {"Lotte"} and len(codings) == 3
    both = json.loads(cli("codings", coded_twice, "--json", "--coder", "Lotte",
                          "--coder", "Bram").out)
    assert len(both) == 5
    assert cli("matrix", coded_twice, "--json", "--coder", "Bram").code == 0
    assert cli("cooccurrence", coded_twice, "--json", "--coder", "Bram").code == 0
    refused = cli("stats", coded_twice, "--coder", "Nobody")
    assert refused.code == 1 and refused.err.startswith("error: coder 'Nobody'")
