"""Intercoder agreement in three units, against tables and disagreement lists worked by hand.

The constructed study (see ``constructed``): one 100-character document with
five 20-character sentences, two codes, two coders "Anna" and "Bert".

    X: Anna 0-20, Bert 0-19   overlap 19 of the longer 20 = 95%   -> matched
       Anna 40-60, Bert 40-50 overlap 10 of 20 = 50%             -> not matched
       Anna 80-90                                                 -> only Anna
    Y: Bert 20-40                                                 -> only Bert
       Anna 60-80, Bert 60-80                                     -> matched
"""

import json

import pytest

from qualcode.analysis.agreement import agreement
from qualcode.analysis.builder import StudyBuilder
from qualcode.analysis.comparison import Disagreement, UnitCounts, disagreements
from qualcode.analysis.errors import AnalysisError
from qualcode.analysis.snapshot import TurnRef

TEXT = "".join(f"Zin {n} heeft hier {n}." .ljust(20, "x") for n in range(5))
SENTENCES = [(0, 20), (20, 40), (40, 60), (60, 80), (80, 100)]


def constructed(**extra):
    study = StudyBuilder()
    study.document("HA01", case="HA01", text=TEXT, sentences=SENTENCES, **extra)
    for code, start, end, coder in [
        ("X", 0, 20, "Anna"), ("X", 0, 19, "Bert"),
        ("X", 40, 60, "Anna"), ("X", 40, 50, "Bert"),
        ("X", 80, 90, "Anna"),
        ("Y", 20, 40, "Bert"),
        ("Y", 60, 80, "Anna"), ("Y", 60, 80, "Bert"),
    ]:
        study.coding("HA01", code, start, end, coder=coder)
    return study.snapshot()


def listed(found):
    return [(d.start, d.end, d.code_path[-1], d.coders) for d in found]


def test_segments_match_when_the_overlap_covers_nine_tenths_of_the_longer():
    report = agreement(constructed(), "Anna", "Bert")
    x, y = report.cells
    assert x.figures.counts == UnitCounts(both=1, only_a=2, only_b=1, neither=None)
    assert y.figures.counts == UnitCounts(both=1, only_a=0, only_b=1, neither=None)
    assert x.figures.percent == 25
    assert y.figures.percent == 50


def test_segment_kappa_uses_one_over_the_number_of_codes_as_chance():
    report = agreement(constructed(), "Anna", "Bert")
    assert report.codes_compared == 2
    assert report.pooled.chance == 0.5
    assert report.cells[0].figures.kappa == -0.5  # (0.25 - 0.5) / 0.5
    assert report.cells[1].figures.kappa == 0.0
    # pooled: 2 matched of 6 -> (1/3 - 1/2) / (1/2)
    assert report.pooled.percent == pytest.approx(100 / 3)
    assert report.pooled.kappa == pytest.approx(-1 / 3)


def test_segment_disagreements_name_both_coders_where_boundaries_differ():
    found = disagreements(constructed(), "Anna", "Bert")
    assert listed(found) == [
        (20, 40, "Y", ("Bert",)),
        (40, 60, "X", ("Anna", "Bert")),
        (80, 90, "X", ("Anna",)),
    ]
    assert found[1].text == TEXT[40:60]


def test_a_lower_overlap_threshold_matches_the_half_covered_segment():
    report = agreement(constructed(), "Anna", "Bert", overlap=0.5)
    assert report.cells[0].figures.counts == UnitCounts(2, 1, 0, None)
    assert [d.start for d in report.disagreements] == [20, 80]


def test_sentence_unit_gives_the_hand_worked_two_by_two_tables():
    report = agreement(constructed(), "Anna", "Bert", unit="sentence")
    x, y = report.cells
    assert x.figures.counts == UnitCounts(both=2, only_a=1, only_b=0, neither=2)
    assert y.figures.counts == UnitCounts(both=1, only_a=0, only_b=1, neither=3)
    # X: po = 4/5, pe = .6*.4 + .4*.6 = .48
    assert x.figures.chance == pytest.approx(0.48)
    assert x.figures.kappa == pytest.approx(0.32 / 0.52)
    # alpha = 1 - (n-1) * o / (n_yes * n_no) with n = 10, o = 1, n_yes = n_no = 5
    assert x.figures.alpha == pytest.approx(1 - 9 / 25)
    pooled = report.pooled
    assert pooled.counts == UnitCounts(3, 1, 1, 5)
    assert pooled.kappa == pytest.approx(0.28 / 0.48)
    assert pooled.alpha == pytest.approx(1 - 19 * 2 / (8 * 12))


