"""Greeting, topic answers with signposting, small talk and the fallback."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import conversation_language, latest_intent, runtime, send
from bot import replies
from bot.schema import TOPICS

PLACE_INTENTS = {"ask_one_stop_shop": "one_stop_shop", "ask_welcome_place": "welcome_place"}


def _switch_notice(tracker: Tracker, language: str, _) -> List[replies.Reply]:
    previous = tracker.get_slot("language_switched_from")
    return [replies.language_switched(language, previous, _)] if previous else []


class ActionGreet(Action):
    """Welcome: who we are (a bot), no personal details, the topic menu, the languages."""

    def name(self) -> Text:
        return "action_greet"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        rt = runtime()
        language = conversation_language(tracker, rt)
        _ = rt.translator.for_language(language)
        send(dispatcher, replies.welcome(rt.directory().city, language, _))
        return []


class ActionAnswerTopic(Action):
    """The general answer for the asked topic and 1–3 matching services."""

    def name(self) -> Text:
        return "action_answer_topic"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        rt = runtime()
        language = conversation_language(tracker, rt)
        _ = rt.translator.for_language(language)
        intent = latest_intent(tracker) or ""
        directory = rt.directory()
        now = datetime.now(timezone.utc)
        limit = rt.settings.max_services_per_answer
        answer = _switch_notice(tracker, language, _)
        if intent in PLACE_INTENTS:
            answer += replies.place_answer(PLACE_INTENTS[intent], directory, language, now, _, limit)
        elif intent.startswith("ask_") and intent[4:] in TOPICS:
            answer += replies.topic_answer(intent[4:], directory, language, now, _, limit)
        else:
            answer.append(replies.fallback(_))
        send(dispatcher, answer)
        return []


class ActionChitchat(Action):
    """Goodbye, thanks, "are you a bot?", yes/no."""

    def name(self) -> Text:
        return "action_chitchat"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        rt = runtime()
        language = conversation_language(tracker, rt)
        send(dispatcher, [replies.chitchat(latest_intent(tracker), rt.translator.for_language(language))])
        return []


class ActionFallback(Action):
    """When the assistant does not understand: say so and offer the topics."""

    def name(self) -> Text:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        rt = runtime()
        language = conversation_language(tracker, rt)
        send(dispatcher, [replies.fallback(rt.translator.for_language(language))])
        return []
