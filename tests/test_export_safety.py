"""Each safety rule of the workbook, with adversarial inputs, checked by reopening the file.

Workbooks with quotes are always streamed (constant memory), so that is the mode tested.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from test_export_study import add_interview, code_text

from qualcode.export import export_workbook, xlsx
from qualcode.export.safety import EXCEL_CELL_LIMIT, sheet_names
from qualcode.export.wording import fixed_sheets, wording
from qualcode.project import Project

RISKY = ["=SUM(A1:A9)", "+31 9 123", "-1+2", "@risk is hoog", "\tingesprongen", "\rterug"]
LONG_CATEGORY = "Vermindering van de belasting: wat helpt? [deel 1/2] *kort* \\ lang"


@pytest.fixture
def hostile(tmp_path: Path):
    """A project whose quotes, memos and category names try every trap."""
    project = Project.create(tmp_path / "hostile.qualcode", coder="Lotte")
    project.add_code(None, "Formules", color="#1b9e77")
    project.add_code(None, LONG_CATEGORY + " A", color="#d95f02")
    project.add_code(None, LONG_CATEGORY + " B")
    turns = [("HA1", text) for text in RISKY]
    turns.append(("HA1", "Een bel\x07 en een \x0bverticale tab en \x1b escape."))
    add_interview(project, "HA1", turns)
    for text in RISKY:
        code_text(project, "HA1", "Formules", text)
    code_text(project, "HA1", LONG_CATEGORY + " A", "Een bel\x07 en een \x0bverticale tab",
              memo="=HYPERLINK(\"http://example.invalid\")\x01")
    long_words = ("ik weet het niet " * 2500)[:40_000]
    add_interview(project, "HA2", [("HA2", long_words)])
    code_text(project, "HA2", LONG_CATEGORY + " B", long_words)
    yield project
    project.close()


def _export(project: Project, tmp_path: Path) -> Path:
    out = tmp_path / "out.xlsx"
    export_workbook(project, out)
    return out


def _quotes(sheet) -> list[str]:
    header = next(r for r in sheet.iter_rows(values_only=True) if r and r[0] == "Code")
    column = header.index("Citaat")
    return [row[column] for row in sheet.iter_rows(min_row=5, values_only=True)
            if row[column] is not None]


def test_text_that_looks_like_a_formula_stays_text(hostile, tmp_path):
    out = _export(hostile, tmp_path)
    book = openpyxl.load_workbook(out)
    sheet = book["Formules"]
    quote = [c.value for c in sheet[4]].index("Citaat")
    cells = [row[quote] for row in sheet.iter_rows(min_row=5) if row[quote].value]
    # a CR is stored as a line feed (Excel would show "_x000D_" to other readers)
    assert {c.value for c in cells} == {t.replace("\r", "\n") for t in RISKY}
    assert cells and all(c.data_type == "s" for c in cells)
    assert all(c.quotePrefix for c in cells)
    for sheet_name in book.sheetnames:
        for row in book[sheet_name].iter_rows():
            assert not any(c.data_type == "f" for c in row)
    calamine = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Formules").to_python()
    assert "=SUM(A1:A9)" in [v for row in calamine for v in row]


def test_a_memo_with_a_formula_and_a_control_character_is_cleaned_text(hostile, tmp_path):
    out = _export(hostile, tmp_path)
    book = openpyxl.load_workbook(out)
    sheet = book[sheet_names([LONG_CATEGORY + " A"], [])[0]]
    memos = [c for row in sheet.iter_rows(min_row=5) for c in row
             if isinstance(c.value, str) and c.value.startswith("=HYPERLINK")]
    assert [m.value for m in memos] == ['=HYPERLINK("http://example.invalid")']
    assert memos[0].data_type == "s"


def test_control_characters_are_removed_from_the_cell_and_counted(hostile, tmp_path):
    out = _export(hostile, tmp_path)
    book = openpyxl.load_workbook(out)
    sheet = book[sheet_names([LONG_CATEGORY + " A"], [])[0]]
    assert "Een bel en een verticale tab" in _quotes(sheet)
    overview = {row[0]: row[1] for row in book["Overzicht"].iter_rows(values_only=True)}
    # the quote and its memo, on the category sheet and again on the Memos sheet
    assert overview["Opgeschoonde cellen"].startswith("uit 4 cellen")


def test_a_40000_character_quote_continues_on_marked_rows_and_nothing_is_lost(
        hostile, tmp_path):
    out = _export(hostile, tmp_path)
    name = sheet_names([LONG_CATEGORY + " A", LONG_CATEGORY + " B"], [])[1]
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name(name).to_python()
    header = next(r for r in rows if r and r[0] == "Code")
    quote, position = header.index("Citaat"), header.index("Plaats")
    pieces = [r for r in rows[4:] if r[quote]]
    assert len(pieces) == 2
    assert all(len(r[quote]) <= EXCEL_CELL_LIMIT for r in pieces)
    assert "".join(r[quote] for r in pieces) == ("ik weet het niet " * 2500)[:40_000]
    assert pieces[0][position].endswith("(deel 1 van 2)")
    assert pieces[1][position] == "vervolg: deel 2 van 2"
    assert pieces[1][1] == "HA2"  # participant repeated so a filter keeps both parts
    overview = dict(r[:2] for r in
                    CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Overzicht")
                    .to_python())
    assert overview["Gesplitste lange teksten"].startswith("1 tekst langer")


def test_sheet_names_are_valid_unique_and_the_title_row_keeps_the_full_name(
        hostile, tmp_path):
    out = _export(hostile, tmp_path)
    book = openpyxl.load_workbook(out)
    categories = [n for n in book.sheetnames if n not in fixed_sheets(wording("nl"))]
    assert len(categories) == 3
    assert len({n.casefold() for n in categories}) == 3
    for name in categories:
        assert len(name) <= 31
        assert not set(name) & set("[]:*?/\\")
    titles = {book[n]["A1"].value for n in categories}
    assert {LONG_CATEGORY + " A", LONG_CATEGORY + " B", "Formules"} == titles


def test_sheet_names_avoid_the_fixed_sheets_and_excel_reserved_history():
    names = sheet_names(["Overview", "history", "", "'quoted'", "x" * 40, "x" * 40],
                        ["Overview", "Codebook"])
    assert names[0] == "Overview (2)"
    assert names[1] == "history (2)"
    assert names[2] == "Category"
    assert names[3] == "quoted"
    assert names[4] == "x" * 31 and names[5] == "x" * 27 + " (2)"


def test_a_failed_export_leaves_no_file_and_no_temporary_file(hostile, tmp_path,
                                                              monkeypatch):
    def explode(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(xlsx, "_saturation", explode)
    out = tmp_path / "exports"
    out.mkdir()
    with pytest.raises(RuntimeError):
        export_workbook(hostile, out / "thesis.xlsx")
    assert list(out.iterdir()) == []


def test_an_existing_workbook_is_replaced_only_when_the_export_succeeds(hostile, tmp_path,
                                                                        monkeypatch):
    out = tmp_path / "thesis.xlsx"
    out.write_bytes(b"the supervisor's copy")
    monkeypatch.setattr(xlsx, "_frequencies", lambda *_a: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        export_workbook(hostile, out)
    assert out.read_bytes() == b"the supervisor's copy"
    assert [p.name for p in tmp_path.iterdir() if "xlsx" in p.name] == ["thesis.xlsx"]
    monkeypatch.undo()
    export_workbook(hostile, out)
    assert openpyxl.load_workbook(out).sheetnames[0] == "Overzicht"
