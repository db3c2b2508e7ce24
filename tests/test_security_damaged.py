"""Damaged projects give one ``error:`` line naming the project, never a traceback.

Issue 10, attack 4: a truncated or bit-flipped project, a bad schema
version, a read-only file or folder, a full disk, a deleted ``-wal``, an
unreadable member inside a ``.qdpx``. Each test damages a copy of a small
project, runs commands on it, and checks: exit 1, exactly one line starting
``error:`` that names the project and the problem, no traceback, none of the
interview's words on stderr, and the damaged file left as it was.
"""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from security_support import (
    INTERVIEW,
    assert_refused,
    fingerprint,
    qde,
    qdpx,
    read_only,
    text_source,
    writable,
)

from qualcode.project import Project

SECRET_WORDS = ("consultatiedag", "avonddiensten", "stress")


@pytest.fixture
def healthy(tmp_path: Path) -> Path:
    """A project with one interview and one coding (so there is something to undo)."""
    location = tmp_path / "healthy" / "p.qualcode"
    location.parent.mkdir()
    interview = tmp_path / "HA7.txt"
    interview.write_text(INTERVIEW, encoding="utf-8")
    with Project.create(location, coder="Noor") as project:
        project.import_document(interview)
        project.add_code(None, "Belasting")
        project.add_coding("HA7", "Belasting", *_span("veel mensen met stress"))
    return location


def _span(needle: str) -> tuple[int, int]:
    start = INTERVIEW.index(needle)
    return start, start + len(needle)


def _copy(healthy: Path, tmp_path: Path, name: str = "copy") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    return Path(shutil.copy(healthy, folder / "p.qualcode"))


def _refused_without_leaks(cli, project: Path, *command: object, wanted: str = "") -> str:
    result = cli(*command)
    line = assert_refused(result.code, result.err, project.name, wanted)
    assert not any(word in result.err for word in SECRET_WORDS)
    return line


COMMANDS = (
    ("documents", "{p}", "--json"),
    ("codings", "{p}", "--json"),
    ("import", "{p}", "{interview}", "--name", "HA8"),
    ("undo", "{p}"),
    ("export", "xlsx", "{p}", "{out}"),
)


def _each_command(cli, project: Path, tmp_path: Path, wanted: str) -> None:
    interview = tmp_path / "HA7.txt"
    before = fingerprint(project)
    for command in COMMANDS:
        args = [part.format(p=project, interview=interview, out=tmp_path / "out.xlsx")
                for part in command]
        _refused_without_leaks(cli, project, *args, wanted=wanted)
        assert fingerprint(project) == before
    assert not (tmp_path / "out.xlsx").exists()


