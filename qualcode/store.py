"""Engine and session set-up: one SQLite file per project, or a database URL.

This is the only module that knows SQLite exists. A path becomes a SQLite
file created with mode 0600 (transcripts are health data), in WAL mode with
foreign keys on. ``synchronous=NORMAL``: a crash of qualcode (even kill -9)
loses nothing that was acknowledged and never corrupts the file; a power
loss or OS crash can lose the last moments of work but never corrupts it.
FULL would fsync on every coding (about 4 ms each on the reference machine,
over the 2 ms budget for one coding); set ``QUALCODE_SYNCHRONOUS=FULL`` to
trade that speed for power-loss durability. Anything with ``://`` is taken as an SQLAlchemy
URL (e.g. PostgreSQL for a research group).

Schema versions: a project records ``schema_version`` in its settings.
:func:`open_store` upgrades older projects through :mod:`qualcode.migrations`
and refuses newer ones without writing to them. (We use a small migration
list instead of Alembic: projects are single files opened by a desktop tool,
and Alembic's import and script machinery would cost start-up time for
nothing the list cannot do.)
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from qualcode.errors import ProjectVersionError, QualcodeError
from qualcode.model import SCHEMA_VERSION, Base, Setting


@dataclass
class Store:
    engine: Engine
    sessions: sessionmaker[Session]
    location: str

    def dispose(self) -> None:
        self.engine.dispose()


def _is_url(location: str) -> bool:
    return "://" in location


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    mode = "FULL" if os.environ.get("QUALCODE_SYNCHRONOUS", "").upper() == "FULL" else "NORMAL"
    cursor.execute(f"PRAGMA synchronous={mode}")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _engine_for(location: str) -> Engine:
    if _is_url(location):
        return create_engine(location)
    engine = create_engine(f"sqlite:///{location}")
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def remove_project_files(location: str | os.PathLike[str]) -> None:
    """Delete a SQLite project file with its WAL and shared-memory files (no-op for URLs).

    For undoing a project this process has just created and failed to finish.
    """
    location = os.fspath(location)
    if not _is_url(location):
        for suffix in ("", "-wal", "-shm"):
            Path(location + suffix).unlink(missing_ok=True)


def _is_sqlite_file(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"


def create_store(location: str | os.PathLike[str]) -> Store:
    """Create a new, empty project store; refuses to overwrite an existing file."""
    location = os.fspath(location)
    if not _is_url(location):
        path = Path(location)
        if path.exists():
            raise QualcodeError(f"{location}: a file with that name already exists")
        if not path.parent.exists():
            raise QualcodeError(f"{location}: folder {path.parent} does not exist")
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    engine = _engine_for(location)
    try:
        Base.metadata.create_all(engine)
        with Session(engine) as session, session.begin():
            session.add(Setting(key="schema_version", value=str(SCHEMA_VERSION)))
    except Exception:
        engine.dispose()
        remove_project_files(location)
        raise
    return Store(engine, sessionmaker(engine, expire_on_commit=False), location)


def open_store(location: str | os.PathLike[str]) -> Store:
    """Open an existing project, upgrading an older schema, refusing a newer one."""
    location = os.fspath(location)
    if not _is_url(location):
        path = Path(location)
        if not path.is_file():
            raise QualcodeError(f"{location}: no such project file")
        if not _is_sqlite_file(path):
            raise ProjectVersionError(f"{location}: not a qualcode project (not a SQLite file)")
    engine = _engine_for(location)
    try:
        if "setting" not in inspect(engine).get_table_names():
            raise ProjectVersionError(f"{location}: not a qualcode project (no settings table)")
        with Session(engine) as session:
            row = session.scalar(select(Setting).where(Setting.key == "schema_version"))
            version = int(row.value) if row else 0
        if version > SCHEMA_VERSION:
            raise ProjectVersionError(
                f"{location}: written by a newer qualcode (schema {version}, this version "
                f"reads up to {SCHEMA_VERSION}); upgrade qualcode to open it"
            )
        if version < SCHEMA_VERSION:
            from qualcode.migrations import upgrade

            upgrade(engine, version)
    except Exception:
        engine.dispose()
        raise
    return Store(engine, sessionmaker(engine, expire_on_commit=False), location)


def scrub(store: Store) -> bool:
    """Rewrite the database so no freed page and no ``-wal`` frame keeps deleted text.

    SQLite: checkpoint, ``VACUUM`` (with temporary data kept in memory, not in
    temporary files), checkpoint again truncating the ``-wal`` file to zero
    bytes. PostgreSQL: ``VACUUM FULL`` (the server's own WAL is outside what
    qualcode can reach; docs/pseudonymisation.md says so). Returns False when
    another connection kept the ``-wal`` file from being emptied.
    """
    store.engine.dispose()
    with store.engine.connect() as connection:
        autocommit = connection.execution_options(isolation_level="AUTOCOMMIT")
        if store.engine.dialect.name != "sqlite":
            autocommit.exec_driver_sql("VACUUM FULL")
            return True
        autocommit.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        autocommit.exec_driver_sql("PRAGMA temp_store=MEMORY")
        autocommit.exec_driver_sql("VACUUM")
        busy = autocommit.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
    store.engine.dispose()
    return not (busy and busy[0])


def others_connected(store: Store) -> bool:
    """True when another process holds the SQLite project open (a checkpoint cannot finish)."""
    if store.engine.dialect.name != "sqlite":
        return False
    store.engine.dispose()
    with store.engine.connect() as connection:
        autocommit = connection.execution_options(isolation_level="AUTOCOMMIT")
        result = autocommit.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
    store.engine.dispose()
    return bool(result and result[0])
