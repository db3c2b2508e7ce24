"""Reading a participants table (.csv or .xlsx): the thesis' Table 1.

Parsing is apart from storage: :func:`read_participants` returns a
:class:`ParticipantTable` or raises :class:`~qualcode.errors.IngestError`
naming the file and the problem. One column holds the case name (the first
by default); every other column is an attribute whose type is inferred from
its values: ``number``, ``date`` (ISO or dd/mm/yyyy), ``duration`` (mm:ss or
h:mm:ss) or ``text``.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from qualcode.errors import IngestError

NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")
DATE = re.compile(r"^(\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})$")
DURATION = re.compile(r"^(\d{1,2}:)?\d{1,3}:[0-5]\d$")


@dataclass(frozen=True)
class ParticipantTable:
    source: str
    key: str
    attributes: tuple[tuple[str, str], ...]  # (name, type) in column order
    rows: tuple[tuple[str, dict[str, str | None]], ...]  # (case name, values as text)


def infer_type(values: list[str]) -> str:
    present = [v for v in values if v]
    if not present:
        return "text"
    for kind, pattern in (("number", NUMBER), ("date", DATE), ("duration", DURATION)):
        if all(pattern.match(v) for v in present):
            return kind
    return "text"


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M:%S") if value.hour else value.strftime("%M:%S")
    if isinstance(value, timedelta):
        seconds = int(value.total_seconds())
        return f"{seconds // 60}:{seconds % 60:02d}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_csv(path: Path) -> list[list[str]]:
    from qualcode.ingest.limits import DEFAULT, check_file_size

    check_file_size(path, path.stat().st_size, DEFAULT)
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise IngestError(path, "binary file, not a CSV table")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise IngestError(path, "cannot decode the file (tried UTF-8 and cp1252)")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), dialect)]


def _read_xlsx(path: Path) -> list[list[str]]:
    from zipfile import BadZipFile

    import openpyxl

    from qualcode.ingest.limits import DEFAULT, check_archive_size, check_xml_parts

    # a workbook is a ZIP of XML: refuse a bomb before openpyxl unpacks it
    check_archive_size(path, path.stat().st_size, DEFAULT)
    check_xml_parts(path, path.read_bytes(), DEFAULT)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        raise IngestError(path, f"not a readable Excel workbook ({exc})") from None
    try:
        sheet = workbook.worksheets[0]
        return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def read_participants(path: Path, key: str | None = None) -> ParticipantTable:
    if not path.is_file():
        raise IngestError(path, "no such file")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        table = _read_csv(path)
    elif suffix in (".xlsx", ".xlsm"):
        table = _read_xlsx(path)
    else:
        raise IngestError(path, "participants must be a .csv or .xlsx file")
    table = [row for row in table if any(cell for cell in row)]
    if not table:
        raise IngestError(path, "the file is empty")
    header = table[0]
    while header and not header[-1]:
        header = header[:-1]
    if not header or any(not name for name in header):
        raise IngestError(path, "no header row: every column needs a name in the first row")
    if len(set(header)) != len(header):
        dupes = sorted({name for name in header if header.count(name) > 1})
        raise IngestError(path, f"duplicate column name(s) in the header: {', '.join(dupes)}")
    if any(NUMBER.match(name) or DURATION.match(name) for name in header):
        raise IngestError(path, "no header row: the first row looks like data")
    key = key or header[0]
    if key not in header:
        raise IngestError(path, f"no column {key!r} in the header")
    key_index = header.index(key)
    rows: list[tuple[str, dict[str, str | None]]] = []
    seen: dict[str, int] = {}
    for line, cells in enumerate(table[1:], start=2):
        cells = cells + [""] * (len(header) - len(cells))
        name = cells[key_index]
        if not name:
            raise IngestError(path, f"row {line}: the case name ({key}) is empty")
        if name in seen:
            raise IngestError(path, f"duplicate case name {name!r} (rows {seen[name]} and {line})")
        seen[name] = line
        values = {
            column: (cells[i] or None) for i, column in enumerate(header) if column != key
        }
        rows.append((name, values))
    attributes = tuple(
        (column, infer_type([values[column] or "" for _, values in rows]))
        for column in header
        if column != key
    )
    return ParticipantTable(str(path), key, attributes, tuple(rows))
