"""Intercoder agreement between two coders, counted character by character.

The unit is one character of one document for one code: each coder either
applied the code to that character or did not (as NVivo's coding comparison
does). Only documents that *both* coders coded at least once are compared,
so a document the supervisor never looked at does not count as agreement
on "nothing here".

Per code × document: percent agreement and Cohen's kappa. Overall:
Krippendorff's alpha (nominal, two coders, no missing values) pooled over
the code × document pairs that at least one coder used, plus pooled percent
agreement and kappa. Pairs neither coder used are left out of the pool: with
40 codes they would be almost all "agreement on nothing" and hide every
disagreement.
Computed from span arithmetic (overlap lengths), never per character, so it
is fast on long transcripts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from qualcode.analysis.errors import AnalysisError
from qualcode.analysis.snapshot import StudySnapshot
from qualcode.spans import intersection, length


@dataclass(frozen=True)
class Agreement:
    """A 2×2 table of characters: both coded, only A, only B, neither."""

    both: int
    only_a: int
    only_b: int
    neither: int

    @property
    def units(self) -> int:
        return self.both + self.only_a + self.only_b + self.neither

    @property
    def percent(self) -> float | None:
        return 100 * (self.both + self.neither) / self.units if self.units else None

    @property
    def kappa(self) -> float | None:
        """Cohen's kappa; None when chance agreement is total (nobody coded, or all)."""
        n = self.units
        if not n:
            return None
        observed = (self.both + self.neither) / n
        a_yes, b_yes = (self.both + self.only_a) / n, (self.both + self.only_b) / n
        expected = a_yes * b_yes + (1 - a_yes) * (1 - b_yes)
        return None if expected >= 1 else (observed - expected) / (1 - expected)

    @property
    def alpha(self) -> float | None:
        """Krippendorff's alpha, nominal data, two coders, no missing values."""
        pairs = 2 * self.units
        o_disagree = self.only_a + self.only_b
        n_yes = 2 * self.both + o_disagree
        n_no = 2 * self.neither + o_disagree
        if not n_yes or not n_no:
            return None
        return 1 - (pairs - 1) * o_disagree / (n_yes * n_no)

    def __add__(self, other: Agreement) -> Agreement:
        return Agreement(
            self.both + other.both,
            self.only_a + other.only_a,
            self.only_b + other.only_b,
            self.neither + other.neither,
        )


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(frozen=True)
class AgreementCell:
    code_path: tuple[str, ...]
    document: str
    agreement: Agreement

    def to_json(self) -> dict[str, Any]:
        return {
            "code_path": list(self.code_path),
            "document": self.document,
            "percent": _rounded(self.agreement.percent),
            "kappa": _rounded(self.agreement.kappa),
            "both": self.agreement.both,
            "only_a": self.agreement.only_a,
            "only_b": self.agreement.only_b,
        }


@dataclass(frozen=True)
class AgreementReport:
    coders: tuple[str, str]
    documents: tuple[str, ...]
    cells: tuple[AgreementCell, ...]
    overall: Agreement

    def to_json(self) -> dict[str, Any]:
        return {
            "coders": list(self.coders),
            "documents": list(self.documents),
            "unit": "character",
            "cells": [cell.to_json() for cell in self.cells],
            "overall": {
                "alpha": _rounded(self.overall.alpha),
                "percent": _rounded(self.overall.percent),
                "kappa": _rounded(self.overall.kappa),
            },
        }


def agreement(snapshot: StudySnapshot, coder_a: str, coder_b: str) -> AgreementReport:
    """Compare two coders on every code and every document both of them coded."""
    spans: dict[tuple[str, int, int], list[tuple[int, int]]] = defaultdict(list)
    coded_by: dict[str, set[int]] = {coder_a: set(), coder_b: set()}
    for coding in snapshot.codings:
        if coding.coder in coded_by:
            spans[(coding.coder, coding.document_id, coding.code_id)].append(
                (coding.start, coding.end)
            )
            coded_by[coding.coder].add(coding.document_id)
    for coder, documents in coded_by.items():
        if not documents:
            raise AnalysisError(f"coder {coder!r}: has no codings in this project")
    shared = [d for d in snapshot.documents if d.id in coded_by[coder_a] & coded_by[coder_b]]
    if not shared:
        raise AnalysisError(f"coders {coder_a!r} and {coder_b!r}: no document coded by both")
    cells: list[AgreementCell] = []
    overall = Agreement(0, 0, 0, 0)
    for code in snapshot.codes:
        for document in shared:
            a = spans.get((coder_a, document.id, code.id), [])
            b = spans.get((coder_b, document.id, code.id), [])
            if not a and not b:
                continue
            both = length(intersection(a, b))
            only_a, only_b = length(a) - both, length(b) - both
            table = Agreement(both, only_a, only_b, document.text_length - both - only_a - only_b)
            cells.append(AgreementCell(code.path, document.name, table))
            overall = overall + table
    return AgreementReport(
        (coder_a, coder_b), tuple(d.name for d in shared), tuple(cells), overall
    )
