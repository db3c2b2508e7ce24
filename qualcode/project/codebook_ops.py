"""Codebook changes: merging a codebook file in, and editing codes one by one.

Every operation is one undoable change. Deleting or merging moves or removes
codings explicitly through the ChangeSet (never by database cascade), so undo
restores them. The functions work inside a change ``Project`` opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qualcode.errors import QualcodeError
from qualcode.model import Code, Coding
from qualcode.project.changes import ChangeSet
from qualcode.project.codetree import code_tree, find_child, next_sort_order, resolve
from qualcode.project.values import CodeInfo

if TYPE_CHECKING:
    from qualcode.codebook import CodebookSpec

EDITABLE = ("description", "inclusion", "exclusion", "example", "color", "key")


def check_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Refuse unknown fields, a malformed colour or shortcut key (before any change opens)."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise QualcodeError(f"code: unknown field(s) {', '.join(sorted(unknown))}")
    color = fields.get("color")
    if color is not None:
        from qualcode.codebook.colors import normalise_color

        try:
            fields["color"] = normalise_color(color)
        except ValueError as error:
            raise QualcodeError(str(error)) from None
    key = fields.get("key")
    if key is not None and (len(key) != 1 or key.isspace()):
        raise QualcodeError(f"shortcut key {key!r}: must be one character")
    return fields


def _check_key_free(changes: ChangeSet, key: str | None, code_id: int | None) -> None:
    if not key:
        return
    other = changes.session.scalar(select(Code).where(Code.key == key, Code.id != (code_id or -1)))
    if other is not None:
        raise QualcodeError(f"shortcut key {key!r}: already used by code {other.name!r}")


def _check_name(changes: ChangeSet, parent_id: int | None, name: str, code_id: int | None) -> str:
    name = name.strip()
    if not name or ">" in name:
        raise QualcodeError(f"code name {name!r}: must be non-empty and without '>'")
    twin = find_child(changes.session, parent_id, name)
    if twin is not None and twin.id != code_id:
        raise QualcodeError(f"code {name!r}: a sibling with that name already exists")
    return name


def add_code(changes: ChangeSet, parent: str | None, name: str, fields: dict[str, Any]) -> int:
    """Create a code under ``parent`` (a path or unique name; None for top level)."""
    parent_id = resolve(code_tree(changes.session), parent).id if parent else None
    name = _check_name(changes, parent_id, name, None)
    _check_key_free(changes, fields.get("key"), None)
    code = Code(
        parent_id=parent_id,
        name=name,
        sort_order=next_sort_order(changes.session, parent_id),
        **fields,
    )
    changes.add(code)
    return code.id


def rename_code(changes: ChangeSet, path: str, new_name: str) -> None:
    code = changes.session.get(Code, resolve(code_tree(changes.session), path).id)
    assert code is not None
    new_name = _check_name(changes, code.parent_id, new_name, code.id)
    changes.update(code, name=new_name)


def update_code(changes: ChangeSet, path: str, fields: dict[str, Any]) -> None:
    """Change description, inclusion, exclusion, example, colour or shortcut key."""
    code = changes.session.get(Code, resolve(code_tree(changes.session), path).id)
    assert code is not None
    _check_key_free(changes, fields.get("key"), code.id)
    changes.update(code, **fields)


def move_code(changes: ChangeSet, path: str, new_parent: str | None) -> None:
    """Re-parent a code (with its children); None moves it to the top level."""
    tree = code_tree(changes.session)
    moving = resolve(tree, path)
    parent = resolve(tree, new_parent) if new_parent else None
    if parent is not None and parent.path[: len(moving.path)] == moving.path:
        raise QualcodeError(f"code {path!r}: cannot move a code under itself")
    parent_id = parent.id if parent else None
    code = changes.session.get(Code, moving.id)
    assert code is not None
    _check_name(changes, parent_id, code.name, code.id)
    changes.update(
        code, parent_id=parent_id, sort_order=next_sort_order(changes.session, parent_id)
    )


def _subtree_ids(tree: list[CodeInfo], root_path: tuple[str, ...]) -> list[int]:
    """Ids of a code and its descendants, deepest first (safe deletion order)."""
    inside = [c for c in tree if c.path[: len(root_path)] == root_path]
    return [c.id for c in sorted(inside, key=lambda c: -len(c.path))]


def delete_code(changes: ChangeSet, path: str) -> int:
    """Delete a code, its sub-codes and their codings; returns codings removed."""
    tree = code_tree(changes.session)
    ids = _subtree_ids(tree, resolve(tree, path).path)
    removed = 0
    for coding in changes.session.scalars(select(Coding).where(Coding.code_id.in_(ids))):
        changes.delete(coding)
        removed += 1
    for code_id in ids:
        code = changes.session.get(Code, code_id)
        assert code is not None
        changes.delete(code)
    changes.summary += f" ({removed} codings)"
    return removed


def codings_under(session: Session, path: str) -> int:
    """How many codings a delete of ``path`` would remove (for the confirmation)."""
    tree = code_tree(session)
    ids = _subtree_ids(tree, resolve(tree, path).path)
    return len(session.scalars(select(Coding.id).where(Coding.code_id.in_(ids))).all())


def merge_codes(changes: ChangeSet, source: str, target: str) -> int:
    """Move every coding of ``source`` to ``target`` and delete ``source``.

    Sub-codes of the source move under the target. Returns codings moved.
    """
    tree = code_tree(changes.session)
    gone, survivor = resolve(tree, source), resolve(tree, target)
    if gone.id == survivor.id:
        raise QualcodeError(f"code {source!r}: cannot merge a code into itself")
    if survivor.path[: len(gone.path)] == gone.path:
        raise QualcodeError(f"code {source!r}: cannot merge a code into its own sub-code")
    moved = 0
    for coding in changes.session.scalars(select(Coding).where(Coding.code_id == gone.id)):
        changes.update(coding, code_id=survivor.id)
        moved += 1
    for child in changes.session.scalars(select(Code).where(Code.parent_id == gone.id)):
        _check_name(changes, survivor.id, child.name, child.id)
        changes.update(child, parent_id=survivor.id)
    code = changes.session.get(Code, gone.id)
    assert code is not None
    changes.delete(code)
    return moved


def merge_codebook(changes: ChangeSet, spec: CodebookSpec) -> tuple[int, int]:
    """Add the codes of a codebook file, matching existing ones by GUID, then path.

    Matching codes get the file's non-empty fields; new ones are created.
    Returns (added, updated).
    """
    added = updated = 0
    session = changes.session
    ids_by_path: dict[tuple[str, ...], int] = {c.path: c.id for c in code_tree(session)}
    by_guid = {c.guid: c for c in session.scalars(select(Code))}
    for path, item in spec.walk():
        parent_id = ids_by_path.get(path[:-1]) if len(path) > 1 else None
        existing = by_guid.get(item.guid) if item.guid else None
        if existing is None and path in ids_by_path:
            existing = session.get(Code, ids_by_path[path])
        fields = {
            name: getattr(item, name)
            for name in EDITABLE
            if getattr(item, name) not in (None, "")
        }
        if fields.get("key"):
            holder = session.scalar(select(Code).where(Code.key == fields["key"]))
            if holder is not None and (existing is None or holder.id != existing.id):
                raise QualcodeError(
                    f"{spec.source}: shortcut key {fields['key']!r} of "
                    f"{' > '.join(path)} is already used by {holder.name!r}"
                )
        if existing is not None:
            changes.update(existing, **fields)
            ids_by_path[path] = existing.id
            updated += 1
            continue
        code = Code(
            parent_id=parent_id,
            name=path[-1],
            sort_order=next_sort_order(session, parent_id),
            **fields,
        )
        if item.guid:
            code.guid = item.guid
        changes.add(code)
        ids_by_path[path] = code.id
        added += 1
    changes.summary += f" ({added} added, {updated} updated)"
    return added, updated

