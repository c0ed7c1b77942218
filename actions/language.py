"""Conversation language: decided on every message, or chosen explicitly."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.common import ReplyAction, Translate, latest_intent
from bot import replies
from bot.language import DETECTION_KEY, Detection, decide_language
from bot.replies import Reply
from bot.runtime import Runtime


def explicit_choice(tracker: Tracker) -> Optional[str]:
    """The language asked for in the channel metadata, or by a request like "in Arabic please".

    A language named in another kind of message ("where can I learn German?") is a topic,
    not a choice, so entities count only with the ``choose_language`` intent, and not at
    all in a typed answer to a form's question (the language buttons still work there).
    """
    metadata = tracker.latest_message.get("metadata") or {}
    if isinstance(metadata, dict) and isinstance(metadata.get("language"), str):
        return metadata["language"].lower()
    if latest_intent(tracker) != "choose_language":
        return None
    text = tracker.latest_message.get("text") or ""
    if tracker.get_slot("requested_slot") and not text.startswith("/"):
        return None  # "nobody spoke English" answers a form's question; only a button switches there
    named = [value for value in common.entity_values(tracker, "language") if isinstance(value, str)]
    return named[0].lower() if named else None


class ActionDecideLanguage(Action):
    """Fills the ``language`` slot after each message (custom slot mapping)."""

    def name(self) -> Text:
        return "action_decide_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        rt = common.runtime()
        scores = (tracker.latest_message.get(DETECTION_KEY) or {}).get("scores") or {}
        decision = decide_language(
            text=tracker.latest_message.get("text") or "",
            current=tracker.get_slot("language"),
            detection=Detection(scores),
            supported=rt.translator.languages,
            default=rt.translator.default_language,
            explicit=explicit_choice(tracker),
            answering_form=bool(tracker.get_slot("requested_slot")),
        )
        previous = decision.previous if decision.switched else None
        common.count_usage(rt, decision.language, "message")
        return [SlotSet("language", decision.language), SlotSet("language_switched_from", previous)]


class ActionSetLanguage(ReplyAction):
    """Confirms an explicit language choice in the chosen language."""

    def name(self) -> Text:
        return "action_set_language"

    def replies(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> List[Reply]:
        return [replies.language_set(language, _)]
