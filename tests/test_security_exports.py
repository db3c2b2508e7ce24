"""Exports say what the transcript said, and clean up after themselves (issue 10, attack 5).

Markdown escapes what Markdown or HTML would interpret; bidirectional
controls never reach an export and are counted; temporary files live beside
the target and disappear on failure, and a killed run's leftovers are
removed by the next run; a killed project creation blocks nothing.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from security_support import INTERVIEW, ROOT, qde, qdpx, text_source

from qualcode.export import export
from qualcode.project import Project

RLO = "\u202e"
LRI = "\u2066"
HOSTILE = (f"HA7: Zie &lt;b&gt;dit&lt;/b&gt; en <i>dat</i> ~~weg~~ ![x](y) "
           f"{RLO}gnidaer{LRI} klaar.\n")


@pytest.fixture
def hostile(tmp_path: Path) -> Project:
    text = INTERVIEW + HOSTILE
    with Project.create(tmp_path / "p.qualcode", coder="Noor") as project:
        project.add_document("HA7", text)
        project.add_code(None, f"Belasting{RLO}")
        start = text.index("Zie")
        project.add_coding("HA7", f"Belasting{RLO}", start, len(text) - 1)
    project = Project.open(tmp_path / "p.qualcode")
    yield project
    project.close()


def test_markdown_keeps_a_literal_entity_and_markup_literal(hostile: Project, tmp_path: Path):
    out = tmp_path / "report.md"
    export("md", hostile, out)
    written = out.read_text(encoding="utf-8")
    assert "\\&lt;b\\&gt;dit\\&lt;/b\\&gt;" in written
    assert "\\<i\\>dat\\</i\\>" in written and "\\~\\~weg\\~\\~" in written
    assert "\\!\\[x\\](y)" in written


def _bidi_free(text: str) -> bool:
    return RLO not in text and LRI not in text


def test_bidirectional_controls_are_removed_from_every_quote_export_and_counted(
    hostile: Project, tmp_path: Path
):
    import docx
    import openpyxl

    for fmt in ("md", "docx", "xlsx", "csv"):
        export(fmt, hostile, tmp_path / f"out.{fmt}")
    markdown = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert _bidi_free(markdown) and "stuurtekens of richtingstekens verwijderd" in markdown
    word = "\n".join(p.text for p in docx.Document(str(tmp_path / "out.docx")).paragraphs)
    assert _bidi_free(word) and "gnidaer" in word
    assert "stuurtekens of richtingstekens verwijderd" in word
    with open(tmp_path / "out.csv", encoding="utf-8") as handle:
        assert _bidi_free(handle.read())
    workbook = openpyxl.load_workbook(tmp_path / "out.xlsx", read_only=True)
    cells = [str(value) for sheet in workbook for row in sheet.iter_rows(values_only=True)
             for value in row if value is not None]
    assert all(_bidi_free(cell) for cell in cells)
    overview = [c for c in cells if "richtingstekens verwijderd" in c]
    assert overview and not overview[0].startswith("uit 0 ")


def _killed_in(tmp_path: Path, patch: str, command: list[str]) -> subprocess.CompletedProcess:
    """Run the CLI in a child that kills itself (SIGKILL) where ``patch`` says."""
    script = (
        "import os, signal, sys\n"
        f"{patch}\n"
        "from qualcode.cli import main\n"
        f"sys.exit(main({command!r}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp_path / "systemp")}
    (tmp_path / "systemp").mkdir(exist_ok=True)
    return subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, timeout=300)


def test_a_killed_export_leaves_nothing_in_the_temp_folder_and_the_next_run_cleans_up(
    hostile: Project, tmp_path: Path
):
    out_dir = tmp_path / "export"
    out_dir.mkdir()
    out = out_dir / "quotes.xlsx"
    patch = ("import xlsxwriter\n"
             "xlsxwriter.Workbook.close = lambda self: os.kill(os.getpid(), signal.SIGKILL)")
    killed = _killed_in(tmp_path, patch, ["export", "xlsx", hostile.location, str(out)])
    assert killed.returncode == -9
    assert list((tmp_path / "systemp").iterdir()) == []
    assert not out.exists() and list(out_dir.iterdir())  # the killed run's leftovers
    export("xlsx", hostile, out)
    assert [p.name for p in out_dir.iterdir()] == ["quotes.xlsx"]


def test_a_failed_export_removes_its_temporary_file(hostile: Project, tmp_path: Path,
                                                    monkeypatch):
    import qualcode.export.report as report

    def broken(_report: object) -> str:
        raise RuntimeError("simulated failure while writing")

    monkeypatch.setattr(report, "render_markdown", broken)
    with pytest.raises(RuntimeError):
        export("md", hostile, tmp_path / "r.md")
    assert not [p.name for p in tmp_path.iterdir() if "r.md" in p.name]


def test_a_killed_import_refi_into_a_new_project_does_not_block_the_rerun(tmp_path: Path):
    archive = qdpx(tmp_path / "gedeeld.qdpx", qde(text_source("internal://ha7.txt")),
                   {"sources/ha7.txt": INTERVIEW})
    project = tmp_path / "new.qualcode"
    patch = ("import qualcode.refi.storing as storing\n"
             "storing.write_project = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)")
    killed = _killed_in(tmp_path, patch, ["import-refi", str(project), str(archive)])
    assert killed.returncode == -9
    assert not project.exists()
    rerun = _killed_in(tmp_path, "", ["import-refi", str(project), str(archive)])
    assert rerun.returncode == 0, rerun.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if "new" in p.name) == ["new.qualcode"]


def test_a_killed_init_does_not_block_the_rerun(tmp_path: Path):
    codebook = tmp_path / "codes.yaml"
    codebook.write_text("name: t\ncodes:\n  - name: Belasting\n", encoding="utf-8")
    project = tmp_path / "new.qualcode"
    patch = ("from qualcode.project import Project\n"
             "Project.merge_codebook = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)")
    killed = _killed_in(tmp_path, patch,
                        ["init", str(project), "--codebook", str(codebook)])
    assert killed.returncode == -9 and not project.exists()
    rerun = _killed_in(tmp_path, "", ["init", str(project), "--codebook", str(codebook)])
    assert rerun.returncode == 0, rerun.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if "new" in p.name) == ["new.qualcode"]


def test_docx_text_after_an_entity_reference_is_kept(tmp_path: Path):
    from qualcode.ingest import read_transcript

    body = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY naam "Noor">]>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>HA7: Dag &naam; en tot morgen.</w:t></w:r></w:p>"
            "</w:body></w:document>")
    path = tmp_path / "HA7.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Override PartName="/word/document.xml" ContentType="'
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"'
            "/></Types>"))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>'))
        archive.writestr("word/document.xml", body)
    text = read_transcript(path).text
    assert "en tot morgen." in text and "Noor" not in text


def test_csv_export_has_no_bidi_controls_in_any_column(hostile: Project, tmp_path: Path):
    export("csv", hostile, tmp_path / "q.csv")
    with open(tmp_path / "q.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows and all(_bidi_free(cell) for row in rows for cell in row)


def test_a_code_name_with_a_line_break_cannot_start_a_markdown_heading(tmp_path: Path):
    with Project.create(tmp_path / "p.qualcode", coder="Noor") as project:
        project.add_document("HA7", INTERVIEW)
        project.add_code(None, "Belasting\n# Ingevoegd")
        project.add_coding("HA7", "Belasting\n# Ingevoegd", 0, 10)
        export("md", project, tmp_path / "r.md")
    lines = (tmp_path / "r.md").read_text(encoding="utf-8").splitlines()
    assert not any(line.startswith("# Ingevoegd") for line in lines)
