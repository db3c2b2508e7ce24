"""The core of the Project service: opening, transactions, settings, undo and live updates.

:class:`ProjectBase` holds what every operation needs (the store, the coder,
``read()`` and ``change()``); the operations themselves are grouped by topic
in :mod:`.reads`, :mod:`.codebook_edits`, :mod:`.coding_edits` and
:mod:`.document_edits`, and :class:`qualcode.project.service.Project` joins
them into the one API front ends call.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Self

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from qualcode.errors import QualcodeError
from qualcode.identity import resolve_coder
from qualcode.model import Event, Setting, table_of, utcnow
from qualcode.project import (
    codings,
    queries,
)
from qualcode.project.changes import ChangeSet, ReplayConflict, replay
from qualcode.project.values import (
    EventInfo,
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
    pass


#: How far back (in event ids) :meth:`ProjectBase.changed_elsewhere` looks for late commits.
LIVE_LOOKBACK = 200


class ProjectBase:
    """An open project's store, coder and transactions (see :class:`Project`)."""

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
    ) -> Self:
        from qualcode.language import check_language

        language = check_language(language)
        project = cls(create_store(location), coder)
        project.set_setting("language", language)
        return project

    @classmethod
    @contextmanager
    def creating(
        cls, location: str | os.PathLike[str], *, language: str = "nl", coder: str | None = None
    ) -> Iterator[Self]:
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
    def open(cls, location: str | os.PathLike[str], *, coder: str | None = None) -> Self:
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

    def __enter__(self) -> Self:
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

