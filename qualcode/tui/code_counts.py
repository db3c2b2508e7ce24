"""The coding screen's per-code counts (segments/participants) beside the codebook.

Kept in memory and updated with each coding made or removed, so coding
never waits for a count over the whole study.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from qualcode.project.values import CodeInfo, CodingInfo


class CodeCounts:
    """Segments and participants per code, kept up to date without re-querying.

    A coding's participant is ``CodingInfo.case``: the participant of the speaker
    whose turn holds it, else the document's (see :mod:`qualcode.voices`); a
    coding without one counts its document as a participant of its own (the
    CLI's ``stats`` rule).
    """

    def __init__(self, codings: Sequence[CodingInfo]) -> None:
        self._cases: dict[int, Counter[str]] = {}
        for coding in codings:
            self.add(coding)

    @staticmethod
    def _who(coding: CodingInfo) -> str:
        return coding.case or f"document:{coding.document}"

    def add(self, coding: CodingInfo) -> None:
        self._cases.setdefault(coding.code_id, Counter())[self._who(coding)] += 1

    def remove(self, coding: CodingInfo) -> None:
        cases = self._cases.get(coding.code_id)
        if cases is not None:
            cases[self._who(coding)] -= 1
            if cases[self._who(coding)] <= 0:
                del cases[self._who(coding)]

    @property
    def total(self) -> int:
        """All codings counted (for deciding whether counting more may take a while)."""
        return sum(sum(c.values()) for c in self._cases.values())

    def as_mapping(self, codes: Sequence[CodeInfo] = ()) -> dict[int, tuple[int, int]]:
        """Code id -> (codings, participants); a category of ``codes`` gets the counts of
        itself with everything under it (a participant counted once), never "0/0"."""
        own = {code: (sum(c.values()), len(c)) for code, c in self._cases.items()}
        for code in codes:
            below = [c.id for c in codes if c.is_within(code)]
            if len(below) > 1:
                people: set[str] = set()
                for member in below:
                    people.update(self._cases.get(member, {}))
                own[code.id] = (sum(sum(self._cases.get(m, Counter()).values()) for m in below),
                                len(people))
        return own
