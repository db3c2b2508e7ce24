"""Search across a study, auto-code what it finds, and query the codings.

The functions here take an open :class:`~qualcode.project.Project`; matching
and indexing live in :mod:`qualcode.search.query` and
:mod:`qualcode.search.index`, coding queries in :mod:`qualcode.search.coding_query`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qualcode.errors import QualcodeError
from qualcode.search.query import MODES, ROLES, SearchHit, SearchQuery, search

if TYPE_CHECKING:
    from qualcode.project import Project
    from qualcode.project.values import DocumentText

SCOPES = ("match", "sentence", "turn")

__all__ = ["MODES", "ROLES", "SCOPES", "AutoCoding", "SearchHit", "auto_code", "find"]


def resolve_documents(project: Project, names: Sequence[str]) -> frozenset[int] | None:
    """Document ids for names as typed (full names or unique prefixes), through the
    Project's one resolver, so an ambiguous prefix is refused the same way everywhere."""
    if not names:
        return None
    ids = {d.name: d.id for d in project.documents()}
    return frozenset(ids[project.resolve_document(typed)] for typed in names)


def code_with_children(project: Project, path: str) -> frozenset[int]:
    target = project.code(path)
    return frozenset(c.id for c in project.codes() if c.is_within(target))


def find(
    project: Project,
    text: str,
    *,
    mode: str = "stem",
    roles: Sequence[str] = (),
    documents: Sequence[str] = (),
    attributes: Mapping[str, str] | None = None,
    in_code: str | None = None,
) -> list[SearchHit]:
    """Every hit of ``text`` in the study, in interview order."""
    for role in roles:
        if role not in ROLES:
            raise QualcodeError(f"role {role!r}: use one of {', '.join(ROLES)}")
    query = SearchQuery(
        text=text,
        mode=mode,
        roles=tuple(roles),
        document_ids=resolve_documents(project, documents),
        attributes=dict(attributes or {}),
        in_code_ids=code_with_children(project, in_code) if in_code else None,
    )
    with project.read() as session:
        return search(session, project.language, query)


@dataclass(frozen=True)
class AutoCoding:
    """What auto-coding did: passages coded, and hits left alone because already coded."""

    code_path: tuple[str, ...]
    scope: str
    hits: int
    coded: int
    already_coded: int
    coding_ids: tuple[int, ...]


def passages(
    project: Project, hits: Sequence[SearchHit], scope: str
) -> dict[str, list[tuple[int, int]]]:
    """Document -> distinct spans to code for ``hits`` at ``scope``, in text order."""
    if scope not in SCOPES:
        raise QualcodeError(f"scope {scope!r}: use one of {', '.join(SCOPES)}")
    spans: dict[str, set[tuple[int, int]]] = {}
    structure: dict[str, DocumentText] = {}
    for hit in hits:
        if scope == "match":
            span = (hit.start, hit.end)
        else:
            if hit.document not in structure:
                structure[hit.document] = project.document_text(hit.document)
            span = _enclosing(structure[hit.document], hit.start, hit.end, scope)
        spans.setdefault(hit.document, set()).add(span)
    return {document: sorted(found) for document, found in spans.items()}


def _enclosing(document: DocumentText, start: int, end: int, scope: str) -> tuple[int, int]:
    """The sentences, or the speaker turns' sentences (label left out), around a hit."""
    if scope == "turn":
        turns = [(t.start, t.end) for t in document.turns if t.start < end and start < t.end]
        if turns:
            start, end = min(s for s, _ in turns), max(e for _, e in turns)
    inside = [(s, e) for s, e in document.sentences if s < end and start < e]
    if not inside:
        return start, end
    return min(s for s, _ in inside), max(e for _, e in inside)


def auto_code(
    project: Project,
    hits: Sequence[SearchHit],
    code: str,
    scope: str = "match",
    *,
    query: str = "",
) -> AutoCoding:
    """Code every hit (its match, sentence or turn) with ``code`` as ONE undoable change.

    A passage already covered by a coding of this code by this coder is not
    coded again; nothing at all is written when every hit is covered already.
    """
    from qualcode.project.codings import CodingRequest

    target = project.code(code)
    wanted = passages(project, hits, scope)
    existing: dict[str, list[tuple[int, int]]] = {}
    for coding in project.codings(code=target.path_text):
        if coding.coder == project.coder:
            existing.setdefault(coding.document, []).append((coding.start, coding.end))
    requests = []
    already = 0
    for document, spans in wanted.items():
        for start, end in spans:
            if any(s <= start and end <= e for s, e in existing.get(document, [])):
                already += 1
                continue
            requests.append(CodingRequest(document, target.path_text, start, end))
    ids: list[int] = []
    if requests:
        ids = project.add_codings(requests, source=f"search {query!r} ({scope})")
    return AutoCoding(
        code_path=target.path,
        scope=scope,
        hits=len(hits),
        coded=len(ids),
        already_coded=already,
        coding_ids=tuple(ids),
    )
