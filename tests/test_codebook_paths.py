"""Code paths as researchers type them: "Parent > Child"."""

import pytest

from qualcode.codebook import CodePathError, format_code_path, parse_code_path
from qualcode.errors import QualcodeError


def test_code_path_is_split_on_the_separator_and_stripped():
    assert parse_code_path("Belasting > Subjectieve belasting") == (
        "Belasting",
        "Subjectieve belasting",
    )
    assert parse_code_path("  Belasting>Objectieve belasting  ") == (
        "Belasting",
        "Objectieve belasting",
    )


def test_a_single_name_is_a_path_of_one():
    assert parse_code_path("Burn-out") == ("Burn-out",)


def test_names_keep_their_inner_spaces_and_accents():
    assert parse_code_path("Rol van de huisarts >  Patiëntgebonden factoren") == (
        "Rol van de huisarts",
        "Patiëntgebonden factoren",
    )


@pytest.mark.parametrize("path", ["", "   ", "Belasting >", "> Belasting", "A >> B", "A > > B"])
def test_paths_with_an_empty_part_are_refused(path):
    with pytest.raises(CodePathError) as caught:
        parse_code_path(path)
    assert isinstance(caught.value, QualcodeError)
    assert "empty" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_refusal_names_the_path_and_the_empty_part():
    with pytest.raises(CodePathError, match=r"'A > > B': part 2 of 3 is empty"):
        parse_code_path("A > > B")


def test_format_code_path_is_the_inverse_of_parse():
    path = ("Belasting", "Subjectieve belasting", "Patiëntgebonden factoren")
    assert parse_code_path(format_code_path(path)) == path
    assert format_code_path(path) == "Belasting > Subjectieve belasting > Patiëntgebonden factoren"
