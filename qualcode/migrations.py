"""Schema migrations, applied in order when an older project is opened.

Each entry upgrades from version ``n`` to ``n + 1`` inside one transaction,
so a failed upgrade leaves the project as it was. To change the schema: edit
:mod:`qualcode.model`, bump ``SCHEMA_VERSION``, and append a step here that
brings an existing database from the previous version to the new one
(``tests/test_store.py`` checks the list matches the version).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine, inspect, select, text, update

from qualcode.model import SCHEMA_VERSION, Setting, Speaker, Turn, table_of

Step = Callable[[Connection], None]


def add_turn_times_and_speakers(connection: Connection) -> None:
    """Version 1 -> 2: ``turn.time`` in seconds (from the stored timestamp), ``speaker`` table.

    Every label already used in a document gets a speaker row without a
    legend name. Idempotent: a column or table already there is left alone.
    """
    from qualcode.positions import parse_time

    inspector = inspect(connection)
    if "time" not in {column["name"] for column in inspector.get_columns("turn")}:
        connection.execute(text('ALTER TABLE turn ADD COLUMN "time" FLOAT'))
    for turn_id, timestamp in connection.execute(
        select(Turn.id, Turn.timestamp).where(Turn.timestamp.is_not(None), Turn.time.is_(None))
    ).all():
        seconds = parse_time(timestamp)
        if seconds is not None:
            connection.execute(update(Turn).where(Turn.id == turn_id).values(time=seconds))
    table_of(Speaker).create(connection, checkfirst=True)
    known = set(connection.execute(select(Speaker.document_id, Speaker.label)).all())
    labels = connection.execute(select(Turn.document_id, Turn.speaker).distinct()).all()
    rows = [
        {"document_id": document_id, "label": label, "name": ""}
        for document_id, label in labels
        if label and (document_id, label) not in known
    ]
    if rows:
        connection.execute(table_of(Speaker).insert(), rows)


def add_document_status(connection: Connection) -> None:
    """Version 2 -> 3: ``document.status``; documents with codings become ``in-progress``.

    Idempotent: a column that is already there is left as it is.
    """
    columns = {c["name"] for c in inspect(connection).get_columns("document")}
    if "status" not in columns:
        connection.execute(text(
            "ALTER TABLE document ADD COLUMN status VARCHAR(16) "
            "NOT NULL DEFAULT 'not-started'"
        ))
    connection.execute(text(
        "UPDATE document SET status = 'in-progress' WHERE status = 'not-started' "
        "AND id IN (SELECT document_id FROM coding)"
    ))


#: STEPS[n] upgrades a version-n database to version n + 1.
#: Version 0 does not exist on disk (new projects are created at the current
#: version), so the list starts at 1.
STEPS: dict[int, Step] = {1: add_turn_times_and_speakers, 2: add_document_status}


def upgrade(engine: Engine, version: int) -> None:
    """Upgrade a database at ``version`` to :data:`SCHEMA_VERSION`, step by step."""
    for current in range(version, SCHEMA_VERSION):
        step = STEPS.get(current)
        if step is None:
            raise RuntimeError(f"no migration from schema version {current}")
        with engine.begin() as connection:
            step(connection)
            connection.execute(
                update(Setting)
                .where(Setting.key == "schema_version")
                .values(value=str(current + 1))
            )
