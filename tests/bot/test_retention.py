"""Retention: ``python -m bot purge`` deletes what is past its period, and nothing else."""

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.cli import main
from bot.migrate import upgrade
from bot.models import AnswerRating, Report, ServiceFeedback
from bot.retention import purge
from bot.settings import Settings
from bot.submissions import FeedbackDraft, RatingDraft, ReportDraft, save_feedback, save_rating, save_report


def fill(engine):
    """One of each kind per month in 2024-01 … 2026-11."""
    for year in (2024, 2025, 2026):
        for month in range(1, 13):
            if (year, month) > (2026, 11):
                break
            day = date(year, month, 15)
            save_rating(engine, RatingDraft("en", "rest", "health", True), day)
            save_feedback(engine, FeedbackDraft("de", "rest", 4), day)
            save_report(engine, ReportDraft("ar", "rest", "text", ["religion"], False), day, access_months=1)


def counts(engine):
    with Session(engine, future=True) as session:
        return {
            model.__tablename__: (
                session.execute(select(func.count()).select_from(model)).scalar_one(),
                session.execute(select(func.min(model.month))).scalar_one(),
            )
            for model in (AnswerRating, ServiceFeedback, Report)
        }


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def filled(request, engine):
    chosen = engine if request.param == "sqlite" else request.getfixturevalue("pg_engine")
    upgrade(chosen)
    fill(chosen)
    return chosen


def test_purge_keeps_whole_months_per_kind(filled):
    settings = Settings(feedback_retention_months=12, report_retention_months=24)
    deleted = purge(filled, settings, date(2026, 11, 26))
    assert deleted == {"answer_ratings": 22, "service_feedback": 22, "reports": 10, "report_notes": 0, "audit_log": 0}
    after = counts(filled)
    assert after["answer_ratings"] == (13, "2025-11") and after["service_feedback"] == (13, "2025-11")
    assert after["reports"] == (25, "2024-11")
    assert set(purge(filled, settings, date(2026, 11, 26)).values()) == {0}


def test_purge_command_reads_the_periods_from_settings(engine, capsys):
    upgrade(engine)
    fill(engine)
    settings = Settings(database_url=str(engine.url), feedback_retention_months=1, report_retention_months=3)
    assert main(["purge", "--today", "2026-11-02"], settings=settings) == 0
    output = capsys.readouterr().out
    assert "answer_ratings: deleted 33 from before 2026-10" in output
    assert "reports: deleted 31 from before 2026-08" in output
    assert counts(engine)["reports"] == (4, "2026-08")


def test_retention_settings_must_be_positive_whole_numbers():
    from bot.settings import load_settings

    assert load_settings({"REPORT_RETENTION_MONTHS": "36"}).report_retention_months == 36
    with pytest.raises(ValueError, match="REPORT_RETENTION_MONTHS"):
        load_settings({"REPORT_RETENTION_MONTHS": "two years"})
    with pytest.raises(ValueError, match="FEEDBACK_RETENTION_MONTHS"):
        load_settings({"FEEDBACK_RETENTION_MONTHS": "0"})
