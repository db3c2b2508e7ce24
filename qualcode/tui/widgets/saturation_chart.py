"""The saturation curve: cumulative codes (line) and new codes (bars) per interview.

Drawn with textual-plotext, so it follows the app's theme. The x axis is the
interview number (interview order), the same numbers the verdicts use. The
legend is a line of its own above the plot, never a box inside it: at 80×24
the plot is only a few rows high and a box there hides the start of the
cumulative line.
"""

from __future__ import annotations

import math

from rich.text import Text
from textual.app import ComposeResult, RenderResult
from textual.containers import Vertical
from textual.widget import Widget
from textual_plotext import PlotextPlot

from qualcode.analysis.saturation import SaturationTable

#: plotext's colour names and the same terminal colours in Rich (plotext's orange is ANSI 3).
BARS, LINE, MARK = ("orange", "yellow"), ("cyan", "cyan"), ("green", "green")
#: Rows of the plot that are not data rows: the frame above and below, the x tick
#: numbers and the x label.
FRAME_ROWS = 4
NICE_STEPS = (1, 2, 5)


def y_ticks(top: int, rows: int) -> list[int]:
    """Round numbers from 0 to at least ``top``, at most one on every other data row, so
    no label is dropped or crowded: 5 rows high, 35 codes → 0, 20, 40."""
    most = max(2, (rows - 1) // 2 + 1)
    magnitude = 1
    while True:
        for nice in NICE_STEPS:
            step = nice * magnitude
            if math.ceil(top / step) + 1 <= most:
                return list(range(0, max(1, math.ceil(top / step)) * step + 1, step))
        magnitude *= 10


class CurveLegend(Widget):
    """One line naming the bars, the line and the saturation mark in their colours; it
    drops the title, then shortens, where the chart is narrow (beside the table)."""

    DEFAULT_CSS = """
    CurveLegend { height: 1; text-align: center; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.saturated_at: int | None = None
        self.empty = True

    def render(self) -> RenderResult:
        if self.empty:
            return Text("no interviews yet")
        mark = self.saturated_at
        variants = [
            ("Codes per interview · ", "new codes", "cumulative",
             f"saturated at {mark}"),
            ("", "new codes", "cumulative", f"saturated at {mark}"),
            ("", "new", "cumulative", f"at {mark}"),
        ]
        for title, new, cumulative, saturated in variants:
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append(title, style="bold")
            line.append("██", style=BARS[1]).append(f" {new}  ")
            line.append("⠒⠒", style=LINE[1]).append(f" {cumulative}")
            if mark is not None:
                line.append("  │", style=MARK[1]).append(f" {saturated}")
            if line.cell_len <= self.size.width:
                break
        return line


class CurvePlot(PlotextPlot):
    """The plot itself, drawn again at every size so the y labels fit its height."""

    def __init__(self) -> None:
        super().__init__()
        self.table: SaturationTable | None = None
        self.saturated_at: int | None = None

    def render(self) -> RenderResult:
        plt = self.plt
        plt.clear_figure()
        table = self.table
        numbers = [row.number for row in table.rows] if table else []
        if table and numbers:
            plt.bar(numbers, table.new_codes, color=BARS[0], width=0.4)
            plt.plot(numbers, table.cumulative, marker="braille", color=LINE[0])
            if self.saturated_at is not None:
                plt.vline(self.saturated_at, color=MARK[0])
            plt.xlabel("interview")
            step = max(1, len(numbers) // 12 + (1 if len(numbers) % 12 else 0))
            plt.xticks(numbers[::step])  # type: ignore[arg-type]  # ints are fine; hinted float
            ticks = y_ticks(max([*table.cumulative, 1]), self.size.height - FRAME_ROWS)
            plt.yticks(ticks)  # type: ignore[arg-type]
            plt.ylim(0, ticks[-1])
        return super().render()


class SaturationChart(Vertical):
    """Shows one :class:`SaturationTable`; call :meth:`show` again after a change."""

    DEFAULT_CSS = """
    SaturationChart { min-height: 8; }
    SaturationChart CurvePlot { height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield CurveLegend()
        yield CurvePlot()

    def show(self, table: SaturationTable, saturated_at: int | None = None) -> None:
        legend = self.query_one(CurveLegend)
        legend.empty = not table.rows
        legend.saturated_at = saturated_at
        plot = self.query_one(CurvePlot)
        plot.table = table
        plot.saturated_at = saturated_at
        legend.refresh()
        plot.refresh()
