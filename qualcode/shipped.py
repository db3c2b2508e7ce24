"""The data qualcode ships: the codebooks and the demo's sample transcripts.

The top-level ``codebooks/`` and ``sample_transcripts/`` folders of the
repository are the source; a wheel carries them as ``qualcode/data/...``
(the mapping is in ``pyproject.toml``). This module is the one place that
knows both homes, so ``qualcode demo`` and ``init --codebook NAME`` work the
same from a source checkout, an editable install and an installed wheel.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qualcode.errors import QualcodeError

CODEBOOK_SUFFIXES = (".yaml", ".yml", ".qdc")
_PACKAGE = Path(__file__).resolve().parent


def _folder(name: str) -> Path | None:
    """``qualcode/data/NAME`` in an installed wheel, else ``NAME`` beside the package."""
    for root in (_PACKAGE / "data", _PACKAGE.parent):
        if (root / name).is_dir():
            return root / name
    return None


def sample_transcripts_folder() -> Path:
    folder = _folder("sample_transcripts")
    if folder is None:
        raise QualcodeError(
            f"{_PACKAGE / 'data' / 'sample_transcripts'}: the demo's sample transcripts are "
            "missing from this installation (reinstall qualcode)"
        )
    return folder


@dataclass(frozen=True)
class ShippedCodebook:
    """A codebook that comes with qualcode, named by its file name without the suffix."""

    name: str
    path: Path


def shipped_codebooks() -> list[ShippedCodebook]:
    folder = _folder("codebooks")
    if folder is None:
        return []
    return [
        ShippedCodebook(path.stem, path)
        for path in sorted(folder.iterdir())
        if path.suffix.lower() in CODEBOOK_SUFFIXES and path.is_file()
    ]


def shipped_codebook(name: str) -> Path:
    """The file of the shipped codebook called ``name``; refuses an unknown name."""
    known = {c.name: c.path for c in shipped_codebooks()}
    if name not in known:
        shipped = ", ".join(sorted(known)) or "none"
        raise QualcodeError(
            f"codebook {name!r}: no such file, and no shipped codebook of that name "
            f"(shipped: {shipped})"
        )
    return known[name]


def codebook_path(argument: str) -> Path:
    """A codebook given on the command line: a file, or the name of a shipped codebook.

    A file that exists wins; a bare name (no folder, no codebook suffix) that
    is not a file is looked up among the shipped codebooks. Anything else is
    returned as it is, so the reader refuses it naming the file.
    """
    path = Path(argument)
    if path.exists() or len(path.parts) != 1 or path.suffix.lower() in CODEBOOK_SUFFIXES:
        return path
    return shipped_codebook(argument)
