"""What newcomers deliberately submit: answer ratings, service feedback, discrimination reports.

Nothing here can identify the sender. There is no sender id, channel user id, IP address,
transcript or exact time: only what the person chose to tell, plus coarse context
(language, channel type, topic, service id) and the month (``YYYY-MM``). Primary keys are
random UUIDs, so row order does not reveal when something was sent. Free text is scrubbed
(:mod:`bot.scrub`) before it gets here. Schema changes go through Alembic
(``bot/migrations``).
"""

from __future__ import annotations

import uuid

from sqlalchemy import JSON, Boolean, Column, Integer, String, Text
from sqlalchemy.orm import declarative_base

from bot.db import metadata

Base = declarative_base(metadata=metadata)

REPORT_STATUSES = ("new", "in_review", "referred", "closed")


def _new_id() -> str:
    return str(uuid.uuid4())


class AnswerRating(Base):
    """ "Was this helpful?" after a topic answer, and what was missing when it was not."""

    __tablename__ = "answer_ratings"

    id = Column(String(36), primary_key=True, default=_new_id)
    month = Column(String(7), nullable=False, index=True)
    language = Column(String(10), nullable=False)
    channel = Column(String(30), nullable=False)
    topic = Column(String(30), nullable=False)
    helpful = Column(Boolean, nullable=False)
    missing_reason = Column(String(30))
    missing_text = Column(Text)


class ServiceFeedback(Base):
    """How a visit to a service went."""

    __tablename__ = "service_feedback"

    id = Column(String(36), primary_key=True, default=_new_id)
    month = Column(String(7), nullable=False, index=True)
    language = Column(String(10), nullable=False)
    channel = Column(String(30), nullable=False)
    service_id = Column(String(100))
    service_name = Column(Text)  # as typed (scrubbed) when it is not in the directory
    rating = Column(Integer, nullable=False)
    problems = Column(JSON, nullable=False, default=list)
    comment = Column(Text)


class Report(Base):
    """A discrimination report, reachable by its holder only through the receipt code."""

    __tablename__ = "reports"

    id = Column(String(36), primary_key=True, default=_new_id)
    month = Column(String(7), nullable=False, index=True)
    language = Column(String(10), nullable=False)
    channel = Column(String(30), nullable=False)
    what_happened = Column(Text, nullable=False)
    service_id = Column(String(100))
    place_kind = Column(String(30))
    place_text = Column(Text)  # as typed (scrubbed) when it matched no service or kind
    incident_month = Column(String(7))  # None: "don't know"
    grounds = Column(JSON, nullable=False, default=list)
    wants_redress = Column(Boolean, nullable=False, default=False)
    status = Column(String(20), nullable=False, default="new")
    public_reply = Column(Text)
    public_reply_language = Column(String(10))
    receipt_locator = Column(String(8), nullable=False, index=True)
    receipt_hash = Column(String(200), nullable=False)
    receipt_expires_month = Column(String(7), nullable=False)
