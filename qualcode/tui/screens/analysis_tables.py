"""The matrix and co-occurrence tabs of the analysis screen.

The matrices show the numbers of ``qualcode matrix`` / ``cooccurrence`` with
row and column totals; Enter on a cell lists the passages behind it
(:class:`~qualcode.tui.screens.cell_quotes.CellQuotes`), and Enter there opens
the passage in the coding screen.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Checkbox, DataTable, Input, Label, Select, Static

from qualcode.analysis.cooccurrence import CooccurrenceMatrix, cooccurrence
from qualcode.analysis.matrices import (
    Matrix,
    cell_codings,
    code_by_attribute,
    code_by_document,
    code_by_participant,
)
from qualcode.analysis.saturation_text import plural
from qualcode.analysis.snapshot import StudySnapshot
from qualcode.tui.screens.analysis_base import AnalysisPane, code_label, short
from qualcode.tui.screens.cell_quotes import CellQuotes, coding_passages, pair_passages
from qualcode.tui.widgets.plain import PlainTable

ALL_CODERS = "(all coders)"


LABEL_WIDTH = 10


def _shared_ending(names: tuple[str, ...]) -> str:
    length = 0
    shortest = min(len(n) for n in names)
    while length < shortest and len({n[len(n) - length - 1] for n in names}) == 1:
        length += 1
    return names[0][len(names[0]) - length:] if length else ""


def column_labels(columns: tuple[str, ...]) -> tuple[list[str], str]:
    """Short column headings and, when numbers stand in for names, the legend.

    "BSR01_transcript", "BSR02_transcript" become "BSR01", "BSR02" (the part all names
    share at the end says nothing); names still longer than a few characters become
    1, 2, 3… with "1 = …" spelled out under the table, so an 80-column terminal shows
    the counts rather than cut names.
    """
    if all(len(c) <= LABEL_WIDTH for c in columns):
        return list(columns), ""
    shared = _shared_ending(columns) if len(columns) > 1 else ""
    trimmed = [c[: len(c) - len(shared)].rstrip(" _-·.") if shared else c for c in columns]
    if all(0 < len(c) <= LABEL_WIDTH for c in trimmed) and len(set(trimmed)) == len(trimmed):
        return trimmed, ""
    numbers = [str(i) for i in range(1, len(columns) + 1)]
    return numbers, " · ".join(f"{n} = {c}" for n, c in zip(numbers, columns, strict=True))


def offer_coders(select: Select[str], study: StudySnapshot) -> None:
    """The study's coders as the choices of a coder selector, keeping the one chosen."""
    chosen = select.value
    coders = sorted({c.coder for c in study.codings})
    select.set_options([(Content(name), name) for name in coders])
    if chosen in coders:
        select.value = chosen


def whose(study: StudySnapshot | None, select: Select[str]) -> StudySnapshot | None:
    """The study limited to the coder chosen in ``select`` (every coder when none is)."""
    coder = select.value
    if study is None or not isinstance(coder, str):
        return study
    return study.restrict(coder=coder)


