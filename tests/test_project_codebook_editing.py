import pytest

from qualcode.errors import QualcodeError
from qualcode.project import Project


def paths(project: Project) -> list[tuple[str, ...]]:
    return [code.path for code in project.codes()]


def test_renaming_a_code_keeps_its_guid_and_codings(project: Project, interview: str):
    guid = project.code("Objectieve belasting").guid
    project.add_coding("HA1", "Objectieve belasting", 0, 9)
    project.rename_code("Objectieve belasting", "Tijdsdruk")
    assert project.code("Belasting > Tijdsdruk").guid == guid
    assert project.codings()[0].code_path == ("Belasting", "Tijdsdruk")
    project.undo()
    assert project.code("Objectieve belasting").guid == guid


def test_renaming_to_a_sibling_name_is_refused(project: Project, interview: str):
    with pytest.raises(QualcodeError, match="sibling"):
        project.rename_code("Objectieve belasting", "Gebrek aan wederkerigheid")


def test_moving_a_code_takes_its_children_along(project: Project, interview: str):
    project.add_code("Objectieve belasting", "Uitlopen")
    project.add_code(None, "Tijd")
    project.move_code("Objectieve belasting", "Tijd")
    assert ("Tijd", "Objectieve belasting", "Uitlopen") in paths(project)
    with pytest.raises(QualcodeError, match="under itself"):
        project.move_code("Tijd", "Tijd > Objectieve belasting")
    project.undo()
    assert ("Belasting", "Objectieve belasting", "Uitlopen") in paths(project)


def test_merging_moves_codings_to_the_survivor_and_undo_restores_both(
    project: Project, interview: str
):
    project.add_coding("HA1", "Objectieve belasting", 0, 9)
    project.add_coding("HA1", "Gebrek aan wederkerigheid", 10, 20)
    moved = project.merge_codes("Objectieve belasting", "Gebrek aan wederkerigheid")
    assert moved == 1
    assert ("Belasting", "Objectieve belasting") not in paths(project)
    assert {c.code_path[-1] for c in project.codings()} == {"Gebrek aan wederkerigheid"}
    project.undo()
    assert {c.code_path[-1] for c in project.codings()} == {
        "Objectieve belasting",
        "Gebrek aan wederkerigheid",
    }


def test_deleting_a_category_removes_its_codings_and_undo_brings_them_back(
    project: Project, interview: str
):
    project.add_coding("HA1", "Objectieve belasting", 0, 9)
    project.add_coding("HA1", "Gebrek aan wederkerigheid", 10, 20)
    assert project.codings_under("Belasting") == 2
    assert project.delete_code("Belasting") == 2
    assert paths(project) == [] and project.codings() == []
    project.undo()
    assert len(paths(project)) == 3 and len(project.codings()) == 2


def test_colour_description_and_shortcut_can_be_changed(project: Project, interview: str):
    project.update_code("Belasting", color="#1B9E77", description="Wat zwaar valt")
    code = project.code("Belasting")
    assert (code.color, code.description) == ("#1b9e77", "Wat zwaar valt")
    with pytest.raises(QualcodeError, match="already used"):
        project.update_code("Belasting", key="1")
    with pytest.raises(QualcodeError, match="#rrggbb"):
        project.update_code("Belasting", color="red-ish")
