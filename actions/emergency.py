"""Someone may be in danger: the emergency number comes first, before anything else."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import conversation_language, runtime, send
from bot import replies


class ActionEmergency(Action):
    """Sends the emergency number, police and hotlines of the city."""

    def name(self) -> Text:
        return "action_emergency"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        rt = runtime()
        language = conversation_language(tracker, rt)
        send(dispatcher, replies.emergency(rt.directory().city, language, rt.translator.for_language(language)))
        return []
