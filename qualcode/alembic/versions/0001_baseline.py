"""Schema version 1: the tables as qualcode.model first defined them.

Projects are created at the current version with ``create_all``; this
baseline exists so that later revisions have something to build on and a
version-1 project can be stamped before it is upgraded.

Revision ID: 0001
Revises:
"""

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to do: version 1 is where every project starts."""
