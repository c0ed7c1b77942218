"""Questions, answer checks, summaries and drafts of the feedback and report flows."""

from datetime import date

import pytest

from bot import flow_results, flows
from bot import texts_feedback as tf
from bot.flows import FlowContext, check, question

CITY = {
    "default_language": "en",
    "country": "DE",
    "emergency": {"number": "112"},
    "redress": [
        {
            "id": "eq",
            "kind": "equality_body",
            "name": {"en": "Equality Office", "ar": "مكتب المساواة"},
            "phone": "+49 30 1",
        },
    ],
}


def ctx(language="en", **changes):
    values = dict(language=language, translate=lambda m: m, today=date(2026, 11, 26), city=CITY, max_text_length=50)
    values.update(changes)
    return FlowContext(**values)


@pytest.mark.parametrize("slot", flows.REPORT_SLOTS + flows.FEEDBACK_SLOTS)
def test_every_question_can_be_cancelled(slot):
    reply = question(slot, ctx())
    assert reply.text and {"title": "Cancel", "payload": "/cancel"} in reply.buttons


def test_month_question_offers_recent_months_and_dont_know():
    payloads = [b["payload"] for b in question("report_when", ctx("de")).buttons]
    assert payloads[:4] == [flows.choice_payload("inform", m) for m in ("2026-11", "2026-10", "2026-09", "2026-08")]
    assert flows.choice_payload("inform", "unknown") in payloads
    assert "August 2026" in question("report_when", ctx("de")).text


def test_intro_names_the_emergency_number_and_says_what_is_stored():
    text = flows.report_intro(ctx()).text
    assert "112" in text and "do not type names" in text


@pytest.mark.parametrize(
    "slot, text, choice, expected",
    [
        ("report_where", "", "school", "kind:school"),
        ("report_where", "at the police station", None, "kind:police"),
        ("report_where", "in the tram", None, "text:in the tram"),
        ("report_when", "", "unknown", "unknown"),
        ("report_when", "last march", None, "2026-03"),
        ("report_when", "don't know", None, "unknown"),
        ("report_grounds", "2, 3", None, ["skin_colour", "nationality"]),
        ("feedback_rating", "5", None, "5"),
        ("feedback_problems", "Nothing went wrong", None, ["none"]),
        ("feedback_comment", "", "-", "-"),
        ("missing_reason", "", "unclear", "unclear"),
        ("missing_reason", "the address was old, mail me x@y.de", None, "text:the address was old, mail me [email]"),
    ],
)
def test_answers(slot, text, choice, expected):
    assert check(slot, text, choice, ctx(max_text_length=2000)).value == expected


def test_unclear_list_answers_are_asked_again_with_a_hint():
    checked = check("report_grounds", "hmm", None, ctx())
    assert checked.value is None and checked.notices == [tf.NOT_UNDERSTOOD_CHOICE]


def test_drafts_store_codes_not_labels():
    slots = {
        "report_what": "text",
        "report_where": "svc:jobcentre",
        "report_when": "unknown",
        "report_grounds": ["age"],
        "report_redress": False,
    }
    draft = flow_results.report_draft(slots, "tr", "socketio")
    assert (draft.service_id, draft.place_kind, draft.incident_month, draft.wants_redress) == (
        "jobcentre",
        None,
        None,
        False,
    )
    feedback = flow_results.feedback_draft(
        {
            "feedback_service": "text:the tram office",
            "feedback_rating": "1",
            "feedback_problems": ["none"],
            "feedback_comment": "-",
        },
        "pl",
        "rest",
    )
    assert (feedback.service_name, feedback.rating, feedback.problems, feedback.comment) == (
        "the tram office",
        1,
        [],
        None,
    )


def test_redress_contacts_come_from_the_city_block_in_the_language():
    [reply] = flow_results.redress_replies(CITY, ctx("ar"))
    assert "مكتب المساواة" in reply.text and "\u2068+49 30 1\u2069" in reply.text
    assert flow_results.redress_replies({"redress": []}, ctx()) == []
