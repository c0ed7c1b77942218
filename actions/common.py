"""Shared by the actions: the process runtime, the conversation language, sending replies."""

from __future__ import annotations

import functools
import logging
from abc import ABCMeta, abstractmethod
from datetime import date
from typing import Any, Callable, Dict, Iterable, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from bot.replies import Reply
from bot.runtime import Runtime, build_runtime
from bot.settings import load_settings
from bot.staff import usage
from bot.submissions import month_of

logger = logging.getLogger(__name__)

Translate = Callable[[str], str]


@functools.lru_cache(maxsize=1)
def runtime() -> Runtime:
    """The action server's runtime, built on first use (never at import time)."""
    return build_runtime(load_settings())


def conversation_language(tracker: Tracker, rt: Runtime) -> str:
    """The ``language`` slot, or the city's default language."""
    return rt.translator.supported(tracker.get_slot("language") or "")


def count_usage(rt: Runtime, language: str, kind: str) -> None:
    """Adds one to this month's ``message`` or ``fallback`` count; never fails the turn."""
    try:
        usage.count(rt.engine, month_of(date.today()), language, kind)
    except SQLAlchemyError as error:
        logger.warning("Could not count a %s for the dashboard: %s", kind, type(error).__name__)


def entity_values(tracker: Tracker, name: str) -> List[Any]:
    """The values of the latest message's entities called ``name`` (a button payload's too)."""
    return [entity.get("value") for entity in tracker.latest_message.get("entities") or []
            if entity.get("entity") == name]


def latest_intent(tracker: Tracker) -> Optional[str]:
    """The name of the intent of the latest user message."""
    return (tracker.latest_message.get("intent") or {}).get("name")


def send(dispatcher: CollectingDispatcher, replies: Iterable[Reply]) -> None:
    """Sends replies in order (text, with buttons when there are any)."""
    for reply in replies:
        if reply.buttons:
            dispatcher.utter_message(text=reply.text, buttons=reply.buttons)
        else:
            dispatcher.utter_message(text=reply.text)


class ReplyAction(Action, metaclass=ABCMeta):
    """An action that answers in the conversation's language; subclasses say what.

    Abstract, so that rasa-sdk does not register it as an action of its own.
    """

    @abstractmethod
    def replies(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> List[Reply]:
        """The messages to send, already translated with ``_``."""

    def events(self, tracker: Tracker, rt: Runtime, language: str) -> List[Dict[Text, Any]]:
        """Events to return after the replies (none unless a subclass says so)."""
        return []

    def respond(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> Tuple[List[Reply], List[Dict]]:
        """The replies and the events; override when both come from one computation."""
        return self.replies(tracker, rt, language, _), self.events(tracker, rt, language)

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        rt = runtime()
        language = conversation_language(tracker, rt)
        answer, events = self.respond(tracker, rt, language, rt.translator.for_language(language))
        send(dispatcher, answer)
        return events
