"""Finding identifying details in transcripts, and proposing consistent pseudonyms.

Structured details (e-mail addresses, phone numbers, national register and
citizen service numbers, dates, ages, street addresses, postcodes) are found
with patterns; person names through titles ("dokter Peeters", "mevrouw De
Smet"), known first names followed by a surname, and the speakers' own names;
places and institutions through word lists and the words that start or end
their names ("WGC De Sleep", "UZ Gent", "St Mary's Hospital"). Whatever the
detector misses, the user adds (``extra``); nothing here is ever sent anywhere.

Every finding is a *text* (as written) with a *kind*; the same person named in
full, by surname or by first name gets one pseudonym ("[Huisarts 2]" when a
GP title was seen before any of the forms, else "[Persoon 2]").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from qualcode.pseudonymise.lists import (
    FIRST_NAMES,
    GP_TITLES,
    INSTITUTION_ENDS,
    INSTITUTION_STARTS,
    MONTHS,
    PARTICLES,
    PERSON_TITLES,
    PLACES,
    STREET_ENDINGS,
    STREET_WORDS,
    WORD_NAMES,
)

KINDS = (
    "person", "place", "address", "institution", "date", "age", "phone", "email", "identifier",
)

#: kind -> (Dutch label, English label); numbered kinds get " n".
LABELS = {
    "person": ("Persoon", "Person"),
    "gp": ("Huisarts", "GP"),
    "place": ("Plaats", "Place"),
    "address": ("Adres", "Address"),
    "practice": ("Praktijk", "Practice"),
    "hospital": ("Ziekenhuis", "Hospital"),
    "school": ("School", "School"),
    "institution": ("Instelling", "Institution"),
    "date": ("Datum", "Date"),
    "age": ("Leeftijd", "Age"),
    "phone": ("Telefoonnummer", "Phone number"),
    "email": ("E-mailadres", "E-mail address"),
    "identifier": ("Identificatienummer", "ID number"),
}
NUMBERED = {"person", "gp", "place", "address", "practice", "hospital", "school", "institution"}

#: When two findings overlap, the longer wins; on equal length, the earlier kind here.
PRIORITY = ("email", "identifier", "phone", "date", "address", "institution", "person", "place",
            "age")

CAP = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"
NAME_TAIL = rf"(?:[ \t]+(?:(?:{'|'.join(sorted(PARTICLES, key=len, reverse=True))})[ \t]+)*{CAP})"
MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("identifier", re.compile(r"\b\d{2}\.\d{2}\.\d{2}[- ]\d{3}[.-]\d{2}\b")),
    ("identifier", re.compile(r"(?i:\b(?:bsn|rijksregisternummer|burgerservicenummer|nhs number)"
                              r"\D{0,20})(\d[\d .-]{7,14}\d)")),
    ("identifier", re.compile(r"\b\d{11}\b")),
    ("phone", re.compile(r"(?:\+|00)\d{2}[\s./-]?(?:\(0\)\s?)?\d{1,4}(?:[\s./-]?\d{2,4}){2,4}\b")),
    ("phone", re.compile(r"\b0\d{1,4}(?:[\s./-]?\d{2,4}){2,4}\b")),
    ("date", re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b")),
    ("date", re.compile(r"\b\d{4}-\d{2}-\d{2}\b")),
    ("date", re.compile(
        rf"(?i)\b\d{{1,2}}(?:st|nd|rd|th|e|ste|de)?\s+(?:{MONTH})\.?(?:\s+\d{{4}})?\b"
    )),
    ("date", re.compile(rf"(?i)\b(?:{MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b")),
    ("date", re.compile(rf"(?i)\b(?:{MONTH})\s+\d{{4}}\b")),
    ("age", re.compile(r"(?i)\b\d{1,3}[- ]jarige?\b")),
    ("age", re.compile(r"(?i)\b\d{1,3}\s+jaar\s+oud\b")),
    ("age", re.compile(r"(?i)(?<=\()\d{1,3}(?=\s*(?:jaar|j\.|years?|y/o)?\))")),
    ("age", re.compile(r"(?i)\b\d{1,3}[- ]years?[- ]old\b")),
    ("age", re.compile(r"(?i)(?<=\baged )\d{1,3}\b")),
    ("address", re.compile(
        rf"\b[A-ZÀ-Þ][\w'’-]*(?:{'|'.join(STREET_ENDINGS)})(?:\s+\d+[a-zA-Z]?(?:\s*bus\s*\d+)?)?\b"
    )),
    ("address", re.compile(rf"\b\d+[a-zA-Z]?[ \t]+(?:{CAP}[ \t]+)+(?:{'|'.join(STREET_WORDS)})\b")),
    ("address", re.compile(r"\b[1-9]\d{3}\s?[A-Z]{2}\b")),
    ("address", re.compile(r"\b[1-9]\d{3}\s+(?=[A-Z])")),
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    subkind: str
    #: For persons: the key of the person (surname), so all forms share a pseudonym.
    person: str | None = None


@dataclass
class Finding:
    """One text to replace, with how often it occurs and the pseudonym proposed."""

    text: str
    kind: str
    count: int = 0
    pseudonym: str = ""
    subkind: str = ""
    person: str | None = None
    occurrences: list[tuple[str, int, int]] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {"text": self.text, "kind": self.kind, "count": self.count,
                "pseudonym": self.pseudonym}


#: Particles that, written in lower case right after a title, are a preposition instead.
PREPOSITIONS = frozenset({"in", "op", "te", "het"})


def _person_spans(text: str, speaker_names: Iterable[str]) -> list[Span]:
    spans: list[Span] = []
    titles = sorted((*PERSON_TITLES, *GP_TITLES), key=len, reverse=True)
    title_pattern = re.compile(
        rf"(?i:\b(?P<title>{'|'.join(re.escape(t) for t in titles)}))(?:[ \t]+|(?<=\.))"
        rf"(?P<name>(?:(?:{'|'.join(PARTICLES)})[ \t]+)*{CAP}{NAME_TAIL}{{0,2}})"
    )
    for match in title_pattern.finditer(text):
        name = match.group("name")
        first = name.split()[0]
        if first.lower() in PARTICLES and len(name.split()) == 1:
            continue
        if first in PREPOSITIONS:
            continue  # "huisarts in Harderwijk", "huisarts te Gent": a place, not a name
        title = match.group("title").lower()
        subkind = "gp" if title in GP_TITLES else "person"
        spans.append(Span(match.start("name"), match.end("name"), "person", subkind,
                          surname_key(name)))
    first = re.compile(rf"\b(?P<first>{CAP})(?P<rest>{NAME_TAIL}{{0,2}})")
    for match in first.finditer(text):
        if match.group("first") not in FIRST_NAMES:
            continue
        name = match.group()
        rest = match.group("rest").split()
        if rest and not _looks_like_surname(rest):
            name = match.group("first")
        if name == match.group("first") and name in WORD_NAMES:
            continue
        spans.append(Span(match.start(), match.start() + len(name), "person", "person",
                          surname_key(name)))
    for label in speaker_names:
        speaker, gp = without_title(label)
        for match in re.finditer(rf"(?<!\w){re.escape(speaker)}(?!\w)", text):
            spans.append(Span(match.start(), match.end(), "person", "gp" if gp else "person",
                              surname_key(speaker)))
    return spans


def _looks_like_surname(words: Sequence[str]) -> bool:
    last = words[-1]
    return bool(last[:1].isupper()) and last not in PLACES


def surname_key(name: str) -> str:
    """The key that joins every form of one person's name: the surname, lowercased."""
    words = name.split()
    if words[0].lower() in PARTICLES:
        return name.lower()
    for index, word in enumerate(words):
        if index and word.lower() in PARTICLES:
            return " ".join(words[index:]).lower()
    return words[-1].lower()


