"""The project screen: documents, participants and codebook; importing and exporting.

Importing runs spaCy, so it happens in a thread worker; the worker reports
each file back as a message and the screen updates a progress bar. A file
that is refused is reported with the CLI's one-line error; the others are
still imported (each file is its own transaction, as in ``qualcode import``).

Housekeeping keys act on the highlighted row of the tab shown: ``n`` renames
a document or a participant (onto an existing participant: merges them),
``d`` deletes a document with its codings (ctrl+z restores it), ``t`` gives a
document another participant, ``m`` edits the memo of the highlighted
document or code (the project's elsewhere) and ``M`` the project memo.

Exports (``e``), REFI-QDA/codebook imports (``o``) and merges of another copy
of the study (``g``) run in workers too and
share that progress bar: the workbook reports how far it is, the other
formats show a bar without an end. Both refuse with the CLI's one-line
message, and a REFI import that is refused leaves the project as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable, ProgressBar, Static, TabbedContent, TabPane

from qualcode.analysis.saturation_text import plural
from qualcode.errors import IngestError, QualcodeError
from qualcode.positions import format_time
from qualcode.tui.screens.base import QualcodeScreen
from qualcode.tui.screens.dialogs import Confirm, FilePicker, MemoDialog, TextPrompt
from qualcode.tui.screens.exchange import ExportChoice, ExportDialog, ReportDialog
from qualcode.tui.widgets.plain import PlainTable

if TYPE_CHECKING:
    from collections.abc import Sequence

    from qualcode.project import Project
    from qualcode.project.values import DocumentInfo


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


def first_line(text: str, width: int = 40) -> str:
    """A memo's first line, cut to ``width`` with an ellipsis, for a table cell."""
    line = text.strip().split("\n", 1)[0]
    more = len(line) > width or "\n" in text.strip()
    return (line[: width - 1] + "…") if len(line) > width else line + (" …" if more else "")


#: What ``o`` reads: REFI-QDA files through qualcode.refi, codebooks through load_codebook.
REFI_SUFFIXES = (".qdpx", ".qdc")
CODEBOOK_SUFFIXES = (".yaml", ".yml", ".csv", ".xlsx")


