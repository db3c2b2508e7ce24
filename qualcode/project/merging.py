"""Merging another copy of the study into this one (``qualcode merge P OTHER``).

The second coder works in a copy of the project; merging brings their work
back without a REFI-QDA round trip. Everything is matched, never duplicated:

* documents by their text (sha256), then by name — two documents of one name
  with different texts refuse the whole merge (the texts must be the same for
  codings to mean the same thing);
* codes by GUID, then by path; cases by name, with their attribute values
  (a value this project already has differently is kept and reported);
* codings on (document, code, span, coder); memos on where they are, who
  wrote them and what they say.

So a second merge of the same file adds nothing. The merge is one undoable
change (``Project.merge`` opens it; :func:`merge_rows` fills it). OTHER is read
completely before this project is written to.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from qualcode.errors import QualcodeError
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
from qualcode.project.codings import coder_id

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from qualcode.project.changes import ChangeSet

KINDS = ("documents", "codes", "cases", "attribute values", "codings", "memos")
Row = Mapping[str, Any]


@dataclass
class MergeCount:
    added: int = 0
    already_there: int = 0
    refused: int = 0


@dataclass
class MergeReport:
    """What a merge did, per kind: added, already there, refused (with a note each)."""

    source: str
    counts: dict[str, MergeCount] = field(
        default_factory=lambda: {kind: MergeCount() for kind in KINDS}
    )
    notes: list[str] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(count.added for count in self.counts.values())

    def to_json(self) -> dict[str, Any]:
        result: dict[str, Any] = {"source": self.source}
        for kind, count in self.counts.items():
            result[kind.replace(" ", "_")] = {
                "added": count.added,
                "already_there": count.already_there,
                "refused": count.refused,
            }
        result["notes"] = list(self.notes)
        return result

    def summary(self) -> str:
        """The Event's summary: what the merge added."""
        return f"merge {self.source}: " + ", ".join(
            f"{count.added} {kind}" for kind, count in self.counts.items() if count.added
        )

    def lines(self) -> list[str]:
        lines = [f"merged {self.source}"]
        for kind, count in self.counts.items():
            parts = [f"{count.added} added", f"{count.already_there} already there"]
            if count.refused:
                parts.append(f"{count.refused} refused")
            lines.append(f"  {kind}: {', '.join(parts)}")
        lines += [f"  note: {note}" for note in self.notes]
        if not self.added:
            lines.append("  nothing new: this project already had everything in it")
        return lines


@dataclass
class Other:
    """Everything of the other project that a merge can bring in, as plain rows."""

    documents: list[Row]
    turns: dict[int, list[Row]]
    sentences: dict[int, list[Row]]
    cases: list[Row]
    attributes: list[Row]
    values: list[Row]
    codes: list[Row]
    coders: dict[int, str]
    codings: list[Row]
    memos: list[Row]


def _rows(session: Session, model: Any) -> list[Row]:
    return [dict(row) for row in session.execute(select(model.__table__)).mappings()]


def _grouped(rows: list[Row]) -> dict[int, list[Row]]:
    grouped: dict[int, list[Row]] = {}
    for row in rows:
        grouped.setdefault(row["document_id"], []).append(row)
    return grouped


def read_rows(session: Session) -> Other:
    """Everything a merge can bring in from the other project, read in one session."""
    return Other(
        documents=sorted(_rows(session, Document), key=lambda d: (d["interview_order"], d["id"])),
        turns=_grouped(_rows(session, Turn)),
        sentences=_grouped(_rows(session, Sentence)),
        cases=_rows(session, Case),
        attributes=sorted(_rows(session, Attribute), key=lambda a: (a["sort_order"], a["id"])),
        values=_rows(session, CaseValue),
        codes=_rows(session, Code),
        coders={row["id"]: row["name"] for row in _rows(session, Coder)},
        codings=_rows(session, Coding),
        memos=_rows(session, Memo),
    )


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_other(here: str, other: str | os.PathLike[str]) -> str:
    """OTHER as a location string; refused if it is missing or is this project itself."""
    location = os.fspath(other)
    is_url = "://" in location
    if not is_url and not Path(location).is_file():
        kind = "file" if location.lower().endswith(".qdpx") else "project file"
        raise QualcodeError(f"{location}: no such {kind}")
    same = location == here if is_url or "://" in here else (
        Path(location).resolve() == Path(here).resolve()
    )
    if same:
        raise QualcodeError(f"{location}: is this project itself; merge another copy")
    return location


