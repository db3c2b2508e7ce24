"""A .qdpx from another tool: documents that arrive coded are in progress, not 'not started'."""

from __future__ import annotations

from pathlib import Path

from qualcode.project import Project
from qualcode.refi import import_refi, write_qdpx
from tests.tui.conftest import make_study


def test_imported_documents_with_codings_are_in_progress_and_the_report_says_how_to_finish(
    tmp_path: Path,
) -> None:
    study = make_study(tmp_path / "study.qualcode")
    with Project.open(study) as project:
        text = project.document_text("HA01").text
        project.add_document("HA03", text, case="HA3")  # no codings
        write_qdpx(project, tmp_path / "study.qdpx")
    report = import_refi(tmp_path / "copy.qualcode", tmp_path / "study.qdpx")
    with Project.open(tmp_path / "copy.qualcode") as copy:
        statuses = {d.name: d.status for d in copy.documents()}
    assert statuses == {"HA01": "in-progress", "HA02": "in-progress", "HA03": "not-started"}
    assert any("2 imported documents with codings marked in-progress" in line
               and "--set coded" in line for line in report.lines())
