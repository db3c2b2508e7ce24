"""Known departures of real REFI-QDA files from the standard, repaired before validation.

Big tools write files that differ from the schemas in a few known ways.
Each is put right here, in place, and described in one line for the import
report; anything else that breaks the schema is then refused by validation.

* the codebook of a project written in the codebook namespace
  (``urn:QDA-XML:codebook:1.0``), or elements without a namespace;
* ``Sets/Set/MemberCode`` with ``guid`` (codebook schema) where the project
  schema has ``targetGUID``, and the reverse in a ``.qdc``;
* ``Case/MemberSource`` where the project schema has ``Case/SourceRef``.
"""

from __future__ import annotations

from typing import Any

from qualcode.refi.xml import CODEBOOK_NS, PROJECT_NS

CASE_ORDER = ("Description", "CodeRef", "VariableValue", "SourceRef", "SelectionRef")


def _split(tag: Any) -> tuple[str | None, str]:
    if not isinstance(tag, str):
        return None, ""
    if tag.startswith("{"):
        ns, local = tag[1:].split("}", 1)
        return ns, local
    return None, tag


def _move_namespace(root: Any, wanted: str) -> list[str]:
    strays = root.xpath("//*[namespace-uri() != $ns]", ns=wanted)
    moved: dict[str, int] = {}
    for node in strays:
        ns, local = _split(node.tag)
        if not local or ns == wanted:
            continue
        node.tag = f"{{{wanted}}}{local}"
        moved[ns or "(none)"] = moved.get(ns or "(none)", 0) + 1
    return [
        f"{count} element(s) in namespace {ns} read as {wanted}" for ns, count in moved.items()
    ]


def repair_codebook(root: Any) -> list[str]:
    """Repair a ``.qdc`` document in place; returns what was repaired."""
    repairs = _move_namespace(root, CODEBOOK_NS)
    renamed = 0
    for member in root.iter(f"{{{CODEBOOK_NS}}}MemberCode"):
        if member.get("guid") is None and member.get("targetGUID") is not None:
            member.set("guid", member.attrib.pop("targetGUID"))
            renamed += 1
    if renamed:
        repairs.append(f"{renamed} set member(s) with targetGUID read as guid")
    return repairs


def repair_project(root: Any) -> list[str]:
    """Repair a ``.qde`` document in place; returns what was repaired."""
    repairs = _move_namespace(root, PROJECT_NS)
    renamed = 0
    for member in root.iter(f"{{{PROJECT_NS}}}MemberCode"):
        if member.get("targetGUID") is None and member.get("guid") is not None:
            member.set("targetGUID", member.attrib.pop("guid"))
            renamed += 1
    if renamed:
        repairs.append(f"{renamed} set member(s) with guid read as targetGUID")
    moved = 0
    for case in root.iter(f"{{{PROJECT_NS}}}Case"):
        members = case.findall(f"{{{PROJECT_NS}}}MemberSource")
        if not members:
            continue
        for member in members:
            member.tag = f"{{{PROJECT_NS}}}SourceRef"
            if member.get("targetGUID") is None and member.get("guid") is not None:
                member.set("targetGUID", member.attrib.pop("guid"))
            moved += 1
        ordered = sorted(
            case,
            key=lambda node: CASE_ORDER.index(_split(node.tag)[1])
            if _split(node.tag)[1] in CASE_ORDER
            else len(CASE_ORDER),
        )
        case[:] = ordered
    if moved:
        repairs.append(f"{moved} case member(s) <MemberSource> read as <SourceRef>")
    return repairs
