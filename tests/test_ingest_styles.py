"""Every transcript style docs/transcripts.md lists: turns, speakers, roles and start times.

The fixtures in tests/fixtures/transcripts are invented text written for these
tests, one file per style; the NVivo-style Word file is built here with
python-docx, as NVivo exports it: a legend, then time-marked turns.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from qualcode.ingest import read_transcript

FIXTURES = Path(__file__).parent / "fixtures" / "transcripts"

INT, RES = "interviewer", "respondent"

EXPECTED = {
    "otter.txt": [
        ("Mira Holt", INT, 13.0),
        ("Jonas Brecht", RES, 21.0),
        ("Mira Holt", INT, 65.0),
        ("Jonas Brecht", RES, 1161.0),
    ],
    "zoom.vtt": [("Mira Holt", INT, 2.5), ("Jonas Brecht", RES, 9.8), ("Mira Holt", INT, 62.0)],
    "teams.vtt": [
        ("Holt, Mira", INT, 3.12),
        ("Brecht, Jonas", RES, 8.01),
        ("Holt, Mira", INT, 100.25),
    ],
    "subtitles.srt": [
        ("Interviewer", INT, 1.0),
        ("Respondent", RES, 4.5),
        ("Interviewer", INT, 136.6),
    ],
    # f4 closes a paragraph with its end time: that is when the next turn starts.
    "f4.txt": [("I", INT, None), ("B", RES, 7.3), ("I", INT, 21.8), ("B", RES, 26.0)],
    "own_line_marks.txt": [
        ("Interviewer", INT, 4.2),
        ("Respondent", RES, 6.9),
        ("Interviewer", INT, 136.6),
        ("Respondent", RES, 144.0),
    ],
    "name_alone.txt": [
        ("Interviewer", INT, None),
        ("Respondent", RES, None),
        ("Interviewer", INT, None),
        ("Respondent", RES, None),
    ],
    "word_table_tabs.txt": [
        ("Interviewer", INT, None),
        ("Respondent", RES, None),
        ("Interviewer", INT, None),
        ("Respondent", RES, None),
    ],
}


def _turns(path: Path) -> list[tuple[str, str, float | None]]:
    result = read_transcript(path)
    return [(t.speaker, t.role, t.time) for t in result.turns]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_style_gives_its_turns_speakers_roles_and_start_times(name):
    found = _turns(FIXTURES / name)
    expected = EXPECTED[name]
    assert [(s, r) for s, r, _ in found] == [(s, r) for s, r, _ in expected]
    for (_, _, time), (_, _, wanted) in zip(found, expected, strict=True):
        assert time == pytest.approx(wanted) if wanted is not None else time is None


def test_cue_times_are_kept_as_written_and_in_seconds():
    result = read_transcript(FIXTURES / "teams.vtt")
    assert [t.timestamp for t in result.turns] == ["00:00:03.120", "00:00:08.010", "00:01:40.250"]


def test_teams_voice_tags_merge_cues_of_one_speaker_into_one_turn():
    result = read_transcript(FIXTURES / "teams.vtt")
    second = result.turns[1]
    assert result.text[second.start : second.end] == (
        "Brecht, Jonas: Yes. I have about half an hour. After that the afternoon clinic starts."
    )


def test_an_own_line_time_mark_starts_the_turn_it_belongs_to():
    result = read_transcript(FIXTURES / "own_line_marks.txt")
    third = result.turns[2]
    assert result.text[third.start : third.end] == (
        "0:02:16.6\nInterviewer: Wat vind je het zwaarst aan psychosociale zorg?"
    )
    assert result.text[result.turns[1].start : result.turns[1].end] == (
        "0:00:06.9\nRespondent: Ja, ga je gang."
    )


def test_a_name_alone_on_a_line_starts_a_turn_of_that_speaker():
    result = read_transcript(FIXTURES / "name_alone.txt")
    last = result.turns[-1]
    assert result.text[last.start : last.end] == (
        "Respondent\nAlles. De patiënten verwachten meer, en sneller."
    )


def _nvivo_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Interview med praktiserende læge, 3. marts")
    document.add_paragraph("I1: Interviewer 1")
    document.add_paragraph("M: Mand")
    document.add_paragraph("")
    document.add_paragraph("*0:05 = I1: Hvordan ser en almindelig mandag ud for dig?")
    document.add_paragraph("*0:12 = M: Travl. Venteværelset er fuldt klokken otte.")
    document.add_paragraph("*1:40 = I1: Hvad er det tungeste ved det?")
    document.add_paragraph("*1:52 = M: De samme bekymringer, uge efter uge.")
    document.add_paragraph("*19:21 = I1: Tak for i dag.")
    document.save(path)
    return path


def test_nvivo_word_export_legend_names_speakers_and_time_marked_turns(tmp_path):
    result = read_transcript(_nvivo_docx(tmp_path / "nvivo.docx"))
    assert result.legend == {"I1": "Interviewer 1", "M": "Mand"}
    assert [(t.speaker, t.role, t.time) for t in result.turns] == [
        ("I1", INT, 5.0),
        ("M", RES, 12.0),
        ("I1", INT, 100.0),
        ("M", RES, 112.0),
        ("I1", INT, 1161.0),
    ]
    first = result.turns[0]
    assert result.text[first.start : first.end].startswith("*0:05 = I1: Hvordan")


def test_the_legend_and_the_otter_preamble_are_not_turns():
    otter = read_transcript(FIXTURES / "otter.txt")
    assert otter.turns[0].start == otter.text.index("Mira Holt  00:13")
    assert otter.legend == {}
