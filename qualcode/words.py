"""Word counting, the same everywhere (documents, segments, exports).

A *word* is a run of the regular expression ``\\w+``: letters, digits and
underscore in any script. A span that starts inside a word counts that partial
word as a word.
"""

from __future__ import annotations

import re

WORD = re.compile(r"\w+")


def count_words(text: str) -> int:
    """Number of ``\\w+`` runs in ``text``."""
    return len(WORD.findall(text))
