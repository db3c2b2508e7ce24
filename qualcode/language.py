"""The transcript language: which codes spaCy can split, and a cheap check of a text.

Sentences are split with ``spacy.blank(code)``, so a project's language must
be one spaCy ships rules for and can build offline. The list is read from
spaCy's ``lang`` folder without importing spaCy (``init`` stays fast);
languages whose tokenizer needs a further package that qualcode does not
install (Japanese, Korean, Thai, Vietnamese) are left out.

:func:`language_warning` guesses a text's language by counting stop words
(spaCy's own lists) of a few common languages: it is cheap, and good enough
to notice English interviews in a Dutch project.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

from qualcode.errors import QualcodeError

#: spaCy languages that need a package qualcode does not install.
NEEDS_EXTRA_PACKAGE = frozenset({"ja", "ko", "th", "vi"})

#: Languages a text is compared against (the project's own is always added).
COMMON = ("nl", "en", "de", "fr", "es", "it", "pt", "da", "sv", "nb", "pl")

#: Below this many words a guess is not worth a warning.
MIN_WORDS = 40

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@functools.cache
def supported_languages() -> tuple[str, ...]:
    """Language codes ``spacy.blank`` accepts here, sorted."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:
        return ()
    folder = Path(spec.origin).parent / "lang"
    return tuple(sorted(
        entry.name for entry in folder.iterdir()
        if entry.is_dir() and (entry / "__init__.py").is_file()
        and entry.name not in NEEDS_EXTRA_PACKAGE
    ))


def check_language(code: str) -> str:
    """``code`` if spaCy can split sentences in it, else a refusal listing the valid codes."""
    code = code.strip()
    valid = supported_languages()
    if code in valid:
        return code
    hint = ""
    lowered = code.lower()
    if lowered in valid:
        hint = f" (did you mean {lowered!r}?)"
    elif lowered in NAMES:
        hint = f" (did you mean {NAMES[lowered]!r}?)"
    raise QualcodeError(
        f"language {code!r}: not a language code spaCy can split sentences in{hint}; "
        f"use one of {', '.join(valid)}"
    )


#: English names of common languages, for the hint in a refusal.
NAMES = {
    "dutch": "nl", "nederlands": "nl", "flemish": "nl", "vlaams": "nl", "english": "en",
    "engels": "en", "german": "de", "deutsch": "de", "duits": "de", "french": "fr",
    "français": "fr", "frans": "fr", "spanish": "es", "español": "es", "italian": "it",
    "portuguese": "pt", "danish": "da", "swedish": "sv", "norwegian": "nb", "polish": "pl",
}


@functools.cache
def stop_words(code: str) -> frozenset[str]:
    """spaCy's stop words for ``code``, read from its file alone.

    Importing ``spacy.lang.<code>.stop_words`` would first run the language
    package's ``__init__``, which builds its tokenizer exceptions: for French
    that alone costs more than a second of CPU on every import.
    """
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None or not code.isalpha():
        return frozenset()
    path = Path(spec.origin).parent / "lang" / code / "stop_words.py"
    if not path.is_file():
        return frozenset()
    namespace: dict[str, object] = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
    words = namespace.get("STOP_WORDS", ())
    return frozenset(str(word).lower() for word in words)  # type: ignore[attr-defined]


def stop_word_shares(text: str, languages: tuple[str, ...]) -> dict[str, float]:
    """For each language, the share of the text's words that are its stop words."""
    words = [word.lower() for word in _WORD.findall(text[:20_000])]
    if not words:
        return {}
    return {
        code: sum(1 for word in words if word in stop_words(code)) / len(words)
        for code in languages
    }


def language_warning(text: str, language: str, label: str) -> str | None:
    """A warning when ``text`` looks clearly like another language than ``language``."""
    if len(_WORD.findall(text[:20_000])) < MIN_WORDS:
        return None
    candidates = tuple(dict.fromkeys((language, *COMMON)))
    shares = stop_word_shares(text, candidates)
    if not shares or not stop_words(language):
        return None
    best = max(shares, key=lambda code: shares[code])
    own = shares[language]
    if best == language or shares[best] < 0.25 or shares[best] < own * 1.5 + 0.05:
        return None
    return (
        f"{label}: the text looks like {best!r} ({shares[best]:.0%} of its words are "
        f"{best!r} stop words, {own:.0%} {language!r}), but the project's language is "
        f"{language!r}; sentences were split with {language!r} rules "
        f"(`qualcode language P {best}` changes it)"
    )
