"""Reading ``.rtf`` transcripts (WordPad, TextEdit, older Word exports).

RTF is 7-bit text with escapes; the code page for ``\\'e9``-style escapes is
declared by ``\\ansicpgNNNN`` (cp1252 when absent, as Word writes it).
striprtf turns paragraphs into ``\\n`` and ``\\tab`` into a tab; tables come
out as cell texts separated by ``|``, which is readable enough for a
transcript. Comments (``\\annotation``) are not kept.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from qualcode.errors import IngestError

_CODE_PAGE = re.compile(rb"\\ansicpg(\d{3,5})")


def read_rtf(path: Path, data: bytes) -> str:
    """Return the (not yet normalised) text of an RTF document."""
    if not data.strip():
        raise IngestError(path, "empty file")
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        raise IngestError(path, "not an RTF document (it does not start with {\\rtf)")
    encoding = "cp1252"
    declared = _CODE_PAGE.search(data[:4096])
    if declared:
        candidate = f"cp{int(declared[1])}"
        try:
            codecs.lookup(candidate)
            encoding = candidate
        except LookupError:
            pass
    from striprtf.striprtf import rtf_to_text

    try:
        return rtf_to_text(data.decode("latin-1"), encoding=encoding, errors="replace")
    except (ValueError, IndexError, KeyError) as error:
        raise IngestError(path, f"not a valid RTF document: {error}") from error
