"""The demo project survives export to .qdpx and import into a new project.

The demo is the richest project we ship (transcripts in every format, a
codebook, participants with attributes, two coders, memos), so what it
loses on the way through REFI-QDA a researcher would lose too. The import
uses qualcode's own sentence splitting, as a real import does.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from qualcode.demo import build_demo
from qualcode.project import Project
from qualcode.refi import import_refi, write_qdpx


@pytest.fixture(scope="module")
def demo_and_copy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, Project]]:
    folder = tmp_path_factory.mktemp("demo")
    original = Project.open(build_demo(folder / "demo"))
    write_qdpx(original, folder / "demo.qdpx")
    report = import_refi(folder / "copy.qualcode", folder / "demo.qdpx")
    assert report.skipped == []
    copy = Project.open(folder / "copy.qualcode")
    yield original, copy
    original.close()
    copy.close()


def test_demo_round_trip_keeps_every_document_with_its_text(demo_and_copy):
    original, copy = demo_and_copy
    assert original.documents()
    assert [(d.name, d.guid) for d in copy.documents()] == [
        (d.name, d.guid) for d in original.documents()
    ]
    for document in original.documents():
        assert copy.document_text(document.name).text == original.document_text(
            document.name
        ).text


def test_demo_round_trip_gives_every_document_sentences(demo_and_copy):
    _original, copy = demo_and_copy
    for document in copy.documents():
        assert copy.document_text(document.name).sentences, document.name


def test_demo_round_trip_keeps_every_code_with_its_guid_and_path(demo_and_copy):
    original, copy = demo_and_copy
    assert {(c.guid, c.path) for c in copy.codes()} == {(c.guid, c.path) for c in original.codes()}


def test_demo_round_trip_keeps_every_case_with_its_attributes(demo_and_copy):
    original, copy = demo_and_copy
    cases = {case.name: case for case in copy.cases()}
    assert any(case.attributes for case in original.cases())
    for case in original.cases():
        assert case.name in cases
        assert cases[case.name].guid == case.guid
        assert cases[case.name].attributes == case.attributes, case.name
    assert {d.name: d.case for d in copy.documents()} == {
        d.name: d.case for d in original.documents()
    }


def test_demo_round_trip_keeps_every_coding_on_the_same_text_by_the_same_coder(demo_and_copy):
    original, copy = demo_and_copy

    def codings(project: Project) -> list[tuple[str, str, tuple[str, ...], str, str, str]]:
        return sorted(
            (c.guid, c.document, c.code_path, c.text, c.coder, c.memo)
            for c in project.codings()
        )

    assert len(original.codings()) > 100
    assert codings(copy) == codings(original)
    assert sorted(copy.coders()) == sorted(original.coders())


def test_demo_round_trip_keeps_every_memo(demo_and_copy):
    original, copy = demo_and_copy

    def memos(project: Project) -> list[tuple[str | None, int | None, int | None, str, str]]:
        return sorted((m.document, m.start, m.end, m.author, m.text) for m in project.memos())

    assert memos(original)
    assert memos(copy) == memos(original)


def test_demo_round_trip_keeps_the_memos_written_on_codings(demo_and_copy):
    original, copy = demo_and_copy
    written = {c.guid: c.memo for c in original.codings() if c.memo}
    assert written
    assert {c.guid: c.memo for c in copy.codings() if c.memo} == written


def test_the_import_report_counts_notes_that_became_coding_memos(tmp_path):
    from qualcode.demo import build_demo
    from qualcode.project import Project
    from qualcode.refi import import_refi, write_qdpx

    with Project.open(build_demo(tmp_path / "demo")) as demo:
        write_qdpx(demo, tmp_path / "demo.qdpx")
    report = import_refi(tmp_path / "copy.qualcode", tmp_path / "demo.qdpx").to_json()
    assert report["read"]["notes"] == report["imported"]["notes"]
