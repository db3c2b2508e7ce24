"""Codebooks as tables (.csv, .xlsx): what students and MAXQDA users have.

A table has a header row and one code per row, in one of these shapes
(column names are matched ignoring case and surrounding spaces):

* ``path`` — the code path, ``"Parent > Child"``;
* ``category`` and ``code`` — the top-level category and the code under it
  (a row with an empty ``code`` is the category itself; ``code`` may itself
  be a path below the category);
* ``code`` and ``parent`` — a code's name and its parent's name or path
  (empty for a top-level code), in any order;
* ``code`` alone — MAXQDA's "Codes and memos from an Excel table": the code
  path with ``\\`` or ``>`` between names, and ``memo`` as the description.

Optional columns: ``description`` (or ``memo``, ``definition``),
``colour``/``color``, ``key``, ``inclusion``, ``exclusion``, ``example``,
``guid``. A parent that has no row of its own is created without fields.
Every refusal is a :class:`~qualcode.errors.CodebookError` naming the file
and the line (the row number in a workbook). :func:`codebook_rows` is the
inverse: the rows :func:`parse_codebook_table` reads back into the same spec.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from qualcode.codebook.colors import normalise_color
from qualcode.codebook.spec import (
    MAX_CODES,
    MAX_DEPTH,
    MAX_NAME_LENGTH,
    CodebookSpec,
    CodeSpec,
    format_code_path,
    name_key,
)
from qualcode.errors import CodebookError

#: Column name as written (lower case) -> field.
ALIASES = {
    "path": "path", "code path": "path", "category": "category", "code": "code",
    "parent": "parent", "parent code": "parent", "description": "description",
    "memo": "description", "code memo": "description", "definition": "description",
    "colour": "color", "color": "color", "key": "key", "shortcut": "key",
    "inclusion": "inclusion", "exclusion": "exclusion", "example": "example", "guid": "guid",
}
TEXT_FIELDS = ("description", "inclusion", "exclusion", "example")
#: Columns :func:`codebook_rows` writes, in this order.
COLUMNS = ("path", "description", "inclusion", "exclusion", "example", "color", "key", "guid")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class _Node:
    name: str
    line: int
    fields: dict[str, str | None] = field(default_factory=dict)
    children: dict[str, _Node] = field(default_factory=dict)
    explicit: bool = False

    def spec(self) -> CodeSpec:
        return CodeSpec(
            name=self.name,
            color=self.fields.get("color"),
            key=self.fields.get("key"),
            guid=self.fields.get("guid"),
            children=tuple(child.spec() for child in self.children.values()),
            **{name: self.fields.get(name) or "" for name in TEXT_FIELDS},
        )


def _split(path: str, backslash: bool) -> list[str]:
    separators = r"[>\\]" if backslash else r">"
    return [part.strip() for part in re.split(separators, path)]


class _Table:
    def __init__(self, source: str, rows: list[tuple[int, list[str]]]) -> None:
        self.source = source
        self.rows = rows
        self.roots: dict[str, _Node] = {}
        self.count = 0
        self.keys: dict[str, tuple[str, int]] = {}
        self.guids: dict[int, tuple[str, int]] = {}

    def fail(self, problem: str, line: int) -> CodebookError:
        return CodebookError(self.source, problem, line)

    def columns(self) -> tuple[dict[str, int], int]:
        if not self.rows:
            raise CodebookError(self.source, "the table is empty: no header row", 1)
        line, header = self.rows[0]
        columns: dict[str, int] = {}
        for index, written in enumerate(header):
            name = ALIASES.get(written.strip().lower())
            if name is None:
                continue
            if name in columns:
                raise self.fail(f"column {written!r} given twice (as {header[columns[name]]!r} "
                                "and now again)", line)
            columns[name] = index
        shown = ", ".join(repr(h) for h in header if h) or "nothing"
        if "path" not in columns and "code" not in columns:
            wanted = ("'category' and 'code' columns" if "category" in columns
                      else "a 'path' column, or 'category' and 'code' columns")
            missing = "'code'" if "category" in columns else "'path' (or 'code')"
            raise self.fail(f"missing column {missing}: a codebook table needs {wanted}; "
                            f"the header has {shown}", line)
        return columns, line

    def node(self, names: list[str], line: int, what: str) -> _Node:
        """The node at ``names`` (created along the way), refusing impossible paths."""
        if any(not name for name in names):
            raise self.fail(f"{what} {' > '.join(names)!r}: a name in the path is empty", line)
        if len(names) > MAX_DEPTH:
            raise self.fail(f"{what}: codes are nested more than {MAX_DEPTH} levels deep", line)
        keys = [name_key(name) for name in names]
        for index, key in enumerate(keys):
            if key in keys[:index]:
                raise self.fail(
                    f"{what} {format_code_path(tuple(names))!r} names {names[index]!r} twice: "
                    "a code cannot be its own ancestor (a cycle)", line)
        level = self.roots
        node = None
        for name, key in zip(names, keys, strict=True):
            if len(name) > MAX_NAME_LENGTH:
                raise self.fail(f"{what}: name {name[:40]!r}... is {len(name)} characters long "
                                f"(at most {MAX_NAME_LENGTH})", line)
            if _CONTROL.search(name) or "\n" in name:
                raise self.fail(f"{what}: name {name!r} spans lines or holds control "
                                "characters", line)
            node = level.get(key)
            if node is None:
                self.count += 1
                if self.count > MAX_CODES:
                    raise self.fail(f"more than {MAX_CODES:,} codes; that is not a usable "
                                    "codebook", line)
                node = level[key] = _Node(name, line)
            level = node.children
        assert node is not None
        return node

    def fields(self, cells: dict[str, str], line: int, what: str) -> dict[str, str | None]:
        result: dict[str, str | None] = {name: cells.get(name, "") for name in TEXT_FIELDS}
        color = cells.get("color", "")
        result["color"] = None
        if color:
            try:
                result["color"] = normalise_color(color)
            except ValueError as error:
                raise self.fail(f"{what}: {error}", line) from None
        key = cells.get("key", "")
        result["key"] = None
        if key:
            if len(key) != 1 or not (key in "123456789" or key.isalpha()):
                raise self.fail(f"{what}: key {key!r} must be one character, '1' to '9' or a "
                                "letter", line)
            if key in self.keys:
                other, first = self.keys[key]
                raise self.fail(f"{what}: key {key!r} is already used by {other} (line {first})",
                                line)
            self.keys[key] = (what.removeprefix("code "), line)
            result["key"] = key
        guid = cells.get("guid", "")
        result["guid"] = None
        if guid:
            try:
                number = uuid.UUID(guid).int
            except ValueError:
                raise self.fail(f"{what}: guid {guid!r} is not a GUID/UUID", line) from None
            if number in self.guids:
                other, first = self.guids[number]
                raise self.fail(f"{what}: guid {guid!r} is already used by {other} "
                                f"(line {first})", line)
            self.guids[number] = (what.removeprefix("code "), line)
            result["guid"] = guid
        return result

    def place(self, names: list[str], cells: dict[str, str], line: int) -> None:
        what = f"code {format_code_path(tuple(names))!r}" if all(names) else "code"
        node = self.node(names, line, "code")
        if node.explicit:
            raise self.fail(f"{what} is listed twice (first at line {node.line}); "
                            "paths must differ, ignoring case", line)
        node.explicit = True
        node.line = line
        node.fields = self.fields(cells, line, what)

    def read(self) -> tuple[CodeSpec, ...]:
        columns, header_line = self.columns()
        shape = ("path" if "path" in columns else "category" if "category" in columns
                 else "parent" if "parent" in columns else "maxqda")
        parents: list[tuple[int, str, str, dict[str, str]]] = []
        for line, row in self.rows[1:]:
            cells = {name: (row[index].strip() if index < len(row) else "")
                     for name, index in columns.items()}
            if not any(cells.values()):
                continue
            if shape == "path":
                if not cells["path"]:
                    raise self.fail("the 'path' cell is empty", line)
                self.place(_split(cells["path"], backslash=False), cells, line)
            elif shape == "category":
                category, code = cells["category"], cells.get("code", "")
                if not category:
                    raise self.fail("the 'category' cell is empty", line)
                names = [category.strip()] + (_split(code, backslash=False) if code else [])
                self.place(names, cells, line)
            elif shape == "maxqda":
                if not cells["code"]:
                    raise self.fail("the 'code' cell is empty", line)
                self.place(_split(cells["code"], backslash=True), cells, line)
            else:
                if not cells["code"]:
                    raise self.fail("the 'code' cell is empty", line)
                parents.append((line, cells["code"], cells.get("parent", ""), cells))
        if shape == "parent":
            self.place_by_parent(parents)
        if not self.roots:
            raise self.fail("no codes: a codebook needs at least one code", header_line)
        return tuple(node.spec() for node in self.roots.values())

    def place_by_parent(self, rows: list[tuple[int, str, str, dict[str, str]]]) -> None:
        """``code`` + ``parent`` rows: resolve each code's path, refusing cycles."""
        by_name: dict[str, tuple[int, str, str]] = {}
        for line, code, parent, _ in rows:
            key = name_key(code)
            if key in by_name:
                raise self.fail(f"code {code!r} is listed twice (first at line "
                                f"{by_name[key][0]}); in a 'parent' table names must differ",
                                line)
            by_name[key] = (line, code, parent)

        def path_of(key: str, seen: list[str]) -> list[str]:
            line, code, parent = by_name[key]
            if key in seen:
                cycle = " > ".join([by_name[k][1] for k in seen[seen.index(key):]] + [code])
                raise self.fail(f"code {code!r}: its parents lead back to itself (a cycle: "
                                f"{cycle})", line)
            if not parent:
                return [code]
            parent_names = _split(parent, backslash=False)
            parent_key = name_key(parent_names[-1])
            if len(parent_names) == 1 and parent_key in by_name:
                return [*path_of(parent_key, [*seen, key]), code]
            return [*parent_names, code]

        for line, code, _, cells in rows:
            self.place(path_of(name_key(code), []), cells, line)


