"""The code tree: paths, codebook order, and resolving what a user typed.

Codebook order is depth-first, siblings by ``sort_order`` then id. A code is
identified to users by its path (``Belasting > Objectieve belasting``) or, when
unambiguous, by its name alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from qualcode.errors import NotFoundError, QualcodeError
from qualcode.model import Code
from qualcode.project.values import CodeInfo

PATH_SEPARATOR = " > "


def split_path(text: str) -> tuple[str, ...]:
    parts = tuple(part.strip() for part in text.split(">"))
    if not text.strip() or any(not part for part in parts):
        raise QualcodeError(f"code {text!r}: not a code path (use 'Parent > Child')")
    return parts


def code_tree(session: Session) -> list[CodeInfo]:
    """All codes in codebook order, with their paths."""
    # Plain column rows, not ORM objects: this runs on every coding and the
    # ORM identity map would triple its cost.
    rows = session.execute(
        select(
            Code.id, Code.guid, Code.parent_id, Code.name, Code.description, Code.inclusion,
            Code.exclusion, Code.example, Code.color, Code.key, Code.sort_order,
        )
    ).all()
    children: dict[int | None, list[Any]] = defaultdict(list)
    for row in rows:
        children[row.parent_id].append(row)
    for siblings in children.values():
        siblings.sort(key=lambda c: (c.sort_order, c.id))
    result: list[CodeInfo] = []

    def walk(parent_id: int | None, prefix: tuple[str, ...]) -> None:
        for code in children.get(parent_id, []):
            path = (*prefix, code.name)
            result.append(
                CodeInfo(
                    id=code.id,
                    guid=code.guid,
                    parent_id=code.parent_id,
                    path=path,
                    description=code.description,
                    inclusion=code.inclusion,
                    exclusion=code.exclusion,
                    example=code.example,
                    color=code.color,
                    key=code.key,
                    depth=len(prefix),
                )
            )
            walk(code.id, path)

    walk(None, ())
    return result


def resolve(codes: Sequence[CodeInfo], text: str) -> CodeInfo:
    """Find a code by full path, or by a name that only one code has."""
    path = split_path(text)
    for code in codes:
        if code.path == path:
            return code
    if len(path) == 1:
        named = [code for code in codes if code.name.casefold() == path[0].casefold()]
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            options = "; ".join(code.path_text for code in named)
            raise QualcodeError(f"code {text!r}: ambiguous, could be {options}")
    raise NotFoundError(f"code {text!r}: no such code in the codebook")


def children_of(parent_id: int | None) -> ColumnElement[bool]:
    """The codes directly under ``parent_id`` (None: the top level, which needs IS NULL)."""
    return Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id


def resolve_id(session: Session, text: str) -> int:
    """The id of the code ``text`` names, by path or unique name (see :func:`resolve`).

    Walks the path with one small query per level instead of building the
    whole tree: this runs on every coding. Falls back to :func:`resolve` for
    the case-insensitive name search and its error messages.
    """
    path = split_path(text)
    parent_id: int | None = None
    for name in path:
        parent_id = session.scalar(
            select(Code.id).where(children_of(parent_id), Code.name == name)
        )
        if parent_id is None:
            return resolve(code_tree(session), text).id
    assert parent_id is not None
    return parent_id


def find_child(session: Session, parent_id: int | None, name: str) -> Code | None:
    return session.scalar(select(Code).where(children_of(parent_id), Code.name == name))


def next_sort_order(session: Session, parent_id: int | None) -> int:
    siblings = session.scalars(select(Code.sort_order).where(children_of(parent_id))).all()
    return max(siblings, default=-1) + 1
