"""A document's coding status: how far the researcher is with each interview.

``not-started`` at import; the first coding makes it ``in-progress``
(:func:`mark_in_progress`, inside that coding's own change, so undoing the
coding undoes this too); ``coded`` and ``excluded`` only when the researcher
says so. Saturation counts only ``coded`` documents. Bound as
``Project.set_status``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select

from qualcode.errors import NotFoundError, QualcodeError
from qualcode.model import DOCUMENT_STATUSES, Document

if TYPE_CHECKING:
    from qualcode.project.changes import ChangeSet
    from qualcode.project.service import Project


def check_status(status: str) -> str:
    if status not in DOCUMENT_STATUSES:
        raise QualcodeError(
            f"status {status!r}: not one of {', '.join(DOCUMENT_STATUSES)}"
        )
    return status


def set_status(self: Project, documents: Sequence[str], status: str) -> list[str]:
    """Set the status of ``documents`` (names) in one change; the names actually changed.

    All names are checked first: an unknown one refuses the whole change.
    Setting a status a document already has changes nothing and is not an error.
    """
    check_status(status)
    if not documents:
        raise QualcodeError("status: name at least one document")
    names = list(dict.fromkeys(documents))
    label = names[0] if len(names) == 1 else f"{len(names)} documents"
    with self.change("status", f"mark {label} {status}") as changes:
        rows = {
            row.name: row
            for row in changes.session.scalars(select(Document).where(Document.name.in_(names)))
        }
        for name in names:
            if name not in rows:
                raise NotFoundError(f"document {name!r}: no such document in the project")
        changed = [name for name in names if rows[name].status != status]
        for name in changed:
            changes.update(rows[name], status=status)
    return changed


def mark_in_progress(changes: ChangeSet, document_ids: Iterable[int]) -> None:
    """Documents still ``not-started`` become ``in-progress`` (their first coding)."""
    ids = set(document_ids)
    if not ids:
        return
    rows = changes.session.scalars(
        select(Document).where(Document.id.in_(ids), Document.status == "not-started")
    )
    for row in list(rows):
        changes.update(row, status="in-progress")