def test_sentence_disagreements_are_the_whole_sentences_one_coder_coded():
    found = disagreements(constructed(), "Anna", "Bert", unit="sentence")
    assert listed(found) == [(20, 40, "Y", ("Bert",)), (80, 100, "X", ("Anna",))]
    assert found[1].text == TEXT[80:100]


def test_character_unit_counts_characters_and_lists_every_one_sided_stretch():
    report = agreement(constructed(), "Anna", "Bert", unit="character")
    x, y = report.cells
    assert x.figures.counts == UnitCounts(both=29, only_a=21, only_b=0, neither=50)
    assert y.figures.counts == UnitCounts(both=20, only_a=0, only_b=20, neither=60)
    assert listed(report.disagreements) == [
        (19, 20, "X", ("Anna",)),
        (20, 40, "Y", ("Bert",)),
        (50, 60, "X", ("Anna",)),
        (80, 90, "X", ("Anna",)),
    ]


def test_character_kappa_of_a_code_only_one_coder_used_is_zero_not_high_agreement():
    study = StudyBuilder()
    study.document("HA01", text="x" * 1000)
    study.coding("HA01", "X", 0, 13, coder="Anna")
    study.coding("HA01", "Y", 100, 200, coder="Anna")
    study.coding("HA01", "Y", 100, 200, coder="Bert")
    report = agreement(study.snapshot(), "Anna", "Bert", unit="character")
    only_anna = report.cells[0].figures
    assert only_anna.percent == pytest.approx(98.7)
    assert only_anna.kappa == 0.0


def test_disagreements_carry_the_turn_and_its_time():
    turns = (TurnRef(0, 40, 0.0), TurnRef(40, 100, 1161.0))
    found = disagreements(constructed(turns=turns), "Anna", "Bert")
    assert [(d.turn, d.time) for d in found] == [(1, 0.0), (2, 1161.0), (2, 1161.0)]


def test_disagreements_follow_interview_order_then_position():
    study = StudyBuilder()
    for name in ("HA01", "HA02"):
        study.document(name, text="y" * 50)
    study.coding("HA02", "X", 0, 10, coder="Anna")
    study.coding("HA02", "X", 30, 40, coder="Bert")
    study.coding("HA01", "Y", 20, 30, coder="Bert")
    study.coding("HA01", "X", 5, 10, coder="Anna")
    found = disagreements(study.snapshot(), "Anna", "Bert")
    assert [(d.document, d.start) for d in found] == [("HA01", 5), ("HA01", 20), ("HA02", 0),
                                                     ("HA02", 30)]
    assert isinstance(found[0], Disagreement)


def test_documents_only_one_coder_coded_are_left_out():
    study = StudyBuilder()
    study.document("HA01", text="z" * 50)
    study.document("HA02", text="z" * 50)
    study.coding("HA01", "X", 0, 10, coder="Anna")
    study.coding("HA01", "X", 0, 10, coder="Bert")
    study.coding("HA02", "X", 0, 10, coder="Anna")
    report = agreement(study.snapshot(), "Anna", "Bert")
    assert report.documents == ("HA01",)
    assert report.disagreements == ()


def test_json_numbers_are_never_rounded():
    data = json.loads(json.dumps(agreement(constructed(), "Anna", "Bert").to_json()))
    assert data["pooled"]["kappa"] == (2 / 6 - 1 / 2) / (1 - 1 / 2)
    assert data["pooled"]["percent"] == 100 * 2 / 6
    assert data["unit"] == "segment" and data["overlap"] == 0.9
    assert data["disagreements"][1] == {
        "document": "HA01", "start": 40, "end": 60, "text": TEXT[40:60], "code_path": ["X"],
        "coders": ["Anna", "Bert"], "turn": None, "time": None,
    }
    sentence = agreement(constructed(), "Anna", "Bert", unit="sentence").to_json()
    assert sentence["pooled"]["alpha"] == 1 - 19 * 2 / (8 * 12)


@pytest.mark.parametrize(("coders", "problem"), [
    (("Anna", "Carl"), "'Carl'"),
    (("Anna", "Anna"), "two different coders"),
])
def test_coders_that_cannot_be_compared_are_refused(coders, problem):
    with pytest.raises(AnalysisError, match=problem):
        agreement(constructed(), *coders)


@pytest.mark.parametrize(("unit", "overlap"), [("word", 0.9), ("segment", 0.0), ("segment", 1.5)])
def test_an_unknown_unit_or_an_overlap_outside_zero_to_one_is_refused(unit, overlap):
    with pytest.raises(AnalysisError, match=r"unit|overlap"):
        agreement(constructed(), "Anna", "Bert", unit=unit, overlap=overlap)
