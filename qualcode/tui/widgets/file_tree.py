"""A folder tree in which several files are marked with space and then chosen together.

Importing a study's transcripts one dialog at a time is slow when they sit in
several folders or share no pattern; marking them in the tree the way a file
manager does (space marks and moves on, so a run of files is a few presses)
lets one Enter import them all.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DirectoryTree
from textual.widgets.directory_tree import DirEntry
from textual.widgets.tree import TreeNode


class MarkingTree(DirectoryTree):
    """A :class:`DirectoryTree` whose files are marked and unmarked with space.

    Space on a folder opens or closes it, as before. The marked files are
    :attr:`marked`, in the order they were marked; every change posts
    :class:`MarkingTree.MarksChanged`.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_mark", "Mark/unmark"),
        Binding("enter", "select_cursor", "Import"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"marking-tree--mark"}

    DEFAULT_CSS = """
    MarkingTree > .marking-tree--mark { color: $success; text-style: bold; }
    """

    class MarksChanged(Message):
        """The set of marked files changed; ``count`` is how many are marked now."""

        def __init__(self, count: int) -> None:
            super().__init__()
            self.count = count

    def __init__(self, path: str | Path, *, id: str | None = None) -> None:
        super().__init__(path, id=id)
        self._marked: dict[Path, None] = {}

    @property
    def marked(self) -> list[Path]:
        return list(self._marked)

    def is_marked(self, path: Path) -> bool:
        return Path(path) in self._marked

    def action_toggle_mark(self) -> None:
        """Mark or unmark the file under the cursor and move to the next line."""
        node = self.cursor_node
        if node is None or node.data is None:
            return
        if node.allow_expand:
            self.action_toggle_node()
            return
        path = Path(node.data.path)
        if path in self._marked:
            del self._marked[path]
        else:
            self._marked[path] = None
        node.refresh()
        self.post_message(self.MarksChanged(len(self._marked)))
        self.action_cursor_down()

    def render_label(self, node: TreeNode[DirEntry], base_style: Style, style: Style) -> Text:
        label = super().render_label(node, base_style, style)
        if node.data is None or node.allow_expand or not self.is_marked(node.data.path):
            return label
        mark = self.get_component_rich_style("marking-tree--mark", partial=True)
        label.stylize(mark)
        return Text.assemble(("✓ ", mark), label)