def _institution_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    starts = "|".join(re.escape(word) for word in INSTITUTION_STARTS)
    for match in re.finditer(rf"\b(?P<word>{starts})(?P<name>(?:[ \t]+(?:{CAP}|'t|de|het))*"
                             rf"[ \t]+{CAP})", text):
        spans.append(Span(match.start(), match.end(), "institution",
                          INSTITUTION_STARTS[match.group("word")]))
    ends = "|".join(INSTITUTION_ENDS)
    for match in re.finditer(rf"\b(?:{CAP}[ \t]+){{1,3}}(?P<word>{ends})\b", text):
        spans.append(Span(match.start(), match.end(), "institution",
                          INSTITUTION_ENDS[match.group("word")]))
    return spans


def _place_spans(text: str, places: Iterable[str]) -> list[Span]:
    names = sorted(set(places), key=len, reverse=True)
    if not names:
        return []
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(n) for n in names)})(?![\w-])")
    return [Span(m.start(), m.end(), "place", "place") for m in pattern.finditer(text)]


def spans_in(
    text: str, *, speaker_names: Iterable[str] = (), places: Iterable[str] = PLACES,
    extra: Sequence[tuple[str, str]] = (), more: Iterable[Span] = (),
) -> list[Span]:
    """Non-overlapping findings in ``text``, in text order.

    ``more`` are spans another detector found in the same text (deduce's, for
    Dutch); a longer span wins, and on a tie the patterns' (which know titles
    such as "dokter") win.
    """
    found: list[Span] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            group = 1 if pattern.groups else 0
            start, end = match.span(group)
            value = text[start:end].rstrip()
            if kind == "phone" and sum(c.isdigit() for c in value) < 9:
                continue
            found.append(Span(start, start + len(value), kind, kind))
    found += _institution_spans(text)
    found += _person_spans(text, speaker_names)
    found += _place_spans(text, places)
    for item, kind in extra:
        for match in re.finditer(rf"(?<!\w){re.escape(item)}(?!\w)", text):
            found.append(Span(match.start(), match.end(), kind, kind,
                              surname_key(item) if kind == "person" else None))
    ranked = [(span, 0) for span in found] + [(span, 1) for span in more]
    ranked.sort(key=lambda r: (-(r[0].end - r[0].start), r[1], PRIORITY.index(r[0].kind),
                               r[0].start))
    taken: list[Span] = []
    for span, _ in ranked:
        if all(span.end <= t.start or t.end <= span.start for t in taken):
            taken.append(span)
    return sorted(taken, key=lambda s: s.start)


