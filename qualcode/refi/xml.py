"""XML plumbing shared by the REFI-QDA reader and writers.

Namespaces, the schema files shipped in ``qualcode/refi/schema`` (our own
rendering of the standard, see docs/refi-qda.md), a parser that never
fetches anything or expands entities (a ``.qdpx`` comes from elsewhere),
and GUID helpers. lxml is imported here only, and this module is imported
lazily, so start-up does not pay for it.
"""

from __future__ import annotations

import functools
import hashlib
import re
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from lxml import etree

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
SCHEMA_DIR = Path(__file__).with_name("schema")

#: Namespace for GUIDs qualcode derives from its own GUIDs (selections,
#: notes of codings): the same input always gives the same GUID.
DERIVED = uuid.UUID("6f1c2a8e-3b7d-5e40-9a51-0c2d7e9b4f13")
_DERIVED_BYTES = DERIVED.bytes

_HEX = "[0-9a-fA-F]"
_GUID = re.compile(
    rf"^\{{?({_HEX}{{8}}-{_HEX}{{4}}-{_HEX}{{4}}-{_HEX}{{4}}-{_HEX}{{12}})\}}?$"
)


@functools.cache
def schema(kind: str) -> etree.XMLSchema:
    """The shipped schema, ``"Project"`` or ``"Codebook"`` (parsed once)."""
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / f"{kind}.xsd")))


def parser() -> etree.XMLParser:
    """A parser for untrusted files: no entities, no DTD or network fetches."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True,
        remove_blank_text=False,
    )


def schema_problem(kind: str, root: etree._Element) -> str | None:
    """The first schema violation of ``root`` as one line, or None if valid."""
    checker = schema(kind)
    if checker.validate(root):
        return None
    errors: Any = checker.error_log  # lxml-stubs declare its error log without members
    error = errors[0]
    message = re.sub(r"\{urn:QDA-XML:\w+:1\.0\}", "", error.message)
    return f"line {error.line}: {message}"


def guid_key(value: str | None) -> str | None:
    """A GUID as qualcode stores it: lower case, without braces."""
    if not value:
        return None
    value = value.strip()
    if value[:1] != "{" and value[-1:] != "}":
        return value.lower()  # what the pattern would give, without running it
    match = _GUID.match(value)
    return match.group(1).lower() if match else value.lower()


def derived_guid(kind: str, guid: str) -> str:
    """A stable GUID for something qualcode has no row for (e.g. a selection).

    The same value as ``uuid.uuid5(DERIVED, f"{kind}:{guid}")``, computed
    without building UUID objects (an export derives tens of thousands).
    """
    digest = bytearray(hashlib.sha1(_DERIVED_BYTES + f"{kind}:{guid}".encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def xml_datetime(value: datetime | None) -> str | None:
    """A stored (naive UTC) time as xsd:dateTime, e.g. ``2025-03-01T10:04:00Z``."""
    if value is None:
        return None
    return value.replace(microsecond=0).isoformat() + "Z"


def element(tag: str, ns: str, attrib: dict[str, Any] | None = None, **kwargs: Any) -> Any:
    """An element in ``ns`` with the attributes that are not None, as text."""
    clean = {k: xml_safe(str(v)) for k, v in (attrib or {}).items() if v is not None}
    # lxml takes None as the default namespace's prefix; lxml-stubs type the keys as str
    return etree.Element(
        f"{{{ns}}}{tag}", clean, nsmap={None: ns}, **kwargs  # type: ignore[dict-item]
    )


def sub(
    parent: Any, tag: str, attrib: dict[str, Any] | None = None, text: str | None = None
) -> Any:
    parent_tag = parent.tag
    ns = parent_tag[: parent_tag.index("}") + 1]
    clean = {
        k: (xml_safe(v) if k == "name" else str(v))
        for k, v in (attrib or {}).items()
        if v is not None
    }
    child = etree.SubElement(parent, ns + tag, clean)
    if text is not None:
        child.text = xml_safe(text)
    return child


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text without the few characters XML 1.0 cannot hold (stored texts have none)."""
    return _NOT_XML.sub("", text)


def to_bytes(root: Any) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
