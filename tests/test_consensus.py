"""Disagreements from the agreement report, and decisions written as consensus codings."""

from __future__ import annotations

from qualcode.analysis.agreement import agreement
from qualcode.project import Project
from tests.tui.conftest import make_study


def test_the_walk_lists_the_agreement_reports_disagreements(tmp_path):
    path = make_study(tmp_path / "study.qualcode")
    with Project.open(path, coder="Bram") as project:
        text = project.document_text("HA02").text
        start = text.index("Maar de variatie")
        project.add_coding("HA02", "Variatie", start, start + 16)
        report = agreement(project.snapshot(), "Lotte", "Bram")
        assert project.disagreements("Lotte", "Bram") == list(report.disagreements)


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
