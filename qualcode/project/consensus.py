"""Resolving two coders' disagreements into the codings of a consensus coder.

Student and supervisor walk the disagreements together and decide each one:
keep A's codings, keep B's, keep both (one passage over the two), or drop
the code there. The outcome is written as codings by a *consensus coder*, a
name they choose, so both originals stay as they were and agreement can
still be computed from them.

Every decision is also written as a memo on the passage (author: the
consensus coder, title ``consensus: keep A's`` and so on, text: the reason
they gave). The memos make the walk resumable — a disagreement with a
decision memo is resolved — and they are where the reason is read later.
A decision is one change, so ctrl+z takes it back, memo and codings together.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from qualcode.analysis.comparison import Disagreement
from qualcode.errors import NotFoundError, QualcodeError
from qualcode.model import Coder, Coding, Document, Memo
from qualcode.project.changes import ChangeSet
from qualcode.project.codetree import code_tree
from qualcode.project.codings import coder_id

#: decision -> the words shown and stored in the memo's title
DECISIONS = {"a": "keep A's", "b": "keep B's", "both": "keep both", "drop": "drop"}
TITLE_PREFIX = "consensus: "


@dataclass(frozen=True)
class Decision:
    """What was decided about one disagreement, read back from its memo."""

    decision: str
    reason: str


def key_of(item: Disagreement) -> tuple[str, tuple[str, ...], int, int]:
    """What identifies a disagreement across sessions (and its decision memo)."""
    return (item.document, tuple(item.code_path), item.start, item.end)


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _ids(session: Session, item: Disagreement) -> tuple[int, int]:
    document_id = session.scalar(select(Document.id).where(Document.name == item.document))
    if document_id is None:
        raise NotFoundError(f"document {item.document!r}: no such document in the project")
    code = next((c for c in code_tree(session) if c.path == item.code_path), None)
    if code is None:
        raise NotFoundError(f"code {' > '.join(item.code_path)!r}: not in the codebook")
    return document_id, code.id


def spans_of(session: Session, item: Disagreement, coder: str) -> list[tuple[int, int]]:
    """``coder``'s spans of the disagreement's code that overlap its passage."""
    document_id, code_id = _ids(session, item)
    rows = session.execute(
        select(Coding.start, Coding.end).join(Coder, Coder.id == Coding.coder_id).where(
            Coding.document_id == document_id, Coding.code_id == code_id,
            Coder.name == coder, Coding.start < item.end, Coding.end > item.start,
        )
    )
    return sorted({(start, end) for start, end in rows})


def consensus_spans(session: Session, item: Disagreement, decision: str,
                    coders: tuple[str, str]) -> list[tuple[int, int]]:
    """The passages the consensus coder gets for ``decision``."""
    a, b = (spans_of(session, item, coder) for coder in coders)
    if decision == "a":
        return a
    if decision == "b":
        return b
    if decision == "both":
        return _union(a + b) or [(item.start, item.end)]
    return []


def decide(
    changes: ChangeSet,
    item: Disagreement,
    decision: str,
    *,
    consensus: str,
    coders: tuple[str, str],
    reason: str = "",
    known_coders: dict[str, int],
) -> list[tuple[int, int]]:
    """Write one decision (codings and memo) through ``changes``; returns the spans coded.

    Deciding a disagreement again replaces the earlier decision.
    """
    if decision not in DECISIONS:
        raise QualcodeError(f"decision {decision!r}: use one of {', '.join(DECISIONS)}")
    if not consensus.strip() or consensus in coders:
        raise QualcodeError(f"consensus coder {consensus!r}: choose a name other than "
                            f"{coders[0]!r} and {coders[1]!r}")
    session = changes.session
    document_id, code_id = _ids(session, item)
    consensus_id = coder_id(session, consensus, known_coders)
    for memo in _decision_memos(session, document_id, code_id, item, consensus):
        changes.delete(memo)
    for coding in session.scalars(select(Coding).where(
        Coding.document_id == document_id, Coding.code_id == code_id,
        Coding.coder_id == consensus_id, Coding.start < item.end, Coding.end > item.start,
    )).all():
        changes.delete(coding)
    spans = consensus_spans(session, item, decision, coders)
    for start, end in spans:
        changes.add(Coding(document_id=document_id, code_id=code_id, coder_id=consensus_id,
                           start=start, end=end, memo=reason))
    changes.add(Memo(document_id=document_id, code_id=code_id, start=item.start, end=item.end,
                     author=consensus, title=TITLE_PREFIX + DECISIONS[decision], text=reason))
    return spans


def _decision_memos(session: Session, document_id: int, code_id: int, item: Disagreement,
                    consensus: str) -> list[Memo]:
    return list(session.scalars(select(Memo).where(
        Memo.document_id == document_id, Memo.code_id == code_id, Memo.start == item.start,
        Memo.end == item.end, Memo.author == consensus, Memo.title.startswith(TITLE_PREFIX),
    )))


def decisions(session: Session, consensus: str) -> dict[tuple, Decision]:
    """Every decision the consensus coder has made, by disagreement key."""
    paths = {c.id: c.path for c in code_tree(session)}
    names = dict(session.execute(select(Document.id, Document.name)).all())
    labels = {label: key for key, label in DECISIONS.items()}
    found: dict[tuple, Decision] = {}
    for memo in session.scalars(select(Memo).where(
        Memo.author == consensus, Memo.title.startswith(TITLE_PREFIX)
    )):
        if memo.document_id is None or memo.code_id is None or memo.start is None:
            continue
        key = (names[memo.document_id], paths[memo.code_id], memo.start, memo.end)
        found[key] = Decision(labels.get(memo.title[len(TITLE_PREFIX):], "drop"), memo.text)
    return found
