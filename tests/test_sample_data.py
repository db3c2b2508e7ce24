"""The demo data in sample_transcripts/ is what a new user sees first.

These tests guard the promises the demo makes: files import as-is (UTF-8, LF,
no BOM), the participant table matches the reference study's profile, and
every pre-coded span points at real respondent text with a code from the
default category tree.
"""

from __future__ import annotations

import csv
import importlib.util
import re
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parent.parent / "sample_transcripts"
DUTCH_CASES = [f"HA{i:02d}" for i in range(1, 12)]
TXT_FILES = sorted(SAMPLES.glob("*.txt"))

_R = "Rol van de huisarts"
_S = "Belasting > Subjectieve belasting"
_P = f"{_S} > Patiëntgebonden factoren"
_A = f"{_S} > Artsgebonden factoren"
_V = "Vermindering van de belasting"
_T = "Tips voor collega's"
CODE_PATHS = {
    _R,
    *(f"{_R} > {n}" for n in (
        "Laagdrempeligheid", "Detecteren en doorverwijzen",
        "Rolverschuiving in de maatschappij", "Persoonlijke voorkeur", "Oneigenlijke vragen",
    )),
    "Belasting",
    "Belasting > Uitdaging en voldoening",
    "Belasting > Objectieve belasting",
    _S,
    _P,
    *(f"{_P} > {n}" for n in (
        "Gebrek aan wederkerigheid", "Somatiserende patiënt", "Soort problematiek",
        "Complexe zorgvraag", "Doelstelling arts versus patiënt",
        "Concentratie moeilijke patiënten",
    )),
    _A,
    *(f"{_A} > {n}" for n in (
        "Onvoldoende opgeleid", "Geen invloed", "Ander soort energie",
        "Geen automatische piloot", "Herkenbare situaties", "Verhogende factoren",
    )),
    "Emoties en gedrag",
    "Valkuilen",
    "Burn-out",
    _V,
    *(f"{_V} > {n}" for n in (
        "Maatschappelijk werk", "Eerstelijnspsycholoog", "Overleg met psychiater",
        "Vlottere doorverwijzing", "Steun van collega's",
    )),
    _T,
    *(f"{_T} > {n}" for n in (
        "Grenzen stellen", "Niet alle zorgen op jou nemen", "Juiste empathie en afstand",
        "Draagkracht en draaglast", "Aangepaste doelstellingen", "Afwisseling",
    )),
}


