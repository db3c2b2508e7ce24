"""Colours for uncoloured codes, colour names, and the project's language."""

import colorsys
from pathlib import Path

import pytest

from qualcode.codebook.colors import READABLE_LUMINANCE, relative_luminance
from qualcode.errors import QualcodeError
from qualcode.project import Project
from tests.conftest import INTERVIEW

ENGLISH = (
    "I: Do you see psychosocial care as part of your role?\n"
    "GP4: Yes, I do. It is one of the things that I find most important in my work, but it is "
    "also the part that takes the most of my time and energy. When a patient comes in with a "
    "problem that is not only physical, I have to listen to them for a long time, and I often "
    "run late because of that.\n"
    "I: What makes it hard for you?\n"
    "GP4: The fact that you give so much and you get so little back. There is no reciprocity, "
    "and that is what wears me out at the end of the day.\n"
)


def _hue(color: str) -> float:
    r, g, b = (int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(r, g, b)[0] * 360


def test_every_uncoloured_code_gets_a_distinct_readable_colour(project: Project):
    for category in ("Belasting", "Tips", "Burn-out"):
        project.add_code(None, category)
    for name in ("Objectieve", "Subjectieve", "Geen invloed"):
        project.add_code("Belasting", name)
    project.add_code("Tips", "Grenzen stellen", color="#123456")
    assert project.assign_code_colours() == 6
    codes = {c.path_text: c.color for c in project.codes()}
    assert all(codes.values())
    assert codes["Tips > Grenzen stellen"] == "#123456"
    invented = [color for path, color in codes.items() if path != "Tips > Grenzen stellen"]
    assert len(set(invented)) == len(invented)
    low, high = READABLE_LUMINANCE
    assert all(low - 0.01 <= relative_luminance(c) <= high + 0.01 for c in invented)
    category = _hue(codes["Belasting"])
    for sub in ("Objectieve", "Subjectieve", "Geen invloed"):
        assert abs((_hue(codes[f"Belasting > {sub}"]) - category + 180) % 360 - 180) <= 25
    assert project.assign_code_colours() == 0
    project.undo()
    assert project.code("Belasting").color is None


def test_colour_names_are_accepted_where_a_colour_is_typed(project: Project):
    project.add_code(None, "Belasting", color="orange")
    project.update_code("Belasting", color="Teal")
    assert project.code("Belasting").color == "#008080"
    with pytest.raises(QualcodeError, match="colour 'oranje' is not"):
        project.update_code("Belasting", color="oranje")


def test_cli_colours(cli, project_path: Path, write_file):
    cli("init", project_path)
    cli("codebook", project_path, write_file("cb.csv", "path\nA\nA > B\nC\n"))
    result = cli("colours", project_path)
    assert (result.code, result.out) == (0, "3 codes got a colour\n")
    assert '"color": null' not in cli("codes", project_path, "--json").out


@pytest.mark.sqlite_only
def test_init_refuses_a_language_spacy_cannot_handle_and_lists_codes(cli, project_path: Path):
    result = cli("init", project_path, "--language", "english")
    assert result.code == 1 and result.err.count("\n") == 1
    assert "language 'english'" in result.err and "did you mean 'en'?" in result.err
    assert " nl, " in result.err and " en, " in result.err
    assert not project_path.exists()
    with pytest.raises(QualcodeError, match="language 'ja'"):
        Project.create(project_path, language="ja")


def test_english_text_in_a_dutch_project_is_warned_about(project: Project, write_file):
    report = project.import_document(write_file("GP4.txt", ENGLISH))
    [warning] = report.warnings
    assert "looks like 'en'" in warning and "language is 'nl'" in warning
    dutch = project.import_document(write_file("HA1.txt", INTERVIEW * 3))
    assert dutch.warnings == ()


def test_changing_the_language_splits_sentences_again_and_codings_keep_offsets(
    project: Project, write_file, cli, project_path: Path
):
    project.import_document(write_file("GP4.txt", ENGLISH))
    project.add_code(None, "Reciprocity")
    text = project.document_text("GP4").text
    start = text.index("There is no reciprocity")
    project.add_coding("GP4", "Reciprocity", start, start + 23)
    before = project.codings()
    result = cli("language", project_path, "en")
    assert result.code == 0, result.err
    assert project.language == "en"
    assert project.codings() == before
    sentences = project.document_text("GP4").sentences
    assert sentences and all(text[s:e].strip() for s, e in sentences)
    assert text.index("The fact") in [s for s, _ in sentences]
    refused = cli("language", project_path, "klingon")
    assert refused.code == 1 and "use one of" in refused.err
    assert project.language == "en"
