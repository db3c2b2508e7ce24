"""Engine and session set-up: one SQLite file per project, or a database URL.

This is the only module that knows SQLite exists. A path becomes a SQLite
file created with mode 0600 (transcripts are health data), in WAL mode with
foreign keys on. ``synchronous=NORMAL``: a crash of qualcode (even kill -9)
loses nothing that was acknowledged and never corrupts the file; a power
loss or OS crash can lose the last moments of work but never corrupts it.
FULL would fsync on every coding (about 4 ms each on the reference machine,
over the 2 ms budget for one coding); set ``QUALCODE_SYNCHRONOUS=FULL`` to
trade that speed for power-loss durability. Anything with ``://`` is taken as
an SQLAlchemy URL (e.g. PostgreSQL for a research group); everything else is
a path, and the engine is built from the path itself (``URL.create``), never
from a URL string, so ``?``, ``%20`` or ``#`` in a file or folder name are
just characters of the name.

Schema versions: a project records ``schema_version`` in its settings.
:func:`open_store` first checks, over a read-only connection, that the file
is a qualcode project it can read (so a foreign SQLite file is never switched
to WAL mode or otherwise written to), then upgrades older projects through
:mod:`qualcode.migrations` and refuses newer ones without writing to them.
(We use a small migration list instead of Alembic: projects are single files
opened by a desktop tool, and Alembic's import and script machinery would
cost start-up time for nothing the list cannot do.)

Engines run with ``hide_parameters=True``: an error message never carries
the values of a statement, which are interview text.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from qualcode.errors import ProjectVersionError, QualcodeError, quoted
from qualcode.model import SCHEMA_VERSION, Base, Setting
from qualcode.tempfiles import remove_stale, temporary_name


@dataclass
class Store:
    engine: Engine
    sessions: sessionmaker[Session]
    location: str
    #: For a project being created: the temporary file it is built in until
    #: :func:`publish_store` links it into place at ``location``.
    staged: Path | None = None

    def dispose(self) -> None:
        self.engine.dispose()


def is_url(location: str) -> bool:
    return "://" in location


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    mode = "FULL" if os.environ.get("QUALCODE_SYNCHRONOUS", "").upper() == "FULL" else "NORMAL"
    cursor.execute(f"PRAGMA synchronous={mode}")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def sqlite_engine(path: str | os.PathLike[str], *, wal: bool = True) -> Engine:
    """An engine on the SQLite file at ``path``, whatever characters its name holds."""
    engine = create_engine(
        URL.create("sqlite", database=os.fspath(path)), hide_parameters=True
    )
    if wal:
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _engine_for(location: str) -> Engine:
    if is_url(location):
        return create_engine(location, hide_parameters=True)
    return sqlite_engine(location)


def remove_project_files(location: str | os.PathLike[str]) -> None:
    """Delete a SQLite project file with its WAL and shared-memory files (no-op for URLs).

    For undoing a project this process has just created and failed to finish.
    """
    location = os.fspath(location)
    if not is_url(location):
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


def _is_sqlite_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except PermissionError:
        raise QualcodeError(f"{quoted(path)}: permission denied (cannot read it)") from None


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
    ``location``. For a database URL the store is the database itself.
    """
    location = os.fspath(location)
    if is_url(location):
        engine = _engine_for(location)
        try:
            Base.metadata.create_all(engine)
            with Session(engine) as session, session.begin():
                session.add(Setting(key="schema_version", value=str(SCHEMA_VERSION)))
        except BaseException:
            engine.dispose()
            raise
        return Store(engine, sessionmaker(engine, expire_on_commit=False), location)
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
    return Store(engine, sessionmaker(engine, expire_on_commit=False), location, building)


def discard_store(store: Store) -> None:
    """Give up a project being created: close it and remove its files."""
    store.dispose()
    if store.staged is not None:
        remove_project_files(store.staged)
    elif not is_url(store.location):
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
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        store.engine.dispose()
        _link_into_place(building, Path(store.location))
    finally:
        store.engine.dispose()
        remove_project_files(building)
    store.engine = _engine_for(store.location)
    store.sessions = sessionmaker(store.engine, expire_on_commit=False)


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