def _read_codings() -> list[dict[str, str]]:
    with (SAMPLES / "codings.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _text(document: str) -> str:
    return (SAMPLES / f"{document}.txt").read_bytes().decode("utf-8")


def test_demo_has_eleven_dutch_interviews_and_the_english_pilot() -> None:
    names = {p.stem for p in TXT_FILES}
    assert names == {*DUTCH_CASES, "EN01-pilot"}


@pytest.mark.parametrize("path", TXT_FILES, ids=lambda p: p.name)
def test_transcript_is_utf8_without_bom_with_lf_line_ends(path: Path) -> None:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    raw.decode("utf-8")
    assert raw.endswith(b"\n")


@pytest.mark.parametrize("path", TXT_FILES, ids=lambda p: p.name)
def test_transcript_word_count_is_that_of_a_real_interview(path: Path) -> None:
    words = len(path.read_text(encoding="utf-8").split())
    assert 1500 <= words <= 4000, f"{path.name}: {words} words"


def test_participants_table_matches_the_reference_study_profile() -> None:
    with (SAMPLES / "participants.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert reader.fieldnames == [
        "case", "gender", "age", "years_as_gp", "practice_type", "neighbourhood",
        "training_psychosocial", "wants_more_psychosocial", "interview_length",
    ]
    assert [r["case"] for r in rows] == DUTCH_CASES
    genders = [r["gender"] for r in rows]
    assert (genders.count("vrouw"), genders.count("man")) == (8, 3)
    practices = [r["practice_type"] for r in rows]
    assert (practices.count("WGC"), practices.count("groepspraktijk"), practices.count("solo")) == (
        8, 2, 1,
    )
    assert 39 <= sum(int(r["age"]) for r in rows) / 11 <= 42
    assert 13 <= sum(int(r["years_as_gp"]) for r in rows) / 11 <= 15
    for row in rows:
        assert int(row["years_as_gp"]) <= int(row["age"]) - 24, row["case"]
        assert row["training_psychosocial"] in {"ja", "nee"}
        assert row["wants_more_psychosocial"] in {"meer", "minder", "evenveel"}
        match = re.fullmatch(r"(\d\d):([0-5]\d)", row["interview_length"])
        assert match, row["interview_length"]
        assert 12 * 60 <= int(match[1]) * 60 + int(match[2]) <= 55 * 60


def test_codings_csv_has_exactly_the_import_columns() -> None:
    with (SAMPLES / "codings.csv").open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == ["document", "code", "start", "end", "coder", "memo"]


def test_every_coding_span_is_non_empty_trimmed_text_inside_its_document() -> None:
    texts: dict[str, str] = {}
    for row in _read_codings():
        text = texts.setdefault(row["document"], _text(row["document"]))
        start, end = int(row["start"]), int(row["end"])
        assert 0 <= start < end <= len(text), row
        span = text[start:end]
        assert span == span.strip(), row
        assert "\n" not in span, row


def test_no_coding_includes_a_speaker_label_or_interviewer_text() -> None:
    interviewer_line = re.compile(r"^(I:|Interviewer\b)")
    texts: dict[str, str] = {}
    for row in _read_codings():
        text = texts.setdefault(row["document"], _text(row["document"]))
        start = int(row["start"])
        line_start = text.rfind("\n", 0, start) + 1
        line = text[line_start:start]
        previous = text[:line_start].rstrip("\n").rsplit("\n", 1)[-1]
        assert not interviewer_line.match(line), row
        assert not previous.startswith("Interviewer  "), row
        assert not re.fullmatch(r"\s*[A-Za-z0-9. ]+:\s*", text[start:int(row["end"])]), row


def test_every_coding_uses_a_code_path_of_the_default_tree() -> None:
    used = {row["code"] for row in _read_codings()}
    assert used <= CODE_PATHS, sorted(used - CODE_PATHS)


def test_every_interview_is_coded_by_lotte_with_a_realistic_number_of_codings() -> None:
    counts: dict[str, int] = {}
    for row in _read_codings():
        if row["coder"] == "Lotte":
            counts[row["document"]] = counts.get(row["document"], 0) + 1
    assert set(counts) == {p.stem for p in TXT_FILES}
    assert all(20 <= n <= 60 for n in counts.values()), counts


def test_second_coder_codes_ha01_and_ha02_mostly_but_not_entirely_alike() -> None:
    rows = _read_codings()
    second = [r for r in rows if r["coder"] == "Prof. Claes"]
    assert {r["document"] for r in second} == {"HA01", "HA02"}
    key = ("document", "code", "start", "end")
    lotte = {tuple(r[k] for k in key) for r in rows if r["coder"] == "Lotte"}
    claes = {tuple(r[k] for k in key) for r in second}
    shared = len(lotte & claes)
    assert 0.8 * len(claes) <= shared < len(claes)


def test_saturation_late_interviews_add_only_one_or_two_new_codes() -> None:
    rows = [r for r in _read_codings() if r["coder"] == "Lotte"]
    seen: set[str] = set()
    new_per_case = []
    for case in DUTCH_CASES:
        codes = {r["code"] for r in rows if r["document"] == case}
        new_per_case.append(len(codes - seen))
        seen |= codes
    assert new_per_case[0] >= 20
    assert sum(new_per_case[2:]) <= 4
    assert new_per_case[9] >= 1


def test_codings_csv_is_what_make_codings_produces() -> None:
    spec = importlib.util.spec_from_file_location("make_codings", SAMPLES / "make_codings.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_codings"] = module
    try:
        spec.loader.exec_module(module)
        codings = module.build_codings()
    finally:
        del sys.modules["make_codings"]
    expected = [
        [c.document, c.code, str(c.start), str(c.end), c.coder, c.memo]
        for c in codings
    ]
    with (SAMPLES / "codings.csv").open(encoding="utf-8", newline="") as handle:
        assert list(csv.reader(handle))[1:] == expected


def test_webvtt_follow_up_has_voice_tagged_cues() -> None:
    text = (SAMPLES / "HA07-telefonisch.vtt").read_text(encoding="utf-8")
    assert text.startswith("WEBVTT\n")
    cues = re.findall(r"^\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}$", text, re.M)
    voices = set(re.findall(r"<v ([^>]+)>", text))
    assert len(cues) >= 10
    assert voices == {"Interviewer", "HA07"}


def test_word_follow_up_has_turns_a_table_and_a_comment() -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document(str(SAMPLES / "HA04-followup.docx"))
    turns = [p.text for p in document.paragraphs if re.match(r"(I|HA4): ", p.text)]
    assert len(turns) >= 10
    assert len(document.tables) >= 1
    assert len(list(document.comments)) == 1
