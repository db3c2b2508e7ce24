"""Size limits on what is read, so a small hostile file cannot take the machine down.

A 1.5 KB ``.odt`` can ask for three billion spaces, a 1 MB ``.docx`` can
unpack to gigabytes, and a ``.qdpx`` can hold many members each just under
a per-member cap. Every reader checks what it is about to inflate against
these limits *before* inflating it, and refuses with one line naming the file,
the size and how to raise the limit (``--max-size`` on ``import`` and
``import-refi``).

The one knob is the largest transcript, :attr:`Limits.max_text_mb` (50 MB of
text by default: about eight million words, a hundred times a long
interview). The others follow from it: an archive (``.docx``, ``.odt``,
``.qdpx``) may unpack to at most four times that, and a word-processor
document may hold at most a proportional number of XML elements (their
parsed form, not their text, is what takes memory).
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from typing import IO

from qualcode.errors import IngestError

MB = 1024 * 1024
#: Largest repeat count honoured for ODF's ``text:s c="N"`` (and similar);
#: larger counts are clamped, since no transcript has a thousand spaces in a row.
MAX_REPEAT = 1000


@dataclass(frozen=True)
class Limits:
    max_text_mb: int = 50

    @property
    def max_text_bytes(self) -> int:
        """Largest transcript file and largest text (in characters) kept from one."""
        return self.max_text_mb * MB

    @property
    def max_archive_bytes(self) -> int:
        """Largest total a ZIP-based file may unpack to."""
        return 4 * self.max_text_bytes

    @property
    def max_elements(self) -> int:
        """Most XML elements in one word-processor body (20,000 per MB of text allowed)."""
        return 20_000 * self.max_text_mb

    def raise_hint(self) -> str:
        return f"raise the limit with --max-size MB (now {self.max_text_mb})"


DEFAULT = Limits()


def megabytes(size: int) -> str:
    return f"{size / MB:,.1f} MB"


def check_file_size(path: object, size: int, limits: Limits) -> None:
    if size > limits.max_text_bytes:
        raise IngestError(
            path, f"too large: {megabytes(size)}, more than the {limits.max_text_mb} MB "
            f"a transcript may have; {limits.raise_hint()}"
        )


def check_archive_size(path: object, size: int, limits: Limits) -> None:
    if size > limits.max_archive_bytes:
        raise IngestError(
            path, f"too large: {megabytes(size)}, more than the "
            f"{megabytes(limits.max_archive_bytes)} a document may have; {limits.raise_hint()}"
        )


def check_text_length(path: object, length: int, limits: Limits) -> None:
    if length > limits.max_text_bytes:
        raise IngestError(
            path, f"too much text: more than {limits.max_text_bytes:,} characters; "
            f"{limits.raise_hint()}"
        )


def check_archive(path: object, archive: zipfile.ZipFile, limits: Limits,
                  counted: frozenset[str] | None = None) -> int:
    """Refuse an archive whose members unpack to more than the limit; return the total.

    The sizes checked are the ones the archive declares; Python's zipfile never
    inflates a member past its declared size (it stops and fails the CRC check),
    so a lying header cannot get round the check. ``counted`` limits the sum to
    members whose lower-cased names start with one of these prefixes.
    """
    total = 0
    for info in archive.infolist():
        if counted is not None and not info.filename.lower().startswith(tuple(counted)):
            continue
        total += info.file_size
    if total > limits.max_archive_bytes:
        raise IngestError(
            path, f"unpacks to {megabytes(total)}, more than the "
            f"{megabytes(limits.max_archive_bytes)} allowed (a ZIP bomb, or far more than "
            f"a transcript); {limits.raise_hint()}"
        )
    return total


def check_xml_parts(path: object, data: bytes, limits: Limits) -> None:
    """Refuse a ZIP-based document that unpacks, or parses, to more than the limits allow.

    Run before a library (python-docx, odfpy) inflates and parses the parts
    whole: the total size, then the number of elements over all XML parts,
    counted while streaming.
    """
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # the reader itself says what is wrong with it
    with archive:
        check_archive(path, archive, limits)
        used = 0
        for info in archive.infolist():
            if not info.filename.lower().endswith((".xml", ".rels")):
                continue
            try:
                with archive.open(info) as stream:
                    used += count_elements(path, stream, limits, info.filename, used)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error) as error:
                raise IngestError(
                    path, f"{info.filename}: cannot be unpacked ({error})"
                ) from None


def count_elements(path: object, stream: IO[bytes], limits: Limits, what: str,
                   already: int = 0) -> int:
    """Count the XML elements in ``stream`` without keeping them; refuse too many.

    Streams with lxml's ``iterparse`` and frees each element as it ends, so
    memory stays small whatever the document holds. Entities are not resolved
    and no DTD or network access happens (the same parser settings as the readers).
    """
    from lxml import etree

    count = already
    cap = limits.max_elements
    try:
        for _event, element in etree.iterparse(
            stream, events=("end",), resolve_entities=False, no_network=True,
            load_dtd=False, huge_tree=False,
        ):
            count += 1
            if count > cap:
                raise IngestError(
                    path, f"{what} has more than {cap:,} XML elements (far more than a "
                    f"transcript); {limits.raise_hint()}"
                )
            element.clear(keep_tail=True)
            parent = element.getparent()
            if parent is not None:
                while element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as error:
        raise IngestError(path, f"{what} is not well-formed XML ({error.msg})") from None
    return count - already
