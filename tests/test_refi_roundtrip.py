"""qualcode -> QDPX -> qualcode keeps documents, codes, cases, variables, codings, coders, memos."""

from __future__ import annotations

from pathlib import Path

from test_refi_support import build_rich_project, simple_sentences

from qualcode.project import Project
from qualcode.refi import import_refi, write_qdpx


def _roundtrip(tmp_path: Path) -> tuple[Project, Project]:
    original = build_rich_project(tmp_path / "a.qualcode", tmp_path / "p.csv")
    write_qdpx(original, tmp_path / "a.qdpx")
    import_refi(tmp_path / "b.qualcode", tmp_path / "a.qdpx", sentence_splitter=simple_sentences)
    return original, Project.open(tmp_path / "b.qualcode")


def test_round_trip_keeps_documents_and_their_text(tmp_path: Path):
    original, copy = _roundtrip(tmp_path)
    assert [(d.name, d.guid, d.case) for d in copy.documents()] == [
        (d.name, d.guid, d.case) for d in original.documents()
    ]
    for document in original.documents():
        assert copy.document_text(document.name).text == original.document_text(
            document.name).text


def test_round_trip_keeps_the_codebook(tmp_path: Path):
    original, copy = _roundtrip(tmp_path)
    fields = ("guid", "path", "color", "description", "inclusion", "exclusion", "example")
    assert [tuple(getattr(c, f) for f in fields) for c in copy.codes()] == [
        tuple(getattr(c, f) for f in fields) for c in original.codes()
    ]


def test_round_trip_keeps_codings_on_the_same_text_with_their_coders(tmp_path: Path):
    original, copy = _roundtrip(tmp_path)

    def key(c):
        return (c.guid, c.document, c.code_path, c.start, c.end, c.text, c.coder, c.memo)

    assert sorted(map(key, copy.codings())) == sorted(map(key, original.codings()))
    assert copy.coders() == original.coders()


def test_round_trip_keeps_cases_and_typed_variables(tmp_path: Path):
    original, copy = _roundtrip(tmp_path)
    assert [(c.name, c.guid, dict(c.attributes)) for c in copy.cases()] == [
        (c.name, c.guid, dict(c.attributes)) for c in original.cases()
    ]
    assert copy.cases()[0].attributes["leeftijd"] == 45
    assert copy.cases()[0].attributes["gewicht"] == 1.5


def test_round_trip_keeps_memos(tmp_path: Path):
    original, copy = _roundtrip(tmp_path)

    def key(m):
        return (m.document, m.start, m.end, m.author, m.text)

    assert sorted(map(key, copy.memos()), key=repr) == sorted(map(key, original.memos()), key=repr)
