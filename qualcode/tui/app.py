"""The qualcode terminal app. :func:`make_app` is the one way to build it.

The CLI (``qualcode open``/``demo``), the tests and the benchmark all call
:func:`make_app`, so what they exercise is what a user runs. The app owns
the open :class:`~qualcode.project.Project`; screens call it, widgets never do.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import Worker

from qualcode.errors import NotFoundError, QualcodeError, one_line
from qualcode.identity import CoderChoice, resolve_coder
from qualcode.project import Project
from qualcode.project.values import EventInfo
from qualcode.tui.screens.coder import CoderDialog
from qualcode.tui.screens.coding import CodingScreen
from qualcode.tui.screens.dialogs import Choose, TextPrompt

T = TypeVar("T")


#: Seconds between two looks at the event log for changes made elsewhere; with
#: the refresh itself this keeps "another window's change on screen" under 2 s.
LIVE_INTERVAL = 0.5


class ChangedElsewhere(Message):
    """Another window, process or person changed the project (event log moved)."""


class QualcodeApp(App[None]):
    """One project, opened for one coder.

    The app stays live: a timer asks the project (in a thread) whether its event
    log has moved past the last change this window knows of; when a change came
    from elsewhere, every open screen that can refresh itself does so, keeping
    the selection, scroll position and highlighted code.
    """

    TITLE = "qualcode"
    #: Toasts at the top right, under the header: the status lines at the bottom stay readable.
    CSS = "ToastRack { dock: top; align: right top; margin-top: 1; margin-bottom: 0; }"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("p", "project", "Project", show=False),
        Binding("r", "retrieve", "Quotes", show=False),
        Binding("b", "codebook", "Codebook", show=False),
        Binding("a", "analysis", "Analysis", show=False),
        Binding("ctrl+f", "search_study", "Search all", show=False),
        Binding("ctrl+k", "coding_query", "Coding query", show=False),
        Binding("ctrl+n", "coder", "Change coder", show=False),
    ]

    def __init__(self, project: Project, coder: CoderChoice | None = None) -> None:
        super().__init__()
        self.project = project
        #: who is coding and where the name came from (the first open asks for one)
        self.coder = coder or CoderChoice(project.coder, "--coder")
        self.coding = CodingScreen()
        self._cannot_remember = False
        #: Why a setting could not be saved before the app ran (a read-only project).
        self.cannot_save: str | None = None
        self._poll: Worker[None] | None = None

    # -- helpers screens use -------------------------------------------------

    def step_history(self, *, undo: bool) -> EventInfo | None:
        """Undo (or redo) this coder's last change, and say what happened.

        Returns the change taken back or re-applied; None when there was none
        of this coder's ("nothing of yours") or it was refused (the refusal
        is shown in the CLI's words). Screens refresh themselves after it.
        """
        project = self.project
        verb = "undo" if undo else "redo"
        result = self.attempt(project.undo if undo else project.redo)
        if result is None:
            return None
        if not isinstance(result, EventInfo):  # attempt() gives True for "nothing"
            self.notify(f"nothing of yours ({project.coder}) to {verb}")
            return None
        self.notify(f"{'undone' if undo else 'redone'}: {result.summary}")
        return result

    def attempt(self, action: Callable[[], T]) -> T | None:
        """Run a Project call; a refusal is shown with the CLI's one-line message.

        A database or OS error (a read-only or full disk, a damaged file) is
        shown the same way, as the CLI words it, never as a traceback.
        Returns None when refused, else the call's result (``True`` for None).
        """
        from qualcode.store_errors import describe_failure

        try:
            result = action()
        except NotFoundError as exc:
            self.gone(exc)
            return None
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

    def notify(
        self, message: str, *, title: str = "", severity: SeverityLevel = "information",
        timeout: float | None = None, markup: bool = False,
    ) -> None:
        """A notice, shown as written: it quotes study text ("[laughs]", "[Persoon 2]"),
        which Textual would otherwise read as markup (see qualcode.tui.widgets.plain)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def show_error(self, error: QualcodeError | str) -> None:
        self.notify(one_line(str(error)), title="error", severity="error", timeout=10)

    def gone(self, error: NotFoundError) -> None:
        """The thing acted on was removed meanwhile (another window or coder): say so and
        show the project as it is now, rather than an error."""
        self.notify(f"{error} (changed elsewhere; refreshed)", severity="warning", timeout=5)
        self.refresh_from_project()

    def show_where(self, document: str | None) -> None:
        """The header: who is coding comes first, so a narrow terminal never hides it."""
        where = f" · {document}" if document else ""
        self.sub_title = f"coder: {self.project.coder} · {self.project.name}{where}"

    # -- start ---------------------------------------------------------------

    def on_mount(self) -> None:
        if self.cannot_save is not None:
            self.show_error(self.cannot_save)
        self.project.changed_elsewhere()
        self.set_interval(LIVE_INTERVAL, self._look_for_changes)
        self.push_screen(self.coding)
        if not self.coder.chosen:
            self.call_after_refresh(self.ask_coder, True)

    # -- live ----------------------------------------------------------------

    def _look_for_changes(self) -> None:
        """Start a look unless the last one is still running (a slow server): looks are
        never cancelled, so waiting for all workers never meets a cancelled one."""
        if self._poll is None or self._poll.is_finished:
            self._poll = self._poll_event_log()

    @work(thread=True, group="live")
    def _poll_event_log(self) -> None:
        try:
            elsewhere = self.project.changed_elsewhere()
        except QualcodeError:
            return
        if elsewhere:
            self.post_message(ChangedElsewhere())

    def on_changed_elsewhere(self, _message: ChangedElsewhere) -> None:
        self.refresh_from_project()

    def refresh_from_project(self) -> None:
        """Every open screen re-reads what it shows (bottom first; each keeps its view)."""
        for screen in list(self.screen_stack):
            refresh = getattr(screen, "changed_elsewhere", None)
            if refresh is not None and screen.is_mounted:
                refresh()

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

    async def action_quit(self) -> None:
        """Remember the selection first: reopening the project lands back on it."""
        if self.coding.is_mounted:
            self.coding.remember_selection()
        await super().action_quit()

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

    def action_backup(self) -> None:
        """Ask where, confirm replacing, then copy in a worker (the copy is consistent
        even while other windows code)."""
        from datetime import datetime

        from qualcode.tui.screens.dialogs import Confirm

        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        folder = Path.cwd() if "://" in self.project.location \
            else Path(self.project.location).resolve().parent
        suggested = folder / f"{self.project.name}-backup-{stamp}.qualcode"

        def chosen(answer: str | None) -> None:
            if not answer or not answer.strip():
                return
            out = Path(answer.strip()).expanduser()
            if out.exists():
                def replace(yes: bool | None) -> None:
                    if yes:
                        self._back_up(out)

                self.push_screen(Confirm(f"{out} exists. Replace it with a new backup?"), replace)
            else:
                self._back_up(out)

        self.push_screen(TextPrompt("Back up the project to (a new .qualcode file):",
                                    str(suggested)), chosen)

    @work(thread=True, exclusive=True, group="backup")
    def _back_up(self, out: Path) -> None:
        try:
            counts = self.project.backup(out)
        except QualcodeError as exc:
            self.call_from_thread(self.show_error, exc)
            return
        except OSError as exc:
            self.call_from_thread(self.show_error, f"{out}: {exc.strerror}")
            return
        self.call_from_thread(
            self.notify, f"backed up to {out} ({counts['document']} documents, "
            f"{counts['coding']} codings)")

    def action_language(self) -> None:
        """Ask for the transcripts' language; a new one splits every document's sentences
        again (spaCy, in a worker) after a confirmation saying what that changes."""
        from qualcode.analysis.saturation_text import plural
        from qualcode.language import check_language
        from qualcode.tui.screens.dialogs import Confirm

        current = self.project.language

        def chosen(answer: str | None) -> None:
            code = (answer or "").strip()
            if not code or code == current:
                return
            try:
                code = check_language(code)
            except QualcodeError as exc:
                self.show_error(exc)
                return
            count = len(self.project.documents())

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self._set_language(code)

            self.push_screen(Confirm(
                f"Make the language {code!r} (now {current!r}) and split the sentences of "
                f"{plural(count, 'document')} again? Codings keep their exact words; moving by "
                "sentence follows the new split. To go back, change it back."), confirmed)

        self.push_screen(TextPrompt("The transcripts' language (nl, en, de, fr, da…):", current,
                                    hint="sentences are split by spaCy's rules for it"), chosen)

    @work(thread=True, exclusive=True, group="language")
    def _set_language(self, code: str) -> None:
        try:
            split = self.project.set_language(code)
        except QualcodeError as exc:
            self.call_from_thread(self.show_error, exc)
            return
        self.call_from_thread(self._language_set, code, split)

    def _language_set(self, code: str, split: int) -> None:
        from qualcode.analysis.saturation_text import plural

        coding = self.coding
        if coding.document is not None:
            coding.open_document(coding.document.name, coding.transcript.selection)
        self.refresh_from_project()
        self.notify(f"language {code}: the sentences of {plural(split, 'document')} "
                    "were split again")

    def action_search_study(self) -> None:
        from qualcode.tui.screens.search import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    def action_coding_query(self) -> None:
        from qualcode.tui.screens.coding_query import CodingQueryScreen

        if not isinstance(self.screen, CodingQueryScreen):
            self.push_screen(CodingQueryScreen())

    def action_pseudonymise(self) -> None:
        from qualcode.tui.screens.pseudonymise import PseudonymiseScreen

        if not isinstance(self.screen, PseudonymiseScreen):
            self.push_screen(PseudonymiseScreen())

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """qualcode's own actions in the command palette (ctrl+p), then Textual's."""
        yield SystemCommand("Search every interview", "find a word or phrase and code the hits",
                            self.action_search_study)
        yield SystemCommand("Coding query", "passages coded A and B, A but not B, A among "
                            "participants with an attribute value", self.action_coding_query)
        yield SystemCommand("Pseudonymise", "find names and other identifying details, review "
                            "them, replace them everywhere (one way)", self.action_pseudonymise)
        yield SystemCommand("Back up the project",
                            "write a complete copy of the project to a .qualcode file",
                            self.action_backup)
        yield SystemCommand("Go to document…", "open one of the study's transcripts",
                            self.action_go_to_document)
        yield SystemCommand("Export…", "the workbook, a report, REFI-QDA or the codebook",
                            lambda: self.on_project_screen("action_export"))
        yield SystemCommand("Import…", "transcripts (.txt .md .docx .odt .rtf .vtt .srt)",
                            lambda: self.on_project_screen("action_import_files"))
        yield SystemCommand("Analysis", "saturation, frequencies, matrix, co-occurrence, "
                            "agreement", self.action_analysis)
        yield SystemCommand("Codebook", "add, rename, move, merge and describe codes",
                            self.action_codebook)
        yield SystemCommand("Change coder", "code under another name from now on",
                            self.action_coder)
        yield SystemCommand("Change the transcripts' language",
                            "split every document's sentences again by another language's rules",
                            self.action_language)
        yield from super().get_system_commands(screen)

    def on_project_screen(self, action: str) -> None:
        """Open the project screen and start one of its actions (export, import)."""
        from qualcode.tui.screens.project import ProjectScreen

        self.action_project()

        def start() -> None:
            if isinstance(self.screen, ProjectScreen):
                getattr(self.screen, action)()

        self.call_after_refresh(start)

    def action_go_to_document(self) -> None:
        names = [d.name for d in self.project.documents()]
        if not names:
            self.notify("No transcripts yet: press p for the project screen, then i to import.")
            return

        def chosen(index: int | None) -> None:
            if index is None:
                return
            while self.screen is not self.coding and len(self.screen_stack) > 1:
                self.pop_screen()
            self.coding.open_document(names[index])

        self.push_screen(Choose("Go to document:", names), chosen)

    def action_coder(self) -> None:
        self.ask_coder(False)

    def ask_coder(self, first_time: bool) -> None:
        """The coder dialog; the name chosen is saved for this user account."""
        from qualcode.identity import CONFIG_FILE, config_dir, save_coder

        def chosen(name: str | None) -> None:
            if name is None or (name == self.project.coder and not first_time):
                return
            saved = self.attempt(lambda: save_coder(name))
            if saved is None:
                return
            self.set_coder(str(saved))
            if self.coder.source in ("QUALCODE_CODER",):
                self.notify("QUALCODE_CODER is set in your environment: it still decides "
                            "the name in new sessions", severity="warning", timeout=8)

        self.push_screen(CoderDialog(self.project.coder, first_time=first_time,
                                     where=str(config_dir() / CONFIG_FILE)), chosen)

    def set_coder(self, name: str) -> None:
        """From now on this session codes as ``name``; every screen shows it."""
        self.project.coder = name
        self.coder = CoderChoice(name, "your settings")
        self.show_where(self.coding.document.name if self.coding.document else None)
        if self.coding.is_mounted:
            self.coding.coder_changed()
        self.notify(f"coding as {name!r}")


def make_app(project_path: str | os.PathLike[str], coder: str | None = None) -> QualcodeApp:
    """Open the project at ``project_path`` and build the app around it.

    Raises :class:`~qualcode.errors.QualcodeError` (before any screen exists)
    when the project cannot be opened. ``coder`` names who codes in this
    session only; without it the name comes from ``QUALCODE_CODER`` or the
    user's settings, and a user who never chose one is asked on opening.
    """
    choice = resolve_coder(coder)
    project = Project.open(project_path, coder=choice.name)
    return QualcodeApp(project, choice)
