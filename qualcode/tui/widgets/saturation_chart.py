"""The saturation curve: cumulative codes (line) and new codes (bars) per interview.

Drawn with textual-plotext, so it follows the app's theme. The x axis is the
interview number (interview order), the same numbers the verdicts use.
"""

from __future__ import annotations

import math

from textual_plotext import PlotextPlot

from qualcode.analysis.saturation import SaturationTable


class SaturationChart(PlotextPlot):
    """Shows one :class:`SaturationTable`; call :meth:`show` again after a change."""

    DEFAULT_CSS = """
    SaturationChart { min-height: 8; }
    """

    def show(self, table: SaturationTable, saturated_at: int | None = None) -> None:
        plt = self.plt
        plt.clear_figure()
        numbers = [row.number for row in table.rows]
        if not numbers:
            plt.title("no interviews yet")
            self.refresh()
            return
        plt.bar(numbers, table.new_codes, label="new codes", color="orange", width=0.4)
        plt.plot(numbers, table.cumulative, label="cumulative", marker="braille", color="cyan")
        if saturated_at is not None:
            plt.vline(saturated_at, color="green")
        plt.title("Codes per interview" + (f" · saturated at {saturated_at}"
                                          if saturated_at is not None else ""))
        plt.xlabel("interview")
        step = max(1, len(numbers) // 12 + (1 if len(numbers) % 12 else 0))
        plt.xticks(numbers[::step])  # type: ignore[arg-type]  # ints are fine; hinted as float
        top = max([*table.cumulative, 1])
        tick = max(1, math.ceil(top / 5))
        plt.yticks(list(range(0, top + tick, tick)))
        # headroom above the highest point: the legend sits in the top rows of the plot and
        # would otherwise cover the cumulative line where it levels off (saturation)
        plt.ylim(0, top * 1.35 + 0.5)
        self.refresh()
