"""Greeting, topic answers with signposting, small talk and the fallback."""

from __future__ import annotations

from typing import Dict, List, Text, Tuple

from rasa_sdk import Tracker

from actions import services
from actions.common import ReplyAction, Translate, count_usage, latest_intent
from actions.topic_reply import answer_topic
from bot import replies
from bot.replies import Reply
from bot.runtime import Runtime


class ActionGreet(ReplyAction):
    """Welcome: who we are (a bot), no personal details, the topic menu, the languages."""

    def name(self) -> Text:
        return "action_greet"

    def replies(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> List[Reply]:
        return replies.welcome(rt.directory().city, language, _)


class ActionAnswerTopic(ReplyAction):
    """The entitlement for the asked topic and 1-3 services that fit the person's wishes."""

    def name(self) -> Text:
        return "action_answer_topic"

    def replies(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> List[Reply]:
        return self.respond(tracker, rt, language, _)[0]

    def respond(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> Tuple[List[Reply], List[Dict]]:
        return answer_topic(tracker, rt, language, _, latest_intent(tracker) or "")


class ActionChitchat(ReplyAction):
    """Goodbye, thanks, "are you a bot?", yes/no."""

    def name(self) -> Text:
        return "action_chitchat"

    def replies(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> List[Reply]:
        return [replies.chitchat(latest_intent(tracker), _)]


class ActionFallback(ReplyAction):
    """When the assistant does not understand: say so and offer the topics. But a message
    the classifier missed that plainly answers the situation question, or names a wish
    for the places just shown (by the keywords of bot/followup.py), is answered as such."""

    def name(self) -> Text:
        return "action_fallback"

    def replies(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> List[Reply]:
        return self.respond(tracker, rt, language, _)[0]

    def respond(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> Tuple[List[Reply], List[Dict]]:
        follow_up = services.follow_up_action(tracker, rt, language)
        if follow_up is not None:
            return follow_up.respond(tracker, rt, language, _)
        count_usage(rt, language, "fallback")
        return [replies.fallback(_)], []
