"""Schema migrations, applied in order when an older project is opened.

Each entry upgrades from version ``n`` to ``n + 1`` inside one transaction,
so a failed upgrade leaves the project as it was. To change the schema: edit
:mod:`qualcode.model`, bump ``SCHEMA_VERSION``, and append a step here that
brings an existing database from the previous version to the new one
(``tests/test_store.py`` checks the list matches the version).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine, inspect, text, update

from qualcode.model import SCHEMA_VERSION, Setting

Step = Callable[[Connection], None]


def add_document_status(connection: Connection) -> None:
    """Version 1 -> 2: ``document.status``; documents with codings become ``in-progress``.

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
STEPS: dict[int, Step] = {1: add_document_status}


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
