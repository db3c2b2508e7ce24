"""Searching every interview: stems, exact words, regular expressions and filters."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from qualcode.project import Project
from qualcode.search import find
from qualcode.search.text import fold

DUTCH_A = (
    "I: Vind je psychosociale zorg belastend?\n"
    "HA1: Ja. De belasting is groot, vooral de belastende gesprekken. "
    "Ik voel me soms belast en moe. Een café-gesprek is geen consult.\n"
    "I: En de administratie?\n"
    "HA1: Die belasting valt mee.\n"
)
DUTCH_B = (
    "I: Hoe ervaar je de belasting van psychosociale klachten?\n"
    "HA2: Het is reëel zwaar. Zorg voor psychosociale problemen kost tijd, geen tijd over.\n"
)
ENGLISH = (
    "I: Did the patients consent to the recording?\n"
    "P1: Everyone consented. One patient was consenting only after a long talk.\n"
    "I: And the burden?\n"
    "P1: The burden is real. Burdens pile up.\n"
)


@pytest.fixture
def study(project: Project, write_file: Callable[..., Path]) -> Project:
    project.import_document(write_file("HA1.txt", DUTCH_A))
    project.import_document(write_file("HA2.txt", DUTCH_B))
    project.import_participants(write_file("p.csv", "name,practice\nHA1,WGC\nHA2,solo\n"))
    project.add_code(None, "Belasting")
    return project


def words_found(hits: list) -> list[str]:
    return [hit.text for hit in hits]


def test_dutch_stem_finds_every_form_of_the_word(study: Project) -> None:
    found = words_found(find(study, "belast"))
    assert found == [
        "belastend", "belasting", "belastende", "belast", "belasting", "belasting",
    ]


def test_search_ignores_accents_and_case(study: Project) -> None:
    assert words_found(find(study, "REEEL")) == ["reëel"]
    assert words_found(find(study, "cafe")) == ["café"]


def test_english_stem_finds_consented(tmp_path: Path, write_file: Callable[..., Path]) -> None:
    with Project.create(tmp_path / "en.qualcode", language="en", coder="Ann") as project:
        project.import_document(write_file("P1.txt", ENGLISH))
        assert words_found(find(project, "consent")) == ["consent", "consented", "consenting"]
        assert words_found(find(project, "burden")) == ["burden", "burden", "Burdens"]


def test_a_phrase_matches_words_that_follow_each_other(study: Project) -> None:
    hits = find(study, "psychosociale problemen")
    assert [(h.document, h.text) for h in hits] == [("HA2", "psychosociale problemen")]


def scan(study: Project, pattern: re.Pattern[str]) -> list[tuple[str, int, int]]:
    return [
        (document.name, match.start(), match.end())
        for document in study.documents()
        for match in pattern.finditer(study.document_text(document.name).text)
    ]


def test_exact_search_equals_a_plain_scan_of_the_stored_text(study: Project) -> None:
    hits = find(study, "belasting", mode="exact")
    expected = scan(study, re.compile(r"(?<!\w)belasting(?!\w)", re.IGNORECASE))
    assert [(h.document, h.start, h.end) for h in hits] == expected
    assert len(expected) == 3
    assert find(study, "geen tijd", mode="exact")[0].text == "geen tijd"
    assert find(study, "belastin", mode="exact") == []


def test_regex_search_equals_a_plain_scan_of_the_stored_text(study: Project) -> None:
    pattern = r"\bbelast\w*"
    hits = find(study, pattern, mode="regex")
    expected = scan(study, re.compile(pattern, re.IGNORECASE | re.MULTILINE))
    assert [(h.document, h.start, h.end) for h in hits] == expected
    assert len(expected) == 6


def test_hits_carry_exact_offsets_turn_and_sentence(study: Project) -> None:
    text = study.document_text("HA1").text
    for hit in find(study, "belast"):
        if hit.document == "HA1":
            assert text[hit.start:hit.end] == hit.text
            assert hit.context in text and hit.text in hit.context
    first = find(study, "administratie")[0]
    assert (first.turn, first.speaker, first.role) == (3, "I", "interviewer")


def test_role_filter_keeps_respondent_turns_only(study: Project) -> None:
    hits = find(study, "belast", roles=["respondent"])
    assert {h.role for h in hits} == {"respondent"}
    assert len(hits) == 4


def test_document_and_attribute_filters(study: Project) -> None:
    assert {h.document for h in find(study, "psychosociale", documents=["HA2"])} == {"HA2"}
    by_practice = find(study, "psychosociale", attributes={"practice": "wgc"})
    assert {h.document for h in by_practice} == {"HA1"}


def test_in_code_keeps_hits_inside_that_codes_passages(study: Project) -> None:
    text = study.document_text("HA1").text
    start = text.index("Die belasting")
    study.add_coding("HA1", "Belasting", start, start + len("Die belasting valt mee."))
    hits = find(study, "belast", in_code="Belasting")
    assert [(h.document, h.start) for h in hits] == [("HA1", start + 4)]


def test_new_document_is_found_after_the_index_was_built(
    study: Project, write_file: Callable[..., Path]
) -> None:
    assert find(study, "wederkerigheid") == []
    study.import_document(write_file("HA3.txt", "I: En?\nHA3: De wederkerigheid ontbreekt.\n"))
    assert words_found(find(study, "wederkerigheid")) == ["wederkerigheid"]


@pytest.mark.sqlite_only
def test_search_works_on_a_read_only_project(study: Project, project_path: Path) -> None:
    study.close()
    project_path.chmod(0o400)
    try:
        with Project.open(project_path) as opened:
            assert len(find(opened, "belast")) == 6
    finally:
        project_path.chmod(0o600)


def test_fold_keeps_one_character_per_character() -> None:
    for text in ("Reëel café İstanbul ǅ ß ﬁ Ωmega", "plain"):
        assert len(fold(text)) == len(text)
