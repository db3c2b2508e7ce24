"""Reading the project: documents, codes, codings, participants, memos, snapshots.

Every method opens one read session and returns frozen value objects
(:mod:`qualcode.project.values`); nothing here writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from qualcode.errors import NotFoundError
from qualcode.model import Document
from qualcode.project import (
    documents,
    importing,
    memos,
    queries,
)
from qualcode.project.base import ProjectBase
from qualcode.project.codetree import code_tree, resolve
from qualcode.project.memos import MemoEntry
from qualcode.project.values import (
    CaseInfo,
    CodeInfo,
    CodingInfo,
    DocumentInfo,
    DocumentText,
    MemoInfo,
)

if TYPE_CHECKING:
    from qualcode.analysis.snapshot import StudySnapshot
    from qualcode.codebook import CodebookSpec


class ProjectReads(ProjectBase):
    """The read side of :class:`~qualcode.project.service.Project`."""

    # -- reads -----------------------------------------------------------

    def documents(self) -> list[DocumentInfo]:
        with self.read() as session:
            return queries.documents(session)

    def document(self, name: str) -> DocumentInfo:
        """A document by its name or a unique prefix of it."""
        name = self.resolve_document(name)
        for info in self.documents():
            if info.name == name:
                return info
        raise NotFoundError(f"document {name!r}: no such document in the project")

    def document_text(self, name: str) -> DocumentText:
        with self.read() as session:
            return queries.document_text(session, self._document_row(session, name))

    def codes(self) -> list[CodeInfo]:
        with self.read() as session:
            return code_tree(session)

    def code(self, path: str) -> CodeInfo:
        return resolve(self.codes(), path)

    def codings(
        self,
        *,
        document: str | None = None,
        code: str | None = None,
        coder: str | None = None,
        include_children: bool = False,
    ) -> list[CodingInfo]:
        with self.read() as session:
            document_id = self._document_row(session, document).id if document else None
            code_ids: set[int] | None = None
            tree = code_tree(session)
            if code is not None:
                target = resolve(tree, code)
                code_ids = {target.id}
                if include_children:
                    code_ids |= {c.id for c in tree if c.is_within(target)}
            if coder is not None and coder not in queries.coder_names(session):
                raise NotFoundError(f"coder {coder!r}: no codings by this coder")
            return queries.codings(
                session,
                document_id=document_id,
                code_ids=code_ids,
                coder=coder,
                tree={c.id: c for c in tree},
            )

    def codings_by_document(
        self, *, coder: str | None = None
    ) -> Iterator[tuple[DocumentText, list[CodingInfo]]]:
        """Every document in interview order with its codings, in one read.

        For exports and analysis: one code tree and each text read once, one
        transcript's rows in memory at a time. Consume it before changing the project.
        """
        with self.read() as session:
            yield from queries.codings_by_document(session, coder=coder)

    def coding(self, coding_id: int) -> CodingInfo:
        with self.read() as session:
            found = queries.codings(session, coding_id=coding_id)
        if not found:
            raise NotFoundError(f"coding {coding_id}: no such coding")
        return found[0]

    def coders(self) -> list[str]:
        with self.read() as session:
            return queries.coder_names(session)

    def cases(self) -> list[CaseInfo]:
        with self.read() as session:
            return queries.cases(session)

    def memos(self, document: str | None = None) -> list[MemoInfo]:
        with self.read() as session:
            document_id = self._document_row(session, document).id if document else None
            return queries.memos(session, document_id)

    def counts(self) -> dict[str, int]:
        with self.read() as session:
            return queries.counts(session)

    def _document_row(self, session: Session, name: str) -> Document:
        return documents.document_row(session, name)

    def resolve_document(self, typed: str) -> str:
        """The full name of the document ``typed`` names: the exact name, else the one
        name that starts with it (an ambiguous prefix is refused, naming the candidates)."""
        with self.read() as session:
            return documents.document_row(session, typed).name

    def next_interview_order(self, session: Session) -> int:
        return importing.next_interview_order(session)

    def snapshot(self, *, coder: str | Iterable[str] | None = None) -> StudySnapshot:
        """The study as analysis sees it; ``coder`` (one name or several) keeps their codings."""
        from qualcode.project.snapshot import read_study_snapshot

        with self.read() as session:
            return read_study_snapshot(session, coder=coder)

    def memo_of(self, on: str, target: str | int | None = None) -> str:
        """The memo on one target ("" when it has none)."""
        with self.read() as session:
            return memos.memo_of(session, on, target)

    def memo_entries(self) -> list[MemoEntry]:
        """Every memo, as ``qualcode memos --json`` lists them."""
        with self.read() as session:
            return memos.memo_entries(session)

    def codebook_spec(self) -> CodebookSpec:
        """The project's codebook (codebook order, GUIDs), for any codebook writer."""
        from qualcode.project.codebook_io import spec_from_tree

        return spec_from_tree(self.codes(), self.name, self.language)

