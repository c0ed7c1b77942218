"""The questions (``action_ask_<slot>``) and answer checks (``validate_<form>``) of the flows.

Each check hands the typed text and any button code to :func:`bot.flows.check`; a
``None`` result leaves the slot empty, so the form asks again.
"""

from __future__ import annotations

import logging
from abc import ABCMeta, abstractmethod
from datetime import date
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.common import conversation_language, latest_intent, send
from bot import flows, receipts
from bot import texts_feedback as tf
from bot.flows import FlowContext
from bot.replies import Reply
from bot.runtime import Runtime

logger = logging.getLogger(__name__)


def flow_context(tracker: Tracker, rt: Runtime, language: Optional[str] = None) -> FlowContext:
    """The conversation language, the city, the directory and the services shown last."""
    language = language or conversation_language(tracker, rt)
    try:
        directory = rt.directory()
        city, services = directory.city, directory.services
    except LookupError:  # database down: the flow still talks, and says so when it must store
        logger.warning("Directory unavailable; the flow goes on without service names")
        city, services = {"emergency": {"number": "112"}}, []
    return FlowContext(
        language=language,
        translate=rt.translator.for_language(language),
        today=date.today(),
        city=city,
        services=services,
        shown_services=tracker.get_slot("shown_services") or [],
        max_text_length=rt.settings.max_text_length,
    )


def button_choice(tracker: Tracker) -> Optional[str]:
    """The option code a tapped button carried, if the latest message was one."""
    return next(tracker.get_latest_entity_values("choice"), None)


class AskAction(Action, metaclass=ABCMeta):
    """Asks the question of one slot; subclasses name the slot."""

    @property
    @abstractmethod
    def slot(self) -> str:
        """The slot this action asks for."""

    def name(self) -> Text:
        return f"action_ask_{self.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        send(dispatcher, [flows.question(self.slot, flow_context(tracker, common.runtime()))])
        return []


class AskMissingReason(AskAction):
    slot = "missing_reason"


class AskFeedbackService(AskAction):
    slot = "feedback_service"


class AskFeedbackRating(AskAction):
    slot = "feedback_rating"


class AskFeedbackProblems(AskAction):
    slot = "feedback_problems"


class AskFeedbackComment(AskAction):
    slot = "feedback_comment"


class AskReportWhat(AskAction):
    slot = "report_what"


class AskReportWhere(AskAction):
    slot = "report_where"


class AskReportWhen(AskAction):
    slot = "report_when"


class AskReportGrounds(AskAction):
    slot = "report_grounds"


class AskReportRedress(AskAction):
    slot = "report_redress"


class AskReceiptCode(Action):
    """Asks for the receipt code."""

    def name(self) -> Text:
        return "action_ask_receipt_code"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        ctx = flow_context(tracker, common.runtime())
        send(
            dispatcher,
            [Reply(ctx.translate(tf.ASK_RECEIPT), [{"title": ctx.translate(tf.CANCEL), "payload": "/cancel"}])],
        )
        return []


class FlowValidation(FormValidationAction, metaclass=ABCMeta):
    """Checks every answer of a form with :func:`bot.flows.check`."""

    @abstractmethod
    def name(self) -> Text:
        """``validate_<form>``."""

    def _check(self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[Text, Any]:
        if value is None:  # emptied on purpose ("change this answer"): nothing to check
            return {}
        if tracker.get_slot("requested_slot") != slot:  # checked when it was given
            return {slot: value}
        rt = common.runtime()
        ctx = flow_context(tracker, rt)
        text = value if isinstance(value, str) else tracker.latest_message.get("text") or ""
        checked = flows.check(slot, text, button_choice(tracker), ctx)
        if slot == "report_what" and latest_intent(tracker) == "emergency":
            from bot import replies

            checked.notices.extend(reply.text for reply in replies.emergency(ctx.city, ctx.language, ctx.translate)[:1])
        for notice in checked.notices:
            dispatcher.utter_message(text=notice)
        return {slot: checked.value}


class ValidateMissingForm(FlowValidation):
    def name(self) -> Text:
        return "validate_missing_form"

    def validate_missing_reason(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict
    ) -> Dict:
        return self._check("missing_reason", value, dispatcher, tracker)


class ValidateFeedbackForm(FlowValidation):
    def name(self) -> Text:
        return "validate_feedback_form"

    def validate_feedback_service(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict
    ) -> Dict:
        return self._check("feedback_service", value, dispatcher, tracker)

    def validate_feedback_rating(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict
    ) -> Dict:
        return self._check("feedback_rating", value, dispatcher, tracker)

    def validate_feedback_problems(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict
    ) -> Dict:
        return self._check("feedback_problems", value, dispatcher, tracker)

    def validate_feedback_comment(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict
    ) -> Dict:
        return self._check("feedback_comment", value, dispatcher, tracker)


class ValidateReportForm(FlowValidation):
    def name(self) -> Text:
        return "validate_report_form"

    def validate_report_what(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict
    ) -> Dict:
        return self._check("report_what", value, dispatcher, tracker)

    def validate_report_where(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict
    ) -> Dict:
        return self._check("report_where", value, dispatcher, tracker)

    def validate_report_when(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict
    ) -> Dict:
        return self._check("report_when", value, dispatcher, tracker)

    def validate_report_grounds(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict
    ) -> Dict:
        return self._check("report_grounds", value, dispatcher, tracker)


class ValidateCheckForm(FormValidationAction):
    """Reads the receipt code from the answer (any spelling: spaces, lower case, no hyphens)."""

    def name(self) -> Text:
        return "validate_check_form"

    async def extract_receipt_code(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict) -> Dict:
        if tracker.get_slot("requested_slot") != "receipt_code" or latest_intent(tracker) == "cancel":
            return {}
        text = tracker.latest_message.get("text") or ""
        return {"receipt_code": receipts.find_code(text) or receipts.normalize(text) or "invalid"}

    def validate_receipt_code(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict
    ) -> Dict:
        if value and value != "invalid":
            return {"receipt_code": value}
        ctx = flow_context(tracker, common.runtime())
        dispatcher.utter_message(text=ctx.translate(tf.NOT_A_RECEIPT))
        return {"receipt_code": None}
