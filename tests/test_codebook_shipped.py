"""The GP psychosocial-burden codebook that ships with qualcode."""

from pathlib import Path

import pytest

from qualcode.codebook import CodebookSpec, load_codebook
from qualcode.codebook.colors import contrast_ratio

SHIPPED = Path(__file__).resolve().parent.parent / "codebooks" / "gp-psychosocial-burden.yaml"

TOP_LEVEL = (
    "Rol van de huisarts",
    "Belasting",
    "Emoties en gedrag",
    "Valkuilen",
    "Burn-out",
    "Vermindering van de belasting",
    "Tips voor collega's",
)

SUBJECTIVE = ("Belasting", "Subjectieve belasting")
KEYS = {
    "1": ("Belasting", "Objectieve belasting"),
    "2": (*SUBJECTIVE, "Patiëntgebonden factoren", "Gebrek aan wederkerigheid"),
    "3": ("Tips voor collega's", "Juiste empathie en afstand"),
    "4": ("Tips voor collega's", "Grenzen stellen"),
    "5": (*SUBJECTIVE, "Patiëntgebonden factoren", "Somatiserende patiënt"),
    "6": (*SUBJECTIVE, "Artsgebonden factoren", "Geen invloed"),
    "7": ("Vermindering van de belasting", "Eerstelijnspsycholoog"),
    "8": ("Vermindering van de belasting", "Steun van collega's"),
    "9": ("Rol van de huisarts", "Laagdrempeligheid"),
}

CORE = (
    ("Belasting", "Objectieve belasting"),
    SUBJECTIVE,
    (*SUBJECTIVE, "Patiëntgebonden factoren", "Gebrek aan wederkerigheid"),
    ("Tips voor collega's", "Juiste empathie en afstand"),
    ("Tips voor collega's",),
)


@pytest.fixture(scope="module")
def codebook() -> CodebookSpec:
    return load_codebook(SHIPPED)


def test_shipped_codebook_has_its_name_language_and_forty_codes(codebook):
    assert codebook.name == "GP psychosocial burden"
    assert codebook.language == "nl"
    assert len(list(codebook.walk())) == 40


def test_shipped_codebook_has_the_seven_categories_of_the_study_in_order(codebook):
    assert tuple(code.name for code in codebook.codes) == TOP_LEVEL


def test_shipped_codebook_has_the_deepest_codes_at_their_paths(codebook):
    paths = {path for path, _ in codebook.walk()}
    assert (*SUBJECTIVE, "Patiëntgebonden factoren", "Concentratie moeilijke patiënten") in paths
    assert (*SUBJECTIVE, "Artsgebonden factoren", "Verhogende factoren") in paths
    assert ("Tips voor collega's", "Afwisseling") in paths
    assert max(len(path) for path in paths) == 4


def test_shortcut_keys_one_to_nine_apply_the_most_used_codes(codebook):
    keys = {code.key: path for path, code in codebook.walk() if code.key}
    assert keys == KEYS


def test_every_code_has_an_english_definition(codebook):
    for path, code in codebook.walk():
        assert len(code.description.split()) >= 8, path


@pytest.mark.parametrize("path", CORE, ids=" > ".join)
def test_core_codes_have_inclusion_exclusion_and_example(codebook, path):
    code = codebook.find(path)
    assert code is not None
    assert code.inclusion and code.exclusion and code.example


def test_every_code_has_a_colour_readable_under_light_and_dark_text(codebook):
    for path, code in codebook.walk():
        assert code.color is not None, path
        assert contrast_ratio(code.color, "#ffffff") >= 3, path
        assert contrast_ratio(code.color, "#000000") >= 3, path


def test_categories_have_distinct_colours_and_sub_codes_differ_from_siblings(codebook):
    assert len({code.color for code in codebook.codes}) == len(codebook.codes)
    for _, code in codebook.walk():
        colours = [child.color for child in code.children]
        assert len(set(colours)) == len(colours), code.name


def test_no_two_codes_in_the_shipped_codebook_share_a_colour(codebook):
    colours = [code.color for _, code in codebook.walk()]
    assert len(set(colours)) == len(colours)