def known_sentences(session: Session) -> dict[str, list[tuple[int, int]]]:
    """Sentence spans of this project's documents by text hash (reused for a .qdpx)."""
    names = dict(session.execute(select(Document.id, Document.sha256)).all())
    spans: dict[str, list[tuple[int, int]]] = {sha: [] for sha in names.values()}
    for doc_id, start, end in session.execute(
        select(Sentence.document_id, Sentence.start, Sentence.end).order_by(Sentence.start)
    ):
        spans[names[doc_id]].append((start, end))
    return spans


@contextlib.contextmanager
def readable(location: str, coder: str, language: str,
             known: dict[str, list[tuple[int, int]]]) -> Iterator[str]:
    """A project location to read OTHER from: itself, or a scratch import of a .qdpx."""
    if not location.lower().endswith(".qdpx"):
        yield location
        return
    from qualcode.refi import default_sentence_splitter, import_refi

    def sentences(text: str, turns: Any, language: str) -> Any:
        """Documents this project has already keep their sentences (no spaCy needed)."""
        found = known.get(sha256_of(text))
        return found if found is not None else default_sentence_splitter(text, turns, language)

    with tempfile.TemporaryDirectory(prefix="qualcode-merge-") as folder:
        scratch = str(Path(folder) / "other.qualcode")
        import_refi(scratch, location, coder=coder, language=language,
                    sentence_splitter=sentences)
        yield scratch


class NothingNew(Exception):
    """Raised inside the change to roll it back: a merge that adds nothing leaves no Event."""


