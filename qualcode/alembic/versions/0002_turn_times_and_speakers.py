"""Schema version 2: ``turn.time`` in seconds (from the stored timestamp), ``speaker`` table.

Every label already used in a document gets a speaker row without a legend
name. Idempotent: a column or table already there is left alone. (Ported
from the hand-made migration list's step 1 -> 2.)

Revision ID: 0002
Revises: 0001
"""

from alembic import op
from sqlalchemy import inspect, select, text, update

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from qualcode.model import Speaker, Turn, table_of
    from qualcode.positions import parse_time

    connection = op.get_bind()
    inspector = inspect(connection)
    if "time" not in {column["name"] for column in inspector.get_columns("turn")}:
        connection.execute(text('ALTER TABLE turn ADD COLUMN "time" FLOAT'))
    for turn_id, timestamp in connection.execute(
        select(Turn.id, Turn.timestamp).where(Turn.timestamp.is_not(None), Turn.time.is_(None))
    ).all():
        seconds = parse_time(timestamp)
        if seconds is not None:
            connection.execute(update(Turn).where(Turn.id == turn_id).values(time=seconds))
    table_of(Speaker).create(connection, checkfirst=True)
    known = set(connection.execute(select(Speaker.document_id, Speaker.label)).all())
    labels = connection.execute(select(Turn.document_id, Turn.speaker).distinct()).all()
    rows = [
        {"document_id": document_id, "label": label, "name": ""}
        for document_id, label in labels
        if label and (document_id, label) not in known
    ]
    if rows:
        connection.execute(table_of(Speaker).insert(), rows)
