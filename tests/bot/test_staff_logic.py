"""Staff accounts, the review workflow, notes, replies, actions taken, usage counts and the
inbox filters, on SQLite and on the machine's PostgreSQL."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from bot import receipts
from bot.migrate import upgrade
from bot.models import Report
from bot.staff import accounts, audit, changes, review, usage
from bot.staff.items import Filters, Item, apply, load_items
from bot.staff.models import StaffUser
from bot.submissions import (
    FeedbackDraft,
    RatingDraft,
    ReportDraft,
    check_receipt,
    save_feedback,
    save_rating,
    save_report,
)

NOW = datetime(2026, 11, 26, 10, 30)
TODAY = date(2026, 11, 26)
PASSWORD = "correct horse battery"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request, engine):
    chosen = engine if request.param == "sqlite" else request.getfixturevalue("pg_engine")
    upgrade(chosen)
    return chosen


def a_report(db, **changes) -> str:
    values = dict(language="uk", channel="socketio", what_happened="The clerk refused to talk to me.",
                  grounds=["nationality"], wants_redress=False, place_kind="office")
    values.update(changes)
    code = save_report(db, ReportDraft(**values), TODAY, access_months=12)
    with db.connect() as connection:
        rows = connection.execute(select(Report.id)).scalars().all()
    assert len(rows) == 1, "each test files one report"
    return code, rows[0]


# --- accounts -----------------------------------------------------------------------------

def test_add_and_authenticate_stores_only_an_argon2_hash(db):
    account = accounts.add_user(db, "Amira.K", PASSWORD, "reviewer", NOW)
    assert account.username == "amira.k" and account.role == "reviewer" and account.active
    with db.connect() as connection:
        stored = connection.execute(select(StaffUser.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert accounts.authenticate(db, "amira.k", PASSWORD) == account
    assert accounts.authenticate(db, "AMIRA.K", PASSWORD) == account
    assert accounts.authenticate(db, "amira.k", PASSWORD + "x") is None
    assert accounts.authenticate(db, "nobody", PASSWORD) is None


@pytest.mark.parametrize(
    "username, password, role, message",
    [
        ("x", PASSWORD, "reviewer", "username"),
        ("has space", PASSWORD, "reviewer", "username"),
        ("ok-name", "short", "reviewer", "at least 12"),
        ("ok-name", PASSWORD, "boss", "role"),
    ],
)
def test_bad_accounts_are_refused_with_a_reason(db, username, password, role, message):
    with pytest.raises(accounts.AccountError, match=message):
        accounts.add_user(db, username, password, role, NOW)
    assert accounts.list_users(db) == []


def test_duplicate_username_is_refused(db):
    accounts.add_user(db, "sam", PASSWORD, "admin", NOW)
    with pytest.raises(accounts.AccountError, match="taken"):
        accounts.add_user(db, "SAM", PASSWORD, "reviewer", NOW)


def test_disabled_accounts_cannot_sign_in_and_reset_changes_the_password(db):
    accounts.add_user(db, "sam", PASSWORD, "admin", NOW)
    accounts.set_active(db, "sam", False)
    assert accounts.authenticate(db, "sam", PASSWORD) is None
    accounts.set_active(db, "sam", True)
    accounts.set_password(db, "sam", "a brand new passphrase", datetime(2026, 11, 27))
    assert accounts.authenticate(db, "sam", PASSWORD) is None
    assert accounts.authenticate(db, "sam", "a brand new passphrase").username == "sam"
    assert accounts.password_changed_at(db, accounts.get_user(db, "sam").id) == datetime(2026, 11, 27)
    with pytest.raises(accounts.AccountError, match="no staff member"):
        accounts.set_active(db, "ghost", False)


# --- review workflow -----------------------------------------------------------------------

def test_status_note_and_reply_reach_the_receipt_holder(db):
    code, report_id = a_report(db)
    review.set_status(db, report_id, "in_review")
    review.add_note(db, report_id, "sam", "Call the office manager.", NOW)
    review.set_public_reply(db, report_id, "  Wir haben mit dem Amt gesprochen.\r\n", "de", ["en", "de"])
    report = review.get_report(db, report_id)
    assert report["status"] == "in_review"
    assert "receipt_hash" not in report and "receipt_locator" not in report
    assert [note.text for note in review.notes(db, report_id)] == ["Call the office manager."]
    found, status = check_receipt(db, receipts.normalize(code), TODAY)
    assert status.status == "in_review"
    assert status.public_reply == "Wir haben mit dem Amt gesprochen."
    assert status.public_reply_language == "de"


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda db, rid: review.set_status(db, rid, "deleted"), "status must be one of"),
        (lambda db, rid: review.set_public_reply(db, rid, "   ", "en", ["en"]), "empty"),
        (lambda db, rid: review.set_public_reply(db, rid, "Hello", "xx", ["en"]), "language"),
        (lambda db, rid: review.set_public_reply(db, rid, "x" * 4001, "en", ["en"]), "4001 characters"),
        (lambda db, rid: review.add_note(db, rid, "sam", "", NOW), "empty"),
        (lambda db, rid: review.set_status(db, "0" * 36, "closed"), "no such report"),
        (lambda db, rid: review.add_note(db, "0" * 36, "sam", "note", NOW), "no such report"),
    ],
)
def test_bad_changes_are_refused_and_nothing_changes(db, change, message):
    _, report_id = a_report(db)
    with pytest.raises(review.ReviewError, match=message):
        change(db, report_id)
    report = review.get_report(db, report_id)
    assert report["status"] == "new" and report["public_reply"] is None
    assert review.notes(db, report_id) == []


def test_audit_log_keeps_staff_actions_newest_first(db):
    audit.record(db, "sam", "report.view", "abc", now=NOW)
    audit.record(db, "amira", "export.csv", "", "kind=report", now=datetime(2026, 11, 26, 11))
    entries = audit.recent(db)
    assert [(e.username, e.action, e.detail) for e in entries] == [
        ("amira", "export.csv", "kind=report"),
        ("sam", "report.view", ""),
    ]


# --- actions taken -------------------------------------------------------------------------

def change_form(**fields) -> changes.ChangeInput:
    values = dict(month="2026-11", title="Interpreters at the Welcome Centre",
                  description="Arabic and Farsi interpreters every Tuesday.", language="en")
    values.update(fields)
    return changes.ChangeInput(**values)


def validate(form):
    return changes.validate(form, ["en", "de"], ["health", "registration"], ["clinic"], ["language", "religion"])


def test_actions_taken_are_private_until_published(db):
    report_id = "a" * 8 + "-1111-2222-3333-" + "4" * 12
    change_id = changes.add(db, validate(change_form(topic="registration", report_ids=report_id)), "sam")
    assert changes.list_changes(db, published_only=True) == []
    changes.set_published(db, change_id, True)
    [published] = changes.list_changes(db, published_only=True)
    assert published.title == "Interpreters at the Welcome Centre" and published.topic == "registration"
    assert len(published.report_ids) == 1


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"month": "11/2026"}, "month"),
        ({"title": " "}, "title is empty"),
        ({"language": "xx"}, "language"),
        ({"topic": "space"}, "Unknown topic"),
        ({"report_ids": "not-an-id"}, "Not a report id"),
    ],
)
def test_bad_actions_are_refused(fields, message):
    with pytest.raises(changes.ChangeError, match=message):
        validate(change_form(**fields))


# --- usage counts and the inbox list -------------------------------------------------------

def test_usage_counts_add_up_per_month_language_and_kind(db):
    for _ in range(3):
        usage.count(db, "2026-11", "fa", "message")
    usage.count(db, "2026-11", "fa", "fallback")
    usage.count(db, "2026-10", "en", "message")
    rows = {(row.month, row.language): (row.messages, row.fallbacks) for row in usage.read(db)}
    assert rows == {("2026-11", "fa"): (3, 1), ("2026-10", "en"): (1, 0)}
    with pytest.raises(ValueError):
        usage.count(db, "2026-11", "fa", "transcript")


def test_items_from_every_kind_and_filters(db):
    a_report(db, grounds=["religion", "gender"], what_happened="Refused because of my headscarf")
    feedback = FeedbackDraft(language="ar", channel="telegram", rating=1, service_id="clinic", comment="Rude")
    save_feedback(db, feedback, TODAY)
    save_rating(db, RatingDraft(language="en", channel="socketio", topic="housing", helpful=False), TODAY)
    items = load_items(db, [])
    assert sorted(item.kind for item in items) == ["feedback", "rating", "report"]
    assert [i.kind for i in apply(items, Filters(grounds="religion"))] == ["report"]
    assert [i.kind for i in apply(items, Filters(q="HEADSCARF refused"))] == ["report"]
    assert [i.kind for i in apply(items, Filters(channel="telegram"))] == ["feedback"]
    assert [i.kind for i in apply(items, Filters(kind="rating", language="en"))] == ["rating"]
    assert apply(items, Filters(month="2026-10")) == []


def test_filters_from_query_parameters_report_bad_values():
    filters, errors = Filters.from_args({"kind": "report", "status": "gone", "month": "2026-13", "q": "  a   b ",
                                         "topic": "<script>"})
    assert filters == Filters(kind="report", q="a b")
    assert len(errors) == 3
    assert Filters(kind="report", q="x").as_args() == {"kind": "report", "q": "x"}


def test_newest_month_first():
    items = [Item(kind="rating", id=str(n), month=month, language="en", channel="rest")
             for n, month in enumerate(["2026-01", "2026-11", "2026-05"])]
    assert [item.month for item in apply(items, Filters())] == ["2026-11", "2026-05", "2026-01"]


def test_purge_removes_notes_and_audit_entries_with_old_reports(db):
    from bot.retention import purge
    from bot.settings import Settings
    from bot.staff.models import AuditEntry, ReportNote

    save_report(db, ReportDraft("ar", "rest", "old", ["religion"], False), date(2024, 1, 15), access_months=1)
    with db.connect() as connection:
        old_id = connection.execute(select(Report.id)).scalar_one()
    review.add_note(db, old_id, "sam", "old note", datetime(2024, 1, 20))
    audit.record(db, "sam", "report.view", old_id, now=datetime(2024, 1, 20))
    audit.record(db, "sam", "inbox.view", now=NOW)
    deleted = purge(db, Settings(report_retention_months=24), TODAY)
    assert deleted["reports"] == 1 and deleted["report_notes"] == 1 and deleted["audit_log"] == 1
    with db.connect() as connection:
        assert connection.execute(select(ReportNote.id)).all() == []
        assert connection.execute(select(AuditEntry.action)).scalars().all() == ["inbox.view"]


def test_staff_commands_read_the_password_from_stdin_never_the_command_line(engine, monkeypatch, capsys):
    import io

    from bot.cli import main
    from bot.settings import Settings

    settings = Settings(database_url=str(engine.url))
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["staff", "add", "Sam", "--role", "admin"], settings=settings) == 0
    assert accounts.authenticate(engine, "sam", PASSWORD).role == "admin"
    with pytest.raises(SystemExit):
        main(["staff", "add", "eve", "--role", "admin", "--password", PASSWORD], settings=settings)
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["staff", "add", "eve", "--role", "reviewer"], settings=settings) == 1
    assert "at least 12" in capsys.readouterr().err
    assert main(["staff", "disable", "sam"], settings=settings) == 0
    assert accounts.authenticate(engine, "sam", PASSWORD) is None
    monkeypatch.setattr("sys.stdin", io.StringIO("another good password\n"))
    assert main(["staff", "enable", "sam"], settings=settings) == 0
    assert main(["staff", "reset-password", "sam"], settings=settings) == 0
    assert accounts.authenticate(engine, "sam", "another good password").username == "sam"
    assert main(["staff", "disable", "ghost"], settings=settings) == 1
    capsys.readouterr()
    assert main(["staff", "list"], settings=settings) == 0
    assert "sam\tadmin\tactive" in capsys.readouterr().out
