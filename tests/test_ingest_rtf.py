"""RTF transcripts, hand-written as WordPad and Word would save them."""

import pytest

from qualcode.errors import IngestError
from qualcode.ingest import read_transcript

RTF = rb"""{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Calibri;}}
{\pard I: Hoe ervaart u het werk in het caf\'e9 van de wijk?\par}
{\pard HA3: Goed\tab hoor. Het kost \u8364? 20. Dank u.\par}
{\pard I: Mooi.\par}
}"""


def test_rtf_text_escapes_tabs_and_unicode_are_read(tmp_path):
    path = tmp_path / "interview.rtf"
    path.write_bytes(RTF)
    result = read_transcript(path)
    assert result.text.splitlines() == [
        "I: Hoe ervaart u het werk in het café van de wijk?",
        "HA3: Goed\thoor. Het kost € 20. Dank u.",
        "I: Mooi.",
    ]
    assert result.format == "rtf"
    assert [t.speaker for t in result.turns] == ["I", "HA3", "I"]


def test_rtf_honours_a_declared_code_page(tmp_path):
    path = tmp_path / "oost.rtf"
    path.write_bytes(rb"{\rtf1\ansi\ansicpg1250 {\pard HA2: \'9alapa\par}}")
    assert "šlapa" in read_transcript(path).text


def test_file_that_is_not_rtf_is_refused(tmp_path):
    path = tmp_path / "nep.rtf"
    path.write_bytes(b"I: gewoon tekst")
    with pytest.raises(IngestError, match=r"nep\.rtf: not an RTF document"):
        read_transcript(path)


def test_empty_rtf_file_is_refused(tmp_path):
    path = tmp_path / "leeg.rtf"
    path.write_bytes(b"")
    with pytest.raises(IngestError, match=r"leeg\.rtf: empty file"):
        read_transcript(path)
