"""REFI-QDA exchange: QDC codebooks and QDPX projects, in and out.

Public API (what the CLI, the export registry and the TUI call):

* :func:`write_qdc` ``(project, out)`` — the codebook as a ``.qdc`` file;
* :func:`write_qdpx` ``(project, out)`` — the whole project as a ``.qdpx``;
* :func:`read_qdc` ``(path) -> CodebookSpec`` — a ``.qdc`` as a codebook
  (GUIDs kept), registered as the ``.qdc`` reader of :mod:`qualcode.codebook`;
* :func:`import_refi` ``(project_or_path, file) -> RefiReport`` — import a
  ``.qdc`` or ``.qdpx`` into a project (created if the path does not exist).

Everything here is core code (no Textual). lxml is imported lazily, inside
these functions, so importing this package stays cheap.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qualcode.errors import IngestError, quoted
from qualcode.ingest.limits import DEFAULT, Limits
from qualcode.refi.report import RefiReport, Skipped

if TYPE_CHECKING:
    from qualcode.codebook import CodebookSpec
    from qualcode.project import Project
    from qualcode.refi.plan import SentenceSplitter
    from qualcode.refi.reading import ReadOptions

__all__ = [
    "RefiReport",
    "Skipped",
    "import_refi",
    "read_qdc",
    "write_qdc",
    "write_qdpx",
]


def write_qdc(project: Project, out: str | os.PathLike[str], options: object = None) -> None:
    """Export the codebook of ``project`` as a REFI-QDA ``.qdc`` file (atomic)."""
    from qualcode.refi.writing import write_qdc as write

    write(project, out, options)


def write_qdpx(project: Project, out: str | os.PathLike[str], options: object = None) -> None:
    """Export ``project`` as a REFI-QDA ``.qdpx`` archive (atomic, deterministic)."""
    from qualcode.refi.writing import write_qdpx as write

    write(project, out, options)


def read_qdc(path: Path) -> CodebookSpec:
    """A REFI-QDA ``.qdc`` codebook as a CodebookSpec; CodebookError if unreadable."""
    from qualcode.refi.codebook import read_qdc as read

    return read(Path(path))


#: A .qdpx at least this big has its sentences split in a second process
#: (when there are two cores), so loading spaCy overlaps with reading it.
BACKGROUND_SPLIT_BYTES = 1024 * 1024


def default_sentence_splitter(text: str, turns: Any, language: str) -> Any:
    """qualcode's own sentence splitting (spaCy), as a transcript import does."""
    from qualcode.nlp import split_sentences

    return split_sentences(text, list(turns), language)


_OWN_SPLITTER = default_sentence_splitter


def import_refi(
    project_or_path: Project | str | os.PathLike[str],
    file: str | os.PathLike[str],
    *,
    coder: str | None = None,
    language: str = "nl",
    sentence_splitter: SentenceSplitter | None = None,
    limits: Limits | None = None,
    allow_outside_sources: bool = False,
) -> RefiReport:
    """Import a ``.qdc`` or ``.qdpx`` file into a project; returns what happened.

    ``project_or_path`` is an open Project, or a path: an existing project is
    opened, a missing one created (with ``language``) and removed again if
    the import is refused. Source texts are read from inside the archive, or
    below its folder; others only with ``allow_outside_sources`` (see
    :mod:`qualcode.refi.sources`). ``limits`` caps what is unpacked. A refusal raises
    :class:`~qualcode.errors.QualcodeError` with one
    line naming the file and the problem, and leaves the project unchanged.
    """
    from qualcode.project import Project
    from qualcode.refi.reading import ReadOptions
    from qualcode.store import project_exists

    options = ReadOptions(limits or DEFAULT, allow_outside_sources)
    file = Path(file)
    suffix = file.suffix.lower()
    if suffix not in (".qdc", ".qdpx"):
        raise IngestError(file, "not a REFI-QDA file (use a .qdc codebook or a .qdpx project)")
    if not file.is_file():
        raise IngestError(file, "no such file")
    if isinstance(project_or_path, Project):
        with _worker(file, suffix, sentence_splitter, project_or_path.language) as worker:
            return _import(project_or_path, file, suffix, sentence_splitter, created=False,
                           worker=worker, options=options)
    location = os.fspath(project_or_path)
    if project_exists(location):
        with Project.open(location, coder=coder) as project, _worker(
            file, suffix, sentence_splitter, project.language
        ) as worker:
            return _import(project, file, suffix, sentence_splitter, created=False,
                           worker=worker, options=options)
    # refuse a bad file before creating the project at all
    parsed = _parse(file, suffix, options)
    with _worker(file, suffix, sentence_splitter, language) as worker, Project.creating(
        location, language=language, coder=coder
    ) as project:
        return _import(project, file, suffix, sentence_splitter, created=True,
                       parsed=parsed, worker=worker, options=options)


