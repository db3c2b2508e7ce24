"""Selection positions: which unit a file counts in, and where they land after normalising.

REFI-QDA counts positions in Unicode code points of the source's plain text
(end exclusive). NVivo counts UTF-16 code units instead (a character beyond
U+FFFF, such as an emoji, counts 2; a CRLF counts 2; the BOM is not
counted). The two readings differ only after such a character, so the unit
is detected per file from the selections themselves: the reading under
which selections stay inside their source, never split a character, and
land on the text the selection's name quotes, wins; the file's ``origin``
breaks a tie.

qualcode then stores the source text normalised (CRLF to LF, control
characters removed, NFC; :func:`qualcode.ingest.normalise`), so each raw
position is carried through an offset map to the stored text. Nothing is
ever shifted silently: a selection whose quoted text is elsewhere in the
source is reported and skipped.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

CODE_POINTS = "code points"
UTF16 = "UTF-16 code units"
LINE_FEEDS = "code points of the text with CRLF as one line break"

_LINE_BREAKS = {0x0B, 0x0C, 0x85, 0x2028, 0x2029}
_CONTROLS = {*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0x85), *range(0x86, 0xA0)}


def decode_source(data: bytes) -> str:
    """A source file's text: UTF-8 (BOM dropped) or UTF-16 with a BOM; else ValueError."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


@dataclass(frozen=True)
class Normalised:
    """The stored text and, for each raw position 0..len(raw), its position in it."""

    text: str
    where: list[int] | None  # None: identity
    removed: int

    def at(self, raw_position: int) -> int:
        return raw_position if self.where is None else self.where[raw_position]


_SPECIAL = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted(_LINE_BREAKS | _CONTROLS | {0x0D})) + "]"
)


def normalise_mapped(raw: str) -> Normalised:
    """Normalise ``raw`` as :func:`qualcode.ingest.normalise` does, keeping an offset map."""
    if _SPECIAL.search(raw) is None and (raw.isascii() or unicodedata.is_normalized("NFC", raw)):
        return Normalised(raw, None, 0)
    out: list[str] = []
    where: list[int] = []
    removed = 0
    i, n = 0, len(raw)
    while i < n:
        char = raw[i]
        code = ord(char)
        where.append(len(out))
        if char == "\r":
            if i + 1 < n and raw[i + 1] == "\n":
                where.append(len(out))
                i += 1
            out.append("\n")
        elif code in _LINE_BREAKS:
            out.append("\n")
        elif code in _CONTROLS:
            removed += 1
        else:
            out.append(char)
        i += 1
    where.append(len(out))
    first = "".join(out)
    if unicodedata.is_normalized("NFC", first):
        return Normalised(first, where, removed)
    text, inner = _nfc_mapped(first)
    return Normalised(text, [inner[p] for p in where], removed)


def _nfc_mapped(text: str) -> tuple[str, list[int]]:
    """NFC with a map, cluster by cluster (a base character and its combining marks)."""
    bounds = [0]
    for index in range(1, len(text)):
        if unicodedata.combining(text[index]) == 0:
            bounds.append(index)
    bounds.append(len(text))
    pieces: list[str] = []
    where: list[int] = []
    length = 0
    for start, end in itertools.pairwise(bounds):
        piece = unicodedata.normalize("NFC", text[start:end])
        for offset in range(end - start):
            where.append(length + min(offset, len(piece)))
        pieces.append(piece)
        length += len(piece)
    where.append(length)
    joined = "".join(pieces)
    expected = unicodedata.normalize("NFC", text)
    if joined != expected:  # composition across clusters (rare, e.g. Hangul jamo): lines
        return _nfc_by_line(text)
    return joined, where


def _nfc_by_line(text: str) -> tuple[str, list[int]]:
    pieces: list[str] = []
    where: list[int] = []
    length = 0
    for line in text.splitlines(keepends=True):
        piece = unicodedata.normalize("NFC", line)
        for offset in range(len(line)):
            where.append(length + min(offset, len(piece)))
        pieces.append(piece)
        length += len(piece)
    where.append(length)
    return "".join(pieces), where


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def utf16_map(raw: str) -> list[int] | None:
    """For each UTF-16 unit offset of ``raw``, its code point offset (-1 inside a pair).

    None when ``raw`` has no character beyond U+FFFF (the two counts agree).
    """
    if raw.isascii() or _ASTRAL.search(raw) is None:
        return None
    where: list[int] = []
    for index, char in enumerate(raw):
        where.append(index)
        if ord(char) > 0xFFFF:
            where.append(-1)
    where.append(len(raw))
    return where


def collapse(text: str) -> str:
    return " ".join(text.split())


def quote_of(name: str | None) -> str:
    """The text a selection's name quotes, without a trailing ellipsis ('' if none)."""
    quote = collapse(name or "")
    for tail in ("...", "…"):
        if quote.endswith(tail):
            quote = quote[: -len(tail)].rstrip()
    return quote


def matches(quote: str, span_text: str) -> bool | None:
    """Whether the span is the quoted text: True, False, or None (no quote to check).

    ``quote`` is collapsed, as :func:`quote_of` gives it.
    """
    if not quote:
        return None
    if span_text == quote or (len(quote) >= 8 and span_text.startswith(quote)):
        return True  # what collapsing would give: ``quote`` is collapsed already
    span = collapse(span_text)
    return span == quote or (len(quote) >= 8 and span.startswith(quote))
