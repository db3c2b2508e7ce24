"""Every key, gathered from the bindings the screens declare (never a second list)."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.widgets import Static

from qualcode.tui.screens.base import QualcodeScreen

MOUSE = (
    "Mouse: click a sentence to select it; drag to select any passage; "
    "click a code in the codebook, then Enter, to show only its passages."
)


def _sections() -> list[tuple[str, list[Binding]]]:
    from qualcode.tui.app import QualcodeApp
    from qualcode.tui.screens.analysis import AnalysisScreen
    from qualcode.tui.screens.codebook import CodebookScreen
    from qualcode.tui.screens.coding import CodingScreen
    from qualcode.tui.screens.consensus import ConsensusScreen
    from qualcode.tui.screens.picker import CodePicker
    from qualcode.tui.screens.project import ProjectScreen
    from qualcode.tui.screens.retrieval import RetrievalScreen
    from qualcode.tui.widgets.file_tree import MarkingTree
    from qualcode.tui.widgets.transcript import Transcript

    def bindings(owner: type[DOMNode]) -> list[Binding]:
        """The class's own bindings and those of qualcode base classes (a key bound
        again replaces the base's binding, as in Textual), not Textual's own."""
        merged: dict[str, Binding] = {}
        for cls in reversed(owner.__mro__):
            if cls.__module__.startswith("qualcode."):
                for binding in vars(cls).get("BINDINGS", []):
                    if isinstance(binding, Binding):
                        merged.pop(binding.key, None)
                        merged[binding.key] = binding
        return list(merged.values())

    return [
        ("Everywhere", bindings(QualcodeApp)),
        ("Coding: moving the selection", bindings(Transcript)),
        ("Coding: codes", bindings(CodingScreen)),
        ("Code picker", bindings(CodePicker)),
        ("Project screen", bindings(ProjectScreen)),
        ("Importing transcripts (i on the project screen): the folder tree",
         bindings(MarkingTree)),
        ("Quotes (retrieval) screen", bindings(RetrievalScreen)),
        ("Codebook screen", bindings(CodebookScreen)),
        ("Analysis screen", bindings(AnalysisScreen)),
        ("Resolving disagreements (w on the analysis screen)", bindings(ConsensusScreen)),
    ]


def _key_names(keys: str) -> str:
    names = {"question_mark": "?", "slash": "/", "greater_than_sign": ">"}
    return ", ".join(names.get(k.strip(), k.strip()) for k in keys.split(","))


def help_table() -> Group:
    """One small two-column table per section under its title, so a long section title
    never widens the key column of every other section."""
    parts: list[Text | Table] = []
    for title, bindings in _sections():
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True, min_width=8)
        table.add_column()
        seen = set()
        for binding in bindings:
            if binding.action.startswith("apply_key"):
                if "apply_key" in seen:
                    continue
                seen.add("apply_key")
                table.add_row("1 … 9", "Apply the code with that shortcut key")
                continue
            table.add_row(_key_names(binding.key),
                          binding.tooltip or binding.description or binding.action)
        parts += [Text(title, style="bold underline"), table, Text("")]
    parts += [Text("Mouse", style="bold underline"), Text(MOUSE)]
    return Group(*parts)


class HelpScreen(QualcodeScreen):
    """All keys; Escape or ? goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark", "back", "Back"),
    ]

    def compose_body(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(help_table(), markup=False)
