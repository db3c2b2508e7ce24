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

from sqlalchemy import Table, delete, insert, inspect, update
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


def replay(session: Session, changes: str, *, backwards: bool) -> None:
    """Apply recorded operations to the database, inverted when ``backwards``."""
    operations = json.loads(changes)
    if backwards:
        operations = list(reversed(operations))
    session.flush()
    for kind, table_name, row, *rest in operations:
        table = _table(table_name)
        row = _decoded(row)
        if kind == "update":
            after = _decoded(rest[0])
            values = {k: row[k] for k in after} if backwards else after
            session.execute(update(table).where(_key_clause(table, row)).values(**values))
        elif (kind == "insert") == backwards:
            session.execute(delete(table).where(_key_clause(table, row)))
        else:
            session.execute(insert(table).values(**row))
    session.expire_all()
