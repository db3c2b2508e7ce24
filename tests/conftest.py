"""Shared fixtures: a fresh project, transcript files, and the CLI run in-process."""

from __future__ import annotations

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


@pytest.fixture(autouse=True)
def user_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets an empty user config folder and no QUALCODE_CODER from outside."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("QUALCODE_CONFIG_DIR", str(folder))
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


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
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


def dump(path: Path) -> list[str]:
    """The project's content as SQL, to show it is unchanged by a refused command."""
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.fixture
def content() -> Callable[[Path], list[str]]:
    return dump
