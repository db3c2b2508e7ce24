"""The code picker: type any part of a code's name or path, Enter applies it.

Matching is fuzzy in the way people type: every word typed must occur in
the code's path (in any order), or the letters must occur in order
(``wederk`` finds "Gebrek aan wederkerigheid"). When nothing matches, the
picker offers to create the typed name under the highlighted category, or,
when a path is typed ("Consent > Little guidance"), under that path.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from qualcode.project.values import CodeInfo
from qualcode.tui.colors import mark_style
from qualcode.tui.screens.dialogs import Dialog


@dataclass(frozen=True)
class Picked:
    """The picker's answer: an existing code, or a new one to create."""

    code: CodeInfo | None = None
    new_name: str | None = None
    new_parent: tuple[str, ...] | None = None


def match_score(query: str, code: CodeInfo) -> int | None:
    """Lower is better; None when ``query`` does not match ``code``."""
    query = query.strip().lower()
    if not query:
        return 0
    name, path = code.name.lower(), code.path_text.lower()
    if name.startswith(query):
        return 0
    if query in name:
        return 1
    if all(word in path for word in query.split()):
        return 2
    position = 0
    for char in query.replace(" ", ""):
        position = path.find(char, position)
        if position == -1:
            return None
        position += 1
    return 3


def split_path(query: str) -> tuple[str, ...]:
    """The parts of a typed path ("Consent > Little guidance"), blanks dropped."""
    return tuple(part.strip() for part in query.split(">") if part.strip())


def rank(query: str, codes: list[CodeInfo]) -> list[CodeInfo]:
    scored = [(score, index, code) for index, code in enumerate(codes)
              if (score := match_score(query, code)) is not None]
    return [code for _, _, code in sorted(scored, key=lambda item: (item[0], item[1]))]


class CodePicker(Dialog[Picked | None]):
    """Filter codes as you type; Enter applies the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Previous", show=False),
    ]

    def __init__(self, codes: list[CodeInfo], category: tuple[str, ...] | None,
                 place: str = "middle") -> None:
        """``place`` ("top", "middle", "bottom") keeps the selected passage visible."""
        super().__init__()
        self.codes = codes
        self.category = category
        self.shown: list[CodeInfo] = []
        self.add_class(f"picker-{place}")

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Apply code — type part of a name or path, Enter applies", markup=False)
            yield Input(placeholder="code… (or a path: Category > New code)", id="query")
            yield Label("", id="where", classes="hint", markup=False)
            yield OptionList(id="matches", markup=False)

    def on_mount(self) -> None:
        self._refill("")
        self.query_one("#query", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._refill(event.value)

    def _refill(self, query: str) -> None:
        self.shown = rank(query, self.codes)
        options: list[Option] = []
        for code in self.shown:
            label = Text("■ ", style=mark_style(code.color))
            label.append(code.path_text)
            if code.key:
                label.append(f"  [{code.key}]", style="dim")
            options.append(Option(label))
        parent, name = self.new_place(query)
        where = " > ".join(parent) if parent else "the top level"
        self.query_one("#where", Label).update(f"A new code goes under {where}.")
        known = {c.path for c in self.codes}
        if name and (*parent, name) not in known and not (
            len(split_path(query)) == 1
            and any(c.name.lower() == name.lower() for c in self.shown)
        ):
            missing = [" > ".join(parent[:n]) for n in range(1, len(parent) + 1)
                       if parent[:n] not in known]
            extra = f" (also creates {', '.join(missing)})" if missing else ""
            options.append(Option(Text(f"+ create “{name}” under {where}{extra}",
                                       style="italic")))
        matches = self.query_one("#matches", OptionList)
        matches.set_options(options)
        if options:
            matches.highlighted = 0

    def new_place(self, query: str) -> tuple[tuple[str, ...], str]:
        """Where a code typed as ``query`` would be created, and its name.

        A typed path decides the parent on its own; only a bare name goes
        under the category highlighted in the codebook.
        """
        parts = split_path(query)
        if not parts:
            return self.category or (), ""
        if len(parts) > 1 or ">" in query:
            return parts[:-1], parts[-1]
        return self.category or (), parts[0]

    def action_move(self, step: int) -> None:
        matches = self.query_one("#matches", OptionList)
        if matches.option_count:
            current = matches.highlighted or 0
            matches.highlighted = min(max(current + step, 0), matches.option_count - 1)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        index = self.query_one("#matches", OptionList).highlighted
        self._choose(index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)

    def _choose(self, index: int | None) -> None:
        if index is None:
            return
        if index < len(self.shown):
            self.dismiss(Picked(code=self.shown[index]))
            return
        parent, name = self.new_place(self.query_one("#query", Input).value)
        if name:
            self.dismiss(Picked(new_name=name, new_parent=parent))

    def action_cancel(self) -> None:
        self.dismiss(None)
