"""Shared fixtures: a fresh project, transcript files, and the CLI run in-process."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from qualcode.cli import main
from qualcode.project import Project

INTERVIEW = (
    "Interview 1, WGC Gent-Noord\n"
    "\n"
    "I: Zie je psychosociale zorg als jouw rol?\n"
    "HA1: Ja, zeker. Wij zijn laagdrempelig, mensen komen eerst bij ons. "
    "Maar het kost veel tijd. Ik loop dan uit met mijn consultaties.\n"
    "I: Wat vind je daar zwaar aan?\n"
    "HA1: Dat je zoveel geeft en zo weinig terugkrijgt. Die wederkerigheid ontbreekt.\n"
)


@pytest.fixture(scope="session")
def user_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder per test process (deduce's tables are built into it once)."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def user_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, user_cache: Path
) -> Path:
    """Every test gets an empty user config folder and no QUALCODE_CODER from outside."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("QUALCODE_CONFIG_DIR", str(folder))
    monkeypatch.setenv("QUALCODE_CACHE_DIR", str(user_cache))
    monkeypatch.delenv("QUALCODE_CODER", raising=False)
    return folder


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[..., Path]:
    def write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode(encoding))
        return path

    return write


BACKENDS = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: the test is about the SQLite file itself (not run on PostgreSQL)")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that uses ``backend`` (through ``project_path``) runs on both backends."""
    if "backend" in metafunc.fixturenames:
        only = metafunc.definition.get_closest_marker("sqlite_only")
        metafunc.parametrize("backend", ["sqlite"] if only else list(BACKENDS), indirect=True)


@pytest.fixture(scope="session")
def postgres_server(request: pytest.FixtureRequest) -> Iterator[object]:
    """A throwaway PostgreSQL 15 for this test session (one per xdist worker)."""
    from tests import postgres_server

    if not postgres_server.available():
        if os.environ.get("QUALCODE_REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL binaries not found in {postgres_server.BIN}")
        pytest.skip(f"PostgreSQL binaries not found in {postgres_server.BIN}")
    server = postgres_server.start()
    yield server
    server.stop()


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture
def project_path(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """Where the test's project lives: a file, or (postgresql) a URL of an empty database.

    A URL is returned as a ``str``; tests pass either to Project and the CLI alike.
    """
    if backend == "postgresql":
        server = request.getfixturevalue("postgres_server")
        return server.new_database()  # type: ignore[no-any-return]
    return tmp_path / "study.qualcode"


@pytest.fixture
def project(project_path: Path) -> Iterator[Project]:
    with Project.create(project_path, coder="Lotte") as opened:
        yield opened


@pytest.fixture
def interview(project: Project, write_file: Callable[..., Path]) -> str:
    """A project with one short Dutch interview (HA1) and two codes; returns the text."""
    project.import_document(write_file("HA1.txt", INTERVIEW))
    project.add_code(None, "Belasting", color="#d95f02")
    project.add_code("Belasting", "Objectieve belasting", key="1")
    project.add_code("Belasting", "Gebrek aan wederkerigheid", key="2")
    return project.document_text("HA1").text


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    def run(*args: object) -> CliResult:
        try:
            code = main([str(a) for a in args])
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def dump(path: Path | str) -> list[str]:
    """The project's content, to show it is unchanged by a refused command."""
    if "://" in str(path):
        return dump_database(str(path))
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def dump_database(url: str) -> list[str]:
    """Every row of every table of a PostgreSQL project, in key order, as text."""
    from sqlalchemy import inspect, select

    from qualcode.model import Base
    from qualcode.postgres import engine

    database = engine(url)
    try:
        lines = [f"table {name}" for name in sorted(inspect(database).get_table_names())]
        with database.connect() as connection:
            for table in Base.metadata.sorted_tables:
                rows = connection.execute(select(table).order_by(*table.primary_key.columns))
                lines.extend(f"{table.name} {tuple(row)}" for row in rows)
        return lines
    finally:
        database.dispose()


@pytest.fixture
def content() -> Callable[[Path], list[str]]:
    return dump
