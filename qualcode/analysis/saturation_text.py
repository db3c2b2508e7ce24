"""Plain-language verdicts for the saturation rules.

A supervisor reads these lines in the TUI, the Excel saturation sheet and the
CLI, so each one names the method and its parameters and can stand alone in a
thesis draft ("By Francis 10+3, saturation was reached at interview 13: ...").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol


class Run(Protocol):
    """What a verdict says of a window of interviews (a ``SaturationRun``).

    A protocol rather than an import, so the rules (:mod:`.saturation`) use
    this module and not the other way round.
    """

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def new(self) -> int: ...
    @property
    def denominator(self) -> int | None: ...
    @property
    def ratio(self) -> float | None: ...


def percent(value: float) -> str:
    """0.05 -> "5%", 0.0435 -> "4.3%" (one decimal, dropped when zero)."""
    text = f"{value * 100:.1f}"
    return (text[:-2] if text.endswith(".0") else text) + "%"


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def interviews(start: int, end: int) -> str:
    """ "interview 7" or "interviews 7–8" (en dash)."""
    return f"interview {start}" if start == end else f"interviews {start}–{end}"


def _more(more: int | None) -> str:
    if more is None:
        return ""
    verb = "is" if more == 1 else "are"
    return f"at least {plural(more, 'more interview')} {verb} needed"


def francis_verdict(
    initial: int,
    stop: int,
    coded: int,
    saturated_at: int | None,
    needed: int | None,
    more: int | None,
    reason: str | None,
) -> str:
    name = f"Francis {initial}+{stop}"
    if saturated_at is not None:
        return (
            f"By {name}, saturation was reached at interview {saturated_at}: "
            f"{interviews(saturated_at - stop + 1, saturated_at)} added no new codes."
        )
    if needed is None:
        return f"Not assessable by {name}: {reason} ({plural(coded, 'interview')})."
    last = "the last one" if stop == 1 else f"the last {stop}"
    return (
        f"Not yet saturated by {name}: {plural(coded, 'interview')} coded; {_more(more)} "
        f"(the rule needs {needed} with {last} adding no new codes)."
    )


def guest_name(parameters: dict[str, Any]) -> str:
    return (
        f"Guest et al. 2020 (base {parameters['base']}, run {parameters['run']}, "
        f"threshold {percent(parameters['threshold'])}, "
        f"denominator: {parameters['denominator']})"
    )


def _run_text(run: Run, aside: bool = False) -> str:
    """What a run added; ``aside`` sets the interviews off by commas mid-sentence."""
    who = interviews(run.start, run.end)
    said = f"{who}, added" if aside else f"{who} added"
    said = f"{said} {plural(run.new, 'new code')}"
    if run.ratio is None:
        return f"{said} (ratio undefined: denominator 0)"
    return f"{said} ({percent(run.ratio)} of {run.denominator})"


def guest_verdict(
    parameters: dict[str, Any],
    coded: int,
    runs: Sequence[Run],
    met: Run | None,
    saturated_at: int | None,
    more: int | None,
    reason: str | None,
) -> str:
    name = guest_name(parameters)
    if met is not None:
        at = f"{saturated_at}^{{+{parameters['run']}}}"
        return f"By {name}, saturation at {at}: {_run_text(met)}."
    tail = f"; {_more(more)}" if more is not None else f"; {reason}"
    if not runs:
        minimum = parameters["base"] + parameters["run"]
        return (
            f"Not yet assessable by {name}: {plural(coded, 'interview')} coded, "
            f"the rule needs at least {minimum}{tail}."
        )
    return (
        f"Not yet saturated by {name}: {plural(coded, 'interview')} coded; "
        f"the latest run, {_run_text(runs[-1], aside=True)}{tail}."
    )
