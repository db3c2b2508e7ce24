"""The values saturation hands out: the base table, its rows, and a rule's verdict.

Apart from :mod:`.saturation` (which computes them) because every front end
and export reads them; :mod:`.saturation` re-exports them, so either import
works.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SaturationRow:
    """One counted interview of the base table (``by="participant"``: one participant).

    ``name`` is the document's name, or the participant's when counting by
    participant; ``documents`` are the coded documents it stands for.
    ``participant`` names who took part (a group interview's speakers, joined by ", ").
    """

    number: int
    document: str
    participant: str
    codings: int
    new_code_paths: tuple[tuple[str, ...], ...]
    cumulative: int
    cumulative_share: float | None
    name: str = ""
    documents: tuple[str, ...] = ()

    @property
    def new_codes(self) -> int:
        return len(self.new_code_paths)


@dataclass(frozen=True)
class NotCounted:
    """A document saturation left out, with its status and the reason in words."""

    name: str
    status: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "status": self.status, "reason": self.reason}


@dataclass(frozen=True)
class SaturationTable:
    """New and cumulative codes per counted interview (Guest, Bunce & Johnson 2006).

    Only ``coded`` documents are counted, in interview order; ``order`` lists
    every document, ``not_counted`` those left out and why. ``coders`` are the
    coders whose codes were counted (all coders with codings unless some
    were named: ``coders_named``). ``cumulative_share`` is the cumulative count
    divided by the final total (None for every row when no code was applied).
    """

    rows: tuple[SaturationRow, ...]
    total_codes: int
    category: tuple[str, ...] | None = None
    respondent_only: bool = False
    coder: str | None = None
    by: str = "document"
    order: tuple[str, ...] = ()
    not_counted: tuple[NotCounted, ...] = ()
    coders: tuple[str, ...] = ()
    coders_named: bool = False
    #: Interviews (or participants, ``by="participant"``) not excluded: the "of N".
    eligible: int = 0
    excluded: int = 0

    @property
    def counted(self) -> list[str]:
        return [r.name or r.document for r in self.rows]

    @property
    def new_codes(self) -> list[int]:
        return [r.new_codes for r in self.rows]

    @property
    def cumulative(self) -> list[int]:
        return [r.cumulative for r in self.rows]

    @property
    def cumulative_share(self) -> list[float | None]:
        return [r.cumulative_share for r in self.rows]

    def to_json(self) -> dict[str, Any]:
        return {
            "by": self.by,
            "order": list(self.order),
            "counted": self.counted,
            "not_counted": [n.to_json() for n in self.not_counted],
            "coders": list(self.coders),
            "participants": [r.participant for r in self.rows],
            "documents": [list(r.documents) for r in self.rows],
            "codings": [r.codings for r in self.rows],
            "new_codes": self.new_codes,
            "new_code_paths": [[list(p) for p in r.new_code_paths] for r in self.rows],
            "cumulative": self.cumulative,
            "cumulative_share": self.cumulative_share,
            "total_codes": self.total_codes,
            "restriction": {
                "category": list(self.category) if self.category is not None else None,
                "respondent_only": self.respondent_only,
                "coders": list(self.coders) if self.coders_named else None,
            },
        }


@dataclass(frozen=True)
class SaturationRun:
    """A window of interviews ``start``..``end`` (1-based, inclusive) a rule looked at.

    ``ratio`` is new ÷ denominator (Guest 2020), None when the denominator is 0
    or the rule uses no ratio (Francis).
    """

    start: int
    end: int
    new: int
    denominator: int | None
    ratio: float | None
    meets_rule: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "new": self.new,
            "denominator": self.denominator,
            "ratio": self.ratio,
            "meets_rule": self.meets_rule,
        }


@dataclass(frozen=True)
class SaturationResult:
    """The verdict of one stopping rule on one base table.

    ``saturated_at`` is the 1-based interview number the method reports (None
    when not saturated). ``interviews_needed`` is the smallest number of
    interviews with which the rule can be met, assuming interviews still to
    come add no new code; ``more_needed`` is that minus the interviews coded
    (0 once saturated; None when no number of further interviews can meet the
    rule on its own, e.g. no code has been applied yet — ``reason`` says why).
    """

    method: str
    parameters: dict[str, Any]
    table: SaturationTable
    runs: tuple[SaturationRun, ...]
    saturated_at: int | None
    interviews_needed: int | None
    more_needed: int | None
    reason: str | None
    verdict: str

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "method": self.method, "parameters": dict(self.parameters), **self.parameters
        }
        data.update(self.table.to_json())
        data.update(
            {
                "saturated_at": self.saturated_at,
                "runs": [r.to_json() for r in self.runs],
                "interviews_needed": self.interviews_needed,
                "more_needed": self.more_needed,
                "reason": self.reason,
                "verdict": self.verdict,
            }
        )
        return data
