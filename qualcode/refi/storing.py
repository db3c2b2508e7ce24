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

import functools
import hashlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select, update

from qualcode.analysis.saturation_text import plural
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
    table_of,
    utcnow,
)
from qualcode.project.codetree import code_tree, next_sort_order
from qualcode.refi.plan import PlannedSource, selection_label
from qualcode.refi.reading import CodingIn, ProjectIn
from qualcode.refi.report import RefiReport
from qualcode.words import count_words

if TYPE_CHECKING:
    from qualcode.project import Project

TURN_COLUMNS = ("document_id", "speaker", "role", "start", "end", "timestamp", "time")
CODING_COLUMNS = ("guid", "document_id", "code_id", "coder_id", "start", "end", "memo",
                  "created_at")
SENTENCE_COLUMNS = ("document_id", "start", "end")
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
        # what the project holds, looked up here instead of one query per source
        self.case_by_guid: dict[str, int] = dict(session.execute(select(Case.guid, Case.id)).all())
        self.case_by_name: dict[str, int] = dict(session.execute(select(Case.name, Case.id)).all())
        self.document_by_guid: dict[str, int] = dict(
            session.execute(select(Document.guid, Document.id)).all()
        )
        self.document_names: set[str] = set(session.scalars(select(Document.name)))
        self.turn_rows: list[tuple[Any, ...]] = []
        self.coding_rows: list[tuple[Any, ...]] = []
        self.created_at = utcnow()
        self.inserted: set[int] = set()

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
            case_id = self.case_by_guid.get(case.guid) or self.case_by_name.get(name)
            if case_id is None:
                case_id = self.new_case(name, case.guid, case.description)
                self.report.count(self.report.imported, "cases")
            for ref, value in case.values:
                if ref not in attributes:
                    self.report.skip("variables", f"{ref} of case {name!r}", "unknown variable")
                    continue
                attribute_id = attributes[ref]
                current = session.get(CaseValue, (case_id, attribute_id))
                if current is None:
                    session.add(CaseValue(case_id=case_id, attribute_id=attribute_id, value=value))
                else:
                    current.value = value
            for source in case.sources:
                case_of_source.setdefault(source, case_id)
        session.flush()
        return case_of_source

    def new_case(self, name: str, guid: str = "", description: str = "") -> int:
        """Insert a case (keeping ``guid`` when no case has it yet); its id."""
        guid = guid if guid and guid not in self.case_by_guid else new_guid()
        case_id: int = self.session.execute(
            insert(table_of(Case)).values(guid=guid, name=name, description=description)
        ).inserted_primary_key[0]
        self.case_by_guid[guid] = case_id
        self.case_by_name.setdefault(name, case_id)
        return case_id

    # -- sources, codings, notes -------------------------------------------

    def document(
        self, plan: PlannedSource, case_of_source: dict[str, int], order: int
    ) -> int | None:
        """Insert one source as a document with its turns (sentences come later); its id."""
        session, source = self.session, plan.source
        existing = self.document_by_guid.get(source.guid)
        if existing is not None:
            name, text = session.execute(
                select(Document.name, Document.text).where(Document.id == existing)
            ).one()
            if text != plan.text:
                self.report.skip("sources", repr(source.name),
                                 f"a different document with its GUID ({name!r}) exists")
                return None
            self.report.notes.append(f"source {source.name!r} is already in the project")
            return existing
        name = (source.name or f"source {source.guid[:8]}")[:200]
        base, counter = name, 1
        while name in self.document_names:
            counter += 1
            name = f"{base} ({counter})"
        if name != base:
            self.report.notes.append(f"source {base!r} imported as {name!r} (name taken)")
        case_id = case_of_source.get(source.guid)
        if case_id is None:
            case_id = self.case_by_name.get(name) or self.new_case(name)
        guid = source.guid if source.guid and source.guid not in self.document_by_guid \
            else new_guid()
        document_id: int = session.execute(insert(table_of(Document)).values(
            guid=guid, name=name, case_id=case_id, text=plan.text,
            sha256=hashlib.sha256(plan.text.encode("utf-8")).hexdigest(),
            source_name=source.name or name, format="txt", encoding="utf-8",
            removed_controls=plan.removed, word_count=count_words(plan.text),
            interview_order=order,
        )).inserted_primary_key[0]
        self.document_by_guid[guid] = document_id
        self.inserted.add(document_id)
        self.document_names.add(name)
        self.turn_rows.extend(
            (document_id, t.speaker, t.role, t.start, t.end, t.timestamp, t.time)
            for t in plan.turns
        )
        self.report.count(self.report.imported, "sources")
        return document_id

    def note_text(self, refs: list[str]) -> str:
        texts = []
        for ref in refs:
            note = self.parsed.notes.get(ref)
            if note is not None and note.text.strip():
                texts.append(note.text.strip())
                if ref not in self.used_notes:
                    self.report.count(self.report.imported, "notes")  # as a coding memo
                self.used_notes.add(ref)
        return "\n\n".join(texts)

    def codings(self, document_id: int, start: int, end: int, codings: list[CodingIn],
                label: Callable[[], str], taken: set[str]) -> int:
        """Queue the codings of one selection as rows; how many. ``label`` names it in a skip."""
        queued = 0
        for coding in codings:
            code_id = self.codes.get(coding.code)
            if code_id is None:
                self.report.skip("codings", label(), f"unknown code {coding.code}")
                continue
            if coding.guid in taken:
                self.report.skip("codings", label(), "already in the project")
                continue
            guid = coding.guid or new_guid()
            taken.add(guid)
            self.coding_rows.append((
                guid, document_id, code_id, self.coder_for(coding.user), start, end,
                self.note_text(coding.notes) if coding.notes else "", self.created_at,
            ))
            queued += 1
        return queued

    def memo(self, note_guid: str, **where: Any) -> None:
        note = self.parsed.notes.get(note_guid)
        if note_guid in self.parsed.unread_notes:
            return  # its text file was not read; the report says why
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


