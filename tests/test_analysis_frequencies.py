"""Frequencies per code: segments, documents, participants, share, words."""

from qualcode.analysis.builder import StudyBuilder
from qualcode.analysis.frequencies import category_total, frequencies, prevalence


def _study():
    """GP1 gave two interviews; interview 4 has no case, so it is its own participant."""
    study = StudyBuilder()
    for code in ["Belasting", "Belasting > Objectief", "Belasting > Subjectief", "Tips"]:
        study.code(code)
    study.document("I1", case="GP1", text="Lange consulten. Ik loop uit.")
    study.document("I2", case="GP1", text="Weer uitgelopen vandaag.")
    study.document("I3", case="GP2", text="Het weegt op mij, heel zwaar.")
    study.document("I4", text="Zwaar en lang.")
    study.coding("I1", "Belasting > Objectief", match="Lange consulten.")
    study.coding("I1", "Belasting > Subjectief", match="consulten. Ik")
    study.coding("I2", "Belasting > Objectief", match="uitgelopen")
    study.coding("I3", "Belasting > Subjectief", match="Het weegt op mij")
    study.coding("I3", "Belasting > Subjectief", match="heel zwaar")
    study.coding("I4", "Belasting > Objectief", match="lang")
    study.coding("I4", "Belasting", match="Zwaar")
    return study.snapshot()


def test_every_code_is_listed_in_codebook_order_with_zeros():
    table = frequencies(_study())
    assert [r.code_path for r in table.rows] == [
        ("Belasting",),
        ("Belasting", "Objectief"),
        ("Belasting", "Subjectief"),
        ("Tips",),
    ]
    tips = table.row(["Tips"])
    assert (tips.segments, tips.documents, tips.participants, tips.words) == (0, 0, 0, 0)
    assert tips.share == "0/3"


def test_a_participant_with_two_interviews_counts_once():
    row = frequencies(_study()).row(["Belasting", "Objectief"])
    assert (row.segments, row.documents, row.participants) == (3, 3, 2)
    assert row.share == "2/3"
    assert row.words == 4


def test_a_document_without_case_counts_as_its_own_participant():
    snapshot = _study()
    assert snapshot.participants == ("GP1", "GP2", "I4")
    assert frequencies(snapshot).row(["Belasting"]).share == "1/3"


def test_counts_are_for_the_code_itself_not_its_children():
    row = frequencies(_study()).row(["Belasting"])
    assert (row.segments, row.documents, row.participants) == (1, 1, 1)


def test_stats_json_entries_follow_the_command_line_contract():
    entry = frequencies(_study()).to_json()["codes"][2]
    assert entry["code_path"] == ["Belasting", "Subjectief"]
    assert (entry["segments"], entry["documents"], entry["participants"]) == (3, 2, 2)
    assert entry["share"] == "2/3"


def test_a_category_total_pools_children_and_merges_their_overlaps():
    snapshot = _study()
    total = category_total(snapshot, snapshot.find_code(["Belasting"]).id)
    # I1: Objectief and Subjectief overlap -> 1; I2: 1; I3: 2 separate; I4: "Zwaar", "lang" -> 2
    assert total.segments == 6
    assert (total.documents, total.participants, total.codings) == (4, 3, 7)
    assert total.with_children
    pooled = frequencies(snapshot, with_children=True)
    assert pooled.row(["Belasting"]).segments == 6
    assert pooled.row(["Tips"]).segments == 0


def test_prevalence_lists_codes_seen_in_one_interview_and_unused_codes():
    report = prevalence(_study())
    assert [c.code_path for c in report.single_interview] == [("Belasting",)]
    assert [c.code_path for c in report.unused] == [("Tips",)]
    objectief = report.codes[1]
    assert objectief.participants == ("GP1", "I4")
    assert objectief.documents == ("I1", "I2", "I4")
    assert report.to_json()["unused"] == [["Tips"]]


def test_single_participant_differs_from_single_interview_for_repeat_interviews():
    study = StudyBuilder()
    study.document("I1", case="GP1")
    study.document("I2", case="GP1")
    study.coding("I1", "A")
    study.coding("I2", "A")
    report = prevalence(study.snapshot())
    assert report.single_interview == ()
    assert [c.code_path for c in report.single_participant] == [("A",)]


def test_word_counting_can_be_skipped():
    row = frequencies(_study(), words=False).row(["Belasting", "Objectief"])
    assert row.words is None
    assert row.segments == 3
