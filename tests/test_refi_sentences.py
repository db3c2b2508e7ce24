"""Sentences of an imported .qdpx: the same spans however they are computed.

A big import splits its sentences in a second process (so spaCy loads
while the file is read); a small one splits in one batch in-process. Both
must give exactly what a transcript import gives, and a failing worker must
neither change the outcome nor leave a half-imported project behind.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_refi_support import HA1, HA2, build_rich_project

import qualcode.refi as refi
from qualcode import nlp
from qualcode.errors import IngestError, QualcodeError
from qualcode.ingest import detect_turns
from qualcode.project import Project
from qualcode.refi import import_refi, write_qdpx

TEXTS = [
    HA1,
    HA2,
    "Inleiding van het gesprek.\n\nI: Ik weet het niet... Misschien wel. (lacht)\n"
    "HA3: Dat doen we o.b.v. de richtlijn. Ja. (pauze) Nou ja… ik twijfel.\n",
    "",
]


def _documents() -> list[tuple[str, list]]:
    return [(text, detect_turns(text)) for text in TEXTS]


def test_split_many_gives_each_document_the_spans_of_split_sentences():
    documents = _documents()
    assert nlp.split_many(documents) == [
        nlp.split_sentences(text, turns) for text, turns in documents
    ]


def test_sentence_worker_gives_the_spans_of_split_many():
    documents = _documents()
    with nlp.SentenceWorker("nl") as worker:
        worker.submit(documents)
        assert worker.result() == nlp.split_many(documents)


def _failing_pool(_language: str):
    """A worker process that dies as it starts."""
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=os._exit,
        initargs=(3,),
    )


def test_sentence_worker_that_dies_still_gives_the_spans(monkeypatch):
    monkeypatch.setattr(nlp, "_start_pool", _failing_pool)
    documents = _documents()
    with nlp.SentenceWorker("nl") as worker:
        worker.submit(documents)
        assert worker.result() == nlp.split_many(documents)


def test_sentence_worker_reports_an_unknown_language_like_split_many():
    with nlp.SentenceWorker("xx-nope") as worker:
        worker.submit([("Hallo.", [])])
        with pytest.raises(QualcodeError, match="xx-nope"):
            worker.result()


def _exported(tmp_path: Path) -> Path:
    original = build_rich_project(tmp_path / "a.qualcode", tmp_path / "p.csv")
    write_qdpx(original, tmp_path / "a.qdpx")
    original.close()
    return tmp_path / "a.qdpx"


def _sentences(path: Path) -> dict[str, tuple]:
    with Project.open(path) as project:
        return {d.name: project.document_text(d.name).sentences for d in project.documents()}


def test_big_import_splits_in_a_worker_exactly_as_in_process(tmp_path, monkeypatch):
    file = _exported(tmp_path)
    import_refi(tmp_path / "here.qualcode", file)
    started = []
    monkeypatch.setattr(refi, "BACKGROUND_SPLIT_BYTES", 0)
    monkeypatch.setattr(nlp, "pipeline_loaded", lambda language="nl": False)
    monkeypatch.setattr(nlp, "SentenceWorker", _counting(nlp.SentenceWorker, started))
    import_refi(tmp_path / "worker.qualcode", file)
    assert started == ["nl"]
    here = _sentences(tmp_path / "here.qualcode")
    assert here and all(here.values())
    assert _sentences(tmp_path / "worker.qualcode") == here


def test_refused_big_import_creates_no_project_while_a_worker_runs(tmp_path, monkeypatch):
    broken = tmp_path / "broken.qdpx"
    broken.write_bytes(b"PK\x03\x04 geen echte zip " * 100)
    monkeypatch.setattr(refi, "BACKGROUND_SPLIT_BYTES", 0)
    monkeypatch.setattr(nlp, "pipeline_loaded", lambda language="nl": False)
    with pytest.raises(IngestError, match=r"broken\.qdpx"):
        import_refi(tmp_path / "new.qualcode", broken)
    assert not (tmp_path / "new.qualcode").exists()


@pytest.mark.parametrize("where", ["in this process", "in a worker that fails"])
def test_failing_sentence_splitting_leaves_an_existing_project_unchanged(
    tmp_path, monkeypatch, where
):
    file = _exported(tmp_path)
    Project.create(tmp_path / "p.qualcode", coder="Bram").close()
    if where != "in this process":  # the worker's answer is awaited inside the transaction
        monkeypatch.setattr(refi, "BACKGROUND_SPLIT_BYTES", 0)
        monkeypatch.setattr(nlp, "pipeline_loaded", lambda language="nl": False)
        monkeypatch.setattr(nlp, "_start_pool", _failing_pool)

    def broken(documents, language="nl"):
        raise QualcodeError("splitting failed")

    monkeypatch.setattr(nlp, "split_many", broken)
    with pytest.raises(QualcodeError, match="splitting failed"):
        import_refi(tmp_path / "p.qualcode", file)
    with Project.open(tmp_path / "p.qualcode") as project:
        assert project.counts()["documents"] == 0
        assert project.codes() == []


def _counting(worker_class: type, started: list[str]) -> type:
    class Counting(worker_class):  # type: ignore[misc, valid-type]
        def __init__(self, language: str = "nl") -> None:
            started.append(language)
            super().__init__(language)

    return Counting
