"""End to end over REST: an anonymous report with personal data in it, its receipt, the city's reply.

The stored row is read straight from the stack's database: it must hold no phone number,
e-mail address or sender id, and the servers' logs must not hold the report text.
"""

from __future__ import annotations

import re
import uuid

import pytest
import requests
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from bot import texts_feedback as tf
from bot.i18n import Translator
from bot.models import Report, ServiceFeedback

pytestmark = pytest.mark.e2e

CODE = re.compile(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}")
PHONE, EMAIL = "0151 2345 6789", "amira.k@example.com"
WHAT = {
    "en": f"The clerk said she does not serve people like me. Call me on {PHONE} or write to {EMAIL}",
    "uk": f"Працівниця сказала, що не обслуговує таких як я. Мій номер {PHONE}, пошта {EMAIL}",
}
START = {"en": "I want to report discrimination", "uk": "хочу повідомити про дискримінацію"}
CHECK = {"en": "check my report", "uk": "перевірити моє повідомлення"}


def say(stack, sender: str, message: str):
    response = requests.post(
        f"{stack.rasa_url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=120
    )
    response.raise_for_status()
    return response.json()


def texts(messages) -> str:
    return "\n".join(message.get("text", "") for message in messages)


def file_report(stack, sender: str, language: str) -> str:
    """Goes through the whole report flow; returns the receipt code shown at the end."""
    intro = say(stack, sender, START[language])
    assert any(button["payload"] == "/cancel" for m in intro for button in m.get("buttons") or []), texts(intro)
    summary_step = say(stack, sender, WHAT[language])
    assert any(
        b["payload"].startswith('/inform{"choice": "office"') for m in summary_step for b in m.get("buttons") or []
    )
    say(stack, sender, '/inform{"choice": "office"}')
    say(stack, sender, '/inform{"choice": "unknown"}')
    say(stack, sender, "3, 5")  # typed numbers: nationality, language
    summary = say(stack, sender, "/affirm")  # yes, tell me where to get advice
    shown = texts(summary)
    assert "[phone]" in shown and "[email]" in shown and PHONE not in shown and EMAIL not in shown
    sent = say(stack, sender, "/affirm")
    match = CODE.search(texts(sent))
    assert match, texts(sent)
    assert "equality@elmsbridge.example.org" in texts(sent), "the redress contacts from the city block follow"
    return match.group(0)


@pytest.mark.parametrize("language", ["en", "uk"])
def test_report_is_stored_anonymously_and_answered_through_the_receipt(stack, language):
    sender = f"e2e-report-{uuid.uuid4().hex}"
    say(stack, sender, "/choose_language" + '{"language": "%s"}' % language)
    code = file_report(stack, sender, language)

    engine = create_engine(stack.database_url, future=True)
    with Session(engine, future=True) as session:
        reports = session.execute(select(Report).where(Report.language == language)).scalars().all()
        row = reports[-1]
        stored = repr({column.name: getattr(row, column.name) for column in Report.__table__.columns})
        assert PHONE not in stored and EMAIL not in stored and sender not in stored and code not in stored
        assert "[phone]" in row.what_happened and "[email]" in row.what_happened
        assert row.place_kind == "office" and row.incident_month is None
        assert row.grounds == ["nationality", "language"] and row.wants_redress is True
        assert re.fullmatch(r"\d{4}-\d{2}", row.month) and row.channel == "rest"

    # The holder checks the report from another conversation: no reply yet.
    other = f"e2e-check-{uuid.uuid4().hex}"
    say(stack, other, "/choose_language" + '{"language": "%s"}' % language)
    status = texts(say(stack, other, f"{CHECK[language]} {code.lower().replace('-', ' ')}"))
    assert CODE.search(status) is None

    # The city replies (as the staff console will); the holder sees it.
    with Session(engine, future=True) as session, session.begin():
        row = session.get(Report, row.id)
        row.status, row.public_reply, row.public_reply_language = "referred", "<b>We spoke to the office.</b>", "en"
    asked = say(stack, other, CHECK[language])
    assert any("/cancel" == b["payload"] for m in asked for b in m.get("buttons") or []), texts(asked)
    answer = texts(say(stack, other, code))
    assert "<b>We spoke to the office.</b>" in answer, answer
    engine.dispose()

    logged = stack.log_text()
    assert PHONE not in logged and EMAIL not in logged and "does not serve" not in logged and code not in logged


