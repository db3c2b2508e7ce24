"""The Project API's shape: what a screen or an export gets back from one call."""

import pytest

from qualcode.errors import NotFoundError
from qualcode.project import Project


def test_adding_a_coding_returns_it_as_stored(project: Project, interview: str):
    start = interview.index("Dat je zoveel geeft")
    coding = project.add_coding("HA1", "Gebrek aan wederkerigheid", start, start + 19, memo="kern")
    assert coding == project.codings()[0]
    assert coding.text == "Dat je zoveel geeft"
    assert coding.code_path == ("Belasting", "Gebrek aan wederkerigheid")
    assert (coding.coder, coding.memo, coding.case) == ("Lotte", "kern", "HA1")
    assert coding.guid


def test_a_code_can_be_given_by_its_id(project: Project, interview: str):
    code = project.code("Objectieve belasting")
    coding = project.add_coding("HA1", code.id, 0, 9)
    assert coding.code_path == code.path


def test_an_unknown_code_id_is_refused_and_nothing_is_written(project: Project, interview: str):
    with pytest.raises(NotFoundError, match="no such code"):
        project.add_coding("HA1", 9999, 0, 9)
    assert project.codings() == []


def test_codings_by_document_gives_every_document_with_its_own_codings(
    project: Project, interview: str
):
    project.add_document("HA2", "Tweede gesprek over tijdsdruk.", sentences=[(0, 30)])
    project.add_coding("HA2", "Objectieve belasting", 0, 6)
    project.add_coding("HA1", "Objectieve belasting", 0, 9)
    project.add_coding("HA1", "Gebrek aan wederkerigheid", 10, 20, coder="Bram")
    seen = {text.name: (text, codings) for text, codings in project.codings_by_document()}
    assert list(seen) == ["HA1", "HA2"]
    for name, (text, codings) in seen.items():
        assert text.text == project.document_text(name).text
        assert codings == project.codings(document=name)
    bram = dict(project.codings_by_document(coder="Bram"))
    assert [c.coder for codings in bram.values() for c in codings] == ["Bram"]
