"""Rating, feedback and report actions against a real (temporary) database."""

import asyncio
import dataclasses
import re

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

import actions.common
import actions.reports
from actions.feedback import ActionCancel, ActionChangeAnswer, ActionRateAnswer, ActionReportSummary, ActionSubmit
from actions.forms import ValidateCheckForm, ValidateReportForm
from actions.reports import ActionCheckReport
from bot.db import make_engine
from bot.models import AnswerRating, Report
from tests.actions.conftest import make_tracker, run_action

REPORT_SLOTS = {
    "language": "en",
    "pending": "report",
    "report_what": "They would not serve me. [phone]",
    "report_where": "kind:shop",
    "report_when": "unknown",
    "report_grounds": ["skin_colour"],
    "report_redress": True,
}


def run(action, tracker):
    return asyncio.run(run_action(action, tracker))


def slot_events(events):
    return {event["name"]: event["value"] for event in events if event.get("event") == "slot"}


def stored_reports(runtime):
    with Session(runtime.engine, future=True) as session:
        return session.execute(select(Report)).scalars().all()


def test_submit_stores_the_report_shows_the_code_once_and_empties_the_answers(runtime):
    events, messages = run(ActionSubmit(), make_tracker("/affirm", "affirm", REPORT_SLOTS))
    code = re.search(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){4}", messages[0]["text"]).group(0)
    assert "Teststadt" not in messages[0]["text"]
    slots = slot_events(events)
    assert all(slots[name] is None for name in REPORT_SLOTS if name != "language")
    [report] = stored_reports(runtime)
    assert report.what_happened == "They would not serve me. [phone]" and report.place_kind == "shop"
    assert report.incident_month is None and report.grounds == ["skin_colour"]
    assert code.replace("-", "") not in report.receipt_hash


def test_when_the_database_is_down_nothing_is_lost_and_the_person_can_retry(runtime, monkeypatch):
    broken = dataclasses.replace(runtime, engine=make_engine("postgresql+psycopg2://postgres@localhost:1/none"))
    monkeypatch.setattr(actions.common, "runtime", lambda: broken)
    events, messages = run(ActionSubmit(), make_tracker("/affirm", "affirm", REPORT_SLOTS))
    assert "technical problem" in messages[0]["text"]
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/affirm", "/cancel"]
    assert slot_events(events) == {"pending": "report"}, "the answers stay for the retry"
    monkeypatch.setattr(actions.common, "runtime", lambda: runtime)
    _, messages = run(ActionSubmit(), make_tracker("/affirm", "affirm", REPORT_SLOTS))
    assert "receipt code" in messages[0]["text"] and len(stored_reports(runtime)) == 1


def test_summary_offers_send_change_and_cancel(runtime):
    events, messages = run(ActionReportSummary(), make_tracker("", None, dict(REPORT_SLOTS, pending=None)))
    text = messages[0]["text"]
    assert "They would not serve me. [phone]" in text and "Skin colour" in text and "don't know" in text
    payloads = [b["payload"] for b in messages[0]["buttons"]]
    assert payloads[0] == "/affirm" and payloads[-1] == "/cancel"
    assert '/change_answer{"choice": "report_where"}' in payloads
    assert slot_events(events) == {"pending": "report"}


def test_change_empties_only_an_answer_of_the_pending_form():
    tracker = make_tracker("", "change_answer", REPORT_SLOTS, entities=[{"entity": "choice", "value": "report_when"}])
    assert slot_events(run(ActionChangeAnswer(), tracker)[0]) == {"report_when": None}
    other = make_tracker("", "change_answer", REPORT_SLOTS, entities=[{"entity": "choice", "value": "feedback_rating"}])
    assert run(ActionChangeAnswer(), other)[0] == []


def test_cancel_forgets_everything_and_says_so(runtime):
    events, messages = run(ActionCancel(), make_tracker("stop", "cancel", REPORT_SLOTS))
    assert messages[0]["text"] == "Cancelled. Nothing was stored."
    assert events[0]["event"] == "active_loop" and slot_events(events)["report_what"] is None
    assert stored_reports(runtime) == []


def test_not_helpful_with_a_typed_reason_is_stored_scrubbed(runtime):
    slots = {"language": "de", "rated_topic": "health", "missing_reason": "text:zu lang, ruf mich an [phone]"}
    run(ActionRateAnswer(), make_tracker("", None, slots))
    with Session(runtime.engine, future=True) as session:
        [rating] = session.execute(select(AnswerRating)).scalars().all()
    assert (rating.helpful, rating.missing_reason, rating.language) == (False, "other", "de")
    assert rating.missing_text == "zu lang, ruf mich an [phone]"


def test_report_text_is_scrubbed_and_cut_when_it_is_given(runtime):
    tracker = make_tracker("x", "inform", {"language": "en", "requested_slot": "report_what"})
    dispatcher_events = asyncio.run(
        _validate(ValidateReportForm(), "report_what", "call +49 151 23456789 " + "a" * 30000, tracker)
    )
    value, messages = dispatcher_events
    assert value.startswith("call [phone]") and len(value) <= runtime.settings.max_text_length + 4
    assert any("personal details" in m["text"] for m in messages) and any("2000" in m["text"] for m in messages)


async def _validate(validation, slot, value, tracker):
    from rasa_sdk.executor import CollectingDispatcher

    dispatcher = CollectingDispatcher()
    result = getattr(validation, f"validate_{slot}")(value, dispatcher, tracker, {})
    return result[slot], dispatcher.messages


@pytest.mark.parametrize("answer", ["", "   ", "😡😡", "/ask_health"])
def test_answers_without_words_are_asked_again(answer):
    tracker = make_tracker(answer, "inform", {"language": "en", "requested_slot": "report_what"})
    value, messages = asyncio.run(_validate(ValidateReportForm(), "report_what", answer, tracker))
    assert value is None and messages


def test_receipt_check_reads_codes_in_any_spelling_and_limits_wrong_guesses(runtime, monkeypatch):
    monkeypatch.setattr(actions.reports, "attempt_counter", lambda: counter)
    from bot.ratelimit import MemoryCounter

    counter = MemoryCounter(attempts=2, window_seconds=900)
    _, messages = run(ActionSubmit(), make_tracker("/affirm", "affirm", REPORT_SLOTS))
    code = re.search(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){4}", messages[0]["text"]).group(0)

    extracted = asyncio.run(
        ValidateCheckForm().extract_receipt_code(
            None, make_tracker(code.lower().replace("-", " "), "inform", {"requested_slot": "receipt_code"}), {}
        )
    )
    assert extracted == {"receipt_code": code.replace("-", "")}
    _, messages = run(ActionCheckReport(), make_tracker("", "inform", {"language": "en", **extracted}))
    assert "received, not yet reviewed" in messages[0]["text"] and "no reply yet" in messages[0]["text"]

    wrong = "0000" + code.replace("-", "")[4:]
    for _ in range(2):
        _, messages = run(ActionCheckReport(), make_tracker(f"check {wrong}", "check_report", {"language": "en"}))
        assert "could not find" in messages[0]["text"]
    _, messages = run(ActionCheckReport(), make_tracker(f"check {wrong}", "check_report", {"language": "en"}))
    assert "Too many wrong codes" in messages[0]["text"]