def propose(findings: list[Finding], language: str) -> None:
    """Give every finding its pseudonym, numbering per kind in order of first occurrence."""
    english = not language.startswith("nl")
    numbers: dict[str, int] = {}
    by_person: dict[str, str] = {}
    gp_people = {f.person for f in findings if f.person and f.subkind == "gp"}
    for finding in findings:
        subkind = finding.subkind or finding.kind
        if finding.kind == "person" and finding.person is not None:
            subkind = "gp" if finding.person in gp_people else "person"
            if finding.person in by_person:
                finding.pseudonym = by_person[finding.person]
                continue
        label = LABELS.get(subkind, LABELS.get(finding.kind, ("Item", "Item")))[int(english)]
        if subkind in NUMBERED:
            numbers[subkind] = numbers.get(subkind, 0) + 1
            finding.pseudonym = f"[{label} {numbers[subkind]}]"
        else:
            finding.pseudonym = f"[{label}]"
        if finding.kind == "person" and finding.person is not None:
            by_person[finding.person] = finding.pseudonym


def surname_form(name: str) -> str | None:
    """The surname alone as it would be written ("Van Damme" of "Nele Van Damme"), if any."""
    words = name.split()
    if len(words) < 2 or words[0] not in FIRST_NAMES:
        return None
    surname = " ".join(words[1:])
    return surname if len(surname) >= 3 else None


def without_title(label: str) -> tuple[str, bool]:
    """A speaker label without a leading title, and whether that title was a GP's."""
    words = label.split()
    gp = False
    titles = {t.rstrip(".") for t in (*GP_TITLES, *PERSON_TITLES)}
    while len(words) > 1 and words[0].lower().rstrip(".") in titles:
        gp = gp or words[0].lower().rstrip(".") in {t.rstrip(".") for t in GP_TITLES}
        words = words[1:]
    return " ".join(words), gp


def looks_like_a_name(label: str) -> bool:
    """A speaker label that is a person's name ("Dr. Nele Van Damme", "Lotte"), not a code."""
    words = [w.strip(".,:") for w in label.split()]
    if any(w in FIRST_NAMES for w in words):
        return True
    capitalised = [w for w in words if w[:1].isupper() and w.isalpha() and len(w) > 1]
    return len(capitalised) >= 2 and not any(c.isdigit() for c in label)