def parse_codebook_table(rows: list[tuple[int, list[str]]], source: str) -> CodebookSpec:
    """Read table rows (line number, cells) into a spec; the first row is the header."""
    codes = _Table(source, rows).read()
    return CodebookSpec(name=PurePath(source).stem or "codebook", codes=codes, source=source)


def _csv_rows(path: Path, text: str) -> list[tuple[int, list[str]]]:
    header = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header.count)  # the header's separator; ties go to ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    try:
        line = reader.line_num + 1
        for row in reader:
            rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as error:
        raise CodebookError(path, f"not a readable CSV table: {error}", reader.line_num) from None
    return rows


def read_codebook_csv(path: Path) -> CodebookSpec:
    from qualcode.codebook import read_text

    return parse_codebook_table(_csv_rows(path, read_text(path)), str(path))


def read_codebook_xlsx(path: Path) -> CodebookSpec:
    """The first sheet of a workbook; line numbers are the sheet's row numbers."""
    from zipfile import BadZipFile

    import openpyxl

    if not path.is_file():
        raise CodebookError(path, "no such file")
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        raise CodebookError(path, f"not a readable Excel workbook ({exc})") from None
    try:
        sheet = workbook.worksheets[0]
        rows = [
            (number, [_cell(value) for value in row])
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()
    rows = [(number, cells) for number, cells in rows if any(c.strip() for c in cells)]
    return parse_codebook_table(rows, str(path))


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def codebook_rows(spec: CodebookSpec) -> list[list[str]]:
    """The header and one row per code (path shape), in codebook order."""
    rows = [list(COLUMNS)]
    for path, code in spec.walk():
        rows.append([
            format_code_path(path), code.description, code.inclusion, code.exclusion,
            code.example, code.color or "", code.key or "", code.guid or "",
        ])
    return rows


def write_codebook_csv(spec: CodebookSpec, out: Path) -> None:
    """UTF-8 with a BOM, so that Excel opens names such as ``Patiëntgebonden`` right."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(codebook_rows(spec))
    out.write_bytes(buffer.getvalue().encode("utf-8-sig"))


def write_codebook_xlsx(spec: CodebookSpec, out: Path) -> None:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(
        str(out), {"strings_to_formulas": False, "strings_to_urls": False,
                   "strings_to_numbers": False})
    sheet = workbook.add_worksheet("Codebook")
    bold = workbook.add_format({"bold": True})
    for row, values in enumerate(codebook_rows(spec)):
        for column, value in enumerate(values):
            sheet.write_string(row, column, value, bold if row == 0 else None)
    sheet.set_column(0, 0, 50)
    sheet.set_column(1, 4, 40)
    workbook.close()
