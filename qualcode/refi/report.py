"""The import report: what was read, imported, skipped and why.

Printed by ``qualcode import-refi`` (and as JSON with ``--json``), and shown
by the TUI after an import. Skipped items are named one by one, so nothing
is ever dropped without the researcher being told.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

KINDS = (
    "codes", "users", "variables", "cases", "sources", "selections", "codings", "notes", "sets",
)


@dataclass(frozen=True)
class Skipped:
    """One thing not imported: its kind, a name a researcher recognises, and why."""

    kind: str
    name: str
    reason: str
    count: int = 1

    def line(self) -> str:
        kind = self.kind[:-1] if self.kind.endswith("s") and self.count == 1 else self.kind
        return f"skipped {kind} {self.name}: {self.reason}"


@dataclass
class RefiReport:
    source: str
    format: str
    project: str
    created_project: bool = False
    read: dict[str, int] = field(default_factory=dict)
    imported: dict[str, int] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def count(self, bucket: dict[str, int], kind: str, amount: int = 1) -> None:
        bucket[kind] = bucket.get(kind, 0) + amount

    def skip(self, kind: str, name: str, reason: str, count: int = 1) -> None:
        self.skipped.append(Skipped(kind, name, reason, count))

    def skipped_counts(self) -> dict[str, int]:
        counts: Counter[str] = Counter()
        for item in self.skipped:
            counts[item.kind] += item.count
        return dict(counts)

    def lines(self) -> list[str]:
        skipped = self.skipped_counts()
        lines = [f"read {self.source} into {self.project}"]
        for kind in KINDS:
            read = self.read.get(kind, 0)
            if not read and not self.imported.get(kind) and not skipped.get(kind):
                continue
            lines.append(
                f"  {kind}: {read} read, {self.imported.get(kind, 0)} imported, "
                f"{skipped.get(kind, 0)} skipped"
            )
        lines.extend(f"  note: {note}" for note in self.notes)
        lines.extend(f"  {item.line()}" for item in self.skipped)
        return lines

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "format": self.format,
            "project": self.project,
            "created_project": self.created_project,
            "read": {k: self.read.get(k, 0) for k in KINDS if k in self.read},
            "imported": {k: self.imported.get(k, 0) for k in KINDS if k in self.imported},
            "skipped": self.skipped_counts(),
            "skipped_items": [
                {"kind": s.kind, "name": s.name, "reason": s.reason} for s in self.skipped
            ],
            "notes": list(self.notes),
        }