def test_wrong_receipt_codes_are_rate_limited(stack):
    sender = f"e2e-guess-{uuid.uuid4().hex}"
    answers = [texts(say(stack, sender, "check my report 0000-0000-0000-0000-%04d" % attempt)) for attempt in range(7)]
    assert "could not find" in answers[0]
    assert "Too many wrong codes" in answers[-1]


@pytest.fixture(scope="module")
def german(compiled_translations):
    return Translator(compiled_translations, ["en", "de"], "en").for_language("de")


def test_feedback_on_a_service_and_cancelling(stack, german):
    sender = f"e2e-feedback-{uuid.uuid4().hex}"
    say(stack, sender, "/choose_language" + '{"language": "de"}')
    say(stack, sender, "/give_feedback")
    say(stack, sender, "Jobcenter Elmsbridge")
    say(stack, sender, '/inform{"choice": "2"}')
    say(stack, sender, "Sprache und zu lange gewartet")
    summary = texts(say(stack, sender, "Niemand sprach Englisch, ich war 4 Stunden da. Tel 0176 12345678"))
    assert "[phone]" in summary and "12345678" not in summary
    assert german(tf.FEEDBACK_PROBLEMS["language_barrier"]) in summary, summary
    sent = texts(say(stack, sender, "/affirm"))
    engine = create_engine(stack.database_url, future=True)
    with Session(engine, future=True) as session:
        rows = session.execute(select(ServiceFeedback).where(ServiceFeedback.language == "de")).scalars().all()
    engine.dispose()
    assert german(tf.FEEDBACK_SAVED) in sent
    assert (
        rows
        and rows[-1].service_id == "jobcentre"
        and rows[-1].rating == 2
        and "12345678" not in (rows[-1].comment or "")
    ), sent
    assert set(rows[-1].problems) == {"language_barrier", "waited_too_long"}

    # cancelling half-way stores nothing more
    say(stack, sender, "/report_discrimination")
    cancelled = texts(say(stack, sender, "/cancel"))
    assert german(tf.CANCELLED) in cancelled, cancelled


BAD_INPUT = {
    "emoji only": ("😡😡😡", False),
    "html and script": ("<script>alert('x')</script><b>they laughed at me</b>", True),
    "sql": ("'; DROP TABLE reports; -- they refused me", True),
    "rtl override": ("\u202eemag eht ni dehgual yeht", True),
    "mixed scripts": ("Они сказали «no» و ضحكوا 你好", True),
    "20 KB": ("they made me wait " * 1200, True),
}


@pytest.mark.parametrize("name", list(BAD_INPUT))
def test_bad_input_in_a_report_never_breaks_the_flow(stack, name):
    text, accepted = BAD_INPUT[name]
    sender = f"e2e-bad-{uuid.uuid4().hex}"
    say(stack, sender, '/choose_language{"language": "en"}')
    say(stack, sender, "/report_discrimination")
    answer = say(stack, sender, text)
    shown = texts(answer)
    payloads = [b["payload"] for m in answer for b in m.get("buttons") or []]
    if accepted:
        assert '/inform{"choice": "office"}' in payloads, shown  # on to the next question
        if name == "20 KB":
            assert "2000" in shown, "the person is told the text was cut"
    else:
        assert "few words" in shown and payloads == ["/cancel"], shown  # asked again
    assert "\u202e" not in shown
    assert "Cancelled" in texts(say(stack, sender, "/cancel"))
