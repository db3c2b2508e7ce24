import pytest

from qualcode.errors import NotFoundError, QualcodeError
from qualcode.project import Project


def test_coding_quotes_exactly_the_span_it_was_given(project: Project, interview: str):
    start = interview.index("Dat je zoveel geeft")
    end = interview.index("terugkrijgt.") + len("terugkrijgt.")
    project.add_coding("HA1", "Gebrek aan wederkerigheid", start, end)
    [coding] = project.codings()
    assert coding.text == interview[start:end]
    assert coding.code_path == ("Belasting", "Gebrek aan wederkerigheid")
    assert coding.coder == "Lotte"
    assert coding.case == "HA1"


@pytest.mark.parametrize(
    ("start", "end", "problem"),
    [(-1, 5, "negative"), (10, 5, "reversed"), (7, 7, "empty"), (0, 10**6, "past the end")],
)
def test_bad_spans_are_refused_and_nothing_is_written(
    project: Project, interview: str, start: int, end: int, problem: str
):
    with pytest.raises(QualcodeError, match=problem):
        project.add_coding("HA1", "Objectieve belasting", start, end)
    assert project.codings() == []
    assert all(e.kind != "code" for e in project.history())


def test_unknown_code_and_document_are_refused(project: Project, interview: str):
    with pytest.raises(NotFoundError, match="'Wachtlijst'"):
        project.add_coding("HA1", "Wachtlijst", 0, 5)
    with pytest.raises(NotFoundError, match="'HA9'"):
        project.add_coding("HA9", "Objectieve belasting", 0, 5)


def test_a_code_name_shared_by_two_parents_must_be_given_as_a_path(
    project: Project, interview: str
):
    project.add_code(None, "Tips")
    project.add_code("Tips", "Objectieve belasting")
    with pytest.raises(QualcodeError, match="ambiguous"):
        project.add_coding("HA1", "Objectieve belasting", 0, 5)
    project.add_coding("HA1", "Tips > Objectieve belasting", 0, 5)
    assert project.codings()[0].code_path == ("Tips", "Objectieve belasting")


def test_many_codings_are_all_or_nothing(project: Project, interview: str):
    from qualcode.project import CodingRequest

    good = CodingRequest("HA1", "Objectieve belasting", 0, 9)
    bad = CodingRequest("HA1", "Objectieve belasting", 5, 10**6)
    with pytest.raises(QualcodeError):
        project.add_codings([good, bad])
    assert project.codings() == []


def test_undo_and_redo_survive_closing_the_project(project_path, interview: str, project):
    project.add_coding("HA1", "Objectieve belasting", 0, 9)
    project.close()
    with Project.open(project_path, coder="Lotte") as reopened:
        event = reopened.undo()
        assert event is not None and event.kind == "code"
        assert reopened.codings() == []
    with Project.open(project_path, coder="Lotte") as reopened:
        reopened.redo()
        assert [c.text for c in reopened.codings()] == [interview[0:9]]


def test_a_new_change_after_undo_makes_redo_impossible(project: Project, interview: str):
    project.add_coding("HA1", "Objectieve belasting", 0, 9)
    project.undo()
    project.add_coding("HA1", "Gebrek aan wederkerigheid", 0, 9)
    assert project.redo() is None
    assert [c.code_path[-1] for c in project.codings()] == ["Gebrek aan wederkerigheid"]


def test_removing_a_coding_can_be_undone(project: Project, interview: str):
    coding_id = project.add_coding("HA1", "Objectieve belasting", 0, 9, memo="eerste indruk").id
    project.remove_coding(coding_id)
    assert project.codings() == []
    project.undo()
    [restored] = project.codings()
    assert (restored.id, restored.memo) == (coding_id, "eerste indruk")


def test_memo_on_a_coding_is_kept_and_undoable(project: Project, interview: str):
    coding_id = project.add_coding("HA1", "Objectieve belasting", 0, 9).id
    project.set_coding_memo(coding_id, "typisch voor WGC")
    assert project.codings()[0].memo == "typisch voor WGC"
    project.undo()
    assert project.codings()[0].memo == ""


def test_nothing_to_undo_in_a_new_project(project: Project):
    assert project.undo() is None
    assert project.redo() is None
