"""Schema migrations through Alembic, on SQLite files and PostgreSQL alike.

A project records ``schema_version`` in its settings. Opening a project at
the current version reads that one row and never imports Alembic (start-up
stays fast); an older project is upgraded in place, inside one transaction,
by the revisions in ``qualcode/alembic/versions/``.

To change the schema:

1. edit :mod:`qualcode.model` and bump ``SCHEMA_VERSION`` to N;
2. add ``qualcode/alembic/versions/NNNN_what_it_does.py`` (copy the baseline
   ``0001_baseline.py``) with ``revision = "NNNN"`` (N, four digits) and
   ``down_revision`` the previous number, and an ``upgrade()`` using
   ``alembic.op`` (``op.add_column``, ``op.create_index``, ``op.execute``...);
   on SQLite, ALTERs Alembic cannot do in place go through
   ``with op.batch_alter_table("coding") as batch: ...`` (the table is
   rebuilt). Keep it to what both SQLite and PostgreSQL understand;
3. ``tests/test_store_migrations.py`` checks the revisions form one chain
   0001..N and upgrades a version-1 project to N on both backends.

Revision ids are the schema version they produce, so a project at version v
is stamped ``v`` (four digits) and upgraded to head; there are no downgrades
(a project is never opened by an older qualcode: it refuses newer schemas).
"""

from __future__ import annotations

from sqlalchemy import Engine, update

from qualcode.model import SCHEMA_VERSION, Setting

SCRIPTS = "qualcode:alembic"


def revision_id(version: int) -> str:
    return f"{version:04d}"


def upgrade(engine: Engine, version: int, *, scripts: str = SCRIPTS,
            target: int = SCHEMA_VERSION) -> None:
    """Upgrade a database at schema ``version`` to ``target``, in one transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", scripts)
    with engine.execution_options(qualcode_write=True).begin() as connection:
        config.attributes["connection"] = connection
        command.stamp(config, revision_id(max(version, 1)), purge=True)
        command.upgrade(config, revision_id(target))
        connection.execute(
            update(Setting).where(Setting.key == "schema_version").values(value=str(target))
        )


def revisions(scripts: str = SCRIPTS) -> list[str]:
    """Revision ids from the base up (for the tests: one unbranched chain)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", scripts)
    chain = list(ScriptDirectory.from_config(config).walk_revisions())
    return [script.revision for script in reversed(chain)]
