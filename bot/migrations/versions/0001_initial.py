"""Directory tables, answer ratings, service feedback and discrimination reports.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "directory_services",
        sa.Column("id", sa.String(100), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("name", sa.JSON, nullable=False),
        sa.Column("topics", sa.JSON, nullable=False),
        sa.Column("languages", sa.JSON, nullable=False),
        sa.Column("address", sa.Text, nullable=False),
        sa.Column("district", sa.String(100), nullable=False),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("opening_hours", sa.Text, nullable=False),
        sa.Column("phone", sa.String(50)),
        sa.Column("email", sa.String(200)),
        sa.Column("website", sa.Text),
        sa.Column("description", sa.JSON, nullable=False),
        sa.Column("childcare", sa.Boolean, nullable=False),
        sa.Column("free", sa.Boolean, nullable=False),
        sa.Column("wheelchair", sa.Boolean, nullable=False),
        sa.Column("documents_required", sa.Boolean, nullable=False),
        sa.Column("appointment", sa.String(20)),
    )
    op.create_table(
        "directory_city",
        sa.Column("key", sa.String(20), primary_key=True),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_table(
        "answer_ratings",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("month", sa.String(7), nullable=False, index=True),
        sa.Column("language", sa.String(10), nullable=False),
        sa.Column("channel", sa.String(30), nullable=False),
        sa.Column("topic", sa.String(30), nullable=False),
        sa.Column("helpful", sa.Boolean, nullable=False),
        sa.Column("missing_reason", sa.String(30)),
        sa.Column("missing_text", sa.Text),
    )
    op.create_table(
        "service_feedback",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("month", sa.String(7), nullable=False, index=True),
        sa.Column("language", sa.String(10), nullable=False),
        sa.Column("channel", sa.String(30), nullable=False),
        sa.Column("service_id", sa.String(100)),
        sa.Column("service_name", sa.Text),
        sa.Column("rating", sa.Integer, nullable=False),
        sa.Column("problems", sa.JSON, nullable=False),
        sa.Column("comment", sa.Text),
    )
    op.create_table(
        "reports",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("month", sa.String(7), nullable=False, index=True),
        sa.Column("language", sa.String(10), nullable=False),
        sa.Column("channel", sa.String(30), nullable=False),
        sa.Column("what_happened", sa.Text, nullable=False),
        sa.Column("service_id", sa.String(100)),
        sa.Column("place_kind", sa.String(30)),
        sa.Column("place_text", sa.Text),
        sa.Column("incident_month", sa.String(7)),
        sa.Column("grounds", sa.JSON, nullable=False),
        sa.Column("wants_redress", sa.Boolean, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("public_reply", sa.Text),
        sa.Column("public_reply_language", sa.String(10)),
        sa.Column("receipt_locator", sa.String(8), nullable=False, index=True),
        sa.Column("receipt_hash", sa.String(200), nullable=False),
        sa.Column("receipt_expires_month", sa.String(7), nullable=False),
    )


def downgrade() -> None:
    for table in ("reports", "service_feedback", "answer_ratings", "directory_city", "directory_services"):
        op.drop_table(table)