@contextlib.contextmanager
def _worker(
    file: Path, suffix: str, splitter: SentenceSplitter | None, language: str
) -> Iterator[Any]:
    """A :class:`qualcode.nlp.SentenceWorker` when that pays off, else None.

    It pays off for a big ``.qdpx`` split with qualcode's own splitter, on a
    machine with two cores, when this process has not loaded spaCy yet.
    """
    from qualcode import nlp

    if (
        suffix != ".qdpx"
        or (splitter or default_sentence_splitter) is not _OWN_SPLITTER
        or (os.cpu_count() or 1) < 2
        or file.stat().st_size < BACKGROUND_SPLIT_BYTES
        or nlp.pipeline_loaded(language)
    ):
        yield None
        return
    with nlp.SentenceWorker(language) as worker:
        yield worker


def _parse(file: Path, suffix: str, options: ReadOptions) -> Any:
    if suffix == ".qdc":
        from qualcode.refi.codebook import read_qdc_file

        return read_qdc_file(file)
    from qualcode.refi.reading import read_qdpx

    return read_qdpx(file, options)


def _import(
    project: Project,
    file: Path,
    suffix: str,
    splitter: SentenceSplitter | None,
    *,
    created: bool,
    parsed: Any = None,
    worker: Any = None,
    options: ReadOptions,
) -> RefiReport:
    parsed = parsed if parsed is not None else _parse(file, suffix, options)
    report = RefiReport(str(file), suffix[1:], project.location, created_project=created)
    if suffix == ".qdc":
        codes = sum(1 for _ in parsed.spec.walk())
        report.read.update(codes=codes, sets=parsed.sets)
        report.notes.extend(parsed.repairs)
        if codes:
            added, _updated = project.merge_codebook(parsed.spec)
            report.imported["codes"] = added
        if parsed.sets:
            report.skip("sets", f"{parsed.sets} code set(s)", "qualcode has no code sets")
        return report
    from qualcode.refi.plan import plan_sources
    from qualcode.refi.storing import write_project

    _count_read(report, parsed)
    for name, why in parsed.unread_notes.values():
        report.skip("notes", f"{quoted(name)!r}", why)
    report.notes.extend(parsed.repairs)
    if parsed.codebook is not None:
        report.notes.extend(parsed.codebook.repairs)
    if parsed.sets:
        report.skip("sets", f"{parsed.sets} set(s)", "qualcode has no sets")
    chosen: SentenceSplitter | None = splitter or default_sentence_splitter
    sentences: Any = None
    batch = chosen is _OWN_SPLITTER and worker is None
    if chosen is _OWN_SPLITTER and worker is not None:
        # each source goes to the worker as soon as it is planned; spans come back in order
        def submit(text: str, turns: Any, language: str) -> list[tuple[int, int]]:
            worker.submit([(text, turns)])
            return []

        chosen, sentences = submit, worker.result
    plans, _reading = plan_sources(parsed, report, None if batch else chosen, project.language)
    if batch:
        from qualcode.nlp import split_many

        documents = [(plan.text, plan.turns) for plan in plans]
        for plan, spans in zip(plans, split_many(documents, project.language), strict=True):
            plan.sentences = spans
    write_project(project, parsed, plans, report, sentences)
    return report


def _count_read(report: RefiReport, parsed: Any) -> None:
    sources = parsed.sources
    report.read.update(
        codes=sum(1 for _ in parsed.codebook.spec.walk()) if parsed.codebook else 0,
        users=len(parsed.users),
        variables=len(parsed.variables),
        cases=len(parsed.cases),
        sources=len(sources),
        selections=sum(len(s.selections) + s.unread_selections for s in sources),
        codings=sum(len(s.codings) + sum(len(x.codings) for x in s.selections) for s in sources),
        notes=len(parsed.notes),
        sets=parsed.sets,
    )

