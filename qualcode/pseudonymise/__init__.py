"""Pseudonymisation: find identifying details, review them, replace them everywhere, one way.

:func:`detect` proposes findings (text, kind, count, pseudonym); the user
reviews them (TUI) or edits the CSV (CLI); :func:`apply_mapping` replaces
every occurrence in every document and wherever else the project keeps text,
re-anchors codings, turns and sentences on the same words, empties the undo
history, and leaves no copy of an original in the project's files.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.errors import IngestError, QualcodeError
from qualcode.pseudonymise.detect import (
    KINDS,
    Finding,
    looks_like_a_name,
    propose,
    spans_in,
    surname_form,
)
from qualcode.pseudonymise.dutch import dutch_spans, looks_dutch

if TYPE_CHECKING:
    from qualcode.project import Project

__all__ = ["KINDS", "Finding", "detect", "occurrence_pattern", "read_mapping", "write_key"]


def occurrence_pattern(texts: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for all ``texts`` as whole words, the longest text first at each place."""
    items = sorted({t for t in texts if t.strip()}, key=len, reverse=True)
    if not items:
        return None
    return re.compile(r"(?<![\w@.-])(?:" + "|".join(re.escape(t) for t in items) + r")(?![\w@-])")


def detect(project: Project, extra: Sequence[tuple[str, str]] = ()) -> list[Finding]:
    """Findings across every document, in order of first occurrence, with pseudonyms."""
    for _, kind in extra:
        if kind not in KINDS:
            raise QualcodeError(f"kind {kind!r}: use one of {', '.join(KINDS)}")
    documents = [project.document_text(d.name) for d in project.documents()]
    speakers = {
        turn.speaker for document in documents for turn in document.turns
        if looks_like_a_name(turn.speaker)
    }
    dutch = project.language.startswith("nl")
    findings: dict[str, Finding] = {}
    for document in documents:
        more = dutch_spans(document.text) if dutch and looks_dutch(document.text) else ()
        for span in spans_in(document.text, speaker_names=speakers, extra=extra, more=more):
            text = document.text[span.start:span.end]
            finding = findings.get(text)
            if finding is None:
                finding = findings[text] = Finding(text, span.kind, subkind=span.subkind,
                                                   person=span.person)
            elif span.subkind == "gp":
                finding.subkind = "gp"
            surname = surname_form(text) if span.kind == "person" else None
            if surname and surname not in findings:
                findings[surname] = Finding(surname, "person", subkind=span.subkind,
                                            person=span.person)
    ordered = list(findings.values())
    join_first_names(ordered)
    count_occurrences(project, ordered, documents)
    ordered = [f for f in ordered if f.count]
    propose(ordered, project.language)
    return ordered


def join_first_names(findings: list[Finding]) -> None:
    """A first name alone belongs to the one person of that first name, when there is one."""
    people: dict[str, set[str]] = {}
    for finding in findings:
        words = finding.text.split()
        if finding.kind == "person" and len(words) > 1 and finding.person:
            people.setdefault(words[0], set()).add(finding.person)
    for finding in findings:
        if finding.kind == "person" and " " not in finding.text:
            owners = people.get(finding.text, set())
            if len(owners) == 1:
                finding.person = next(iter(owners))


def count_occurrences(project: Project, findings: list[Finding], documents: Sequence) -> None:
    by_text = {f.text: f for f in findings}
    pattern = occurrence_pattern(by_text)
    if pattern is None:
        return
    for document in documents:
        for match in pattern.finditer(document.text):
            finding = by_text[match.group()]
            finding.count += 1
            finding.occurrences.append((document.name, match.start(), match.end()))


def read_mapping(path: str | os.PathLike[str]) -> list[tuple[str, str]]:
    """(text, pseudonym) pairs from a CSV with columns ``text`` and ``pseudonym``."""
    path = Path(path)
    if not path.is_file():
        raise IngestError(path, "no such file")
    try:
        content = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise IngestError(path, "not UTF-8 text") from None
    reader = csv.DictReader(content.splitlines())
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in ("text", "pseudonym") if name not in header]
    if missing:
        raise IngestError(path, f"missing column(s) {', '.join(missing)} in the header")
    pairs: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    for number, row in enumerate(reader, start=2):
        row = {(k or "").strip(): v for k, v in row.items()}
        text, pseudonym = (row.get("text") or "").strip(), (row.get("pseudonym") or "").strip()
        if not text and not pseudonym:
            continue
        if not text:
            raise IngestError(path, f"line {number}: the text to replace is empty")
        if not pseudonym:
            raise IngestError(path, f"line {number}: no pseudonym for {text!r}")
        if text in seen and seen[text] != pseudonym:
            raise IngestError(path, f"line {number}: {text!r} has two pseudonyms")
        if text in pseudonym:
            raise IngestError(path, f"line {number}: the pseudonym of {text!r} contains it")
        seen[text] = pseudonym
        pairs.append((text, pseudonym))
    if not pairs:
        raise IngestError(path, "no rows to apply")
    return pairs


def write_key(path: str | os.PathLike[str], pairs: Sequence[tuple[str, str]]) -> None:
    """The key (original -> pseudonym), owner-only, atomically; never inside the project."""
    from qualcode.export.safety import atomic_output, csv_value

    with atomic_output(path) as temporary, open(
        temporary, "w", encoding="utf-8-sig", newline=""
    ) as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "pseudonym"])
        for text, pseudonym in pairs:
            writer.writerow([csv_value(text), csv_value(pseudonym)])
    os.chmod(path, 0o600)
