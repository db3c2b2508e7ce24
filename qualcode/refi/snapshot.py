"""What a REFI-QDA export (``.qdpx``/``.qdc``) needs from a project, read in one go.

Read with plain row tuples (not ORM objects) in one read transaction: a
200-interview project with 50,000 codings must export in seconds, and the
writer then works on detached values only. This is core code, so it reads
the store's tables directly rather than through per-item service calls.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from qualcode.model import Attribute, Case, CaseValue, Coder, Coding, Document, Event, Memo
from qualcode.project.codetree import code_tree
from qualcode.project.values import CodeInfo

if TYPE_CHECKING:
    from qualcode.project import Project

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INTEGER = re.compile(r"^[+-]?\d+$")


@dataclass(frozen=True)
class DocumentOut:
    id: int
    guid: str
    name: str
    text: str
    imported_at: datetime | None


@dataclass(frozen=True)
class CodingOut:
    guid: str
    start: int
    end: int
    code_id: int
    coder_id: int
    created_at: datetime | None
    memo: str


@dataclass(frozen=True)
class MemoOut:
    guid: str
    document_id: int | None
    code_id: int | None
    start: int | None
    end: int | None
    author: str
    title: str
    text: str
    created_at: datetime | None


@dataclass(frozen=True)
class AttributeOut:
    """A participant attribute as a REFI variable: ``kind`` is the REFI type."""

    id: int
    guid: str
    name: str
    kind: str
    value_tag: str


@dataclass(frozen=True)
class CaseOut:
    guid: str
    name: str
    description: str
    values: dict[int, str | None]
    document_guids: tuple[str, ...]


@dataclass
class RefiSnapshot:
    """The project as a REFI-QDA file holds it: GUIDs, users, whole texts, raw codings.

    Unlike the analysis :class:`~qualcode.analysis.snapshot.StudySnapshot` or the
    workbook's :class:`~qualcode.export.gather.ExportData`, it keeps every GUID and
    timestamp, since another QDA program must be able to recognise each item.
    """

    name: str
    created: datetime | None = None
    users: list[tuple[str, str]] = field(default_factory=list)
    coder_guids: dict[int, str] = field(default_factory=dict)
    author_guids: dict[str, str] = field(default_factory=dict)
    codes: list[CodeInfo] = field(default_factory=list)
    code_guids: dict[int, str] = field(default_factory=dict)
    folder_codes: set[int] = field(default_factory=set)
    attributes: list[AttributeOut] = field(default_factory=list)
    cases: list[CaseOut] = field(default_factory=list)
    documents: list[DocumentOut] = field(default_factory=list)
    codings: dict[int, list[CodingOut]] = field(default_factory=dict)
    coding_memos: list[CodingOut] = field(default_factory=list)
    memos: list[MemoOut] = field(default_factory=list)
    span_memos: dict[int, list[MemoOut]] = field(default_factory=dict)
    document_memos: dict[int, list[MemoOut]] = field(default_factory=dict)
    code_memos: dict[int, list[MemoOut]] = field(default_factory=dict)
    project_memos: list[MemoOut] = field(default_factory=list)


def refi_variable(kind: str, values: list[str]) -> tuple[str, str]:
    """The REFI type and value element for a qualcode attribute type.

    Numbers become Integer when every value is whole, else Float; dates
    become Date when every value is ISO (``2025-03-01``); durations and
    anything else are Text, written as stored.
    """
    present = [v for v in values if v not in (None, "")]
    if kind == "number":
        if all(INTEGER.match(v.strip()) for v in present):
            return "Integer", "IntegerValue"
        return "Float", "FloatValue"
    if kind == "date" and all(ISO_DATE.match(v.strip()) for v in present):
        return "Date", "DateValue"
    return "Text", "TextValue"


def _written(kind: str, value: str | None) -> str | None:
    if value in (None, ""):
        return None
    assert value is not None
    value = value.strip()
    if kind == "Float":
        return value.replace(",", ".")
    if kind == "Integer":
        return str(int(value))
    return value


def read_refi_snapshot(project: Project, *, codebook_only: bool = False) -> RefiSnapshot:
    from qualcode.refi.xml import derived_guid

    with project.read() as session:
        data = RefiSnapshot(name=project.name)
        data.created = session.scalar(select(func.min(Event.at)))
        data.codes = code_tree(session)
        data.code_guids = {code.id: code.guid for code in data.codes}
        coded = set(session.scalars(select(Coding.code_id).distinct()))
        parents = {code.parent_id for code in data.codes if code.parent_id is not None}
        data.folder_codes = {c.id for c in data.codes if c.id in parents and c.id not in coded}
        if codebook_only:
            return data

        for coder_id, guid, name in session.execute(
            select(Coder.id, Coder.guid, Coder.name).order_by(Coder.name)
        ):
            data.coder_guids[coder_id] = guid
            data.author_guids[name] = guid
            data.users.append((guid, name))

        for row in session.execute(
            select(
                Memo.guid, Memo.document_id, Memo.code_id, Memo.start, Memo.end,
                Memo.author, Memo.title, Memo.text, Memo.created_at,
            ).order_by(Memo.id)
        ):
            memo = MemoOut(*row)
            data.memos.append(memo)
            if memo.author and memo.author not in data.author_guids:
                guid = derived_guid("user", memo.author)
                data.author_guids[memo.author] = guid
                data.users.append((guid, memo.author))
            if memo.document_id is not None and memo.start is not None and memo.end is not None \
                    and memo.end > memo.start:
                data.span_memos.setdefault(memo.document_id, []).append(memo)
            elif memo.document_id is not None:
                data.document_memos.setdefault(memo.document_id, []).append(memo)
            elif memo.code_id is not None:
                data.code_memos.setdefault(memo.code_id, []).append(memo)
            else:
                data.project_memos.append(memo)

        raw_values: dict[int, dict[int, str | None]] = defaultdict(dict)
        for case_id, attribute_id, value in session.execute(
            select(CaseValue.case_id, CaseValue.attribute_id, CaseValue.value)
        ):
            raw_values[case_id][attribute_id] = value
        by_attribute: dict[int, list[str]] = defaultdict(list)
        for values in raw_values.values():
            for attribute_id, value in values.items():
                if value not in (None, ""):
                    by_attribute[attribute_id].append(value)
        for attribute_id, guid, name, kind in session.execute(
            select(Attribute.id, Attribute.guid, Attribute.name, Attribute.type).order_by(
                Attribute.sort_order, Attribute.id
            )
        ):
            refi_kind, tag = refi_variable(kind, by_attribute[attribute_id])
            data.attributes.append(AttributeOut(attribute_id, guid, name, refi_kind, tag))
        kinds = {a.id: a.kind for a in data.attributes}

        documents_by_case: dict[int, list[str]] = defaultdict(list)
        for document_id, guid, name, text, imported_at, of_case in session.execute(
            select(Document.id, Document.guid, Document.name, Document.text,
                   Document.imported_at, Document.case_id)
            .order_by(Document.interview_order, Document.id)
        ):
            data.documents.append(DocumentOut(document_id, guid, name, text, imported_at))
            if of_case is not None:
                documents_by_case[of_case].append(guid)
        for case_id, guid, name, description in session.execute(
            select(Case.id, Case.guid, Case.name, Case.description).order_by(Case.name)
        ):
            values = {
                attribute_id: _written(kinds[attribute_id], value)
                for attribute_id, value in raw_values[case_id].items()
            }
            data.cases.append(
                CaseOut(guid, name, description or "", values,
                        tuple(documents_by_case.get(case_id, [])))
            )

        for (document_id, guid, start, end, code_id, coder_id, created_at,
             memo_text) in session.execute(
            select(Coding.document_id, Coding.guid, Coding.start, Coding.end, Coding.code_id,
                   Coding.coder_id, Coding.created_at, Coding.memo)
            .order_by(Coding.document_id, Coding.start, Coding.end, Coding.id)
        ):
            coding = CodingOut(guid, start, end, code_id, coder_id, created_at, memo_text)
            data.codings.setdefault(document_id, []).append(coding)
            if coding.memo:
                data.coding_memos.append(coding)
    return data
