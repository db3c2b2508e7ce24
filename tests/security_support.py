"""Builders and checks shared by the tests/test_security_*.py files.

Every hostile file is built by the test that uses it; the texts and people
are invented. A command run as a subprocess gets resource limits (address
space, CPU seconds) rather than a stopwatch: a bomb that got through would
make the process fail, not a timing assert.
"""

from __future__ import annotations

import hashlib
import os
import resource
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The secret a marker file outside an archive holds; it must never reach a project.
MARKER = "MARKER-7f3a-the-neighbour's-diary"
INTERVIEW = (
    "I: Hoe was je week in de praktijk?\n"
    "HA7: Druk, veel mensen met stress. Ik liep elke dag uit.\n"
    "I: En de avonddiensten?\n"
    "HA7: Die vallen zwaar, vooral na een lange consultatiedag.\n"
)
SOURCE = "33333333-3333-3333-3333-333333333333"
NOTE = "55555555-5555-5555-5555-555555555555"


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_qualcode(*args: object, cwd: Path | None = None, memory_mb: int = 1536,
                 cpu_seconds: int = 120) -> Run:
    """``python -m qualcode ARGS`` in a child with bounded memory and CPU time."""

    def limit() -> None:  # runs in the child, before exec
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2**20, memory_mb * 2**20))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))

    env = {**os.environ, "PYTHONPATH": str(ROOT), "QUALCODE_CODER": "Tester"}
    done = subprocess.run(
        [sys.executable, "-m", "qualcode", *map(str, args)],
        cwd=cwd, env=env, capture_output=True, text=True, preexec_fn=limit,
        timeout=cpu_seconds * 3,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def assert_refused(code: int, err: str, *wanted: str) -> str:
    """Exit 1, exactly one line on stderr, starting ``error:``, no traceback; the line."""
    assert code == 1, err
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: "), err
    for part in wanted:
        assert part in lines[0], lines[0]
    return lines[0]


def fingerprint(project: Path) -> tuple[str, ...]:
    """The bytes of a project and of its write-ahead log, to show that nothing changed.

    (An empty ``-wal`` and the ``-shm`` index hold no project data; SQLite may
    leave them beside a file it could only read.)
    """
    digests = [hashlib.sha256(project.read_bytes()).hexdigest()]
    wal = Path(f"{project}-wal")
    if wal.exists() and wal.stat().st_size:
        digests.append(hashlib.sha256(wal.read_bytes()).hexdigest())
    return tuple(digests)


def qdpx(path: Path, qde: str | bytes, files: dict[str, str | bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", qde if isinstance(qde, bytes) else qde.encode())
        for name, content in (files or {}).items():
            archive.writestr(name, content if isinstance(content, bytes) else content.encode())
    return path


def qde(sources: str, *, base: str | None = None, notes: str = "") -> str:
    base_attr = f' basePath="{base}"' if base is not None else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<Project xmlns="urn:QDA-XML:project:1.0" name="gedeeld"{base_attr}>'
        f"<Sources>{sources}</Sources>{notes}</Project>"
    )


def text_source(path: str, guid: str = SOURCE, name: str = "HA7") -> str:
    return f'<TextSource guid="{guid}" name="{name}" plainTextPath="{path}"/>'


def note(path: str, guid: str = NOTE, name: str = "Memo van Noor") -> str:
    return f'<Notes><Note guid="{guid}" name="{name}" plainTextPath="{path}"/></Notes>'


def project_files_contain(folder: Path, needle: str) -> bool:
    """True if any file in ``folder`` (projects, -wal, exports) holds ``needle``."""
    raw = needle.encode()
    return any(raw in p.read_bytes() for p in folder.rglob("*") if p.is_file())


def read_only(path: Path) -> None:
    """Make a file or folder read-only even for root (chattr +i), or skip the test.

    Undo with :func:`writable`; as a normal user a chmod is enough.
    """
    import pytest

    if os.geteuid() != 0:
        path.chmod(0o555 if path.is_dir() else 0o444)
        return
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot make a file read-only for root here (no chattr +i)")


def writable(path: Path) -> None:
    if os.geteuid() != 0:
        path.chmod(0o755 if path.is_dir() else 0o644)
    else:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)
