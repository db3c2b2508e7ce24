"""Words as a search sees them: folded for case and accents, reduced to stems.

Folding keeps one character per character (``fold(text)`` has the length of
``text``), so an offset found in the folded text is an offset into the stored
text: hits stay exact code-point spans, as every other position in qualcode.
Stems come from the Snowball stemmers (``snowballstemmer``, accelerated by
PyStemmer when installed); a language without a stemmer is matched on folded
words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache

#: Project language code -> Snowball algorithm.
SNOWBALL_NAMES = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german",
    "el": "greek", "en": "english", "es": "spanish", "et": "estonian", "eu": "basque",
    "fi": "finnish", "fr": "french", "ga": "irish", "hi": "hindi", "hu": "hungarian",
    "hy": "armenian", "id": "indonesian", "it": "italian", "lt": "lithuanian",
    "nb": "norwegian", "ne": "nepali", "nl": "dutch", "no": "norwegian", "pl": "polish",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian", "sv": "swedish",
    "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}

WORD = re.compile(r"\w+(?:['’]\w+)*")


@cache
def _fold_char(char: str) -> str:
    lowered = char.lower()
    if len(lowered) != 1:
        lowered = char
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", lowered) if not unicodedata.combining(c)
    )
    return stripped if len(stripped) == 1 else lowered


def fold(text: str) -> str:
    """Lower case without accents, one character for each character of ``text``."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) for c in text)


def words(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, folded word) for every word of ``text``."""
    folded = fold(text)
    for match in WORD.finditer(folded):
        yield match.start(), match.end(), match.group()


@cache
def stemmer(language: str) -> Callable[[list[str]], list[str]]:
    """A function from folded words to their stems for a project language code."""
    name = SNOWBALL_NAMES.get(language.split("-")[0].lower())
    if name is None:
        return lambda items: list(items)
    import snowballstemmer

    algorithm = snowballstemmer.stemmer(name)
    return algorithm.stemWords
