"""Row-level change recording: what makes every change undoable.

A :class:`ChangeSet` is handed to the code that makes one change. It adds,
deletes and updates ORM rows *and* records each operation with the full row
values, so the Event log can replay the change backwards (undo) or forwards
(redo), even after a restart. Code that deletes a row must delete its
dependents through the same ChangeSet first (the database would cascade them
silently, and the undo would not bring them back).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, TypeVar, cast

from sqlalchemy import Table, delete, func, insert, inspect, select, update
from sqlalchemy.orm import Session

from qualcode.model import Base

Row = dict[str, Any]
T = TypeVar("T", bound=Base)


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$dt": value.isoformat()}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and "$dt" in value:
        return datetime.fromisoformat(value["$dt"])
    return value


def row_of(obj: Base) -> Row:
    state = inspect(obj)
    return {attr.key: _encode(getattr(obj, attr.key)) for attr in state.mapper.column_attrs}


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _key_clause(table: Table, row: Row) -> Any:
    clauses = [column == row[column.key] for column in table.primary_key.columns]
    return clauses[0] if len(clauses) == 1 else clauses[0] & clauses[1]


def _decoded(row: Row) -> Row:
    return {key: _decode(value) for key, value in row.items()}


class ChangeSet:
    """Records the operations of one change; see the module docstring."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.operations: list[list[Any]] = []
        self.summary = ""

    def add(self, obj: T) -> T:
        self.session.add(obj)
        self.session.flush()
        self.operations.append(["insert", obj.__tablename__, row_of(obj)])
        return obj

    def add_rows(self, model: type[Base], rows: list[Row]) -> list[int]:
        """Insert many rows of ``model`` at once, recorded like :meth:`add`; returns their ids.

        ``rows`` must give every column but ``id`` (defaults are not filled in
        here, so the recorded row is exactly what a redo inserts again).
        """
        if not rows:
            return []
        table = _table(model.__tablename__)
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        ids = [row[0] for row in self.session.execute(statement, rows)]
        for row, new_id in zip(rows, ids, strict=True):
            encoded = {key: _encode(value) for key, value in row.items()}
            self.operations.append(["insert", table.name, {**encoded, "id": new_id}])
        return ids

    def delete(self, obj: Base) -> None:
        self.operations.append(["delete", obj.__tablename__, row_of(obj)])
        self.session.delete(obj)
        self.session.flush()

    def delete_where(self, model: type[Base], *criteria: Any) -> int:
        """Delete every row of ``model`` matching ``criteria`` in one statement,
        recording each row (many sentences of a document are deleted at once)."""
        table = cast(Table, model.__table__)
        self.session.flush()
        rows = [dict(row._mapping) for row in self.session.execute(table.select().where(*criteria))]
        for row in rows:
            self.operations.append(["delete", table.name, {k: _encode(v) for k, v in row.items()}])
        if rows:
            self.session.execute(delete(table).where(*criteria))
            self.session.expire_all()
        return len(rows)

    def update(self, obj: Base, **values: Any) -> None:
        before = row_of(obj)
        for key, value in values.items():
            setattr(obj, key, value)
        self.session.flush()
        after = row_of(obj)
        changed = {k for k in values if before[k] != after[k]}
        if changed:
            self.operations.append(
                [
                    "update",
                    obj.__tablename__,
                    before,
                    {k: after[k] for k in changed},
                ]
            )

    def dumps(self) -> str:
        return json.dumps(self.operations, ensure_ascii=False)

    @property
    def empty(self) -> bool:
        return not self.operations


class ReplayConflict(Exception):
    """The rows a change touched are no longer as it left them (changed since)."""


def _current(session: Session, table: Table, row: Row) -> Row | None:
    found = session.execute(select(table).where(_key_clause(table, row))).mappings().first()
    return dict(found) if found is not None else None


def _same(current: Row, expected: Row) -> bool:
    return all(current.get(key) == value for key, value in expected.items())


def _dependents(session: Session, table: Table, row: Row) -> int:
    """Rows elsewhere that point at ``row`` (deleting it would cascade into them)."""
    count = 0
    for other in Base.metadata.sorted_tables:
        for key in other.foreign_keys:
            if key.column.table is table:
                count += session.scalar(
                    select(func.count()).select_from(other)
                    .where(key.parent == row[key.column.key])
                ) or 0
    return count


class _Remap:
    """New ids for rows re-inserted under a different id than they were recorded with.

    SQLite hands out the id of a deleted last row again, so between an undo and
    its redo another window may have taken the id; the row then gets a new one,
    and the rows of the same change that point at it follow.
    """

    def __init__(self) -> None:
        self.ids: dict[tuple[str, Any], Any] = {}

    def row(self, table: Table, row: Row) -> Row:
        mapped = dict(row)
        for column in table.primary_key.columns:
            mapped[column.key] = self.ids.get((table.name, row[column.key]), row[column.key])
        for key in table.foreign_keys:
            value = row.get(key.parent.key)
            target = (key.column.table.name, value)
            if value is not None and target in self.ids:
                mapped[key.parent.key] = self.ids[target]
        return mapped


def _reinsert(session: Session, table: Table, row: Row, remap: _Remap) -> Row:
    """Insert ``row`` under a new id (its own is taken); refused for composite keys."""
    keys = list(table.primary_key.columns)
    if len(keys) != 1 or keys[0].key != "id":
        raise ReplayConflict(table.name)
    values = {k: v for k, v in row.items() if k != "id"}
    new_id = session.execute(insert(table).values(**values).returning(keys[0])).scalar_one()
    remap.ids[(table.name, row["id"])] = new_id
    return {**row, "id": new_id}


def _encoded(row: Row) -> Row:
    return {key: _encode(value) for key, value in row.items()}


def replay(session: Session, changes: str, *, backwards: bool) -> str:
    """Apply recorded operations to the database, inverted when ``backwards``.

    Before each operation the rows are checked to be as the change left them
    (undo) or found them (redo); otherwise another change (perhaps another
    coder's, in another window) has touched them since, and replaying would
    overwrite or cascade into that work: :class:`ReplayConflict` is raised and
    the caller rolls back. Returns the operations as they now stand (ids of
    re-inserted rows may have changed), to be stored back in the Event.
    """
    operations = json.loads(changes)
    if backwards:
        operations = list(reversed(operations))
    session.flush()
    remap = _Remap()
    done: list[list[Any]] = []
    for kind, table_name, recorded, *rest in operations:
        table = _table(table_name)
        row = remap.row(table, _decoded(recorded))
        current = _current(session, table, row)
        if kind == "update":
            after = _decoded(rest[0])
            expected = after if backwards else {k: row[k] for k in after}
            if current is None or not _same(current, expected):
                raise ReplayConflict(table_name)
            values = {k: row[k] for k in after} if backwards else after
            session.execute(update(table).where(_key_clause(table, row)).values(**values))
            done.append([kind, table_name, _encoded(row), rest[0]])
            continue
        if (kind == "insert") == backwards:
            if current is None or not _same(current, row) or _dependents(session, table, row):
                raise ReplayConflict(table_name)
            session.execute(delete(table).where(_key_clause(table, row)))
        elif current is not None:
            row = _reinsert(session, table, row, remap)
        else:
            session.execute(insert(table).values(**row))
        done.append([kind, table_name, _encoded(row)])
    session.expire_all()
    if backwards:
        done.reverse()
    return json.dumps(done, ensure_ascii=False)
