"""The analysis screen (``a``): saturation, frequencies, matrices, co-occurrence, agreement.

What a supervisor checks before accepting "we reached saturation": the base
table of new codes per interview with both stopping rules and a curve, how
often each code was used, and which codes occur in one interview only. Every
figure comes from :mod:`qualcode.analysis` on one snapshot taken when the
screen opens, so it matches ``qualcode stats``/``saturation``/``matrix`` and
the Excel export. Counting happens in worker threads.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import (
    Checkbox,
    DataTable,
    Input,
    Label,
    Select,
    Static,
    TabbedContent,
    TabPane,
)
from textual.worker import get_current_worker

from qualcode.analysis.frequencies import FrequencyTable, PrevalenceReport, frequencies, prevalence
from qualcode.analysis.saturation import SaturationResult
from qualcode.analysis.saturation_options import SaturationOptions
from qualcode.tui.screens.analysis_agreement import AgreementPane
from qualcode.tui.screens.analysis_base import (
    AnalysisPane,
    FittedTable,
    code_label,
    fit_lines,
    fit_names,
    refill,
    short,
    spare_width,
)
from qualcode.tui.screens.analysis_tables import CooccurrencePane, MatrixPane
from qualcode.tui.screens.base import QualcodeScreen
from qualcode.tui.widgets.plain import PlainTable
from qualcode.tui.widgets.saturation_chart import SaturationChart

if TYPE_CHECKING:
    from qualcode.analysis.snapshot import StudySnapshot
    from qualcode.project import Project

ALL_CODES = "(all codes)"


class SaturationPane(AnalysisPane):
    """New codes per interview, both rules' verdicts with editable parameters, the curve."""

    HEADINGS = ("#", "interview", "participant", "new", "cumulative", "share", "new codes")

    def __init__(self) -> None:
        super().__init__(id="saturation")
        self.options = SaturationOptions()
        self.guest: SaturationResult | None = None
        self.francis: SaturationResult | None = None
        self._categories: dict[str, tuple[str, ...]] = {}
        self._loading_options = False

    def compose(self) -> ComposeResult:
        with Horizontal(classes="parameters"):
            yield Label("Guest et al. 2020", classes="rule long", markup=False)
            yield Label("Guest 2020", classes="rule short", markup=False)
            yield Label("base", markup=False)
            yield Input(id="base", type="integer", compact=True)
            yield Label("run", markup=False)
            yield Input(id="run", type="integer", compact=True)
            yield Label("threshold %", markup=False)
            yield Input(id="threshold", type="number", compact=True)
            yield Label("denominator", markup=False)
            yield Select([("base", "base"), ("cumulative", "cumulative")], id="denominator",
                         allow_blank=False, compact=True)
        with Horizontal(classes="parameters"):
            yield Label("Francis et al. 2010", classes="rule long", markup=False)
            yield Label("Francis 2010", classes="rule short", markup=False)
            yield Label("initial", markup=False)
            yield Input(id="initial", type="integer", compact=True)
            yield Label("stop", markup=False)
            yield Input(id="stop", type="integer", compact=True)
            yield Label("category", markup=False)
            yield Select([], id="category", prompt=ALL_CODES, compact=True)
        with Horizontal(classes="parameters"):
            yield Label("both rules", classes="rule long", markup=False)
            yield Label("both", classes="rule short", markup=False)
            yield Checkbox("respondent turns only", id="respondent", compact=True)
            yield Checkbox("by participant", id="by-participant", compact=True)
        yield Static(id="verdict-guest", classes="verdict", markup=False)
        yield Static(id="verdict-francis", classes="verdict", markup=False)
        with Horizontal(id="saturation-body"):
            yield FittedTable(id="saturation-table", cursor_type="row", zebra_stripes=True)
            yield SaturationChart(id="saturation-chart")
        yield Static(id="saturation-new", markup=False)

    def on_mount(self) -> None:
        self.query_one("#saturation-table", DataTable).add_columns(*self.HEADINGS)

    def set_study(self, study: StudySnapshot) -> None:
        self._loading_options = True
        self.options = SaturationOptions.load(self.qualcode.project)
        if self.options.category is not None and self.options.category not in {
            c.path for c in study.codes
        }:
            self.options = replace(self.options, category=None)
        parents = {c.path[:-1] for c in study.codes if len(c.path) > 1}
        self._categories = {" > ".join(c.path): c.path for c in study.codes if c.path in parents}
        o = self.options
        for name, value in (("base", o.base), ("run", o.run), ("initial", o.initial),
                            ("stop", o.stop), ("threshold", f"{o.threshold * 100:g}")):
            self.query_one(f"#{name}", Input).value = str(value)
        self.query_one("#denominator", Select).value = o.denominator
        category = self.query_one("#category", Select)
        category.set_options([(Content(label), label) for label in self._categories])
        if o.category is not None:
            category.value = " > ".join(o.category)
        self.query_one("#respondent", Checkbox).value = o.respondent_only
        self.query_one("#by-participant", Checkbox).value = o.by == "participant"
        self.call_after_refresh(self._options_loaded)
        super().set_study(study)

    def _options_loaded(self) -> None:
        self._loading_options = False

    def _read_options(self) -> SaturationOptions | str:
        """The options as typed, or a one-line complaint naming the field."""
        values: dict[str, int] = {}
        for name in ("base", "run", "initial", "stop"):
            text = self.query_one(f"#{name}", Input).value.strip()
            if not text.isdigit():
                return f"{name}: enter a whole number"
            values[name] = int(text)
        try:
            threshold = float(self.query_one("#threshold", Input).value.replace(",", ".")) / 100
        except ValueError:
            return "threshold: enter a percentage, e.g. 5"
        category = self.query_one("#category", Select).value
        return replace(
            self.options, **values, threshold=threshold,
            denominator=str(self.query_one("#denominator", Select).value),
            category=self._categories.get(category) if isinstance(category, str) else None,
            respondent_only=self.query_one("#respondent", Checkbox).value,
            by="participant" if self.query_one("#by-participant", Checkbox).value
            else "document",
        )

    def _changed(self) -> None:
        if self._loading_options or self.study is None:
            return
        options = self._read_options()
        if isinstance(options, str):
            self.query_one("#verdict-guest", Static).update(options)
            return
        if options != self.options:
            self.options = options
            self.qualcode.attempt(lambda: options.save(self.qualcode.project))
            self.recount()
            if self.qualcode.coding.is_mounted:
                self.qualcode.coding.recount_saturation()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._changed()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._changed()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self._changed()

    def recount(self) -> None:
        study, options = self.study, self.options
        if study is None:
            return
        self.compute(
            lambda: (options.result(study, "guest2020"), options.result(study, "francis")),
            self._show, self.query_one("#saturation-table", DataTable),
        )

    def _show(self, results: tuple[SaturationResult, SaturationResult]) -> None:
        self.guest, self.francis = results
        self.query_one("#verdict-guest", Static).update(self.guest.verdict)
        self.query_one("#verdict-francis", Static).update(self.francis.verdict)
        self._fill_table()
        self.query_one(SaturationChart).show(self.guest.table, self.guest.saturated_at)

    def on_fitted_table_width_changed(self, event: FittedTable.WidthChanged) -> None:
        event.stop()
        self._fill_table()

    def _fill_table(self) -> None:
        """One row per interview; the new codes' names take the width the figures leave,
        as many as fit and "+N" for the rest (the line under the table lists them all)."""
        if self.guest is None:
            return
        table = self.query_one("#saturation-table", DataTable)
        rows = [(row.number, short(row.name or row.document, 12), short(row.participant, 10),
                 row.new_codes, row.cumulative,
                 "-" if row.cumulative_share is None else f"{row.cumulative_share:.0%}",
                 [path[-1] for path in row.new_code_paths])
                for row in self.guest.table.rows]
        widths = [max([len(h)] + [len(str(r[i])) for r in rows])
                  for i, h in enumerate(self.HEADINGS[:-1])]
        room = spare_width(table, widths, len(rows), fallback=26)
        refill(table, self.HEADINGS, [(*figures, fit_names(names, room))
                                      for *figures, names in rows])
        self._show_new(table.cursor_row)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_new(event.cursor_row)

    def _show_new(self, index: int) -> None:
        line = self.query_one("#saturation-new", Static)
        if self.guest is None or not 0 <= index < len(self.guest.table.rows):
            line.update("")
            return
        table = self.guest.table
        row = table.rows[index]
        width, console = line.content_size.width, self.app.console
        head = f"Interview {row.number} ({', '.join(row.documents) or row.document}) new: "
        codes = [" > ".join(p) for p in row.new_code_paths]
        lines = [fit_lines(head, codes, width, 2 if table.not_counted else 3, console)
                 if codes else head + "no new codes"]
        if table.not_counted:
            lines.append(fit_lines("Not counted: ", [f"{n.name} ({n.reason})"
                                                     for n in table.not_counted],
                                   width, 1, console))
        line.update("\n".join(lines))


