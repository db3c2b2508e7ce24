"""Editing the codebook: add, rename, move, merge, delete, colour, description, key, memo.

Each edit is one Project change, so each is undoable with ctrl+z here or in
the coding screen. A delete first says how many codings go with the code.
``K`` gives every code without a colour one (sub-codes in shades of their
category's hue); ``w`` edits the code's memo, shown under its definition.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import OptionList, Static

from qualcode.project.values import CodeInfo
from qualcode.tui.screens.base import QualcodeScreen
from qualcode.tui.screens.dialogs import Confirm, MemoDialog, TextPrompt
from qualcode.tui.widgets.codebook_panel import CodebookPanel


class CodebookScreen(QualcodeScreen):
    """The codebook with each code's definition; keys edit the highlighted code."""

    CSS_PATH = "codebook.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add"),
        Binding("e", "rename", "Rename"),
        Binding("m", "move", "Move", show=False),
        Binding("g", "merge", "Merge into", show=False),
        Binding("d", "delete", "Delete"),
        Binding("k", "color", "Colour", show=False),
        Binding("K", "colour_all", "Colour all", show=False),
        Binding("w", "memo", "Memo", show=False),
        Binding("i", "describe", "Description", show=False),
        Binding("s", "shortcut", "Shortcut key", show=False),
        Binding("ctrl+z", "undo", "Undo", show=False),
        Binding("ctrl+y", "redo", "Redo", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        with Horizontal():
            yield CodebookPanel(id="edit-codes")
            yield Static(id="definition", markup=False)

    def on_mount(self) -> None:
        self.reload()
        self.query_one(CodebookPanel).focus()

    def reload(self) -> None:
        panel = self.query_one(CodebookPanel)
        codes = self.qualcode.project.codes()
        panel.show(codes, self.qualcode.coding.counts.as_mapping(codes))
        self._describe(panel.highlighted_code)

    def changed_elsewhere(self) -> None:
        """Another window changed the codebook or codings (the coding screen, below, has
        recounted already)."""
        self.reload()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._describe(self.query_one(CodebookPanel).highlighted_code)

    def _describe(self, code: CodeInfo | None) -> None:
        text = Text()
        memo = ""
        if code is not None:
            memo = self.qualcode.attempt(
                lambda: self.qualcode.project.memo_of("code", code.path_text)) or ""
        if code is not None:
            text.append(code.path_text + "\n", style="bold")
            text.append(f"colour {code.color or '-'}   key {code.key or '-'}\n\n", style="dim")
            for label, value in (("", code.description), ("Include: ", code.inclusion),
                                 ("Exclude: ", code.exclusion), ("Example: ", code.example)):
                if value:
                    text.append(label, style="bold")
                    text.append(value + "\n\n")
            if isinstance(memo, str) and memo:
                text.append("Memo: ", style="bold")
                text.append(memo + "\n", style="italic")
        self.query_one("#definition", Static).update(text)

    @property
    def code(self) -> CodeInfo | None:
        return self.query_one(CodebookPanel).highlighted_code

    def _change(self, action: Callable[[], object], done: str) -> None:
        if self.qualcode.attempt(action) is not None:
            self.notify(done)
            self.reload()
            self.qualcode.coding.reload_all()

    def _ask(self, question: str, value: str, then: Callable[[str], None], hint: str = "") -> None:
        def answered(answer: str | None) -> None:
            if answer is not None:
                then(answer)

        self.app.push_screen(TextPrompt(question, value, hint), answered)

    def action_back(self) -> None:
        self.qualcode.coding.reload_all()
        self.app.pop_screen()

    def action_add(self) -> None:
        code = self.code
        category = (code.path if code.depth == 0 else code.path[:-1]) if code else ()
        prefix = " > ".join(category) + " > " if category else ""

        def add(path: str) -> None:
            parts = [p.strip() for p in path.split(">") if p.strip()]
            if not parts:
                return
            parent = " > ".join(parts[:-1]) or None
            self._change(lambda: self.qualcode.project.add_code(parent, parts[-1]),
                         f"added {' > '.join(parts)}")

        self._ask("New code (Category > Name, or just Name for a new category):", prefix, add)

    def action_rename(self) -> None:
        code = self.code
        if code is not None:
            self._ask(f"Rename {code.path_text} to:", code.name, lambda name: self._change(
                lambda: self.qualcode.project.rename_code(code.path_text, name),
                f"renamed to {name}"))

    def action_move(self) -> None:
        code = self.code
        if code is not None:
            self._ask(f"Move {code.path_text} under (empty: top level):",
                      " > ".join(code.path[:-1]), lambda parent: self._change(
                          lambda: self.qualcode.project.move_code(code.path_text,
                                                                  parent.strip() or None),
                          f"moved {code.name}"))

    def action_merge(self) -> None:
        code = self.code
        if code is not None:
            self._ask(f"Merge {code.path_text} into (its codings move there):", "",
                      lambda target: self._change(
                          lambda: self.qualcode.project.merge_codes(code.path_text, target),
                          f"merged {code.name} into {target}"),
                      "Type the surviving code's path or unique name.")

    def action_delete(self) -> None:
        code = self.code
        if code is None:
            return
        count = self.qualcode.attempt(lambda: self.qualcode.project.codings_under(code.path_text))
        if count is None:
            return
        count = 0 if count is True else count

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._change(lambda: self.qualcode.project.delete_code(code.path_text),
                             f"deleted {code.path_text}")

        self.app.push_screen(Confirm(
            f"Delete {code.path_text} and the {count} codings that go with it? "
            "(ctrl+z undoes it)"), confirmed)

    def _update(self, field: str, question: str, current: str | None) -> None:
        code = self.code
        if code is not None:
            empty = None if field in ("key", "color") else ""
            self._ask(question, current or "", lambda value: self._change(
                lambda: self.qualcode.project.update_code(
                    code.path_text, **{field: value.strip() or empty}),
                f"{code.name}: {field} changed"))

    def action_color(self) -> None:
        code = self.code
        self._update("color", "Colour (#rrggbb, or a name such as orange, teal):",
                     code.color if code else None)

    def action_colour_all(self) -> None:
        count = self.qualcode.attempt(self.qualcode.project.assign_code_colours)
        if count is None:
            return
        if count is True or count == 0:
            self.notify("every code has a colour already")
            return
        self.notify(f"{count} codes got a colour (ctrl+z undoes it)")
        self.reload()
        self.qualcode.coding.reload_all()

    def action_memo(self) -> None:
        code = self.code
        if code is None:
            return
        project = self.qualcode.project
        current = self.qualcode.attempt(lambda: project.memo_of("code", code.path_text))
        if current is None:
            return
        current = "" if current is True else str(current)

        def save(text: str | None) -> None:
            if text is not None and text.strip() != current.strip():
                self._change(lambda: project.set_memo("code", code.path_text, text),
                             f"memo on {code.name} saved")

        self.app.push_screen(MemoDialog(f"Memo on code {code.path_text}:", current), save)

    def action_describe(self) -> None:
        code = self.code
        self._update("description", "Description:", code.description if code else None)

    def action_shortcut(self) -> None:
        code = self.code
        self._update("key", "Shortcut key (one character; empty: none):",
                     code.key if code else None)

    def after_history_step(self) -> None:
        self.reload()
        self.qualcode.coding.reload_all()
