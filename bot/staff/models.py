"""Tables of the staff console: accounts, notes on reports, the audit log, actions taken,
and monthly message counts per language.

None of these identify a newcomer. Notes and the audit log name staff members (who did
what, when); reports are referred to by their random id. ``usage_counts`` holds only
numbers per month, language and kind (``message``, ``fallback``), for the dashboard's
"where the assistant does not understand people". Schema changes go through Alembic.
"""

from __future__ import annotations

import uuid

from sqlalchemy import JSON, Boolean, Column, DateTime, ForeignKey, Integer, String, Text

from bot.models import Base

ROLES = ("reviewer", "admin")
USAGE_KINDS = ("message", "fallback")


def _new_id() -> str:
    return str(uuid.uuid4())


class StaffUser(Base):
    """A staff account; the password is stored only as an argon2id hash."""

    __tablename__ = "staff_users"

    id = Column(Integer, primary_key=True, autoincrement=True)
    username = Column(String(64), nullable=False, unique=True)
    password_hash = Column(String(200), nullable=False)
    role = Column(String(10), nullable=False)
    active = Column(Boolean, nullable=False, default=True)
    created_at = Column(DateTime, nullable=False)
    password_changed_at = Column(DateTime, nullable=False)


class ReportNote(Base):
    """An internal note on a report, never shown to the person who sent it."""

    __tablename__ = "report_notes"

    id = Column(String(36), primary_key=True, default=_new_id)
    report_id = Column(String(36), ForeignKey("reports.id", ondelete="CASCADE"), nullable=False, index=True)
    author = Column(String(64), nullable=False)
    created_at = Column(DateTime, nullable=False)
    text = Column(Text, nullable=False)


class AuditEntry(Base):
    """Who of the staff viewed, changed or exported what, and when."""

    __tablename__ = "audit_log"

    id = Column(Integer, primary_key=True, autoincrement=True)
    at = Column(DateTime, nullable=False, index=True)
    username = Column(String(64), nullable=False)
    action = Column(String(40), nullable=False)
    target = Column(String(200), nullable=False, default="")
    detail = Column(Text, nullable=False, default="")


class ActionTaken(Base):
    """Something the city changed because of what newcomers said ("you said, we did")."""

    __tablename__ = "actions_taken"

    id = Column(String(36), primary_key=True, default=_new_id)
    month = Column(String(7), nullable=False)
    title = Column(Text, nullable=False)
    description = Column(Text, nullable=False)
    language = Column(String(10), nullable=False)  # the language staff wrote it in
    topic = Column(String(30))
    service_id = Column(String(100))
    ground = Column(String(30))
    report_ids = Column(JSON, nullable=False, default=list)
    published = Column(Boolean, nullable=False, default=False)
    author = Column(String(64), nullable=False)


class UsageCount(Base):
    """How many messages (and how many not understood) per month and language."""

    __tablename__ = "usage_counts"

    month = Column(String(7), primary_key=True)
    language = Column(String(10), primary_key=True)
    kind = Column(String(10), primary_key=True)
    count = Column(Integer, nullable=False, default=0)
