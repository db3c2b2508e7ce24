"""Writing the project's codebook: ``export yaml`` and ``export codebook`` (.yaml/.csv/.xlsx).

Every file is written from :meth:`Project.codebook_spec`, with GUIDs, so that
``init --codebook`` or ``codebook`` reads it back as the same codes. Written
atomically, like every export.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from qualcode.errors import QualcodeError

if TYPE_CHECKING:
    from qualcode.project import Project

#: Suffixes ``export codebook`` writes.
CODEBOOK_SUFFIXES = (".yaml", ".yml", ".csv", ".xlsx")


def write_codebook(project: Project, out: Path, kind: str | None = None) -> None:
    """Write the codebook to ``out``; ``kind`` (yaml, csv, xlsx) or else ``out``'s suffix."""
    from qualcode.codebook import dump_codebook_yaml
    from qualcode.codebook.table_format import write_codebook_csv, write_codebook_xlsx
    from qualcode.export.safety import atomic_output

    suffix = kind or out.suffix.lower().lstrip(".")
    if suffix == "yml":
        suffix = "yaml"
    if suffix not in ("yaml", "csv", "xlsx"):
        raise QualcodeError(
            f"{out}: a codebook is written as {', '.join(CODEBOOK_SUFFIXES)} "
            "(choose the file name's extension)"
        )
    spec = project.codebook_spec()
    if not spec.codes:
        raise QualcodeError(f"{project.location}: the codebook is empty; nothing to write")
    with atomic_output(out) as temporary:
        if suffix == "yaml":
            temporary.write_text(dump_codebook_yaml(spec), encoding="utf-8")
        elif suffix == "csv":
            write_codebook_csv(spec, temporary)
        else:
            write_codebook_xlsx(spec, temporary)


def export_yaml(project: Project, out: Path, options: Any) -> None:
    write_codebook(project, out, "yaml")


def export_codebook(project: Project, out: Path, options: Any) -> None:
    write_codebook(project, out)
