"""Storing ratings, feedback and reports, and reading a report back by its receipt code.

Callers pass text that is already scrubbed (:func:`bot.scrub.clean`). Every function opens
its own short session and commits before it returns; a database failure raises
:class:`StorageError`, so the conversation can say so and keep the answers for a retry.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from typing import List, Optional, Tuple

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bot import receipts
from bot.models import AnswerRating, Report, ServiceFeedback


class StorageError(Exception):
    """The database could not be reached or did not accept the write."""


def month_of(day: date) -> str:
    """``2026-11-26`` → ``"2026-11"``: the only time stored with a submission."""
    return f"{day.year:04d}-{day.month:02d}"


def add_months(month: str, count: int) -> str:
    """``add_months("2026-11", 3)`` → ``"2027-02"`` (``count`` may be negative)."""
    year, number = (int(part) for part in month.split("-"))
    index = year * 12 + (number - 1) + count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


@dataclass(frozen=True)
class RatingDraft:
    """An answer rating as collected in the chat."""

    language: str
    channel: str
    topic: str
    helpful: bool
    missing_reason: Optional[str] = None
    missing_text: Optional[str] = None


@dataclass(frozen=True)
class FeedbackDraft:
    """Feedback on a service as collected in the chat."""

    language: str
    channel: str
    rating: int
    service_id: Optional[str] = None
    service_name: Optional[str] = None
    problems: List[str] = field(default_factory=list)
    comment: Optional[str] = None


@dataclass(frozen=True)
class ReportDraft:
    """A discrimination report as collected in the chat."""

    language: str
    channel: str
    what_happened: str
    grounds: List[str]
    wants_redress: bool
    service_id: Optional[str] = None
    place_kind: Optional[str] = None
    place_text: Optional[str] = None
    incident_month: Optional[str] = None


class ReceiptCheck(enum.Enum):
    """Outcome of looking up a receipt code."""

    FOUND = "found"
    NOT_FOUND = "not_found"
    EXPIRED = "expired"


@dataclass(frozen=True)
class ReportStatus:
    """What the receipt holder may see: status and the city's public reply."""

    status: str
    month: str
    public_reply: Optional[str]
    public_reply_language: Optional[str]


def _commit(engine: Engine, row) -> None:
    try:
        with Session(engine, future=True) as session, session.begin():
            session.add(row)
    except SQLAlchemyError as error:
        raise StorageError(type(error).__name__) from error


def save_rating(engine: Engine, draft: RatingDraft, today: date) -> None:
    """Stores an answer rating."""
    _commit(engine, AnswerRating(month=month_of(today), **draft.__dict__))


def save_feedback(engine: Engine, draft: FeedbackDraft, today: date) -> None:
    """Stores feedback on a service."""
    values = dict(draft.__dict__, problems=list(draft.problems))
    _commit(engine, ServiceFeedback(month=month_of(today), **values))


def save_report(engine: Engine, draft: ReportDraft, today: date, access_months: int) -> str:
    """Stores a report and returns its receipt code (grouped), which is stored only hashed.

    Args:
        access_months: How many months after this one the code keeps working.
    """
    code = receipts.normalize(receipts.new_code())
    month = month_of(today)
    values = dict(draft.__dict__, grounds=list(draft.grounds))
    report = Report(
        month=month,
        status="new",
        receipt_locator=receipts.locator(code),
        receipt_hash=receipts.hash_code(code),
        receipt_expires_month=add_months(month, access_months),
        **values,
    )
    _commit(engine, report)
    return receipts.format_code(code)


def check_receipt(engine: Engine, code: str, today: date) -> Tuple[ReceiptCheck, Optional[ReportStatus]]:
    """Finds the report for a normalised code.

    Access ends after the report's ``receipt_expires_month``; an expired code says so
    rather than "not found", so the person knows the code itself was right.
    """
    try:
        with Session(engine, future=True) as session:
            candidates = (
                session.execute(select(Report).where(Report.receipt_locator == receipts.locator(code))).scalars().all()
            )
            for report in candidates:
                if receipts.verify(report.receipt_hash, code):
                    if month_of(today) > report.receipt_expires_month:
                        return ReceiptCheck.EXPIRED, None
                    status = ReportStatus(
                        report.status, report.month, report.public_reply, report.public_reply_language
                    )
                    return ReceiptCheck.FOUND, status
    except SQLAlchemyError as error:
        raise StorageError(type(error).__name__) from error
    return ReceiptCheck.NOT_FOUND, None
