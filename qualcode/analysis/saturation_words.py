"""The saturation verdicts in the language of a study's exports.

The CLI, its JSON and the TUI keep the English sentence the rules build
(:mod:`.saturation_text`). A Dutch thesis' workbook and report need the same
sentence in Dutch, so :func:`verdict_in` says it again from the result's
figures: the same facts in the same order (method and parameters, where
saturation was reached or what is missing, what was counted and whose codes),
with Dutch verbs agreeing with their counts and a decimal comma. Any other
language gets the English sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from qualcode.analysis.saturation_text import Counted, Run

if TYPE_CHECKING:
    from qualcode.analysis.saturation import NotCounted, SaturationResult

#: Why a document is left out of saturation, by its status, in Dutch.
NOT_COUNTED_NL = {
    "not-started": "niet begonnen",
    "in-progress": "bezig, niet gemarkeerd als gecodeerd",
    "excluded": "uitgesloten",
}
_NOUNS = {"interview": ("interview", "interviews"), "participant": ("deelnemer", "deelnemers")}
_DENOMINATORS = {"base": "basis", "cumulative": "cumulatief"}


def verdict_in(result: SaturationResult, language: str) -> str:
    """The verdict of ``result`` in ``language`` ("nl"; anything else: the English one)."""
    if language != "nl":
        return result.verdict
    if result.method == "francis":
        return _francis(result)
    return _guest(result)


def not_counted_reason(item: NotCounted, language: str) -> str:
    """Why a document was not counted ("excluded" / "uitgesloten")."""
    if language != "nl":
        return item.reason
    return NOT_COUNTED_NL.get(item.status, item.reason)


def percent(value: float) -> str:
    """0.05 -> "5%", 0.0435 -> "4,3%" (one decimal, dropped when zero)."""
    text = f"{value * 100:.1f}"
    return (text[:-2] if text.endswith(".0") else text).replace(".", ",") + "%"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _noun(table: Counted) -> tuple[str, str]:
    return _NOUNS["participant" if table.by == "participant" else "interview"]


def _span(start: int, end: int, noun: tuple[str, str]) -> str:
    """ "interview 7" or "interviews 7–8" (en dash)."""
    return f"{noun[0]} {start}" if start == end else f"{noun[1]} {start}–{end}"


def _more(more: int, noun: tuple[str, str]) -> str:
    verb = "is" if more == 1 else "zijn"
    return f"er {verb} nog minstens {_plural(more, *noun)} nodig"


def and_list(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} en {names[-1]}"


def _whose(table: Counted) -> str:
    if table.coders_named:
        return f"codes van {and_list(table.coders)}"
    if not table.coders:
        return "nog geen codes toegepast"
    if len(table.coders) == 1:
        return f"codes van {table.coders[0]}"
    return f"codes van alle codeurs: {and_list(table.coders)}"


def counted_text(table: Counted, clause: bool = True) -> str:
    """ "3 van de 13 interviews zijn gemarkeerd als gecodeerd (plus 1 uitgesloten; codes van
    Lotte)"; ``clause=False``: "meegeteld: 3 van de 13 interviews gemarkeerd als …"."""
    counted = len(table.rows)
    of = "van" if table.eligible == 1 else "van de"
    if table.by == "participant":
        verb = ("heeft een interview" if counted == 1 else "hebben interviews") if clause \
            else "met interviews"
        text = (f"{counted} {of} {_plural(table.eligible, 'deelnemer', 'deelnemers')} "
                f"{verb} gemarkeerd als gecodeerd")
    else:
        verb = (("is" if counted == 1 else "zijn") + " gemarkeerd als gecodeerd") if clause \
            else "gemarkeerd als gecodeerd"
        text = f"{counted} {of} {_plural(table.eligible, 'interview', 'interviews')} {verb}"
    if not clause:
        text = f"meegeteld: {text}"
    notes = [f"plus {table.excluded} uitgesloten"] if table.excluded else []
    notes.append(_whose(table))
    return f"{text} ({'; '.join(notes)})"


