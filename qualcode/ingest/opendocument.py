"""Reading ``.odt`` transcripts (LibreOffice / OpenOffice Writer).

Paragraphs, headings, list items and table rows come out in reading order, a
paragraph per line (table rows as cells separated by a tab). ODF stores
repeated spaces, tabs and manual line breaks as elements (``text:s``,
``text:tab``, ``text:line-break``) and collapses whitespace in plain text
nodes, so both are reproduced here. Tracked changes read as accepted: ODF
keeps deleted text in a ``text:tracked-changes`` block, which is skipped.
Annotations become :class:`AnchoredComment`; footnotes and frames are left out.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.sax import SAXException

from qualcode.errors import IngestError
from qualcode.ingest.limits import (
    DEFAULT,
    MAX_REPEAT,
    Limits,
    check_text_length,
    check_xml_parts,
)
from qualcode.ingest.model import AnchoredComment
from qualcode.ingest.normalise import normalise, normalise_marked

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DC = "http://purl.org/dc/elements/1.1/"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_WHITESPACE = re.compile(r"[ \t\r\n]+")
_SKIPPED_BLOCKS = {
    (_TEXT, "tracked-changes"),
    (_TEXT, "sequence-decls"),
    (_TEXT, "variable-decls"),
    (_TEXT, "user-field-decls"),
    (_OFFICE, "forms"),
    (_TABLE, "covered-table-cell"),
}
_SKIPPED_INLINE = {(_TEXT, "note"), (_DRAW, "frame"), (_TEXT, "tracked-changes")}


def read_odt(
    path: Path, data: bytes, limits: Limits = DEFAULT
) -> tuple[str, list[AnchoredComment], int]:
    """Return ``(normalised text, comments, removed control count)``.

    The archive is checked against ``limits`` before odfpy builds its (large)
    object tree, repeat counts are clamped, and the text length is checked as
    it grows.
    """
    if not data:
        raise IngestError(path, "empty file")
    check_xml_parts(path, data, limits)
    from odf.opendocument import load

    try:
        document = load(io.BytesIO(data))
        body = document.text
        walker = _Walker(path, limits)
        walker.blocks(body)
    except (zipfile.BadZipFile, KeyError, SAXException, ValueError, AttributeError) as error:
        raise IngestError(path, f"not a valid OpenDocument text: {error}") from error

    positions = [p for span in walker.anchors.values() for p in span[:2]]
    text, where, removed = normalise_marked("".join(walker.out), positions)
    comments = [
        AnchoredComment(where[start], where[end], author, normalise(note)[0].strip())
        for start, end, author, note in walker.anchors.values()
    ]
    comments.sort(key=lambda c: (c.start, c.end))
    return text, comments, removed


def _repeat(value: str | None) -> int:
    """ODF's ``c`` repeat count, clamped to :data:`MAX_REPEAT` (a bad count reads as 1)."""
    try:
        count = int(value or 1)
    except ValueError:
        return 1
    return max(1, min(count, MAX_REPEAT))


def _name(element) -> str | None:
    for (_, local), value in element.attributes.items():
        if local == "name":
            return value
    return None


def _plain(element) -> str:
    """All text inside an element, paragraphs on their own lines (for notes)."""
    parts = []
    for child in element.childNodes:
        if child.nodeType == child.TEXT_NODE:
            parts.append(child.data)
        elif child.qname == (_TEXT, "p"):
            parts.append(_plain(child) + "\n")
        elif child.qname != (_DC, "creator") and child.qname != (_DC, "date"):
            parts.append(_plain(child))
    return "".join(parts)


class _Walker:
    def __init__(self, path: Path, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.out: list[str] = []
        self.length = 0
        self.anchors: dict[object, list] = {}
        self._first_block = True

    def emit(self, text: str) -> None:
        if text:
            self.out.append(text)
            self.length += len(text)
            if self.length > self.limits.max_text_bytes:
                check_text_length(self.path, self.length, self.limits)

    def blocks(self, parent, separator: str = "\n") -> None:
        for child in parent.childNodes:
            if child.nodeType != child.ELEMENT_NODE or child.qname in _SKIPPED_BLOCKS:
                continue
            if child.qname in ((_TEXT, "p"), (_TEXT, "h")):
                if not self._first_block:
                    self.emit(separator)
                self._first_block = False
                self.inline(child)
            elif child.qname == (_TABLE, "table"):
                self.table(child, separator)
            else:
                self.blocks(child, separator)

    def table(self, table, separator: str) -> None:
        for row in self._rows(table):
            if not self._first_block:
                self.emit(separator)
            cells = [
                c
                for c in row.childNodes
                if c.nodeType == c.ELEMENT_NODE and c.qname == (_TABLE, "table-cell")
            ]
            for index, cell in enumerate(cells):
                if index:
                    self.emit("\t")
                self._first_block = True
                self.blocks(cell, separator=" ")
            self._first_block = False

    def _rows(self, element):
        for child in element.childNodes:
            if child.nodeType != child.ELEMENT_NODE:
                continue
            if child.qname == (_TABLE, "table-row"):
                yield child
            elif child.qname[0] == _TABLE and child.qname[1].startswith("table-"):
                yield from self._rows(child)

    def inline(self, element) -> None:
        for child in element.childNodes:
            if child.nodeType == child.TEXT_NODE:
                self.emit(_WHITESPACE.sub(" ", child.data))
                continue
            if child.nodeType != child.ELEMENT_NODE or child.qname in _SKIPPED_INLINE:
                continue
            namespace, local = child.qname
            if namespace == _TEXT and local == "s":
                self.emit(" " * _repeat(child.getAttrNS(_TEXT, "c")))
            elif namespace == _TEXT and local == "tab":
                self.emit("\t")
            elif namespace == _TEXT and local == "line-break":
                self.emit("\n")
            elif namespace == _OFFICE and local == "annotation":
                self.annotation(child)
            elif namespace == _OFFICE and local == "annotation-end":
                anchor = self.anchors.get(_name(child))
                if anchor is not None:
                    anchor[1] = self.length
            else:
                self.inline(child)

    def annotation(self, element) -> None:
        creators = [
            _plain(c)
            for c in element.childNodes
            if c.nodeType == c.ELEMENT_NODE and c.qname == (_DC, "creator")
        ]
        key = _name(element) or object()
        note = _plain(element)
        self.anchors[key] = [self.length, self.length, creators[0] if creators else "", note]
