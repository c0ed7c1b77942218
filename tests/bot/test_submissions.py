"""Storing ratings, feedback and reports; reading a report back by its receipt code.

Each test runs on SQLite and on the machine's PostgreSQL (a fresh schema per test).
"""

from datetime import date

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from bot import receipts
from bot.migrate import current_revision, head_revision, upgrade
from bot.models import AnswerRating, Report, ServiceFeedback
from bot.submissions import (
    FeedbackDraft,
    RatingDraft,
    ReceiptCheck,
    ReportDraft,
    StorageError,
    add_months,
    check_receipt,
    month_of,
    save_feedback,
    save_rating,
    save_report,
)

TODAY = date(2026, 11, 26)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request, engine):
    chosen = engine if request.param == "sqlite" else request.getfixturevalue("pg_engine")
    upgrade(chosen)
    return chosen


def report_draft(**changes):
    values = dict(
        language="ar",
        channel="socketio",
        what_happened="They refused to serve me because of my headscarf.",
        grounds=["religion", "gender"],
        wants_redress=True,
        place_kind="office",
        incident_month="2026-10",
    )
    values.update(changes)
    return ReportDraft(**values)


def test_migrations_reach_head_and_create_every_table(db):
    assert current_revision(db) == head_revision()
    tables = set(inspect(db).get_table_names())
    assert {"answer_ratings", "service_feedback", "reports", "directory_services", "directory_city"} <= tables
    upgrade(db)  # running again changes nothing
    assert current_revision(db) == head_revision()


def test_no_column_could_identify_the_sender(db):
    for table in ("answer_ratings", "service_feedback", "reports"):
        columns = {column["name"] for column in inspect(db).get_columns(table)}
        assert not columns & {
            "sender_id",
            "sender",
            "user_id",
            "ip",
            "ip_address",
            "timestamp",
            "created_at",
            "transcript",
        }


def test_report_is_stored_with_the_month_only_and_a_hashed_receipt(db):
    code = save_report(db, report_draft(), TODAY, access_months=12)
    with Session(db, future=True) as session:
        report = session.execute(select(Report)).scalar_one()
    assert report.month == "2026-11" and report.status == "new"
    assert report.grounds == ["religion", "gender"] and report.wants_redress is True
    assert report.receipt_expires_month == "2027-11"
    normalized = receipts.normalize(code)
    assert normalized not in report.receipt_hash and report.receipt_locator == normalized[:4]
    outcome, status = check_receipt(db, normalized, TODAY)
    assert outcome is ReceiptCheck.FOUND and status.status == "new" and status.public_reply is None


def test_wrong_and_expired_codes(db):
    code = receipts.normalize(save_report(db, report_draft(), TODAY, access_months=1))
    wrong = code[:4] + ("0" if code[4] != "0" else "1") + code[5:]  # same locator, wrong secret
    assert check_receipt(db, wrong, TODAY) == (ReceiptCheck.NOT_FOUND, None)
    assert check_receipt(db, receipts.normalize(receipts.new_code()), TODAY)[0] is ReceiptCheck.NOT_FOUND
    assert check_receipt(db, code, date(2026, 12, 31))[0] is ReceiptCheck.FOUND
    assert check_receipt(db, code, date(2027, 1, 1)) == (ReceiptCheck.EXPIRED, None)


def test_the_city_reply_reaches_the_receipt_holder(db):
    code = receipts.normalize(save_report(db, report_draft(), TODAY, access_months=12))
    with Session(db, future=True) as session, session.begin():
        report = session.execute(select(Report)).scalar_one()
        report.status, report.public_reply, report.public_reply_language = "referred", "We spoke to the office.", "en"
    outcome, status = check_receipt(db, code, TODAY)
    assert (status.status, status.public_reply, status.public_reply_language) == (
        "referred",
        "We spoke to the office.",
        "en",
    )


def test_feedback_and_ratings(db):
    save_feedback(db, FeedbackDraft("uk", "rest", 2, service_id="jobcentre", problems=["language_barrier"]), TODAY)
    save_rating(db, RatingDraft("fa", "socketio", "health", False, "unclear"), TODAY)
    with Session(db, future=True) as session:
        feedback = session.execute(select(ServiceFeedback)).scalar_one()
        rating = session.execute(select(AnswerRating)).scalar_one()
    assert (feedback.rating, feedback.problems, feedback.month) == (2, ["language_barrier"], "2026-11")
    assert (rating.topic, rating.helpful, rating.missing_reason) == ("health", False, "unclear")


def test_an_unreachable_database_raises_storage_error():
    from bot.db import make_engine

    broken = make_engine("postgresql+psycopg2://postgres@localhost:1/none")
    with pytest.raises(StorageError):
        save_report(broken, report_draft(), TODAY, access_months=12)
    with pytest.raises(StorageError):
        check_receipt(broken, receipts.normalize(receipts.new_code()), TODAY)


@pytest.mark.parametrize(
    "month, count, expected",
    [("2026-11", 1, "2026-12"), ("2026-11", 2, "2027-01"), ("2026-01", -1, "2025-12"), ("2026-11", -24, "2024-11")],
)
def test_add_months(month, count, expected):
    assert add_months(month, count) == expected
    assert month_of(date(2026, 3, 9)) == "2026-03"
