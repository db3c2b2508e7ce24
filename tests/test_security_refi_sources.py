"""A shared .qdpx cannot make qualcode read files outside it (issue 10, attack 1).

Each test builds an archive whose source (or note) names a marker file
outside the archive's folder, imports it, and checks that the import says
which path it did not follow and that the marker's text is nowhere in the
project. ``--allow-outside-sources`` lets absolute paths through, but never
into /proc, /sys or /dev.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from security_support import (
    INTERVIEW,
    MARKER,
    note,
    project_files_contain,
    qde,
    qdpx,
    text_source,
)


@pytest.fixture
def layout(tmp_path: Path) -> dict[str, Path]:
    """``outside/secret.txt`` (the marker), ``shared/`` (the archive), ``work/`` (the project)."""
    outside, shared, work = (tmp_path / name for name in ("outside", "shared", "work"))
    for folder in (outside, shared, work):
        folder.mkdir()
    (outside / "secret.txt").write_text(f"HA7: {MARKER}\n", encoding="utf-8")
    return {"outside": outside, "shared": shared, "work": work,
            "secret": outside / "secret.txt", "project": work / "p.qualcode"}


def _import(cli, layout, archive: Path, *extra: str) -> dict:
    result = cli("import-refi", layout["project"], archive, "--json", *extra)
    assert result.code == 0, result.err
    assert MARKER not in result.err and MARKER not in result.out
    return json.loads(result.out)


def _skipped(report: dict) -> dict[str, str]:
    return {item["name"]: item["reason"] for item in report["skipped_items"]}


@pytest.mark.parametrize("path", [
    "absolute://{secret}",
    "relative://../outside/secret.txt",
    "../outside/secret.txt",
    "relative://%2E%2E/outside/secret.txt",
])
def test_a_source_path_outside_the_archive_is_not_followed_and_is_named(
    cli, layout, path: str
):
    path = path.format(secret=layout["secret"])
    archive = qdpx(layout["shared"] / "gedeeld.qdpx", qde(text_source(path)))
    report = _import(cli, layout, archive)
    reason = _skipped(report)["'HA7'"]
    assert path in reason and "not followed" in reason
    assert report["imported"].get("sources", 0) == 0
    assert not project_files_contain(layout["work"], MARKER)


def test_a_base_path_set_by_the_file_does_not_reach_outside_its_folder(cli, layout):
    archive = qdpx(layout["shared"] / "gedeeld.qdpx",
                   qde(text_source("relative://secret.txt"), base=str(layout["outside"])))
    report = _import(cli, layout, archive)
    assert "not followed" in _skipped(report)["'HA7'"]
    assert not project_files_contain(layout["work"], MARKER)


def test_a_symbolic_link_beside_the_archive_is_followed_only_inside_its_folder(cli, layout):
    (layout["shared"] / "link.txt").symlink_to(layout["secret"])
    archive = qdpx(layout["shared"] / "gedeeld.qdpx", qde(text_source("relative://link.txt")))
    report = _import(cli, layout, archive)
    assert "not followed" in _skipped(report)["'HA7'"]
    assert not project_files_contain(layout["work"], MARKER)


def test_a_note_path_outside_the_archive_is_not_followed_and_is_named(cli, layout):
    archive = qdpx(layout["shared"] / "gedeeld.qdpx", qde(
        text_source(f"internal://{'3' * 8}.txt"),
        notes=note(f"absolute://{layout['secret']}"),
    ), {f"sources/{'3' * 8}.txt": INTERVIEW})
    report = _import(cli, layout, archive)
    reason = _skipped(report)["'Memo van Noor'"]
    assert str(layout["secret"]) in reason and "not followed" in reason
    assert not project_files_contain(layout["work"], MARKER)


def test_a_text_file_beside_the_archive_is_still_read(cli, layout):
    (layout["shared"] / "teksten").mkdir()
    (layout["shared"] / "teksten" / "ha7.txt").write_text(INTERVIEW, encoding="utf-8")
    archive = qdpx(layout["shared"] / "gedeeld.qdpx",
                   qde(text_source("relative://teksten/ha7.txt")))
    report = _import(cli, layout, archive)
    assert report["imported"]["sources"] == 1


def test_allow_outside_sources_reads_an_absolute_path_but_never_proc_sys_or_dev(cli, layout):
    sources = (text_source(f"absolute://{layout['secret']}")
               + text_source("absolute:///proc/self/environ", guid="3" * 8 + "-3333-3333-3333-"
                             + "3" * 11 + "4", name="environ")
               + text_source("absolute:///dev/zero", guid="3" * 8 + "-3333-3333-3333-"
                             + "3" * 11 + "5", name="zero"))
    archive = qdpx(layout["shared"] / "gedeeld.qdpx", qde(sources))
    report = _import(cli, layout, archive, "--allow-outside-sources")
    skipped = _skipped(report)
    assert "system folder" in skipped["'environ'"] and "system folder" in skipped["'zero'"]
    assert report["imported"]["sources"] == 1  # the marker file, explicitly allowed
    assert project_files_contain(layout["work"], MARKER)
