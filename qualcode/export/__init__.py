"""Exports: the workbook students hand to supervisors, CSV, and a quote report.

``EXPORTERS`` maps a format name (the CLI's ``export FORMAT``) to a writer
``(project, out, options) -> None``; the REFI-QDA writers (``qdc``/``qdpx``)
are listed too and ignore the options. Writers import their libraries
lazily, so importing this package costs nothing at start-up. Every writer
writes atomically: ``out`` is replaced only when the export succeeded.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qualcode.errors import QualcodeError
from qualcode.export.options import ExportOptions

if TYPE_CHECKING:
    from qualcode.project import Project

Exporter = Callable[["Project", Path, Any], None]

#: The formats whose sheets, quotes and counts can be limited to some coders' work
#: (``ExportOptions.coders``); qdc/qdpx carry every coder.
CODER_FORMATS = ("xlsx", "csv", "md", "docx")
Progress = Callable[[float, str], None]


def export_workbook(
    project: Project,
    out: str | os.PathLike[str],
    progress: Progress | None = None,
    options: ExportOptions | None = None,
) -> None:
    """Write the Excel workbook (see :mod:`qualcode.export.xlsx`); for the TUI's worker."""
    from qualcode.export.xlsx import export_workbook as write

    write(project, out, progress, options)


def _xlsx(project: Project, out: Path, options: Any) -> None:
    export_workbook(project, out, getattr(options, "progress", None), options)


def _csv(project: Project, out: Path, options: Any) -> None:
    from qualcode.export.csv_export import export_csv

    export_csv(project, out, options)


def _markdown(project: Project, out: Path, options: Any) -> None:
    from qualcode.export.report import export_markdown

    export_markdown(project, out, options)


def _docx(project: Project, out: Path, options: Any) -> None:
    from qualcode.export.report_docx import export_docx

    export_docx(project, out, options, getattr(options, "progress", None))


def _qdc(project: Project, out: Path, options: Any) -> None:
    from qualcode.refi import write_qdc

    write_qdc(project, out, options)


def _qdpx(project: Project, out: Path, options: Any) -> None:
    from qualcode.refi import write_qdpx

    write_qdpx(project, out, options)


def _yaml(project: Project, out: Path, options: Any) -> None:
    from qualcode.export.codebook_out import export_yaml

    export_yaml(project, out, options)


def _codebook(project: Project, out: Path, options: Any) -> None:
    from qualcode.export.codebook_out import export_codebook

    export_codebook(project, out, options)


EXPORTERS: dict[str, Exporter] = {
    "xlsx": _xlsx,
    "csv": _csv,
    "md": _markdown,
    "docx": _docx,
    "qdc": _qdc,
    "qdpx": _qdpx,
    "yaml": _yaml,
    "codebook": _codebook,
}


def export(format: str, project: Project, out: str | os.PathLike[str],
           options: Any = None) -> None:
    """Export ``project`` to ``out`` in ``format``; QualcodeError naming ``out`` if impossible."""
    writer = EXPORTERS.get(format)
    if writer is None:
        raise QualcodeError(
            f"export format {format!r}: unknown (choose from {', '.join(sorted(EXPORTERS))})"
        )
    writer(project, check_target(out), options if options is not None else ExportOptions())


def check_target(out: str | os.PathLike[str]) -> Path:
    """``out`` as a Path, or the QualcodeError an export to it would end with.

    :func:`export` calls it first; a front end that calls a writer itself
    (the TUI's workbook with progress) calls it too, so the refusal reads the
    same everywhere and comes before any work.
    """
    target = Path(out)
    if target.is_dir():
        raise QualcodeError(f"{target}: is a directory; give a file name to export to")
    if not target.parent.is_dir():
        raise QualcodeError(f"{target}: the folder {target.parent} does not exist")
    if target.exists() and not os.access(target, os.W_OK):
        raise QualcodeError(f"{target}: the file is read-only")
    return target


__all__ = [
    "CODER_FORMATS", "EXPORTERS", "ExportOptions", "check_target", "export", "export_workbook",
]
