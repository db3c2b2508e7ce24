"""Engine and session set-up: one SQLite file per project, or a PostgreSQL database.

This is the only module that knows SQLite exists. A path becomes a SQLite
file created with mode 0600 (transcripts are health data), in WAL mode with
foreign keys on. ``synchronous=NORMAL``: a crash of qualcode (even kill -9)
loses nothing that was acknowledged and never corrupts the file; a power
loss or OS crash can lose the last moments of work but never corrupts it.
FULL would fsync on every coding (about 4 ms each on the reference machine,
over the 2 ms budget for one coding); set ``QUALCODE_SYNCHRONOUS=FULL`` to
trade that speed for power-loss durability. Anything with ``://`` is a
database URL: ``postgresql://...`` for a research group (other databases are
refused); everything else is a path, and the engine is built from the path
itself (``URL.create``), never from a URL string, so ``?``, ``%20`` or ``#``
in a file or folder name are just characters of the name.

Schema versions: a project records ``schema_version`` in its settings.
:func:`open_store` first checks, over a read-only connection, that a file is
a qualcode project it can read (so a foreign SQLite file is never switched to
WAL mode or otherwise written to); an older project is upgraded in place
through Alembic (:mod:`qualcode.migrations`, imported only then, so opening
a current project does not pay for Alembic), a newer one is refused without
writing to it. PostgreSQL specifics (URLs, credentials, errors without the
password) live in :mod:`qualcode.postgres`.

Engines run with ``hide_parameters=True``: an error message never carries
the values of a statement, which are interview text.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import URL, Connection, Engine, create_engine, event, inspect, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from qualcode.errors import ProjectVersionError, QualcodeError, quoted
from qualcode.model import SCHEMA_VERSION, Base, Setting
from qualcode.store_errors import DAMAGED_TEXT, describe_sqlite_error
from qualcode.tempfiles import remove_stale, temporary_name


@dataclass
class Store:
    """An open project database: ``sessions`` for reading, ``writes`` for changes.

    ``location`` is for showing: a file path, or a URL with its password hidden.
    """

    engine: Engine
    sessions: sessionmaker[Session]
    location: str
    writes: sessionmaker[Session]
    default_name: str
    #: For a project being created: the temporary file it is built in until
    #: :func:`publish_store` links it into place at ``location``.
    staged: Path | None = None
    closed: bool = False

    def dispose(self) -> None:
        """Close the connections (checkpointing the WAL first); closing twice is harmless."""
        if self.closed:
            return
        self.closed = True
        checkpoint(self)
        self.engine.dispose()


def is_url(location: str) -> bool:
    return "://" in location




#: How long one attempt to start a write waits for another window's write (ms),
#: and how many attempts are made before the coder is told the project is busy.
BUSY_TIMEOUT_MS = 10_000
BUSY_ATTEMPTS = 3


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # qualcode issues BEGIN itself (see _sqlite_begin), so the driver must not.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    mode = "FULL" if os.environ.get("QUALCODE_SYNCHRONOUS", "").upper() == "FULL" else "NORMAL"
    cursor.execute(f"PRAGMA synchronous={mode}")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    """Writes start with ``BEGIN IMMEDIATE``: they take the write lock up front and wait
    for it (busy timeout, then retries), so two windows writing at once queue up.

    A deferred transaction that reads first and writes later cannot wait: when
    another window has written meanwhile, SQLite refuses the upgrade at once
    ("database is locked") -- the classic SQLITE_BUSY deadlock. Reads stay
    deferred and never block (WAL).
    """
    options = connection.get_execution_options()
    if options.get("isolation_level") == "AUTOCOMMIT":
        return  # VACUUM and checkpoints run outside any transaction
    write = options.get("qualcode_write", False)
    statement = "BEGIN IMMEDIATE" if write else "BEGIN"
    for attempt in range(1, BUSY_ATTEMPTS + 1):
        try:
            connection.exec_driver_sql(statement)
            return
        except OperationalError as exc:
            if "locked" not in str(exc.orig) and "busy" not in str(exc.orig):
                raise
            if attempt == BUSY_ATTEMPTS:
                raise QualcodeError(
                    "the project is busy: another window or process kept it locked for "
                    f"{BUSY_ATTEMPTS * BUSY_TIMEOUT_MS // 1000} s; try again"
                ) from None
            time.sleep(0.05 * attempt)


def sqlite_engine(path: str | os.PathLike[str], *, wal: bool = True) -> Engine:
    """An engine on the SQLite file at ``path``, whatever characters its name holds."""
    engine = create_engine(
        URL.create("sqlite", database=os.fspath(path)), hide_parameters=True
    )
    if wal:
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def _engine_for(location: str) -> Engine:
    if is_url(location):
        from qualcode import postgres

        return postgres.engine(location)
    return sqlite_engine(location)


def _store(engine: Engine, location: str, staged: Path | None = None) -> Store:
    reads = sessionmaker(engine, expire_on_commit=False)
    writes = sessionmaker(engine.execution_options(qualcode_write=True), expire_on_commit=False)
    if is_url(location):
        from qualcode import postgres

        shown, name = postgres.display(location), postgres.database_name(location)
    else:
        shown, name = location, Path(location).stem
    return Store(engine, reads, shown, writes, name, staged)


def shown(location: str | os.PathLike[str]) -> str:
    """A project location as people may see it (a URL's password hidden)."""
    location = os.fspath(location)
    if is_url(location):
        from qualcode import postgres

        return postgres.display(location)
    return location


@contextmanager
def _database_errors(location: str) -> Iterator[None]:
    """Connection and server errors on a URL become one line without the password."""
    if not is_url(location):
        yield
        return
    try:
        yield
    except DBAPIError as exc:
        from qualcode import postgres

        raise postgres.clean_error(location, exc) from None


def remove_project_files(location: str | os.PathLike[str]) -> None:
    """Delete a SQLite project file with its WAL and shared-memory files; for a URL, drop
    the project's tables.

    For undoing a project this process has just created and failed to finish.
    """
    location = os.fspath(location)
    if is_url(location):
        engine = _engine_for(location)
        try:
            with _database_errors(location):
                Base.metadata.drop_all(engine)
                with engine.begin() as connection:
                    connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        finally:
            engine.dispose()
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(location + suffix).unlink(missing_ok=True)


def _link_into_place(building: Path, final: Path) -> None:
    """``building`` becomes ``final``, never replacing a file that appeared there."""
    exists = QualcodeError(f"{quoted(final)}: a file with that name already exists")
    try:
        os.link(building, final)
    except FileExistsError:
        raise exists from None
    except OSError:  # a filesystem without hard links: rename, after a last look
        if final.exists():
            raise exists from None
        os.rename(building, final)


#: Suffix of a project being created (see :func:`stage_store`).
STAGED = ".creating"


def _check_readable(path: Path) -> None:
    """Refuse an unreadable file or one too short to be SQLite, without opening it.

    A project file is only ever opened through SQLite (here, and by
    :func:`_read_only_version` for its header). POSIX record locks belong to
    the process, and closing *any* descriptor of the file drops them all: a
    Python ``open()``/``close()`` of a project this process already holds
    open (the TUI, or the CLI run inside the tests) silently released
    SQLite's shared lock, so another process closing the project believed it
    was the last one, checkpointed and deleted the ``-wal`` file under the
    writers still using it, and acknowledged codings were lost
    (tests/test_concurrent_writers.py). SQLite's own descriptors are
    deferred-closed while the process holds locks, so its opens are safe.
    """
    if not os.access(path, os.R_OK):
        raise QualcodeError(f"{quoted(path)}: permission denied (cannot read it)")
    if path.stat().st_size == 0:
        raise ProjectVersionError(f"{quoted(path)}: not a qualcode project (not a SQLite file)")


def create_store(location: str | os.PathLike[str]) -> Store:
    """Create a new, empty project store; refuses to overwrite an existing file."""
    store = stage_store(location)
    publish_store(store)
    return store


def stage_store(location: str | os.PathLike[str]) -> Store:
    """Start a new project: the schema in a temporary file beside ``location``.

    Whatever is written to the returned store stays in that hidden file until
    :func:`publish_store` links it into place, so a creation that is killed
    half-way (an ``init`` with a codebook, an ``import-refi`` into a new
    project) leaves no file that would block the next attempt, and the next
    attempt removes what the killed one left behind. Refuses an existing
    ``location``. For a database URL the store is the database itself, which
    must be empty.
    """
    location = os.fspath(location)
    if is_url(location):
        engine = _engine_for(location)
        try:
            with _database_errors(location):
                tables = inspect(engine).get_table_names()
            if tables:
                what = "a qualcode project" if "setting" in tables else f"{len(tables)} tables"
                raise QualcodeError(f"{shown(location)}: the database is not empty (it holds "
                                    f"{what}); init needs an empty database")
            with _database_errors(location):
                Base.metadata.create_all(engine)
                with Session(engine) as session, session.begin():
                    session.add(Setting(key="schema_version", value=str(SCHEMA_VERSION)))
        except BaseException:
            engine.dispose()
            raise
        return _store(engine, location)
    path = Path(location)
    if path.exists() or path.is_symlink():
        raise QualcodeError(f"{quoted(location)}: a file with that name already exists")
    if not path.parent.is_dir():
        raise QualcodeError(f"{quoted(location)}: folder {quoted(path.parent)} does not exist")
    remove_stale(path, STAGED, also=("-journal", "-wal", "-shm"))
    building = temporary_name(path, STAGED)
    try:
        os.close(os.open(building, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except PermissionError:
        raise QualcodeError(
            f"{quoted(location)}: read-only: the folder does not allow new files"
        ) from None
    engine = sqlite_engine(building)
    try:
        Base.metadata.create_all(engine)
        with Session(engine) as session, session.begin():
            session.add(Setting(key="schema_version", value=str(SCHEMA_VERSION)))
    except BaseException:
        engine.dispose()
        remove_project_files(building)
        raise
    return _store(engine, location, building)


def discard_store(store: Store) -> None:
    """Give up a project being created: remove its files, or its tables from the database."""
    if store.engine.dialect.name != "sqlite":
        try:
            Base.metadata.drop_all(store.engine)
            with store.engine.begin() as connection:
                connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        finally:
            store.dispose()
        return
    store.dispose()
    if store.staged is not None:
        remove_project_files(store.staged)
    else:
        remove_project_files(store.location)


def publish_store(store: Store) -> None:
    """Link a staged project into place; the store then works on the final file.

    The write-ahead log is folded into the file first (nothing of the project
    may stay behind in the temporary ``-wal``); the file stays in WAL mode, so
    opening it later does not rewrite its header. Refuses, and removes the
    staged file, if something appeared at the final name meanwhile.
    """
    if store.staged is None:
        return
    building, store.staged = store.staged, None
    try:
        with store.engine.connect() as connection:
            autocommit = connection.execution_options(isolation_level="AUTOCOMMIT")
            autocommit.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        store.engine.dispose()
        _link_into_place(building, Path(store.location))
    finally:
        store.engine.dispose()
        remove_project_files(building)
    fresh = _store(_engine_for(store.location), store.location)
    store.engine, store.sessions, store.writes = fresh.engine, fresh.sessions, fresh.writes


def _read_only_version(path: Path) -> int:
    """The project's schema version, read without writing a byte to the file.

    Raises ProjectVersionError for a SQLite file that is not a qualcode project
    and QualcodeError for a damaged one.
    """
    # immutable=1 when no -wal exists: SQLite then creates no -wal/-shm beside
    # a file that may not be ours; a -wal means the file is open or was not
    # closed cleanly, and then a plain read-only connection reads it too.
    has_wal = Path(f"{path}-wal").exists()
    uri = path.absolute().as_uri() + ("?mode=ro" if has_wal else "?mode=ro&immutable=1")
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        raise QualcodeError(f"{quoted(path)}: cannot open the project file ({error})") from None
    try:
        tables = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        )}
        if "setting" not in tables:
            raise ProjectVersionError(
                f"{quoted(path)}: not a qualcode project (no settings table); left untouched"
            )
        row = connection.execute(
            "SELECT value FROM setting WHERE key = 'schema_version'"
        ).fetchone()
    except sqlite3.DatabaseError as error:
        if "file is not a database" in str(error):
            raise ProjectVersionError(
                f"{quoted(path)}: not a qualcode project (not a SQLite file)"
            ) from None
        raise QualcodeError(describe_sqlite_error(str(error), str(path))) from None
    except UnicodeDecodeError:
        raise QualcodeError(f"{quoted(path)}: {DAMAGED_TEXT}") from None
    finally:
        connection.close()
    if row is None:
        raise ProjectVersionError(
            f"{quoted(path)}: not a qualcode project (no schema version); left untouched"
        )
    try:
        version = int(row[0])
    except (TypeError, ValueError):
        version = -1
    if version < 1:
        raise QualcodeError(
            f"{quoted(path)}: damaged project file: schema version {str(row[0])[:20]!r} "
            "is not one qualcode wrote"
        )
    return version


def _schema_version(engine: Engine, location: str) -> int:
    if "setting" not in inspect(engine).get_table_names():
        raise ProjectVersionError(f"{shown(location)}: not a qualcode project (no settings table)")
    with Session(engine) as session:
        row = session.scalar(select(Setting).where(Setting.key == "schema_version"))
        return int(row.value) if row else 0


def project_exists(location: str | os.PathLike[str]) -> bool:
    """Whether ``location`` holds a project already (a file, or a database with our tables)."""
    location = os.fspath(location)
    if not is_url(location):
        return Path(location).exists()
    engine = _engine_for(location)
    try:
        with _database_errors(location):
            return "setting" in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def open_store(location: str | os.PathLike[str]) -> Store:
    """Open an existing project, upgrading an older schema, refusing a newer one."""
    location = os.fspath(location)
    if is_url(location):
        engine = _engine_for(location)
        try:
            with _database_errors(location):
                version = _schema_version(engine, location)
        except BaseException:
            engine.dispose()
            raise
    else:
        path = Path(location)
        if not path.is_file():
            raise QualcodeError(f"{quoted(location)}: no such project file")
        _check_readable(path)
        version = _read_only_version(path)
        engine = _engine_for(location)
    try:
        if version > SCHEMA_VERSION:
            raise ProjectVersionError(
                f"{quoted(shown(location))}: written by a newer qualcode (schema {version}, "
                f"this version reads up to {SCHEMA_VERSION}); upgrade qualcode to open it"
            )
        if version < SCHEMA_VERSION:
            from qualcode.migrations import upgrade

            with _database_errors(location):
                upgrade(engine, version)
    except BaseException:
        engine.dispose()
        raise
    return _store(engine, location)


def checkpoint(store: Store) -> None:
    """Fold the ``-wal`` file back into the project file and empty it (SQLite only).

    Called when a window or command closes its project, so that a project
    nobody has open is one self-contained file again. When another window
    still reads, SQLite checkpoints what it can and leaves the rest for later.
    """
    if is_url(store.location) or not Path(store.location).exists():
        return  # (a file just removed must not be created again by connecting)


    connection = store.engine.raw_connection()
    try:
        connection.driver_connection.execute("PRAGMA busy_timeout=200")  # type: ignore[union-attr]
        connection.driver_connection.execute(  # type: ignore[union-attr]
            "PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.OperationalError:
        return  # busy: another window is mid-change; the last one to close checkpoints
    finally:
        connection.close()
