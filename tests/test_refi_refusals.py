"""A malformed .qdpx is refused with one error line and the project left as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_refi_support import qdpx, simple_sentences
from test_refi_variants import SOURCE, _qde, _selection

import qualcode.refi as refi
from qualcode.project import Project

TEXT = "I: Hoe gaat het?\nHA3: Goed.\n"


@pytest.fixture(autouse=True)
def _no_spacy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(refi, "default_sentence_splitter", simple_sentences)


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    not_zip = tmp_path / "not-zip.qdpx"
    not_zip.write_text("dit is geen zip", encoding="utf-8")
    return {
        "not a ZIP": not_zip,
        "no .qde": qdpx(tmp_path / "no-qde.qdpx", "", {"sources/a.txt": TEXT}, entry="x.txt"),
        "not well-formed": qdpx(tmp_path / "broken.qdpx", "<Project name='t'><Users>"),
        "fails the schema": qdpx(
            tmp_path / "schema.qdpx",
            '<Project xmlns="urn:QDA-XML:project:1.0" name="t"><Users><User/></Users></Project>',
        ),
        "position past the end": qdpx(
            tmp_path / "past.qdpx", _qde(_selection(3, 999, "x")),
            {f"sources/{SOURCE}.txt": TEXT},
        ),
        "position not a number": qdpx(
            tmp_path / "nan.qdpx",
            _qde(_selection(3, 5, "x").replace('startPosition="3"', 'startPosition="drie"')),
            {f"sources/{SOURCE}.txt": TEXT},
        ),
    }


EXPECTED = {
    "not a ZIP": "is not one",
    "no .qde": "no .qde project document",
    "not well-formed": "not well-formed XML",
    "fails the schema": "does not follow the REFI-QDA project schema",
    "position past the end": "position 999 is outside the source text",
    "position not a number": "does not follow the REFI-QDA project schema",
}


@pytest.mark.parametrize("problem", sorted(EXPECTED))
def test_bad_qdpx_is_refused_and_a_new_project_is_not_left_behind(tmp_path, cli, problem):
    file = _bad_files(tmp_path)[problem]
    result = cli("import-refi", tmp_path / "new.qualcode", file)
    assert result.code == 1
    assert result.err.count("\n") == 1 and result.err.startswith("error: ")
    assert EXPECTED[problem] in result.err and str(file) in result.err
    assert not (tmp_path / "new.qualcode").exists()


@pytest.mark.parametrize("problem", sorted(EXPECTED))
def test_bad_qdpx_leaves_an_existing_project_unchanged(tmp_path, cli, content, problem):
    location = tmp_path / "old.qualcode"
    with Project.create(location, coder="Lotte") as project:
        project.add_document("HA1", "I: Hallo.\n", sentences=[(0, 9)])
        project.add_code(None, "Steun")
    before = content(location)
    result = cli("import-refi", location, _bad_files(tmp_path)[problem])
    assert result.code == 1 and result.err.count("\n") == 1
    assert content(location) == before


def test_cli_prints_the_report_and_json(tmp_path, cli):
    start = TEXT.index("Goed.")
    file = qdpx(tmp_path / "a.qdpx", _qde(_selection(start, start + 5, "Goed.")),
                {f"sources/{SOURCE}.txt": TEXT})
    result = cli("import-refi", tmp_path / "p.qualcode", file)
    assert result.code == 0, result.err
    assert "codings: 1 read, 1 imported, 0 skipped" in result.out
    result = cli("import-refi", tmp_path / "q.qualcode", file, "--json")
    report = json.loads(result.out)
    assert report["imported"]["codings"] == 1 and report["created_project"] is True
