"""One normalisation for every format, applied once, right after reading.

Why these rules: offsets of codings must stay valid forever, so the text is
fixed here (NFC so that ``é`` is one code point whatever the source wrote;
``\\n`` line ends so that offsets do not depend on the platform) and never
changed again. Control characters are removed because they are invisible to
the researcher, break Excel export and confuse offset arithmetic; the count is
reported so an import can say what it did.

Unicode line separators (VT, FF, NEL, U+2028, U+2029) are line breaks, not
noise: they become ``\\n`` (Word's manual line break often arrives as VT) and
are not counted as removed. A leading byte-order mark is dropped silently.
Leading and trailing blank lines are kept.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable

_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_CONTROLS = [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0x85), *range(0x86, 0xA0)]
CONTROL_CHARACTERS = dict.fromkeys(_CONTROLS)
# Regular expressions rather than str.translate: translate with a dict is
# slow on non-ASCII text (~7 ms per 10,000 words), a regex scan is not.
_CONTROL_PATTERN = re.compile("[" + "".join(f"\\x{c:02x}" for c in _CONTROLS) + "]")


def count_controls(text: str) -> int:
    """How many characters :func:`normalise` would remove as control characters."""
    return sum(1 for _ in _CONTROL_PATTERN.finditer(text))


def normalise(text: str) -> tuple[str, int]:
    """Return ``(normalised text, number of control characters removed)``.

    Idempotent: ``normalise(normalise(t)[0]) == (normalise(t)[0], 0)``.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    text = _LINE_BREAKS.sub("\n", text)
    cleaned, removed = _CONTROL_PATTERN.subn("", text)
    if not unicodedata.is_normalized("NFC", cleaned):
        cleaned = unicodedata.normalize("NFC", cleaned)
    return cleaned, removed


def normalise_pieces(pieces: Iterable[str]) -> tuple[str, list[int], int]:
    """Normalise text built from pieces and say where each piece now starts.

    Readers that record positions while building text (Word comment anchors,
    subtitle turns) pass the pieces between those positions; the returned
    offsets are the piece starts in the normalised text, plus its end. A
    ``\\r`` ending one piece and a ``\\n`` starting the next count as one line
    break, as they would in the whole text.
    """
    pieces = list(pieces)
    parts = [normalise(piece) for piece in pieces]
    text = "".join(part for part, _ in parts)
    clean_joins = all(
        not (a.endswith("\r") and b.startswith("\n")) for a, b in itertools.pairwise(pieces)
    ) and unicodedata.is_normalized("NFC", text)
    if clean_joins:
        offsets = [0]
        for part, _ in parts:
            offsets.append(offsets[-1] + len(part))
        return text, offsets, sum(count for _, count in parts)
    joined = "".join(pieces)
    text, removed = normalise(joined)
    offsets = [0]
    raw = 0
    for piece in pieces:
        raw += len(piece)
        offsets.append(len(normalise(joined[:raw])[0]) if raw < len(joined) else len(text))
    return text, offsets, removed


def normalise_marked(raw: str, positions: Iterable[int]) -> tuple[str, dict[int, int], int]:
    """Normalise ``raw`` and map each raw position in ``positions`` to the new text.

    For readers that note anchors (comment starts and ends) while building
    raw text. Returns ``(text, {raw position: new position}, removed count)``.
    """
    cuts = sorted({p for p in positions if 0 < p < len(raw)})
    bounds = [0, *cuts, len(raw)]
    pieces = [raw[a:b] for a, b in itertools.pairwise(bounds)]
    text, offsets, removed = normalise_pieces(pieces)
    where = dict(zip(bounds, offsets, strict=True))
    return text, where, removed
