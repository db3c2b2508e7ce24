"""The Project service: the one API every front end calls.

Rules a caller can rely on:

* Every method that changes the project runs in one transaction and writes
  one :class:`~qualcode.model.Event`; when it returns, the change is on disk.
  When it raises :class:`~qualcode.errors.QualcodeError`, nothing was written.
* Undoable changes record their row operations, so :meth:`Project.undo` and
  :meth:`Project.redo` work across restarts.
* Reads return frozen value objects (:mod:`qualcode.project.values`).

Topic-specific operations live in sibling modules (``importing``,
``codebook_ops``, ``codings``, ``participants``, ``snapshot``) as plain
functions over a session or :class:`ChangeSet`; each method here opens the
transaction and calls one of them. Those modules import spaCy, pandas and
readers inside their functions, so opening a project stays fast.
"""

from __future__ import annotations

from qualcode.project.base import LIVE_LOOKBACK, ProjectBase
from qualcode.project.codebook_edits import CodebookEdits
from qualcode.project.coding_edits import CodingEdits
from qualcode.project.document_edits import DocumentEdits
from qualcode.project.reads import ProjectReads

__all__ = ["LIVE_LOOKBACK", "Project", "ProjectBase", "ProjectReads"]


class Project(CodebookEdits, CodingEdits, DocumentEdits):
    """An open project. Use :meth:`create` or :meth:`open`; close when done.

    One class for callers, written as topic groups: the core (:mod:`.base`),
    reads (:mod:`.reads`), and the codebook, coding and document changes
    (:mod:`.codebook_edits`, :mod:`.coding_edits`, :mod:`.document_edits`).
    """
