"""Intercoder agreement of two coders: per code × document, per code, and pooled.

The comparison itself (units, matching, the list of disagreements) is in
:mod:`qualcode.analysis.comparison`; this module turns its counts into the
figures a supervisor reads. Definitions with worked examples: docs/analysis.md.

- Unit ``segment``: matched, only A, only B; percent = matched ÷ (matched +
  only A + only B); kappa after Brennan & Prediger (1981), as MAXQDA computes
  it, with the chance term stated: 1 ÷ the number of codes compared.
- Units ``sentence`` and ``character``: a 2×2 table (both, only A, only B,
  neither); percent agreement, Cohen's kappa (chance from each coder's own
  rate) and Krippendorff's alpha (nominal, two coders, no missing values).

Pooled figures add up the tables of every code × document pair that at least
one coder used: pairs neither used would be almost all "agreement on nothing"
and hide every disagreement. JSON numbers are never rounded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qualcode.analysis.comparison import (
    DEFAULT_OVERLAP,
    Disagreement,
    UnitCounts,
    compare,
    in_document_order,
)
from qualcode.analysis.snapshot import StudySnapshot

CHANCE_RULES = {
    "segment": "Brennan & Prediger (1981): 1 / number of codes compared",
    "sentence": "Cohen (1960): from each coder's share of units coded",
    "character": "Cohen (1960): from each coder's share of units coded",
}


@dataclass(frozen=True)
class Figures:
    """Percent agreement, kappa (with its chance term) and, where defined, alpha.

    ``chance`` is the expected agreement kappa corrects for; None (and kappa
    None) when it is 1, e.g. only one code compared in unit ``segment``, or
    every unit coded by both.
    """

    counts: UnitCounts
    percent: float | None
    chance: float | None
    kappa: float | None
    alpha: float | None

    def to_json(self) -> dict[str, Any]:
        c = self.counts
        data: dict[str, Any] = {"both": c.both, "only_a": c.only_a, "only_b": c.only_b}
        if c.neither is None:
            data = {"matched": c.both, "only_a": c.only_a, "only_b": c.only_b}
        else:
            data["neither"] = c.neither
        data.update(percent=self.percent, chance=self.chance, kappa=self.kappa)
        if c.neither is not None:
            data["alpha"] = self.alpha
        return data


def figures(counts: UnitCounts, codes_compared: int) -> Figures:
    """The figures of one table; ``codes_compared`` sets the segment unit's chance term."""
    if counts.neither is None:
        units = counts.both + counts.only_a + counts.only_b
        percent = 100 * counts.both / units if units else None
        chance = 1 / codes_compared if codes_compared > 1 else None
        kappa = None
        if units and chance is not None:
            kappa = (counts.both / units - chance) / (1 - chance)
        return Figures(counts, percent, chance, kappa, None)
    return _two_by_two(counts)


def _two_by_two(counts: UnitCounts) -> Figures:
    assert counts.neither is not None
    n = counts.both + counts.only_a + counts.only_b + counts.neither
    if not n:
        return Figures(counts, None, None, None, None)
    observed = (counts.both + counts.neither) / n
    a_yes, b_yes = (counts.both + counts.only_a) / n, (counts.both + counts.only_b) / n
    expected = a_yes * b_yes + (1 - a_yes) * (1 - b_yes)
    kappa = None if expected >= 1 else (observed - expected) / (1 - expected)
    disagree = counts.only_a + counts.only_b
    n_yes = 2 * counts.both + disagree
    n_no = 2 * counts.neither + disagree
    alpha = None if not n_yes or not n_no else 1 - (2 * n - 1) * disagree / (n_yes * n_no)
    return Figures(counts, 100 * observed, None if expected >= 1 else expected, kappa, alpha)


@dataclass(frozen=True)
class AgreementCell:
    """One code in one document (``document`` None: the code over all documents)."""

    code_path: tuple[str, ...]
    document: str | None
    figures: Figures

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"code_path": list(self.code_path)}
        if self.document is not None:
            data["document"] = self.document
        data.update(self.figures.to_json())
        return data


@dataclass(frozen=True)
class AgreementReport:
    """``qualcode agreement P --coders A,B --json``: figures and the disagreement list."""

    coders: tuple[str, str]
    unit: str
    overlap: float | None
    documents: tuple[str, ...]
    codes_compared: int
    cells: tuple[AgreementCell, ...]
    codes: tuple[AgreementCell, ...]
    pooled: Figures
    disagreements: tuple[Disagreement, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "coders": list(self.coders),
            "unit": self.unit,
            "overlap": self.overlap,
            "documents": list(self.documents),
            "codes_compared": self.codes_compared,
            "chance_rule": CHANCE_RULES[self.unit],
            "cells": [cell.to_json() for cell in self.cells],
            "codes": [code.to_json() for code in self.codes],
            "pooled": self.pooled.to_json(),
            "disagreements": [d.to_json() for d in self.disagreements],
        }

    def summary(self) -> str:
        """One line for people: "segment (overlap 90%): 7 of 10 matched (70.0%), kappa 0.67"."""
        p = self.pooled
        c = p.counts
        name = f"segment (overlap {self.overlap * 100:g}%)" if self.overlap else self.unit

        def fixed(value: float | None, digits: int = 2) -> str:
            return "-" if value is None else f"{value:.{digits}f}"

        if c.neither is None:
            total = c.both + c.only_a + c.only_b
            line = f"{name}: {c.both} of {total} segments matched ({fixed(p.percent, 1)}%)"
            chance = "-" if p.chance is None else f"1/{self.codes_compared}"
            return f"{line}, kappa {fixed(p.kappa)} (chance {chance})"
        units = "sentences" if self.unit == "sentence" else "characters"
        return (f"{name}: {fixed(p.percent, 1)}% of {units} agree, kappa {fixed(p.kappa)} "
                f"(chance {fixed(p.chance, 3)}), alpha {fixed(p.alpha)}")


def agreement(
    snapshot: StudySnapshot,
    coder_a: str,
    coder_b: str,
    unit: str = "segment",
    overlap: float = DEFAULT_OVERLAP,
) -> AgreementReport:
    """Compare two coders on every code and every document both of them coded."""
    shared, compared = compare(snapshot, coder_a, coder_b, unit, overlap)
    codes_compared = len({cell.code_id for cell in compared})
    names = {d.id: d.name for d in shared}
    cells = []
    per_code: dict[int, UnitCounts] = {}
    pooled: UnitCounts | None = None
    for cell in compared:
        cells.append(AgreementCell(snapshot.code(cell.code_id).path, names[cell.document_id],
                                   figures(cell.counts, codes_compared)))
        seen = per_code.get(cell.code_id)
        per_code[cell.code_id] = cell.counts if seen is None else seen + cell.counts
        pooled = cell.counts if pooled is None else pooled + cell.counts
    empty = UnitCounts(0, 0, 0, None if unit == "segment" else 0)
    codes = tuple(AgreementCell(snapshot.code(code_id).path, None,
                                figures(counts, codes_compared))
                  for code_id, counts in per_code.items())
    return AgreementReport(
        (coder_a, coder_b), unit, overlap if unit == "segment" else None,
        tuple(d.name for d in shared), codes_compared, tuple(cells), codes,
        figures(pooled or empty, codes_compared),
        tuple(in_document_order(snapshot, shared, compared)),
    )
