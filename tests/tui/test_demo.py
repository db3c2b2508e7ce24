"""The demo project: built once from sample_transcripts/, then reused."""

from __future__ import annotations

from qualcode.demo import build_demo, transcript_files
from qualcode.project import Project
from qualcode.tui.app import make_app
from tests.tui.conftest import asynctest


def test_demo_imports_the_samples_in_interview_order_with_codings(tmp_path, cli):
    result = cli("demo", tmp_path, "--no-open")
    path = tmp_path / "demo.qualcode"
    assert result.code == 0 and result.out.strip() == str(path)
    with Project.open(path) as project:
        names = [d.name for d in project.documents()]
        assert names[:11] == [f"HA{n:02d}" for n in range(1, 12)]
        assert {"EN01-pilot", "HA04-followup", "HA07-telefonisch"} <= set(names)
        assert project.document("HA04-followup").case == "HA04"
        assert project.counts()["codings"] > 100
        assert len(project.codes()) > 10


def test_reopening_the_demo_reuses_it_with_the_users_codings(tmp_path):
    path = build_demo(tmp_path)
    with Project.open(path, coder="Jan") as project:
        project.add_coding("HA05", "Laagdrempeligheid", 0, 10)
        before = project.counts()["codings"]
    assert build_demo(tmp_path) == path
    with Project.open(path) as project:
        assert project.counts()["codings"] == before


def test_transcripts_are_ordered_main_interviews_first(tmp_path):
    for name in ("HA02.txt", "EN01-pilot.txt", "HA01.txt", "HA01-followup.docx", "notes.csv"):
        (tmp_path / name).write_text("x")
    assert [p.name for p in transcript_files(tmp_path)] == [
        "HA01.txt", "HA02.txt", "EN01-pilot.txt", "HA01-followup.docx"
    ]


def test_open_refuses_a_missing_project_with_one_error_line(tmp_path, cli):
    result = cli("open", tmp_path / "nope.qualcode")
    assert result.code == 1
    assert result.err == f"error: {tmp_path / 'nope.qualcode'}: no such project file\n"


@asynctest
async def test_the_demo_opens_on_the_first_interview(tmp_path):
    app = make_app(build_demo(tmp_path), coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.coding.document.name == "HA01"
        assert app.coding.transcript.codings


def test_a_demo_folder_qualcode_creates_is_private(tmp_path):
    import stat

    folder = tmp_path / "new" / "qualcode"
    build_demo(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "demo.qualcode").stat().st_mode) == 0o600
