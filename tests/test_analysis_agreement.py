"""Intercoder agreement against hand-computed 2x2 tables."""

import pytest

from qualcode.analysis.agreement import Agreement, agreement
from qualcode.analysis.errors import AnalysisError
from qualcode.analysis.snapshot import CodeRef, CodingRef, DocumentRef, StudySnapshot


def study(codings):
    return StudySnapshot(
        documents=(DocumentRef(1, "HA1", "HA1", 1, 100), DocumentRef(2, "HA2", "HA2", 2, 100)),
        codes=(CodeRef(1, ("Belasting",), "g1"), CodeRef(2, ("Tips",), "g2")),
        codings=tuple(
            CodingRef(i, doc, code, start, end, coder, "x" * (end - start))
            for i, (doc, code, start, end, coder) in enumerate(codings, start=1)
        ),
    )


def test_identical_coding_agrees_fully():
    report = agreement(study([(1, 1, 10, 30, "A"), (1, 1, 10, 30, "B")]), "A", "B")
    [cell] = report.cells
    assert cell.agreement == Agreement(both=20, only_a=0, only_b=0, neither=80)
    assert cell.agreement.percent == 100
    assert cell.agreement.kappa == pytest.approx(1.0)
    assert report.overall.alpha == pytest.approx(1.0)


def test_partial_overlap_gives_the_hand_computed_kappa():
    # A codes 0-40, B codes 20-60: both 20, only A 20, only B 20, neither 40.
    report = agreement(study([(1, 1, 0, 40, "A"), (1, 1, 20, 60, "B")]), "A", "B")
    table = report.cells[0].agreement
    assert (table.both, table.only_a, table.only_b, table.neither) == (20, 20, 20, 40)
    assert table.percent == 60
    # po = .6, pe = .4*.4 + .6*.6 = .52, kappa = .08/.48
    assert table.kappa == pytest.approx(0.08 / 0.48)
    # alpha = 1 - (n-1) * o01 / (n0 * n1), n = 200, o01 = 40, n1 = 80, n0 = 120
    assert table.alpha == pytest.approx(1 - 199 * 40 / (80 * 120))


def test_documents_only_one_coder_coded_are_left_out():
    report = agreement(
        study([(1, 1, 0, 10, "A"), (1, 1, 0, 10, "B"), (2, 2, 0, 50, "A")]), "A", "B"
    )
    assert report.documents == ("HA1",)
    assert [c.document for c in report.cells] == ["HA1"]


def test_a_coder_without_codings_is_refused():
    with pytest.raises(AnalysisError, match="'C'"):
        agreement(study([(1, 1, 0, 10, "A")]), "A", "C")
