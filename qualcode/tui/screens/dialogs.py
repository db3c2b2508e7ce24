"""Small modal dialogs: a line of text, a memo, a yes/no question, a choice, a file."""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DirectoryTree, Footer, Input, Label, OptionList, TextArea

from qualcode.tui.widgets.file_tree import MarkingTree

T = TypeVar("T")

#: Absolute, so dialogs defined in other folders still find it.
DIALOG_TCSS = Path(__file__).with_name("dialogs.tcss")



class Dialog(ModalScreen[T]):
    """A box in the middle of the screen over a dimmed background."""

    CSS_PATH: ClassVar[str | PurePath | list[str | PurePath] | None] = DIALOG_TCSS


class TextPrompt(Dialog[str | None]):
    """Ask for one line of text; Enter gives it, Escape gives None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, value: str = "", hint: str = "") -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.question, markup=False)
            yield Input(value=self.value, id="answer", select_on_focus=False)
            if self.hint:
                yield Label(self.hint, classes="hint", markup=False)

    def on_mount(self) -> None:
        """Typing appends to a pre-filled value ("Consent > ") instead of replacing it."""
        answer = self.query_one("#answer", Input)
        answer.focus()
        answer.cursor_position = len(answer.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class MemoDialog(Dialog[str | None]):
    """Write a memo of several lines (on a coding, document, code or the project).

    ctrl+s saves (Enter starts a new line, as in any editor); Escape leaves
    the memo as it was. Saving an empty memo removes it.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save memo", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, title: str, text: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="memo-box"):
            yield Label(self.title_text, markup=False)
            yield TextArea(self.text, id="memo", soft_wrap=True, show_line_numbers=False)
            yield Label("ctrl+s saves · Esc cancels · an empty memo is removed", classes="hint",
                        markup=False)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Confirm(Dialog[bool]):
    """A yes/no question: y or Enter confirms, n or Escape refuses."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.question, markup=False)
            yield Label("y / Enter: yes    n / Esc: no", classes="hint", markup=False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class Choose(Dialog[int | None]):
    """Pick one of several lines; gives its index, or None on Escape."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, choices: list[str]) -> None:
        super().__init__()
        self.question = question
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.question, markup=False)
            yield OptionList(*self.choices, markup=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)


def expand_pattern(pattern: str, folder: Path) -> list[Path]:
    """The files ``pattern`` matches (relative patterns from ``folder``), sorted by name."""
    path = Path(pattern).expanduser()
    if path.is_absolute():
        anchor = Path(path.anchor)
        found = anchor.glob(str(path.relative_to(anchor)))
    else:
        found = folder.glob(pattern)
    return sorted(p for p in found if p.is_file())


class FilePicker(Dialog[list[Path] | None]):
    """Choose a file from a folder tree, or type paths (separated by ';').

    A typed pattern (``interviews/*.txt``) stands for every file it matches, so
    a whole folder of transcripts is imported in one go. With ``multiple``,
    space marks files in the tree (:class:`MarkingTree`) and Enter or the
    Import button chooses every marked file, in the order marked, together
    with any paths typed; with nothing marked, Enter chooses the file under
    the cursor as before.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("tab", "app.focus_next", "Path/tree"),
    ]

    def __init__(self, question: str, folder: Path | None = None,
                 multiple: bool = False) -> None:
        super().__init__()
        self.question = question
        self.folder = folder or Path.cwd()
        self.multiple = multiple

    def compose(self) -> ComposeResult:
        with Vertical(classes="multiple" if self.multiple else ""):
            yield Label(self.question, markup=False)
            yield Input(placeholder="a path, a pattern (interviews/*.txt), or paths "
                                    "separated by ;", id="path")
            if not self.multiple:
                yield DirectoryTree(self.folder)
                yield Label("Enter on a file chooses it; Tab moves between path and tree.",
                            classes="hint", markup=False)
                return
            yield MarkingTree(self.folder)
            with Horizontal(id="marking"):
                yield Label(self._marked_text(0), id="marked", classes="hint", markup=False)
                yield Button("Import marked", id="import-marked", disabled=True,
                             compact=True)
        yield Footer()

    @staticmethod
    def _marked_text(count: int) -> str:
        if count == 0:
            return "space marks files in the tree; Enter imports"
        files = "1 file" if count == 1 else f"{count} files"
        return f"{files} marked · Enter imports them"

    @property
    def marked(self) -> list[Path]:
        return self.query_one(MarkingTree).marked if self.multiple else []

    def on_marking_tree_marks_changed(self, event: MarkingTree.MarksChanged) -> None:
        event.stop()
        self.query_one("#marked", Label).update(self._marked_text(event.count))
        self.query_one("#import-marked", Button).disabled = event.count == 0

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if self.marked:
            self.dismiss(self.marked)

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.dismiss(self.marked or [Path(event.path)])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        paths: list[Path] = list(self.marked)
        for part in (part.strip() for part in event.value.split(";")):
            if not part:
                continue
            if not any(char in part for char in "*?["):
                paths.append(Path(part).expanduser())
                continue
            matched = expand_pattern(part, self.folder)
            if not matched:
                self.notify(f"{part}: no file matches", severity="warning")
                return
            paths.extend(matched)
        self.dismiss(list(dict.fromkeys(paths)) or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
