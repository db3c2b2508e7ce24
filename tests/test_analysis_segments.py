"""Segments: codings of one code in one document merge when they overlap or touch."""

from qualcode.analysis.builder import StudyBuilder
from qualcode.analysis.frequencies import frequencies
from qualcode.analysis.segments import merge_codings
from qualcode.words import count_words

TEXT = "Ik ben moe. De patiënten komen vaak terug. Soms te vaak, zegt mijn collega."


def _frequency_of_a(*spans):
    study = StudyBuilder()
    study.document("I1", case="GP1", text=TEXT)
    for start, end in spans:
        study.coding("I1", "A", start, end)
    return frequencies(study.snapshot()).row(["A"])


def test_overlapping_codings_make_one_segment():
    row = _frequency_of_a((0, 10), (5, 24))
    assert (row.codings, row.segments) == (2, 1)
    assert row.words == 5  # Ik ben moe De patiënten


def test_touching_codings_make_one_segment():
    assert _frequency_of_a((0, 11), (11, 24)).segments == 1


def test_separate_codings_stay_separate_segments():
    row = _frequency_of_a((0, 10), (12, 24))
    assert row.segments == 2
    assert row.words == 5


def test_a_coding_inside_another_adds_no_words():
    row = _frequency_of_a((0, 42), (3, 6))
    assert (row.segments, row.words) == (1, 8)


def test_merged_text_is_the_document_text_of_the_union():
    study = StudyBuilder()
    study.document("I1", text=TEXT)
    study.coding("I1", "A", 3, 10)
    study.coding("I1", "A", 0, 5)
    study.coding("I1", "A", 10, 24)
    snapshot = study.snapshot()
    (segment,) = merge_codings(snapshot.codings)
    assert (segment.start, segment.end, segment.text) == (0, 24, TEXT[0:24])
    assert segment.coding_ids == (2, 1, 3)


def test_codings_of_different_codes_do_not_merge_into_one_code_segment():
    study = StudyBuilder()
    study.document("I1", text=TEXT)
    study.coding("I1", "A", 0, 10)
    study.coding("I1", "B", 5, 15)
    study.coding("I1", "A", 12, 20)
    table = frequencies(study.snapshot())
    assert table.row(["A"]).segments == 2
    assert table.row(["B"]).segments == 1


def test_a_word_is_a_run_of_word_characters_and_a_cut_word_still_counts():
    assert count_words("zo'n 3-tal patiënten_x!") == 5  # zo, n, 3, tal, patiënten_x
    assert _frequency_of_a((1, 6)).words == 2  # "k ben"


def test_shared_segments_agree_with_merging_each_code_separately():
    import random

    rng = random.Random(6)
    study = StudyBuilder()
    for d in range(3):
        study.document(f"I{d}", text="x" * 400)
        for _ in range(60):
            start = rng.randrange(0, 380)
            study.coding(f"I{d}", rng.choice("ABCD"), start, start + rng.randrange(1, 20))
    snapshot = study.snapshot()
    for code in snapshot.codes:
        for document in snapshot.documents:
            own = [
                c for c in snapshot.codings if c.code_id == code.id and c.document_id == document.id
            ]
            expected = [(s.start, s.end, s.coding_ids) for s in merge_codings(own)]
            shared = snapshot.segments.get(code.id, {}).get(document.id, [])
            assert [(s.start, s.end, s.coding_ids) for s in shared] == expected
