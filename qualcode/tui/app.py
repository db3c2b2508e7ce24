"""The qualcode terminal app. :func:`make_app` is the one way to build it.

The CLI (``qualcode open``/``demo``), the tests and the benchmark all call
:func:`make_app`, so what they exercise is what a user runs. The app owns
the open :class:`~qualcode.project.Project`; screens call it, widgets never do.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any, ClassVar, TypeVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from qualcode.errors import QualcodeError
from qualcode.project import Project
from qualcode.tui.screens.coding import CodingScreen
from qualcode.tui.screens.dialogs import TextPrompt

T = TypeVar("T")


class QualcodeApp(App[None]):
    """One project, opened for one coder."""

    TITLE = "qualcode"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("p", "project", "Project"),
        Binding("r", "retrieve", "Quotes"),
        Binding("b", "codebook", "Codebook"),
        Binding("a", "analysis", "Analysis"),
        Binding("ctrl+f", "search_study", "Search all", show=False),
        Binding("ctrl+n", "coder", "Coder name", show=False),
    ]

    def __init__(self, project: Project) -> None:
        super().__init__()
        self.project = project
        self.coding = CodingScreen()
        self._cannot_remember = False
        #: Why a setting could not be saved before the app ran (a read-only project).
        self.cannot_save: str | None = None

    # -- helpers screens use -------------------------------------------------

    def attempt(self, action: Callable[[], T]) -> T | None:
        """Run a Project call; a refusal is shown with the CLI's one-line message.

        A database or OS error (a read-only or full disk, a damaged file) is
        shown the same way, as the CLI words it, never as a traceback.
        Returns None when refused, else the call's result (``True`` for None).
        """
        from qualcode.store import describe_failure

        try:
            result = action()
        except QualcodeError as exc:
            self.show_error(exc)
            return None
        except Exception as exc:
            message = describe_failure(exc, self.project.location)
            if message is None:
                raise
            self.show_error(message)
            return None
        # True stands for "done" when the call returns nothing; T is then None
        return True if result is None else result  # type: ignore[return-value]

    def remember(self, key: str, value: str) -> None:
        """Save a setting of the app's own (last document, chosen options).

        On a project that cannot be written (read-only, disk full) the
        researcher is told once, in the CLI's words, and can go on reading.
        """
        if self._cannot_remember:
            return
        if self.attempt(lambda: self.project.set_setting(key, value)) is None:
            self._cannot_remember = True

    def show_error(self, error: QualcodeError | str) -> None:
        self.notify(str(error), title="error", severity="error", timeout=10)

    def show_where(self, document: str | None) -> None:
        where = f"{document} · " if document else ""
        self.sub_title = f"{self.project.name} · {where}coder: {self.project.coder}"

    # -- start ---------------------------------------------------------------

    def on_mount(self) -> None:
        if self.cannot_save is not None:
            self.show_error(self.cannot_save)
        self.push_screen(self.coding)
        if self.project.setting("default_coder") is None:
            self.notify(f"Coding as {self.project.coder!r}. ctrl+n changes the coder name.",
                        timeout=6)

    def start_document(self) -> str | None:
        """The document last worked on, else the first in interview order."""
        names = [d.name for d in self.project.documents()]
        last = self.project.setting("last_document")
        if last in names:
            return last
        return names[0] if names else None

    def open_at(self, document: str, start: int, end: int) -> None:
        """Show ``document`` in the coding screen with ``start:end`` selected."""
        while self.screen is not self.coding and len(self.screen_stack) > 1:
            self.pop_screen()
        self.coding.open_document(document, (start, end))

    # -- actions ---------------------------------------------------------------

    def action_help(self) -> None:
        from qualcode.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_project(self) -> None:
        from qualcode.tui.screens.project import ProjectScreen

        if not isinstance(self.screen, ProjectScreen):
            self.push_screen(ProjectScreen())

    def action_retrieve(self) -> None:
        from qualcode.tui.screens.retrieval import RetrievalScreen

        if not isinstance(self.screen, RetrievalScreen):
            self.push_screen(RetrievalScreen())

    def action_codebook(self) -> None:
        from qualcode.tui.screens.codebook import CodebookScreen

        if not isinstance(self.screen, CodebookScreen):
            self.push_screen(CodebookScreen())

    def action_analysis(self) -> None:
        from qualcode.tui.screens.analysis import AnalysisScreen

        if not isinstance(self.screen, AnalysisScreen):
            self.push_screen(AnalysisScreen())

    def action_search_study(self) -> None:
        from qualcode.tui.screens.search import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    def action_pseudonymise(self) -> None:
        from qualcode.tui.screens.pseudonymise import PseudonymiseScreen

        if not isinstance(self.screen, PseudonymiseScreen):
            self.push_screen(PseudonymiseScreen())

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """qualcode's own actions in the command palette (ctrl+p), then Textual's."""
        yield SystemCommand("Search every interview", "find a word or phrase and code the hits",
                            self.action_search_study)
        yield SystemCommand("Pseudonymise", "find names and other identifying details, review "
                            "them, replace them everywhere (one way)", self.action_pseudonymise)
        yield from super().get_system_commands(screen)

    def action_coder(self) -> None:
        def rename(name: str | None) -> None:
            if name and name.strip():
                self.project.coder = name.strip()
                if self.attempt(lambda: self.project.set_setting("default_coder",
                                                                 self.project.coder)) is None:
                    return
                self.show_where(self.coding.document.name if self.coding.document else None)
                self.notify(f"coding as {self.project.coder!r}")

        self.push_screen(TextPrompt("Your name as a coder (recorded on every coding):",
                                    self.project.coder), rename)


def make_app(project_path: str | os.PathLike[str], coder: str | None = None) -> QualcodeApp:
    """Open the project at ``project_path`` and build the app around it.

    Raises :class:`~qualcode.errors.QualcodeError` (before any screen exists)
    when the project cannot be opened. With ``coder`` given, it is also kept
    as the project's default coder, so the name is asked only once.
    """
    from qualcode.store import describe_failure

    project = Project.open(project_path, coder=coder)
    app = QualcodeApp(project)
    if coder:
        try:
            project.set_setting("default_coder", coder)
        except Exception as exc:
            message = describe_failure(exc, project.location)
            if message is None:
                raise
            app.cannot_save = message
            app._cannot_remember = True
    return app
