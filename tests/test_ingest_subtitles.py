"""Subtitle exports (WebVTT, SubRip) merged into speaker turns."""

import pytest

from qualcode.errors import IngestError
from qualcode.ingest import read_transcript

ZOOM_VTT = """WEBVTT

1
00:00:01.000 --> 00:00:04.000
<v Sarah Jansen>Hoe ervaart u de
psychosociale zorg?</v>

2
00:00:04.500 --> 00:00:06.000
<v Sarah Jansen>In het algemeen?

NOTE onderbreking door telefoon

3
00:00:06.500 --> 00:00:09.000
<v.loud Tom Peeters>Zwaar &amp; <i>soms</i> mooi.

4
01:00:09.500 --> 01:00:12.250
Echt waar.
"""


def _lines(result) -> list[tuple[str, str, str, str | None]]:
    return [(t.speaker, t.role, result.text[t.start : t.end], t.timestamp) for t in result.turns]


def test_vtt_voice_tags_give_speakers_and_cues_merge_into_turns(tmp_path):
    path = tmp_path / "zoom.vtt"
    path.write_text(ZOOM_VTT, "utf-8")
    result = read_transcript(path)
    assert result.text == (
        "Sarah Jansen: Hoe ervaart u de psychosociale zorg? In het algemeen?\n"
        "Tom Peeters: Zwaar & soms mooi. Echt waar.\n"
    )
    assert _lines(result) == [
        (
            "Sarah Jansen",
            "interviewer",
            "Sarah Jansen: Hoe ervaart u de psychosociale zorg? In het algemeen?",
            "00:00:01.000",
        ),
        ("Tom Peeters", "respondent", "Tom Peeters: Zwaar & soms mooi. Echt waar.", "00:00:06.500"),
    ]
    assert result.format == "vtt"


def test_vtt_with_name_colon_lines_and_two_speakers_in_one_cue(tmp_path):
    path = tmp_path / "teams.vtt"
    path.write_text(
        "WEBVTT\n\n00:01.000 --> 00:03.000\nEva: Gaat het?\nHA4: Ja hoor.\n\n"
        "00:03.500 --> 00:05.000\nEva: Zeker?\n",
        "utf-8",
    )
    result = read_transcript(path)
    assert result.text == "Eva: Gaat het?\nHA4: Ja hoor.\nEva: Zeker?\n"
    assert [t.timestamp for t in result.turns] == ["00:00:01.000", "00:00:01.000", "00:00:03.500"]


def test_srt_with_names_and_bracketed_speakers(tmp_path):
    path = tmp_path / "whisper.srt"
    path.write_bytes(
        "1\r\n00:00:01,000 --> 00:00:04,000\r\n[Interviewer] Hoe gaat het?\r\n\r\n"
        "2\r\n00:00:04,500 --> 00:00:06,000\r\n[Respondent] <i>Goed</i>.\r\n\r\n"
        "3\r\n00:00:06,100 --> 00:00:07,000\r\nEcht goed.\r\n".encode("utf-8-sig")
    )
    result = read_transcript(path)
    assert result.text == "Interviewer: Hoe gaat het?\nRespondent: Goed. Echt goed.\n"
    assert [(t.speaker, t.role, t.timestamp) for t in result.turns] == [
        ("Interviewer", "interviewer", "00:00:01.000"),
        ("Respondent", "respondent", "00:00:04.500"),
    ]
    assert result.format == "srt"


def test_cues_without_any_speaker_each_become_an_unknown_turn(tmp_path):
    path = tmp_path / "anoniem.srt"
    path.write_text(
        "1\n00:00:01,000 --> 00:00:02,000\nGoedemiddag.\n\n2\n00:00:02,500 --> 00:00:04,000\n"
        "Zullen we beginnen?\n",
        "utf-8",
    )
    result = read_transcript(path)
    assert result.text == "Goedemiddag.\nZullen we beginnen?\n"
    assert [(t.speaker, t.role, t.timestamp) for t in result.turns] == [
        ("", "unknown", "00:00:01.000"),
        ("", "unknown", "00:00:02.500"),
    ]


def test_turn_spans_slice_emoji_and_accents_in_subtitles(tmp_path):
    path = tmp_path / "emoji.vtt"
    path.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Zoë>Cafe\u0301 👨\u200d👩\u200d👧?\n\n"
        "00:00:03.000 --> 00:00:04.000\n<v Noé>Ja 👍🏽.\n",
        "utf-8",
    )
    result = read_transcript(path)
    assert [result.text[t.start : t.end] for t in result.turns] == [
        "Zoë: Café 👨\u200d👩\u200d👧?",
        "Noé: Ja 👍🏽.",
    ]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("geen.vtt", "WEBVTT\n\nNOTE alleen een notitie\n", "no subtitle cues found"),
        ("kop.vtt", "00:00:01.000 --> 00:00:02.000\nHallo\n", "not a WebVTT file"),
        ("tijd.vtt", "WEBVTT\n\n00:00:1.000 --> 00:00:02.000\nHallo\n", "line 3: bad cue timing"),
        ("terug.srt", "1\n00:00:05,000 --> 00:00:02,000\nHallo\n", "line 2: cue ends before"),
        ("los.srt", "1\n00:00:01,000 --> 00:00:02,000\nHallo\n\nlosse tekst\n", "line 5: expected"),
        ("leeg.srt", "", "empty file"),
    ],
)
def test_invalid_subtitle_files_are_refused_with_name_and_line(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_text(content, "utf-8")
    with pytest.raises(IngestError, match=rf"{name.replace('.', '[.]')}: {problem}"):
        read_transcript(path)