def test_a_truncated_project_is_named_damaged(cli, healthy: Path, tmp_path: Path):
    damaged = _copy(healthy, tmp_path)
    damaged.write_bytes(damaged.read_bytes()[: damaged.stat().st_size // 3])
    _each_command(cli, damaged, tmp_path, "damaged project file")


def test_a_bit_flipped_project_gives_one_line_and_no_transcript_text(
    cli, healthy: Path, tmp_path: Path
):
    damaged = _copy(healthy, tmp_path)
    data = bytearray(damaged.read_bytes())
    for position in range(200, len(data), 997):
        data[position] ^= 0xFF
    damaged.write_bytes(bytes(data))
    _each_command(cli, damaged, tmp_path, "damaged project file")


@pytest.mark.parametrize("version, wanted", [
    ("zz", "damaged project file: schema version 'zz'"),
    ("0", "damaged project file"),
    ("999", "written by a newer qualcode"),
])
def test_a_bad_schema_version_is_refused_without_writing(
    cli, healthy: Path, tmp_path: Path, version: str, wanted: str
):
    damaged = _copy(healthy, tmp_path)
    with sqlite3.connect(damaged) as connection:
        connection.execute("UPDATE setting SET value = ? WHERE key = 'schema_version'",
                           (version,))
    _each_command(cli, damaged, tmp_path, wanted)


def test_a_read_only_project_file_refuses_changes_and_undo_says_read_only(
    cli, healthy: Path, tmp_path: Path
):
    project = _copy(healthy, tmp_path)
    before = fingerprint(project)
    read_only(project)
    try:
        assert cli("documents", project, "--json").code == 0
        for command in (("import", project, tmp_path / "HA7.txt", "--name", "HA8"),
                        ("undo", project, "--coder", "Noor")):
            _refused_without_leaks(cli, project, *command, wanted="read-only")
    finally:
        writable(project)
    assert fingerprint(project) == before


def test_a_project_in_a_read_only_folder_is_refused_in_one_line(
    cli, healthy: Path, tmp_path: Path
):
    project = _copy(healthy, tmp_path)
    before = fingerprint(project)
    read_only(project.parent)
    try:
        for command in (("documents", project, "--json"), ("undo", project)):
            _refused_without_leaks(cli, project, *command, wanted="read-only")
    finally:
        writable(project.parent)
    assert fingerprint(project) == before


def test_a_deleted_wal_file_leaves_the_last_checkpointed_project(
    cli, healthy: Path, tmp_path: Path
):
    keeper = sqlite3.connect(healthy)
    try:
        keeper.execute("PRAGMA wal_autocheckpoint=0")
        keeper.execute("INSERT INTO setting (key, value) VALUES ('lost', 'change')")
        keeper.commit()
        copy = tmp_path / "nowal"
        copy.mkdir()
        for suffix in ("", "-shm"):  # the -wal holding the last change is gone
            shutil.copy(str(healthy) + suffix, copy / ("p.qualcode" + suffix))
    finally:
        keeper.close()
    result = cli("documents", copy / "p.qualcode", "--json")
    assert result.code == 0 and "Traceback" not in result.err
    assert '"HA7"' in result.out


def test_a_full_disk_is_reported_and_nothing_is_written(
    cli, healthy: Path, tmp_path: Path, monkeypatch
):
    """SQLite's own "database or disk is full" (a page limit stands in for the disk)."""
    import qualcode.store as store

    pages = healthy.stat().st_size // 4096
    original = store._sqlite_pragmas

    def full_disk(connection: object, record: object) -> None:
        original(connection, record)
        connection.execute(f"PRAGMA max_page_count={pages}")  # type: ignore[attr-defined]

    monkeypatch.setattr(store, "_sqlite_pragmas", full_disk)
    project = _copy(healthy, tmp_path)
    big = tmp_path / "HA9.txt"
    big.write_text(INTERVIEW * 400, encoding="utf-8")
    before = cli("codings", project, "--json").out
    _refused_without_leaks(cli, project, "import", project, big,
                           wanted="disk full: nothing was written")
    assert cli("codings", project, "--json").out == before
    assert "HA9" not in cli("documents", project, "--json").out


def test_a_full_disk_during_an_export_leaves_no_file(
    cli, healthy: Path, tmp_path: Path, monkeypatch
):
    import errno

    import xlsxwriter

    def no_space(self: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(xlsxwriter.Workbook, "close", no_space)
    out = tmp_path / "export" / "quotes.xlsx"
    out.parent.mkdir()
    result = cli("export", "xlsx", healthy, out)
    assert_refused(result.code, result.err, "quotes.xlsx", "disk full: nothing was written")
    assert list(out.parent.iterdir()) == []


def test_an_unreadable_member_of_a_qdpx_is_one_line(cli, tmp_path: Path):
    archive = qdpx(tmp_path / "gedeeld.qdpx", qde(text_source("internal://ha7.txt")),
                   {"sources/ha7.txt": INTERVIEW * 20})
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as opened:
        info = opened.getinfo("sources/ha7.txt")
    start = info.header_offset + 30 + len(info.filename) + 10
    data[start:start + 20] = bytes(20)  # damage the compressed text
    archive.write_bytes(bytes(data))
    result = cli("import-refi", tmp_path / "p.qualcode", archive)
    assert_refused(result.code, result.err, "gedeeld.qdpx", "cannot be unpacked")
    assert not any(word in result.err for word in SECRET_WORDS)
    assert not (tmp_path / "p.qualcode").exists()


def test_debug_shows_the_traceback(cli, healthy: Path, tmp_path: Path):
    damaged = _copy(healthy, tmp_path)
    with sqlite3.connect(damaged) as connection:
        connection.execute("DROP TABLE coding")
    plain = cli("codings", damaged, "--json")
    assert_refused(plain.code, plain.err, "damaged project file")
    with pytest.raises(Exception, match="no such table"):
        from qualcode.cli import main

        main(["codings", str(damaged), "--json", "--debug"])
