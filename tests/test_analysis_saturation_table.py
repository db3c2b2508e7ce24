"""The base saturation table: which codes each interview added, in interview order."""

import pytest

from qualcode.analysis.builder import StudyBuilder, study_of
from qualcode.analysis.errors import AnalysisError
from qualcode.analysis.saturation import saturation_table


def test_new_codes_cumulative_and_share_per_interview():
    table = saturation_table(study_of([["A", "B"], ["A", "C"], [], ["D"]]))
    assert table.counted == ["Interview 1", "Interview 2", "Interview 3", "Interview 4"]
    assert table.new_codes == [2, 1, 0, 1]
    assert table.cumulative == [2, 3, 3, 4]
    assert table.cumulative_share == [0.5, 0.75, 0.75, 1.0]
    assert [r.new_code_paths for r in table.rows] == [(("A",), ("B",)), (("C",),), (), (("D",),)]


def test_new_codes_of_an_interview_are_listed_in_codebook_order():
    table = saturation_table(study_of([["A", "Z"]], codebook=["Z", "A"]))
    assert table.rows[0].new_code_paths == (("Z",), ("A",))


def test_a_coding_of_a_child_counts_the_child_not_its_parent():
    table = saturation_table(study_of([["Belasting > Objectief"], ["Belasting"]]))
    assert table.rows[0].new_code_paths == (("Belasting", "Objectief"),)
    assert table.new_codes == [1, 1]
    assert table.total_codes == 2


def test_an_interview_without_codings_adds_nothing_but_keeps_its_place():
    table = saturation_table(study_of([[], ["A"], []]))
    assert table.new_codes == [0, 1, 0]
    assert table.cumulative == [0, 1, 1]
    assert [r.codings for r in table.rows] == [0, 1, 0]


def test_shares_are_none_when_no_code_was_applied():
    table = saturation_table(study_of([[], []]))
    assert table.cumulative_share == [None, None]
    assert table.total_codes == 0


def test_a_code_applied_again_later_is_not_new():
    table = saturation_table(study_of([["A"], ["A", "A"], ["B", "A"]]))
    assert table.new_codes == [1, 0, 1]


def _two_speaker_study():
    study = StudyBuilder()
    study.document("I1", case="GP1")
    study.document("I2", case="GP2")
    study.coding("I1", "Rol", role="interviewer", turn=0)
    study.coding("I1", "Belasting", role="respondent", turn=1)
    study.coding("I2", "Rol", role="respondent", turn=1)
    study.coding("I2", "Tips", role="unknown")
    return study.snapshot()


def test_respondent_only_ignores_codes_first_applied_in_interviewer_turns():
    snapshot = _two_speaker_study()
    assert saturation_table(snapshot).new_codes == [2, 1]
    table = saturation_table(snapshot, respondent_only=True)
    assert [r.new_code_paths for r in table.rows] == [(("Belasting",),), (("Rol",), ("Tips",))]
    assert table.respondent_only is True


def test_category_restriction_counts_only_codes_under_that_category():
    snapshot = study_of(
        [
            ["Belasting > Objectief", "Tips"],
            ["Belasting", "Tips > Grenzen"],
            ["Belasting > Subjectief"],
        ]
    )
    table = saturation_table(snapshot, category=["Belasting"])
    assert table.new_codes == [1, 1, 1]
    assert table.total_codes == 3
    assert table.to_json()["restriction"]["category"] == ["Belasting"]


def test_an_unknown_category_is_refused_rather_than_read_as_empty():
    with pytest.raises(AnalysisError, match="Belsting"):
        saturation_table(study_of([["Belasting"]]), category=["Belsting"])


def test_one_coder_restriction_and_two_coders_counting_once():
    study = StudyBuilder()
    study.document("I1")
    study.document("I2")
    study.coding("I1", "A", coder="anna")
    study.coding("I1", "A", coder="bert")
    study.coding("I2", "B", coder="bert")
    snapshot = study.snapshot()
    assert saturation_table(snapshot).new_codes == [1, 1]
    assert saturation_table(snapshot, coder="anna").new_codes == [1, 0]
    assert saturation_table(snapshot, coder="bert").new_codes == [1, 1]