class MatrixPane(AnalysisPane):
    """Code × document, participant or attribute; Enter on a cell shows its codings."""

    def __init__(self) -> None:
        super().__init__(id="matrix")
        self.matrix: Matrix | None = None
        self.attribute_measure = "participants"

    def compose(self) -> ComposeResult:
        with Horizontal(classes="parameters"):
            yield Label("code ×", markup=False)
            yield Select([("document", "document"), ("participant", "participant")],
                         id="matrix-by", value="participant", allow_blank=False, compact=True)
            yield Label("count", markup=False)
            yield Select([("participants", "participants"), ("segments", "segments")],
                         id="matrix-measure", value="segments", allow_blank=False,
                         compact=True, disabled=True)
        with Horizontal(classes="parameters"):
            yield Label("band width", markup=False)
            yield Input(id="matrix-band", type="number", placeholder="none", compact=True,
                        disabled=True)
            yield Label("coder", markup=False)
            yield Select([], id="matrix-coder", prompt=ALL_CODERS, compact=True)
        yield PlainTable(id="matrix-table", cursor_type="cell", zebra_stripes=True)
        yield Static("Enter on a cell lists its passages.", id="matrix-hint", classes="hint",
                     markup=False)

    def set_study(self, study: StudySnapshot) -> None:
        attributes = sorted({name for case in study.cases for name in case.attributes})
        by = self.query_one("#matrix-by", Select)
        current = by.value
        options: list[tuple[Content, str]] = [
            (Content("document"), "document"), (Content("participant"), "participant")]
        options += [(Content(f"attribute: {name}"), f"attribute:{name}") for name in attributes]
        by.set_options(options)
        by.value = current if current in {v for _, v in options} else "participant"
        offer_coders(self.query_one("#matrix-coder", Select), study)
        super().set_study(study)

    @property
    def counted(self) -> StudySnapshot | None:
        """The study as the table counts it: limited to one coder when one is chosen."""
        return whose(self.study, self.query_one("#matrix-coder", Select))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        measure = self.query_one("#matrix-measure", Select)
        if event.select is measure and not measure.disabled:
            self.attribute_measure = str(measure.value)
        self.recount()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.recount()

    def _show_measure(self, by_attribute: bool) -> str:
        """Document and participant columns always count segments: the selector says so
        (greyed out) instead of showing the attribute tables' choice it does not apply to."""
        select = self.query_one("#matrix-measure", Select)
        measure = self.attribute_measure if by_attribute else "segments"
        with self.prevent(Select.Changed):
            select.value = measure
        select.disabled = not by_attribute
        return measure

    def recount(self) -> None:
        study = self.counted
        if study is None:
            return
        by = str(self.query_one("#matrix-by", Select).value)
        band_input = self.query_one("#matrix-band", Input)
        by_attribute = by.startswith("attribute:")
        measure = self._show_measure(by_attribute)
        band_input.disabled = not by_attribute
        band: float | None = None
        if by_attribute and band_input.value.strip():
            try:
                band = float(band_input.value.replace(",", "."))
            except ValueError:
                return
            if band <= 0:
                return

        def count() -> Matrix:
            if by == "document":
                return code_by_document(study)
            if by == "participant":
                return code_by_participant(study)
            return code_by_attribute(study, by.split(":", 1)[1], measure=measure,
                                     band_width=band)

        self.compute(count, self._show, self.query_one(DataTable))

    def _show(self, matrix: Matrix) -> None:
        self.matrix = matrix
        table = self.query_one(DataTable)
        table.clear(columns=True)
        labels, legend = column_labels(matrix.columns)
        table.add_columns("code", *labels, "total")
        for path, cells, total in zip(matrix.rows, matrix.cells, matrix.row_totals,
                                      strict=True):
            table.add_row(code_label(path), *cells, total)
        table.add_row("total", *matrix.column_totals, matrix.grand_total)
        base = " (total row: participants in the column, coded or not)" \
            if matrix.measure == "participants" else ""
        coder = self.query_one("#matrix-coder", Select).value
        whose = f" of {coder}'s codings" if isinstance(coder, str) else ""
        self.query_one("#matrix-hint", Static).update(
            f"{matrix.title}, counting {matrix.measure}{whose}{base}. "
            "Enter on a cell lists its passages." + (f"\nColumns: {legend}" if legend else "")
        )

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        matrix, study = self.matrix, self.counted
        row, column = event.coordinate.row, event.coordinate.column - 1
        if matrix is None or study is None:
            return
        if not (0 <= row < len(matrix.rows) and 0 <= column < len(matrix.columns)):
            self.notify("pick a cell inside the table, not a total")
            return
        codings = cell_codings(study, matrix, row, column)
        if not codings:
            self.notify("no codings in this cell")
            return
        count = matrix.cells[row][column]
        measure = matrix.measure[:-1] if count == 1 else matrix.measure
        title = (f"{' > '.join(matrix.rows[row])} × {matrix.columns[column]}: "
                 f"{count} {measure}, {plural(len(codings), 'coding')}")
        self.app.push_screen(CellQuotes(title, coding_passages(study, codings)))


