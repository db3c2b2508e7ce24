"""Detection on invented Dutch and English interviews with planted identifiers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from qualcode.project import Project
from qualcode.pseudonymise import Finding, detect
from tests.pseudonymise_fixtures import DUTCH, ENGLISH, PLANTED_DUTCH, PLANTED_ENGLISH

STRUCTURED = ("date", "phone", "email", "identifier")


@pytest.fixture
def dutch(project: Project, write_file: Callable[..., Path]) -> list[Finding]:
    project.import_document(write_file("HA1.txt", DUTCH))
    return detect(project)


@pytest.fixture
def english(tmp_path: Path, write_file: Callable[..., Path]) -> list[Finding]:
    with Project.create(tmp_path / "en.qualcode", language="en", coder="Ann") as project:
        project.import_document(write_file("P1.txt", ENGLISH))
        return detect(project)


def recall(findings: list[Finding], planted: list[tuple[str, str]], kinds: tuple[str, ...]):
    wanted = [(text, kind) for text, kind in planted if kind in kinds]
    found = {(f.text, f.kind) for f in findings}
    return [item for item in wanted if item not in found], len(wanted)


@pytest.mark.parametrize("fixture", ["dutch", "english"])
def test_every_date_phone_email_and_identifier_is_found(fixture, request) -> None:
    findings = request.getfixturevalue(fixture)
    planted = PLANTED_DUTCH if fixture == "dutch" else PLANTED_ENGLISH
    missed, total = recall(findings, planted, STRUCTURED)
    assert missed == [] and total >= 4


@pytest.mark.parametrize("fixture", ["dutch", "english"])
def test_at_least_nine_in_ten_names_and_places_are_found(fixture, request) -> None:
    findings = request.getfixturevalue(fixture)
    planted = PLANTED_DUTCH if fixture == "dutch" else PLANTED_ENGLISH
    missed, total = recall(findings, planted, ("person", "place", "address", "institution"))
    assert (total - len(missed)) / total >= 0.9, missed


def test_false_positives_are_few_and_everyday_words_are_not_names(dutch) -> None:
    planted = {text for text, _ in PLANTED_DUTCH}
    extra = [f.text for f in dutch if f.text not in planted]
    assert "Elke" not in extra
    assert len(extra) <= 2, extra


def test_one_person_gets_one_pseudonym_in_every_form(dutch) -> None:
    by_text = {f.text: f for f in dutch}
    assert by_text["Jan Peeters"].pseudonym == by_text["Peeters"].pseudonym == "[Huisarts 1]"
    assert by_text["Lies Wouters"].pseudonym == by_text["Lies"].pseudonym
    assert by_text["Tom Claeys"].pseudonym.startswith("[Persoon ")
    assert by_text["14/03/2023"].pseudonym == "[Datum]"
    assert by_text["Gent"].pseudonym != by_text["Brugge"].pseudonym


def test_english_pseudonyms_are_in_english(english) -> None:
    by_text = {f.text: f for f in english}
    assert by_text["Sarah Miller"].pseudonym == "[GP 1]"
    assert by_text["0161 496 0000"].pseudonym == "[Phone number]"


def test_counts_are_across_the_study_and_consistent(
    project: Project, write_file: Callable[..., Path]
) -> None:
    project.import_document(write_file("HA1.txt", DUTCH))
    second = "I: Ken je dokter Jan Peeters?\nHA2: Ja, uit Gent.\n"
    project.import_document(write_file("HA2.txt", second))
    by_text = {f.text: f for f in detect(project)}
    assert by_text["Jan Peeters"].count == 2
    assert {d for d, _, _ in by_text["Jan Peeters"].occurrences} == {"HA1", "HA2"}


def test_items_the_user_adds_are_found_with_their_kind(
    project: Project, write_file: Callable[..., Path]
) -> None:
    project.import_document(write_file("HA1.txt", DUTCH + "HA1: In Sluizeken is het druk.\n"))
    by_text = {f.text: f for f in detect(project, [("Sluizeken", "place")])}
    assert by_text["Sluizeken"].kind == "place" and by_text["Sluizeken"].count == 1
