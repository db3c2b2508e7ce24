"""Whom a passage counts for: the participant behind each speaker turn.

A transcript belongs to one participant (its case, or the document itself),
but a group interview or an interview a partner joins has several people in
one file. A speaker label can therefore be given a participant of its own
(``qualcode role --participant``, the project screen's Speakers tab). Every
count per participant, every participant column and every attribute filter
asks this one module who a coding is for, so that they all agree:

- a coding counts for the participant of the label of the turn **its start**
  lies in, when that label was given one; otherwise for the document's
  participant (before the first turn, in a transcript without labels, and in
  turns whose label has no participant of its own, the interviewer's
  included). A coding that runs on into the next speaker's turn still counts
  for the first speaker only, as its role does.
- the participants *taking part* in a document (for totals such as "of 11",
  Table 1, matrix columns and saturation by participant) are, in order of
  their first turn, the labels' own participants and the document's
  participant when a turn that is not the interviewer's falls to it (or the
  document has no such turn at all). A fully assigned group interview thus
  does not add the file's own participant to the study.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Voices:
    """The turns of one document with the participant each one counts for.

    ``explicit`` holds, per turn (in text order), the participant given to its
    speaker label, or None when the turn falls to ``own``, the document's
    participant. A document where no label has a participant of its own may
    come without turns: every offset then falls to ``own``.
    """

    own: str
    starts: Sequence[int] = ()
    explicit: Sequence[str | None] = ()
    roles: Sequence[str] = ()

    def explicit_at(self, offset: int) -> str | None:
        """The label's own participant of the turn holding ``offset``, None if it has none."""
        if not self.starts:
            return None
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.explicit[index] if index >= 0 else None

    def at(self, offset: int) -> str:
        """The participant a coding starting at ``offset`` counts for."""
        return self.explicit_at(offset) or self.own

    @property
    def shared(self) -> bool:
        """True when some label speaks for a participant of its own (a group interview)."""
        return any(p is not None for p in self.explicit)

    @property
    def participants(self) -> tuple[str, ...]:
        """Who takes part in the document, in order of their first turn (see the module)."""
        found: dict[str, None] = {}
        for participant, role in zip(self.explicit, self.roles, strict=True):
            if participant is not None:
                found.setdefault(participant)
            elif role != "interviewer":
                found.setdefault(self.own)
        return tuple(found) or (self.own,)

    def spans_of(self, participant: str, ends: Sequence[int]) -> list[tuple[int, int]]:
        """The turns (``start``, ``end``) that fall to ``participant``; ``ends`` per turn."""
        return [
            (start, end)
            for start, end, explicit in zip(self.starts, ends, self.explicit, strict=True)
            if (explicit or self.own) == participant
        ]
