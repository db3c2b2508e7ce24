"""Codebooks as .csv/.xlsx tables in, and as YAML/CSV/XLSX out: round trips and refusals."""

from pathlib import Path

import pytest

from qualcode.codebook import load_codebook
from qualcode.errors import CodebookError
from qualcode.project import Project

SHIPPED = Path(__file__).resolve().parent.parent / "codebooks" / "gp-psychosocial-burden.yaml"


def codes_of(project: Project) -> list[tuple]:
    return [(c.path, c.guid, c.description, c.inclusion, c.exclusion, c.example, c.color, c.key)
            for c in project.codes()]


def names(spec) -> list[tuple[str, ...]]:
    return [path for path, _ in spec.walk()]


@pytest.mark.parametrize("suffix", ["yaml", "csv", "xlsx"])
def test_codebook_round_trip_through_a_file_gives_identical_codes(tmp_path: Path, cli, suffix):
    first, second = tmp_path / "a.qualcode", tmp_path / "b.qualcode"
    assert cli("init", first, "--codebook", SHIPPED).code == 0
    out = tmp_path / f"codebook.{suffix}"
    format_ = "yaml" if suffix == "yaml" else "codebook"
    written = cli("export", format_, first, out)
    assert written.code == 0, written.err
    assert cli("init", second, "--codebook", out).code == 0
    with Project.open(first) as a, Project.open(second) as b:
        assert codes_of(b) == codes_of(a)
        assert len(codes_of(a)) == 40


def test_export_yaml_is_read_back_as_the_same_codebook(tmp_path: Path, cli):
    first = tmp_path / "a.qualcode"
    cli("init", first, "--codebook", SHIPPED)
    cli("export", "yaml", first, tmp_path / "out.yaml")
    original, again = load_codebook(SHIPPED), load_codebook(tmp_path / "out.yaml")
    assert names(again) == names(original)
    assert [c.description for _, c in again.walk()] == [c.description for _, c in original.walk()]


def test_csv_with_a_path_column(write_file):
    spec = load_codebook(write_file("cb.csv", (
        "path,description,colour,key\n"
        "Belasting,Wat zwaar is,orange,\n"
        "Belasting > Objectieve belasting,Langere consultaties,#1b9e77,1\n"
        "Tips > Grenzen stellen,,,\n")))
    assert names(spec) == [("Belasting",), ("Belasting", "Objectieve belasting"), ("Tips",),
                           ("Tips", "Grenzen stellen")]
    belasting = spec.codes[0]
    assert (belasting.color, belasting.description) == ("#ffa500", "Wat zwaar is")
    assert belasting.children[0].key == "1"


def test_csv_with_category_and_code_columns_separated_by_semicolons(write_file):
    spec = load_codebook(write_file("cb.csv", (
        "Category;Code;Description;Color\n"
        "Belasting;;Wat zwaar is;\n"
        "Belasting;Objectieve belasting;Tijd;\n"
        "Belasting;Subjectieve belasting > Geen invloed;;red\n")))
    assert names(spec) == [("Belasting",), ("Belasting", "Objectieve belasting"),
                           ("Belasting", "Subjectieve belasting"),
                           ("Belasting", "Subjectieve belasting", "Geen invloed")]


def test_maxqda_codes_and_memos_table_is_read(tmp_path: Path):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Code", "Memo"])
    sheet.append(["Belasting", "Wat huisartsen zwaar vinden"])
    sheet.append(["Belasting\\Objectieve belasting", "Tijd"])
    sheet.append(["Tips > Afwisseling", None])
    workbook.save(tmp_path / "maxqda.xlsx")
    spec = load_codebook(tmp_path / "maxqda.xlsx")
    assert names(spec) == [("Belasting",), ("Belasting", "Objectieve belasting"), ("Tips",),
                           ("Tips", "Afwisseling")]
    assert spec.codes[0].description == "Wat huisartsen zwaar vinden"


def test_code_and_parent_columns(write_file):
    spec = load_codebook(write_file("cb.csv", (
        "code,parent\nObjectieve belasting,Belasting\nBelasting,\n")))
    assert names(spec) == [("Belasting",), ("Belasting", "Objectieve belasting")]


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        ("name,description\nBelasting,x\n", 1, "missing column 'path' (or 'code')"),
        ("category,description\nBelasting,x\n", 1, "missing column 'code'"),
        ("path\nBelasting\nBelasting > Tijd\nbelasting > tijd\n", 4,
         "'belasting > tijd' is listed twice (first at line 3)"),
        ("path\nA > B > A\n", 2, "names 'A' twice: a code cannot be its own ancestor (a cycle)"),
        ("code,parent\nA,B\nB,C\nC,A\n", 2, "its parents lead back to itself (a cycle"),
        ("path,colour\nBelasting,oranje\n", 2, "colour 'oranje' is not"),
        ("path,key\nA,1\nB,1\n", 3, "key '1' is already used by 'A' (line 2)"),
        ("path\nA >  > B\n", 2, "a name in the path is empty"),
        ('path,description\n"A\n",x\nB > ,y\n', 4, "a name in the path is empty"),
    ],
)
def test_bad_table_is_refused_naming_the_line_and_nothing_changes(
    cli, project_path: Path, write_file, content, line, problem
):
    from tests.conftest import dump

    path = write_file("cb.csv", content)
    with pytest.raises(CodebookError) as refused:
        load_codebook(path)
    assert refused.value.line == line
    assert problem in str(refused.value)
    assert str(refused.value).startswith(f"{path}:{line}: ")
    cli("init", project_path)
    before = dump(project_path)
    result = cli("codebook", project_path, path)
    assert result.code == 1 and result.err == f"error: {refused.value}\n"
    assert dump(project_path) == before


def test_xlsx_errors_name_the_sheet_row(tmp_path: Path):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["path", "color"])
    sheet.append(["A", "#123456"])
    sheet.append(["B", "nope"])
    workbook.save(tmp_path / "cb.xlsx")
    with pytest.raises(CodebookError, match=r"cb\.xlsx:3: code 'B': colour 'nope'"):
        load_codebook(tmp_path / "cb.xlsx")


def test_export_codebook_refuses_an_unknown_suffix(cli, project_path: Path, tmp_path: Path):
    cli("init", project_path, "--codebook", SHIPPED)
    result = cli("export", "codebook", project_path, tmp_path / "codes.txt")
    assert result.code == 1 and "codes.txt: a codebook is written as" in result.err
    assert not (tmp_path / "codes.txt").exists()
