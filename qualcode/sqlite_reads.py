"""Reads straight from a project's SQLite file, for commands scripts call often.

Importing SQLAlchemy and mapping the models costs about half a second, more
than ``qualcode documents --json`` needs for the work itself. This module
answers that command with the standard library's ``sqlite3`` when it safely
can: a local project file at exactly this version's schema. Anything else
(a URL, an older project that needs upgrading, a newer or foreign file, any
database error) returns None, and the caller takes the full path through
the Project service, which upgrades or refuses with the proper message.

Only reads; tests/test_sqlite_reads.py keeps the answer equal to the Project
service's, field for field.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path
from typing import Any

from qualcode.spans import length

_MODEL = Path(__file__).resolve().with_name("model.py")


def schema_version() -> int | None:
    """``qualcode.model.SCHEMA_VERSION``, read without importing SQLAlchemy.

    The constant stays in model.py, beside the tables it describes (the
    place every schema change edits); a test checks this reads it right.
    """
    try:
        source = _MODEL.read_text(encoding="utf-8")
    except OSError:
        return None
    match = re.search(r"^SCHEMA_VERSION = (\d+)$", source, re.MULTILINE)
    return int(match[1]) if match else None


def _connect(location: str | os.PathLike[str]) -> sqlite3.Connection | None:
    location = os.fspath(location)
    if "://" in location or not Path(location).is_file():
        return None
    # no open() of the file here: closing a descriptor of it would drop the SQLite
    # locks this process may hold on it (see qualcode.store._check_readable);
    # SQLite itself refuses a file that is not a database ("file is not a database")
    expected = schema_version()
    connection = sqlite3.connect(location, timeout=10)
    try:
        row = connection.execute(
            "SELECT value FROM setting WHERE key = 'schema_version'"
        ).fetchone()
    except sqlite3.Error:
        connection.close()
        return None
    if expected is None or row is None or row[0] != str(expected):
        connection.close()
        return None
    return connection


def documents_json(location: str | os.PathLike[str]) -> list[dict[str, Any]] | None:
    """``qualcode documents P --json``, or None if only the Project service can answer."""
    connection = _connect(location)
    if connection is None:
        return None
    try:
        counts = {
            table: dict(connection.execute(
                f'SELECT document_id, count(*) FROM "{table}" GROUP BY document_id'
            ).fetchall())
            for table in ("turn", "sentence", "coding")
        }
        spans: dict[int, list[tuple[int, int]]] = {}
        for document_id, start, end in connection.execute(
            'SELECT document_id, start, "end" FROM coding'
        ):
            spans.setdefault(document_id, []).append((start, end))
        rows = connection.execute(
            'SELECT d.id, d.name, c.name, d.interview_order, length(d.text), d.word_count, '
            'd.status, d.format, d.encoding '
            'FROM document AS d LEFT JOIN "case" AS c ON c.id = d.case_id '
            "ORDER BY d.interview_order, d.id"
        ).fetchall()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    result = []
    for document_id, name, case, order, chars, words, status, format_, encoding in rows:
        coded = length(spans.get(document_id, []))
        result.append({
            "name": name,
            "case": case,
            "order": order,
            "chars": chars,
            "words": words,
            "turns": counts["turn"].get(document_id, 0),
            "sentences": counts["sentence"].get(document_id, 0),
            "status": status,
            "codings": counts["coding"].get(document_id, 0),
            "coded_share": coded / chars if chars else 0.0,
            "format": format_,
            "encoding": encoding,
        })
    return result
