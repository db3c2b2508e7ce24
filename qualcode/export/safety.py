"""Making text safe for spreadsheets, and writing files so a crash leaves nothing half-done.

Rules every exporter follows (each has a test that reopens the file):

* **No formulas.** Spreadsheet programs evaluate text that starts with ``=``,
  ``+``, ``-``, ``@``, tab or CR (or LF) when it arrives as CSV, and when a user edits
  such a cell. In .xlsx every text is written as a string cell (with Excel's
  "quote prefix" on the risky ones); in CSV such a value gets a leading
  apostrophe, the convention Excel and LibreOffice honour.
* **Characters Excel cannot store** (C0 controls except tab/LF/CR, U+FFFE,
  U+FFFF, lone surrogates) and **bidirectional controls** (U+202A–202E,
  U+2066–2069, U+200E/200F, U+061C) are removed from that cell only and
  counted, so the Overview can say how many cells were touched (the Markdown
  and Word reports say how many texts).
* **Long text** is split into pieces of at most 32,767 UTF-16 units (Excel's
  cell limit); the exporter writes the pieces on marked continuation rows.
* **Atomic files.** :func:`atomic_output` writes beside the target and
  renames only on success.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from qualcode.errors import QualcodeError, quoted
from qualcode.tempfiles import remove_stale, temporary_name

EXCEL_CELL_LIMIT = 32_767
SHEET_NAME_LIMIT = 31
RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
#: Characters no export keeps: C0 controls Excel cannot store, U+FFFE/U+FFFF,
#: lone surrogates, and the bidirectional controls (embeddings, overrides,
#: isolates, LRM/RLM/ALM), which can make text display in an order other
#: than the one it has ("Trojan Source"); a quote must read as it was said.
UNSTORABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff"
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def is_risky(text: str) -> bool:
    """True for text a spreadsheet could take for a formula."""
    return text.startswith(RISKY_STARTS)


class CellCleaner:
    """Removes unstorable characters and counts the cells it had to change."""

    def __init__(self) -> None:
        self.cells_cleaned = 0
        self.cells_split = 0

    def clean(self, text: str) -> str:
        """``text`` without unstorable characters; a CR becomes a line feed.

        (Excel stores a CR as the escape ``_x000D_``, which other readers show
        literally; a line feed is what a transcript means by it.)
        """
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if UNSTORABLE.search(text) is None:
            return text
        self.cells_cleaned += 1
        return UNSTORABLE.sub("", text)

    def pieces(self, text: str) -> list[str]:
        """The cleaned text as cell-sized pieces (one piece for almost every text)."""
        text = self.clean(text)
        pieces = split_for_cell(text)
        if len(pieces) > 1:
            self.cells_split += 1
        return pieces


def _utf16_length(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def split_for_cell(text: str, limit: int = EXCEL_CELL_LIMIT) -> list[str]:
    """Pieces of ``text`` that each fit a cell; joined, they are ``text`` exactly.

    A piece ends after whitespace near the limit when there is some, so a
    continuation row does not start in the middle of a word.
    """
    if len(text) <= limit // 2 or _utf16_length(text) <= limit:
        return [text]
    pieces: list[str] = []
    rest = text
    while _utf16_length(rest) > limit:
        cut = limit
        while _utf16_length(rest[:cut]) > limit:
            cut -= (_utf16_length(rest[:cut]) - limit + 1) // 2 or 1
        if 0xD800 <= ord(rest[cut - 1]) <= 0xDBFF:  # never split a surrogate pair
            cut -= 1
        space = max(rest.rfind(" ", cut - 200, cut), rest.rfind("\n", cut - 200, cut))
        if space > 0:
            cut = space + 1
        pieces.append(rest[:cut])
        rest = rest[cut:]
    pieces.append(rest)
    return pieces


def csv_value(text: str) -> str:
    """A value for a CSV cell: cleaned, and prefixed with ``'`` if it could run as a formula."""
    text = UNSTORABLE.sub("", text)
    return "'" + text if is_risky(text) else text


def sheet_names(titles: list[str], taken: list[str]) -> list[str]:
    """Valid, unique Excel sheet names for ``titles``, avoiding the names in ``taken``.

    Excel refuses names over 31 characters, with ``[]:*?/\\``, starting or
    ending with an apostrophe, empty, or equal (ignoring case) to another
    sheet or to the reserved "History". Duplicates after shortening get
    " (2)", " (3)", ...
    """
    used = {name.casefold() for name in taken} | {"history"}
    result: list[str] = []
    for title in titles:
        base = SHEET_NAME_FORBIDDEN.sub("_", UNSTORABLE.sub("", title)).strip().strip("'")
        base = base or "Category"
        name = base[:SHEET_NAME_LIMIT].rstrip().strip("'")
        number = 1
        while name.casefold() in used:
            number += 1
            suffix = f" ({number})"
            name = base[: SHEET_NAME_LIMIT - len(suffix)].rstrip().strip("'") + suffix
        used.add(name.casefold())
        result.append(name)
    return result


#: Suffix of an export's temporary file (and ``.part.d`` of its scratch folder).
PART = ".part"


@contextmanager
def atomic_output(target: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside ``target``; renamed to ``target`` only if the block succeeds.

    On any exception (or interruption) the temporary file is removed and an
    existing ``target`` is left untouched. The temporary file lives in the
    target's directory so the final rename is atomic on the same filesystem.
    The file is owner-only (0600), like the project itself: exported quotes
    are as sensitive as the transcripts. Temporary files that a killed export
    left beside ``target`` are removed first (see :mod:`qualcode.tempfiles`).
    """
    target = Path(target)
    remove_stale(target, PART)
    remove_stale(target, PART + ".d")
    temporary = temporary_name(target, PART)
    try:
        os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except OSError as error:
        raise QualcodeError(
            f"{quoted(target)}: cannot write in its folder "
            f"({error.strerror or type(error).__name__}); nothing was written"
        ) from None
    try:
        yield temporary
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        if error.errno == errno.ENOSPC:
            raise QualcodeError(f"{quoted(target)}: disk full: nothing was written") from None
        raise
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def scratch_folder(temporary: Path) -> Path:
    """A private folder beside an export's temporary file, for a library's own scratch files.

    (xlsxwriter assembles a large workbook from temporary files; by default
    they go to the system's temp folder, where a killed export would leave
    quotes behind.) Removed with :func:`remove_scratch`, and by the next
    export's clean-up if the process was killed.
    """
    folder = Path(str(temporary) + ".d")
    folder.mkdir(mode=0o700)
    return folder


def remove_scratch(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
