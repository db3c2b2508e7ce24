"""Under the transcript: where the selection is, and which codes are on it."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from qualcode.project.values import CodingInfo
from qualcode.tui.colors import mark_style
from qualcode.tui.styles import tcss_beside


class HerePanel(Static):
    """Lists the codings on the selected passage, each with coder and memo."""

    DEFAULT_CSS = tcss_beside(__file__, "here_panel.tcss")

    def show(self, position: str, codings: Sequence[CodingInfo], focus: str | None,
             who: str = "") -> None:
        """``who``: the coder and whose codings are drawn, always on the first line."""
        text = Text(no_wrap=False)
        if who:
            text.append(who + "  ", style="reverse")
        text.append(position, style="bold")
        if focus:
            text.append(f"   showing only: {focus} (esc shows all)", style="italic")
        if not codings:
            text.append("\nno codes here — c: pick a code, 1-9: shortcut keys")
        for coding in codings[:3]:
            text.append("\n■ ", style=mark_style(coding.color))
            text.append(" > ".join(coding.code_path))
            text.append(f"  ({coding.coder})", style="dim")
            if coding.memo:
                text.append(f"  memo: {coding.memo}", style="italic")
        if len(codings) > 3:
            text.append(f"\n… and {len(codings) - 3} more")
        self.update(text)