def write_project(
    project: Project,
    parsed: ProjectIn,
    plans: list[PlannedSource],
    report: RefiReport,
    sentences: Callable[[], Sequence[Sequence[tuple[int, int]]]] | None = None,
) -> None:
    """Write everything in one transaction; a failure leaves the project unchanged.

    ``sentences``, if given, returns each plan's sentences (in plan order)
    and is called last, so sentence splitting running in another process
    overlaps with writing everything else; otherwise ``plan.sentences`` is used.
    """
    summary = f"import {parsed.path}"
    with project.change("import-refi", summary, undoable=False) as changes:
        session = changes.session
        writer = Writer(project, parsed, report, session)
        writer.users()
        writer.codebook()
        case_of_source = writer.variables_and_cases()
        order = project.next_interview_order(session)
        taken: set[str] = set(session.scalars(select(Coding.guid)))
        new_documents: list[tuple[int, int]] = []
        for index, plan in enumerate(plans):
            document_id = writer.document(plan, case_of_source, order)
            if document_id is None:
                continue
            if document_id in writer.inserted:
                new_documents.append((index, document_id))
            order += 1
            name = plan.source.name
            if plan.selections:
                report.count(report.imported, "selections", len(plan.selections))
            for planned in plan.selections:
                selection = planned.selection
                writer.codings(
                    document_id, planned.start, planned.end, selection.codings,
                    functools.partial(selection_label, selection, name), taken,
                )
                for note in selection.notes:
                    writer.memo(note, document_id=document_id, start=planned.start,
                                end=planned.end)
            if plan.whole:
                writer.codings(document_id, 0, len(plan.text), plan.whole,
                               functools.partial(str, f"whole source {name!r}"), taken)
            for note in plan.source.notes:
                writer.memo(note, document_id=document_id)
        insert_rows(session, Turn, TURN_COLUMNS, writer.turn_rows)
        insert_rows(session, Coding, CODING_COLUMNS, writer.coding_rows)
        codings = len(writer.coding_rows)
        report.count(report.imported, "codings", codings)
        mark_coded_sources_in_progress(session, writer, report)
        for code_guid, notes in parsed.code_notes.items():
            for note in notes:
                writer.memo(note, code_id=writer.codes.get(code_guid))
        for note in parsed.project_notes:
            writer.memo(note)
        for guid in parsed.notes:
            if guid not in writer.used_notes:
                writer.memo(guid)
        session.flush()
        split = sentences() if sentences is not None else [plan.sentences for plan in plans]
        insert_rows(session, Sentence, SENTENCE_COLUMNS, [
            (document_id, start, end)
            for index, document_id in new_documents
            for start, end in split[index]
        ])
        changes.summary += f" ({report.imported.get('sources', 0)} sources, {codings} codings)"


def mark_coded_sources_in_progress(session: Any, writer: Writer, report: RefiReport) -> None:
    """New documents that arrive with codings are ``in-progress``, not ``not-started``.

    REFI-QDA has no coding status, so whether another tool's coding of a
    document is finished is the researcher's call: saturation counts only
    documents marked ``coded``, and the report says how to mark them.
    """
    coded = sorted({row[1] for row in writer.coding_rows} & writer.inserted)
    if not coded:
        return
    session.execute(update(Document).where(Document.id.in_(coded)).values(status="in-progress"))
    report.notes.append(
        f"{plural(len(coded), 'imported document')} with codings marked "
        "in-progress; mark those whose coding is finished as coded ('qualcode status P DOC... "
        "--set coded', or c on the project screen): saturation counts only coded interviews"
    )


def insert_rows(session: Any, model: Any, columns: tuple[str, ...],
                rows: list[tuple[Any, ...]]) -> None:
    """Insert many rows in one statement; on SQLite straight to the driver.

    Tens of thousands of codings and sentences are usual; SQLAlchemy's
    per-row parameter processing would cost more than SQLite's own work.
    Only the columns' own conversions (times to text) are applied here.
    """
    if not rows:
        return
    table = table_of(model)
    dialect = session.get_bind().dialect
    if dialect.name != "sqlite":
        session.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
        return
    for index, name in enumerate(columns):
        convert = table.c[name].type.bind_processor(dialect)
        if convert is not None:
            done: dict[Any, Any] = {}
            rows = [
                (*row[:index],
                 done[row[index]] if row[index] in done
                 else done.setdefault(row[index], convert(row[index])),
                 *row[index + 1:])
                for row in rows
            ]
    names = ", ".join(f'"{name}"' for name in columns)
    marks = ", ".join("?" for _ in columns)
    session.connection().exec_driver_sql(
        f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', rows
    )
