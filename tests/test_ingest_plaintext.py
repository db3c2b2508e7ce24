"""Plain-text and Markdown transcripts: encodings, line ends, refusals."""

import pytest

from qualcode.errors import IngestError
from qualcode.ingest import SUPPORTED_SUFFIXES, read_transcript

DUTCH = "I: Hoe ervaart u de zorg, één keer per week?\nHA3: Soms zwaar, soms mooi. Café.\n"


@pytest.mark.parametrize(
    ("codec", "prefix", "expected"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
        ("utf-16-le", b"\xff\xfe", "utf-16-le"),
        ("utf-16-be", b"\xfe\xff", "utf-16-be"),
        ("cp1252", b"", "cp1252"),
    ],
)
def test_import_reads_common_encodings_and_records_which(tmp_path, codec, prefix, expected):
    path = tmp_path / "interview.txt"
    path.write_bytes(prefix + DUTCH.encode(codec))
    result = read_transcript(path)
    assert result.text == DUTCH
    assert result.encoding == expected
    assert result.format == "txt"


def test_import_reads_utf16_saved_without_byte_order_mark(tmp_path):
    path = tmp_path / "interview.txt"
    path.write_bytes(DUTCH.encode("utf-16-le"))
    result = read_transcript(path)
    assert result.text == DUTCH
    assert result.encoding == "utf-16-le"


def test_import_reads_cp1252_curly_quotes_and_euro_sign(tmp_path):
    path = tmp_path / "interview.txt"
    path.write_bytes("HA3: “Het kost €20”, zei ze.".encode("cp1252"))
    assert read_transcript(path).text == "HA3: “Het kost €20”, zei ze."


def test_import_reads_mac_roman_text_that_is_not_cp1252(tmp_path):
    text = "HA3: Ça va, één patiënt per dag, crème brûlée, François, garçon, façade, reçu."
    path = tmp_path / "oud.txt"
    path.write_bytes(text.encode("mac_roman"))
    result = read_transcript(path)
    assert result.text == text
    assert result.encoding == "mac-roman"


def test_import_turns_windows_line_ends_into_newlines(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(b"I: Hallo?\r\nR: Dag.\r\n")
    result = read_transcript(path)
    assert result.text == "I: Hallo?\nR: Dag.\n"
    assert [result.text[t.start : t.end] for t in result.turns] == ["I: Hallo?", "R: Dag."]


def test_import_removes_and_counts_control_characters(tmp_path):
    path = tmp_path / "vuil.txt"
    path.write_text("I: Hallo\x07 daar?\x1b\nR: Dag\x00.\n".replace("\x00", "\x08"), "utf-8")
    result = read_transcript(path)
    assert result.text == "I: Hallo daar?\nR: Dag.\n"
    assert result.removed_controls == 3


def test_import_keeps_leading_and_trailing_blank_lines(tmp_path):
    path = tmp_path / "ruimte.txt"
    path.write_text("\n\nI: Hallo?\n\n\n", "utf-8")
    assert read_transcript(path).text == "\n\nI: Hallo?\n\n\n"


def test_turn_offsets_slice_emoji_zwj_and_combining_accents_correctly(tmp_path):
    path = tmp_path / "emoji.md"
    raw = "I: Gezin 👨\u200d👩\u200d👧? Cafe\u0301?\nHA3: Ja 👍🏽, e\u0301e\u0301n keer.\n"
    path.write_text(raw, "utf-8")
    result = read_transcript(path)
    assert result.format == "md"
    spoken = [result.text[t.start : t.end] for t in result.turns]
    assert spoken == ["I: Gezin 👨\u200d👩\u200d👧? Café?", "HA3: Ja 👍🏽, één keer."]


def test_import_refuses_binary_file_and_names_it(tmp_path):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(IngestError, match=r"scan\.txt: binary file, not a transcript"):
        read_transcript(path)


def test_import_refuses_mostly_control_characters_as_binary(tmp_path):
    path = tmp_path / "rommel.txt"
    path.write_bytes(b"\x01\x02\x03\x04\x05abc" * 50)
    with pytest.raises(IngestError, match=r"rommel\.txt: binary file"):
        read_transcript(path)


def test_import_refuses_undecodable_text_and_says_what_was_tried(tmp_path):
    path = tmp_path / "raar.txt"
    path.write_bytes(bytes([0x81, 0x9D, 0xC3, 0x28, 0xF0, 0x8D, 0x90, 0xE2]) * 60)
    with pytest.raises(IngestError, match=r"raar\.txt: cannot decode text \(tried utf-8"):
        read_transcript(path)


def test_import_refuses_empty_file(tmp_path):
    path = tmp_path / "leeg.txt"
    path.write_bytes(b"")
    with pytest.raises(IngestError, match=r"leeg\.txt: empty file"):
        read_transcript(path)


def test_import_refuses_file_of_only_blank_lines(tmp_path):
    path = tmp_path / "wit.txt"
    path.write_text("\n \n\t\n", "utf-8")
    with pytest.raises(IngestError, match=r"wit\.txt: empty file"):
        read_transcript(path)


def test_import_of_missing_file_names_it(tmp_path):
    with pytest.raises(IngestError, match=r"weg\.txt: file not found"):
        read_transcript(tmp_path / "weg.txt")


def test_import_refuses_unsupported_suffix_and_lists_supported_ones(tmp_path):
    path = tmp_path / "interview.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(IngestError, match=r"interview\.pdf: unsupported file type '\.pdf'"):
        read_transcript(path)


def test_suffix_is_matched_case_insensitively(tmp_path):
    path = tmp_path / "INTERVIEW.TXT"
    path.write_text("I: Hallo?\nR: Dag.\n", "utf-8")
    assert read_transcript(path).format == "txt"
    assert ".txt" in SUPPORTED_SUFFIXES


def test_text_without_speaker_labels_has_no_turns(tmp_path):
    path = tmp_path / "notities.txt"
    path.write_text("Een verhaal zonder sprekers.\nNog een regel.\n", "utf-8")
    result = read_transcript(path)
    assert result.turns == []
    assert result.comments == []
