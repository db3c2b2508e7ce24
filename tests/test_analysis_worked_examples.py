"""The worked examples of docs/analysis.md, so the documentation cannot drift."""

from qualcode.analysis.builder import study_of
from qualcode.analysis.saturation import saturation, saturation_table


def _doc_example():
    """New codes per interview 5, 3, 2, 1, 0, 1, 0, 0, 0 (codes C1..C12)."""
    interviews, next_code = [], 1
    for count in [5, 3, 2, 1, 0, 1, 0, 0, 0]:
        interviews.append([f"C{next_code + i}" for i in range(count)] + ["C1"])
        next_code += count
    return study_of(interviews)


def test_documented_table():
    table = saturation_table(_doc_example())
    assert table.cumulative == [5, 8, 10, 11, 11, 12, 12, 12, 12]
    assert table.cumulative_share[3] == 11 / 12


def test_documented_francis_example():
    result = saturation(_doc_example(), "francis", initial=4, stop=3)
    assert result.verdict == (
        "By Francis 4+3, saturation was reached at interview 9: interviews 7–9 added no new "
        "codes; counted: 9 of 9 interviews marked coded (codes by student)."
    )


def test_documented_guest_example_and_cumulative_denominators():
    result = saturation(_doc_example())
    assert [round(r.ratio, 3) for r in result.runs] == [0.091, 0.091, 0.0, 0.0]
    assert "saturation at 6+2: interviews 7–8 added 0 new codes (0% of 11);" in result.verdict
    cumulative = saturation(_doc_example(), denominator="cumulative")
    assert [r.denominator for r in cumulative.runs] == [11, 11, 12, 12]
