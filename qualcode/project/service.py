"""The Project service: the one API every front end calls.

Rules a caller can rely on:

* Every method that changes the project runs in one transaction and writes
  one :class:`~qualcode.model.Event`; when it returns, the change is on disk.
  When it raises :class:`~qualcode.errors.QualcodeError`, nothing was written.
* Undoable changes record their row operations, so :meth:`Project.undo` and
  :meth:`Project.redo` work across restarts.
* Reads return frozen value objects (:mod:`qualcode.project.values`).

Topic-specific operations live in sibling modules (``importing``,
``codebook_ops``, ``codings``, ``participants``, ``snapshot``) as plain
functions over a session or :class:`ChangeSet`; each method here opens the
transaction and calls one of them. Those modules import spaCy, pandas and
readers inside their functions, so opening a project stays fast.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from qualcode.errors import IngestError, NotFoundError, QualcodeError
from qualcode.identity import resolve_coder
from qualcode.model import Document, Event, Setting, table_of, utcnow
from qualcode.project import (
    codebook_ops,
    codings,
    documents,
    importing,
    memos,
    participants,
    queries,
)
from qualcode.project import speakers as speaker_ops
from qualcode.project import status as status_ops
from qualcode.project.changes import ChangeSet, ReplayConflict, replay
from qualcode.project.codetree import code_tree, resolve
from qualcode.project.codings import CodingRequest
from qualcode.project.memos import MemoEntry
from qualcode.project.values import (
    CaseInfo,
    CodeInfo,
    CodingInfo,
    DocumentInfo,
    DocumentText,
    EventInfo,
    ImportReport,
    MemoInfo,
    ParticipantsReport,
    SpeakerInfo,
)
from qualcode.store import (
    Store,
    backup_store,
    create_store,
    discard_store,
    open_store,
    publish_store,
    stage_store,
)

if TYPE_CHECKING:
    from qualcode.analysis.comparison import Disagreement
    from qualcode.analysis.snapshot import StudySnapshot
    from qualcode.codebook import CodebookSpec
    from qualcode.ingest import AnchoredComment, TurnSpan
    from qualcode.ingest.limits import Limits
    from qualcode.project.consensus import Decision
    from qualcode.project.merging import MergeReport
    from qualcode.pseudonymise.apply import PseudonymReport


#: How far back (in event ids) :meth:`Project.changed_elsewhere` looks for late commits.
LIVE_LOOKBACK = 200


class Project:
    """An open project. Use :meth:`create` or :meth:`open`; close when done."""

    def __init__(self, store: Store, coder: str | None = None) -> None:
        self._store = store
        #: who is coding: a person, never a project setting (see qualcode.identity)
        self.coder = resolve_coder(coder).name
        # name -> (id, length) of documents seen; a document's text never changes
        # after import; renaming or deleting a document clears it.
        self._document_extents: dict[str, tuple[int, int]] = {}
        self._coder_ids: dict[str, int] = {}
        #: ids of the events this Project wrote: the rest came from elsewhere.
        self.own_events: set[int] = set()
        self._live_mark = -1
        self._live_seen: set[int] = set()

    # -- lifecycle -------------------------------------------------------

    @classmethod
    def create(
        cls, location: str | os.PathLike[str], *, language: str = "nl", coder: str | None = None
    ) -> Project:
        from qualcode.language import check_language

        language = check_language(language)
        project = cls(create_store(location), coder)
        project.set_setting("language", language)
        return project

    @classmethod
    @contextmanager
    def creating(
        cls, location: str | os.PathLike[str], *, language: str = "nl", coder: str | None = None
    ) -> Iterator[Project]:
        """A new project that appears at ``location`` only if the block succeeds.

        Whatever the block writes goes to a hidden file beside ``location``;
        on an exception it is removed, on success it is linked into place (and
        a killed process leaves nothing that blocks a rerun). The project is
        closed at the end of the block.
        """
        from qualcode.language import check_language

        language = check_language(language)
        store = stage_store(location)
        project = cls(store, coder)
        try:
            project.set_setting("language", language)
            yield project
        except BaseException:
            discard_store(store)
            raise
        try:
            publish_store(store)
        finally:
            project.close()

    @classmethod
    def open(cls, location: str | os.PathLike[str], *, coder: str | None = None) -> Project:
        return cls(open_store(location), coder)

    @property
    def location(self) -> str:
        return self._store.location

    @property
    def name(self) -> str:
        return self.setting("name") or self._store.default_name

    @property
    def language(self) -> str:
        return self.setting("language") or "nl"

    def backup(self, out: str | os.PathLike[str]) -> dict[str, int]:
        """A complete, consistent copy of the project as a new ``.qualcode`` file at ``out``
        (atomic, owner-only), safe while other windows keep coding. Returns the copy's
        ``{"document": n, "coding": m}`` row counts."""
        return backup_store(self._store, out)

    def close(self) -> None:
        self._store.dispose()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ----------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._store.sessions() as session:
            yield session

    @contextmanager
    def change(self, kind: str, summary: str, *, undoable: bool = True) -> Iterator[ChangeSet]:
        """One change = one transaction + one Event. Raise inside to roll back.

        A new undoable change makes this coder's undone changes unreachable
        (``dropped``); other coders' undone changes stay redoable for them.
        """
        with self._store.writes() as session, session.begin():
            changes = ChangeSet(session)
            changes.summary = summary
            yield changes
            if undoable:
                session.execute(
                    update(Event)
                    .where(Event.state == "undone", Event.coder == self.coder)
                    .values(state="dropped")
                )
            event_id = session.execute(
                insert(table_of(Event)).values(
                    at=utcnow(),
                    coder=self.coder,
                    kind=kind,
                    summary=changes.summary,
                    changes=changes.dumps() if undoable else "[]",
                    undoable=undoable,
                    state="done",
                ).returning(Event.id)
            ).scalar_one()
        self.own_events.add(event_id)

    def coder_id(self, session: Session, name: str | None = None) -> int:
        """The id of ``name`` (default: this project's coder), added on first use."""
        return codings.coder_id(session, name or self.coder, self._coder_ids)

    # -- settings --------------------------------------------------------

    def setting(self, key: str) -> str | None:
        with self.read() as session:
            row = session.get(Setting, key)
            return row.value if row else None

    def set_setting(self, key: str, value: str) -> None:
        """Settings are preferences (language, last document), not study data: no Event."""
        with self._store.writes() as session, session.begin():
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value=value))
            else:
                row.value = value

    # -- undo / redo -----------------------------------------------------

    def undo(self) -> EventInfo | None:
        """Reverse this coder's latest change still in effect; None if there is none.

        Only changes recorded under :attr:`coder` count, whichever window or
        process made them: ctrl+z never takes back another coder's work.
        """
        return self._step(backwards=True)

    def redo(self) -> EventInfo | None:
        """Re-apply this coder's change most recently undone; None if there is none."""
        return self._step(backwards=False)

    def _step(self, *, backwards: bool) -> EventInfo | None:
        verb = "undo" if backwards else "redo"
        with self._store.writes() as session, session.begin():
            wanted = "done" if backwards else "undone"
            order = Event.id.desc() if backwards else Event.id.asc()
            target = session.scalar(
                select(Event)
                .where(Event.undoable.is_(True), Event.state == wanted,
                       Event.coder == self.coder)
                .order_by(order)
                .limit(1)
                .with_for_update()
            )
            if target is None:
                return None
            try:
                target.changes = replay(session, target.changes, backwards=backwards)
            except (ReplayConflict, IntegrityError) as exc:
                raise QualcodeError(
                    f"cannot {verb} {target.summary!r}: changed since by a later change"
                    + self._later_coders(session, target.id)
                ) from exc
            target.state = "undone" if backwards else "done"
            step = Event(coder=self.coder, kind=verb, summary=f"{verb}: {target.summary}",
                         undoable=False)
            session.add(step)
            session.flush()
            info = queries.event_info(target)
            step_id = step.id
        self.own_events.add(step_id)
        return info

    def _later_coders(self, session: Session, event_id: int) -> str:
        names = sorted(set(session.scalars(
            select(Event.coder).where(Event.id > event_id, Event.coder != self.coder)
        )))
        return f" (by {', '.join(names)})" if names else ""

    def changed_elsewhere(self) -> bool:
        """Whether the event log gained, since the last call, a change this Project did not
        make (another window, process or person). The first call only takes note.

        Polled by front ends to stay live; one indexed query, the same on SQLite
        and PostgreSQL. It looks back over the last :data:`LIVE_LOOKBACK` ids, not
        just past the highest seen: on PostgreSQL a transaction that drew an
        earlier id from the sequence may commit after a later one.
        """
        with self.read() as session:
            ids = set(session.scalars(
                select(Event.id).where(Event.id > self._live_mark - LIVE_LOOKBACK)))
        new = ids - self._live_seen
        first = self._live_mark < 0
        self._live_seen = ids
        self._live_mark = max(ids, default=max(self._live_mark, 0))
        return not first and any(i not in self.own_events for i in new)

    def history(self, limit: int = 50) -> list[EventInfo]:
        with self.read() as session:
            rows = session.scalars(select(Event).order_by(Event.id.desc()).limit(limit))
            return [queries.event_info(row) for row in rows]

    # -- reads -----------------------------------------------------------

    def documents(self) -> list[DocumentInfo]:
        with self.read() as session:
            return queries.documents(session)

    def document(self, name: str) -> DocumentInfo:
        """A document by its name or a unique prefix of it."""
        name = self.resolve_document(name)
        for info in self.documents():
            if info.name == name:
                return info
        raise NotFoundError(f"document {name!r}: no such document in the project")

    def document_text(self, name: str) -> DocumentText:
        with self.read() as session:
            return queries.document_text(session, self._document_row(session, name))

    def codes(self) -> list[CodeInfo]:
        with self.read() as session:
            return code_tree(session)

    def code(self, path: str) -> CodeInfo:
        return resolve(self.codes(), path)

    def codings(
        self,
        *,
        document: str | None = None,
        code: str | None = None,
        coder: str | None = None,
        include_children: bool = False,
    ) -> list[CodingInfo]:
        with self.read() as session:
            document_id = self._document_row(session, document).id if document else None
            code_ids: set[int] | None = None
            tree = code_tree(session)
            if code is not None:
                target = resolve(tree, code)
                code_ids = {target.id}
                if include_children:
                    code_ids |= {c.id for c in tree if c.is_within(target)}
            if coder is not None and coder not in queries.coder_names(session):
                raise NotFoundError(f"coder {coder!r}: no codings by this coder")
            return queries.codings(
                session,
                document_id=document_id,
                code_ids=code_ids,
                coder=coder,
                tree={c.id: c for c in tree},
            )

    def codings_by_document(
        self, *, coder: str | None = None
    ) -> Iterator[tuple[DocumentText, list[CodingInfo]]]:
        """Every document in interview order with its codings, in one read.

        For exports and analysis: one code tree and each text read once, one
        transcript's rows in memory at a time. Consume it before changing the project.
        """
        with self.read() as session:
            yield from queries.codings_by_document(session, coder=coder)

    def coding(self, coding_id: int) -> CodingInfo:
        with self.read() as session:
            found = queries.codings(session, coding_id=coding_id)
        if not found:
            raise NotFoundError(f"coding {coding_id}: no such coding")
        return found[0]

    def coders(self) -> list[str]:
        with self.read() as session:
            return queries.coder_names(session)

    def cases(self) -> list[CaseInfo]:
        with self.read() as session:
            return queries.cases(session)

    def memos(self, document: str | None = None) -> list[MemoInfo]:
        with self.read() as session:
            document_id = self._document_row(session, document).id if document else None
            return queries.memos(session, document_id)

    def counts(self) -> dict[str, int]:
        with self.read() as session:
            return queries.counts(session)

    def _document_row(self, session: Session, name: str) -> Document:
        return documents.document_row(session, name)

    def resolve_document(self, typed: str) -> str:
        """The full name of the document ``typed`` names: the exact name, else the one
        name that starts with it (an ambiguous prefix is refused, naming the candidates)."""
        with self.read() as session:
            return documents.document_row(session, typed).name

    def next_interview_order(self, session: Session) -> int:
        return importing.next_interview_order(session)

    def snapshot(self, *, coder: str | Iterable[str] | None = None) -> StudySnapshot:
        """The study as analysis sees it; ``coder`` (one name or several) keeps their codings."""
        from qualcode.project.snapshot import read_study_snapshot

        with self.read() as session:
            return read_study_snapshot(session, coder=coder)

    # -- codebook --------------------------------------------------------

    def add_code(self, parent: str | None, name: str, **fields: Any) -> int:
        """Create a code under ``parent`` (a path or unique name; None for top level)."""
        fields = codebook_ops.check_fields(fields)
        with self.change("add-code", f"add code {name}") as changes:
            return codebook_ops.add_code(changes, parent, name, fields)

    def rename_code(self, path: str, new_name: str) -> None:
        with self.change("rename-code", f"rename {path} to {new_name}") as changes:
            codebook_ops.rename_code(changes, path, new_name)

    def update_code(self, path: str, **fields: Any) -> None:
        """Change description, inclusion, exclusion, example, colour or shortcut key."""
        fields = codebook_ops.check_fields(fields)
        with self.change("edit-code", f"edit {path}: {', '.join(fields)}") as changes:
            codebook_ops.update_code(changes, path, fields)

    def move_code(self, path: str, new_parent: str | None) -> None:
        """Re-parent a code (with its children); None moves it to the top level."""
        with self.change("move-code", f"move {path} under {new_parent or 'top level'}") as changes:
            codebook_ops.move_code(changes, path, new_parent)

    def delete_code(self, path: str) -> int:
        """Delete a code, its sub-codes and their codings; returns codings removed."""
        with self.change("delete-code", f"delete code {path}") as changes:
            return codebook_ops.delete_code(changes, path)

    def codings_under(self, path: str) -> int:
        """How many codings a delete of ``path`` would remove (for the confirmation)."""
        with self.read() as session:
            return codebook_ops.codings_under(session, path)

    def merge_codes(self, source: str, target: str) -> int:
        """Move every coding of ``source`` to ``target`` and delete ``source``; returns moved."""
        with self.change("merge-codes", f"merge {source} into {target}") as changes:
            return codebook_ops.merge_codes(changes, source, target)

    def merge_codebook(self, spec: CodebookSpec) -> tuple[int, int]:
        """Add a codebook file's codes, matching by GUID then path; returns (added, updated)."""
        with self.change("codebook", f"load codebook {spec.source}") as changes:
            return codebook_ops.merge_codebook(changes, spec)

    # -- codings ---------------------------------------------------------

    def add_coding(
        self,
        document: str,
        code: str | int,
        start: int,
        end: int,
        *,
        coder: str | None = None,
        memo: str = "",
    ) -> CodingInfo:
        """Apply ``code`` (a path, unique name or id) to ``document.text[start:end]``.

        Returns the coding as stored, read in the same transaction: another
        window undoing or removing it right after the commit cannot turn an
        acknowledged change into a "no such coding" error.
        """
        request = CodingRequest(document, code, start, end, coder, memo)
        with self.change("code", codings.summary_of([request])) as changes:
            (coding_id,) = self._add_codings(changes, [request])
            (stored,) = queries.codings(changes.session, coding_id=coding_id)
        return stored

    def add_codings(self, requests: Sequence[CodingRequest], source: str = "") -> list[int]:
        """Apply many codings in one transaction: all of them, or none."""
        if not requests:
            raise QualcodeError(f"{source or 'codings'}: no codings to add")
        with self.change("code", codings.summary_of(requests, source)) as changes:
            return self._add_codings(changes, requests, source)

    def _add_codings(
        self, changes: ChangeSet, requests: Sequence[CodingRequest], source: str = ""
    ) -> list[int]:
        return codings.add_codings(
            changes,
            requests,
            coder=self.coder,
            extents=self._document_extents,
            known_coders=self._coder_ids,
            source=source,
        )

    def add_codings_from_csv(self, path: Path) -> list[int]:
        """Apply the codings listed in a CSV file (document, code, start, end[, coder, memo])."""
        requests = codings.read_codings_csv(path)
        try:
            return self.add_codings(requests, source=str(path))
        except QualcodeError as exc:
            raise QualcodeError(f"{path}: {exc}") from None

    def merge(self, other: str | os.PathLike[str]) -> MergeReport:
        """Merge another copy of the study (.qualcode, URL or .qdpx) as one undoable change.

        Matched, never duplicated (see :mod:`qualcode.project.merging`); a merge
        that finds nothing new writes nothing. Refused, with nothing changed,
        when a document of the same name has a different text.
        """
        from qualcode.project import merging

        source = merging.check_other(self.location, other)
        with self.read() as session:
            known = merging.known_sentences(session)
        with merging.readable(source, self.coder, self.language, known) as location, \
                Project.open(location, coder=self.coder) as opened, opened.read() as session:
            data = merging.read_rows(session)
        report = merging.MergeReport(source)
        # NothingNew rolls the change back: a merge that adds nothing leaves no Event
        with contextlib.suppress(merging.NothingNew), \
                self.change("merge", f"merge {source}") as changes:
            merging.merge_rows(changes, data, report, self._coder_ids)
            if not report.added:
                raise merging.NothingNew
            changes.summary = report.summary()
        self._document_extents.clear()
        return report

    # -- consensus ---------------------------------------------------------

    def disagreements(
        self, coder_a: str, coder_b: str, unit: str = "segment", overlap: float | None = None
    ) -> list[Disagreement]:
        """Where ``coder_a`` and ``coder_b`` did not code alike, in document order
        (the agreement report's list, for the same unit and overlap)."""
        from qualcode.analysis.comparison import DEFAULT_OVERLAP, disagreements

        study = self.snapshot(coder=(coder_a, coder_b))
        return disagreements(study, coder_a, coder_b, unit, overlap or DEFAULT_OVERLAP)

    def resolve_disagreement(
        self,
        item: Disagreement,
        decision: str,
        *,
        consensus: str,
        coders: tuple[str, str],
        reason: str = "",
    ) -> list[tuple[int, int]]:
        """Decide one disagreement as the ``consensus`` coder ("a", "b", "both" or "drop").

        One undoable change: the consensus codings and a memo with the reason.
        """
        from qualcode.project import consensus as walk

        label = walk.DECISIONS.get(decision, decision)
        summary = (f"consensus on {item.document} {item.start}:{item.end} "
                   f"{' > '.join(item.code_path)}: {label}")
        with self.change("consensus", summary) as changes:
            return walk.decide(changes, item, decision, consensus=consensus.strip(),
                               coders=coders, reason=reason.strip(),
                               known_coders=self._coder_ids)

    def consensus_decisions(self, consensus: str) -> dict[tuple, Decision]:
        """The decisions made so far as ``consensus``, by disagreement key (to resume)."""
        from qualcode.project import consensus as walk

        with self.read() as session:
            return walk.decisions(session, consensus)

    def remove_coding(self, coding_id: int) -> None:
        with self.change("uncode", f"remove coding {coding_id}") as changes:
            codings.remove_coding(changes, coding_id)

    def set_coding_memo(self, coding_id: int, memo: str) -> None:
        with self.change("memo", f"memo on coding {coding_id}") as changes:
            codings.set_coding_memo(changes, coding_id, memo)

    # -- documents and participants ----------------------------------------

    def import_document(
        self, path: str | Path, *, case: str | None = None, name: str | None = None,
        limits: Limits | None = None,
    ) -> ImportReport:
        """Import one transcript.

        The participant defaults to the respondent's speaker label when there
        is exactly one that looks like a participant code (``BSR01``), else
        to the document name. The report warns about a text identical to a
        document already in the project, and about text that looks like
        another language than the project's.

        Reading and sentence splitting happen before the transaction opens, so
        a bad file never touches the project. ``limits`` (default:
        :data:`qualcode.ingest.limits.DEFAULT`) caps the size of what is read;
        a bigger file is refused before it is read.
        """
        from qualcode.ingest import read_transcript
        from qualcode.ingest.limits import DEFAULT

        path = Path(path)
        name = importing.check_source(path, name)
        with self.read() as session:
            if importing.name_taken(session, name):
                raise IngestError(path, f"a document named {name!r} already exists")
        ingested = read_transcript(path, limits or DEFAULT)
        if not ingested.text.strip():
            raise IngestError(path, "no text in this file")
        from qualcode.language import language_warning

        warning = language_warning(ingested.text, self.language, str(path))
        report = self.add_document(
            name,
            ingested.text,
            case=case,
            source_name=path.name,
            format=ingested.format,
            encoding=ingested.encoding,
            removed_controls=ingested.removed_controls,
            turns=ingested.turns,
            comments=ingested.comments,
            source=str(path),
            legend=ingested.legend,
        )
        if warning:
            report = dataclasses.replace(report, warnings=(*report.warnings, warning))
        return report

    def add_document(
        self,
        name: str,
        text: str,
        *,
        case: str | None = None,
        source_name: str = "",
        format: str = "txt",
        encoding: str | None = None,
        removed_controls: int = 0,
        turns: Sequence[TurnSpan] = (),
        comments: Sequence[AnchoredComment] = (),
        sentences: Sequence[tuple[int, int]] | None = None,
        source: str | None = None,
        legend: Mapping[str, str] | None = None,
    ) -> ImportReport:
        """Store an already-normalised text as a new document (one transaction).

        Used by :meth:`import_document` and by importers of other formats
        (REFI-QDA). Sentences are split with spaCy unless given. ``text`` must
        already be normalised (:func:`qualcode.ingest.normalise`): it is stored
        as is and never changes afterwards. Refused if the name is taken.
        Imports are logged but not undoable (a wrong import is deleted).
        ``legend`` (label -> description) names the speakers as the
        transcript's legend does; every label gets a speaker row.
        """
        label = source or name
        if sentences is None:
            from qualcode.nlp import split_sentences

            sentences = split_sentences(text, list(turns), self.language)
        with self.change("import", f"import {label} as {name}", undoable=False) as changes:
            return importing.store_document(
                changes,
                name,
                text,
                case=(case or importing.participant_label(turns) or name).strip(),
                source_name=source_name,
                format=format,
                encoding=encoding,
                removed_controls=removed_controls,
                turns=turns,
                comments=comments,
                sentences=sentences,
                label=label,
                legend=legend or {},
            )

    def set_interview_order(self, names: list[str]) -> None:
        """Put documents in the given interview order; ``names`` lists each document once."""
        with self.change("order", "set interview order") as changes:
            importing.set_interview_order(changes, names)

    def set_status(self, documents: Sequence[str], status: str) -> list[str]:
        """Mark documents not-started, in-progress, coded or excluded; the names changed."""
        names = status_ops.requested(documents, status)
        with self.change("status", status_ops.summary_of(names, status)) as changes:
            return status_ops.set_status(changes, names, status)

    def set_turn_role(self, document: str, speaker: str, role: str) -> int:
        """Correct the inferred role of every turn of ``speaker`` in ``document``."""
        importing.check_role(role)
        with self.change("role", f"{document}: {speaker} is {role}") as changes:
            return importing.set_turn_role(changes, document, speaker, role)

    def speakers(self, document: str | None = None) -> list[SpeakerInfo]:
        """Speaker labels per document: legend name, role, participant (see project.speakers)."""
        with self.read() as session:
            return speaker_ops.speaker_infos(session, document)

    def correct_speaker(
        self,
        document: str,
        label: str,
        *,
        role: str | None = None,
        participant: str | object | None = speaker_ops.KEEP,
    ) -> None:
        """Correct a label's role (all its turns) and/or who speaks under it: one change."""
        if role is not None:
            importing.check_role(role)
        summary = speaker_ops.summary(document, label, role, participant)
        with self.change("speaker", summary) as changes:
            speaker_ops.correct_speaker(changes, document, label, role, participant)

    def set_speaker_participant(self, document: str, label: str, participant: str | None) -> None:
        """Who speaks under ``label`` in ``document`` (None: the document's own participant)."""
        self.correct_speaker(document, label, participant=participant)

    def import_participants(
        self, path: str | Path, *, key: str | None = None
    ) -> ParticipantsReport:
        """Store a participants table (cases and attribute values) as one undoable change."""
        from qualcode.participants import read_participants
        from qualcode.project.participants import store_participants

        table = read_participants(Path(path), key)
        with self.change("participants", f"participants from {Path(path).name}") as changes:
            stored = store_participants(changes, table)
        return ParticipantsReport(str(path), stored.added, stored.updated, table.attributes,
                                  stored.by_label, stored.unmatched)

    def rename_case(self, old: str, new: str) -> str:
        """Rename a participant; onto an existing name, merge the two (documents move,
        attributes combine; two different values of one attribute refuse it).

        Returns ``"renamed"`` or ``"merged"``.
        """
        new = participants.check_case_name(new)
        with self.change("rename-case", f"rename participant {old} to {new}") as changes:
            return participants.rename_case(changes, old, new)

    def rename_document(self, old: str, new: str) -> str:
        """Rename a document (or a unique prefix of its name); codings and memos follow."""
        with self.change("rename-document", f"rename document {old} to {new}") as changes:
            new = documents.rename_document(changes, old, new)
        self._document_extents.clear()
        return new

    def delete_document(self, name: str) -> int:
        """Delete a document with its turns, sentences, codings and memos, as one undoable
        change; returns the codings deleted with it."""
        with self.change("delete-document", f"delete document {name}") as changes:
            removed = documents.delete_document(changes, name)
        self._document_extents.clear()
        return removed

    def assign_document(self, name: str, case: str | None) -> str | None:
        """Give a document another participant (created if new); None or '' detaches it."""
        with self.change("assign-document", f"assign {name} to {case}") as changes:
            return documents.assign_document(changes, name, case)

    # -- memos -----------------------------------------------------------

    def set_memo(self, on: str, target: str | int | None, text: str) -> str:
        """Write the memo on the project (target None), a document, a code or a coding;
        an empty text removes it. One undoable change; returns what it is on."""
        with self.change("memo", f"memo on {on}") as changes:
            return memos.set_memo(changes, on, target, text, self.coder)

    def memo_of(self, on: str, target: str | int | None = None) -> str:
        """The memo on one target ("" when it has none)."""
        with self.read() as session:
            return memos.memo_of(session, on, target)

    def memo_entries(self) -> list[MemoEntry]:
        """Every memo, as ``qualcode memos --json`` lists them."""
        with self.read() as session:
            return memos.memo_entries(session)

    # -- codebook out, colours, language ------------------------------------

    def codebook_spec(self) -> CodebookSpec:
        """The project's codebook (codebook order, GUIDs), for any codebook writer."""
        from qualcode.project.codebook_io import spec_from_tree

        return spec_from_tree(self.codes(), self.name, self.language)

    def assign_code_colours(self) -> int:
        """Give every uncoloured code a colour (sub-codes shades of their category's hue);
        one undoable change, none when every code has a colour. Returns codes coloured."""
        from qualcode.project.codebook_io import assign_code_colours

        if all(code.color for code in self.codes()):
            return 0
        with self.change("colours", "give uncoloured codes a colour") as changes:
            return assign_code_colours(changes)

    def set_language(self, code: str) -> int:
        """Make ``code`` the language and split every document's sentences again.

        Splitting runs before the transaction; codings keep their offsets. Logged,
        not undoable (``set_language(old)`` splits back). Returns documents split.
        """
        from qualcode.language import check_language
        from qualcode.nlp import split_many
        from qualcode.project.language_ops import read_turns, store_language

        code = check_language(code)
        old = self.language
        if code == old:
            raise QualcodeError(f"language {code!r}: the project's language already")
        with self.read() as session:
            texts = read_turns(session)
        spans = split_many([(text, turns) for _, text, turns in texts], code) if texts else []
        summary = f"language {old} -> {code}: sentences of {len(texts)} documents split again"
        with self.change("language", summary, undoable=False) as changes:
            store_language(changes.session, code, {
                document_id: sentences
                for (document_id, _, _), sentences in zip(texts, spans, strict=True)})
        return len(texts)

    # -- pseudonymisation --------------------------------------------------

    def pseudonymise(self, pairs: Sequence[tuple[str, str]]) -> PseudonymReport:
        """Replace every ``text`` by its pseudonym everywhere; one way, no undo.

        Refused (nothing changed) while another process has the project open,
        because the old text could then not be wiped from the ``-wal`` file.
        """
        from qualcode.pseudonymise import occurrence_pattern
        from qualcode.pseudonymise.apply import apply_pairs
        from qualcode.store import others_connected, scrub

        pattern = occurrence_pattern(text for text, _ in pairs)
        if pattern is None:
            raise QualcodeError("pseudonymise: nothing to replace")
        if others_connected(self._store):
            raise QualcodeError(
                f"{self.location}: the project is open in another window or process; "
                "close it first (its -wal file could not be wiped)"
            )
        with self.change("pseudonymise", "pseudonymise", undoable=False) as changes:
            report = apply_pairs(changes.session, pairs, pattern)
            changes.summary = (
                f"pseudonymise: {report.items} items, {report.replacements} replacements "
                f"in {report.documents} documents"
            )
        self._document_extents.clear()
        if not scrub(self._store):
            raise QualcodeError(
                f"{self.location}: pseudonymised, but another process kept the -wal file "
                "open; close it and run 'qualcode pseudonymise' again to wipe it"
            )
        return report
