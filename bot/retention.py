"""Retention: submissions are deleted when their kind's retention period has passed.

``python -m bot purge`` runs this; schedule it daily (cron or a systemd timer, see the
README). Periods are whole months after the month a submission was sent.
"""

from __future__ import annotations

from datetime import date
from typing import Dict

from sqlalchemy import delete
from sqlalchemy.engine import Engine

from bot.models import AnswerRating, Report, ServiceFeedback
from bot.settings import Settings
from bot.submissions import add_months, month_of


def cutoffs(settings: Settings, today: date) -> Dict[str, str]:
    """Per table, the first month still kept: rows from earlier months are deleted."""
    this_month = month_of(today)
    return {
        AnswerRating.__tablename__: add_months(this_month, -settings.feedback_retention_months),
        ServiceFeedback.__tablename__: add_months(this_month, -settings.feedback_retention_months),
        Report.__tablename__: add_months(this_month, -settings.report_retention_months),
    }


def purge(engine: Engine, settings: Settings, today: date) -> Dict[str, int]:
    """Deletes everything past its retention period; returns the number of rows per table."""
    limits = cutoffs(settings, today)
    deleted = {}
    with engine.begin() as connection:
        for model in (AnswerRating, ServiceFeedback, Report):
            result = connection.execute(delete(model.__table__).where(model.month < limits[model.__tablename__]))
            deleted[model.__tablename__] = result.rowcount
    return deleted
