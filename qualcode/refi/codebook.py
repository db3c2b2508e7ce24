"""REFI-QDA codebooks in: a ``.qdc`` file, or the CodeBook of a project.

Both become a :class:`qualcode.codebook.CodebookSpec` with the GUIDs kept,
so merging into a project matches codes by GUID first, then by path. What
qualcode's codebook rules forbid but other tools allow is repaired and
reported, never refused: a ``>`` in a name (our path separator) becomes
``›``; an empty name becomes ``(unnamed)``; two sibling codes with the same
name get `` (2)``, `` (3)`` appended.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qualcode.codebook import CodebookSpec, CodeSpec, normalise_color
from qualcode.codebook.spec import MAX_NAME_LENGTH, name_key
from qualcode.errors import CodebookError

_SECTION = re.compile(r"\n\n(Inclusion|Exclusion|Example): ")


@dataclass
class CodebookRead:
    """A codebook read from REFI-QDA XML, with what had to be repaired."""

    spec: CodebookSpec
    folders: set[str] = field(default_factory=set)
    repairs: list[str] = field(default_factory=list)
    sets: int = 0


def split_description(text: str) -> dict[str, str]:
    """Undo :func:`qualcode.refi.writing.code_description`.

    A description written by another tool has no such paragraphs and comes
    back whole as the description.
    """
    text = (text or "").strip()
    pieces = _SECTION.split("\n\n" + text)
    result = {"description": pieces[0].strip()}
    for label, body in zip(pieces[1::2], pieces[2::2], strict=True):
        result[label.lower()] = body.strip()
    return result


def _local(node: Any) -> str:
    tag = node.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(node: Any, name: str) -> list[Any]:
    """Child elements called ``name`` in any namespace (lxml's fast path)."""
    return node.findall("{*}" + name)


def child_text(node: Any, name: str) -> str:
    found = children(node, name)
    return (found[0].text or "") if found else ""


def codes_from_xml(codes_node: Any | None, source: str) -> CodebookRead:
    """Read a ``Codes`` element (namespace already checked) into a CodebookSpec."""
    from qualcode.refi.xml import guid_key

    read = CodebookRead(CodebookSpec(name=Path(source).stem, codes=(), source=source))

    def build(node: Any, trail: tuple[str, ...]) -> tuple[CodeSpec, ...]:
        result: list[CodeSpec] = []
        taken: set[str] = set()
        for code in children(node, "Code"):
            original = code.get("name") or ""
            name = " ".join(original.replace(">", "›").split())[:MAX_NAME_LENGTH] or "(unnamed)"
            base, counter = name, 1
            while name_key(name) in taken:
                counter += 1
                name = f"{base} ({counter})"
            taken.add(name_key(name))
            if name != original:
                where = " > ".join((*trail, original or "(empty)"))
                read.repairs.append(f"code {where!r} renamed to {name!r}")
            color = None
            if code.get("color"):
                try:
                    color = normalise_color(code.get("color"))
                except ValueError:
                    read.repairs.append(f"code {name!r}: colour {code.get('color')!r} ignored")
            texts = split_description(child_text(code, "Description"))
            guid = guid_key(code.get("guid"))
            if code.get("isCodable", "true").strip().lower() in ("false", "0") and guid:
                read.folders.add(guid)
            result.append(
                CodeSpec(
                    name=name,
                    description=texts.get("description", ""),
                    inclusion=texts.get("inclusion", ""),
                    exclusion=texts.get("exclusion", ""),
                    example=texts.get("example", ""),
                    color=color,
                    guid=guid,
                    children=build(code, (*trail, name)),
                )
            )
        return tuple(result)

    codes = build(codes_node, ()) if codes_node is not None else ()
    read.spec = CodebookSpec(name=Path(source).stem, codes=codes, source=source)
    return read


def read_qdc(path: Path) -> CodebookSpec:
    """The codebook in a REFI-QDA ``.qdc`` file (chosen by :mod:`qualcode.codebook_files`)."""
    return read_qdc_file(path).spec


def read_qdc_file(path: Path) -> CodebookRead:
    """Read and validate a ``.qdc`` file; a :class:`CodebookError` names file and problem."""
    from lxml import etree

    from qualcode.codebook import read_text
    from qualcode.refi.repair import repair_codebook
    from qualcode.refi.xml import parser, schema_problem

    path = Path(path)
    read_text(path)  # refuses a missing, huge or non-UTF-8 file with a one-line error
    try:
        root = etree.fromstring(path.read_bytes(), parser())
    except etree.XMLSyntaxError as error:
        raise CodebookError(path, f"not well-formed XML: {error.msg}", error.lineno) from None
    repairs = repair_codebook(root)
    if root.tag != "{urn:QDA-XML:codebook:1.0}CodeBook":
        raise CodebookError(path, f"not a REFI-QDA codebook (root element <{_local(root)}>)")
    problem = schema_problem("Codebook", root)
    if problem is not None:
        raise CodebookError(path, f"does not follow the REFI-QDA codebook schema: {problem}")
    codes = children(root, "Codes")
    read = codes_from_xml(codes[0] if codes else None, str(path))
    read.repairs[:0] = repairs
    sets = children(root, "Sets")
    read.sets = len(children(sets[0], "Set")) if sets else 0
    return read
