"""Where a ``.qdpx`` source's text may come from: the archive, and (almost) nowhere else.

A shared ``.qdpx`` is an untrusted file. Its ``plainTextPath`` (and a Note's)
can name any file (``absolute:///etc/passwd``, ``relative://../../x``, a
bare ``../x``, or a ``basePath`` chosen by the file itself); followed
blindly, that file would be stored as a transcript and travel on in every
export. The rules:

* ``internal://NAME`` and a bare name: read from inside the archive;
* ``relative://PATH`` (under the project's ``basePath`` if it has one, else
  beside the archive) and a bare path not in the archive: read only if the
  file lies in the ``.qdpx`` file's own folder or below it (symbolic links
  are resolved before the check);
* ``absolute://`` paths, and ``basePath`` folders elsewhere: followed only
  with :attr:`ReadOptions.allow_outside` (``--allow-outside-sources``), and
  even then never into ``/proc``, ``/sys`` or ``/dev``, only regular files,
  and only up to the transcript size limit.

Every path not followed is reported by name with the reason, as a skipped
source or note in the import report.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from qualcode.errors import quoted
from qualcode.ingest.limits import DEFAULT, Limits

#: Folders never read from, whatever the options: they hold the machine's
#: and other processes' secrets (environment, memory) or devices.
FORBIDDEN_ROOTS = (Path("/proc"), Path("/sys"), Path("/dev"))
OUTSIDE_HINT = "outside the archive's folder; not followed (use --allow-outside-sources to read it)"


@dataclass(frozen=True)
class ReadOptions:
    """How much a ``.qdpx`` may make qualcode read."""

    limits: Limits = DEFAULT
    allow_outside: bool = False


@dataclass
class Budget:
    """Bytes unpacked or read so far for one archive, against its limit."""

    limits: Limits
    used: int = 0
    notes: list[str] = field(default_factory=list)


def _under(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def outside_file(
    archive_path: Path, base_path: str | None, text_path: str, options: ReadOptions
) -> tuple[bytes | None, str]:
    """The bytes of a source file outside the archive, or ``(None, why not)``.

    ``text_path`` is a ``relative://``/``absolute://`` path or a bare path
    that was not found in the archive.
    """
    scheme, rest = text_path.split("://", 1) if "://" in text_path else ("", text_path)
    rest = unquote(rest)
    folder = archive_path.parent.resolve()
    shown = quoted(text_path)
    if scheme == "absolute":
        if not options.allow_outside:
            return None, f"text file {shown} is an absolute path; {OUTSIDE_HINT}"
        candidates = [Path(rest)]
    else:
        candidates = [folder / rest]
        if base_path:
            base = unquote(urlparse(base_path).path) if base_path.startswith("file:") \
                else base_path
            root = Path(base)
            candidates.insert(0, (root if root.is_absolute() else folder / root) / rest)
    why = f"text file {shown} not found"
    for candidate in candidates:
        try:
            resolved = candidate.resolve(strict=True)
        except (OSError, RuntimeError):
            continue
        if any(_under(resolved, root) for root in FORBIDDEN_ROOTS):
            why = f"text file {shown} is in a system folder; never read"
        elif not options.allow_outside and not _under(resolved, folder):
            why = f"text file {shown} is {OUTSIDE_HINT}"
        else:
            return _read_regular(resolved, shown, options.limits)
    return None, why


def _read_regular(path: Path, shown: str, limits: Limits) -> tuple[bytes | None, str]:
    """A regular file's bytes up to the transcript limit (no FIFO, device or folder)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        return None, f"text file {shown} cannot be read ({error.strerror})"
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            return None, f"text file {shown} is not a regular file; not read"
        if info.st_size > limits.max_text_bytes:
            return None, (f"text file {shown} is larger than {limits.max_text_mb} MB; "
                          f"not read ({limits.raise_hint()})")
        data = handle.read(limits.max_text_bytes + 1)
    if len(data) > limits.max_text_bytes:
        return None, f"text file {shown} is larger than {limits.max_text_mb} MB; not read"
    return data, ""
