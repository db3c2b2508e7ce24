"""Normalisation: the one fixed form of every transcript text."""

from qualcode.ingest import normalise
from qualcode.ingest.normalise import normalise_pieces


def test_normalise_turns_windows_and_old_mac_line_ends_into_newlines():
    assert normalise("een\r\ntwee\rdrie\n") == ("een\ntwee\ndrie\n", 0)


def test_normalise_composes_accents_so_each_letter_is_one_code_point():
    text, _ = normalise("cafe\u0301 en e\u0308en")
    assert text == "café en ëen"
    assert len(text) == len("café en ëen")


def test_normalise_removes_and_counts_control_characters():
    text, removed = normalise("Ja\x00 na\x07tuurlijk\x7f\x9b.\tKlopt")
    assert text == "Ja natuurlijk.\tKlopt"
    assert removed == 4


def test_normalise_drops_leading_byte_order_mark_without_counting_it():
    assert normalise("\ufeffI: Hallo") == ("I: Hallo", 0)


def test_normalise_keeps_leading_and_trailing_blank_lines():
    assert normalise("\n\nI: Hallo\n\n\n")[0] == "\n\nI: Hallo\n\n\n"


def test_normalise_makes_word_line_breaks_and_page_breaks_newlines():
    assert normalise("regel een\x0bregel twee\x0cpagina\u2028x") == (
        "regel een\nregel twee\npagina\nx",
        0,
    )


def test_normalise_is_idempotent_on_emoji_and_zwj_sequences():
    family = "Ons gezin 👨\u200d👩\u200d👧 is 👍🏽 blij"
    once, _ = normalise(family)
    assert normalise(once) == (once, 0)
    assert once == family


def test_normalise_pieces_reports_where_each_piece_starts_after_cleaning():
    text, offsets, removed = normalise_pieces(["ab\r", "\ncd\x01", "e\u0301f"])
    assert text == "ab\ncdéf"
    assert removed == 1
    assert offsets == [0, 3, 5, 7]
