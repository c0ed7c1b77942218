"""Someone may be in danger: the emergency number comes first, before anything else."""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import ReplyAction, Translate, send
from bot import replies
from bot.replies import Reply
from bot.runtime import Runtime

logger = logging.getLogger(__name__)
# Used only when the directory cannot be read: the EU-wide emergency number.
LAST_RESORT_CITY = {"emergency": {"number": "112"}}


class ActionEmergency(ReplyAction):
    """Sends the emergency number, police and hotlines of the city."""

    def name(self) -> Text:
        return "action_emergency"

    def replies(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> List[Reply]:
        return replies.emergency(rt.directory().city, language, _)

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        try:
            return await super().run(dispatcher, tracker, domain)
        except Exception:  # the number must reach the person even if the database is down
            logger.exception("Emergency answer without the directory (database unavailable?)")
            send(dispatcher, replies.emergency(LAST_RESORT_CITY, "en", lambda message: message))
            return []
