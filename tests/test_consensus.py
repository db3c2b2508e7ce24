"""Disagreements in the contract's shape, and decisions written as consensus codings."""

from __future__ import annotations

from qualcode.analysis.disagreement_list import (
    Disagreement,
    from_report_item,
    segment_disagreements,
)
from qualcode.analysis.snapshot import CodeRef, CodingRef, DocumentRef, StudySnapshot
from qualcode.project import Project
from tests.tui.conftest import make_study


def study(*codings: tuple[int, int, int, str]) -> StudySnapshot:
    text = "abcdefghijklmnopqrstuvwxyz" * 4
    return StudySnapshot(
        (DocumentRef(1, "HA1", None, 1, len(text)),),
        (CodeRef(1, ("Belasting",), "g1"), CodeRef(2, ("Energie",), "g2")),
        tuple(CodingRef(i, 1, code, start, end, coder, text[start:end])
              for i, (code, start, end, coder) in enumerate(codings, start=1)),
    )


def test_matching_codings_agree_and_the_rest_are_disagreements_naming_their_coders():
    found = segment_disagreements(study(
        (1, 0, 20, "A"), (1, 0, 19, "B"),      # overlap 19/20 ≥ 0.9: agreed
        (1, 40, 60, "A"), (1, 45, 50, "B"),    # a near miss: one disagreement, both coders
        (2, 70, 80, "B"),                      # only B
    ), "A", "B")
    assert [(d.start, d.end, d.code_path, d.coders) for d in found] == [
        (40, 60, ("Belasting",), ("A", "B")),
        (70, 80, ("Energie",), ("B",)),
    ]
    assert found[1].text == "stuvwxyzab"


def test_a_report_item_in_json_shape_reads_as_a_disagreement():
    item = {"document": "HA1", "start": 3, "end": 9, "text": "defghi",
            "code_path": ["Belasting"], "coders": ["A"]}
    assert from_report_item(item) == Disagreement("HA1", 3, 9, "defghi", ("Belasting",), ("A",))


def test_deciding_twice_replaces_the_first_decision_and_undo_restores_it(tmp_path):
    path = make_study(tmp_path / "study.qualcode")
    with Project.open(path, coder="Bram") as project:
        text = project.document_text("HA02").text
        start = text.index("het kost veel tijd")
        project.add_coding("HA02", "Objectieve belasting", start, start + 18)
        items = project.disagreements("Lotte", "Bram")
        (near,) = [d for d in items if d.document == "HA02"]
        project.resolve_disagreement(near, "b", consensus="Samen", coders=("Lotte", "Bram"))
        project.resolve_disagreement(near, "a", consensus="Samen", coders=("Lotte", "Bram"),
                                     reason="de hele zin")
        consensus = [c for c in project.codings() if c.coder == "Samen"]
        assert [(c.text[:13], c.memo) for c in consensus] == [("Maar het kost", "de hele zin")]
        (decision,) = project.consensus_decisions("Samen").values()
        assert (decision.decision, decision.reason) == ("a", "de hele zin")
        project.undo()
        (decision,) = project.consensus_decisions("Samen").values()
        assert decision.decision == "b"
        assert [c.text for c in project.codings() if c.coder == "Samen"] == ["het kost veel tijd"]
