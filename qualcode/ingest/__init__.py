"""Files in: transcript readers that all give one normalised text plus turns.

``read_transcript`` is the single entry point. Every format ends the same
way: the text is normalised once (see :func:`normalise`), speaker turns are
found (from the labels in the text, or from the cues of a subtitle file), and
from then on the text never changes, so every offset stays valid. Nothing
here touches a project or database; a refusal is an
:class:`~qualcode.errors.IngestError` naming the file.
"""

from __future__ import annotations

import os
from pathlib import Path

from qualcode.errors import IngestError
from qualcode.ingest.limits import (
    DEFAULT,
    Limits,
    check_archive_size,
    check_file_size,
    check_text_length,
)
from qualcode.ingest.model import AnchoredComment, IngestedText, TurnSpan
from qualcode.ingest.normalise import normalise
from qualcode.ingest.turns import detect_turns, read_turns

__all__ = [
    "SUPPORTED_SUFFIXES",
    "AnchoredComment",
    "IngestedText",
    "Limits",
    "TurnSpan",
    "detect_turns",
    "normalise",
    "read_transcript",
    "read_turns",
]

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".md", ".docx", ".odt", ".rtf", ".vtt", ".srt"}
)


def read_transcript(path: Path, limits: Limits = DEFAULT) -> IngestedText:
    """Read one transcript file, whatever its supported format.

    The format follows the file name's suffix (case-insensitive). Raises
    IngestError(path, problem) for a missing, unreadable, empty, binary,
    undecodable or malformed file, for a file with no text at all, and for
    a file or text larger than ``limits`` allow (checked before reading it).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise IngestError(path, f"unsupported file type '{suffix}' (supported: {supported})")
    file_format = suffix[1:]
    data = _read_bytes(path, limits, archive=file_format in ("docx", "odt"))

    if file_format in ("vtt", "srt"):
        from qualcode.ingest.subtitles import read_subtitles

        result = read_subtitles(path, data, file_format)
    else:
        encoding: str | None = None
        if file_format == "docx":
            from qualcode.ingest.word import read_docx

            text, comments, removed = read_docx(path, data, limits)
        elif file_format == "odt":
            from qualcode.ingest.opendocument import read_odt

            text, comments, removed = read_odt(path, data, limits)
        elif file_format == "rtf":
            from qualcode.ingest.rtf import read_rtf

            text, removed = normalise(read_rtf(path, data))
            comments = []
        else:
            from qualcode.ingest.plaintext import decode_text_file

            decoded, encoding = decode_text_file(path, data)
            text, removed = normalise(decoded)
            comments = []
        reading = read_turns(text)
        result = IngestedText(
            text, file_format, encoding, reading.turns, comments, removed, reading.legend
        )

    if not result.text.strip():
        raise IngestError(path, "no text in this file")
    check_text_length(path, len(result.text), limits)
    return result


def _read_bytes(path: Path, limits: Limits, *, archive: bool) -> bytes:
    """The file's bytes, after checking its size (an archive may be as big as it unpacks to)."""
    try:
        with path.open("rb") as handle:
            cap = limits.max_archive_bytes if archive else limits.max_text_bytes
            refuse = check_archive_size if archive else check_file_size
            refuse(path, os.fstat(handle.fileno()).st_size, limits)
            data = handle.read(cap + 1)
            refuse(path, len(data), limits)
            return data
    except FileNotFoundError as error:
        raise IngestError(path, "file not found") from error
    except IsADirectoryError as error:
        raise IngestError(path, "is a folder, not a file") from error
    except PermissionError as error:
        raise IngestError(path, "permission denied") from error
    except OSError as error:
        raise IngestError(path, f"cannot read file ({error.strerror or error})") from error
