"""Removing what was typed in a finished feedback or report flow from a stored conversation.

A report exists twice while it is being written: in the form's slots and in the messages
that filled them (and in the summary the assistant showed). Once the flow ends (sent or
cancelled, which empties its slots) the stored conversation keeps only its shape: which
intents and actions happened, never the words. This works on the serialised event list
that Rasa's tracker stores write (plain dictionaries), so it is plain Python.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional

REMOVED = "[removed]"
# Answers that hold what the person typed: free text, places, codes.
SENSITIVE_SLOTS = frozenset(
    {
        "missing_reason",
        "feedback_service",
        "feedback_rating",
        "feedback_problems",
        "feedback_comment",
        "report_what",
        "report_where",
        "report_when",
        "report_grounds",
        "receipt_code",
    }
)


def _redact_user(event: Dict[str, Any]) -> None:
    event["text"] = REMOVED
    parse_data = event.get("parse_data")
    if isinstance(parse_data, dict):
        parse_data["text"] = REMOVED
        for entity in parse_data.get("entities") or []:
            entity["value"] = REMOVED
        parse_data.pop("response_selector", None)
    for entity in event.get("entities") or []:
        entity["value"] = REMOVED


def _redact_bot(event: Dict[str, Any]) -> None:
    event["text"] = REMOVED
    data = event.get("data")
    if isinstance(data, dict):
        data["buttons"] = None
        data["elements"] = None
        data["custom"] = None


def _flow_windows(events: List[Dict[str, Any]]) -> Iterable[range]:
    """Index ranges from the message before a flow's first answer to the point where all
    its answers are empty again (sent or cancelled; re-asking one answer does not end it)."""
    start: Optional[int] = None
    last_user: Optional[int] = None
    filled: Dict[str, Any] = {}
    for index, event in enumerate(events):
        kind = event.get("event")
        if kind == "user":
            last_user = index
        elif kind == "slot" and event.get("name") in SENSITIVE_SLOTS:
            if event.get("value") is None:
                filled.pop(event["name"], None)
            else:
                filled[event["name"]] = event["value"]
                if start is None:
                    start = last_user if last_user is not None else index
            if start is not None and not filled:
                yield range(start, index)
                start = None


def redact_finished_flows(events: List[Dict[str, Any]]) -> int:
    """Replaces, in place, the words of every finished flow by :data:`REMOVED`; returns how many events changed.

    Within a finished flow: user messages and bot messages lose their text (a summary or
    a receipt code is a bot message), and the sensitive slot values are replaced. Intents,
    action names and slot names stay, so the conversation can go on.
    """
    changed = 0
    for window in list(_flow_windows(events)):
        for index in window:
            event = events[index]
            kind = event.get("event")
            if kind == "user" and event.get("text") != REMOVED:
                _redact_user(event)
            elif kind == "bot" and event.get("text") != REMOVED:
                _redact_bot(event)
            elif kind == "slot" and event.get("name") in SENSITIVE_SLOTS and event.get("value") not in (None, REMOVED):
                event["value"] = REMOVED
            else:
                continue
            changed += 1
    return changed
