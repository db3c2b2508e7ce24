"""Code colours: what a codebook file may write, and colours for codes without one.

Codings are shown as coloured backgrounds in the terminal, under text in the
terminal's own foreground colour, which is light on dark themes and dark on
light ones. A background is readable under both when its relative luminance
lies in :data:`READABLE_LUMINANCE`: then the contrast with pure white and with
pure black is at least 3:1 (WCAG's figure for large text). Every colour this
module invents lies in that band; colours a researcher writes are kept as
written.
"""

from __future__ import annotations

import colorsys
import dataclasses
import re

from qualcode.codebook.spec import CodebookSpec, CodeSpec

#: Luminance band in which a background has >= 3:1 contrast with both white
#: and black text.
READABLE_LUMINANCE = (0.10, 0.30)

#: CSS colour names accepted in codebook files: the CSS 2 basic set (plus
#: ``grey``). Anything more exotic should be written as ``"#rrggbb"``.
CSS_COLOR_NAMES: dict[str, str] = {
    "black": "#000000",
    "silver": "#c0c0c0",
    "gray": "#808080",
    "grey": "#808080",
    "white": "#ffffff",
    "maroon": "#800000",
    "red": "#ff0000",
    "purple": "#800080",
    "fuchsia": "#ff00ff",
    "green": "#008000",
    "lime": "#00ff00",
    "olive": "#808000",
    "yellow": "#ffff00",
    "navy": "#000080",
    "blue": "#0000ff",
    "teal": "#008080",
    "aqua": "#00ffff",
    "orange": "#ffa500",
}

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")

#: One hue per top-level category, about 50 degrees apart, all in the readable
#: band (HLS saturation 0.62, luminance 0.20); used in this order by :func:`assign_colors`.
PALETTE: tuple[str, ...] = (
    "#208989",  # teal
    "#be622d",  # orange
    "#8f63db",  # purple
    "#3c8c21",  # green
    "#d3468c",  # magenta
    "#2e80c3",  # blue
    "#927a22",  # ochre
    "#d44f47",  # brick red
)

#: (hue shift in degrees, luminance) for successive variants of one colour:
#: 20 distinct pairs, neighbours differing in both hue and lightness.
_VARIANTS: tuple[tuple[float, float], ...] = tuple(
    ((10.0, -10.0, 20.0, -20.0, 0.0)[i % 5], (0.27, 0.12, 0.23, 0.15)[(i % 5 + i // 5) % 4])
    for i in range(20)
)


def normalise_color(value: str) -> str:
    """``"#ABC"``, ``"#aabbcc"`` or a CSS name -> ``"#aabbcc"``.

    Raises :class:`ValueError` with a message fit for the researcher when the
    value is none of those.
    """
    text = value.strip()
    if _HEX.fullmatch(text):
        digits = text[1:].lower()
        if len(digits) == 3:
            digits = "".join(c * 2 for c in digits)
        return "#" + digits
    named = CSS_COLOR_NAMES.get(text.lower())
    if named is not None:
        return named
    raise ValueError(
        f"colour {value!r} is not '#rgb', '#rrggbb' or one of the names "
        f"{', '.join(sorted(CSS_COLOR_NAMES))}"
    )


def _rgb(color: str) -> tuple[float, float, float]:
    digits = normalise_color(color)[1:]
    red, green, blue = (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return red, green, blue


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def relative_luminance(color: str) -> float:
    """WCAG 2 relative luminance of a colour, 0 (black) to 1 (white)."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio between two colours, 1 to 21."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def color_with_luminance(hue: float, saturation: float, luminance: float) -> str:
    """The colour of ``hue`` (degrees) and HLS ``saturation`` whose relative
    luminance is closest to ``luminance``; used to keep invented colours in
    the readable band whatever their hue."""
    low, high = 0.0, 1.0
    for _ in range(40):
        mid = (low + high) / 2
        candidate = _hex(colorsys.hls_to_rgb((hue % 360) / 360, mid, saturation))
        if relative_luminance(candidate) < luminance:
            low = mid
        else:
            high = mid
    return _hex(colorsys.hls_to_rgb((hue % 360) / 360, (low + high) / 2, saturation))


def variant(base: str, index: int) -> str:
    """The ``index``-th (from 0) variation on colour ``base``.

    Variations keep the hue family (within 20 degrees) and alternate lighter
    and darker inside the readable band, so that sub-codes look related to
    their category yet differ from each other.
    """
    hue, _, saturation = colorsys.rgb_to_hls(*_rgb(base))
    shift, luminance = _VARIANTS[index % len(_VARIANTS)]
    shift += 3.0 * (index // len(_VARIANTS))
    saturation = min(max(saturation, 0.45), 0.75)
    return color_with_luminance(hue * 360 + shift, saturation, luminance)


def assign_colors(spec: CodebookSpec) -> CodebookSpec:
    """A copy of ``spec`` in which every code has a colour.

    Colours already written are kept. A top-level code without one takes the
    next :data:`PALETTE` colour not used by another top-level code. A sub-code
    without one takes a :func:`variant` of the colour of its nearest coloured
    ancestor, numbered in file order among that ancestor's uncoloured
    descendants — so a whole category shares one hue without drifting.
    """
    taken = {code.color for code in spec.codes if code.color}
    free = [color for color in PALETTE if color not in taken]

    def next_top_level(position: int) -> str:
        if free:
            return free.pop(0)
        return variant(PALETTE[position % len(PALETTE)], position // len(PALETTE))

    def colour_below(code: CodeSpec, base: str, counter: list[int]) -> CodeSpec:
        children = []
        for child in code.children:
            if child.color:
                children.append(colour_below(child, child.color, [0]))
            else:
                coloured = dataclasses.replace(child, color=variant(base, counter[0]))
                counter[0] += 1
                children.append(colour_below(coloured, base, counter))
        return dataclasses.replace(code, children=tuple(children))

    codes = []
    for position, code in enumerate(spec.codes):
        color = code.color or next_top_level(position)
        codes.append(colour_below(dataclasses.replace(code, color=color), color, [0]))
    return dataclasses.replace(spec, codes=tuple(codes))
