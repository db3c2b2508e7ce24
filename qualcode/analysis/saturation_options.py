"""The saturation rules' parameters as the researcher last chose them.

Kept as one project setting, so the coding screen's status line, the
analysis screen, the workbook's Saturation sheet and a restart all count by
the same rules. Core code: the TUI edits these options, the export reads them.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Protocol

from qualcode.analysis.saturation import SaturationResult, saturation

if TYPE_CHECKING:
    from qualcode.analysis.snapshot import StudySnapshot

SETTING = "saturation_options"


class Settings(Protocol):
    """What the options need of a project: its key/value settings."""

    def setting(self, key: str) -> str | None: ...

    def set_setting(self, key: str, value: str) -> None: ...


@dataclass(frozen=True)
class SaturationOptions:
    """Parameters of both stopping rules and the table's restriction (CLI defaults)."""

    base: int = 4
    run: int = 2
    threshold: float = 0.05
    denominator: str = "base"
    initial: int = 10
    stop: int = 3
    category: tuple[str, ...] | None = None
    respondent_only: bool = False
    by: str = "document"

    @classmethod
    def load(cls, project: Settings) -> SaturationOptions:
        """The options last chosen in this project; defaults when unset or unreadable."""
        stored = project.setting(SETTING)
        if not stored:
            return cls()
        try:
            data = json.loads(stored)
            if data.get("category") is not None:
                data["category"] = tuple(data["category"])
            return replace(cls(), **data)
        except (ValueError, TypeError, AttributeError):
            return cls()

    def save(self, project: Settings) -> None:
        project.set_setting(SETTING, json.dumps(asdict(self)))

    def result(self, study: StudySnapshot, method: str) -> SaturationResult:
        """``qualcode saturation --method METHOD`` with these options."""
        return saturation(
            study, method, base=self.base, run=self.run, threshold=self.threshold,
            denominator=self.denominator, initial=self.initial, stop=self.stop,
            category=self.category, respondent_only=self.respondent_only, by=self.by,
        )
