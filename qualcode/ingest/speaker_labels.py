"""What a speaker label and a time mark look like, and which role a label names.

Split from :mod:`qualcode.ingest.turns`, which finds the turns: this module
holds the patterns of label lines and time marks, the word lists (name
particles, header words that are never speakers, labels that name the
interviewer or a respondent) and the rules built on them (:func:`looks_like_label`,
:func:`is_known_label`, :func:`infer_roles`), so they can be read and extended
apart from the turn building.
See :mod:`qualcode.ingest.turns` for the conventions the patterns cover.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_LABEL = r"[^\W\d_][\w'’.\-]*(?:[ ][\w'’.\-]+){0,3}"
_BOLD = r"(?:\*\*|__)"

TURN_START = re.compile(
    rf"""^[ \t]*(?:
        # [00:01:02] I: text | *1:40 = I1: text | **Interviewer (00:01:02):** text | L<TAB>text
        (?:\*?\[?(?P<ts_before>{_TIME})\]?(?:[ \t]*=)?[ \t]+)?
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
#: A speaker's name alone on its line ("Interviewer", "**Sarah Jansen**").
NAME_ALONE = re.compile(rf"^[ \t]*{_BOLD}?(?P<alone>{_LABEL}){_BOLD}?[ \t]*$", re.MULTILINE)
_F4_TIME = r"\d{1,2}:\d{2}:\d{2}(?:-\d{1,3})?"
#: A time mark on a line of its own: "0:02:16.6", "[00:12:03]", "#00:01:23-4#".
OWN_LINE_TIME = re.compile(
    rf"^[ \t]*(?:[\[(]?(?P<mark>{_TIME})[\])]?|#(?P<f4>{_F4_TIME})#)[ \t]*$", re.MULTILINE
)
#: f4/f5transkript's mark, anywhere in a line: "#00:01:23-4#".
F4_MARK = re.compile(rf"#(?P<f4>{_F4_TIME})#")
#: Any time mark that is not speech: sentences never contain one (see qualcode.nlp).
TIME_MARK = re.compile(
    rf"{F4_MARK.pattern}|^[ \t]*[\[(]?{_TIME}[\])]?[ \t]*$", re.MULTILINE
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


def infer_roles(
    turns: Sequence[tuple[str, str]], legend: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Map each speaker label to "interviewer", "respondent" or "unknown".

    ``turns`` is ``(speaker, turn text)`` in order. A role word in the
    speaker's legend description decides first (``I1: Interviewer 1``), then
    well-known labels (I, Int, Interviewer, Q, V, Onderzoeker -> interviewer; R, A,
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
        described = {
            w.strip("()[],.").casefold()
            for w in (legend or {}).get(speaker, "").split()
            if len(w.strip("()[],.")) > 1
        }
        if not speaker:
            roles[speaker] = "unknown"
        elif described & _INTERVIEWER_LABELS:
            roles[speaker] = "interviewer"
        elif described & (_RESPONDENT_LABELS | {"interviewee", "deltager", "informant"}):
            roles[speaker] = "respondent"
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


def _key(label: str) -> str:
    return label.casefold().rstrip(".").strip()


_KNOWN_LABELS = _INTERVIEWER_LABELS | _RESPONDENT_LABELS


def is_known_label(label: str) -> bool:
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
