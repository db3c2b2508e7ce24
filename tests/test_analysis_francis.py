"""Francis et al. 2010: initial sample plus a stopping run without new codes."""

import pytest

from qualcode.analysis.builder import study_of
from qualcode.analysis.errors import AnalysisError
from qualcode.analysis.saturation import saturation


def _study(new_counts):
    """Interview k applies that many codes never used before."""
    interviews, next_code = [], 1
    for count in new_counts:
        interviews.append(
            [f"C{next_code + i}" for i in range(count)] + (["C1"] if next_code > 1 else [])
        )
        next_code += count
    return study_of(interviews)


def test_saturated_at_the_first_interview_ending_a_run_of_stop_without_new_codes():
    result = saturation(_study([3, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]), "francis")
    assert result.saturated_at == 13
    assert result.more_needed == 0
    assert result.verdict == (
        "By Francis 10+3, saturation was reached at interview 13: "
        "interviews 11–13 added no new codes; counted: 13 of 13 interviews marked coded "
        "(codes by student)."
    )


def test_smaller_parameters_find_an_earlier_stop():
    result = saturation(_study([3, 1, 0, 0, 1, 0, 0, 0]), "francis", initial=3, stop=2)
    assert result.saturated_at == 7
    assert [(r.start, r.end, r.new) for r in result.runs] == [
        (4, 5, 1),
        (5, 6, 1),
        (6, 7, 0),
        (7, 8, 0),
    ]


def test_interviews_without_new_codes_inside_the_initial_sample_do_not_count():
    assert saturation(_study([1, 0, 0, 0, 1]), "francis", initial=1, stop=3).saturated_at == 4
    result = saturation(_study([1, 0, 0, 0, 1]), "francis", initial=2, stop=3)
    assert result.saturated_at is None
    assert result.interviews_needed == 8
    assert result.more_needed == 3


def test_fewer_interviews_than_the_initial_sample_says_how_many_more_are_needed():
    result = saturation(_study([2] + [0] * 8), "francis")
    assert result.saturated_at is None
    assert result.more_needed == 4
    assert result.verdict == (
        "9 of 9 interviews are marked coded (codes by student); Francis 10+3 needs at "
        "least 13 — not assessable yet."
    )


def test_a_code_first_appearing_in_the_last_interview_restarts_the_count():
    result = saturation(_study([2] + [0] * 11 + [1]), "francis")
    assert result.saturated_at is None
    assert (result.interviews_needed, result.more_needed) == (16, 3)
    late = saturation(_study([2] + [0] * 9 + [1, 0, 0, 1]), "francis")
    assert late.saturated_at is None
    assert late.interviews_needed == 17
    assert late.more_needed == 3


def test_a_run_already_under_way_shortens_what_is_needed():
    result = saturation(_study([2] * 10 + [0, 0]), "francis")
    assert result.saturated_at is None
    assert result.more_needed == 1
    assert result.verdict.endswith("Francis 10+3 needs at least 13 — not assessable yet.")
    enough = saturation(_study([2] * 11 + [0, 0]), "francis")
    assert enough.verdict.startswith(
        "Not yet saturated by Francis 10+3: at least 1 more interview is needed "
        "(the rule needs 14 with the last 3 adding no new codes)"
    )


def test_a_study_without_codes_is_not_called_saturated():
    result = saturation(study_of([[]] * 14), "francis")
    assert result.saturated_at is None
    assert result.more_needed is None
    assert result.verdict == (
        "Not assessable by Francis 10+3: no codes have been applied yet; counted: 14 of 14 "
        "interviews marked coded (no codes applied yet)."
    )


def test_stop_of_one_reads_in_the_singular():
    result = saturation(_study([1, 1, 0]), "francis", initial=1, stop=1)
    assert result.verdict == (
        "By Francis 1+1, saturation was reached at interview 3: interview 3 added no new "
        "codes; counted: 3 of 3 interviews marked coded (codes by student)."
    )


def test_json_names_method_parameters_and_per_interview_lists():
    data = saturation(_study([2, 1, 0]), "francis", initial=1, stop=1).to_json()
    assert data["method"] == "francis"
    assert (data["initial"], data["stop"]) == (1, 1)
    assert data["order"] == ["Interview 1", "Interview 2", "Interview 3"]
    assert data["new_codes"] == [2, 1, 0]
    assert data["cumulative"] == [2, 3, 3]
    assert data["saturated_at"] == 3


def test_bad_parameters_are_refused_in_one_line():
    with pytest.raises(AnalysisError, match=r"^saturation: stop must be at least 1 \(got 0\)$"):
        saturation(_study([1]), "francis", stop=0)
    with pytest.raises(AnalysisError, match="method"):
        saturation(_study([1]), "hennink")
