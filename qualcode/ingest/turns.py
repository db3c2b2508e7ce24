"""Speaker turns in plain transcript text, and who is the interviewer.

A turn starts at a line that begins with a speaker label. Conventions seen in
transcripts typed by researchers and exported by transcription tools:

- ``I: ...``, ``HA3: ...``, ``Interviewer: ...``, ``Sarah Jansen: ...``,
  optionally bold in Markdown (``**I:** ...``), with a time before the label
  (``[00:01:02] I: ...``) or after it (``I (00:01:02): ...``), or a tab
  instead of the colon (a Word table flattened to ``Label<TAB>text``);
- Otter: a line holding only ``Sarah Jansen  00:13``, text on the next lines;
- ``[Sarah] 00:01:02 text`` or ``[Sarah] text``.

A label is at most four words, starts with a capital, and further words are
capitalised, numbers (``Speaker 2``) or name particles (``van``, ``de``).
To keep header lines such as ``Datum: 12 maart`` out, a label that is not a
well-known one (I, R, Interviewer, Q/A, V/A, ...) or a participant code
(HA3, P01) must occur at least twice, and some header words are never speakers.

Text before the first label (a header) belongs to no turn. No labels at all
gives ``[]``: the caller treats the text as one block without speakers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from qualcode.ingest.model import TurnSpan

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_LABEL = r"[^\W\d_][\w'’.\-]*(?:[ ][\w'’.\-]+){0,3}"
_BOLD = r"(?:\*\*|__)"

TURN_START = re.compile(
    rf"""^[ \t]*(?:
        # [00:01:02] I: text   |   **Interviewer (00:01:02):** text   |   Label<TAB>text
        (?:\[?(?P<ts_before>{_TIME})\]?[ \t]+)?
        {_BOLD}?(?P<label>{_LABEL})
        (?:[ \t]*[\[(](?P<ts_after>{_TIME})[\])])?
        (?:[ \t]*{_BOLD}?[ \t]*:{_BOLD}?(?![/\\\d])|[ \t]*{_BOLD}?\t)
      | # Otter: "Sarah Jansen  00:13" alone on its line
        (?P<otter_label>{_LABEL})[ \t]+(?P<otter_ts>{_TIME})[ \t]*$
      | # [Sarah] 00:01:02 text
        \[(?P<bracket_label>{_LABEL})\](?:[ \t]+\[?(?P<bracket_ts>{_TIME})\]?)?(?=[ \t:]|$)[ \t:]*
    )""",
    re.MULTILINE | re.VERBOSE,
)

_PARTICLES = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "het",
        "ter",
        "ten",
        "te",
        "'t",
        "la",
        "le",
        "du",
        "des",
        "von",
        "zu",
        "da",
        "di",
        "dos",
        "el",
    ]
)
_NEVER_SPEAKERS = frozenset(
    [
        "datum",
        "date",
        "tijd",
        "time",
        "duur",
        "duration",
        "locatie",
        "location",
        "plaats",
        "place",
        "opmerking",
        "opmerkingen",
        "noot",
        "note",
        "notes",
        "titel",
        "title",
        "bestand",
        "file",
        "transcript",
        "transcriptie",
        "interview",
        "onderwerp",
        "subject",
        "thema",
        "topic",
        "context",
        "legenda",
        "code",
        "codes",
    ]
)
_INTERVIEWER_LABELS = frozenset(
    [
        "i",
        "int",
        "interviewer",
        "interviewster",
        "interviewers",
        "q",
        "v",
        "vraag",
        "onderzoeker",
        "onderzoekster",
        "researcher",
        "moderator",
        "facilitator",
        "gespreksleider",
    ]
)
_RESPONDENT_LABELS = frozenset(
    [
        "r",
        "resp",
        "respondent",
        "respondente",
        "a",
        "antwoord",
        "participant",
        "deelnemer",
        "deelneemster",
        "geïnterviewde",
        "geinterviewde",
        "interviewee",
        "huisarts",
        "gp",
    ]
)
_NUMBERED_INTERVIEWER = re.compile(r"^(?:i|int|q|v|interviewer|onderzoeker) ?\d{1,2}$")
_PARTICIPANT_CODE = re.compile(r"^[^\W\d_]{1,5} ?\d{1,3}$")


def detect_turns(text: str) -> list[TurnSpan]:
    """Find speaker turns in normalised transcript text.

    Spans are in text order, never overlap, include the label, and end before
    the trailing blank lines of the turn.
    """
    starts: list[tuple[int, str, str | None]] = []
    for match in TURN_START.finditer(text):
        label = match["label"] or match["otter_label"] or match["bracket_label"]
        if not looks_like_label(label):
            continue
        timestamp = (
            match["ts_before"] or match["ts_after"] or match["otter_ts"] or match["bracket_ts"]
        )
        start = match.start() + (len(match[0]) - len(match[0].lstrip(" \t")))
        starts.append((start, label, timestamp))

    counts = Counter(label for _, label, _ in starts)
    starts = [s for s in starts if counts[s[1]] >= 2 or _is_known(s[1])]
    if not starts:
        return []

    spans: list[tuple[int, int, str, str | None]] = []
    for index, (start, label, timestamp) in enumerate(starts):
        limit = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        end = len(text[start:limit].rstrip()) + start
        spans.append((start, end, label, timestamp))

    roles = infer_roles([(label, text[start:end]) for start, end, label, _ in spans])
    return [
        TurnSpan(start, end, label, roles[label], timestamp)
        for start, end, label, timestamp in spans
    ]


def infer_roles(turns: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Map each speaker label to "interviewer", "respondent" or "unknown".

    ``turns`` is ``(speaker, turn text)`` in order. Well-known labels decide
    first (I, Int, Interviewer, Q, V, Onderzoeker -> interviewer; R, A,
    Respondent, participant codes such as HA3 or P01 -> respondent). When no
    interviewer is known, the speaker whose turns most often contain a question
    mark is the interviewer, if clearly so (at least a quarter of their turns,
    and twice the rate of anyone else). The rest are respondents when an
    interviewer was found, else unknown. The empty label is always unknown.
    """
    turn_count: Counter[str] = Counter()
    question_count: Counter[str] = Counter()
    for speaker, body in turns:
        turn_count[speaker] += 1
        if "?" in body:
            question_count[speaker] += 1

    roles: dict[str, str] = {}
    undecided: list[str] = []
    for speaker in turn_count:
        key = _key(speaker)
        if not speaker:
            roles[speaker] = "unknown"
        elif key in _INTERVIEWER_LABELS or _NUMBERED_INTERVIEWER.match(key):
            roles[speaker] = "interviewer"
        elif key in _RESPONDENT_LABELS or _PARTICIPANT_CODE.match(key):
            roles[speaker] = "respondent"
        else:
            undecided.append(speaker)

    if undecided and "interviewer" not in roles.values():
        rates = sorted(((question_count[s] / turn_count[s], s) for s in undecided), reverse=True)
        best_rate, best = rates[0]
        runner_up = rates[1][0] if len(rates) > 1 else 0.0
        if best_rate >= 0.25 and best_rate >= 2 * runner_up and len(turn_count) > 1:
            roles[best] = "interviewer"
            undecided.remove(best)
    fallback = "respondent" if "interviewer" in roles.values() else "unknown"
    for speaker in undecided:
        roles[speaker] = fallback
    return roles


