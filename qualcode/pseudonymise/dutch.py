"""Dutch person names, places and institutions, found by deduce.

deduce (the Dutch de-identifier for clinical text of UMC Utrecht) knows
tens of thousands of Dutch and Flemish first names, surnames, places and
hospitals, and the patterns around them ("mevrouw Janssens", "Pieter De
Smet", "in Harderwijk"). qualcode's own word lists are short by design, so
for Dutch projects deduce's findings are added to the pattern detector's.

Only the name-like kinds are taken from deduce (person, place, address,
institution). Dates, ages, phone numbers, e-mail addresses and identifiers
stay with the patterns in :mod:`qualcode.pseudonymise.detect`, which are
written for Belgian and Dutch formats alike and are tested for full recall.

**What it costs, and what is left out.** deduce builds lookup structures
from its lists on first use; its street list (770,000 spellings) and its
care-institution list (244,000) alone take 20 s to read and 7 s to load
from deduce's own cache on every run. qualcode builds the structures
*without* those two lists (about 1 s, once) and keeps them in the user's
cache folder (``platformdirs``; 3.6 MB, derived from deduce's public lists,
no interview text). Streets are still found by deduce's and qualcode's
street patterns ("Kerkstraat 14"), practices and care homes by the words that
start or end their names ("WGC De Sleep", "Woonzorgcentrum Ter Linde"),
hospitals by deduce's hospital list. Nothing is downloaded: deduce ships its
lists inside its package.
"""

from __future__ import annotations

import datetime
import functools
import os
import pickle
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qualcode.pseudonymise.detect import Span, surname_key, without_title

if TYPE_CHECKING:
    from deduce import Deduce

#: deduce's lists left out of the lookup structures (see the module docstring).
LEFT_OUT = ("lst_street", "lst_healthcare_institution")

#: deduce tag -> qualcode (kind, subkind); tags not listed are left to the patterns.
TAGS = {
    "persoon": ("person", "person"),
    "patient": ("person", "person"),
    "locatie": ("place", "place"),
    "ziekenhuis": ("institution", "hospital"),
    "zorginstelling": ("institution", "institution"),
    "instelling": ("institution", "institution"),
}

_HOUSE_NUMBER = re.compile(r"\d")
_FIRST_WORD = re.compile(r"(\S+)\s+")


def cache_dir() -> Path:
    """Where the trimmed lookup structures are kept (``QUALCODE_CACHE_DIR`` overrides)."""
    override = os.environ.get("QUALCODE_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("qualcode", appauthor=False))


def _build_lookup_structs() -> Any:
    """deduce's lookup structures without the street and care-institution lists."""
    import deduce
    import docdeid as dd
    from deduce import lookup_struct_loader as loaders
    from deduce.data.lookup.src import all_lists
    from deduce.deduce import Deduce as _Deduce
    from deduce.lookup_structs import load_raw_itemsets

    base = Path(deduce.__file__).parent / "data" / "lookup"
    tokenizer = _Deduce._initialize_tokenizer(base)
    raw = load_raw_itemsets(
        base_path=base, subdirs=[name for name in all_lists if not name.endswith(LEFT_OUT)]
    )
    structs = dd.ds.DsCollection()
    for name in ("initial", "hospital_abbr", "interfix_surname", "common_word", "medical_term",
                 "stop_word"):
        items = dd.ds.LookupSet()
        items.add_items_from_iterable(raw[name])
        structs[name] = items
    structs["prefix"] = loaders.load_prefix_lookup(raw)
    structs["interfix"] = loaders.load_interfix_lookup(raw)
    structs["whitelist"] = loaders.load_whitelist_lookup(raw)
    for name, load in (
        ("first_name", loaders.load_first_name_lookup),
        ("surname", loaders.load_surname_lookup),
        ("placename", loaders.load_placename_lookup),
        ("hospital", loaders.load_hospital_lookup),
        ("eponymous_disease", loaders.load_eponymous_disease_lookup),
    ):
        structs[name] = load(raw, tokenizer)
    structs["street"] = dd.ds.LookupTrie()
    structs["healthcare_institution"] = dd.ds.LookupTrie()
    return structs


def _write_cache(target: Path, version: str) -> None:
    """Write the trimmed structures where deduce looks for its cache.

    deduce accepts a cache that names its own version. The file is written
    atomically, so two processes building at once both end with a whole file.
    """
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    cache = {
        "deduce_version": version,
        "saved_datetime": str(datetime.datetime.now()),
        "lookup_structs": _build_lookup_structs(),
    }
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(cache, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@functools.cache
def deidentifier() -> Deduce:
    """The one deduce instance of this process, on the trimmed structures.

    The first use on a machine (and after a deduce upgrade) builds the cache,
    about a second; a damaged cache file is built again rather than trusted.
    """
    import deduce
    from deduce import Deduce

    folder = cache_dir() / f"deduce-{deduce.__version__}"
    target = folder / "cache" / "lookup_structs.pickle"
    if not target.is_file():
        _write_cache(target, deduce.__version__)
    try:
        return Deduce(cache_path=folder)
    except (pickle.UnpicklingError, EOFError, AttributeError, KeyError, TypeError):
        _write_cache(target, deduce.__version__)
        return Deduce(cache_path=folder)


def _without_titles(text: str, start: int, end: int) -> tuple[int, bool]:
    """Where the name starts after any titles ("mevrouw", "dokter"), and if one was a GP's."""
    gp = False
    while True:
        match = _FIRST_WORD.match(text, start, end)
        if match is None or match.end() >= end:
            return start, gp
        rest, is_gp = without_title(match.group(1) + " x")
        if rest != "x":
            return start, gp
        gp = gp or is_gp
        start = match.end()


def looks_dutch(text: str) -> bool:
    """False for a text that is clearly in another language (an English pilot interview).

    deduce reads every capitalised word that is also a Dutch first name as a
    name, which in English text means "An", "Can" and "Don" at the start of
    sentences; such documents get the pattern detector alone.
    """
    from qualcode.language import language_warning

    return language_warning(text, "nl", "") is None


def dutch_spans(text: str) -> list[Span]:
    """deduce's person, place and institution findings in ``text``, as detector spans."""
    document = deidentifier().deidentify(text)
    spans: list[Span] = []
    for annotation in document.annotations:
        mapped = TAGS.get(annotation.tag)
        if mapped is None:
            continue
        kind, subkind = mapped
        start, end = annotation.start_char, annotation.end_char
        if kind == "person":
            start, gp = _without_titles(text, start, end)
            spans.append(Span(start, end, kind, "gp" if gp else subkind,
                              surname_key(text[start:end])))
        elif kind == "place" and _HOUSE_NUMBER.search(text[start:end]):
            spans.append(Span(start, end, "address", "address"))
        else:
            spans.append(Span(start, end, kind, subkind))
    return spans