class _Merger:
    """One merge inside one change: maps the other project's ids to this project's."""

    def __init__(self, changes: ChangeSet, data: Other, report: MergeReport,
                 known_coders: dict[str, int]) -> None:
        self.known_coders = known_coders
        self.changes = changes
        self.session = changes.session
        self.data = data
        self.report = report
        self.documents: dict[int, int] = {}
        self.cases: dict[int, int] = {}
        self.codes: dict[int, int] = {}
        self.coders: dict[str, int] = {}
        self.guids: dict[str, set[str]] = {}

    def count(self, kind: str, outcome: str, note: str | None = None) -> None:
        counts = self.report.counts[kind]
        setattr(counts, outcome, getattr(counts, outcome) + 1)
        if note:
            self.report.notes.append(note)

    def free_guid(self, model: Any, guid: str) -> str:
        taken = self.guids.get(model.__tablename__)
        if taken is None:
            taken = set(self.session.scalars(select(model.guid)))
            self.guids[model.__tablename__] = taken
        chosen = guid if guid and guid not in taken else new_guid()
        taken.add(chosen)
        return chosen

    # -- documents --------------------------------------------------------

    def check_documents(self) -> None:
        """Refuse before writing anything: one name, two different texts."""
        by_sha = {sha: doc_id for doc_id, sha in
                  self.session.execute(select(Document.id, Document.sha256))}
        by_name = {name: (doc_id, sha) for doc_id, name, sha in
                   self.session.execute(select(Document.id, Document.name, Document.sha256))}
        for row in self.data.documents:
            sha = sha256_of(row["text"])
            if sha in by_sha:
                self.documents[row["id"]] = by_sha[sha]
            elif row["name"] in by_name:
                raise QualcodeError(
                    f"{self.report.source}: document {row['name']!r} has a different text "
                    "from this project's document of that name; nothing was merged"
                )

    def add_documents(self) -> None:
        order = (self.session.scalar(select(func.max(Document.interview_order))) or 0)
        for row in self.data.documents:
            if row["id"] in self.documents:
                self.count("documents", "already_there")
                continue
            order += 1
            values = {k: v for k, v in row.items() if k != "id"}
            values.update(
                guid=self.free_guid(Document, row["guid"]),
                case_id=self.cases.get(row["case_id"]) if row["case_id"] is not None else None,
                sha256=sha256_of(row["text"]),
                interview_order=order,
            )
            (doc_id,) = self.changes.add_rows(Document, [values])
            self.documents[row["id"]] = doc_id
            for model, rows in ((Turn, self.data.turns), (Sentence, self.data.sentences)):
                self.changes.add_rows(model, [
                    {**{k: v for k, v in r.items() if k != "id"}, "document_id": doc_id}
                    for r in rows.get(row["id"], [])
                ])
            self.count("documents", "added")

    # -- cases and attributes -----------------------------------------------

    def merge_cases(self) -> None:
        mine = {name: case_id for case_id, name in self.session.execute(select(Case.id, Case.name))}
        for row in self.data.cases:
            if row["name"] in mine:
                self.cases[row["id"]] = mine[row["name"]]
                self.count("cases", "already_there")
                continue
            (case_id,) = self.changes.add_rows(Case, [{
                "guid": self.free_guid(Case, row["guid"]), "name": row["name"],
                "description": row["description"],
            }])
            self.cases[row["id"]] = case_id
            self.count("cases", "added")
        self.merge_values()

    def merge_values(self) -> None:
        attributes = {name: attr_id for attr_id, name in
                      self.session.execute(select(Attribute.id, Attribute.name))}
        next_order = (self.session.scalar(select(func.max(Attribute.sort_order))) or 0) + 1
        attribute_ids: dict[int, int] = {}
        names: dict[int, str] = {}
        for row in self.data.attributes:
            names[row["id"]] = row["name"]
            if row["name"] not in attributes:
                (attributes[row["name"]],) = self.changes.add_rows(Attribute, [{
                    "guid": self.free_guid(Attribute, row["guid"]), "name": row["name"],
                    "type": row["type"], "sort_order": next_order,
                }])
                next_order += 1
            attribute_ids[row["id"]] = attributes[row["name"]]
        existing = {
            (case_id, attr_id): value for case_id, attr_id, value in
            self.session.execute(select(CaseValue.case_id, CaseValue.attribute_id,
                                        CaseValue.value))
        }
        case_names = {row["id"]: row["name"] for row in self.data.cases}
        new_rows = []
        for row in self.data.values:
            if row["value"] is None or row["case_id"] not in self.cases:
                continue
            key = (self.cases[row["case_id"]], attribute_ids[row["attribute_id"]])
            if key not in existing or existing[key] is None:
                if key in existing:
                    row_obj = self.session.get(CaseValue, key)
                    assert row_obj is not None
                    self.changes.update(row_obj, value=row["value"])
                else:
                    new_rows.append({"case_id": key[0], "attribute_id": key[1],
                                     "value": row["value"]})
                existing[key] = row["value"]
                self.count("attribute values", "added")
            elif existing[key] == row["value"]:
                self.count("attribute values", "already_there")
            else:
                self.count(
                    "attribute values", "refused",
                    f"{case_names[row['case_id']]}: {names[row['attribute_id']]} is "
                    f"{existing[key]!r} here and {row['value']!r} in the other copy; "
                    "kept this project's value",
                )
        if new_rows:
            self._add_values(new_rows)

    def _add_values(self, rows: list[dict[str, Any]]) -> None:
        # case_value has a composite key, so it is added row by row through the ORM
        for row in rows:
            self.changes.add(CaseValue(**row))

    # -- codes --------------------------------------------------------------

    def merge_codes(self) -> None:
        rows = {row["id"]: row for row in self.data.codes}

        def path_of(row: Row) -> tuple[str, ...]:
            names: list[str] = []
            current: Row | None = row
            while current is not None:
                names.append(current["name"])
                parent = current["parent_id"]
                current = rows.get(parent) if parent is not None else None
            return tuple(reversed(names))

        from qualcode.project.codetree import code_tree

        tree = code_tree(self.session)
        by_guid = {code.guid: code.id for code in tree}
        by_path = {code.path: code.id for code in tree}
        ordered = sorted(rows.values(), key=lambda r: (len(path_of(r)), r["sort_order"], r["id"]))
        for row in ordered:
            path = path_of(row)
            found = by_guid.get(row["guid"]) or by_path.get(path)
            if found is not None:
                self.codes[row["id"]] = found
                self.count("codes", "already_there")
                continue
            parent = self.codes.get(row["parent_id"]) if row["parent_id"] is not None else None
            siblings = self.session.scalar(
                select(func.max(Code.sort_order)).where(
                    Code.parent_id.is_(None) if parent is None else Code.parent_id == parent
                )
            )
            values = {k: v for k, v in row.items() if k != "id"}
            values.update(guid=self.free_guid(Code, row["guid"]), parent_id=parent,
                          sort_order=(siblings if siblings is not None else -1) + 1)
            if values["key"] and self.session.scalar(
                select(Code.id).where(Code.key == values["key"])
            ) is not None:
                values["key"] = None  # a shortcut key already used here stays with its code
            (code_id,) = self.changes.add_rows(Code, [values])
            self.codes[row["id"]] = code_id
            by_path[path] = code_id
            self.count("codes", "added")

    # -- codings and memos -----------------------------------------------------

    def coder_id(self, name: str) -> int:
        if name not in self.coders:
            self.coders[name] = coder_id(self.session, name, self.known_coders)
        return self.coders[name]

    def merge_codings(self) -> None:
        names = dict(self.session.execute(select(Coder.id, Coder.name)).all())
        existing = {
            (doc, code, start, end, names[coder]) for doc, code, start, end, coder in
            self.session.execute(select(Coding.document_id, Coding.code_id, Coding.start,
                                        Coding.end, Coding.coder_id))
        }
        new_rows = []
        for row in sorted(self.data.codings, key=lambda r: r["id"]):
            coder = self.data.coders[row["coder_id"]]
            key = (self.documents[row["document_id"]], self.codes[row["code_id"]],
                   row["start"], row["end"], coder)
            if key in existing:
                self.count("codings", "already_there")
                continue
            existing.add(key)
            new_rows.append({
                "guid": self.free_guid(Coding, row["guid"]), "document_id": key[0],
                "code_id": key[1], "coder_id": self.coder_id(coder), "start": key[2],
                "end": key[3], "memo": row["memo"], "created_at": row["created_at"],
            })
            self.count("codings", "added")
        self.changes.add_rows(Coding, new_rows)

    def merge_memos(self) -> None:
        def key(row: Row, document: int | None, code: int | None) -> tuple[Any, ...]:
            # not the title: a REFI-QDA round trip gives an untitled memo one ("Memo by …")
            return (document, code, row["start"], row["end"], row["author"], row["text"])

        existing = {key(row, row["document_id"], row["code_id"])
                    for row in _rows(self.session, Memo)}
        new_rows = []
        for row in sorted(self.data.memos, key=lambda r: r["id"]):
            document = self.documents.get(row["document_id"]) if row["document_id"] else None
            code = self.codes.get(row["code_id"]) if row["code_id"] else None
            wanted = key(row, document, code)
            if wanted in existing:
                self.count("memos", "already_there")
                continue
            existing.add(wanted)
            new_rows.append({**{k: v for k, v in row.items() if k != "id"},
                             "guid": self.free_guid(Memo, row["guid"]),
                             "document_id": document, "code_id": code})
            self.count("memos", "added")
        self.changes.add_rows(Memo, new_rows)


def merge_rows(changes: ChangeSet, data: Other, report: MergeReport,
               known_coders: dict[str, int]) -> None:
    """Write what is new in ``data`` through ``changes``; counts go to ``report``."""
    merger = _Merger(changes, data, report, known_coders)
    merger.check_documents()
    merger.merge_cases()
    merger.add_documents()
    merger.merge_codes()
    merger.merge_codings()
    merger.merge_memos()
