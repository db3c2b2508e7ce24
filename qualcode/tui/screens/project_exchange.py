"""The project screen's exchanges: importing transcripts and participants, exporting,
REFI-QDA and codebook imports, merging another copy of the study.

Each runs in a thread worker and reports back with a message; the screen's
progress bar shows how far it is. Refusals read as the CLI's one-line errors,
and a refused file or copy leaves the project as it was. Split from
:mod:`.project` so the screen module holds the tables and the housekeeping.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.widgets import ProgressBar

from qualcode.errors import IngestError, QualcodeError
from qualcode.tui.screens.base import QualcodeScreen
from qualcode.tui.screens.dialogs import Confirm, FilePicker, TextPrompt
from qualcode.tui.screens.exchange import ExportChoice, ExportDialog, ReportDialog

if TYPE_CHECKING:

    from qualcode.project import Project


#: What ``o`` reads: REFI-QDA files through qualcode.refi, codebooks through load_codebook.
REFI_SUFFIXES = (".qdpx", ".qdc")
CODEBOOK_SUFFIXES = (".yaml", ".yml", ".csv", ".xlsx")


class ImportProgress(Message):
    """One file of an import finished: ``line`` is its report or error line."""

    def __init__(self, done: int, total: int, line: str, failed: bool,
                 warnings: tuple[str, ...], path: Path) -> None:
        super().__init__()
        self.path = path
        self.done = done
        self.total = total
        self.line = line
        self.failed = failed
        self.warnings = warnings


class ExchangeProgress(Message):
    """An export or REFI import moved on; ``fraction`` None means "busy, unknown how far"."""

    def __init__(self, fraction: float | None) -> None:
        super().__init__()
        self.fraction = fraction


class ExchangeDone(Message):
    """An export or REFI import ended: its report lines, or the one-line refusal."""

    def __init__(self, kind: str, lines: list[str], error: str | None) -> None:
        super().__init__()
        self.kind = kind
        self.lines = lines
        self.error = error


class ProjectExchange(QualcodeScreen):
    """Import, export and merge actions of :class:`~.project.ProjectScreen`."""

    #: Names of the files of the running import that were refused, for its summary.
    refused_files: list[str]

    def fill(self) -> None:
        """Show the project as it is now (the screen's tables)."""
        raise NotImplementedError

    # -- importing -------------------------------------------------------------

    def action_import_files(self) -> None:
        def chosen(paths: list[Path] | None) -> None:
            if paths:
                bar = self.query_one(ProgressBar)
                bar.remove_class("idle")
                bar.update(total=len(paths), progress=0)
                self.refused_files = []
                self.import_files(paths)

        self.app.push_screen(FilePicker("Import transcripts (.txt .md .docx .odt .rtf .vtt .srt)",
                                        multiple=True), chosen)

    @work(thread=True, exclusive=True, group="import")
    def import_files(self, paths: list[Path]) -> None:
        """Runs in a thread: spaCy may take seconds, the screen keeps responding."""
        for done, path in enumerate(paths, start=1):
            warnings: tuple[str, ...] = ()
            try:
                report = self.qualcode.project.import_document(path)
                line, failed, warnings = report.line(), False, report.warnings
            except QualcodeError as exc:
                line, failed = str(exc), True
            self.post_message(ImportProgress(done, len(paths), line, failed, warnings, path))

    def on_import_progress(self, message: ImportProgress) -> None:
        bar = self.query_one(ProgressBar)
        bar.update(total=message.total, progress=message.done)
        if message.failed:
            self.refused_files.append(message.path.name)
            self.qualcode.show_error(message.line)
        else:
            self.notify(message.line)
        for warning in message.warnings:
            self.notify(warning, title="warning", severity="warning", timeout=12)
        if message.done == message.total:
            bar.add_class("idle")
            if message.total > 1:
                self._import_summary(message.total)
            self.fill()
            self.qualcode.coding.reload_codebook()
            if self.qualcode.coding.document is None:
                names = [d.name for d in self.qualcode.project.documents()]
                if names:
                    self.qualcode.coding.open_document(names[0])

    def _import_summary(self, total: int) -> None:
        """One line for a batch: how many landed and which files were refused."""
        refused = self.refused_files
        line = f"imported {total - len(refused)} of {total} files"
        if refused:
            self.notify(f"{line}; refused: {', '.join(refused)}", severity="warning",
                        timeout=12)
        else:
            self.notify(line)

    def action_load_participants(self) -> None:
        def chosen(paths: list[Path] | None) -> None:
            if not paths:
                return
            report = self.qualcode.attempt(
                lambda: self.qualcode.project.import_participants(paths[0])
            )
            if report is not None:
                self.notify(report.line())
                warning = report.warning()
                if warning:
                    self.notify(warning, title="warning", severity="warning", timeout=12)
                self.fill()

        self.app.push_screen(FilePicker("Load participants (.csv or .xlsx)"), chosen)

    # -- exporting and REFI-QDA / codebook imports -----------------------------

    def _busy(self, total: float | None) -> None:
        bar = self.query_one(ProgressBar)
        bar.remove_class("idle")
        bar.update(total=total, progress=0)

    def action_export(self) -> None:
        project = self.qualcode.project

        def chosen(choice: ExportChoice | None) -> None:
            if choice is None:
                return
            if choice.out.exists() and not choice.out.is_dir():
                def replace(yes: bool | None) -> None:
                    if yes:
                        self._start_export(choice)

                self.app.push_screen(Confirm(f"{choice.out} exists. Replace it?"), replace)
            else:
                self._start_export(choice)

        self.app.push_screen(
            ExportDialog(project.location, project.name, project.coders()), chosen)

    def _start_export(self, choice: ExportChoice) -> None:
        self._busy(100 if choice.format == "xlsx" else None)
        self.export(choice)

    @work(thread=True, exclusive=True, group="exchange")
    def export(self, choice: ExportChoice) -> None:
        """Runs in a thread; only the workbook can say how far it is."""
        from qualcode.export import ExportOptions, check_target, export, export_workbook

        project = self.qualcode.project
        options = ExportOptions(coders=(choice.coder,) if choice.coder else None)
        try:
            if choice.format == "xlsx":
                out = check_target(choice.out)
                def progress(fraction: float, _message: str) -> None:
                    self.post_message(ExchangeProgress(fraction))

                export_workbook(project, out, progress, options)
            else:
                export(choice.format, project, choice.out, options)
        except QualcodeError as exc:
            self.post_message(ExchangeDone("export", [], str(exc)))
        except OSError as exc:
            self.post_message(ExchangeDone("export", [], f"{choice.out}: {exc.strerror or exc}"))
        else:
            self.post_message(ExchangeDone("export", [f"wrote {choice.out}"], None))

    def action_import_exchange(self) -> None:
        def chosen(paths: list[Path] | None) -> None:
            if paths:
                self._busy(None)
                self.import_exchange(paths[0])

        self.app.push_screen(FilePicker(
            "Import a REFI-QDA project (.qdpx) or a codebook (.qdc .yaml .csv .xlsx)"), chosen)

    @work(thread=True, exclusive=True, group="exchange")
    def import_exchange(self, path: Path) -> None:
        """Runs in a thread: a .qdpx's transcripts are split into sentences with spaCy."""
        project = self.qualcode.project
        try:
            lines = import_exchange_file(project, path)
        except QualcodeError as exc:
            self.post_message(ExchangeDone("import", [], str(exc)))
        else:
            self.post_message(ExchangeDone("import", lines, None))

    def action_merge(self) -> None:
        def chosen(where: str | None) -> None:
            if where and where.strip():
                self._busy(None)
                self.merge(where.strip())

        self.app.push_screen(TextPrompt(
            "Merge another copy of this study into it: the path of a .qualcode or .qdpx "
            "file, or a postgresql:// URL", "",
            "Codings already here are not added again; ctrl+z takes the merge back."), chosen)

    @work(thread=True, exclusive=True, group="exchange")
    def merge(self, where: str) -> None:
        """Runs in a thread: a .qdpx's new transcripts are split into sentences."""
        other = where if "://" in where else str(Path(where).expanduser())
        try:
            report = self.qualcode.project.merge(other)
        except QualcodeError as exc:
            self.post_message(ExchangeDone("merge", [], str(exc)))
        else:
            self.post_message(ExchangeDone("merge", report.lines(), None))

    def on_exchange_progress(self, message: ExchangeProgress) -> None:
        if message.fraction is not None:
            self.query_one(ProgressBar).update(total=100, progress=100 * message.fraction)

    def on_exchange_done(self, message: ExchangeDone) -> None:
        self.query_one(ProgressBar).add_class("idle")
        if message.error is not None:
            self.qualcode.show_error(message.error)
            return
        if message.kind == "export":
            self.notify(message.lines[0])
            return
        self.fill()
        coding = self.qualcode.coding
        coding.reload_all()
        if coding.document is None:
            names = [d.name for d in self.qualcode.project.documents()]
            if names:
                coding.open_document(names[0])
        title = "Merge finished" if message.kind == "merge" else "Import finished"
        self.app.push_screen(ReportDialog(title, message.lines))


def import_exchange_file(project: Project, path: Path) -> list[str]:
    """Import a .qdpx/.qdc (REFI-QDA) or .yaml codebook; the report as lines.

    Raises QualcodeError, with the project unchanged, when the file is refused.
    """
    suffix = path.suffix.lower()
    if suffix in REFI_SUFFIXES:
        from qualcode.refi import import_refi

        return import_refi(project, path).lines()
    if suffix in CODEBOOK_SUFFIXES:
        from qualcode.codebook import load_codebook

        added, updated = project.merge_codebook(load_codebook(path))
        return [f"read {path} into {project.location}",
                f"  codes: {added} added, {updated} updated"]
    raise IngestError(path, "not a REFI-QDA project (.qdpx) or codebook "
                            "(.qdc .yaml .csv .xlsx)")
