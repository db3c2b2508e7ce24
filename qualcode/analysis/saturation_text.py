"""Plain-language verdicts for the saturation rules.

A supervisor reads these lines in the TUI, the Excel saturation sheet and the
CLI, so each one names the method and its parameters and can stand alone in a
thesis draft ("By Francis 10+3, saturation was reached at interview 13: ...").
Every verdict also says what was counted: how many interviews are marked
coded, how many were excluded, and whose codes (all coders, named, unless
some were chosen). Notation is plain text ("saturation at 6+2"), never LaTeX.
"""

from __future__ import annotations

from collections.abc import Sequence, Sized
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


class Counted(Protocol):
    """What a verdict says of what was counted (a ``SaturationTable``)."""

    @property
    def rows(self) -> Sized: ...
    @property
    def by(self) -> str: ...
    @property
    def coders(self) -> tuple[str, ...]: ...
    @property
    def coders_named(self) -> bool: ...
    @property
    def eligible(self) -> int: ...
    @property
    def excluded(self) -> int: ...


def percent(value: float) -> str:
    """0.05 -> "5%", 0.0435 -> "4.3%" (one decimal, dropped when zero)."""
    text = f"{value * 100:.1f}"
    return (text[:-2] if text.endswith(".0") else text) + "%"


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def interviews(start: int, end: int, noun: str = "interview") -> str:
    """ "interview 7" or "interviews 7–8" (en dash)."""
    return f"{noun} {start}" if start == end else f"{noun}s {start}–{end}"


def _more(more: int | None, noun: str = "interview") -> str:
    if more is None:
        return ""
    verb = "is" if more == 1 else "are"
    return f"at least {plural(more, 'more ' + noun)} {verb} needed"


def noun_of(table: Counted) -> str:
    """What a position counts: "interview", or "participant" with ``by="participant"``."""
    return "participant" if table.by == "participant" else "interview"


def and_list(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def whose_codes(table: Counted) -> str:
    """ "codes by Lotte" / "codes by all coders: Lotte and Prof. Claes" / "no codes yet"."""
    if table.coders_named:
        return f"codes by {and_list(table.coders)}"
    if not table.coders:
        return "no codes applied yet"
    if len(table.coders) == 1:
        return f"codes by {table.coders[0]}"
    return f"codes by all coders: {and_list(table.coders)}"


def counted_text(table: Counted, clause: bool = True) -> str:
    """ "3 of 13 interviews are marked coded (plus 1 excluded; codes by Lotte)".

    ``clause=False`` gives the phrase that ends a verdict: "counted: 3 of 13
    interviews marked coded (...)".
    """
    counted = len(table.rows)
    if table.by == "participant":
        verb = ("has an interview" if counted == 1 else "have interviews") if clause \
            else "with interviews"
        text = f"{counted} of {plural(table.eligible, 'participant')} {verb} marked coded"
    else:
        verb = ("is" if counted == 1 else "are") + " marked coded" if clause else "marked coded"
        text = f"{counted} of {plural(table.eligible, 'interview')} {verb}"
    if not clause:
        text = f"counted: {text}"
    notes = [f"plus {table.excluded} excluded"] if table.excluded else []
    notes.append(whose_codes(table))
    return f"{text} ({'; '.join(notes)})"


def _not_assessable(table: Counted, name: str, minimum: int) -> str:
    return f"{counted_text(table)}; {name} needs at least {minimum} — not assessable yet."


def francis_verdict(
    table: Counted,
    initial: int,
    stop: int,
    saturated_at: int | None,
    needed: int | None,
    more: int | None,
    reason: str | None,
) -> str:
    name = f"Francis {initial}+{stop}"
    noun = noun_of(table)
    coded = len(table.rows)
    if saturated_at is not None:
        return (
            f"By {name}, saturation was reached at {noun} {saturated_at}: "
            f"{interviews(saturated_at - stop + 1, saturated_at, noun)} added no new codes; "
            f"{counted_text(table, False)}."
        )
    if coded < initial + stop:
        return _not_assessable(table, name, needed if needed is not None else initial + stop)
    if needed is None:
        return f"Not assessable by {name}: {reason}; {counted_text(table, False)}."
    last = "the last one" if stop == 1 else f"the last {stop}"
    return (
        f"Not yet saturated by {name}: {_more(more, noun)} (the rule needs {needed} with "
        f"{last} adding no new codes); {counted_text(table, False)}."
    )


def guest_name(parameters: dict[str, Any]) -> str:
    return (
        f"Guest et al. 2020 (base {parameters['base']}, run {parameters['run']}, "
        f"threshold {percent(parameters['threshold'])}, "
        f"denominator: {parameters['denominator']})"
    )


def _run_text(run: Run, noun: str, aside: bool = False) -> str:
    """What a run added; ``aside`` sets the interviews off by commas mid-sentence."""
    who = interviews(run.start, run.end, noun)
    said = f"{who}, added" if aside else f"{who} added"
    said = f"{said} {plural(run.new, 'new code')}"
    if run.ratio is None:
        return f"{said} (ratio undefined: denominator 0)"
    return f"{said} ({percent(run.ratio)} of {run.denominator})"


def guest_verdict(
    table: Counted,
    parameters: dict[str, Any],
    runs: Sequence[Run],
    met: Run | None,
    saturated_at: int | None,
    more: int | None,
    reason: str | None,
) -> str:
    name = guest_name(parameters)
    noun = noun_of(table)
    counted = counted_text(table, False)
    if met is not None:
        at = f"{saturated_at}+{parameters['run']}"
        return f"By {name}, saturation at {at}: {_run_text(met, noun)}; {counted}."
    if not runs:
        return _not_assessable(table, name, parameters["base"] + parameters["run"])
    tail = f"; {_more(more, noun)}" if more is not None else f"; {reason}"
    return (
        f"Not yet saturated by {name}: the latest run, "
        f"{_run_text(runs[-1], noun, aside=True)}{tail}; {counted}."
    )