class CooccurrencePane(AnalysisPane):
    """Codes applied to the same passages: the pairs that co-occur, most often first, or the
    code × code grid (``t`` switches); Enter lists the passages where the two codes meet."""

    def __init__(self) -> None:
        super().__init__(id="cooccurrence")
        self.matrix: CooccurrenceMatrix | None = None
        self.listed: list[tuple[int, int]] = []
        self.as_grid = False

    def compose(self) -> ComposeResult:
        with Horizontal(classes="parameters"):
            yield Checkbox("also count codes in the same speaker turn", id="same-turn",
                           compact=True)
            yield Label("coder", markup=False)
            yield Select([], id="cooccurrence-coder", prompt=ALL_CODERS, compact=True)
        yield PlainTable(id="cooccurrence-list", cursor_type="row", zebra_stripes=True)
        yield PlainTable(id="cooccurrence-table", cursor_type="cell", zebra_stripes=True)
        yield Static(id="cooccurrence-hint", classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#cooccurrence-list", DataTable).add_columns(
            "passages", "code", "co-occurs with")
        self._show_mode()

    @property
    def shown_table(self) -> DataTable:
        return self.query_one("#cooccurrence-table" if self.as_grid else "#cooccurrence-list",
                              DataTable)

    def toggle_grid(self) -> None:
        """Switch between the list of co-occurring pairs and the full grid."""
        self.as_grid = not self.as_grid
        self._show_mode()
        self.shown_table.focus()

    def _show_mode(self) -> None:
        self.query_one("#cooccurrence-list", DataTable).display = not self.as_grid
        self.query_one("#cooccurrence-table", DataTable).display = self.as_grid
        if self.as_grid:
            hint = ("Passage pairs per pair of codes; the diagonal is the code's own "
                    "segments. Enter on a cell lists the pairs; t shows the list.")
        elif self.matrix is not None and not self.listed:
            hint = "No two codes share a passage yet. t shows the grid."
        else:
            hint = ("Pairs of codes on the same passages, most often first. Enter lists "
                    "the passages; t shows the grid.")
        self.query_one("#cooccurrence-hint", Static).update(hint)

    def set_study(self, study: StudySnapshot) -> None:
        offer_coders(self.query_one("#cooccurrence-coder", Select), study)
        super().set_study(study)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.recount()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.recount()

    def recount(self) -> None:
        study = whose(self.study, self.query_one("#cooccurrence-coder", Select))
        if study is None:
            return
        same_turn = self.query_one("#same-turn", Checkbox).value
        self.compute(lambda: cooccurrence(study, same_turn=same_turn), self._show,
                     self.shown_table)

    def _show(self, matrix: CooccurrenceMatrix) -> None:
        self.matrix = matrix
        table = self.query_one("#cooccurrence-table", DataTable)
        table.clear(columns=True)
        table.add_columns("code", *(short(path[-1], 12) for path in matrix.rows))
        for path, cells in zip(matrix.rows, matrix.cells, strict=True):
            table.add_row(code_label(path), *cells)
        size = len(matrix.rows)
        pairs = [(row, column) for row in range(size) for column in range(row + 1, size)
                 if matrix.cells[row][column] > 0]
        self.listed = sorted(pairs, key=lambda rc: -matrix.cells[rc[0]][rc[1]])
        listing = self.query_one("#cooccurrence-list", DataTable)
        listing.clear()
        for row, column in self.listed:
            listing.add_row(matrix.cells[row][column], short(matrix.rows[row][-1], 30),
                            short(matrix.rows[column][-1], 30))
        self._show_mode()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if 0 <= event.cursor_row < len(self.listed):
            self._open(*self.listed[event.cursor_row])

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        matrix = self.matrix
        row, column = event.coordinate.row, event.coordinate.column - 1
        if matrix is None or not (0 <= column < len(matrix.rows)):
            return
        if row == column:
            self.notify(f"the diagonal counts the segments of {matrix.rows[row][-1]} itself")
            return
        self._open(row, column)

    def _open(self, row: int, column: int) -> None:
        """The passages where the codes of ``row`` and ``column`` co-occur, in a list."""
        matrix = self.matrix
        if matrix is None:
            return
        pairs = matrix.pairs(row, column)
        if not pairs:
            self.notify("these codes do not co-occur")
            return
        first, second = matrix.rows[row][-1], matrix.rows[column][-1]
        title = f"{first} with {second}: {plural(len(pairs), 'passage pair')}"
        self.app.push_screen(CellQuotes(title, pair_passages(pairs, first, second)))
