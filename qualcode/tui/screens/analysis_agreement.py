"""The agreement tab of the analysis screen: two coders' figures and where they differ.

What a student and supervisor sit down with: the pooled figures in the unit
chosen (segment, sentence or character; see docs/analysis.md), the figures
per code, and the list of passages where the coders differ, in document
order. Enter on a passage opens it in the coding screen, where both coders'
codings are shown.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import DataTable, Input, Label, Select, Static

from qualcode.analysis.agreement import AgreementReport, agreement
from qualcode.analysis.comparison import DEFAULT_OVERLAP, UNITS
from qualcode.analysis.saturation_text import plural
from qualcode.analysis.snapshot import StudySnapshot
from qualcode.tui.screens.analysis_base import (
    AnalysisPane,
    FittedTable,
    number,
    refill,
    short,
    spare_width,
)


def _flat(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


class AgreementPane(AnalysisPane):
    """Two coders compared in one unit: pooled and per-code figures, then the disagreements."""

    def __init__(self) -> None:
        super().__init__(id="agreement")
        self.report: AgreementReport | None = None
        self._asked: tuple[object, ...] | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(classes="parameters"):
            yield Label("coder A", markup=False)
            yield Select([], id="coder-a", compact=True)
            yield Label("coder B", markup=False)
            yield Select([], id="coder-b", compact=True)
        with Horizontal(classes="parameters"):
            yield Label("unit", markup=False)
            yield Select([(u, u) for u in UNITS], id="agreement-unit", value="segment",
                         allow_blank=False, compact=True)
            yield Label("overlap %", markup=False)
            yield Input(str(round(DEFAULT_OVERLAP * 100)), id="agreement-overlap",
                        type="number", compact=True)
        yield Static(id="agreement-overall", markup=False)
        yield FittedTable(id="agreement-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="disagreements-title", classes="hint", markup=False)
        yield FittedTable(id="disagreement-list", cursor_type="row", zebra_stripes=True)

    def set_study(self, study: StudySnapshot) -> None:
        coders = sorted({c.coder for c in study.codings})
        for index, name in enumerate(("#coder-a", "#coder-b")):
            select = self.query_one(name, Select)
            current = select.value
            select.set_options([(Content(c), c) for c in coders])
            if current in coders:
                select.value = current
            elif len(coders) > index:
                select.value = coders[index]
        super().set_study(study)

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.recount()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.recount()

    def recount(self) -> None:
        study = self.study
        if study is None:
            return
        overall = self.query_one("#agreement-overall", Static)
        coders = sorted({c.coder for c in study.codings})
        a, b = self.query_one("#coder-a", Select).value, self.query_one("#coder-b", Select).value
        unit = str(self.query_one("#agreement-unit", Select).value)
        overlap_input = self.query_one("#agreement-overlap", Input)
        overlap_input.disabled = unit != "segment"
        if len(coders) < 2:
            self._show_tables(False)
            overall.update("Agreement needs codings by two coders; this project has "
                           f"{len(coders)} ({', '.join(coders) or 'none'}).")
            return
        if not isinstance(a, str) or not isinstance(b, str) or a == b:
            self._show_tables(False)
            overall.update("Pick two different coders.")
            return
        try:
            overlap = float(overlap_input.value.replace(",", ".")) / 100
        except ValueError:
            overall.update("overlap: enter a percentage, e.g. 90")
            return
        if not 0 < overlap <= 1:
            overall.update("overlap: enter a percentage above 0 and at most 100")
            return
        asked = (id(study), a, b, unit, overlap if unit == "segment" else None)
        if asked == self._asked:
            return  # the same question again (a select re-posting its value): keep the answer
        self._asked = asked
        self.compute(lambda: agreement(study, a, b, unit=unit, overlap=overlap), self._show,
                     self.query_one("#agreement-table", DataTable))

    def _show_tables(self, shown: bool) -> None:
        """The tables only once there are two coders to compare (no empty header bars)."""
        for name in ("#agreement-table", "#disagreements-title", "#disagreement-list"):
            self.query_one(name).display = shown
        if not shown:
            self.report, self._asked = None, None

    def _show(self, report: AgreementReport) -> None:
        self.report = report
        self._show_tables(True)
        a, b = report.coders
        self._fill_codes()
        self.query_one("#agreement-overall", Static).update(
            f"{a} vs {b}, {plural(len(report.documents), 'document')} coded by both, unit "
            f"{report.summary()}"
        )
        found = report.disagreements
        self.query_one("#disagreements-title", Static).update(
            f"{plural(len(found), 'disagreement')} in document order; Enter opens one with "
            "both coders' codings." if found else "No disagreements."
        )
        self._fill_disagreements()

    def on_fitted_table_width_changed(self, event: FittedTable.WidthChanged) -> None:
        event.stop()
        if event.control is self.query_one("#agreement-table"):
            self._fill_codes()
        else:
            self._fill_disagreements()

    def _fill_codes(self) -> None:
        """Figures per code; the code's name takes the width the figures leave, and the
        coders' columns say "only A"/"only B" when their names would squeeze it."""
        report = self.report
        if report is None:
            return
        table = self.query_one("#agreement-table", DataTable)
        figures = [(c.figures.counts.both, c.figures.counts.only_a, c.figures.counts.only_b,
                    number(c.figures.percent, 1), number(c.figures.kappa)) for c in report.codes]
        both = "matched" if report.unit == "segment" else "both"
        for a, b in (report.coders, ("A", "B")):
            headings = (both, f"only {a}", f"only {b}", "agree %", "kappa")
            widths = [max([len(h)] + [len(str(f[i])) for f in figures])
                      for i, h in enumerate(headings)]
            room = spare_width(table, widths, len(figures), fallback=48)
            if room >= 24:
                break
        refill(table, ("code", *headings),
               [(_flat(" > ".join(code.code_path[-2:]), min(room, 48)), *row)
                for code, row in zip(report.codes, figures, strict=True)])

    def _fill_disagreements(self) -> None:
        """One row per disagreement; code and passage share the width the rest leaves
        (the coders become A and B when their names would squeeze the passage)."""
        report = self.report
        if report is None:
            return
        listing = self.query_one("#disagreement-list", DataTable)
        found = report.disagreements
        letters = dict(zip(report.coders, ("A", "B"), strict=True))
        places = [(short(d.document, 12), d.where) for d in found]
        for names in (False, True):
            by = [" + ".join(d.coders if not names else (letters.get(c, c) for c in d.coders))
                  for d in found]
            widths = [max([len(h)] + [len(row[i]) for row in places])
                      for i, h in enumerate(("document", "where"))]
            widths.append(max([len("applied by")] + [len(text) for text in by]))
            room = spare_width(listing, widths, len(found), fallback=100) - 2
            if room >= 40:
                break
        code_width = min(30, max(12, room * 2 // 5),
                         max([4] + [len(d.code_path[-1]) for d in found]))
        passage_width = max(room - code_width, 8)
        refill(listing, ("document", "where", "code", "applied by", "passage"),
               [(document, where, _flat(d.code_path[-1], code_width), coders,
                 _flat(d.text, min(passage_width, 70)))
                for d, (document, where), coders in zip(found, places, by, strict=True)])

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id != "disagreement-list" or self.report is None:
            return
        event.stop()
        index = event.cursor_row
        if 0 <= index < len(self.report.disagreements):
            passage = self.report.disagreements[index]
            self.qualcode.open_at(passage.document, passage.start, passage.end)
