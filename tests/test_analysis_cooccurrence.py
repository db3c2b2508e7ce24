"""Co-occurrence: passages of two codes that overlap, or optionally share a turn."""

from qualcode.analysis.builder import StudyBuilder
from qualcode.analysis.cooccurrence import cooccurrence

TEXT = "I: Is het zwaar? R: Ja, soms heel zwaar. Dan ben ik boos en moe, echt moe na zo'n dag."


def _study():
    study = StudyBuilder()
    for code in ["A", "B", "C"]:
        study.code(code)
    study.document("I1", case="GP1", text=TEXT)
    study.document("I2", case="GP2", text=TEXT)
    study.coding("I1", "A", 0, 10, turn=0)
    study.coding("I1", "A", 2, 8, turn=0)  # merges into A's first segment
    study.coding("I1", "B", 5, 15, turn=0)  # overlaps A
    study.coding("I1", "A", 20, 30, turn=1)
    study.coding("I1", "B", 30, 35, turn=1)  # touches A: same turn, no overlap
    study.coding("I1", "C", 40, 50, turn=1)  # same turn as A and B
    study.coding("I2", "A", 0, 5, turn=0)
    study.coding("I2", "B", 5, 10, turn=1)  # touching, other turn: never co-occurs
    return study.snapshot()


def test_overlapping_passages_co_occur_and_the_diagonal_counts_segments():
    matrix = cooccurrence(_study())
    assert matrix.cells == (
        (3, 1, 0),
        (1, 3, 0),
        (0, 0, 1),
    )


def test_same_turn_adds_passages_of_one_speaker_turn():
    matrix = cooccurrence(_study(), same_turn=True)
    assert matrix.cells == (
        (3, 2, 1),
        (2, 3, 1),
        (1, 1, 1),
    )
    assert [p.reason for p in matrix.pairs(0, 1)] == ["overlap", "same turn"]


def test_the_pairs_behind_a_cell_put_the_row_code_first():
    study = _study()
    matrix = cooccurrence(study)
    (pair,) = matrix.pairs(0, 1)
    assert (pair.document, pair.participant) == ("I1", "GP1")
    assert (pair.first.start, pair.first.end, pair.first.text) == (0, 10, TEXT[0:10])
    assert (pair.second.start, pair.second.end) == (5, 15)
    (mirrored,) = matrix.pairs(1, 0)
    assert (mirrored.first.start, mirrored.second.start) == (5, 0)
    assert matrix.pairs(0, 0) == ()
    assert matrix.pairs(0, 2) == ()


def test_json_and_csv_name_the_codes():
    matrix = cooccurrence(_study())
    assert matrix.to_json()["columns"] == ["A", "B", "C"]
    assert matrix.to_csv_rows()[1] == ["A", 3, 1, 0]
    assert matrix.pairs(0, 1)[0].to_json()["first"]["text"] == TEXT[0:10]
