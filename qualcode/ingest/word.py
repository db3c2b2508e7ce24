"""Reading ``.docx`` transcripts as the researcher sees them in Word.

Why the XML is walked by hand rather than through ``document.paragraphs``:
python-docx skips tables, inserted text of tracked changes and comment
anchors. A transcript typed with "Track changes" on must read as if all
changes were accepted (insertions in, deletions out), since that is the text
the researcher means; a transcript typed as a two-column table (speaker |
text) must keep its rows in reading order. Comments become
:class:`AnchoredComment` on the text they cover, for the caller to keep as memos.

Tables are flattened as one line per row, cells separated by a tab and the
paragraphs inside a cell by a space. Text boxes, drawings, headers, footers
and footnotes are page furniture and are left out.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from qualcode.errors import IngestError
from qualcode.ingest.limits import DEFAULT, Limits, check_text_length, check_xml_parts
from qualcode.ingest.model import AnchoredComment
from qualcode.ingest.normalise import normalise, normalise_marked

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIPPED = frozenset(
    _W + tag
    for tag in [
        "pPr",
        "rPr",
        "tblPr",
        "tblGrid",
        "trPr",
        "tcPr",
        "sectPr",
        "del",
        "moveFrom",
        "delText",
        "instrText",
        "drawing",
        "pict",
        "object",
        "footnoteReference",
        "endnoteReference",
        "sdtPr",
    ]
)
_SKIPPED_FOREIGN = frozenset(
    ["{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"]
)
_TEXT_FOR = {_W + "tab": "\t", _W + "noBreakHyphen": "-", _W + "softHyphen": ""}


def read_docx(
    path: Path, data: bytes, limits: Limits = DEFAULT
) -> tuple[str, list[AnchoredComment], int]:
    """Return ``(normalised text, comments, removed control count)``.

    The archive is checked against ``limits`` (unpacked size, XML elements)
    before python-docx inflates it, and the text as it is collected.
    """
    if not data:
        raise IngestError(path, "empty file")
    check_xml_parts(path, data, limits)
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(io.BytesIO(data))
        walker = _BodyWalker(path, limits)
        walker.block_children(document.element.body)
        comment_texts = {
            str(comment.comment_id): (comment.author or "", comment.text or "")
            for comment in document.comments
        }
    except zipfile.BadZipFile as error:
        hint = " (an old .doc file? save it as .docx)" if data[:4] == b"\xd0\xcf\x11\xe0" else ""
        raise IngestError(path, f"not a valid Word document: {error}{hint}") from error
    except (PackageNotFoundError, KeyError, XMLSyntaxError, ValueError, EOFError) as error:
        raise IngestError(path, f"not a valid Word document: {error}") from error

    text, where, removed = normalise_marked("".join(walker.out), walker.positions())
    comments = []
    for comment_id, (start, end) in walker.ranges().items():
        if comment_id not in comment_texts:
            continue
        author, body = comment_texts[comment_id]
        comments.append(
            AnchoredComment(where[start], where[end], author, normalise(body)[0].strip())
        )
    comments.sort(key=lambda c: (c.start, c.end))
    return text, comments, removed


class _BodyWalker:
    """Collects text and raw comment positions in reading order."""

    def __init__(self, path: Path, limits: Limits) -> None:
        self.path = path
        self.limit = limits.max_text_bytes
        self.limits = limits
        self.out: list[str] = []
        self.length = 0
        self.starts: dict[str, int] = {}
        self.ends: dict[str, int] = {}
        self.references: dict[str, int] = {}
        self._blocks = 0
        self._glue_next = False

    def positions(self) -> list[int]:
        return [*self.starts.values(), *self.ends.values(), *self.references.values()]

    def ranges(self) -> dict[str, tuple[int, int]]:
        """Comment id -> (start, end); a comment without range sits at its reference."""
        found: dict[str, tuple[int, int]] = {}
        for comment_id in {*self.starts, *self.ends, *self.references}:
            point = self.references.get(comment_id)
            start = self.starts.get(comment_id, point)
            end = self.ends.get(comment_id, point)
            if start is None:
                start = end
            if end is None:
                end = start
            if start is not None and end is not None:
                found[comment_id] = (min(start, end), max(start, end))
        return found

    def emit(self, text: str) -> None:
        if text:
            self.out.append(text)
            self.length += len(text)
            if self.length > self.limit:
                check_text_length(self.path, self.length, self.limits)

    def block_children(self, parent, separator: str = "\n") -> None:
        for child in parent:
            tag = child.tag
            if tag == _W + "p":
                self._separate(separator)
                self.inline(child, cell=separator != "\n")
                self._glue_next = child.find(f"{_W}pPr/{_W}rPr/{_W}del") is not None
            elif tag == _W + "tbl":
                self._separate(separator)
                self.table(child)
            elif tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
                self.block_children(child, separator)
            elif tag in _SKIPPED or tag in _SKIPPED_FOREIGN:
                continue
            else:
                self.marker(child)

    def table(self, table) -> None:
        first_row = True
        for row in table.iter(_W + "tr"):
            if row.getparent() is not table and row.getparent().tag != _W + "sdtContent":
                continue
            if not first_row:
                self.emit("\n")
            first_row = False
            for index, cell in enumerate(row.iter(_W + "tc")):
                if cell.getparent() is not row:
                    continue
                if index:
                    self.emit("\t")
                self._blocks = 0
                self.block_children(cell, separator=" ")
        self._blocks = 1

    def inline(self, element, cell: bool) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIPPED or tag in _SKIPPED_FOREIGN:
                continue
            if tag == _W + "t":
                # itertext, not .text: an entity reference left unresolved (we never
                # expand entities) would otherwise cut off the text after it
                self.emit("".join(child.itertext()) if len(child) else child.text or "")
            elif tag in _TEXT_FOR:
                self.emit(_TEXT_FOR[tag])
            elif tag in (_W + "br", _W + "cr"):
                self.emit(" " if cell else "\n")
            elif tag == _W + "p":
                self.emit(" ")
                self.inline(child, cell)
            elif not self.marker(child):
                self.inline(child, cell)

    def marker(self, element) -> bool:
        tag = element.tag
        comment_id = element.get(_W + "id")
        if tag == _W + "commentRangeStart":
            self.starts[comment_id] = self.length
        elif tag == _W + "commentRangeEnd":
            self.ends[comment_id] = self.length
        elif tag == _W + "commentReference":
            self.references[comment_id] = self.length
        else:
            return False
        return True

    def _separate(self, separator: str) -> None:
        if self._blocks and not self._glue_next:
            self.emit(separator)
        self._glue_next = False
        self._blocks += 1