def _not_assessable(table: Counted, name: str, minimum: int) -> str:
    return (f"{counted_text(table)}; {name} heeft er minstens {minimum} nodig — nog niet te "
            "beoordelen.")


def _francis(result: SaturationResult) -> str:
    table = result.table
    initial, stop = result.parameters["initial"], result.parameters["stop"]
    name = f"Francis {initial}+{stop}"
    noun = _noun(table)
    counted = counted_text(table, False)
    at = result.saturated_at
    if at is not None:
        verb = "voegde" if stop == 1 else "voegden"
        return (f"Volgens {name} werd saturatie bereikt bij {noun[0]} {at}: "
                f"{_span(at - stop + 1, at, noun)} {verb} geen nieuwe codes toe; {counted}.")
    needed = result.interviews_needed
    if len(table.rows) < initial + stop:
        return _not_assessable(table, name, needed if needed is not None else initial + stop)
    if needed is None:
        return f"Niet te beoordelen volgens {name}: er zijn nog geen codes toegepast; {counted}."
    if stop == 1:
        last = f"{'de laatste deelnemer' if table.by == 'participant' else 'het laatste'} " \
               "geen nieuwe codes toevoegt"
    else:
        last = f"de laatste {stop} geen nieuwe codes toevoegen"
    more = _more(result.more_needed or 0, noun)
    return (f"Nog geen saturatie volgens {name}: {more} (de regel vraagt er {needed}, waarvan "
            f"{last}); {counted}.")


def guest_name(parameters: dict[str, Any]) -> str:
    denominator = parameters["denominator"]
    return (f"Guest et al. 2020 (basis {parameters['base']}, reeks {parameters['run']}, "
            f"drempel {percent(parameters['threshold'])}, "
            f"noemer: {_DENOMINATORS.get(denominator, denominator)})")


def _run_text(run: Run, noun: tuple[str, str], aside: bool = False) -> str:
    """What a run added; ``aside``: "de laatste reeks, interviews 7–8, voegde …"."""
    who = _span(run.start, run.end, noun)
    verb = "voegde" if aside or run.start == run.end else "voegden"
    said = f"{who}, {verb}" if aside else f"{who} {verb}"
    said = f"{said} {_plural(run.new, 'nieuwe code', 'nieuwe codes')} toe"
    if run.ratio is None:
        return f"{said} (verhouding onbepaald: noemer 0)"
    return f"{said} ({percent(run.ratio)} van {run.denominator})"


def _guest_reason(result: SaturationResult) -> str:
    """Why no further interviews can meet the rule, as the rule itself says it in English."""
    base = result.parameters["base"]
    if result.table.total_codes == 0:
        return "er zijn nog geen codes toegepast"
    last = result.runs[-1]
    if last.ratio is None and result.parameters["denominator"] == "base":
        return (f"de basis (interviews 1–{base}) heeft geen codes, dus de verhouding nieuwe "
                "informatie is onbepaald")
    if last.ratio is None:
        return (f"vóór interview {last.start} zijn geen codes gezien, dus de verhouding nieuwe "
                "informatie is onbepaald")
    return "nog geen reeks op of onder de drempel"


def _guest(result: SaturationResult) -> str:
    table = result.table
    parameters = result.parameters
    name = guest_name(parameters)
    noun = _noun(table)
    counted = counted_text(table, False)
    met = next((run for run in result.runs if run.meets_rule), None)
    if met is not None and result.saturated_at is not None:
        at = f"{result.saturated_at}+{parameters['run']}"
        return f"Volgens {name} is er saturatie bij {at}: {_run_text(met, noun)}; {counted}."
    if not result.runs:
        return _not_assessable(table, name, parameters["base"] + parameters["run"])
    more = result.more_needed
    tail = f"; {_more(more, noun)}" if more is not None else f"; {_guest_reason(result)}"
    return (f"Nog geen saturatie volgens {name}: de laatste reeks, "
            f"{_run_text(result.runs[-1], noun, aside=True)}{tail}; {counted}.")
