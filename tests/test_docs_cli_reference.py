"""docs/cli.md is the command-line reference: every command has its section."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from qualcode.cli import main

REFERENCE = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def commands_in_help() -> list[str]:
    """The command names `qualcode --help` lists (indented four spaces under COMMAND)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        main(["--help"])
    return re.findall(r"^    ([a-z][a-z-]*)(?:\s|$)", out.getvalue(), flags=re.MULTILINE)


def documented_commands() -> list[str]:
    return re.findall(r"^#+ qualcode ([a-z][a-z-]*)\s*$", REFERENCE.read_text(), re.MULTILINE)


def test_help_lists_the_commands_we_expect_to_find():
    commands = commands_in_help()
    assert {"init", "import", "code", "export", "open", "demo"} <= set(commands)


def test_every_command_in_help_has_a_heading_in_the_cli_reference():
    missing = [c for c in commands_in_help() if c not in documented_commands()]
    assert missing == [], f"docs/cli.md has no '### qualcode NAME' heading for {missing}"


def test_the_cli_reference_documents_no_command_that_does_not_exist():
    unknown = [c for c in documented_commands() if c not in commands_in_help()]
    assert unknown == []


def test_readme_and_docs_never_link_outside_the_repository():
    root = REFERENCE.parent.parent
    pages = [root / "README.md", root / "ARCHITECTURE.md", *sorted((root / "docs").glob("*.md"))]
    for page in pages:
        for target in re.findall(r"\]\(([^)\s]+)\)", page.read_text()):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            resolved = (page.parent / target.split("#")[0]).resolve()
            assert resolved.is_relative_to(root), f"{page.name} links outside: {target}"
            assert resolved.exists(), f"{page.name} links to a missing file: {target}"


def test_readme_names_no_path_outside_the_repository():
    readme = (REFERENCE.parent.parent / "README.md").read_text()
    assert "../" not in readme