class FrequenciesPane(AnalysisPane):
    """Per code: share of interviews, segments, documents, words, and the same with its
    sub-codes ("+sub"); then the one-interview codes. The share ("10/11") comes first after
    the code because it is what a reader looks for and must stay visible at 80 columns."""

    def __init__(self) -> None:
        super().__init__(id="frequencies")
        self.table: FrequencyTable | None = None
        self.prevalence: PrevalenceReport | None = None

    def compose(self) -> ComposeResult:
        yield PlainTable(id="frequency-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="prevalence", markup=False)

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(
            "code", "share", "segments", "docs", "words", "+sub share", "+sub seg.", "+sub docs"
        )

    def recount(self) -> None:
        study = self.study
        if study is not None:
            self.compute(lambda: (frequencies(study), prevalence(study)), self._show,
                         self.query_one(DataTable))

    def _show(self, figures: tuple[FrequencyTable, PrevalenceReport]) -> None:
        self.table, self.prevalence = figures
        table = self.query_one(DataTable)
        table.clear()
        for row in self.table.rows:
            pooled = row.pooled
            table.add_row(short(code_label(row.code_path), 32), row.share, row.segments,
                          row.documents, row.words, pooled.share, pooled.segments,
                          pooled.documents)
        single = [f"{c.code_path[-1]} ({c.documents[0]})"
                  for c in self.prevalence.single_interview]
        lines = [f"Seen in only one interview ({len(single)}): " + (", ".join(single) or "none")]
        one_person = {c.code_path for c in self.prevalence.single_participant}
        if one_person != {c.code_path for c in self.prevalence.single_interview}:
            names = [c.code_path[-1] for c in self.prevalence.single_participant]
            lines.append(f"Of one participant only ({len(names)}): {', '.join(names)}")
        unused = [c.code_path[-1] for c in self.prevalence.unused]
        lines.append(f"Never applied ({len(unused)}): " + (", ".join(unused) or "none"))
        self.query_one("#prevalence", Static).update("\n".join(lines))


class AnalysisScreen(QualcodeScreen):
    """Tabs of figures for the whole study, counted when the screen opens."""

    CSS_PATH = "analysis.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "show_tab('saturation')", "Saturation", show=False),
        Binding("f", "show_tab('frequencies')", "Frequencies", show=False),
        Binding("m", "show_tab('matrix')", "Matrix", show=False),
        Binding("o", "show_tab('cooccurrence')", "Co-occurrence", show=False),
        Binding("g", "show_tab('agreement')", "Agreement", show=False),
        Binding("w", "resolve", "Resolve", tooltip="Resolve disagreements"),
        Binding("c", "toggle_curve", "Curve/table"),
        Binding("t", "toggle_cooccurrence", "List/grid", tooltip="Co-occurrence list/grid"),
        Binding("ctrl+r", "recount", "Count again", show=False),
    ]

    TABS: ClassVar[list[tuple[str, str]]] = [
        ("saturation", "Saturation (s)"),
        ("frequencies", "Frequencies (f)"),
        ("matrix", "Matrix (m)"),
        ("cooccurrence", "Co-occurrence (o)"),
        ("agreement", "Agreement (g)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.study: StudySnapshot | None = None

    def compose_body(self) -> ComposeResult:
        panes: dict[str, AnalysisPane] = {
            "saturation": SaturationPane(),
            "frequencies": FrequenciesPane(),
            "matrix": MatrixPane(),
            "cooccurrence": CooccurrencePane(),
            "agreement": AgreementPane(),
        }
        with TabbedContent(initial="tab-saturation"):
            for key, title in self.TABS:
                with TabPane(title, id=f"tab-{key}"):
                    yield panes[key]

    def on_mount(self) -> None:
        # set_focus at once (focus() is deferred): the first count may arrive before it
        # and make the table unfocusable while it loads
        self.set_focus(self.query_one("#saturation-table", DataTable))
        self.action_recount()

    def on_resize(self) -> None:
        self.set_class(self.size.width < 100, "narrow")

    def changed_elsewhere(self) -> None:
        """Another window or coder changed the project: every tab counts again."""
        self.action_recount()

    def action_recount(self) -> None:
        """Take a fresh snapshot of the project and count every tab again."""
        self.query_one(TabbedContent).loading = True
        self._read_study(self.qualcode.project)

    class StudyRead(Message):
        """The snapshot the tabs count from, read in the worker (or why it could not be)."""

        def __init__(self, study: StudySnapshot | None, error: BaseException | None) -> None:
            super().__init__()
            self.study, self.error = study, error

    @work(thread=True, exclusive=True, group="snapshot", exit_on_error=False)
    def _read_study(self, project: Project) -> None:
        try:
            message = self.StudyRead(project.snapshot(), None)
        except Exception as error:  # shown as a notification by on_analysis_screen_study_read
            message = self.StudyRead(None, error)
        if not get_current_worker().is_cancelled:
            self.post_message(message)

    def on_analysis_screen_study_read(self, message: StudyRead) -> None:
        self.query_one(TabbedContent).loading = False
        if message.study is None:
            self.qualcode.show_error(f"analysis: the project could not be read ({message.error})")
            return
        self.study = message.study
        for pane in self.query(AnalysisPane):
            pane.set_study(message.study)

    def action_resolve(self) -> None:
        """Walk the disagreements of the two coders chosen on the agreement tab."""
        from qualcode.tui.screens.consensus import ConsensusScreen
        from qualcode.tui.screens.dialogs import TextPrompt

        self.action_show_tab("agreement")
        a = self.query_one("#coder-a", Select).value
        b = self.query_one("#coder-b", Select).value
        if not isinstance(a, str) or not isinstance(b, str) or a == b:
            self.notify("choose two different coders on the agreement tab first",
                        severity="warning")
            return
        project = self.qualcode.project
        unit = str(self.query_one("#agreement-unit", Select).value)
        try:
            overlap = float(self.query_one("#agreement-overlap", Input).value
                            .replace(",", ".")) / 100
        except ValueError:
            overlap = None

        def chosen(name: str | None) -> None:
            name = " ".join((name or "").split())
            if not name:
                return
            if name in (a, b):
                self.qualcode.show_error(f"consensus coder {name!r}: choose a name other "
                                         f"than {a!r} and {b!r}")
                return
            project.set_setting("consensus_coder", name)
            self.app.push_screen(ConsensusScreen(a, b, name, unit,
                                                 overlap if unit == "segment" else None))

        self.app.push_screen(TextPrompt(
            f"Resolve the disagreements of {a} (A) and {b} (B). Decisions are written as "
            "codings of a consensus coder named:",
            project.setting("consensus_coder") or "consensus",
            "Enter starts (or resumes) the walk; Esc cancels."), chosen)

    def action_toggle_curve(self) -> None:
        self.action_show_tab("saturation")
        self.toggle_class("curve-only")

    def action_toggle_cooccurrence(self) -> None:
        self.action_show_tab("cooccurrence")
        self.query_one(CooccurrencePane).toggle_grid()

    def action_show_tab(self, key: str) -> None:
        self.query_one(TabbedContent).active = f"tab-{key}"
        tables = [table for table in self.query_one(f"#{key}", AnalysisPane).query(DataTable)
                  if table.display]
        if tables:
            self.call_after_refresh(tables[0].focus)
