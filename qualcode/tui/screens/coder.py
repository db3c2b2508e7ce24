"""Choosing who is coding: asked once per user account, changed only on purpose.

The name is recorded on every coding, memo and change, and undo only ever
takes back this coder's own changes; so a change of name is never a side
effect of typing. The dialog says what changing it does before it does it.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label

from qualcode.tui.screens.dialogs import Dialog


class CoderDialog(Dialog[str | None]):
    """Ask for the coder's name; Enter saves it, Escape keeps the current one."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Keep the name")]

    def __init__(self, current: str, *, first_time: bool, where: str) -> None:
        super().__init__()
        self.current = current
        self.first_time = first_time
        self.where = where

    def compose(self) -> ComposeResult:
        with Vertical(id="coder-dialog"):
            if self.first_time:
                yield Label("Who is coding? Your name is recorded on every coding and memo "
                            "you make, in every project, and lets a second coder's work be "
                            "told apart from yours.", markup=False)
            else:
                yield Label(f"You are coding as {self.current!r}.", markup=False)
                yield Label("A new name is recorded on every coding, memo and change you "
                            "make from now on, in every project on this computer account. "
                            "What you coded so far stays under "
                            f"{self.current!r}, and undo (ctrl+z) will only take back "
                            "changes made under the new name.", markup=False)
            yield Input(value=self.current, id="coder-name")
            yield Label(f"Enter saves it (in {self.where}); "
                        + ("Esc keeps the account name." if self.first_time
                           else "Esc keeps the current name."), classes="hint", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = " ".join(event.value.split())
        if not name:
            self.notify("a coder name cannot be empty", severity="warning")
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)
