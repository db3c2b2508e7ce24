"""Reading any codebook file a user names, choosing the reader by its suffix.

The codebook package reads its own formats (YAML) and knows nothing of
REFI-QDA; the REFI-QDA package reads ``.qdc``. Choosing between them belongs
here, one layer above both, so neither imports the other. Readers are
imported inside the functions: lxml loads only when a ``.qdc`` is read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.errors import CodebookError

if TYPE_CHECKING:
    from qualcode.codebook import CodebookSpec


def _read_own_format(path: Path) -> CodebookSpec:
    from qualcode.codebook import load_codebook

    return load_codebook(path)


def _read_qdc(path: Path) -> CodebookSpec:
    from qualcode.refi import read_qdc

    return read_qdc(path)


def readers() -> dict[str, Callable[[Path], CodebookSpec]]:
    """Lower-case suffix -> reader; any suffix not listed is refused."""
    from qualcode.codebook import READERS

    return {**dict.fromkeys(READERS, _read_own_format), ".qdc": _read_qdc}


def read_codebook(path: str | Path) -> CodebookSpec:
    """The codebook in ``path`` (YAML or REFI-QDA ``.qdc``), or a CodebookError."""
    path = Path(path)
    known = readers()
    reader = known.get(path.suffix.lower())
    if reader is None:
        raise CodebookError(
            path,
            f"unknown codebook format {path.suffix or '(no extension)'!r}; "
            f"use one of {', '.join(sorted(known))}",
        )
    return reader(path)
