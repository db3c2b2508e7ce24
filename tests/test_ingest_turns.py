"""Speaker turns in typed transcripts: label conventions and roles."""

import itertools

import pytest

from qualcode.ingest import TurnSpan, detect_turns


def _spoken(text: str) -> list[tuple[str, str, str]]:
    return [(t.speaker, t.role, text[t.start : t.end]) for t in detect_turns(text)]


@pytest.mark.parametrize(
    ("interviewer", "respondent"),
    [("I", "R"), ("I", "HA3"), ("Interviewer", "Respondent"), ("Int", "HA7"), ("Q", "A")],
)
def test_colon_labels_start_turns_with_known_roles(interviewer, respondent):
    text = f"{interviewer}: Hoe gaat het?\n{respondent}: Goed.\n{interviewer}: En nu?\n"
    assert _spoken(text) == [
        (interviewer, "interviewer", f"{interviewer}: Hoe gaat het?"),
        (respondent, "respondent", f"{respondent}: Goed."),
        (interviewer, "interviewer", f"{interviewer}: En nu?"),
    ]


def test_dutch_v_and_a_labels_mean_question_and_answer():
    text = "V: Wat vindt u zwaar?\nA: De administratie.\n"
    assert [role for _, role, _ in _spoken(text)] == ["interviewer", "respondent"]


def test_named_speakers_role_follows_who_asks_the_questions():
    text = (
        "Sarah Jansen: Wat vindt u het zwaarst?\n"
        "Tom van Dijk: De wachtlijsten, denk ik.\n"
        "Sarah Jansen: Kunt u een voorbeeld geven?\n"
        "Tom van Dijk: Een jonge vrouw met angst. Ze wachtte maanden.\n"
    )
    roles = {speaker: role for speaker, role, _ in _spoken(text)}
    assert roles == {"Sarah Jansen": "interviewer", "Tom van Dijk": "respondent"}


def test_speakers_without_questions_get_unknown_roles():
    text = "Anna: Ik begin.\nBram: Ik volg.\nAnna: Klaar.\nBram: Ook.\n"
    assert {role for _, role, _ in _spoken(text)} == {"unknown"}


def test_otter_label_line_with_time_and_text_on_next_lines():
    text = (
        "Sarah Jansen  00:13\nHoe ervaart u dat?\n\n"
        "Speaker 2  0:20\nZwaar.\nEerlijk gezegd.\n\n"
        "Sarah Jansen  01:02\nWaarom?\n\n"
        "Speaker 2  1:10\nTja.\n"
    )
    turns = detect_turns(text)
    assert [(t.speaker, t.timestamp) for t in turns] == [
        ("Sarah Jansen", "00:13"),
        ("Speaker 2", "0:20"),
        ("Sarah Jansen", "01:02"),
        ("Speaker 2", "1:10"),
    ]
    assert text[turns[1].start : turns[1].end] == "Speaker 2  0:20\nZwaar.\nEerlijk gezegd."
    assert turns[0].role == "interviewer"


def test_bracketed_names_with_and_without_time():
    text = "[Eva] 00:01:02 Hoe gaat het?\n[Ruben] Goed.\n[Eva] 00:01:09 Mooi?\n[Ruben] Ja.\n"
    turns = detect_turns(text)
    assert [(t.speaker, t.timestamp) for t in turns] == [
        ("Eva", "00:01:02"),
        ("Ruben", None),
        ("Eva", "00:01:09"),
        ("Ruben", None),
    ]


def test_markdown_bold_labels_and_times_around_labels():
    text = "**I:** Hoe gaat het?\n**HA2**: Goed.\n[00:02:00] I: Verder?\nHA2 (00:02:10): Ja.\n"
    turns = detect_turns(text)
    assert [(t.speaker, t.timestamp) for t in turns] == [
        ("I", None),
        ("HA2", None),
        ("I", "00:02:00"),
        ("HA2", "00:02:10"),
    ]


def test_tab_separated_label_from_a_flattened_word_table():
    text = "Interviewer\tHoe gaat het?\nHA1\tGoed.\n"
    assert [s for s, _, _ in _spoken(text)] == ["Interviewer", "HA1"]


def test_header_before_first_label_is_not_a_turn_and_header_keys_are_not_speakers():
    text = (
        "Interview 3 – huisarts WGC\nDatum: 12 maart 2024\nDuur: 34:10\n\n"
        "I: Hoe gaat het?\nHA3: Goed.\n"
    )
    turns = detect_turns(text)
    assert [t.speaker for t in turns] == ["I", "HA3"]
    assert turns[0].start == text.index("I: Hoe")


def test_a_capitalised_phrase_used_once_is_not_a_speaker():
    text = "I: Wat bedoelt u?\nHA3: Het punt is dit.\nMijn Conclusie: het is zwaar.\n"
    turns = detect_turns(text)
    assert [t.speaker for t in turns] == ["I", "HA3"]
    assert text[turns[1].start : turns[1].end].endswith("het is zwaar.")


def test_text_without_labels_has_no_turns():
    assert detect_turns("Gewoon een verhaal.\nZonder sprekers: helemaal niet.\n") == []


def test_turns_are_ordered_non_overlapping_and_exclude_trailing_blank_lines():
    text = "I: Eén?\n\n\nR: Twee.\n\nI: Drie?\n\n"
    turns = detect_turns(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(turns))
    assert [text[t.start : t.end] for t in turns] == ["I: Eén?", "R: Twee.", "I: Drie?"]
    assert isinstance(turns[0], TurnSpan)


def test_time_of_day_and_urls_are_not_labels():
    text = "I: Om 10:30: wat gebeurde er?\nR: Zie https://example.org: daar staat het.\n"
    assert [t.speaker for t in detect_turns(text)] == ["I", "R"]
