"""What a database or OS error means to a researcher, as the one ``error:`` line.

Used by the CLI (exit 1) and the TUI (a notification). Only SQLite's short
message and the error's type are looked at: statements and their values,
which are interview text, never reach the line.
"""

from __future__ import annotations

import sqlite3

from qualcode.errors import quoted

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
