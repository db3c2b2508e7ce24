"""Changing codings: code and uncode, memos, merging another copy, the consensus walk.

Each method is one change (undoable unless said otherwise); the work is done
by :mod:`.codings`, :mod:`.memos`, :mod:`.merging` and :mod:`.consensus`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.errors import QualcodeError
from qualcode.project import (
    codings,
    memos,
    queries,
)
from qualcode.project.changes import ChangeSet
from qualcode.project.codings import CodingRequest
from qualcode.project.reads import ProjectReads
from qualcode.project.values import (
    CodingInfo,
)

if TYPE_CHECKING:
    from qualcode.analysis.comparison import Disagreement
    from qualcode.project.consensus import Decision
    from qualcode.project.merging import MergeReport


class CodingEdits(ProjectReads):
    """The coding operations of :class:`~qualcode.project.service.Project`."""

    # -- codings ---------------------------------------------------------

    def add_coding(
        self,
        document: str,
        code: str | int,
        start: int,
        end: int,
        *,
        coder: str | None = None,
        memo: str = "",
    ) -> CodingInfo:
        """Apply ``code`` (a path, unique name or id) to ``document.text[start:end]``.

        Returns the coding as stored, read in the same transaction: another
        window undoing or removing it right after the commit cannot turn an
        acknowledged change into a "no such coding" error.
        """
        request = CodingRequest(document, code, start, end, coder, memo)
        with self.change("code", codings.summary_of([request])) as changes:
            (coding_id,) = self._add_codings(changes, [request])
            (stored,) = queries.codings(changes.session, coding_id=coding_id)
        return stored

    def add_codings(self, requests: Sequence[CodingRequest], source: str = "") -> list[int]:
        """Apply many codings in one transaction: all of them, or none."""
        if not requests:
            raise QualcodeError(f"{source or 'codings'}: no codings to add")
        with self.change("code", codings.summary_of(requests, source)) as changes:
            return self._add_codings(changes, requests, source)

    def _add_codings(
        self, changes: ChangeSet, requests: Sequence[CodingRequest], source: str = ""
    ) -> list[int]:
        return codings.add_codings(
            changes,
            requests,
            coder=self.coder,
            extents=self._document_extents,
            known_coders=self._coder_ids,
            source=source,
        )

    def add_codings_from_csv(self, path: Path) -> list[int]:
        """Apply the codings listed in a CSV file (document, code, start, end[, coder, memo])."""
        requests = codings.read_codings_csv(path)
        try:
            return self.add_codings(requests, source=str(path))
        except QualcodeError as exc:
            raise QualcodeError(f"{path}: {exc}") from None

    def merge(self, other: str | os.PathLike[str]) -> MergeReport:
        """Merge another copy of the study (.qualcode, URL or .qdpx) as one undoable change.

        Matched, never duplicated (see :mod:`qualcode.project.merging`); a merge
        that finds nothing new writes nothing. Refused, with nothing changed,
        when a document of the same name has a different text.
        """
        from qualcode.project import merging

        source = merging.check_other(self.location, other)
        with self.read() as session:
            known = merging.known_sentences(session)
        with merging.readable(source, self.coder, self.language, known) as location, \
                type(self).open(location, coder=self.coder) as opened, opened.read() as session:
            data = merging.read_rows(session)
        report = merging.MergeReport(source)
        # NothingNew rolls the change back: a merge that adds nothing leaves no Event
        with contextlib.suppress(merging.NothingNew), \
                self.change("merge", f"merge {source}") as changes:
            merging.merge_rows(changes, data, report, self._coder_ids)
            if not report.added:
                raise merging.NothingNew
            changes.summary = report.summary()
        self._document_extents.clear()
        return report

    # -- consensus ---------------------------------------------------------

    def disagreements(
        self, coder_a: str, coder_b: str, unit: str = "segment", overlap: float | None = None
    ) -> list[Disagreement]:
        """Where ``coder_a`` and ``coder_b`` did not code alike, in document order
        (the agreement report's list, for the same unit and overlap)."""
        from qualcode.analysis.comparison import DEFAULT_OVERLAP, disagreements

        study = self.snapshot(coder=(coder_a, coder_b))
        return disagreements(study, coder_a, coder_b, unit, overlap or DEFAULT_OVERLAP)

    def resolve_disagreement(
        self,
        item: Disagreement,
        decision: str,
        *,
        consensus: str,
        coders: tuple[str, str],
        reason: str = "",
    ) -> list[tuple[int, int]]:
        """Decide one disagreement as the ``consensus`` coder ("a", "b", "both" or "drop").

        One undoable change: the consensus codings and a memo with the reason.
        """
        from qualcode.project import consensus as walk

        label = walk.DECISIONS.get(decision, decision)
        summary = (f"consensus on {item.document} {item.start}:{item.end} "
                   f"{' > '.join(item.code_path)}: {label}")
        with self.change("consensus", summary) as changes:
            return walk.decide(changes, item, decision, consensus=consensus.strip(),
                               coders=coders, reason=reason.strip(),
                               known_coders=self._coder_ids)

    def consensus_decisions(self, consensus: str) -> dict[tuple, Decision]:
        """The decisions made so far as ``consensus``, by disagreement key (to resume)."""
        from qualcode.project import consensus as walk

        with self.read() as session:
            return walk.decisions(session, consensus)

    def remove_coding(self, coding_id: int) -> None:
        with self.change("uncode", f"remove coding {coding_id}") as changes:
            codings.remove_coding(changes, coding_id)

    def set_coding_memo(self, coding_id: int, memo: str) -> None:
        with self.change("memo", f"memo on coding {coding_id}") as changes:
            codings.set_coding_memo(changes, coding_id, memo)

    # -- memos -----------------------------------------------------------

    def set_memo(self, on: str, target: str | int | None, text: str) -> str:
        """Write the memo on the project (target None), a document, a code or a coding;
        an empty text removes it. One undoable change; returns what it is on."""
        with self.change("memo", f"memo on {on}") as changes:
            return memos.set_memo(changes, on, target, text, self.coder)