def body_start(text: str, turn: TurnSpan) -> int:
    """Offset where the words of ``turn`` begin, after its label and time.

    Sentences and codings are about what was said, so callers skip the label.
    Falls back to ``turn.start`` when the turn has no recognisable label.
    """
    if not turn.speaker:
        return turn.start
    line_start = text.rfind("\n", 0, turn.start) + 1
    match = TURN_START.match(text, line_start)
    label = match and (match["label"] or match["otter_label"] or match["bracket_label"])
    if match and label == turn.speaker:
        position = match.end()
    elif text.startswith(turn.speaker + ":", turn.start):
        position = turn.start + len(turn.speaker) + 1
    else:
        return turn.start
    while position < turn.end and text[position].isspace():
        position += 1
    return min(position, turn.end)


def _key(label: str) -> str:
    return label.casefold().rstrip(".").strip()


_KNOWN_LABELS = _INTERVIEWER_LABELS | _RESPONDENT_LABELS


def _is_known(label: str) -> bool:
    """Labels trusted even once: well-known roles and participant codes (HA3, P01)."""
    key = _key(label)
    return key in _KNOWN_LABELS or bool(_PARTICIPANT_CODE.match(key))


def looks_like_label(label: str) -> bool:
    """True for a plausible speaker label: a known one, or a short capitalised name."""
    if len(label) > 40 or _key(label) in _NEVER_SPEAKERS:
        return False
    words = label.split(" ")
    if _key(label) in _KNOWN_LABELS:
        return True
    if not words[0][0].isupper() or words[-1].casefold() in _PARTICLES:
        return False
    return all(
        word[0].isupper() or word[0].isdigit() or word.casefold() in _PARTICLES
        for word in words[1:]
    )
