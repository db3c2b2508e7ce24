"""Code × document, code × participant and code × attribute matrices with totals."""

import pytest

from qualcode.analysis.builder import StudyBuilder
from qualcode.analysis.errors import AnalysisError
from qualcode.analysis.matrices import (
    attribute_buckets,
    cell_codings,
    code_by_attribute,
    code_by_document,
    code_by_participant,
)


def _study():
    """GP1 was interviewed twice (I1, I4); I5 has no case and so no attributes."""
    study = StudyBuilder()
    for code in ["A", "B", "C"]:
        study.code(code)
    study.case("GP1", gender="v", age=34)
    study.case("GP2", gender="m", age=41)
    study.case("GP3", gender=" v", age="38")
    study.document("I1", case="GP1")
    study.document("I2", case="GP2")
    study.document("I3", case="GP3")
    study.document("I4", case="GP1")
    study.document("I5")
    study.coding("I1", "A", 20, 25)
    study.coding("I1", "A", 0, 5)
    study.coding("I1", "B")
    study.coding("I2", "A")
    study.coding("I3", "B")
    study.coding("I4", "A")
    study.coding("I5", "B")
    return study.snapshot()


def test_code_by_document_counts_segments_with_sums_as_totals():
    matrix = code_by_document(_study())
    assert matrix.rows == (("A",), ("B",), ("C",))
    assert matrix.columns == ("I1", "I2", "I3", "I4", "I5")
    assert matrix.cells == ((2, 1, 0, 1, 0), (1, 0, 1, 0, 1), (0, 0, 0, 0, 0))
    assert matrix.row_totals == (4, 3, 0)
    assert matrix.column_totals == (3, 1, 1, 1, 1)
    assert matrix.grand_total == 7


def test_code_by_participant_adds_up_a_participants_documents():
    matrix = code_by_participant(_study())
    assert matrix.columns == ("GP1", "GP2", "GP3", "I5")
    assert matrix.cells[0] == (3, 1, 0, 0)
    assert matrix.column_totals == (4, 1, 1, 1)


def test_code_by_attribute_counts_participants_and_column_totals_are_the_bases():
    matrix = code_by_attribute(_study(), "gender")
    assert matrix.measure == "participants"
    assert matrix.columns == ("m", "v", "(missing)")
    assert matrix.cells == ((1, 1, 0), (0, 2, 1), (0, 0, 0))
    assert matrix.row_totals == (2, 3, 0)
    assert matrix.column_totals == (1, 2, 1)  # participants in each group, coded or not
    assert matrix.grand_total == 4


def test_attribute_values_are_trimmed_text_and_missing_goes_last():
    study = _study()
    assert list(attribute_buckets(study, "gender").items()) == [
        ("GP2", "m"),
        ("GP1", "v"),
        ("GP3", "v"),
        ("I5", "(missing)"),
    ]


def test_age_bands_count_participants_once_per_band():
    matrix = code_by_attribute(_study(), "age", band_width=10)
    assert matrix.columns == ("30–39", "40–49", "(missing)")
    assert matrix.cells[0] == (1, 1, 0)  # A: GP1 (twice interviewed), GP2
    assert matrix.cells[1] == (2, 0, 1)  # B: GP1, GP3 ("38" as text), I5
    assert matrix.row_totals == (2, 3, 0)
    assert matrix.column_totals == (2, 1, 1)
    assert matrix.grand_total == 4


def test_age_bands_can_count_segments_instead():
    matrix = code_by_attribute(_study(), "age", band_width=10, measure="segments")
    assert matrix.cells[0] == (3, 1, 0)
    assert matrix.cells[1] == (2, 0, 1)
    assert matrix.column_totals == (5, 1, 1)
    assert matrix.grand_total == 7


def test_bands_that_are_not_whole_numbers_are_labelled_half_open():
    buckets = attribute_buckets(_study(), "age", band_width=2.5)
    assert buckets["GP1"] == "32.5–<35"
    assert attribute_buckets(_study(), "age", band_width=5)["GP1"] == "30–34"


def test_without_bands_each_value_is_its_own_column_in_numeric_order():
    matrix = code_by_attribute(_study(), "age")
    assert matrix.columns == ("34", "38", "41", "(missing)")


def test_a_bad_band_width_or_measure_is_refused():
    with pytest.raises(AnalysisError, match="band width"):
        code_by_attribute(_study(), "age", band_width=0)
    with pytest.raises(AnalysisError, match="measure"):
        code_by_attribute(_study(), "age", measure="words")


def test_the_codings_behind_a_cell_come_in_interview_and_text_order():
    study = _study()
    by_document = code_by_document(study)
    assert [(c.document_id, c.start) for c in cell_codings(study, by_document, 0, 0)] == [
        (1, 0),
        (1, 20),
    ]
    by_participant = code_by_participant(study)
    assert [c.document_id for c in cell_codings(study, by_participant, 0, 0)] == [1, 1, 4]
    by_age = code_by_attribute(study, "age", band_width=10)
    assert [c.document_id for c in cell_codings(study, by_age, 1, 2)] == [5]
    assert cell_codings(study, by_document, 2, 0) == []


def test_json_and_csv_carry_rows_columns_cells_and_totals():
    matrix = code_by_document(_study())
    data = matrix.to_json()
    assert data["rows"] == [["A"], ["B"], ["C"]]
    assert data["cells"][0] == [2, 1, 0, 1, 0]
    assert data["row_totals"] == [4, 3, 0]
    assert data["column_totals"] == [3, 1, 1, 1, 1]
    csv = matrix.to_csv_rows()
    assert csv[0] == ["code", "I1", "I2", "I3", "I4", "I5", "total"]
    assert csv[1] == ["A", 2, 1, 0, 1, 0, 4]
    assert csv[-1] == ["total", 3, 1, 1, 1, 1, 7]
