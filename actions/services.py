"""Follow-ups on the services just shown ("which one is open now?", a shared location) and
the answer to "which situation fits you?"."""

from __future__ import annotations

from typing import Dict, List, Optional, Text, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.common import ReplyAction, Translate, entity_values
from actions.situation import city_now, read_situation, situation_events
from actions.topic_reply import answer_topic, topic_behind_status
from bot import flow_results, followup_replies, topic_answers
from bot import texts_status as ts
from bot.entitlements import STATUSES
from bot.followup import filters_from_slot, parse_status, parse_wishes, rounded_location
from bot.replies import Reply
from bot.runtime import Runtime
from bot.schema import TOPICS

STATUS_CHOICES = STATUSES + ("prefer_not_to_say",)


def _entity(tracker: Tracker, name: str):
    return next(iter(entity_values(tracker, name)), None)


def follow_up_action(tracker: Tracker, rt: Runtime, language: str) -> Optional[ReplyAction]:
    """The follow-up a message is, by its keywords alone: the answer to the situation question
    just asked, or a wish for the places just shown; ``None`` when it is neither."""
    text = tracker.latest_message.get("text") or ""
    if not text or text.startswith("/"):
        return None
    words = rt.filter_words()
    if tracker.get_slot("status_asked") and not tracker.get_slot("residence_status"):
        if parse_status(text, language, words):
            return ActionAnswerStatus()
    if tracker.get_slot("rated_topic"):
        directory = rt.directory()
        wishes = parse_wishes(text, language, words, directory.city, directory.services,
                              city_now(directory).date(), follow_up=True)
        if not wishes.filters.is_empty or wishes.needs_location:
            return ActionNarrowServices()
    return None


class ActionNarrowServices(ReplyAction):
    """ "Which one is open now?", "one where they speak Farsi", "near the station", a wish
    button, or the widget's opt-in location (``/narrow_services{"lat": .., "lon": ..}``),
    which is rounded to about 100 m and kept only in the conversation. The kept wishes and
    the latest message's apply to the topic last answered."""

    def name(self) -> Text:
        return "action_narrow_services"

    def replies(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> List[Reply]:
        return self.respond(tracker, rt, language, _)[0]

    def respond(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> Tuple[List[Reply], List[Dict]]:
        if _entity(tracker, "wish") == followup_replies.CLEAR:
            return [followup_replies.wishes_cleared(_)], [SlotSet("service_filters", None), SlotSet("location", None)]
        lat, lon = _entity(tracker, "lat"), _entity(tracker, "lon")
        if lat is None and lon is None:
            return self.narrow(tracker, rt, language, _)
        location = rounded_location(lat, lon)
        if location is None:
            return [followup_replies.ask_location(_)], []
        answer, events = self.narrow(tracker, rt, language, _, location=list(location))
        return answer, [SlotSet("location", list(location))] + events

    def narrow(self, tracker: Tracker, rt: Runtime, language: str, _: Translate,
               location=None) -> Tuple[List[Reply], List[Dict]]:
        directory = rt.directory()
        situation, wishes = read_situation(tracker, rt, language, directory, follow_up=True)
        if location is not None:
            situation = topic_answers.Situation(situation.filters.merge(filters_from_slot({"near": location})),
                                                situation.status)
        events = situation_events(situation, tracker.get_slot("residence_status"))
        if wishes.needs_location and situation.filters.near is None:
            return [followup_replies.ask_location(_)], events
        if situation.filters.is_empty:
            return [followup_replies.ask_wish(_)], events
        topic = tracker.get_slot("rated_topic")
        if topic not in TOPICS and topic not in topic_answers.PLACE_KINDS:
            return [followup_replies.ask_topic(_)], events
        limit = rt.settings.max_services_per_answer
        result = topic_answers.services_reply(topic, directory, language, city_now(directory), _, limit,
                                              situation.filters)
        return result.replies + [flow_results.rating_prompt(_)], events + [SlotSet("shown_services", result.shown)]


class ActionAnswerStatus(ReplyAction):
    """Remembers the situation for this conversation and answers the last topic for it."""

    def name(self) -> Text:
        return "action_answer_status"

    def replies(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> List[Reply]:
        return self.respond(tracker, rt, language, _)[0]

    def respond(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> Tuple[List[Reply], List[Dict]]:
        chosen = _entity(tracker, "residence_status")
        if chosen is None and not tracker.get_slot("rated_topic"):
            # A situation stated with a question about a topic, before any topic was answered.
            topic_intent = topic_behind_status(tracker.latest_message.get("intent_ranking"))
            if topic_intent:
                return answer_topic(tracker, rt, language, _, topic_intent)
        directory = rt.directory()
        situation, _wishes = read_situation(tracker, rt, language, directory, follow_up=True)
        status = chosen if chosen in STATUS_CHOICES else situation.status
        if status not in STATUS_CHOICES:
            return [Reply(_(ts.STATUS_NOT_UNDERSTOOD), followup_replies.status_question(_).buttons)], []
        events = [SlotSet("residence_status", status)]
        entitlement = rt.entitlements().get(tracker.get_slot("rated_topic") or "")
        if entitlement is None:
            return [Reply(_(ts.STATUS_NO_TOPIC))], events
        answer = topic_answers.entitlement_reply(entitlement, status, directory, language, _)
        intro = [Reply(_(ts.STATUS_GENERAL))] if status == "prefer_not_to_say" else []
        return intro + [answer, flow_results.rating_prompt(_)], events
