"""The audit log: which staff member viewed, changed or exported what, and when.

Only staff actions are logged, never anything about the person who sent a report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import List

from sqlalchemy import select
from sqlalchemy.engine import Engine

from bot.staff.models import AuditEntry

MAX_DETAIL = 500


@dataclass(frozen=True)
class AuditRecord:
    at: datetime
    username: str
    action: str
    target: str
    detail: str


def record(engine: Engine, username: str, action: str, target: str = "", detail: str = "", *, now: datetime) -> None:
    """Appends one entry (``action`` such as ``report.view``, ``export.csv``, ``staff.disable``)."""
    with engine.begin() as connection:
        connection.execute(
            AuditEntry.__table__.insert().values(
                at=now, username=username, action=action, target=target[:200], detail=detail[:MAX_DETAIL]
            )
        )


def recent(engine: Engine, limit: int = 200) -> List[AuditRecord]:
    """The newest entries first."""
    table = AuditEntry.__table__
    with engine.connect() as connection:
        rows = connection.execute(select(table).order_by(table.c.at.desc(), table.c.id.desc()).limit(limit)).all()
    return [AuditRecord(row.at, row.username, row.action, row.target, row.detail) for row in rows]
