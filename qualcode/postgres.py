"""PostgreSQL as a project's home: URLs, engines, and errors that never show a password.

A research group keeps one project in a PostgreSQL database and gives each
member a URL (``postgresql://lotte@server/study``). The password comes from
the URL, the ``PGPASSWORD`` environment variable or ``~/.pgpass`` (libpq
reads the last two itself). A URL is shown to people, written to logs and
JSON only through :func:`display`, which hides the password; errors from the
driver are cleaned of it as well.
"""

from __future__ import annotations

import re

from sqlalchemy import URL, Engine, String, create_engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.ext.compiler import compiles

from qualcode.errors import QualcodeError

SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


@compiles(String, "postgresql")
def _unbounded_strings(type_: String, compiler: object, **kw: object) -> str:
    """Names and labels are VARCHAR(n) in the models; SQLite ignores n, PostgreSQL would
    refuse a longer value. Both backends must accept the same data, so PostgreSQL
    columns are TEXT (no slower there)."""
    return "TEXT"


def is_postgres(location: str) -> bool:
    return location.lower().startswith(SCHEMES)


def _masked(location: str) -> str:
    """The URL with any password replaced, even when it cannot be parsed."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", location)


def parse(location: str) -> URL:
    try:
        url = make_url(location)
    except ArgumentError:
        raise QualcodeError(f"{_masked(location)}: not a database URL "
                            "(use postgresql://USER@HOST[:PORT]/DATABASE)") from None
    if url.get_backend_name() != "postgresql":
        raise QualcodeError(f"{display(location)}: only postgresql:// URLs are supported")
    if not url.database:
        raise QualcodeError(f"{display(location)}: the URL names no database")
    return url.set(drivername="postgresql+psycopg")


def display(location: str) -> str:
    """The URL as people may see it: ``postgresql://lotte:***@server/study``."""
    try:
        url = make_url(location)
    except ArgumentError:
        return _masked(location)
    shown = url.set(drivername=url.drivername.split("+")[0])
    return shown.render_as_string(hide_password=True)


def database_name(location: str) -> str:
    try:
        return make_url(location).database or "project"
    except ArgumentError:
        return "project"


def engine(location: str) -> Engine:
    """An engine for the project at ``location``; parameters never appear in errors."""
    return create_engine(parse(location), hide_parameters=True, pool_size=5,
                         max_overflow=5)


def clean_error(location: str, error: BaseException) -> QualcodeError:
    """One line about a failed connection or statement, without the password."""
    original = error.orig if isinstance(error, DBAPIError) else error
    message = " ".join(str(original).split()) or type(original).__name__
    try:
        password = make_url(location).password
    except ArgumentError:
        password = None
    if password:
        message = message.replace(str(password), "***")
    message = re.sub(r"password=\S+", "password=***", message)
    return QualcodeError(f"{display(location)}: {message}")
