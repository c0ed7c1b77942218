"""Retention: submissions are deleted when their kind's retention period has passed.

``python -m bot purge`` runs this; schedule it daily (cron or a systemd timer, see the
README). Periods are whole months after the month a submission was sent.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Dict

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine

from bot.models import AnswerRating, Report, ServiceFeedback
from bot.settings import Settings
from bot.staff.models import AuditEntry, ReportNote
from bot.submissions import add_months, month_of


def cutoffs(settings: Settings, today: date) -> Dict[str, str]:
    """Per table, the first month still kept: rows from earlier months are deleted."""
    this_month = month_of(today)
    return {
        AnswerRating.__tablename__: add_months(this_month, -settings.feedback_retention_months),
        ServiceFeedback.__tablename__: add_months(this_month, -settings.feedback_retention_months),
        Report.__tablename__: add_months(this_month, -settings.report_retention_months),
        ReportNote.__tablename__: add_months(this_month, -settings.report_retention_months),
        AuditEntry.__tablename__: add_months(this_month, -settings.report_retention_months),
    }


def purge(engine: Engine, settings: Settings, today: date) -> Dict[str, int]:
    """Deletes everything past its retention period; returns the number of rows per table."""
    limits = cutoffs(settings, today)
    deleted = {}
    with engine.begin() as connection:
        # Notes go with their report (not every database enforces ON DELETE CASCADE), and the
        # audit log is kept as long as the reports it refers to.
        old_reports = select(Report.id).where(Report.month < limits[Report.__tablename__])
        result = connection.execute(delete(ReportNote.__table__).where(ReportNote.report_id.in_(old_reports)))
        deleted[ReportNote.__tablename__] = result.rowcount
        first_kept = datetime.strptime(limits[Report.__tablename__] + "-01", "%Y-%m-%d")
        result = connection.execute(delete(AuditEntry.__table__).where(AuditEntry.at < first_kept))
        deleted[AuditEntry.__tablename__] = result.rowcount
        for model in (AnswerRating, ServiceFeedback, Report):
            result = connection.execute(delete(model.__table__).where(model.month < limits[model.__tablename__]))
            deleted[model.__tablename__] = result.rowcount
    return deleted
