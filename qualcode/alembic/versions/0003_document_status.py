"""Schema version 3: ``document.status``; documents with codings become ``in-progress``.

Idempotent: a column that is already there is left as it is. (Ported from
the hand-made migration list's step 2 -> 3.)

Revision ID: 0003
Revises: 0002
"""

from alembic import op
from sqlalchemy import inspect, text

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    columns = {c["name"] for c in inspect(connection).get_columns("document")}
    if "status" not in columns:
        connection.execute(text(
            "ALTER TABLE document ADD COLUMN status VARCHAR(16) "
            "NOT NULL DEFAULT 'not-started'"
        ))
    connection.execute(text(
        "UPDATE document SET status = 'in-progress' WHERE status = 'not-started' "
        "AND id IN (SELECT document_id FROM coding)"
    ))
