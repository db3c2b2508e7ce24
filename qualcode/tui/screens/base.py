"""What every full screen of qualcode shares: the typed app, header and footer, Escape.

A screen subclasses :class:`QualcodeScreen`, declares its own BINDINGS
(they are added to the Escape binding here; a screen may bind Escape to
something else) and yields its widgets from :meth:`compose_body`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Footer, Header

if TYPE_CHECKING:
    from qualcode.tui.app import QualcodeApp


def qualcode_of(node: DOMNode) -> QualcodeApp:
    """The running app, typed: every screen and widget of the package runs inside it."""
    return cast("QualcodeApp", node.app)


class QualcodeScreen(Screen[None]):
    """A full screen: header, the screen's own widgets, footer; Escape goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back to coding"),
    ]

    @property
    def qualcode(self) -> QualcodeApp:
        return qualcode_of(self)

    def compose(self) -> ComposeResult:
        yield Header()
        yield from self.compose_body()
        yield Footer()

    def compose_body(self) -> ComposeResult:
        """The widgets between header and footer."""
        yield from ()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_undo(self) -> None:
        """ctrl+z, on a screen that binds it: this coder's latest change is taken back."""
        if self.qualcode.step_history(undo=True) is not None:
            self.after_history_step()

    def action_redo(self) -> None:
        """ctrl+y, on a screen that binds it: this coder's last undone change again."""
        if self.qualcode.step_history(undo=False) is not None:
            self.after_history_step()

    def after_history_step(self) -> None:
        """Show the project as it is after an undo or redo (each screen re-reads its own)."""
