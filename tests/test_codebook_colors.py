"""Colours written in codebooks, and colours given to codes without one."""

import pytest

from qualcode.codebook import CodebookSpec, CodeSpec, assign_colors, normalise_color
from qualcode.codebook.colors import PALETTE, contrast_ratio, variant


def readable(color: str) -> bool:
    return contrast_ratio(color, "#ffffff") >= 3 and contrast_ratio(color, "#000000") >= 3


@pytest.mark.parametrize(
    ("written", "kept"),
    [("#D95F02", "#d95f02"), ("#abc", "#aabbcc"), (" #ABC ", "#aabbcc"), ("Orange", "#ffa500")],
)
def test_colours_are_normalised_to_lower_case_rrggbb(written, kept):
    assert normalise_color(written) == kept


def test_unknown_colour_name_is_refused_listing_the_accepted_forms():
    with pytest.raises(ValueError, match="#rrggbb"):
        normalise_color("hotpink")


def test_palette_colours_are_distinct_and_readable_under_light_and_dark_text():
    assert len(set(PALETTE)) == len(PALETTE)
    assert all(readable(color) for color in PALETTE)


def test_variants_are_readable_and_differ_from_each_other_and_the_base():
    base = PALETTE[1]
    variants = [variant(base, i) for i in range(30)]
    assert all(readable(color) for color in variants)
    assert len({base, *variants}) == 31


def tree() -> CodebookSpec:
    return CodebookSpec(
        name="t",
        source="t.yaml",
        codes=(
            CodeSpec(name="A", children=(CodeSpec(name="A1"), CodeSpec(name="A2"))),
            CodeSpec(
                name="B",
                color="#d95f02",
                children=(CodeSpec(name="B1", color="#123456", children=(CodeSpec(name="x"),)),),
            ),
            CodeSpec(name="C"),
        ),
    )


def test_assign_colors_gives_every_uncoloured_code_a_readable_colour():
    before = dict(tree().walk())
    for path, code in assign_colors(tree()).walk():
        assert code.color is not None, path
        if before[path].color is None:
            assert readable(code.color), path


def test_assign_colors_keeps_written_colours():
    coloured = assign_colors(tree())
    assert coloured.find(("B",)).color == "#d95f02"
    assert coloured.find(("B", "B1")).color == "#123456"


def test_assign_colors_gives_each_category_its_own_hue_and_sub_codes_variations():
    coloured = assign_colors(tree())
    top = [code.color for code in coloured.codes]
    assert len(set(top)) == 3
    a = coloured.find(("A",))
    assert [child.color for child in a.children] == [variant(a.color, 0), variant(a.color, 1)]
    assert coloured.find(("B", "B1", "x")).color == variant("#123456", 0)


def test_assign_colors_does_not_reuse_a_palette_colour_already_written():
    spec = CodebookSpec(
        name="t", source="t", codes=(CodeSpec(name="A"), CodeSpec(name="B", color=PALETTE[0]))
    )
    assert assign_colors(spec).codes[0].color == PALETTE[1]


def test_assign_colors_copes_with_more_categories_than_palette_colours():
    spec = CodebookSpec(
        name="t", source="t", codes=tuple(CodeSpec(name=f"C{i}") for i in range(20))
    )
    colours = [code.color for code in assign_colors(spec).codes]
    assert len(set(colours)) == 20
    assert all(readable(color) for color in colours)


def test_assign_colors_leaves_the_original_untouched():
    original = tree()
    assign_colors(original)
    assert original.codes[0].color is None
