"""Run revisions on the connection :func:`qualcode.migrations.upgrade` hands over.

No URL, no logging set-up, no ``alembic.ini``: qualcode opens the database
itself (SQLite file or PostgreSQL URL) and passes its connection in, inside
one transaction, so a failed upgrade leaves the project as it was.
"""

from alembic import context

from qualcode.model import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite rebuilds tables to ALTER
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
