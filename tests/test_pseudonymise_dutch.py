"""Dutch projects: deduce finds the names and places qualcode's own word lists do not know."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from qualcode.project import Project
from qualcode.pseudonymise import detect
from qualcode.pseudonymise.detect import spans_in
from qualcode.pseudonymise.dutch import cache_dir, deidentifier, dutch_spans

#: An invented interview in the Netherlands: none of these names is in qualcode's lists.
NETHERLANDS = (
    "I: Goedemiddag, fijn dat u tijd had.\n"
    "R: Ja hoor. Ik ben huisarts in Harderwijk, in een duopraktijk met Sjoerd Hoekstra. "
    "Vroeger werkte ik in Meppel.\n"
    "I: Kunt u een voorbeeld geven?\n"
    "R: Een patiënte, mevrouw Bosma, kwam met haar man Wietse uit Zutphen. Haar dochter "
    "Hanneke werkt in Apeldoorn. Ik stuurde haar door naar dokter Tjalling Visser, de "
    "psychiater, en belde haar buurvrouw Grietje van der Veen.\n"
    "I: En toen?\n"
    "R: Het is een vak apart. Kan je dat begrijpen? Zorg is geen product. Ben je er klaar voor?\n"
)
PLANTED = [
    ("Harderwijk", "place"), ("Sjoerd Hoekstra", "person"), ("Meppel", "place"),
    ("Bosma", "person"), ("Wietse", "person"), ("Zutphen", "place"), ("Hanneke", "person"),
    ("Apeldoorn", "place"), ("Tjalling Visser", "person"), ("Grietje van der Veen", "person"),
]

ENGLISH_PILOT = (
    "Interviewer: Can you give an example of a recent patient?\n"
    "GP: Yes. An older man came in, quite anxious. Don't ask me how, but we managed. "
    "Age is not the point, I think. Can I say something else? Will that be all right?\n"
    "Interviewer: Of course. Take your time, there is no hurry at all.\n"
    "GP: Thank you. It was a hard week, and the waiting lists were long again.\n"
)


@pytest.fixture
def netherlands(project: Project, write_file: Callable[..., Path]) -> dict[str, object]:
    project.import_document(write_file("NL1.txt", NETHERLANDS))
    return {f.text: f for f in detect(project)}


def test_deduce_finds_dutch_names_and_places_the_word_lists_do_not_know(netherlands) -> None:
    missed = [(text, kind) for text, kind in PLANTED
              if text not in netherlands or netherlands[text].kind != kind]
    assert len(missed) <= 1, missed
    by_lists = {NETHERLANDS[s.start:s.end] for s in spans_in(NETHERLANDS)}
    assert len([text for text, _ in PLANTED if text in by_lists]) <= 3


def test_everyday_words_are_not_taken_for_dutch_names(netherlands) -> None:
    planted = {text for text, _ in PLANTED}
    extra = [text for text in netherlands if text not in planted]
    assert extra == []


def test_a_psychiatrist_called_dokter_gets_a_gp_pseudonym_and_one_person_one_pseudonym(
    netherlands,
) -> None:
    assert netherlands["Tjalling Visser"].pseudonym.startswith("[Huisarts ")
    assert netherlands["Bosma"].pseudonym.startswith("[Persoon ")
    assert netherlands["Meppel"].pseudonym != netherlands["Zutphen"].pseudonym


def test_an_english_interview_in_a_dutch_project_is_left_to_the_patterns(
    project: Project, write_file: Callable[..., Path]
) -> None:
    project.import_document(write_file("EN01.txt", ENGLISH_PILOT))
    found = {f.text for f in detect(project)}
    assert not found & {"Can", "An", "Don", "Age", "Will"}


def test_flemish_towns_are_found_by_the_word_list(
    project: Project, write_file: Callable[..., Path]
) -> None:
    text = ("I: Waar werk je?\nHA1: In Maldegem, en ik woon in Diksmuide. Mijn ouders wonen "
            "in Herzele en mijn zus in Sint-Lievens-Houtem.\n")
    project.import_document(write_file("HA1.txt", text))
    places = {f.text for f in detect(project) if f.kind == "place"}
    assert {"Maldegem", "Diksmuide", "Herzele", "Sint-Lievens-Houtem"} <= places


def test_deduce_tables_live_in_the_user_cache_owner_only_and_a_damaged_one_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUALCODE_CACHE_DIR", str(tmp_path / "cache"))
    deidentifier.cache_clear()
    try:
        assert [s.kind for s in dutch_spans("Ik woon in Zutphen.")] == ["place"]
        [table] = (cache_dir()).glob("deduce-*/cache/lookup_structs.pickle")
        assert stat.S_IMODE(table.stat().st_mode) == 0o600
        assert 1_000_000 < table.stat().st_size < 20_000_000
        table.write_bytes(b"not a pickle")
        deidentifier.cache_clear()
        assert [s.kind for s in dutch_spans("Ik woon in Zutphen.")] == ["place"]
        assert table.stat().st_size > 1_000_000
    finally:
        deidentifier.cache_clear()
