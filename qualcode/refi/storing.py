"""Writing a read ``.qdpx`` into a project: one transaction, all or nothing.

The Project service has one transaction per document, codebook or batch of
codings; a REFI import must not stop half-way (a failure would leave some
documents without their codings), so everything is written here in one
``project.change`` with the rows added directly (core code). Like transcript
imports it is logged, not undoable: a wrong import is deleted.

Matching with what the project already holds: codes by GUID then path
(as ``merge_codebook``), coders by GUID then name, variables and cases by
GUID then name; a document whose GUID is already there is not imported
twice, and a coding whose GUID is already there is skipped.
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select

from qualcode.model import (
    Attribute,
    Case,
    CaseValue,
    Code,
    Coder,
    Coding,
    Document,
    Memo,
    Sentence,
    Turn,
    new_guid,
)
from qualcode.project.codetree import code_tree, next_sort_order
from qualcode.refi.plan import PlannedSource, selection_label
from qualcode.refi.reading import CodingIn, ProjectIn
from qualcode.refi.report import RefiReport

if TYPE_CHECKING:
    from qualcode.project import Project

WORD = re.compile(r"\w+")
KINDS = {"Integer": "number", "Float": "number", "Date": "date"}


def _free(session: Any, model: Any, guid: str) -> bool:
    return bool(guid) and session.scalar(select(model.id).where(model.guid == guid)) is None


class Writer:
    def __init__(self, project: Project, parsed: ProjectIn, report: RefiReport, session: Any):
        self.project, self.parsed, self.report, self.session = project, parsed, report, session
        self.coders: dict[str, int] = {}
        self.codes: dict[str, int] = {}
        self.used_notes: set[str] = set()
        self.memo_guids: set[str] = set(session.scalars(select(Memo.guid)))

    # -- people and codes -------------------------------------------------

    def users(self) -> None:
        session = self.session
        for guid, name in self.parsed.users.items():
            name = name or f"user {guid[:8]}"
            row = session.scalar(select(Coder).where(Coder.guid == guid)) or session.scalar(
                select(Coder).where(Coder.name == name)
            )
            if row is None:
                row = Coder(name=name)
                if _free(session, Coder, guid):
                    row.guid = guid
                session.add(row)
                session.flush()
                self.report.count(self.report.imported, "users")
            self.coders[guid] = row.id

    def coder_for(self, guid: str | None) -> int:
        if guid and guid in self.coders:
            return self.coders[guid]
        key = f"(default:{self.project.coder})"
        if key not in self.coders:
            self.coders[key] = self.project.coder_id(self.session)
        return self.coders[key]

    def codebook(self) -> None:
        read = self.parsed.codebook
        if read is None:
            return
        session = self.session
        ids_by_path = {c.path: c.id for c in code_tree(session)}
        by_guid = {c.guid: c for c in session.scalars(select(Code))}
        for path, item in read.spec.walk():
            existing = by_guid.get(item.guid) if item.guid else None
            if existing is None and path in ids_by_path:
                existing = session.get(Code, ids_by_path[path])
            fields = {
                name: getattr(item, name)
                for name in ("description", "inclusion", "exclusion", "example", "color")
                if getattr(item, name) not in (None, "")
            }
            if existing is not None:
                for key, value in fields.items():
                    setattr(existing, key, value)
                code_id = existing.id
            else:
                parent_id = ids_by_path.get(path[:-1]) if len(path) > 1 else None
                code = Code(
                    parent_id=parent_id, name=path[-1],
                    sort_order=next_sort_order(session, parent_id), **fields,
                )
                if item.guid and item.guid not in by_guid:
                    code.guid = item.guid
                session.add(code)
                session.flush()
                code_id = code.id
                self.report.count(self.report.imported, "codes")
            ids_by_path[path] = code_id
            if item.guid:
                self.codes[item.guid] = code_id

    # -- participants -----------------------------------------------------

    def variables_and_cases(self) -> dict[str, int]:
        from qualcode.participants import infer_type

        session = self.session
        values_of: dict[str, list[str]] = {}
        for case in self.parsed.cases:
            for ref, value in case.values:
                values_of.setdefault(ref, []).append(value or "")
        attributes: dict[str, int] = {}
        order = session.scalar(select(func.max(Attribute.sort_order))) or 0
        for guid, (name, kind) in self.parsed.variables.items():
            ours = KINDS.get(kind) or (
                infer_type(values_of.get(guid, [])) if kind == "Text" else "text"
            )
            row = session.scalar(select(Attribute).where(Attribute.guid == guid)) or \
                session.scalar(select(Attribute).where(Attribute.name == name))
            if row is None:
                order += 1
                row = Attribute(name=name or f"variable {guid[:8]}", type=ours, sort_order=order)
                if _free(session, Attribute, guid):
                    row.guid = guid
                session.add(row)
                session.flush()
                self.report.count(self.report.imported, "variables")
            attributes[guid] = row.id
        case_of_source: dict[str, int] = {}
        for case in self.parsed.cases:
            name = case.name or f"case {case.guid[:8]}"
            row = session.scalar(select(Case).where(Case.guid == case.guid)) or \
                session.scalar(select(Case).where(Case.name == name))
            if row is None:
                row = Case(name=name, description=case.description)
                if _free(session, Case, case.guid):
                    row.guid = case.guid
                session.add(row)
                session.flush()
                self.report.count(self.report.imported, "cases")
            for ref, value in case.values:
                if ref not in attributes:
                    self.report.skip("variables", f"{ref} of case {name!r}", "unknown variable")
                    continue
                attribute_id = attributes[ref]
                current = session.get(CaseValue, (row.id, attribute_id))
                if current is None:
                    session.add(CaseValue(case_id=row.id, attribute_id=attribute_id, value=value))
                else:
                    current.value = value
            for source in case.sources:
                case_of_source.setdefault(source, row.id)
        session.flush()
        return case_of_source

    # -- sources, codings, notes -------------------------------------------

    def document(
        self, plan: PlannedSource, case_of_source: dict[str, int], order: int
    ) -> int | None:
        session, source = self.session, plan.source
        existing = session.scalar(select(Document).where(Document.guid == source.guid))
        if existing is not None:
            if existing.text != plan.text:
                self.report.skip("sources", repr(source.name),
                                 f"a different document with its GUID ({existing.name!r}) exists")
                return None
            self.report.notes.append(f"source {source.name!r} is already in the project")
            return existing.id
        name = (source.name or f"source {source.guid[:8]}")[:200]
        base, counter = name, 1
        while session.scalar(select(Document.id).where(Document.name == name)) is not None:
            counter += 1
            name = f"{base} ({counter})"
        if name != base:
            self.report.notes.append(f"source {base!r} imported as {name!r} (name taken)")
        case_id = case_of_source.get(source.guid)
        if case_id is None:
            case = session.scalar(select(Case).where(Case.name == name))
            if case is None:
                case = Case(name=name)
                session.add(case)
                session.flush()
            case_id = case.id
        document = Document(
            name=name, case_id=case_id, text=plan.text,
            sha256=hashlib.sha256(plan.text.encode("utf-8")).hexdigest(),
            source_name=source.name or name, format="txt", encoding="utf-8",
            removed_controls=plan.removed, word_count=len(WORD.findall(plan.text)),
            interview_order=order,
        )
        if _free(session, Document, source.guid):
            document.guid = source.guid
        session.add(document)
        session.flush()
        if plan.turns:
            session.execute(insert(Turn), [
                {"document_id": document.id, "speaker": t.speaker, "role": t.role,
                 "start": t.start, "end": t.end, "timestamp": t.timestamp} for t in plan.turns
            ])
        if plan.sentences:
            session.execute(insert(Sentence), [
                {"document_id": document.id, "start": s, "end": e} for s, e in plan.sentences
            ])
        self.report.count(self.report.imported, "sources")
        return document.id

    def note_text(self, refs: list[str]) -> str:
        texts = []
        for ref in refs:
            note = self.parsed.notes.get(ref)
            if note is not None and note.text.strip():
                texts.append(note.text.strip())
                self.used_notes.add(ref)
        return "\n\n".join(texts)

    def coding_rows(self, document_id: int, start: int, end: int, codings: list[CodingIn],
                    label: str, taken: set[str]) -> list[dict[str, Any]]:
        rows = []
        for coding in codings:
            code_id = self.codes.get(coding.code)
            if code_id is None:
                self.report.skip("codings", label, f"unknown code {coding.code}")
                continue
            if coding.guid in taken:
                self.report.skip("codings", label, "already in the project")
                continue
            row = {
                "document_id": document_id, "code_id": code_id,
                "coder_id": self.coder_for(coding.user), "start": start, "end": end,
                "memo": self.note_text(coding.notes),
            }
            row["guid"] = coding.guid or new_guid()
            taken.add(row["guid"])
            rows.append(row)
        return rows

    def memo(self, note_guid: str, **where: Any) -> None:
        note = self.parsed.notes.get(note_guid)
        if note is None:
            self.report.skip("notes", note_guid, "referenced but not in <Notes>")
            return
        self.used_notes.add(note_guid)
        author = self.parsed.users.get(note.user or "", "") if note.user else ""
        memo = Memo(author=author, title=note.name[:200], text=note.text, **where)
        if note_guid not in self.memo_guids:
            memo.guid = note_guid
            self.memo_guids.add(note_guid)
        self.session.add(memo)
        self.report.count(self.report.imported, "notes")


def write_project(project: Project, parsed: ProjectIn, plans: list[PlannedSource],
                  report: RefiReport) -> None:
    summary = f"import {parsed.path}"
    with project.change("import-refi", summary, undoable=False) as changes:
        session = changes.session
        writer = Writer(project, parsed, report, session)
        writer.users()
        writer.codebook()
        case_of_source = writer.variables_and_cases()
        order = project.next_interview_order(session)
        taken: set[str] = set(session.scalars(select(Coding.guid)))
        rows: list[dict[str, Any]] = []
        for plan in plans:
            document_id = writer.document(plan, case_of_source, order)
            if document_id is None:
                continue
            order += 1
            name = plan.source.name
            for planned in plan.selections:
                selection = planned.selection
                label = selection_label(selection, name)
                new = writer.coding_rows(document_id, planned.start, planned.end,
                                         selection.codings, label, taken)
                rows.extend(new)
                report.count(report.imported, "selections")
                for note in selection.notes:
                    writer.memo(note, document_id=document_id, start=planned.start,
                                end=planned.end)
            if plan.whole:
                rows.extend(writer.coding_rows(document_id, 0, len(plan.text), plan.whole,
                                               f"whole source {name!r}", taken))
            for note in plan.source.notes:
                writer.memo(note, document_id=document_id)
        if rows:
            session.execute(insert(Coding), rows)
        report.count(report.imported, "codings", len(rows))
        for code_guid, notes in parsed.code_notes.items():
            for note in notes:
                writer.memo(note, code_id=writer.codes.get(code_guid))
        for note in parsed.project_notes:
            writer.memo(note)
        for guid in parsed.notes:
            if guid not in writer.used_notes:
                writer.memo(guid)
        changes.summary += f" ({report.imported.get('sources', 0)} sources, {len(rows)} codings)"
