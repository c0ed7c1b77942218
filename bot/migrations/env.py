"""Alembic environment: runs migrations on the connection :mod:`bot.migrate` passes in.

Run from the command line (``alembic -c alembic.ini revision --autogenerate -m ...``),
it connects to ``DATABASE_URL`` from the settings instead.
"""

from alembic import context

from bot import models  # noqa: F401  (registers the tables on the shared metadata)
from bot.db import make_engine, metadata
from bot.staff import models as staff_models  # noqa: F401  (the console's tables, likewise)


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    from bot.settings import load_settings

    engine = make_engine(load_settings().database_url)
    with engine.begin() as own_connection:
        context.configure(connection=own_connection, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations()
