"""Every malformed YAML codebook is refused with the file, line and problem."""

from textwrap import dedent

import pytest

from qualcode.codebook import parse_codebook_yaml
from qualcode.errors import CodebookError, QualcodeError

SOURCE = "codes.yaml"


def refusal(text: str) -> CodebookError:
    with pytest.raises(CodebookError) as caught:
        parse_codebook_yaml(dedent(text).lstrip("\n"), SOURCE)
    message = str(caught.value)
    assert "\n" not in message, "a refusal is one line"
    assert isinstance(caught.value, QualcodeError)
    return caught.value


def assert_refused_at(text: str, line: int, *words: str) -> None:
    error = refusal(text)
    assert error.line == line, str(error)
    assert str(error).startswith(f"{SOURCE}:{line}: "), str(error)
    for word in words:
        assert word in str(error), str(error)


def test_yaml_syntax_error_is_refused_with_its_line():
    assert_refused_at(
        """
        name: Broken
        codes:
          - name: Belasting
            description: "never closed
          - name: Rol
        """,
        4,
        "not valid YAML",
    )


def test_bad_indentation_is_refused_with_its_line():
    assert_refused_at(
        """
        codes:
          - name: A
         description: out of line
        """,
        3,
        "not valid YAML",
    )


def test_empty_file_is_refused():
    for text in ("", "   \n\n", "# only a comment\n"):
        error = refusal(text)
        assert "empty" in str(error)
        assert error.line == 1


def test_top_level_list_is_refused():
    assert_refused_at("- name: Belasting\n", 1, "top level must be a mapping", "list")


def test_top_level_text_is_refused():
    assert_refused_at("just some words\n", 1, "top level must be a mapping")


def test_missing_codes_is_refused():
    assert_refused_at("name: Nothing here\nlanguage: nl\n", 1, "'codes' is missing")


def test_empty_codes_list_is_refused():
    assert_refused_at("name: X\ncodes: []\n", 2, "'codes' is empty")
    assert_refused_at("name: X\ncodes:\n", 2, "'codes' is empty")


def test_codes_that_is_not_a_list_is_refused():
    assert_refused_at("name: X\ncodes:\n  Belasting: yes\n", 3, "must be a list")


def test_code_that_is_not_a_mapping_is_refused():
    assert_refused_at("codes:\n  - Belasting\n", 2, "must be a mapping", "- name:")


def test_code_without_name_is_refused():
    assert_refused_at(
        """
        codes:
          - name: Belasting
          - description: forgot the name
        """,
        3,
        "'name' is missing",
    )


def test_code_with_empty_name_is_refused():
    assert_refused_at('codes:\n  - name: "  "\n', 2, "'name' is missing or empty")
    assert_refused_at("codes:\n  - name:\n", 2, "'name' is missing or empty")


def test_name_that_is_a_list_is_refused():
    assert_refused_at("codes:\n  - name: [a, b]\n", 2, "'name' must be text")


def test_name_longer_than_200_characters_is_refused():
    assert_refused_at(f"codes:\n  - name: {'x' * 201}\n", 2, "201 characters", "at most 200")


def test_name_with_path_separator_is_refused():
    assert_refused_at('codes:\n  - name: "A > B"\n', 2, "may not contain '>'")


def test_duplicate_sibling_names_are_refused_ignoring_case():
    assert_refused_at(
        """
        codes:
          - name: Belasting
            children:
              - name: Burn-out
              - name: burn-out
        """,
        5,
        "two codes named 'burn-out'",
        "first at line 4",
    )


def test_same_name_under_different_parents_is_accepted():
    spec = parse_codebook_yaml(
        "codes:\n  - name: A\n    children: [{name: Other}]\n"
        "  - name: B\n    children: [{name: Other}]\n",
        SOURCE,
    )
    assert [path for path, _ in spec.walk()] == [("A",), ("A", "Other"), ("B",), ("B", "Other")]


@pytest.mark.parametrize("color", ["#12345", "d95f02", "#ggg", "hotpink", "rgb(1,2,3)"])
def test_bad_colour_is_refused(color):
    assert_refused_at(f'codes:\n  - name: A\n    color: "{color}"\n', 3, "colour", "#rrggbb")


def test_unquoted_hex_colour_is_refused_with_a_hint():
    assert_refused_at("codes:\n  - name: A\n    color: #d95f02\n", 3, "quote hex colours")


def test_unknown_code_key_is_refused_listing_the_allowed_keys():
    error = refusal(
        """
        codes:
          - name: A
            definition: the wrong spelling
        """
    )
    assert error.line == 3
    assert "unknown key 'definition'" in str(error)
    assert "description, inclusion, exclusion, example, color" in str(error)


def test_unknown_top_level_key_is_refused():
    assert_refused_at(
        "name: X\ncode:\n  - name: A\ncodes:\n  - name: A\n", 2, "unknown key 'code'", "codes"
    )