def open_store(location: str | os.PathLike[str]) -> Store:
    """Open an existing project, upgrading an older schema, refusing a newer one."""
    location = os.fspath(location)
    if is_url(location):
        from sqlalchemy import inspect

        engine = _engine_for(location)
        try:
            if "setting" not in inspect(engine).get_table_names():
                raise ProjectVersionError(
                    f"{location}: not a qualcode project (no settings table)"
                )
            with Session(engine) as session:
                row = session.scalar(select(Setting).where(Setting.key == "schema_version"))
                version = int(row.value) if row else 0
        except BaseException:
            engine.dispose()
            raise
    else:
        path = Path(location)
        if not path.is_file():
            raise QualcodeError(f"{quoted(location)}: no such project file")
        if not _is_sqlite_file(path):
            raise ProjectVersionError(
                f"{quoted(location)}: not a qualcode project (not a SQLite file)"
            )
        version = _read_only_version(path)
        engine = _engine_for(location)
    try:
        if version > SCHEMA_VERSION:
            raise ProjectVersionError(
                f"{quoted(location)}: written by a newer qualcode (schema {version}, this "
                f"version reads up to {SCHEMA_VERSION}); upgrade qualcode to open it"
            )
        if version < SCHEMA_VERSION:
            from qualcode.migrations import upgrade

            upgrade(engine, version)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, sessionmaker(engine, expire_on_commit=False), location)


DAMAGED_TEXT = "damaged project file: stored text is not valid UTF-8"

#: SQLite's own messages (lower case) and what they mean to a researcher.
_SQLITE_PROBLEMS = (
    ("readonly", "read-only: the project file or its folder cannot be written; "
                 "nothing was changed"),
    ("read-only", "read-only: the project file or its folder cannot be written; "
                  "nothing was changed"),
    ("disk is full", "disk full: nothing was written"),
    ("disk i/o error", "disk error while reading or writing the project; nothing was written"),
    ("malformed", "damaged project file: the database structure is corrupt"),
    ("not a database", "damaged project file: not a readable database"),
    ("file is encrypted", "damaged project file: not a readable database"),
    ("unable to open", "cannot open the project file: it is missing, or its folder is "
                       "read-only (the -wal and -shm files beside it cannot be made)"),
    ("database is locked", "busy: another program holds the project; try again"),
    ("no such table", "damaged project file: a table is missing"),
    ("no such column", "damaged project file: a column is missing"),
)


def describe_sqlite_error(message: str, location: str) -> str:
    """One line for a database error: the project, then what it means.

    Only SQLite's short message is looked at; statements and their values
    (interview text) never reach the line.
    """
    lowered = message.lower()
    for marker, meaning in _SQLITE_PROBLEMS:
        if marker in lowered:
            return f"{quoted(location)}: {meaning}"
    first = message.splitlines()[0][:120] if message else "unknown problem"
    return f"{quoted(location)}: database error: {first}"


def describe_failure(error: BaseException, location: str | None) -> str | None:
    """The ``error:`` line for an unexpected database or OS error, or None if it is neither."""
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    where = location or "the project"
    if isinstance(error, DBAPIError):
        return describe_sqlite_error(str(error.orig), where)
    if isinstance(error, sqlite3.Error):
        return describe_sqlite_error(str(error), where)
    if isinstance(error, UnicodeDecodeError):
        return f"{quoted(where)}: {DAMAGED_TEXT}"
    if isinstance(error, SQLAlchemyError):
        return f"{quoted(where)}: database error ({type(error).__name__})"
    if isinstance(error, OSError):
        import errno

        name = error.filename if error.filename is not None else where
        if error.errno == errno.ENOSPC:
            return f"{quoted(name)}: disk full: nothing was written"
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return f"{quoted(name)}: read-only or permission denied; nothing was written"
        return f"{quoted(name)}: {error.strerror or type(error).__name__}"
    return None


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
