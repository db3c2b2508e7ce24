"""Marking a document not-started, in progress, coded or excluded (``s``, or ``c`` on the
project screen, where ``s`` shows the speakers).

Used by the coding screen (the document shown) and the project screen (the
document highlighted). Saturation counts only documents marked coded, so the
status line counts again after every change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from qualcode.model import DOCUMENT_STATUSES
from qualcode.tui.screens.dialogs import Choose

if TYPE_CHECKING:
    from qualcode.tui.app import QualcodeApp

EXPLAINED = {
    "not-started": "not started",
    "in-progress": "in progress (set by the first coding)",
    "coded": "coded: finished, counted by saturation",
    "excluded": "excluded: a pilot or not an interview; never counted",
}


def ask_status(app: QualcodeApp, document: str, current: str,
               done: Callable[[str], None]) -> None:
    """Offer the four states for ``document``; on a choice, store it and call ``done``."""
    choices = [("● " if state == current else "  ") + EXPLAINED[state]
               for state in DOCUMENT_STATUSES]

    def chosen(index: int | None) -> None:
        if index is None:
            return
        state = DOCUMENT_STATUSES[index]
        if app.attempt(lambda: app.project.set_status([document], state)) is None:
            return
        app.notify(f"{document} marked {state}")
        coding = app.coding
        if coding.is_mounted:
            coding.status_changed(document, state)
        done(state)

    app.push_screen(Choose(f"Coding status of {document}:", choices), chosen)
