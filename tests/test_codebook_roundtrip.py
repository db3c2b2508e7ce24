"""Writing a codebook as YAML and reading it back gives the same codebook."""

from pathlib import Path

from qualcode.codebook import (
    CodebookSpec,
    CodeSpec,
    dump_codebook_yaml,
    load_codebook,
    parse_codebook_yaml,
)

SHIPPED = Path(__file__).resolve().parent.parent / "codebooks" / "gp-psychosocial-burden.yaml"


def round_trip(spec: CodebookSpec) -> CodebookSpec:
    return parse_codebook_yaml(dump_codebook_yaml(spec), spec.source)


def test_shipped_codebook_survives_dump_and_parse():
    spec = load_codebook(SHIPPED)
    assert round_trip(spec) == spec


def test_awkward_texts_survive_dump_and_parse():
    spec = CodebookSpec(
        name="yes",
        source="awkward.yaml",
        description="Line one\nline two: with a colon\n\n  indented # not a comment",
        language="en-GB",
        version="2.0",
        codes=(
            CodeSpec(
                name="1",
                description="- starts like a list item",
                inclusion="\"quoted\" and 'single'",
                exclusion="null",
                example="Ze zei: « ik kan niet meer » — en toen huilde ze.",
                color="#0a0b0c",
                key="a",
                guid="{3F2504E0-4F89-11D3-9A0C-0305E82C3301}",
                children=(
                    CodeSpec(name="Patiëntgebonden factoren", key="Z"),
                    CodeSpec(name="~", description="trailing spaces   \nkept inside"),
                    CodeSpec(name="[not a list]", example="a\ttab"),
                ),
            ),
            CodeSpec(name="No extras"),
        ),
    )
    assert round_trip(spec) == spec


def test_dump_leaves_out_empty_fields_and_indents_children():
    text = dump_codebook_yaml(
        CodebookSpec(
            name="Small",
            source="small.yaml",
            codes=(CodeSpec(name="Belasting", children=(CodeSpec(name="Objectieve", key="1"),)),),
        )
    )
    assert text == (
        "name: Small\n"
        "codes:\n"
        "  - name: Belasting\n"
        "    children:\n"
        "      - name: Objectieve\n"
        "        key: '1'\n"
    )


def test_walk_yields_paths_depth_first_in_file_order():
    spec = parse_codebook_yaml(
        "codes:\n"
        "  - name: A\n"
        "    children:\n"
        "      - name: A1\n"
        "        children: [{name: A1a}]\n"
        "      - name: A2\n"
        "  - name: B\n",
        "walk.yaml",
    )
    assert [path for path, _ in spec.walk()] == [
        ("A",),
        ("A", "A1"),
        ("A", "A1", "A1a"),
        ("A", "A2"),
        ("B",),
    ]
    assert [code.name for _, code in spec.walk()] == ["A", "A1", "A1a", "A2", "B"]


def test_find_looks_codes_up_by_path_ignoring_case():
    spec = parse_codebook_yaml("codes:\n  - name: Burn-out\n    children: [{name: Ja}]\n", "f.yaml")
    code = spec.find(("burn-out", "JA"))
    assert code is not None and code.name == "Ja"
    assert spec.find(("Ja",)) is None


def test_names_and_texts_are_trimmed_and_hex_colours_normalised():
    spec = parse_codebook_yaml(
        'codes:\n  - name: "  Belasting  "\n    description: |\n      Two\n      lines\n'
        '    colour: "#ABC"\n    key: 7\n',
        "f.yaml",
    )
    code = spec.codes[0]
    assert (code.name, code.description, code.color, code.key) == (
        "Belasting",
        "Two\nlines",
        "#aabbcc",
        "7",
    )


def test_css_colour_names_are_accepted():
    spec = parse_codebook_yaml("codes:\n  - name: A\n    color: Teal\n", "f.yaml")
    assert spec.codes[0].color == "#008080"


def test_missing_codebook_name_falls_back_to_the_file_name():
    spec = parse_codebook_yaml("codes:\n  - name: A\n", "/data/my study codes.yaml")
    assert spec.name == "my study codes"
    assert spec.source == "/data/my study codes.yaml"
