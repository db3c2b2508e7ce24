"""Schema upgrades through Alembic: one chain of revisions, existing projects upgraded in
place on both backends, and no Alembic import when a project is already current."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import inspect

import qualcode
from qualcode.migrations import revision_id, revisions, upgrade
from qualcode.model import SCHEMA_VERSION

EXTRA_REVISION = '''
"""A column for the test only."""
import sqlalchemy as sa
from alembic import op

revision = "{new}"
down_revision = "{old}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("coder") as batch:
        batch.add_column(sa.Column("initials", sa.String(8), nullable=True))
    op.execute("UPDATE coder SET initials = 'LV' WHERE name = 'Lotte'")
'''


def test_revisions_form_one_chain_up_to_the_current_schema_version():
    assert revisions() == [revision_id(v) for v in range(1, SCHEMA_VERSION + 1)]


def test_an_existing_project_is_upgraded_in_place_and_keeps_its_data(
    project, project_path, interview, tmp_path
):
    project.add_coding("HA1", "Objectieve belasting", 0, 9)
    scripts = tmp_path / "revisions"
    shutil.copytree(Path(qualcode.__file__).parent / "alembic", scripts)
    new = SCHEMA_VERSION + 1
    (scripts / "versions" / f"{revision_id(new)}_initials.py").write_text(
        EXTRA_REVISION.format(new=revision_id(new), old=revision_id(SCHEMA_VERSION)))
    engine = project._store.engine
    upgrade(engine, SCHEMA_VERSION, scripts=str(scripts), target=new)
    assert "initials" in {c["name"] for c in inspect(engine).get_columns("coder")}
    assert project.setting("schema_version") == str(new)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT initials FROM coder").scalar() == "LV"
    assert [c.text for c in project.codings()] == [interview[0:9]]


def test_opening_a_current_project_does_not_import_alembic(project, project_path):
    project.close()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    script = ("import sys; from qualcode.project import Project; "
              f"Project.open({str(project_path)!r}).close(); "
              "print('alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, check=False, timeout=120)
    assert done.stdout.strip() == "False", done.stderr
