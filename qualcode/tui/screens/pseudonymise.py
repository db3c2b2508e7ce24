"""The pseudonymisation screen: review what was detected, add what was missed, apply once.

Detection runs in a worker thread. The table lists every finding with its
kind, its number of occurrences and the pseudonym that will replace it;
space keeps or skips a finding, ``e`` edits its pseudonym, ``+`` adds a
detail the detector missed (detection runs again, keeping every decision),
and the panel beside the table shows all occurrences of the highlighted
finding in context. ``ctrl+a`` applies after a warning that it is one-way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Label, OptionList
from textual.widgets.option_list import Option

from qualcode.analysis.saturation_text import plural
from qualcode.errors import QualcodeError
from qualcode.pseudonymise import KINDS, Finding, detect, write_key
from qualcode.tui.screens.base import QualcodeScreen
from qualcode.tui.screens.dialogs import Confirm, TextPrompt
from qualcode.tui.widgets.plain import PlainTable

if TYPE_CHECKING:
    from qualcode.pseudonymise.apply import PseudonymReport


@dataclass
class Decision:
    keep: bool = True
    pseudonym: str | None = None


class PseudonymiseScreen(QualcodeScreen):
    """Findings on the left, the highlighted finding's occurrences on the right."""

    CSS_PATH = "pseudonymise.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("space", "toggle_keep", "Keep/skip"),
        Binding("e", "edit", "Edit pseudonym"),
        Binding("plus", "add", "Add missed"),
        Binding("ctrl+a", "apply", "Apply…"),
    ]

    class Detected(Message):
        def __init__(self, findings: list[Finding], error: str | None = None) -> None:
            super().__init__()
            self.findings = findings
            self.error = error

    class Applied(Message):
        def __init__(self, report: PseudonymReport | None, error: str | None = None) -> None:
            super().__init__()
            self.report = report
            self.error = error

    def __init__(self) -> None:
        super().__init__()
        self.findings: list[Finding] = []
        self.decisions: dict[str, Decision] = {}
        self.extra: list[tuple[str, str]] = []
        self._texts: dict[str, str] = {}

    def compose_body(self) -> ComposeResult:
        with Vertical():
            yield Label("Detecting identifying details…", id="pseudo-status", markup=False)
            with Horizontal():
                yield PlainTable(id="pseudo-findings", cursor_type="row", zebra_stripes=True)
                yield OptionList(id="pseudo-occurrences", markup=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("", "text", "kind", "count", "pseudonym")
        table.focus()
        self._detect()

    @work(thread=True, exclusive=True, group="pseudonymise")
    def _detect(self) -> None:
        try:
            findings = detect(self.qualcode.project, self.extra)
        except QualcodeError as exc:
            self.post_message(self.Detected([], str(exc)))
            return
        self.post_message(self.Detected(findings))

    def on_pseudonymise_screen_detected(self, message: Detected) -> None:
        if message.error:
            self.qualcode.show_error(message.error)
            return
        self.findings = message.findings
        for finding in self.findings:
            self.decisions.setdefault(finding.text, Decision())
        self._refill()

    def pseudonym(self, finding: Finding) -> str:
        return self.decisions[finding.text].pseudonym or finding.pseudonym

    def mapping(self) -> list[tuple[str, str]]:
        """(text, pseudonym) for every finding kept: what applying will replace."""
        return [(f.text, self.pseudonym(f)) for f in self.findings
                if self.decisions[f.text].keep]

    def _refill(self, row: int | None = None) -> None:
        table = self.query_one(DataTable)
        current = table.cursor_row if row is None else row
        table.clear()
        for finding in self.findings:
            keep = self.decisions[finding.text].keep
            mark = Text("✓", style="bold green") if keep else Text("–", style="dim")
            style = "" if keep else "dim strike"
            table.add_row(mark, Text(finding.text, style=style), finding.kind,
                          str(finding.count), Text(self.pseudonym(finding), style=style))
        if self.findings:
            table.move_cursor(row=min(max(current, 0), len(self.findings) - 1))
        kept = sum(1 for f in self.findings if self.decisions[f.text].keep)
        self.query_one("#pseudo-status", Label).update(
            f"{len(self.findings)} found, {kept} to replace · space keep/skip · e edit · "
            "+ add a missed one · ctrl+a apply (one way)"
        )
        self._show_occurrences()

    def highlighted(self) -> Finding | None:
        row = self.query_one(DataTable).cursor_row
        return self.findings[row] if 0 <= row < len(self.findings) else None

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show_occurrences()

    def _text_of(self, document: str) -> str:
        if document not in self._texts:
            self._texts[document] = self.qualcode.project.document_text(document).text
        return self._texts[document]

    def _show_occurrences(self) -> None:
        listing = self.query_one("#pseudo-occurrences", OptionList)
        finding = self.highlighted()
        if finding is None:
            listing.clear_options()
            return
        options = []
        for document, start, end in finding.occurrences:
            text = self._text_of(document)
            before = " ".join(text[max(start - 50, 0):start].split())
            after = " ".join(text[end:end + 50].split())
            label = Text(f"{document}\n", style="bold")
            label.append("…" + before + " ")
            label.append(text[start:end], style="reverse bold")
            label.append(" → " + self.pseudonym(finding), style="green")
            label.append(" " + after + "…")
            options.append(Option(label))
        listing.set_options(options)
        listing.border_title = Content(f"{finding.text}: {plural(finding.count, 'occurrence')}")

    def action_toggle_keep(self) -> None:
        finding = self.highlighted()
        if finding is not None:
            decision = self.decisions[finding.text]
            decision.keep = not decision.keep
            self._refill()

    def action_edit(self) -> None:
        finding = self.highlighted()
        if finding is None:
            return

        def edited(value: str | None) -> None:
            if value and value.strip():
                if finding.text in value:
                    self.qualcode.show_error("a pseudonym must not contain the original")
                    return
                self.decisions[finding.text].pseudonym = value.strip()
                self.decisions[finding.text].keep = True
                self._refill()

        self.app.push_screen(TextPrompt(f"Pseudonym for “{finding.text}”:",
                                        self.pseudonym(finding)), edited)

    def action_add(self) -> None:
        def added(value: str | None) -> None:
            if not value or not value.strip():
                return
            text, _, kind = value.partition("=")
            kind = kind.strip() or "person"
            if kind not in KINDS:
                self.qualcode.show_error(f"kind {kind!r}: use one of {', '.join(KINDS)}")
                return
            self.extra.append((text.strip(), kind))
            self.query_one("#pseudo-status", Label).update("Detecting again…")
            self._detect()

        self.app.push_screen(
            TextPrompt("A detail the detector missed (TEXT or TEXT=KIND):",
                       hint=f"kinds: {', '.join(KINDS)}"),
            added,
        )

    def action_apply(self) -> None:
        pairs = self.mapping()
        if not pairs:
            self.qualcode.show_error("nothing to replace: keep at least one finding")
            return

        def key_chosen(path: str | None) -> None:
            if path is None:
                return
            occurrences = sum(f.count for f in self.findings if self.decisions[f.text].keep)

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self._apply(pairs, path.strip())

            self.app.push_screen(
                Confirm(
                    f"Replace {len(pairs)} details ({occurrences} occurrences) in every "
                    "document? This is one way: the originals are removed from the project "
                    "for good, and earlier changes can no longer be undone."
                ),
                confirmed,
            )

        self.app.push_screen(
            TextPrompt("Write the key (original → pseudonym) to a file? Leave empty for none:",
                       hint="kept apart from the project, readable by you only"),
            key_chosen,
        )

    @work(thread=True, exclusive=True, group="pseudonymise")
    def _apply(self, pairs: list[tuple[str, str]], key: str) -> None:
        try:
            if key:
                write_key(key, pairs)
            report = self.qualcode.project.pseudonymise(pairs)
        except (QualcodeError, OSError) as exc:
            self.post_message(self.Applied(None, str(exc)))
            return
        self.post_message(self.Applied(report))

    def on_pseudonymise_screen_applied(self, message: Applied) -> None:
        if message.error or message.report is None:
            self.qualcode.show_error(message.error or "pseudonymisation failed")
            return
        report = message.report
        self.app.notify(
            f"replaced {plural(report.items, 'detail')} "
            f"({plural(report.replacements, 'occurrence')}) in "
            f"{plural(report.documents, 'document')}; "
            f"{plural(len(report.codings_changed), 'coding')} now "
            f"{'reads' if len(report.codings_changed) == 1 else 'read'} differently"
        )
        self.app.pop_screen()
        coding = self.qualcode.coding
        start = self.qualcode.start_document()
        if start is not None:
            coding.open_document(start)
        coding.reload_all()
