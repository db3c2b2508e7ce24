"""The codebook beside the transcript: colour, shortcut key and live counts per code."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from qualcode.project.values import CodeInfo
from qualcode.tui.colors import mark_style
from qualcode.tui.styles import tcss_beside


def code_label(code: CodeInfo, counts: tuple[int, int] | None, width: int = 30) -> Text:
    """``■ 1 Name   12/5``: colour, key, indented name, codings/participants.

    A category's figures include everything under it (the screen passes them so).
    """
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append("  " * code.depth)
    text.append("■ ", style=mark_style(code.color))
    text.append(f"{code.key} " if code.key else "  ", style="bold")
    text.append(code.name, style="bold" if code.depth == 0 else "")
    if counts is not None:
        figure = f" {counts[0]}/{counts[1]}"
        text.align("left", max(len(text), width - len(figure)))
        text.truncate(width - len(figure), overflow="ellipsis")
        text.append(figure, style="dim")
    return text


class CodebookPanel(OptionList):
    """A list of codes; Enter posts :class:`CodebookPanel.CodeChosen`."""

    DEFAULT_CSS = tcss_beside(__file__, "codebook_panel.tcss")

    class CodeChosen(Message):
        def __init__(self, code: CodeInfo) -> None:
            super().__init__()
            self.code = code

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.codes: list[CodeInfo] = []
        self._counts: Mapping[int, tuple[int, int]] = {}
        self._width = 0

    def on_resize(self) -> None:
        if self.size.width != self._width and self.codes:
            self.show(self.codes, self._counts)

    def show(self, codes: Sequence[CodeInfo], counts: Mapping[int, tuple[int, int]]) -> None:
        """Redraw all rows, keeping the highlighted code."""
        kept = self.highlighted_code
        self.codes = list(codes)
        self._counts = counts
        self._width = self.size.width
        width = max(16, (self.size.width or 34) - 4)
        self.set_options(
            Option(code_label(code, counts.get(code.id, (0, 0)), width), id=str(code.id))
            for code in self.codes
        )
        if kept is not None:
            for index, code in enumerate(self.codes):
                if code.id == kept.id:
                    self.highlighted = index
                    break

    @property
    def highlighted_code(self) -> CodeInfo | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.codes):
            return None
        return self.codes[index]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.codes):
            self.post_message(self.CodeChosen(self.codes[event.option_index]))
