"""Whole-project maintenance: a consistent backup copy, and wiping freed text from the files.

Apart from :mod:`qualcode.store` (engines, sessions, opening) because these
run rarely and each needs its own connection handling: the backup reads one
snapshot while other windows keep writing; the scrub rewrites the database
after pseudonymisation so no deleted text survives in a free page or the
``-wal`` file.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, delete, select

from qualcode.errors import QualcodeError
from qualcode.model import Base, Setting
from qualcode.store import Store, is_url, remove_project_files, sqlite_engine


def _temporary_beside(out: Path) -> Path:
    """A new owner-only file in OUT's folder, so the final rename is atomic."""
    if not out.parent.is_dir():
        raise QualcodeError(f"{out}: folder {out.parent} does not exist")
    for attempt in range(100):
        candidate = out.parent / f".{out.name}.{os.getpid()}.{attempt}.tmp"
        try:
            os.close(os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            continue
        return candidate
    raise QualcodeError(f"{out}: cannot create a temporary file beside it")


def backup_store(store: Store, out: str | os.PathLike[str]) -> dict[str, int]:
    """Write a complete, consistent copy of the project to ``out`` (a new SQLite file).

    SQLite: the online backup API copies every page of one read snapshot,
    committed changes still in the ``-wal`` file included, while other
    windows keep writing. PostgreSQL: the rows are copied table by table
    through the models inside one REPEATABLE READ transaction. Either way the
    copy is written to a temporary owner-only (0600) file beside ``out`` and
    renamed over it, so ``out`` is never a half-written project. Returns the
    number of documents and codings in the copy.
    """
    target = Path(out)
    if target.is_dir():
        raise QualcodeError(f"{target}: is a folder; give the backup's file name")
    if not is_url(store.location) and target.exists() \
            and target.resolve() == Path(store.location).resolve():
        raise QualcodeError(f"{target}: is the project itself; choose another file name")
    temporary = _temporary_beside(target)
    try:
        if is_url(store.location):
            _copy_through_models(store.engine, temporary)
        else:
            _sqlite_backup(store.engine, temporary)
        counts = _counts(temporary)
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
        return counts
    finally:
        remove_project_files(temporary)


def _counts(path: Path) -> dict[str, int]:


    copy = sqlite3.connect(path)
    try:
        return {table: copy.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                for table in ("document", "coding")}
    finally:
        copy.close()


def _sqlite_backup(engine: Engine, temporary: Path) -> None:


    source = engine.raw_connection()
    try:
        copy = sqlite3.connect(temporary)
        try:
            source.driver_connection.backup(copy)  # type: ignore[union-attr]
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            result = copy.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise QualcodeError(f"{temporary}: the copy failed its check ({result})")
        finally:
            copy.close()
    except sqlite3.Error as exc:
        raise QualcodeError(f"backup: {exc}") from None
    finally:
        source.close()


def _copy_through_models(engine: Engine, temporary: Path) -> None:
    from sqlalchemy import insert

    destination = sqlite_engine(temporary)
    try:
        Base.metadata.create_all(destination)
        with engine.connect().execution_options(isolation_level="REPEATABLE READ") as source, \
                destination.begin() as copy:
            copy.execute(delete(Setting))
            for table in Base.metadata.sorted_tables:
                result = source.execute(select(table).order_by(*table.primary_key.columns))
                while rows := result.mappings().fetchmany(5000):
                    copy.execute(insert(table), [dict(row) for row in rows])
            copy.exec_driver_sql("PRAGMA foreign_key_check")
    finally:
        destination.dispose()


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
