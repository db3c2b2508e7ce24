"""Dialogs for moving a study in and out: the export choice and the import report.

The project screen runs the work itself (in a worker, with its progress
bar); these dialogs only ask what to do and show what happened.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from qualcode.export import CODER_FORMATS
from qualcode.tui.screens.dialogs import DIALOG_TCSS, Dialog

#: The "whose work" choice that exports every coder's codings.
EVERY_CODER = "every coder"

#: Export formats in the order offered, with what a researcher gets from each.
FORMATS: tuple[tuple[str, str], ...] = (
    ("xlsx", "Excel workbook: quotes per code, participants, tables"),
    ("csv", "CSV: one row per quote"),
    ("md", "quote report (Markdown)"),
    ("docx", "quote report (Word)"),
    ("qdc", "codebook for other QDA software (REFI-QDA)"),
    ("qdpx", "whole project for NVivo, ATLAS.ti, MAXQDA… (REFI-QDA)"),
)


@dataclass(frozen=True)
class ExportChoice:
    """What to export and where, and whose work (None: every coder's); the dialog's answer."""

    format: str
    out: Path
    coder: str | None = None


#: Characters a file name cannot hold on some system the file may travel to.
NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def default_target(location: str, name: str, format: str) -> Path:
    """``<project name>.<format>`` in the folder of the project file (for a database
    URL: the current folder).

    Characters that no file name may hold (``/``, ``:``…) become ``-``, so a
    project called "GPs 2024/25" still exports beside itself.
    """
    safe = NOT_IN_FILE_NAMES.sub("-", name).strip(" .") or "project"
    folder = Path.cwd() if "://" in location else Path(location).resolve().parent
    return folder / f"{safe}.{format}"


class ExportDialog(Dialog[ExportChoice | None]):
    """Pick a format (the path follows it), edit the path, Enter exports.

    Moving through the formats changes the path's extension, so the default
    ``<project name>.<ext>`` beside the project is always one Enter away. In a
    study with several coders a "whose work" choice limits the workbook, CSV
    and reports to one coder (the consensus coder, for instance), as
    ``qualcode export --coder`` does; REFI-QDA files always carry every coder.
    """

    CSS_PATH: ClassVar[list[str | PurePath]] = [
        DIALOG_TCSS, Path(__file__).with_name("exchange.tcss"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, location: str, name: str, coders: Sequence[str] = ()) -> None:
        super().__init__()
        self.location = location
        self.name_ = name
        self.format = FORMATS[0][0]
        self.coders = list(coders)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Export the project — choose a format, then the file", markup=False)
            yield OptionList(*(Option(f"{fmt:<5} {what}", id=fmt) for fmt, what in FORMATS),
                             id="formats", markup=False)
            if len(self.coders) > 1:
                with Horizontal(id="whose-row"):
                    yield Label("whose work", markup=False)
                    yield Select([(Content(name), name) for name in self.coders], id="whose",
                                 prompt=EVERY_CODER, allow_blank=True, compact=True)
            yield Input(str(default_target(self.location, self.name_, self.format)), id="out")
            hint = "Enter: choose the format, then Enter to export · Esc: cancel"
            if len(self.coders) > 1:
                hint = "Enter: choose the format, then Enter exports · Tab: whose work · Esc"
            yield Label(hint,
                        classes="hint", markup=False)

    def on_mount(self) -> None:
        formats = self.query_one("#formats", OptionList)
        formats.highlighted = 0
        formats.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id is None:
            return
        self.format = event.option.id
        for whose in self.query("#whose").results(Select):
            whose.disabled = self.format not in CODER_FORMATS
        out = self.query_one("#out", Input)
        current = Path(out.value.strip()) if out.value.strip() else None
        if current is None:
            out.value = str(default_target(self.location, self.name_, self.format))
        else:
            out.value = str(current.with_suffix(f".{self.format}"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        out = self.query_one("#out", Input)
        out.focus()
        out.cursor_position = len(out.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        if value:
            self.dismiss(ExportChoice(self.format, Path(value).expanduser(), self.whose()))

    def whose(self) -> str | None:
        """The coder chosen, or None for every coder (and for formats that carry all)."""
        for whose in self.query("#whose").results(Select):
            if self.format in CODER_FORMATS and isinstance(whose.value, str):
                return whose.value
        return None

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReportDialog(Dialog[None]):
    """Show the lines of an import report; Enter or Escape closes it."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [
        DIALOG_TCSS, Path(__file__).with_name("exchange.tcss"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter", "close", "Close")]

    def __init__(self, title: str, lines: list[str]) -> None:
        super().__init__()
        self.title_ = title
        self.lines = lines

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_, markup=False)
            with VerticalScroll(id="report"):
                yield Static("\n".join(self.lines), id="report-lines", markup=False)
            yield Label("Enter / Esc: close", classes="hint", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
