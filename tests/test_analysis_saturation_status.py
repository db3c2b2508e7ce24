"""Saturation over finished interviews only, against a study worked out by hand.

Ten documents in interview order (the case in brackets), their status, and the
codes each coder applied:

    1 P00-pilot      [P00]   excluded      Anna: Z
    2 HA01           [HA01]  coded         Anna: A B C
    3 HA02           [HA02]  coded         Anna: A D
    4 HA03           [HA03]  in-progress   Anna: E
    5 HA04           [HA04]  coded         Anna: B       Bert: F
    6 HA05           [HA05]  coded         Anna: A
    7 HA01-followup  [HA01]  coded         Anna: G
    8 HA06           [HA06]  not-started
    9 HA07           [HA07]  coded                       Bert: H
   10 HA08           [HA08]  coded         Anna: A B

Counted by document (all coders): HA01 HA02 HA04 HA05 HA01-followup HA07 HA08,
new codes 3 1 1 0 1 1 0. Guest 4+2: base codes 5; run 5-6 adds 2 (40%), run 6-7
adds 1 (20%): not yet; one more interview without new codes would end a run 7-8
at 0%. Anna alone: new 3 1 0 0 1 0 0, base 4, run 6-7 adds 0 -> saturation at 5+2.
By participant: HA01 (with its follow-up, at HA01's place) HA02 HA04 HA05 HA07
HA08, new 4 1 1 0 1 0.
"""

import json

import pytest

from qualcode.analysis.builder import StudyBuilder
from qualcode.analysis.errors import AnalysisError
from qualcode.analysis.saturation import saturation

STUDY = [
    ("P00-pilot", "P00", "excluded", {"Anna": "Z"}),
    ("HA01", "HA01", "coded", {"Anna": "ABC"}),
    ("HA02", "HA02", "coded", {"Anna": "AD"}),
    ("HA03", "HA03", "in-progress", {"Anna": "E"}),
    ("HA04", "HA04", "coded", {"Anna": "B", "Bert": "F"}),
    ("HA05", "HA05", "coded", {"Anna": "A"}),
    ("HA01-followup", "HA01", "coded", {"Anna": "G"}),
    ("HA06", "HA06", "not-started", {}),
    ("HA07", "HA07", "coded", {"Bert": "H"}),
    ("HA08", "HA08", "coded", {"Anna": "AB"}),
]


@pytest.fixture
def study():
    builder = StudyBuilder()
    for code in "ABCDEFGHZ":
        builder.code(code)
    for name, case, status, codes in STUDY:
        builder.document(name, case=case, status=status)
        for coder, labels in codes.items():
            for label in labels:
                builder.coding(name, label, coder=coder)
    return builder.snapshot()


def test_only_documents_marked_coded_are_counted_in_interview_order(study):
    data = saturation(study).to_json()
    assert data["order"] == [name for name, *_ in STUDY]
    assert data["counted"] == ["HA01", "HA02", "HA04", "HA05", "HA01-followup", "HA07", "HA08"]
    assert data["not_counted"] == [
        {"name": "P00-pilot", "status": "excluded", "reason": "excluded"},
        {"name": "HA03", "status": "in-progress", "reason": "in progress, not marked coded"},
        {"name": "HA06", "status": "not-started", "reason": "not started"},
    ]
    assert data["new_codes"] == [3, 1, 1, 0, 1, 1, 0]
    assert data["cumulative"] == [3, 4, 5, 5, 6, 7, 7]


def test_the_verdict_says_what_was_counted_and_whose_codes(study):
    result = saturation(study)
    assert result.saturated_at is None
    assert [(r.start, r.end, r.new, r.ratio) for r in result.runs] == [
        (5, 6, 2, 0.4), (6, 7, 1, 0.2)]
    assert result.verdict == (
        "Not yet saturated by Guest et al. 2020 (base 4, run 2, threshold 5%, denominator: "
        "base): the latest run, interviews 6–7, added 1 new code (20% of 5); at least 1 more "
        "interview is needed; counted: 7 of 9 interviews marked coded (plus 1 excluded; codes "
        "by all coders: Anna and Bert)."
    )
    assert saturation(study).to_json()["coders"] == ["Anna", "Bert"]


def test_one_coder_counts_only_their_own_new_codes(study):
    anna = saturation(study, coders=["Anna"])
    assert anna.table.new_codes == [3, 1, 0, 0, 1, 0, 0]
    assert anna.saturated_at == 5
    assert anna.verdict == (
        "By Guest et al. 2020 (base 4, run 2, threshold 5%, denominator: base), saturation "
        "at 5+2: interviews 6–7 added 0 new codes (0% of 4); counted: 7 of 9 interviews "
        "marked coded (plus 1 excluded; codes by Anna)."
    )
    bert = saturation(study, coders=["Bert"])
    assert bert.table.new_codes == [0, 0, 1, 0, 0, 1, 0]
    both = saturation(study, coders=["Anna", "Bert"])
    assert both.table.new_codes == [3, 1, 1, 0, 1, 1, 0]
    assert "codes by Anna and Bert" in both.verdict


def test_an_unknown_coder_is_refused_by_name(study):
    with pytest.raises(AnalysisError, match="'Carl'"):
        saturation(study, coders=["Carl"])


def test_by_participant_a_follow_up_counts_with_the_first_interview(study):
    data = saturation(study, by="participant").to_json()
    assert data["counted"] == ["HA01", "HA02", "HA04", "HA05", "HA07", "HA08"]
    assert data["documents"][0] == ["HA01", "HA01-followup"]
    assert data["new_codes"] == [4, 1, 1, 0, 1, 0]
    assert data["verdict"].startswith(
        "Not yet saturated by Guest et al. 2020 (base 4, run 2, threshold 5%, denominator: "
        "base): the latest run, participants 5–6, added 1 new code (16.7% of 6); at least 1 "
        "more participant is needed; counted: 6 of 8 participants with interviews marked coded"
    )


def test_too_few_coded_interviews_is_not_assessable_and_says_how_many_there_are():
    builder = StudyBuilder()
    for number in range(1, 15):
        name = f"HA{number:02d}"
        builder.document(name, status="coded" if number <= 3 else "in-progress")
        builder.coding(name, f"C{number}", coder="Anna")
    result = saturation(builder.snapshot())
    assert result.saturated_at is None
    assert result.verdict == (
        "3 of 14 interviews are marked coded (codes by Anna); Guest et al. 2020 (base 4, "
        "run 2, threshold 5%, denominator: base) needs at least 6 — not assessable yet."
    )
    assert "^" not in result.verdict and "{" not in result.verdict


def test_json_carries_the_contract_fields(study):
    data = json.loads(json.dumps(saturation(study, "francis", initial=2, stop=2).to_json()))
    for field in ("method", "parameters", "order", "counted", "not_counted", "new_codes",
                  "cumulative", "saturated_at", "verdict"):
        assert field in data
    assert data["parameters"] == {"initial": 2, "stop": 2}
    # new codes 3 1 1 0 1 1 0: every pair of interviews after the second adds a code
    assert data["saturated_at"] is None
