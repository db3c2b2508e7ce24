"""The Project service: the one API every front end calls.

Rules a caller can rely on:

* Every method that changes the project runs in one transaction and writes
  one :class:`~qualcode.model.Event`; when it returns, the change is on disk.
  When it raises :class:`~qualcode.errors.QualcodeError`, nothing was written.
* Undoable changes record their row operations, so :meth:`Project.undo` and
  :meth:`Project.redo` work across restarts.
* Reads return frozen value objects (:mod:`qualcode.project.values`).

Topic-specific operations live in sibling modules (``importing``,
``codebook_ops``, ``codings``, ``participants``); this class wires them to
transactions.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from qualcode.errors import NotFoundError, QualcodeError
from qualcode.model import Coder, Document, Event, Setting, utcnow
from qualcode.project import queries
from qualcode.project.changes import ChangeSet, ReplayConflict, replay
from qualcode.project.values import (
    CaseInfo,
    CodeInfo,
    CodingInfo,
    DocumentInfo,
    DocumentText,
    EventInfo,
    MemoInfo,
)
from qualcode.store import Store, backup_store, create_store, open_store


def default_coder_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "coder"


#: How far back (in event ids) :meth:`Project.changed_elsewhere` looks for late commits.
LIVE_LOOKBACK = 200


class Project:
    """An open project. Use :meth:`create` or :meth:`open`; close when done."""

    def __init__(self, store: Store, coder: str | None = None) -> None:
        self._store = store
        self.coder = coder or self.setting("default_coder") or default_coder_name()
        #: name -> (id, length) of documents seen; safe to keep because a
        #: document's text never changes after import and documents are not renamed.
        self.document_extents: dict[str, tuple[int, int]] = {}
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
        project = cls(create_store(location), coder)
        project.set_setting("language", language)
        return project

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
                insert(Event.__table__).values(
                    at=utcnow(),
                    coder=self.coder,
                    kind=kind,
                    summary=changes.summary,
                    changes=changes.dumps() if undoable else "[]",
                    undoable=undoable,
                    state="done",
                )
            ).inserted_primary_key[0]
        self.own_events.add(event_id)

    def coder_id(self, session: Session, name: str | None = None) -> int:
        name = (name or self.coder).strip()
        if not name:
            raise QualcodeError("coder: the coder name is empty")
        if name in self._coder_ids:
            return self._coder_ids[name]
        coder_id = session.scalar(select(Coder.id).where(Coder.name == name))
        if coder_id is None:
            coder = Coder(name=name)
            session.add(coder)
            session.flush()
            return coder.id  # not cached until its transaction has committed
        self._coder_ids[name] = coder_id
        return coder_id

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
        for info in self.documents():
            if info.name == name:
                return info
        raise NotFoundError(f"document {name!r}: no such document in the project")

    def document_text(self, name: str) -> DocumentText:
        with self.read() as session:
            return queries.document_text(session, self._document_row(session, name))

    def codes(self) -> list[CodeInfo]:
        with self.read() as session:
            return queries.code_tree(session)

    def code(self, path: str) -> CodeInfo:
        from qualcode.project.codetree import resolve

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
            if code is not None:
                tree = queries.code_tree(session)
                from qualcode.project.codetree import resolve

                target = resolve(tree, code)
                code_ids = {target.id}
                if include_children:
                    code_ids |= {c.id for c in tree if c.path[: len(target.path)] == target.path}
            if coder is not None and coder not in queries.coder_names(session):
                raise NotFoundError(f"coder {coder!r}: no codings by this coder")
            return queries.codings(
                session, document_id=document_id, code_ids=code_ids, coder=coder
            )

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
        row = session.scalar(select(Document).where(Document.name == name))
        if row is None:
            raise NotFoundError(f"document {name!r}: no such document in the project")
        return row

    def next_interview_order(self, session: Session) -> int:
        return (session.scalar(select(func.max(Document.interview_order))) or 0) + 1

    # -- changes, by topic -------------------------------------------------
    # Each is a plain function taking the Project first, kept in its topic
    # module and bound here as a method; those modules import spaCy, pandas
    # and readers inside the functions, so opening a project stays fast.

    from qualcode.project.codebook_ops import (
        add_code,
        codings_under,
        delete_code,
        merge_codebook,
        merge_codes,
        move_code,
        rename_code,
        update_code,
    )
    from qualcode.project.codings import (
        add_coding,
        add_codings,
        add_codings_from_csv,
        remove_coding,
        set_coding_memo,
    )
    from qualcode.project.importing import (
        add_document,
        import_document,
        set_interview_order,
        set_turn_role,
    )
    from qualcode.project.participants import import_participants
    from qualcode.project.snapshot import snapshot
