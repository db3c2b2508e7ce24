"""Decoding ``.txt`` and ``.md`` transcripts whatever program saved them.

Researchers get transcripts from Word ("Save as text" gives cp1252 or UTF-16
with a BOM on Windows), from Macs (UTF-8, sometimes Mac Roman) and from
transcription tools (UTF-8). The order below goes from certain to guessed:

1. a byte-order mark (UTF-32, UTF-8, UTF-16) is decisive;
2. UTF-16 without a BOM is recognised by its pattern of zero bytes;
3. strict UTF-8 (random Western bytes almost never pass by accident);
4. strict cp1252, the Windows code page for Dutch, French, English text;
5. charset-normalizer, limited to the other Western code pages a Dutch or
   Flemish transcript can realistically be in (Mac Roman, DOS cp850).

Anything with zero bytes that is not UTF-16, or that decodes to mostly
control characters, is refused as binary: a renamed PDF or image should be
named as such, not imported as gibberish.
"""

from __future__ import annotations

from pathlib import Path

from qualcode.errors import IngestError
from qualcode.ingest.normalise import count_controls

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_GUESSED_CODE_PAGES = ["mac_roman", "cp850"]
_MAX_CONTROL_SHARE = 0.10
_FEW_CONTROLS = 16
BINARY = "binary file, not a transcript"


def decode_text_file(path: Path, data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding name)`` for the bytes of a text transcript.

    The text is decoded but not yet normalised. Raises IngestError naming
    ``path`` for an empty, binary or undecodable file.
    """
    if not data:
        raise IngestError(path, "empty file")
    text, encoding = _decode(path, data)
    if not text.strip("\ufeff \t\r\n"):
        raise IngestError(path, "empty file (no text)")
    controls = count_controls(text)
    if controls > _MAX_CONTROL_SHARE * len(text) and controls > _FEW_CONTROLS:
        raise IngestError(path, BINARY)
    return text, encoding


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise IngestError(
                    path, f"cannot decode text: starts as {encoding} but byte {error.start} is not"
                ) from error
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise IngestError(path, BINARY)
        return utf16
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    import charset_normalizer

    best = charset_normalizer.from_bytes(data, cp_isolation=_GUESSED_CODE_PAGES).best()
    if best is None:
        tried = ", ".join(["utf-8", "utf-16", "cp1252", *_GUESSED_CODE_PAGES])
        raise IngestError(path, f"cannot decode text (tried {tried}); save it as UTF-8")
    return str(best), best.encoding.replace("_", "-")


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: nearly all of one byte column is zero."""
    if len(data) % 2:
        return None
    even_zeros = data[0::2].count(0)
    odd_zeros = data[1::2].count(0)
    half = len(data) // 2
    if odd_zeros >= 0.6 * half and even_zeros <= 0.05 * half:
        encoding = "utf-16-le"
    elif even_zeros >= 0.6 * half and odd_zeros <= 0.05 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None