class ProjectScreen(QualcodeScreen):
    """An overview of the study; Enter on a document opens it for coding."""

    CSS_PATH = "project.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("i", "import_files", "Import", tooltip="Import transcripts (several at once)"),
        Binding("l", "load_participants", "Participants",
                tooltip="Load participants and their attributes (.csv, .xlsx)"),
        Binding("e", "export", "Export"),
        Binding("o", "import_exchange", "Import .qdpx/codebook", show=False),
        Binding("g", "merge", "Merge a copy", show=False),
        Binding("k", "app.backup", "Back up", show=False),

        Binding("s,3", "show_speakers", "Speakers", show=False),
        Binding("1", "show_tab('documents')", "Documents tab", show=False),
        Binding("2", "show_tab('participants')", "Participants tab", show=False),
        Binding("4", "show_tab('codes')", "Codebook tab", show=False),
        Binding("r", "next_role", "Role", show=False),
        Binding("a", "speaker_participant", "Who speaks", show=False),
        Binding("n", "rename", "Rename", show=False),
        Binding("d", "delete_document", "Delete doc", show=False),
        Binding("t", "assign", "To participant", show=False),
        Binding("m", "memo", "Memo", show=False),
        Binding("M", "project_memo", "Project memo", show=False),
        Binding("ctrl+z", "undo", "Undo", show=False),
        Binding("ctrl+y", "redo", "Redo", show=False),
        Binding("c", "status", "Coding status", show=False),
    ]

    #: What ``r`` turns a speaker's role into: the next one in this cycle.
    ROLE_CYCLE: ClassVar[dict[str, str]] = {
        "interviewer": "respondent", "respondent": "unknown", "unknown": "interviewer",
        "mixed": "interviewer",
    }

    def __init__(self) -> None:
        super().__init__()
        #: Document name -> coding status, as last shown.
        self.statuses: dict[str, str] = {}
        #: Names of the files of the running import that were refused, for its summary.
        self.refused_files: list[str] = []

    def compose_body(self) -> ComposeResult:
        yield ProgressBar(id="progress", classes="idle", show_eta=False)
        yield Static(id="project-memo", markup=False)
        with TabbedContent():
            with TabPane("Documents (1)", id="documents-tab"):
                yield PlainTable(id="documents", cursor_type="row", zebra_stripes=True)
            with TabPane("Participants (2)", id="participants-tab"):
                yield PlainTable(id="participants", cursor_type="row", zebra_stripes=True)
            with TabPane("Speakers (3 or s)", id="speakers-tab"):
                yield PlainTable(id="speakers", cursor_type="row", zebra_stripes=True)
            with TabPane("Codebook (4)", id="codebook-tab"):
                yield PlainTable(id="codes", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.fill()
        self.query_one("#documents", DataTable).focus()

    def fill(self) -> None:
        project = self.qualcode.project
        documents = self.query_one("#documents", DataTable)
        documents.clear(columns=True)
        documents.add_columns("#", "document", "participant", "status", "words", "turns",
                              "codings", "text coded", "memo")
        memos = project.memo_entries()
        document_memos = {m.target: m.text for m in memos
                          if m.on == "document" and m.start is None}
        code_memos = {m.target: m.text for m in memos if m.on == "code"}
        infos = project.documents()
        self.statuses = {info.name: info.status for info in infos}
        for info in infos:
            documents.add_row(
                info.order, info.name, info.case or "", info.status, f"{info.words:,}",
                info.turns, info.codings, f"{info.coded_share:.0%}",
                first_line(document_memos.get(info.name, "")), key=info.name,
            )
        project_memo = next((m.text for m in memos if m.on == "project"), "")
        self.query_one("#project-memo", Static).update(
            Text.assemble(("Project memo: ", "bold"), project_memo) if project_memo
            else Text("No project memo yet (M writes one).", style="dim"))
        cases = project.cases()
        attributes: list[str] = []
        for case in cases:
            attributes.extend(a for a in case.attributes if a not in attributes)
        participants = self.query_one("#participants", DataTable)
        participants.clear(columns=True)
        participants.add_columns("participant", *attributes, "documents")
        for case in cases:
            values = ["" if case.attributes.get(a) is None else str(case.attributes[a])
                      for a in attributes]
            participants.add_row(case.name, *values, ", ".join(case.documents), key=case.name)
        self._fill_speakers()
        codings = project.codings()
        segments: dict[int, int] = {}
        people: dict[int, set[str]] = {}
        for coding in codings:
            segments[coding.code_id] = segments.get(coding.code_id, 0) + 1
            people.setdefault(coding.code_id, set()).add(coding.case or coding.document)
        codes = self.query_one("#codes", DataTable)
        codes.clear(columns=True)
        codes.add_columns("code", "key", "codings", "participants", "+sub codings",
                          "+sub participants", "memo")
        tree = project.codes()
        for code in tree:
            below = [c.id for c in tree if c.is_within(code)]
            pooled_people = set().union(*(people.get(c, set()) for c in below))
            codes.add_row("  " * code.depth + code.name, code.key or "",
                          segments.get(code.id, 0), len(people.get(code.id, ())),
                          sum(segments.get(c, 0) for c in below), len(pooled_people),
                          first_line(code_memos.get(code.path_text, "")), key=code.path_text)
        counts = project.counts()
        self.sub_title = (f"coder: {project.coder} · "
                          f"{plural(counts['documents'], 'document')}, {coded_summary(infos)} · "
                          f"{plural(counts['cases'], 'participant')} · "
                          f"{plural(counts['codes'], 'code')} · "
                          f"{plural(counts['codings'], 'coding')}")

    def changed_elsewhere(self) -> None:
        """Fill again after another window's change, keeping each table's cursor row."""
        tables = list(self.query(DataTable))
        rows = [table.cursor_row for table in tables]
        self.fill()
        for table, row in zip(tables, rows, strict=True):
            if table.row_count:
                table.move_cursor(row=min(row, table.row_count - 1), animate=False)

    def action_status(self) -> None:
        """Mark the highlighted document not-started, in progress, coded or excluded."""
        table = self.query_one("#documents", DataTable)
        if not table.row_count:
            self.notify("No documents yet: press i to import.", severity="warning")
            return
        self.query_one(TabbedContent).active = "documents-tab"
        name = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        row = table.cursor_row

        def done(_state: str) -> None:
            self.fill()
            table.move_cursor(row=row)

        from qualcode.tui.screens.status import ask_status

        ask_status(self.qualcode, name, self.statuses.get(name, "not-started"), done)

    def _fill_speakers(self) -> None:
        """The labels seen in each document, with role and participant (r and a correct them)."""
        table = self.query_one("#speakers", DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        table.add_columns("document", "label", "legend", "role", "participant", "turns",
                          "first at")
        for info in self.qualcode.project.speakers():
            first = "" if info.first_time is None else format_time(info.first_time)
            table.add_row(info.document, info.label or "(no label)", info.name, info.role,
                          info.participant or "—", info.turns, first,
                          key=f"{info.document}\x1f{info.label}")
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def _chosen_speaker(self) -> tuple[str, str, str] | None:
        """``(document, label, role)`` of the highlighted row of the Speakers tab, if shown."""
        if self.query_one(TabbedContent).active != "speakers-tab":
            self.notify("Open the Speakers tab (s) to correct a speaker.", severity="warning")
            return None
        table = self.query_one("#speakers", DataTable)
        if not table.row_count:
            return None
        key = table.ordered_rows[table.cursor_row].key.value or ""
        document, label = key.split("\x1f", 1)
        return document, label, str(table.get_row_at(table.cursor_row)[3])

    def action_show_tab(self, table_id: str) -> None:
        tab = "codebook-tab" if table_id == "codes" else f"{table_id}-tab"
        self.query_one(TabbedContent).active = tab
        self.query_one(f"#{table_id}", DataTable).focus()

    def action_show_speakers(self) -> None:
        self.query_one(TabbedContent).active = "speakers-tab"
        self.query_one("#speakers", DataTable).focus()

    def action_next_role(self) -> None:
        chosen = self._chosen_speaker()
        if chosen is None:
            return
        document, label, role = chosen
        new_role = self.ROLE_CYCLE.get(role, "interviewer")
        project = self.qualcode.project
        if self.qualcode.attempt(lambda: project.set_turn_role(document, label, new_role)):
            self.notify(f"{document}: {label} is now {new_role}")
            self._fill_speakers()
            coding = self.qualcode.coding
            if coding.document is not None and coding.document.name == document:
                coding.open_document(document, coding.transcript.selection)

    def action_speaker_participant(self) -> None:
        chosen = self._chosen_speaker()
        if chosen is None:
            return
        document, label, _ = chosen
        project = self.qualcode.project

        def answered(name: str | None) -> None:
            if name is None:
                return
            participant = name.strip() or None
            if self.qualcode.attempt(
                lambda: project.set_speaker_participant(document, label, participant)
            ):
                self.notify(f"{document}: {label} is {participant or 'the document participant'}")
                self.fill()

        self.app.push_screen(TextPrompt(
            f"Who speaks as {label} in {document}?",
            hint="A participant's name; empty: the document's participant.",
        ), answered)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "documents" and event.row_key.value is not None:
            self.qualcode.pop_screen()
            self.qualcode.coding.open_document(str(event.row_key.value))

    # -- documents, participants and memos ---------------------------------------

    def _current(self, table_id: str) -> str | None:
        """The key of the highlighted row of a table, if that table's tab is shown."""
        tabs = self.query_one(TabbedContent)
        if tabs.active != f"{table_id}-tab":
            return None
        table = self.query_one(f"#{table_id}", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value
        return str(key) if key is not None else None

    def _changed(self, action: Callable[[], object], done: str) -> None:
        if self.qualcode.attempt(action) is not None:
            self.notify(done)
            self.fill()
            self.qualcode.coding.reload_all()

    def _ask(self, question: str, value: str, then: Callable[[str], None]) -> None:
        def answered(answer: str | None) -> None:
            if answer is not None and answer.strip():
                then(answer.strip())

        self.app.push_screen(TextPrompt(question, value), answered)

    def action_rename(self) -> None:
        project = self.qualcode.project
        document = self._current("documents")
        if document is not None:
            self._ask(f"Rename document {document} to:", document, lambda new: self._changed(
                lambda: project.rename_document(document, new), f"renamed {document} to {new}"))
            return
        case = self._current("participants")
        if case is not None:
            self._ask(f"Rename participant {case} to (an existing name merges the two):", case,
                      lambda new: self._changed(lambda: project.rename_case(case, new),
                                                f"participant {case} is now {new}"))
            return
        self.notify("Highlight a document or a participant to rename it.")

    def action_delete_document(self) -> None:
        document = self._current("documents")
        if document is None:
            self.notify("Highlight a document on the Documents tab to delete it.")
            return
        info = self.qualcode.attempt(lambda: self.qualcode.project.document(document))
        if not info or info is True:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._changed(lambda: self.qualcode.project.delete_document(document),
                              f"deleted {document} (ctrl+z restores it)")

        self.app.push_screen(Confirm(
            f"Delete document {document} and the {info.codings} codings on it? "
            "(ctrl+z undoes it)"), confirmed)

    def action_assign(self) -> None:
        document = self._current("documents")
        if document is None:
            self.notify("Highlight a document on the Documents tab first.")
            return
        current = self.query_one("#documents", DataTable).get_row(document)[2]
        self._ask(f"Participant of {document} (a new name creates one):", str(current),
                  lambda case: self._changed(
                      lambda: self.qualcode.project.assign_document(document, case),
                      f"{document} belongs to {case}"))

    def action_memo(self) -> None:
        document = self._current("documents")
        if document is not None:
            self._edit_memo("document", document, f"Memo on document {document}:")
            return
        code = self._current("codes")
        if code is not None:
            self._edit_memo("code", code, f"Memo on code {code}:")
            return
        self._edit_memo("project", None, "Project memo:")

    def action_project_memo(self) -> None:
        self._edit_memo("project", None, "Project memo:")

    def _edit_memo(self, on: str, target: str | None, title: str) -> None:
        project = self.qualcode.project
        current = self.qualcode.attempt(lambda: project.memo_of(on, target))
        if current is None:
            return
        current = "" if current is True else str(current)

        def save(text: str | None) -> None:
            if text is not None and text.strip() != current.strip():
                self._changed(lambda: project.set_memo(on, target, text), "memo saved")

        self.app.push_screen(MemoDialog(title, current), save)

    def action_undo(self) -> None:
        self._step(True)

    def action_redo(self) -> None:
        self._step(False)

    def _step(self, undo: bool) -> None:
        if self.qualcode.step_history(undo=undo) is None:
            return
        self.fill()
        self.qualcode.coding.reload_all()

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


def coded_summary(documents: Sequence[DocumentInfo]) -> str:
    """ "7 of 11 interviews coded (1 excluded)": what saturation can count."""
    excluded = sum(1 for d in documents if d.status == "excluded")
    coded = sum(1 for d in documents if d.status == "coded")
    text = f"{coded} of {plural(len(documents) - excluded, 'interview')} coded"
    return f"{text} ({excluded} excluded)" if excluded else text


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
