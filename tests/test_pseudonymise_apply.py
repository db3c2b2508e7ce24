"""Applying pseudonyms: codings re-anchored, nothing original left in the project's files."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from qualcode.project import Project
from qualcode.pseudonymise import detect, write_key
from tests.pseudonymise_fixtures import DUTCH


@pytest.fixture
def coded(project: Project, write_file: Callable[..., Path]) -> Project:
    project.import_document(write_file("HA1.txt", DUTCH))
    project.import_participants(write_file("p.csv", "name,praktijk\nHA1,WGC De Sleep\n"))
    project.add_code(None, "Contact")
    text = project.document_text("HA1").text
    start = text.index("Ze belde")
    end = text.index("example.be.") + len("example.be.")
    project.add_coding("HA1", "Contact", start, end, memo="belde Jan Peeters")
    start = text.index("Mijn patiënte")
    project.add_coding("HA1", "Contact", start, text.index(" woont in de"))
    start = text.index("Ik werk")
    project.add_coding("HA1", "Contact", start, start + len("Ik werk"))
    project.undo()
    return project


def mapping(project: Project) -> list[tuple[str, str]]:
    return [(f.text, f.pseudonym) for f in detect(project)]


def test_codings_cover_the_same_words_after_apply(coded: Project) -> None:
    before = [c.text for c in coded.codings()]
    report = coded.pseudonymise(mapping(coded))
    after = [c.text for c in coded.codings()]
    assert len(after) == len(before) == 2
    assert after[0] == "Mijn patiënte mevrouw [Persoon 2] ([Leeftijd] jaar)"
    assert after[1].startswith("Ze belde op [Datum] naar [Telefoonnummer] en mailde naar ")
    assert after[1].endswith("[E-mailadres].")
    assert {c.id for c in report.codings_changed} == {c.id for c in coded.codings()}
    text = coded.document_text("HA1")
    for turn in text.turns:
        assert text.text[turn.start:turn.start + len(turn.speaker)] == turn.speaker
    for start, end in text.sentences:
        assert text.text[start:end].strip() == text.text[start:end]


@pytest.mark.sqlite_only
def test_no_original_remains_in_the_project_files(coded: Project, project_path: Path) -> None:
    pairs = mapping(coded)
    coded.pseudonymise(pairs)
    coded.close()
    wal = Path(str(project_path) + "-wal")
    raw = project_path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    checked = [text for text, _ in pairs if len(text) >= 4]
    leaked = [text for text in checked if text.encode("utf-8") in raw]
    assert leaked == []
    assert len(checked) >= 15


def test_everything_else_is_pseudonymised_too(coded: Project) -> None:
    coded.pseudonymise(mapping(coded))
    assert coded.codings()[1].memo == "belde [Huisarts 1]"
    assert coded.cases()[0].attributes["praktijk"] == "[Praktijk 1]"
    assert all("Peeters" not in event.summary for event in coded.history())
    assert coded.undo() is None  # one way: the history before it cannot be undone
    assert coded.redo() is None
    assert coded.setting("pseudonymised_at")


def test_exports_carry_only_pseudonyms_and_say_so(coded: Project, tmp_path: Path) -> None:
    from qualcode.export.xlsx import export_workbook

    coded.pseudonymise(mapping(coded))
    out = tmp_path / "quotes.xlsx"
    export_workbook(coded, out)
    book = CalamineWorkbook.from_path(str(out))
    cells = " ".join(
        str(value) for name in book.sheet_names
        for row in book.get_sheet_by_name(name).to_python() for value in row
    )
    assert "Peeters" not in cells and "De Sleep" not in cells
    assert "Gepseudonimiseerd" in cells  # a Dutch project: the Overview says so in Dutch


@pytest.mark.sqlite_only
def test_apply_is_refused_while_another_process_reads_the_project(
    coded: Project, project_path: Path, content
) -> None:
    before = content(project_path)
    other = sqlite3.connect(project_path)
    other.execute("BEGIN")
    other.execute("SELECT count(*) FROM document").fetchone()
    try:
        with pytest.raises(Exception, match="open in another window"):
            coded.pseudonymise(mapping(coded))
    finally:
        other.close()
    assert content(project_path) == before


def test_cli_detect_then_apply_with_a_key(
    coded: Project, project_path: Path, tmp_path: Path, cli
) -> None:
    coded.close()
    found = cli("pseudonymise", project_path, "--detect", "--out", tmp_path / "map.csv")
    assert found.code == 0, found.err
    assert (tmp_path / "map.csv").stat().st_mode & 0o777 == 0o600
    result = cli("pseudonymise", project_path, "--apply", tmp_path / "map.csv",
                 "--key-out", tmp_path / "key.csv")
    assert result.code == 0, result.err
    assert "the project keeps no original" in result.out
    key = (tmp_path / "key.csv").read_text(encoding="utf-8-sig")
    assert "Jan Peeters,[Huisarts 1]" in key
    assert (tmp_path / "key.csv").stat().st_mode & 0o777 == 0o600
    detected = cli("pseudonymise", project_path, "--detect", "--json")
    assert "Peeters" not in detected.out


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("text\nJan\n", "missing column(s) pseudonym"),
        ("text,pseudonym\nJan,\n", "line 2: no pseudonym for 'Jan'"),
        ("text,pseudonym\nJan,[A]\nJan,[B]\n", "line 3: 'Jan' has two pseudonyms"),
    ],
)
def test_a_bad_mapping_is_refused_naming_the_line(
    coded: Project, project_path: Path, write_file, cli, content, rows: str, message: str
) -> None:
    coded.close()
    before = content(project_path)
    result = cli("pseudonymise", project_path, "--apply", write_file("map.csv", rows))
    assert result.code == 1 and result.err.count("error:") == 1
    assert message in result.err
    assert content(project_path) == before


def test_the_key_is_written_owner_only(tmp_path: Path) -> None:
    write_key(tmp_path / "key.csv", [("Jan", "[Persoon 1]")])
    assert (tmp_path / "key.csv").stat().st_mode & 0o777 == 0o600


def test_legend_names_and_speaker_labels_are_pseudonymised(
    project: Project, write_file: Callable[..., Path]
) -> None:
    text = (
        "Sprekers\nI: Interviewer Jan Peeters\nR: Respondent\n\n"
        "I: Hoe gaat het met je, zeg?\nR: Goed, dank je.\n"
    )
    project.import_document(write_file("HA2.txt", text))
    (speaker,) = [s for s in project.speakers() if s.label == "I"]
    assert speaker.name == "Interviewer Jan Peeters"
    project.pseudonymise([("Jan Peeters", "[Interviewer 1]")])
    names = [s.name for s in project.speakers()]
    assert names == ["Interviewer [Interviewer 1]", "Respondent"]


def test_the_apply_summary_counts_in_the_singular_where_there_is_one(
    cli, project: Project, project_path, write_file, tmp_path,
) -> None:
    project.import_document(write_file("HA1.txt", "I: Waar?\nHA1: In Wondelgem, echt.\n"))
    project.close()
    mapping = tmp_path / "map.csv"
    mapping.write_text("text,pseudonym\nWondelgem,[Plaats 1]\n", encoding="utf-8")
    result = cli("pseudonymise", project_path, "--apply", mapping)
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == (
        "replaced 1 item (1 occurrence) in 1 document; the project keeps no original")
