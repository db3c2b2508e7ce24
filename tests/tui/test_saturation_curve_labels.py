"""The saturation curve's y labels: round numbers that all fit the plot's height."""

from __future__ import annotations

from qualcode.tui.widgets.saturation_chart import y_ticks


def test_a_curve_five_rows_high_gets_three_round_labels_above_its_top():
    assert y_ticks(35, 5) == [0, 20, 40]


def test_a_tall_curve_gets_a_label_every_five_codes():
    assert y_ticks(25, 15) == [0, 5, 10, 15, 20, 25]


def test_a_few_codes_are_counted_one_by_one_and_a_flat_plot_keeps_two_labels():
    assert y_ticks(2, 20) == [0, 1, 2]
    assert y_ticks(7, 1) == [0, 10]
