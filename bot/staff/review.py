"""What staff do with one submission: read it, move a report through the workflow, add
internal notes, write the public reply the receipt holder sees in the chat."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Dict, List, Optional

from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from bot.models import REPORT_STATUSES, Report, ServiceFeedback
from bot.staff.models import ReportNote

MAX_NOTE_LENGTH = 4000
MAX_REPLY_LENGTH = 4000
# The fields of a report that staff see (never the receipt hash or locator).
REPORT_FIELDS = (
    "id", "month", "language", "channel", "what_happened", "service_id", "place_kind", "place_text",
    "incident_month", "grounds", "wants_redress", "status", "public_reply", "public_reply_language",
)
FEEDBACK_FIELDS = ("id", "month", "language", "channel", "service_id", "service_name", "rating", "problems", "comment")


class ReviewError(ValueError):
    """A change staff asked for that cannot be made; the message says why."""


@dataclass(frozen=True)
class Note:
    author: str
    created_at: datetime
    text: str


def get_report(engine: Engine, report_id: str) -> Optional[Dict[str, Any]]:
    """The report's fields staff may see, or ``None``."""
    columns = [Report.__table__.c[name] for name in REPORT_FIELDS]
    with engine.connect() as connection:
        row = connection.execute(select(*columns).where(Report.id == report_id)).mappings().first()
    return dict(row) if row else None


def get_feedback(engine: Engine, feedback_id: str) -> Optional[Dict[str, Any]]:
    columns = [ServiceFeedback.__table__.c[name] for name in FEEDBACK_FIELDS]
    with engine.connect() as connection:
        row = connection.execute(select(*columns).where(ServiceFeedback.id == feedback_id)).mappings().first()
    return dict(row) if row else None


def notes(engine: Engine, report_id: str) -> List[Note]:
    """The report's internal notes, oldest first."""
    table = ReportNote.__table__
    with engine.connect() as connection:
        rows = connection.execute(
            select(table).where(table.c.report_id == report_id).order_by(table.c.created_at, table.c.id)
        ).all()
    return [Note(row.author, row.created_at, row.text) for row in rows]


def _update_report(engine: Engine, report_id: str, **values: Any) -> None:
    with engine.begin() as connection:
        if not connection.execute(update(Report.__table__).where(Report.id == report_id).values(**values)).rowcount:
            raise ReviewError("There is no such report (it may have been deleted after its retention period).")


def set_status(engine: Engine, report_id: str, status: str) -> None:
    if status not in REPORT_STATUSES:
        raise ReviewError(f"The status must be one of: {', '.join(REPORT_STATUSES)}.")
    _update_report(engine, report_id, status=status)


def _clean(text: str, limit: int, what: str) -> str:
    cleaned = (text or "").replace("\r\n", "\n").strip()
    if not cleaned:
        raise ReviewError(f"The {what} is empty.")
    if len(cleaned) > limit:
        raise ReviewError(f"The {what} has {len(cleaned)} characters; the most is {limit}.")
    return cleaned


def set_public_reply(engine: Engine, report_id: str, text: str, language: str, languages: List[str]) -> None:
    """Stores the reply the receipt holder sees; ``language`` is the one staff wrote it in."""
    if language not in languages:
        raise ReviewError(f"Choose the language the reply is written in: one of {', '.join(languages)}.")
    reply = _clean(text, MAX_REPLY_LENGTH, "reply")
    _update_report(engine, report_id, public_reply=reply, public_reply_language=language)


def add_note(engine: Engine, report_id: str, author: str, text: str, now: datetime) -> None:
    cleaned = _clean(text, MAX_NOTE_LENGTH, "note")
    if get_report(engine, report_id) is None:
        raise ReviewError("There is no such report (it may have been deleted after its retention period).")
    with engine.begin() as connection:
        connection.execute(
            ReportNote.__table__.insert().values(report_id=report_id, author=author, created_at=now, text=cleaned)
        )
