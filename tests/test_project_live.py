"""What a front end polls to stay live: changes from elsewhere, not its own."""

from __future__ import annotations

from qualcode.project import Project


def test_a_change_in_another_window_is_noticed_once_and_my_own_are_not(
    project, project_path, interview
):
    with Project.open(project_path, coder="Ward") as other:
        assert project.changed_elsewhere() is False  # the first look only takes note
        project.add_coding("HA1", "Objectieve belasting", 0, 9)
        project.undo()
        assert project.changed_elsewhere() is False
        other.add_coding("HA1", "Objectieve belasting", 10, 20)
        assert project.changed_elsewhere() is True
        assert project.changed_elsewhere() is False
        assert other.changed_elsewhere() is False
        project.add_coding("HA1", "Objectieve belasting", 0, 9)
        assert other.changed_elsewhere() is True


def test_coders_and_participants_are_listed_in_the_same_order_on_every_backend(
    project, interview
):
    """A PostgreSQL server sorts text by its locale (the test server by nl-BE); lists
    come out in code-point order everywhere, as on SQLite."""
    names = ["anna", "Ward", "Émile", "bart"]
    for name in names:
        project.add_document(f"doc {name}", "Een zin.\n", case=name)
        project.add_coding(f"doc {name}", "Objectieve belasting", 0, 3, coder=name)
    assert project.coders() == sorted(names)
    assert [c.name for c in project.cases()] == sorted([*names, "HA1"])
