"""The project screen: documents, participants, speakers and codebook, with housekeeping.

Importing, exporting and merging (:mod:`.project_exchange`) run in thread
workers and share the screen's progress bar. Importing runs spaCy; a file
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
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.widgets import DataTable, ProgressBar, Static, TabbedContent, TabPane

from qualcode.analysis.saturation_text import plural
from qualcode.positions import format_time
from qualcode.tui.screens.dialogs import Confirm, MemoDialog, TextPrompt
from qualcode.tui.screens.project_exchange import ProjectExchange
from qualcode.tui.widgets.plain import PlainTable

if TYPE_CHECKING:
    from collections.abc import Sequence

    from qualcode.project.values import DocumentInfo


def first_line(text: str, width: int = 40) -> str:
    """A memo's first line, cut to ``width`` with an ellipsis, for a table cell."""
    line = text.strip().split("\n", 1)[0]
    more = len(line) > width or "\n" in text.strip()
    return (line[: width - 1] + "…") if len(line) > width else line + (" …" if more else "")




class ProjectScreen(ProjectExchange):
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

    def after_history_step(self) -> None:
        self.fill()
        self.qualcode.coding.reload_all()


def coded_summary(documents: Sequence[DocumentInfo]) -> str:
    """ "7 of 11 interviews coded (1 excluded)": what saturation can count."""
    excluded = sum(1 for d in documents if d.status == "excluded")
    coded = sum(1 for d in documents if d.status == "coded")
    text = f"{coded} of {plural(len(documents) - excluded, 'interview')} coded"
    return f"{text} ({excluded} excluded)" if excluded else text
