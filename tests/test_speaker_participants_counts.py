"""A group interview: each speaker label speaks for a participant of its own, and every
count per participant, participant column and attribute filter follows the speaker."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from qualcode.analysis import code_by_attribute, code_by_participant, frequencies
from qualcode.analysis.saturation import saturation_table
from qualcode.project import Project
from qualcode.search.coding_query import CodingQuery, run_query

GROUP = (
    "Focusgroep huisartsen Wondelgem\n"
    "\n"
    "I: Wat maakt psychosociale zorg zwaar voor jullie?\n"
    "GP1: Het uitlopen. Mijn consultaties duren dubbel zo lang.\n"
    "GP2: Bij mij is het vooral dat er niets terugkomt van de patiënt.\n"
    "GP3: Ik loop ook altijd uit, elke dinsdag opnieuw.\n"
    "I: En wat helpt jullie?\n"
    "GP2: Overleg met collega's in de groepspraktijk.\n"
)

PEOPLE = (
    "participant,gender,practice\n"
    "Anouk Verhelst,v,WGC\n"
    "Bert Claeys,m,solo\n"
    "Chantal Maes,v,groep\n"
)

ASSIGNED = {"GP1": "Anouk Verhelst", "GP2": "Bert Claeys", "GP3": "Chantal Maes"}


def _code(project: Project, code: str, words: str, *, through: str | None = None) -> None:
    """Code ``words`` (up to the end of ``through``, when given) in the group interview."""
    text = project.document_text("FG1").text
    start = text.index(words)
    end = text.index(through) + len(through) if through else start + len(words)
    project.add_coding("FG1", code, start, end)


@pytest.fixture
def group(project: Project, write_file: Callable[..., Path]) -> Project:
    """FG1: three GPs, each label given a participant with attributes; coded and marked coded."""
    project.import_document(write_file("FG1.txt", GROUP))
    project.import_participants(write_file("people.csv", PEOPLE))
    for label, person in ASSIGNED.items():
        project.correct_speaker("FG1", label, participant=person)
    project.add_code(None, "Belasting")
    project.add_code("Belasting", "Objectieve belasting")
    project.add_code("Belasting", "Gebrek aan wederkerigheid")
    project.add_code(None, "Steun van collega's")
    project.add_code(None, "Interviewvraag")
    _code(project, "Objectieve belasting", "Mijn consultaties duren dubbel zo lang.")
    _code(project, "Objectieve belasting", "Ik loop ook altijd uit")
    _code(project, "Gebrek aan wederkerigheid", "er niets terugkomt van de patiënt")
    _code(project, "Steun van collega's", "Overleg met collega's")
    project.set_status(["FG1"], "coded")
    return project


def test_stats_count_each_speaker_of_a_group_interview_as_their_own_participant(
    group: Project, project_path: Path, cli: Callable[..., object]
) -> None:
    result = cli("stats", project_path, "--json")
    rows = {tuple(r["code_path"]): r for r in json.loads(result.out)}  # type: ignore[attr-defined]
    assert rows[("Belasting", "Objectieve belasting")]["participants"] == 2
    assert rows[("Belasting",)]["with_children"]["participants"] == 3
    assert rows[("Steun van collega's",)]["participants"] == 1
    table = frequencies(group.snapshot())
    assert table.participants_total == 3  # the three GPs; the file itself is nobody


def test_a_coding_in_an_unassigned_turn_still_counts_for_the_document_participant(
    group: Project,
) -> None:
    assert "FG1" not in group.snapshot().participants
    _code(group, "Interviewvraag", "Wat maakt psychosociale zorg zwaar")
    study = group.snapshot()
    (question,) = [c for c in study.codings if c.text.startswith("Wat maakt")]
    assert study.participant_of_coding(question) == "FG1"
    assert "FG1" in study.participants  # a participant once a coding counts for it


def test_matrix_by_attribute_puts_each_speaker_in_their_own_column(group: Project) -> None:
    matrix = code_by_attribute(group.snapshot(), "gender")
    columns = list(matrix.columns)
    row = matrix.rows.index(("Belasting", "Objectieve belasting"))
    assert matrix.cells[row][columns.index("v")] == 2
    assert matrix.cells[row][columns.index("m")] == 0
    reciprocity = matrix.rows.index(("Belasting", "Gebrek aan wederkerigheid"))
    assert matrix.cells[reciprocity][columns.index("m")] == 1
    assert matrix.column_totals[columns.index("v")] == 2


def test_matrix_by_participant_counts_each_speakers_own_passages(group: Project) -> None:
    matrix = code_by_participant(group.snapshot())
    row = matrix.rows.index(("Belasting", "Objectieve belasting"))
    cells = dict(zip(matrix.columns, matrix.cells[row], strict=True))
    assert cells["Anouk Verhelst"] == 1
    assert cells["Chantal Maes"] == 1
    assert cells["Bert Claeys"] == 0


def test_saturation_by_participant_counts_each_speaker_as_an_interview(group: Project) -> None:
    table = saturation_table(group.snapshot(), by="participant")
    names = [row.name for row in table.rows]
    assert names == ["Anouk Verhelst", "Bert Claeys", "Chantal Maes"]
    new = {row.name: row.new_code_paths for row in table.rows}
    assert new["Anouk Verhelst"] == (("Belasting", "Objectieve belasting"),)
    assert set(new["Bert Claeys"]) == {
        ("Belasting", "Gebrek aan wederkerigheid"), ("Steun van collega's",)}
    assert new["Chantal Maes"] == ()


def test_codings_json_case_is_the_speakers_participant(
    group: Project, project_path: Path, cli: Callable[..., object]
) -> None:
    result = cli("codings", project_path, "--json")
    cases = {c["text"]: c["case"] for c in json.loads(result.out)}  # type: ignore[attr-defined]
    assert cases["Mijn consultaties duren dubbel zo lang."] == "Anouk Verhelst"
    assert cases["er niets terugkomt van de patiënt"] == "Bert Claeys"
    assert cases["Ik loop ook altijd uit"] == "Chantal Maes"


def test_a_coding_across_two_turns_counts_for_the_speaker_it_starts_with(
    group: Project,
) -> None:
    _code(group, "Steun van collega's", "Mijn consultaties", through="terugkomt van de patiënt.")
    (coding,) = [c for c in group.codings() if c.text.startswith("Mijn consultaties")
                 and c.code_path == ("Steun van collega's",)]
    assert coding.case == "Anouk Verhelst"


def test_quote_rows_name_the_speakers_participant_with_their_attributes(
    group: Project, tmp_path: Path, cli: Callable[..., object], project_path: Path
) -> None:
    group.close()
    assert cli("export", "xlsx", project_path, tmp_path / "out.xlsx").code == 0  # type: ignore[attr-defined]
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx")["Belasting"]  # a Dutch project
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = next(r for r in rows if "Deelnemer" in r)
    who, quote, gender = header.index("Deelnemer"), header.index("Citaat"), header.index("gender")
    by_quote = {r[quote]: (r[who], r[gender]) for r in rows if r is not header and r[quote]}
    assert by_quote["er niets terugkomt van de patiënt"] == ("Bert Claeys", "m")
    assert by_quote["Ik loop ook altijd uit"] == ("Chantal Maes", "v")

    assert cli("export", "csv", project_path, tmp_path / "out.csv").code == 0  # type: ignore[attr-defined]
    with open(tmp_path / "out.csv", encoding="utf-8-sig") as handle:
        quotes = {row["quote"]: row for row in csv.DictReader(handle)}
    assert quotes["er niets terugkomt van de patiënt"]["participant"] == "Bert Claeys"
    assert quotes["er niets terugkomt van de patiënt"]["gender"] == "m"
    assert quotes["Mijn consultaties duren dubbel zo lang."]["practice"] == "WGC"


def test_the_participants_sheet_lists_each_speaker_of_the_group_interview(
    group: Project, tmp_path: Path, cli: Callable[..., object], project_path: Path
) -> None:
    group.close()
    assert cli("export", "xlsx", project_path, tmp_path / "out.xlsx").code == 0  # type: ignore[attr-defined]
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx")["Deelnemers"]
    names = {row[0] for row in sheet.iter_rows(values_only=True)}
    assert {"Anouk Verhelst", "Bert Claeys", "Chantal Maes"} <= names


def test_coding_query_attribute_filter_uses_the_speakers_attributes(group: Project) -> None:
    passages = run_query(group, CodingQuery(code="Belasting", attributes={"gender": "m"}))
    assert [p.text for p in passages] == ["er niets terugkomt van de patiënt"]
    assert passages[0].case == "Bert Claeys"


def test_the_codebook_panel_counts_each_speaker_as_a_participant(group: Project) -> None:
    from qualcode.tui.code_counts import CodeCounts

    codes = group.codes()
    counts = CodeCounts(group.codings()).as_mapping(codes)
    by_path = {code.path: counts.get(code.id) for code in codes}
    assert by_path[("Belasting", "Objectieve belasting")] == (2, 2)
    assert by_path[("Belasting",)] == (3, 3)


def test_the_workbooks_figures_agree_with_the_analysis(group: Project) -> None:
    from qualcode.export.figures import code_figures, snapshot_of_export
    from qualcode.export.gather import gather

    data = gather(group)
    figures = code_figures(data, snapshot_of_export(data))
    matrix = code_by_participant(group.snapshot())
    for row, code_id in enumerate(matrix.row_code_ids):
        expected = {p: n for p, n in zip(matrix.columns, matrix.cells[row], strict=True) if n}
        assert figures[code_id].by_participant == expected


def test_each_speaker_of_a_group_interview_lists_it_among_their_documents(group: Project) -> None:
    documents = {case.name: case.documents for case in group.cases()}
    assert {person: documents[person] for person in ASSIGNED.values()} == {
        person: ("FG1",) for person in ASSIGNED.values()
    }
    assert documents["FG1"] == ("FG1",)  # the file's own participant keeps it too
