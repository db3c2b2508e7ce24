"""Code saturation: which codes each interview added, and whether a rule says "enough".

Everything here follows from one table (Guest, Bunce & Johnson 2006): for each
interview, in the order the interviews were held, the codes applied for the
first time. Two stopping rules are computed from it:

- Francis et al. (2010): an initial sample of ``initial`` interviews, then stop
  after ``stop`` consecutive interviews that add no new code.
- Guest, Namey & Chen (2020): after a base of ``base`` interviews, a run of
  ``run`` interviews whose new codes, as a share of a denominator, are at or
  below ``threshold``.

Saturation counts the codes *applied*: a coding of "A > B" makes code A > B
seen, not its parent A. Interviews are numbered by their position in the
snapshot (1-based), which is the interview order. See docs/analysis.md for the
rules with worked examples.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from qualcode.analysis.errors import AnalysisError
from qualcode.analysis.saturation_text import francis_verdict, guest_verdict
from qualcode.analysis.saturation_values import (
    NotCounted,
    SaturationResult,
    SaturationRow,
    SaturationRun,
    SaturationTable,
)
from qualcode.analysis.snapshot import CodingRef, DocumentRef, StudySnapshot

__all__ = [
    "BY", "DENOMINATORS", "METHODS", "NOT_COUNTED_REASONS", "NotCounted", "SaturationResult",
    "SaturationRow", "SaturationRun", "SaturationTable", "francis", "guest2020", "saturation",
    "saturation_table",
]

METHODS = ("guest2020", "francis")
DENOMINATORS = ("base", "cumulative")


#: Why a document is left out of saturation, by its status.
NOT_COUNTED_REASONS = {
    "not-started": "not started",
    "in-progress": "in progress, not marked coded",
    "excluded": "excluded",
}
BY = ("document", "participant")


def saturation_table(
    snapshot: StudySnapshot,
    *,
    category: Iterable[str] | None = None,
    respondent_only: bool = False,
    coder: str | None = None,
    coders: Iterable[str] | None = None,
    by: str = "document",
) -> SaturationTable:
    """The base table: for each counted interview, the codes applied there for the first time.

    Counts only documents whose status is ``coded``, in interview order.
    ``by="participant"`` counts all coded documents of one participant as one
    interview, placed at the first of them; in a group interview each speaker's
    participant is an interview of their own there, with the codings in their
    turns (see :mod:`qualcode.voices`). ``coders`` (or one ``coder``)
    restricts to those coders' codings; a coder without codings is refused.
    By default a code counts as seen when any coder applied it. New codes of
    an interview are listed in codebook order.
    """
    _require(by in BY, f"by must be document or participant (got {by!r})")
    named = tuple(dict.fromkeys([*([coder] if coder else []), *(coders or ())]))
    everyone = sorted({c.coder for c in snapshot.codings})
    for name in named:
        if name not in everyone:
            raise AnalysisError(f"coder {name!r}: has no codings in this project")
    category_path = tuple(category) if category is not None else None
    study = snapshot.restrict(category_path, respondent_only)
    if named:
        study = study.with_coders(named)
    counted_documents = [d for d in study.documents if d.status == "coded"]
    not_counted = tuple(
        NotCounted(d.name, d.status, NOT_COUNTED_REASONS.get(d.status, d.status))
        for d in study.documents if d.status != "coded"
    )
    units: dict[str, list[DocumentRef]] = {}
    unit_codings: dict[str, list[CodingRef]] = {}
    for document in counted_documents:
        here = study.codings_by_document[document.id]
        if by == "document":
            units[document.name] = [document]
            unit_codings[document.name] = list(here)
            continue
        for person in study.participants_in(document.id):
            units.setdefault(person, []).append(document)
            unit_codings.setdefault(person, [])
        for coding in here:
            unit_codings[study.participant_of_coding(coding)].append(coding)
    seen: set[int] = set()
    rows = []
    total = len({c.code_id for d in counted_documents for c in study.codings_by_document[d.id]})
    for number, (name, documents) in enumerate(units.items(), start=1):
        codings = unit_codings[name]
        new = {c.code_id for c in codings} - seen
        seen |= new
        ranked = sorted(new, key=study.code_rank.__getitem__)
        rows.append(
            SaturationRow(
                number=number,
                document=documents[0].name,
                participant=(name if by == "participant"
                             else ", ".join(study.participants_in(documents[0].id))),
                codings=len(codings),
                new_code_paths=tuple(study.code(i).path for i in ranked),
                cumulative=len(seen),
                cumulative_share=len(seen) / total if total else None,
                name=name,
                documents=tuple(d.name for d in documents),
            )
        )
    kept = [d for d in study.documents if d.status != "excluded"]
    eligible = (
        len({p for d in kept for p in study.participants_in(d.id)})
        if by == "participant" else len(kept)
    )
    counted_coders = sorted(
        {c.coder for d in counted_documents for c in study.codings_by_document[d.id]}
    )
    return SaturationTable(
        tuple(rows), total, category_path, respondent_only, coder, by,
        tuple(d.name for d in study.documents), not_counted,
        named if named else tuple(counted_coders), bool(named),
        eligible, len(study.documents) - len(kept),
    )


# --- Francis et al. 2010 --------------------------------------------------------


def _francis_runs(new_codes: Sequence[int], initial: int, stop: int) -> list[SaturationRun]:
    runs = []
    for end in range(initial + stop, len(new_codes) + 1):
        new = sum(new_codes[end - stop : end])
        runs.append(SaturationRun(end - stop + 1, end, new, None, None, new == 0))
    return runs


def _first_met(runs: Sequence[SaturationRun]) -> SaturationRun | None:
    return next((r for r in runs if r.meets_rule), None)


def francis(table: SaturationTable, initial: int = 10, stop: int = 3) -> SaturationResult:
    """Francis et al. (2010): saturated at the first interview n ≥ initial + stop
    such that interviews n−stop+1 … n add no new code.

    A study with no codes at all is never called saturated (there is nothing
    to saturate).
    """
    _require(initial >= 0, f"initial must be 0 or more (got {initial})")
    _require(stop >= 1, f"stop must be at least 1 (got {stop})")
    coded = len(table.rows)
    runs = _francis_runs(table.new_codes, initial, stop)
    met = _first_met(runs) if table.total_codes else None
    reason = None
    needed: int | None
    if met is not None:
        needed = met.end
    elif table.total_codes == 0:
        needed = None
        reason = "no codes have been applied yet"
    else:
        needed = _francis_needed(table.new_codes, initial, stop)
        reason = (
            f"fewer interviews ({coded}) than initial + stop ({initial + stop})"
            if coded < initial + stop
            else f"no run of {stop} interviews after interview {initial} without new codes"
        )
    saturated_at = met.end if met is not None else None
    more = None if needed is None else max(needed - coded, 0)
    parameters = {"initial": initial, "stop": stop}
    verdict = francis_verdict(table, initial, stop, saturated_at, needed, more, reason)
    return SaturationResult(
        "francis", parameters, table, tuple(runs), saturated_at, needed, more, reason, verdict
    )


def _francis_needed(new_codes: Sequence[int], initial: int, stop: int) -> int:
    """Smallest n > coded meeting the rule if every further interview adds nothing."""
    coded = len(new_codes)
    trailing = 0
    for number in range(coded, initial, -1):
        if new_codes[number - 1]:
            break
        trailing += 1
    return max(coded + 1, initial + stop, coded - trailing + stop)


# --- Guest, Namey & Chen 2020 ---------------------------------------------------


def _guest_runs(
    new_codes: Sequence[int],
    cumulative: Sequence[int],
    base: int,
    run: int,
    threshold: float,
    denominator: str,
) -> list[SaturationRun]:
    runs = []
    for start in range(base + 1, len(new_codes) - run + 2):
        end = start + run - 1
        new = sum(new_codes[start - 1 : end])
        den = cumulative[base - 1] if denominator == "base" else cumulative[start - 2]
        ratio = new / den if den else None
        runs.append(
            SaturationRun(start, end, new, den, ratio, ratio is not None and ratio <= threshold)
        )
    return runs


def guest2020(
    table: SaturationTable,
    base: int = 4,
    run: int = 2,
    threshold: float = 0.05,
    denominator: str = "base",
) -> SaturationResult:
    """Guest, Namey & Chen (2020): saturation at n^{+run}.

    Runs start right after the base and slide by one interview: run k covers
    interviews base+k … base+k+run−1. Its new-information ratio is the number
    of codes first seen in the run divided by the codes seen in the base
    (``denominator="base"``) or all codes seen before the run
    (``"cumulative"``). ``saturated_at`` is the last interview before the first
    run whose ratio is at or below ``threshold``. A run with denominator 0 has
    no ratio and never meets the rule.
    """
    _require(base >= 1, f"base must be at least 1 (got {base})")
    _require(run >= 1, f"run must be at least 1 (got {run})")
    _require(threshold >= 0, f"threshold must be 0 or more (got {threshold})")
    _require(
        denominator in DENOMINATORS,
        f"denominator must be base or cumulative (got {denominator!r})",
    )
    coded = len(table.rows)
    new_codes, cumulative = table.new_codes, table.cumulative
    runs = _guest_runs(new_codes, cumulative, base, run, threshold, denominator)
    met = _first_met(runs)
    reason = None
    if met is None:
        reason = _guest_reason(runs, coded, base, run, denominator, table.total_codes)
    saturated_at = met.start - 1 if met is not None else None
    needed = met.end if met is not None else None
    if met is None:
        needed = _guest_needed(new_codes, cumulative, base, run, threshold, denominator)
    more = None if needed is None else max(needed - coded, 0)
    parameters = {
        "base": base,
        "run": run,
        "threshold": threshold,
        "denominator": denominator,
    }
    verdict = guest_verdict(table, parameters, runs, met, saturated_at, more, reason)
    return SaturationResult(
        "guest2020", parameters, table, tuple(runs), saturated_at, needed, more, reason, verdict
    )


def _guest_reason(
    runs: Sequence[SaturationRun], coded: int, base: int, run: int, denominator: str, total: int
) -> str:
    if not runs:
        return f"fewer interviews ({coded}) than base + run ({base + run})"
    if total == 0:
        return "no codes have been applied yet"
    last = runs[-1]
    if last.ratio is None and denominator == "base":
        return (
            f"the base (interviews 1–{base}) has no codes, "
            "so the new-information ratio is undefined"
        )
    if last.ratio is None:
        return (
            f"no codes were seen before interview {last.start}, "
            "so the new-information ratio is undefined"
        )
    return "no run at or below the threshold yet"


def _guest_needed(
    new_codes: Sequence[int],
    cumulative: Sequence[int],
    base: int,
    run: int,
    threshold: float,
    denominator: str,
) -> int | None:
    """Smallest number of interviews meeting the rule if further ones add nothing.

    Simulated by appending interviews without new codes; within ``base + run``
    extra interviews a run made only of such interviews exists, so if none
    meets the rule by then (denominator 0), none ever will.
    """
    coded = len(new_codes)
    extended_new = list(new_codes)
    extended_cum = list(cumulative)
    for _ in range(base + run):
        extended_new.append(0)
        extended_cum.append(extended_cum[-1] if extended_cum else 0)
        runs = _guest_runs(extended_new, extended_cum, base, run, threshold, denominator)
        met = next((r for r in runs if r.meets_rule and r.end > coded), None)
        if met is not None:
            return met.end
    return None


# --- entry point ----------------------------------------------------------------


def saturation(
    snapshot: StudySnapshot,
    method: str = "guest2020",
    *,
    base: int = 4,
    run: int = 2,
    threshold: float = 0.05,
    denominator: str = "base",
    initial: int = 10,
    stop: int = 3,
    category: Iterable[str] | None = None,
    respondent_only: bool = False,
    coder: str | None = None,
    coders: Iterable[str] | None = None,
    by: str = "document",
) -> SaturationResult:
    """``qualcode saturation P --json [--method guest2020|francis] ...`` in one call.

    Parameters not used by ``method`` are ignored; ``to_json()`` of the result
    is the command's output.
    """
    _require(method in METHODS, f"method must be guest2020 or francis (got {method!r})")
    table = saturation_table(
        snapshot, category=category, respondent_only=respondent_only, coder=coder,
        coders=coders, by=by,
    )
    if method == "francis":
        return francis(table, initial=initial, stop=stop)
    return guest2020(table, base=base, run=run, threshold=threshold, denominator=denominator)


def _require(condition: bool, problem: str) -> None:
    if not condition:
        raise AnalysisError(f"saturation: {problem}")
