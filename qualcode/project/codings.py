"""Applying and removing codes: the changes a coder makes hundreds of times a day.

Spans are checked against the stored text before anything is written:
``0 <= start < end <= len(text)``. The functions work inside a change that
:class:`~qualcode.project.service.Project` opened (a :class:`ChangeSet`); the
service's methods call them.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qualcode.errors import IngestError, NotFoundError, QualcodeError
from qualcode.model import Code, Coder, Coding, Document
from qualcode.project.changes import ChangeSet
from qualcode.project.codetree import resolve_id
from qualcode.project.documents import document_row
from qualcode.project.status import mark_in_progress


@dataclass(frozen=True)
class CodingRequest:
    """One coding to make: document and code as the user named them (or the code's id)."""

    document: str
    code: str | int
    start: int
    end: int
    coder: str | None = None
    memo: str = ""


def check_span(document: str, length: int, start: int, end: int) -> None:
    if start < 0 or end < 0:
        raise QualcodeError(f"document {document!r}: span {start}:{end} is negative")
    if end <= start:
        raise QualcodeError(
            f"document {document!r}: span {start}:{end} is empty or reversed (end must be > start)"
        )
    if end > length:
        raise QualcodeError(
            f"document {document!r}: span {start}:{end} is past the end ({length} characters)"
        )


def find_match(document: str, text: str, needle: str, nth: int | None) -> tuple[int, int]:
    """Offsets of ``needle`` in ``text``; ``nth`` counts from 1 and is required if ambiguous."""
    if not needle:
        raise QualcodeError("--match: the text to match is empty")
    positions: list[int] = []
    index = text.find(needle)
    while index != -1:
        positions.append(index)
        index = text.find(needle, index + 1)
    if not positions:
        raise NotFoundError(f"document {document!r}: text {needle!r} not found")
    if nth is None:
        if len(positions) > 1:
            raise QualcodeError(
                f"document {document!r}: text {needle!r} occurs {len(positions)} times; "
                "choose one with --nth"
            )
        nth = 1
    if not 1 <= nth <= len(positions):
        raise QualcodeError(
            f"document {document!r}: --nth {nth} but {needle!r} occurs {len(positions)} times"
        )
    start = positions[nth - 1]
    return start, start + len(needle)


def coder_id(session: Session, name: str, known: dict[str, int]) -> int:
    """The id of coder ``name``, added on first use; ``known`` caches committed ids."""
    name = name.strip()
    if not name:
        raise QualcodeError("coder: the coder name is empty")
    if name in known:
        return known[name]
    found = session.scalar(select(Coder.id).where(Coder.name == name))
    if found is None:
        coder = Coder(name=name)
        session.add(coder)
        session.flush()
        return coder.id  # not cached until its transaction has committed
    known[name] = found
    return found


def summary_of(requests: Sequence[CodingRequest], source: str = "") -> str:
    if len(requests) == 1:
        only = requests[0]
        return f"code {only.document} {only.start}:{only.end} as {only.code}"
    return f"add {len(requests)} codings from {source or 'a list'}"


def _code_id(session: Session, code: str | int) -> int:
    if isinstance(code, int):
        if session.get(Code, code) is None:
            raise NotFoundError(f"code {code}: no such code in the codebook")
        return code
    return resolve_id(session, code)


def add_codings(
    changes: ChangeSet,
    requests: Sequence[CodingRequest],
    *,
    coder: str,
    extents: dict[str, tuple[int, int]],
    known_coders: dict[str, int],
    source: str = "",
) -> list[int]:
    """Apply many codings in the open change: all of them, or none (raise to roll back).

    ``coder`` is the coder of requests that name none; ``extents`` caches
    document name -> (id, length), safe because a text never changes after import.
    """
    if not requests:
        raise QualcodeError(f"{source or 'codings'}: no codings to add")
    session = changes.session
    code_ids: dict[str | int, int] = {}
    coder_ids: dict[str | None, int] = {}
    ids: list[int] = []
    for request in requests:
        if request.document not in extents:
            row = session.execute(
                select(Document.id, func.length(Document.text)).where(
                    Document.id == document_row(session, request.document).id
                )
            ).first()
            assert row is not None
            extents[request.document] = (row[0], row[1])
        document_id, length = extents[request.document]
        check_span(request.document, length, request.start, request.end)
        if request.code not in code_ids:
            code_ids[request.code] = _code_id(session, request.code)
        if request.coder not in coder_ids:
            coder_ids[request.coder] = coder_id(session, request.coder or coder, known_coders)
        coding = Coding(
            document_id=document_id,
            code_id=code_ids[request.code],
            coder_id=coder_ids[request.coder],
            start=request.start,
            end=request.end,
            memo=request.memo or "",
        )
        changes.add(coding)
        ids.append(coding.id)
    mark_in_progress(changes, {extents[r.document][0] for r in requests})
    if len(ids) == 1:
        changes.summary += f" (coding {ids[0]})"
    return ids


def remove_coding(changes: ChangeSet, coding_id: int) -> None:
    coding = changes.session.get(Coding, coding_id)
    if coding is None:
        raise NotFoundError(f"coding {coding_id}: no such coding")
    changes.delete(coding)


def set_coding_memo(changes: ChangeSet, coding_id: int, memo: str) -> None:
    coding = changes.session.get(Coding, coding_id)
    if coding is None:
        raise NotFoundError(f"coding {coding_id}: no such coding")
    changes.update(coding, memo=memo)


REQUIRED_COLUMNS = ("document", "code", "start", "end")


def read_codings_csv(path: Path) -> list[CodingRequest]:
    """Parse a codings CSV (document, code, start, end[, coder, memo])."""
    if not path.is_file():
        raise IngestError(path, "no such file")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise IngestError(path, "not UTF-8 text") from None
    rows = list(csv.DictReader(text.splitlines()))
    header = [name.strip() for name in (rows[0].keys() if rows else [])]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise IngestError(path, f"missing column(s) {', '.join(missing)} in the header")
    requests = []
    for number, row in enumerate(rows, start=2):
        try:
            start, end = int(row["start"]), int(row["end"])
        except (TypeError, ValueError):
            raise IngestError(path, f"line {number}: start/end must be whole numbers") from None
        requests.append(
            CodingRequest(
                document=(row["document"] or "").strip(),
                code=(row["code"] or "").strip(),
                start=start,
                end=end,
                coder=(row.get("coder") or "").strip() or None,
                memo=row.get("memo") or "",
            )
        )
    return requests