def test_key_given_twice_in_one_code_is_refused():
    assert_refused_at(
        """
        codes:
          - name: A
            color: "#ff0000"
            colour: "#00ff00"
        """,
        4,
        "given twice",
        "line 3",
    )


def test_merge_keys_are_refused():
    assert_refused_at(
        """
        base: &b {description: shared}
        codes:
          - name: A
        """,
        1,
        "unknown key 'base'",
    )
    assert_refused_at(
        """
        codes:
          - &a {name: A, description: shared}
          - <<: *a
            name: B
        """,
        3,
        "merge keys",
    )


@pytest.mark.parametrize("key", ["10", "0", "ab", "!", " "])
def test_key_that_is_not_one_digit_or_letter_is_refused(key):
    assert_refused_at(
        f'codes:\n  - name: A\n    key: "{key}"\n', 3, "key", "'1' to '9' or a letter"
    )


def test_key_used_twice_is_refused_naming_both_codes():
    assert_refused_at(
        """
        codes:
          - name: A
            key: "1"
            children:
              - name: B
                key: 1
        """,
        6,
        "key '1' is already used by 'A' (line 3)",
        "'A > B'",
    )


def test_invalid_guid_is_refused():
    assert_refused_at('codes:\n  - name: A\n    guid: "not-a-guid"\n', 3, "not a GUID")


def test_guid_used_twice_is_refused():
    guid = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
    assert_refused_at(
        f'codes:\n  - name: A\n    guid: "{guid}"\n  - name: B\n    guid: "{guid.upper()}"\n',
        5,
        "already used by 'A'",
    )


def test_children_that_is_not_a_list_is_refused():
    assert_refused_at(
        """
        codes:
          - name: A
            children:
              name: B
        """,
        4,
        "children of 'A' must be a list",
    )


def test_alias_that_makes_a_code_its_own_child_is_refused_at_the_alias():
    assert_refused_at(
        """
        codes:
          - &a
            name: A
            children:
              - name: B
              - *a
        """,
        6,
        "own descendant",
    )


def test_alias_cycle_through_a_children_list_is_refused():
    assert_refused_at(
        """
        codes:
          - name: A
            children: &kids
              - name: B
                children: *kids
        """,
        5,
        "own descendant",
    )


def test_alias_repeating_a_subtree_elsewhere_is_accepted():
    spec = parse_codebook_yaml(
        dedent(
            """
            codes:
              - name: A
                children: &shared
                  - name: Leaf
              - name: B
                children: *shared
            """
        ),
        SOURCE,
    )
    assert [path for path, _ in spec.walk()][-1] == ("B", "Leaf")


def test_nesting_deeper_than_twelve_levels_is_refused():
    text = "codes:\n"
    for depth in range(13):
        indent = "  " * (2 * depth)
        text += f"{indent}  - name: Level {depth + 1}\n{indent}    children:\n"
    text += "  " * 26 + "  - name: Level 14\n"
    error = refusal(text)
    assert "nested more than 12 levels" in str(error)
    assert error.line == 2 * 12 + 2


def test_twelve_levels_are_accepted():
    text = "codes:\n"
    for depth in range(11):
        indent = "  " * (2 * depth)
        text += f"{indent}  - name: Level {depth + 1}\n{indent}    children:\n"
    text += "  " * 22 + "  - name: Level 12\n"
    spec = parse_codebook_yaml(text, SOURCE)
    assert max(len(path) for path, _ in spec.walk()) == 12


def test_more_than_5000_codes_is_refused():
    text = "codes:\n" + "".join(f"  - name: Code {i}\n" for i in range(5001))
    assert_refused_at(text, 5002, "more than 5,000 codes")


def test_alias_explosion_stops_at_the_code_limit():
    text = "codes:\n  - &l0 {name: x0}\n"
    for level in range(1, 6):
        wide = ", ".join(f"{{name: s{i}, children: [*l{level - 1}]}}" for i in range(10))
        text += f"  - &l{level} {{name: x{level}, children: [{wide}]}}\n"
    assert "more than 5,000 codes" in str(refusal(text))


def test_very_deep_flow_nesting_is_refused_not_crashed():
    error = refusal("codes: " + "[" * 5000 + "]" * 5000 + "\n")
    assert "codes" in str(error) or "nested" in str(error)


def test_control_character_is_refused_with_its_line():
    assert_refused_at("codes:\n  - name: A\n  - name: B\x07\n", 3, "not valid YAML")


def test_several_documents_are_refused():
    assert_refused_at("codes:\n  - name: A\n---\ncodes:\n  - name: B\n", 3, "not valid YAML")


def test_bad_language_tag_is_refused():
    assert_refused_at("language: Nederlands!\ncodes:\n  - name: A\n", 1, "language tag")


def test_text_longer_than_the_limit_is_refused():
    assert_refused_at(
        f"codes:\n  - name: A\n    description: {'word ' * 5000}\n", 3, "at most 20,000"
    )
