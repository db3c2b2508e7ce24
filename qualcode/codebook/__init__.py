"""Codebook files, read apart from storage.

A codebook file in one of this package's formats (YAML) becomes a
:class:`CodebookSpec` value; the store converts that into rows. Other formats
(REFI-QDA ``.qdc``) are read elsewhere and chosen by suffix in
:mod:`qualcode.codebook_files`, so this package imports no other format's code. Errors are
:class:`qualcode.errors.CodebookError` naming the file and, where known, the
line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from qualcode.codebook.colors import assign_colors, normalise_color
from qualcode.codebook.spec import (
    MAX_CODES,
    MAX_DEPTH,
    MAX_NAME_LENGTH,
    CodebookSpec,
    CodePathError,
    CodeSpec,
    format_code_path,
    parse_code_path,
)
from qualcode.codebook.yaml_format import dump_codebook_yaml, parse_codebook_yaml
from qualcode.errors import CodebookError

__all__ = [
    "MAX_CODES",
    "MAX_DEPTH",
    "MAX_NAME_LENGTH",
    "READERS",
    "CodePathError",
    "CodeSpec",
    "CodebookSpec",
    "assign_colors",
    "dump_codebook_yaml",
    "format_code_path",
    "load_codebook",
    "normalise_color",
    "parse_code_path",
    "parse_codebook_yaml",
]

#: Largest codebook file read; a real one is a few hundred kilobytes at most.
MAX_FILE_BYTES = 10 * 1024 * 1024


def read_text(path: Path) -> str:
    """The file's text as UTF-8 (a BOM is allowed), or a :class:`CodebookError`."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise CodebookError(path, "is a directory, not a codebook file")
        if size > MAX_FILE_BYTES:
            raise CodebookError(
                path, f"file is {size:,} bytes; a codebook is at most {MAX_FILE_BYTES:,}"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise CodebookError(path, "no such file") from None
    except OSError as error:
        raise CodebookError(path, f"cannot read: {error.strerror or error}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise CodebookError(
            path,
            f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the codebook as UTF-8",
            line,
        ) from None


def _read_yaml(path: Path) -> CodebookSpec:
    return parse_codebook_yaml(read_text(path), str(path))


def _read_csv(path: Path) -> CodebookSpec:
    from qualcode.codebook.table_format import read_codebook_csv

    return read_codebook_csv(path)


def _read_xlsx(path: Path) -> CodebookSpec:
    from qualcode.codebook.table_format import read_codebook_xlsx

    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise CodebookError(path, "no such file") from None
    if size > MAX_FILE_BYTES:
        raise CodebookError(
            path, f"file is {size:,} bytes; a codebook is at most {MAX_FILE_BYTES:,}"
        )
    return read_codebook_xlsx(path)


#: This package's codebook readers by lower-case file suffix (each a function
#: ``Path -> CodebookSpec`` that raises :class:`CodebookError`).
READERS: dict[str, Callable[[Path], CodebookSpec]] = {
    ".yaml": _read_yaml,
    ".yml": _read_yaml,
    ".csv": _read_csv,
    ".xlsx": _read_xlsx,
}


def load_codebook(path: Path) -> CodebookSpec:
    """Read the codebook file at ``path``, choosing the reader by suffix."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise CodebookError(
            path,
            f"unknown codebook format {path.suffix or '(no extension)'!r}; "
            f"use one of {', '.join(sorted(READERS))}",
        )
    return reader(path)
