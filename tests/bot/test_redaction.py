"""Finished flows lose their words in the stored conversation; flows in progress keep them."""

from bot.redaction import REMOVED, redact_finished_flows


def user(text, intent="inform"):
    return {"event": "user", "text": text, "parse_data": {"text": text, "intent": {"name": intent}, "entities": []}}


def bot(text):
    return {"event": "bot", "text": text, "data": {"buttons": [{"title": text, "payload": "/affirm"}]}}


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def report_events():
    return [
        user("hello", "greet"),
        bot("Welcome"),
        user("I want to report discrimination", "report_discrimination"),
        bot("Before you start…"),
        user("The clerk said no foreigners, call me 0151 2345678"),
        slot("report_what", "The clerk said no foreigners, call me [phone]"),
        user("somewhere"),
        slot("report_where", None),  # asked again: the flow goes on
        user("office"),
        slot("report_where", "kind:office"),
        bot("Please check your report: The clerk said no foreigners…"),
    ]


def test_a_flow_in_progress_is_kept():
    events = report_events()
    assert redact_finished_flows(events) == 0
    assert events[5]["value"].startswith("The clerk")


def test_a_finished_flow_keeps_its_shape_but_not_its_words():
    events = report_events() + [
        user("/affirm", "affirm"),
        bot("Your receipt code is ABCD-EFGH-JKMN-PQRS-TVWX"),
        slot("report_what", None),
        slot("report_where", None),
        user("thanks", "thank"),
        bot("You're welcome"),
    ]
    assert redact_finished_flows(events) > 0
    flat = repr(events)
    assert "clerk" not in flat and "0151" not in flat and "ABCD-EFGH" not in flat and "kind:office" not in flat
    assert events[0]["text"] == "hello" and events[1]["text"] == "Welcome", "before the flow: untouched"
    assert events[-2]["text"] == "thanks" and events[-1]["text"] == "You're welcome", "after the flow: untouched"
    assert events[4]["parse_data"]["intent"]["name"] == "inform", "intents stay"
    assert events[5] == {"event": "slot", "name": "report_what", "value": REMOVED}
    assert redact_finished_flows(events) == 0, "redacting twice changes nothing"
