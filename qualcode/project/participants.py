"""Participants: storing a participants table, renaming and merging participants.

A table's key values are matched against participant names first and then
against the speakers' labels in the transcripts (``BSR01`` in a transcript
whose participant is still called after its file; case, spaces and leading
zeros ignored, so ``HA01`` finds ``HA1:``). A label that speaks in the
documents of several participants matches none of them. A key value that matches
neither is added as a participant without documents and reported by name
(the CLI prints a warning): a participant is often known before their
interview is transcribed, but the researcher must see which rows found no
transcript. Re-importing the same table updates values in place. One
undoable change.

Renaming a participant onto a name that exists merges the two: documents
move to the surviving participant and attribute values are combined; two
different values of one attribute refuse the merge, naming both, with
nothing changed. The functions work inside a change the Project opened.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qualcode.errors import NotFoundError, QualcodeError
from qualcode.model import Attribute, Case, CaseValue, Document, Turn
from qualcode.participants import ParticipantTable
from qualcode.project.changes import ChangeSet


@dataclass(frozen=True)
class StoredParticipants:
    """What storing a table did; the service turns it into a ParticipantsReport."""

    added: int
    updated: int
    #: (key value, participant) pairs matched through a transcript's speaker label.
    by_label: tuple[tuple[str, str], ...]
    #: Key values that matched no participant and no speaker label (added anew).
    unmatched: tuple[str, ...]


def label_key(label: str) -> str:
    """How a key value and a speaker label are compared: case, spaces and leading zeros
    of numbers ignored, so the table's ``HA01`` finds the transcript's ``HA1:``."""
    return re.sub(r"\d+", lambda m: str(int(m.group())), "".join(label.split()).casefold())


def _cases_by_speaker(session: Session) -> dict[str, set[int]]:
    """Speaker label (as :func:`label_key`) -> ids of the participants of documents where
    it speaks (not as interviewer)."""
    found: dict[str, set[int]] = defaultdict(set)
    rows = session.execute(
        select(Turn.speaker, Document.case_id)
        .join(Document, Turn.document_id == Document.id)
        .where(Turn.role != "interviewer", Document.case_id.is_not(None))
        .distinct()
    )
    for speaker, case_id in rows:
        if case_id is not None:
            found[label_key(speaker)].add(case_id)
    return found


def store_participants(changes: ChangeSet, table: ParticipantTable) -> StoredParticipants:
    """Write the table's attributes and values in the open change."""
    added = updated = 0
    by_label: list[tuple[str, str]] = []
    unmatched: list[str] = []
    session = changes.session
    attributes: dict[str, Attribute] = {
        a.name: a for a in session.scalars(select(Attribute))
    }
    order = session.scalar(select(func.max(Attribute.sort_order))) or 0
    for name, kind in table.attributes:
        attribute = attributes.get(name)
        if attribute is None:
            order += 1
            attributes[name] = changes.add(Attribute(name=name, type=kind, sort_order=order))
        elif attribute.type != kind:
            changes.update(attribute, type=kind)
    speakers = _cases_by_speaker(session)
    claimed: dict[int, str] = {}
    for case_name, values in table.rows:
        case = session.scalar(select(Case).where(Case.name == case_name))
        matches = speakers.get(label_key(case_name), set())
        if case is None and len(matches) == 1:
            case = session.get(Case, next(iter(matches)))
            if case is not None:
                by_label.append((case_name, case.name))
        if case is not None and case.id in claimed:
            raise QualcodeError(
                f"{table.source}: rows {claimed[case.id]!r} and {case_name!r} both match "
                f"participant {case.name!r}"
            )
        if case is None:
            case = changes.add(Case(name=case_name))
            unmatched.append(case_name)
            added += 1
        else:
            updated += 1
        claimed[case.id] = case_name
        for attribute_name, value in values.items():
            attribute = attributes[attribute_name]
            current = session.get(CaseValue, (case.id, attribute.id))
            if current is None:
                changes.add(CaseValue(case_id=case.id, attribute_id=attribute.id, value=value))
            elif current.value != value:
                changes.update(current, value=value)
    return StoredParticipants(added, updated, tuple(by_label), tuple(unmatched))


def check_case_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise QualcodeError("participant name: the new name is empty")
    if len(name) > 200:
        raise QualcodeError(f"participant name {name[:40]!r}...: at most 200 characters")
    return name


def _case(session: Session, name: str) -> Case:
    row = session.scalar(select(Case).where(Case.name == name))
    if row is None:
        raise NotFoundError(f"participant {name!r}: no such participant in the project")
    return row


def rename_case(changes: ChangeSet, old: str, new: str) -> str:
    """Rename a participant, or merge it into ``new`` if that exists; "renamed"/"merged"."""
    session = changes.session
    row = _case(session, old)
    if row.name == new:
        raise QualcodeError(f"participant {old!r}: already has that name")
    survivor = session.scalar(select(Case).where(Case.name == new))
    if survivor is None:
        changes.update(row, name=new)
        return "renamed"
    _merge_cases(changes, row, survivor)
    changes.summary = f"merge participant {old} into {new}"
    return "merged"


def _merge_cases(changes: ChangeSet, gone: Case, survivor: Case) -> None:
    session = changes.session
    names = {a.id: a.name for a in session.scalars(select(Attribute))}
    kept = {v.attribute_id: v for v in session.scalars(
        select(CaseValue).where(CaseValue.case_id == survivor.id))}
    moving = list(session.scalars(select(CaseValue).where(CaseValue.case_id == gone.id)))
    for value in moving:
        other = kept.get(value.attribute_id)
        if other is not None and other.value not in (None, "") \
                and value.value not in (None, "") and other.value != value.value:
            raise QualcodeError(
                f"participant {gone.name!r}: cannot merge into {survivor.name!r}: "
                f"{names[value.attribute_id]} is {value.value!r} for {gone.name!r} and "
                f"{other.value!r} for {survivor.name!r}; make them equal first"
            )
    for value in moving:
        other = kept.get(value.attribute_id)
        if other is None:
            changes.add(CaseValue(case_id=survivor.id, attribute_id=value.attribute_id,
                                  value=value.value))
        elif other.value in (None, "") and value.value not in (None, ""):
            changes.update(other, value=value.value)
        changes.delete(value)
    for document in session.scalars(select(Document).where(Document.case_id == gone.id)):
        changes.update(document, case_id=survivor.id)
    if gone.description and not survivor.description:
        changes.update(survivor, description=gone.description)
    changes.delete(gone)
