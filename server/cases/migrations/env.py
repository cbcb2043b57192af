"""Alembic environment: always run in code (``server.cases.db.upgrade``) with a connection given."""
from __future__ import annotations

from alembic import context
from sqlalchemy import text

from server.cases.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through server.cases.db.upgrade(engine)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    if connection.dialect.name == "postgresql":
        # Two servers starting at once: one migrates, the other waits and then finds the head.
        connection.execute(text("SELECT pg_advisory_xact_lock(728140563)"))
    context.run_migrations()
