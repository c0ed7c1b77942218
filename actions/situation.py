"""What the conversation knows about the person's wishes and situation (slots), read once."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, List, Optional, Text, Tuple
from zoneinfo import ZoneInfo

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.common import entity_values
from bot.directory import Directory
from bot.followup import Wishes, filters_from_slot, filters_to_slot, parse_status, parse_wishes
from bot.followup_replies import WISH_BUTTONS
from bot.runtime import Runtime
from bot.topic_answers import Situation


def city_now(directory: Directory) -> datetime:
    """Now, in the city's time zone (opening hours and "tomorrow" are the city's)."""
    return datetime.now(ZoneInfo(directory.city["timezone"]))


def wish_entities(tracker: Tracker) -> List[str]:
    """Wishes sent by a button (``/narrow_services{"wish": "free"}``)."""
    return [str(value) for value in entity_values(tracker, "wish")]


def read_situation(
    tracker: Tracker, rt: Runtime, language: str, directory: Directory, follow_up: bool
) -> Tuple[Situation, Wishes]:
    """The wishes kept so far plus those of the latest message, and the residence situation."""
    text = tracker.latest_message.get("text") or ""
    location = filters_from_slot({"near": tracker.get_slot("location")}).near
    words = rt.filter_words()
    wishes = parse_wishes(text if not text.startswith("/") else "", language, words, directory.city,
                          directory.services, city_now(directory).date(), location=location, follow_up=follow_up)
    buttons = {wish for _title, wish in WISH_BUTTONS}
    flags = {wish: True for wish in wish_entities(tracker) if wish in buttons}
    new = filters_from_slot({**filters_to_slot(wishes.filters), **flags})
    kept = filters_from_slot(tracker.get_slot("service_filters"))
    status = tracker.get_slot("residence_status")
    said = parse_status(text, language, words) if text and not text.startswith("/") else None
    asked = bool(tracker.get_slot("status_asked"))
    return Situation(kept.merge(new), said or status, asked), Wishes(new, wishes.needs_location)


def situation_events(situation: Situation, before: Optional[str]) -> List[Dict[Text, Any]]:
    """Slot events that keep the wishes and a newly stated situation for the conversation."""
    events = [SlotSet("service_filters", filters_to_slot(situation.filters) or None)]
    if situation.status != before:
        events.append(SlotSet("residence_status", situation.status))
    return events
