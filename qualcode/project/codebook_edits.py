"""Changing the codebook: add, rename, edit, move, delete and merge codes, colours.

Each method is one undoable change; the work is done by :mod:`.codebook_ops`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qualcode.project import (
    codebook_ops,
)
from qualcode.project.reads import ProjectReads

if TYPE_CHECKING:
    from qualcode.codebook import CodebookSpec


class CodebookEdits(ProjectReads):
    """The codebook operations of :class:`~qualcode.project.service.Project`."""

    # -- codebook --------------------------------------------------------

    def add_code(self, parent: str | None, name: str, **fields: Any) -> int:
        """Create a code under ``parent`` (a path or unique name; None for top level)."""
        fields = codebook_ops.check_fields(fields)
        with self.change("add-code", f"add code {name}") as changes:
            return codebook_ops.add_code(changes, parent, name, fields)

    def rename_code(self, path: str, new_name: str) -> None:
        with self.change("rename-code", f"rename {path} to {new_name}") as changes:
            codebook_ops.rename_code(changes, path, new_name)

    def update_code(self, path: str, **fields: Any) -> None:
        """Change description, inclusion, exclusion, example, colour or shortcut key."""
        fields = codebook_ops.check_fields(fields)
        with self.change("edit-code", f"edit {path}: {', '.join(fields)}") as changes:
            codebook_ops.update_code(changes, path, fields)

    def move_code(self, path: str, new_parent: str | None) -> None:
        """Re-parent a code (with its children); None moves it to the top level."""
        with self.change("move-code", f"move {path} under {new_parent or 'top level'}") as changes:
            codebook_ops.move_code(changes, path, new_parent)

    def delete_code(self, path: str) -> int:
        """Delete a code, its sub-codes and their codings; returns codings removed."""
        with self.change("delete-code", f"delete code {path}") as changes:
            return codebook_ops.delete_code(changes, path)

    def codings_under(self, path: str) -> int:
        """How many codings a delete of ``path`` would remove (for the confirmation)."""
        with self.read() as session:
            return codebook_ops.codings_under(session, path)

    def merge_codes(self, source: str, target: str) -> int:
        """Move every coding of ``source`` to ``target`` and delete ``source``; returns moved."""
        with self.change("merge-codes", f"merge {source} into {target}") as changes:
            return codebook_ops.merge_codes(changes, source, target)

    def merge_codebook(self, spec: CodebookSpec) -> tuple[int, int]:
        """Add a codebook file's codes, matching by GUID then path; returns (added, updated)."""
        with self.change("codebook", f"load codebook {spec.source}") as changes:
            return codebook_ops.merge_codebook(changes, spec)

    def assign_code_colours(self) -> int:
        """Give every uncoloured code a colour (sub-codes shades of their category's hue);
        one undoable change, none when every code has a colour. Returns codes coloured."""
        from qualcode.project.codebook_io import assign_code_colours

        if all(code.color for code in self.codes()):
            return 0
        with self.change("colours", "give uncoloured codes a colour") as changes:
            return assign_code_colours(changes)

