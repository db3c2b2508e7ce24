"""The project's codebook as a :class:`CodebookSpec`, and colours for uncoloured codes.

Writing the codebook out (YAML, CSV, Excel) starts from :func:`spec_from_tree`,
so every format carries the same codes, in codebook order, with their GUIDs:
a file written here and read into another project gives identical codes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qualcode.model import Code
from qualcode.project.changes import ChangeSet
from qualcode.project.codetree import code_tree

if TYPE_CHECKING:
    from qualcode.codebook import CodebookSpec, CodeSpec
    from qualcode.project.values import CodeInfo


def spec_from_tree(codes: list[CodeInfo], name: str, language: str | None) -> CodebookSpec:
    """Nest codes (in codebook order, as :func:`code_tree` gives them) into a spec."""
    from qualcode.codebook import CodebookSpec, CodeSpec

    children: dict[int | None, list[CodeInfo]] = {}
    for code in codes:
        children.setdefault(code.parent_id, []).append(code)

    def build(code: CodeInfo) -> CodeSpec:
        return CodeSpec(
            name=code.name,
            description=code.description,
            inclusion=code.inclusion,
            exclusion=code.exclusion,
            example=code.example,
            color=code.color,
            key=code.key,
            guid=code.guid,
            children=tuple(build(child) for child in children.get(code.id, [])),
        )

    return CodebookSpec(
        name=name,
        codes=tuple(build(code) for code in children.get(None, [])),
        source=name,
        language=language,
    )


def assign_code_colours(changes: ChangeSet) -> int:
    """Give every code without a colour one (see :func:`qualcode.codebook.assign_colors`).

    Top-level codes get distinct palette colours; sub-codes get shades of
    their category's hue. Colours already set are kept. Returns how many
    codes got a colour.
    """
    from qualcode.codebook import assign_colors

    tree = code_tree(changes.session)
    coloured = assign_colors(spec_from_tree(tree, "codebook", None))
    by_path = dict(coloured.walk())
    count = 0
    for code in tree:
        if code.color:
            continue
        row = changes.session.get(Code, code.id)
        assert row is not None
        changes.update(row, color=by_path[code.path].color)
        count += 1
    changes.summary = f"give {count} uncoloured codes a colour"
    return count


__all__ = ["assign_code_colours", "spec_from_tree"]
