"""Reading ``.vtt`` and ``.srt`` files from transcription tools.

Zoom, Teams, Otter, Whisper and YouTube export transcripts as subtitle cues.
A cue is a few seconds of speech, so reading cue by cue is useless for
coding; instead the cues are merged into speaker turns, one line per turn in
the form ``Speaker: text`` (or just ``text`` when no speaker is known), so
the imported text reads like a typed transcript. Each :class:`TurnSpan`
covers its whole line, label included, and carries the start time of its
first cue as ``HH:MM:SS.mmm`` and in seconds.

The speaker of a cue comes from a WebVTT voice tag (``<v Sarah Jansen>``),
a ``Name: text`` line (Zoom) or a ``[Name] text`` prefix. A cue without a
speaker continues the previous turn; if the file names no speaker at all,
every cue becomes its own turn with speaker ``""`` and role "unknown", so that
the times stay visible. A file without cues or with a malformed timing line
is refused with the line number.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from qualcode.errors import IngestError
from qualcode.ingest.model import IngestedText, TurnSpan
from qualcode.ingest.normalise import normalise
from qualcode.ingest.plaintext import decode_text_file
from qualcode.ingest.speaker_labels import infer_roles, looks_like_label

_VTT_TIME = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
_SRT_TIME = r"(\d{1,3}):([0-5]\d):([0-5]\d)[,.](\d{1,3})"
_TIMING = {
    "vtt": re.compile(rf"^{_VTT_TIME}[ \t]+-->[ \t]+{_VTT_TIME}(?:[ \t].*)?$"),
    "srt": re.compile(rf"^{_SRT_TIME}[ \t]*-->[ \t]*{_SRT_TIME}(?:[ \t].*)?$"),
}
_VOICE = re.compile(r"<v(?:\.[^\s>]+)*[ \t]+([^>]*)>")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<\d[\d:.]*>|\{\\[^}]*\}")
_NAME_COLON = re.compile(r"^([^\W\d_][\w'’.\- ]{0,39}?):[ \t]+(?=\S)")
_NAME_BRACKET = re.compile(r"^\[([^\]\n]{1,40})\][ \t]*:?[ \t]*")
_SPACES = re.compile(r"\s+")


@dataclass
class _Segment:
    speaker: str | None
    text: str
    time: float


def read_subtitles(path: Path, data: bytes, file_format: str) -> IngestedText:
    """Read a WebVTT or SubRip file into turns (see the module docstring)."""
    decoded, _ = decode_text_file(path, data)
    source, removed = normalise(decoded)
    segments = _parse(path, source, file_format)
    if not segments:
        raise IngestError(path, "no subtitle cues found")

    named = any(segment.speaker for segment in segments)
    merged: list[_Segment] = []
    for segment in segments:
        if merged and (
            (named and segment.speaker is None) or (named and segment.speaker == merged[-1].speaker)
        ):
            merged[-1].text += " " + segment.text
        else:
            merged.append(_Segment(segment.speaker or "", segment.text, segment.time))

    roles = infer_roles([(turn.speaker or "", turn.text) for turn in merged])
    lines: list[str] = []
    turns: list[TurnSpan] = []
    offset = 0
    for turn in merged:
        speaker = turn.speaker or ""
        line = f"{speaker}: {turn.text}" if speaker else turn.text
        turns.append(
            TurnSpan(
                offset, offset + len(line), speaker, roles[speaker], _clock(turn.time), turn.time
            )
        )
        lines.append(line)
        offset += len(line) + 1
    return IngestedText("\n".join(lines) + "\n", file_format, None, turns, [], removed)


def _parse(path: Path, source: str, file_format: str) -> list[_Segment]:
    lines = source.split("\n")
    index = 0
    if file_format == "vtt":
        first = lines[0].lstrip("\ufeff")
        if not re.match(r"WEBVTT(?:[ \t]|$)", first):
            raise IngestError(path, "not a WebVTT file (the first line must be WEBVTT)")
        index = _skip_block(lines, 0)
    segments: list[_Segment] = []
    timing = _TIMING[file_format]
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        block_start = index
        block_end = _skip_block(lines, index)
        block = lines[block_start:block_end]
        index = block_end
        if file_format == "vtt" and re.match(r"(NOTE|STYLE|REGION)(?:[ \t]|$)", block[0]):
            continue
        timing_at = next((i for i, line in enumerate(block[:2]) if "-->" in line), None)
        if timing_at is None:
            raise IngestError(
                path, f"line {block_start + 1}: expected a cue timing 'start --> end'"
            )
        timing_line = block[timing_at].strip()
        match = timing.match(timing_line)
        if match is None:
            raise IngestError(path, f"line {block_start + timing_at + 1}: bad cue timing")
        start = _seconds(match.groups()[:4])
        if _seconds(match.groups()[4:]) < start:
            raise IngestError(
                path, f"line {block_start + timing_at + 1}: cue ends before it starts"
            )
        payload = "\n".join(block[timing_at + 1 :])
        segments.extend(_segments(payload, start, file_format))
    return segments


def _skip_block(lines: list[str], index: int) -> int:
    while index < len(lines) and lines[index].strip():
        index += 1
    return index


def _seconds(groups) -> float:
    hours, minutes, seconds, fraction = groups
    return (
        int(hours or 0) * 3600
        + int(minutes) * 60
        + int(seconds)
        + int(fraction) / 10 ** len(fraction)
    )


def _clock(seconds: float) -> str:
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def _segments(payload: str, time: float, file_format: str) -> list[_Segment]:
    """Split one cue into (speaker, text) parts: voice tags, then name prefixes."""
    parts: list[tuple[str | None, str]] = []
    voices = list(_VOICE.finditer(payload)) if file_format == "vtt" else []
    if voices:
        if payload[: voices[0].start()].strip():
            parts.append((None, payload[: voices[0].start()]))
        for number, voice in enumerate(voices):
            end = voices[number + 1].start() if number + 1 < len(voices) else len(payload)
            parts.append((html.unescape(voice[1]).strip(), payload[voice.end() : end]))
    else:
        for line in payload.split("\n"):
            line = _clean(line, file_format)
            speaker = None
            for pattern in (_NAME_BRACKET, _NAME_COLON):
                match = pattern.match(line)
                if match and looks_like_label(match[1].strip()):
                    speaker, line = match[1].strip(), line[match.end() :]
                    break
            if speaker is None and parts:
                parts[-1] = (parts[-1][0], parts[-1][1] + " " + line)
            else:
                parts.append((speaker, line))
    segments = []
    for speaker, text in parts:
        cleaned = _SPACES.sub(" ", _clean(text, file_format)).strip()
        if cleaned:
            segments.append(_Segment(speaker or None, cleaned, time))
    return segments


def _clean(text: str, file_format: str) -> str:
    text = _TAG.sub("", text)
    return html.unescape(text) if file_format == "vtt" else text
