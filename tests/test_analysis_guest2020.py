"""Guest, Namey & Chen 2020: base, sliding runs, new-information threshold."""

import pytest

from qualcode.analysis.builder import study_of
from qualcode.analysis.errors import AnalysisError
from qualcode.analysis.saturation import saturation


def _study(new_counts):
    """Interview k applies that many codes never used before (C1, C2, ...)."""
    interviews, next_code = [], 1
    for count in new_counts:
        interviews.append([f"C{next_code + i}" for i in range(count)])
        next_code += count
    return study_of(interviews)


def test_runs_slide_by_one_interview_after_the_base():
    result = saturation(_study([5, 5, 5, 5, 1, 1, 0, 0]))
    assert [(r.start, r.end, r.new) for r in result.runs] == [(5, 6, 2), (6, 7, 1), (7, 8, 0)]
    assert [r.ratio for r in result.runs] == [0.10, 0.05, 0.0]


def test_a_ratio_equal_to_the_threshold_counts_as_saturated():
    result = saturation(_study([5, 5, 5, 5, 1, 1, 0, 0]))
    assert result.saturated_at == 5
    assert result.verdict == (
        "By Guest et al. 2020 (base 4, run 2, threshold 5%, denominator: base), "
        "saturation at 5+2: interviews 6–7 added 1 new code (5% of 20); counted: 8 of 8 "
        "interviews marked coded (codes by student)."
    )


def test_the_first_run_meeting_the_rule_gives_saturation_at_the_base():
    result = saturation(_study([8, 6, 5, 4, 0, 0]))
    assert result.saturated_at == 4
    assert "saturation at 4+2: interviews 5–6 added 0 new codes (0% of 23);" in result.verdict


def test_cumulative_denominator_divides_by_codes_seen_before_the_run():
    study = _study([5, 5, 5, 5, 10, 1, 1, 0])
    by_base = saturation(study, threshold=0.07)
    by_cumulative = saturation(study, threshold=0.07, denominator="cumulative")
    assert [r.denominator for r in by_base.runs] == [20, 20, 20]
    assert [r.denominator for r in by_cumulative.runs] == [20, 30, 31]
    assert by_base.saturated_at == 6
    assert by_cumulative.saturated_at == 5
    assert "saturation at 5+2: interviews 6–7 added 2 new codes (6.7% of 30)" in (
        by_cumulative.verdict
    )


def test_longer_base_and_run_are_reported_in_json():
    data = saturation(_study([3, 3, 3, 3, 3, 3, 1, 0, 0, 0]), base=6, run=3).to_json()
    assert (data["method"], data["base"], data["run"]) == ("guest2020", 6, 3)
    assert (data["threshold"], data["denominator"]) == (0.05, "base")
    assert data["runs"] == [
        {"start": 7, "end": 9, "new": 1, "denominator": 18, "ratio": 1 / 18, "meets_rule": False},
        {"start": 8, "end": 10, "new": 0, "denominator": 18, "ratio": 0.0, "meets_rule": True},
    ]
    assert data["saturated_at"] == 7
    assert data["new_codes"] == [3, 3, 3, 3, 3, 3, 1, 0, 0, 0]
    assert data["cumulative"][-1] == 19
    assert len(data["new_code_paths"]) == len(data["cumulative_share"]) == 10


def test_fewer_interviews_than_base_plus_run_cannot_be_assessed_yet():
    result = saturation(_study([4, 3, 2, 1, 0]))
    assert result.runs == ()
    assert result.saturated_at is None
    assert result.reason == "fewer interviews (5) than base + run (6)"
    assert result.more_needed == 1
    assert result.verdict == (
        "5 of 5 interviews are marked coded (codes by student); Guest et al. 2020 (base 4, "
        "run 2, threshold 5%, denominator: base) needs at least 6 — not assessable yet."
    )


def test_a_code_first_appearing_in_the_last_interview_keeps_the_study_unsaturated():
    result = saturation(_study([1, 1, 1, 1, 1, 1, 0, 1]))
    assert result.saturated_at is None
    assert [r.ratio for r in result.runs] == [0.5, 0.25, 0.25]
    assert (result.interviews_needed, result.more_needed) == (10, 2)
    assert result.verdict == (
        "Not yet saturated by Guest et al. 2020 (base 4, run 2, threshold 5%, "
        "denominator: base): the latest run, interviews 7–8, added 1 new code (25% of 4); "
        "at least 2 more interviews are needed; counted: 8 of 8 interviews marked coded "
        "(codes by student)."
    )


def test_empty_interviews_in_base_and_run_add_nothing():
    result = saturation(_study([10, 5, 5, 0, 0, 1]))
    assert result.saturated_at == 4
    assert (result.runs[0].new, result.runs[0].denominator) == (1, 20)


def test_a_base_without_codes_leaves_the_ratio_undefined_and_the_study_unsaturated():
    result = saturation(_study([0, 0, 0, 0, 0, 1, 0]))
    assert [r.ratio for r in result.runs] == [None, None]
    assert result.saturated_at is None
    assert result.more_needed is None
    assert result.reason == (
        "the base (interviews 1–4) has no codes, so the new-information ratio is undefined"
    )
    assert "ratio undefined: denominator 0" in result.verdict


def test_cumulative_denominator_recovers_once_codes_have_been_seen():
    result = saturation(_study([0, 0, 0, 0, 0, 1, 0]), denominator="cumulative")
    assert [r.denominator for r in result.runs] == [0, 0]
    assert result.saturated_at is None
    assert (result.interviews_needed, result.more_needed) == (8, 1)


def test_bad_parameters_are_refused():
    with pytest.raises(AnalysisError, match="denominator"):
        saturation(_study([1]), denominator="total")
    with pytest.raises(AnalysisError, match="base must be at least 1"):
        saturation(_study([1]), base=0)
