"""Code colours as terminal styles that stay readable on dark and light themes.

A code's colour fills the background of its passages; the text on it is
black or white, whichever contrasts more, so a light yellow code and a dark
blue one are both legible whatever the theme.
"""

from __future__ import annotations

from functools import lru_cache

from rich.style import Style

FALLBACK = "#888888"


def _luminance(hex_color: str) -> float:
    red, green, blue = (int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def _valid(color: str | None) -> str:
    if color and len(color) == 7 and color.startswith("#"):
        try:
            int(color[1:], 16)
            return color
        except ValueError:
            return FALLBACK
    return FALLBACK


@lru_cache(maxsize=512)
def code_style(color: str | None, underline: bool = False) -> Style:
    """The style of text coded with a code of this colour."""
    background = _valid(color)
    foreground = "#000000" if _luminance(background) > 0.25 else "#ffffff"
    return Style(color=foreground, bgcolor=background, underline=underline)


@lru_cache(maxsize=512)
def mark_style(color: str | None) -> Style:
    """The style of a code's mark in the margin or the codebook list."""
    return Style(color=_valid(color), bold=True)


@lru_cache(maxsize=512)
def other_coder_style(color: str | None) -> Style:
    """Another coder's passage: underlined, in the code's colour, over the normal background."""
    return Style(color=_valid(color), underline=True, bold=True)
