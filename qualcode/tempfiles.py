"""Temporary files beside their target, and the clean-up of ones a killed run left.

Every file qualcode writes (an export, a new project) is first written under
a hidden temporary name in the target's own folder, then renamed into place,
so a crash never leaves a half-written target. The temporary name carries the
writing process's id: a later run removes the temporary files of processes
that no longer exist (a ``kill -9`` skips every ``finally``), and leaves those
of a run still going alone.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from pathlib import Path


def temporary_name(target: Path, suffix: str) -> Path:
    """A fresh hidden name beside ``target``: ``.NAME.PID-RANDOM`` + ``suffix``."""
    return target.parent / f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}{suffix}"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(target: Path, suffix: str, also: tuple[str, ...] = ()) -> list[Path]:
    """Remove temporary files for ``target`` left by processes that are gone.

    ``also`` names companion suffixes (such as SQLite's ``-journal``) removed
    with each one. Returns what was removed; files that cannot be removed are
    left (the next write fails with its own, clearer error if it matters).
    """
    removed: list[Path] = []
    prefix = f".{target.name}."
    try:
        names = os.listdir(target.parent)
    except OSError:
        return removed
    for name in names:
        middle = name[len(prefix):]
        if not name.startswith(prefix) or not name.endswith(suffix):
            continue
        pid_text = middle.split("-", 1)[0]
        if not pid_text.isdigit() or _alive(int(pid_text)):
            continue
        for extra in ("", *also):
            stale = target.parent / (name + extra)
            if stale.is_dir() and not stale.is_symlink():
                shutil.rmtree(stale, ignore_errors=True)
                removed.append(stale)
                continue
            with contextlib.suppress(FileNotFoundError, PermissionError):
                stale.unlink()
                removed.append(stale)
    return removed
