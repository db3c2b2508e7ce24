"""What a researcher can choose about an export, and the defaults that fit the thesis."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

ATTRIBUTE_HINTS = (
    ("gender", "geslacht", "sex"),
    ("age", "leeftijd"),
    ("years", "jaren", "experience", "ervaring"),
    ("practice", "praktijk"),
)


@dataclass(frozen=True)
class ExportOptions:
    """Choices shared by every format; each writer uses the ones that concern it.

    ``attributes``: participant attributes shown beside each quote (None: every
    attribute that was loaded, in the project's order: a study's key variable is
    often not gender or age, and leaving one out hid it from the supervisor).
    ``attribution``: how the quote report names a speaker, after the
    participant: each item an attribute name, or a template such as
    ``"{age} j."`` (None: practice type and age when present).
    ``quotes_per_code``: at most this many quotes per code in the report.
    ``participants_called``: the word for participants ("GPs"; None: "participants"
    in the project's language).
    ``progress``: called as ``progress(fraction, message)`` by writers that
    take long on a big project (xlsx, docx); the CLI shows it on a terminal.
    ``coders``: only these coders' codings, in every sheet, quote and count
    (None: every coder's, a passage coded identically by several shown once).
    """

    attributes: tuple[str, ...] | None = None
    attribution: tuple[str, ...] | None = None
    quotes_per_code: int | None = None
    participants_called: str | None = None
    coders: tuple[str, ...] | None = None
    progress: Callable[[float, str], None] | None = field(default=None, compare=False)


def _matches(name: str, hints: tuple[str, ...]) -> bool:
    words = re.split(r"[^a-z]+", name.casefold())
    return any(hint in words or name.casefold().startswith(hint) for hint in hints)


def quote_attributes(options: ExportOptions, available: list[str]) -> list[str]:
    """The attribute columns beside each quote, in the project's attribute order."""
    if options.attributes is not None:
        return [name for name in options.attributes if name in available]
    return list(available)


def attribution_items(options: ExportOptions, available: list[str], language: str) -> list[str]:
    """The attribution items for the report: practice type, then age with its unit."""
    if options.attribution is not None:
        return list(options.attribution)
    items = [n for n in available if _matches(n, ATTRIBUTE_HINTS[3])]
    ages = [n for n in available if _matches(n, ATTRIBUTE_HINTS[1])]
    if ages:
        unit = "j." if language == "nl" else "y"
        items.append(f"{{{ages[0]}}} {unit}")
    return items
