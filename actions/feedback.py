"""Rating an answer, feedback on a service, reports: intros, summaries, sending, changing, cancelling."""

from __future__ import annotations

import logging
from abc import ABCMeta, abstractmethod
from datetime import date
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.common import latest_intent, send
from actions.forms import button_choice, flow_context
from bot import flow_results, flows, submissions
from bot import texts_feedback as tf
from bot.flows import FEEDBACK_SLOTS, FORM_OF_SLOT, REPORT_SLOTS
from bot.replies import Reply, isolate

logger = logging.getLogger(__name__)
FLOW_SLOTS = REPORT_SLOTS + FEEDBACK_SLOTS + ("missing_reason", "receipt_code", "pending", "requested_slot")


def channel_of(tracker: Tracker) -> str:
    """The channel type (rest, socketio, telegram…), never the user's id on it."""
    return (tracker.get_latest_input_channel() or "unknown")[:30]


def clear_flow() -> List[Dict[Text, Any]]:
    """Empties every answer, so nothing typed in a flow stays in the conversation's slots."""
    return [SlotSet(slot, None) for slot in FLOW_SLOTS]


class ActionRateAnswer(Action):
    """Stores "Was this helpful?" (with what was missing, after the missing form)."""

    def name(self) -> Text:
        return "action_rate_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        rt = common.runtime()
        ctx = flow_context(tracker, rt)
        _ = ctx.translate
        missing = tracker.get_slot("missing_reason")
        helpful = latest_intent(tracker) == "answer_helpful" and missing is None
        topic = tracker.get_slot("rated_topic")
        if topic:
            draft = flow_results.rating_draft(topic, helpful, missing, ctx.language, channel_of(tracker))
            try:
                submissions.save_rating(rt.engine, draft, date.today())
            except submissions.StorageError:
                logger.warning("Answer rating not stored: database unavailable")
                send(dispatcher, [Reply(_(tf.RATING_NOT_SAVED))])
                return [SlotSet("missing_reason", None), SlotSet("rated_topic", None)]
        send(dispatcher, [Reply(_(tf.THANKS_HELPFUL if helpful else tf.THANKS_NOT_HELPFUL))])
        return [SlotSet("missing_reason", None), SlotSet("rated_topic", None)]


class ActionFeedbackIntro(Action):
    """Anonymous, no names, cancel any time."""

    def name(self) -> Text:
        return "action_feedback_intro"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        ctx = flow_context(tracker, common.runtime())
        send(dispatcher, [Reply(ctx.translate(tf.FEEDBACK_INTRO))])
        return clear_flow()


class ActionReportIntro(Action):
    """What is stored, anonymity, no names, not an emergency service."""

    def name(self) -> Text:
        return "action_report_intro"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        send(dispatcher, [flows.report_intro(flow_context(tracker, common.runtime()))])
        return clear_flow()


class SummaryAction(Action, metaclass=ABCMeta):
    """Every answer of a form, then Send / Change / Cancel; marks the form as waiting to be sent."""

    @property
    @abstractmethod
    def kind(self) -> str:
        """``report`` or ``feedback``: the value of the ``pending`` slot."""

    def name(self) -> Text:
        return f"action_{self.kind}_summary"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        ctx = flow_context(tracker, common.runtime())
        if latest_intent(tracker) == "change_answer":
            send(dispatcher, [Reply(ctx.translate(tf.CHANGE_PICK))])
        summary = flow_results.report_summary if self.kind == "report" else flow_results.feedback_summary
        send(dispatcher, [summary(tracker.current_slot_values(), ctx)])
        return [SlotSet("pending", self.kind)]


class ActionReportSummary(SummaryAction):
    kind = "report"


class ActionFeedbackSummary(SummaryAction):
    kind = "feedback"


class ActionSubmit(Action):
    """Stores the pending report or feedback; confirms only after the commit succeeded."""

    def name(self) -> Text:
        return "action_submit"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        rt = common.runtime()
        ctx = flow_context(tracker, rt)
        _ = ctx.translate
        pending = tracker.get_slot("pending")
        slots = tracker.current_slot_values()
        today = date.today()
        try:
            if pending == "report":
                draft = flow_results.report_draft(slots, ctx.language, channel_of(tracker))
                code = submissions.save_report(rt.engine, draft, today, rt.settings.receipt_access_months)
                answer = [Reply(_(tf.REPORT_SAVED).format(code=isolate(code)))]
                if draft.wants_redress:
                    answer += flow_results.redress_replies(ctx.city, ctx)
            elif pending == "feedback":
                submissions.save_feedback(
                    rt.engine, flow_results.feedback_draft(slots, ctx.language, channel_of(tracker)), today
                )
                answer = [Reply(_(tf.FEEDBACK_SAVED))]
            else:
                send(dispatcher, [Reply(_(tf.NOTHING_TO_CANCEL))])
                return [SlotSet("pending", None)]
        except submissions.StorageError:
            logger.warning("Submission not stored: database unavailable; answers kept for a retry")
            buttons = [{"title": _(tf.SEND), "payload": "/affirm"}, {"title": _(tf.CANCEL), "payload": "/cancel"}]
            send(dispatcher, [Reply(_(tf.STORAGE_FAILED), buttons)])
            return [SlotSet("pending", pending)]
        send(dispatcher, answer)
        return clear_flow()


class ActionChangeAnswer(Action):
    """Empties the answer to change, so the form asks it again and then shows the summary."""

    def name(self) -> Text:
        return "action_change_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        slot = button_choice(tracker)
        form = f"{tracker.get_slot('pending')}_form"
        if FORM_OF_SLOT.get(slot or "") != form:
            return []
        return [SlotSet(slot, None)]


class ActionCancel(Action):
    """Stops any flow and forgets its answers."""

    def name(self) -> Text:
        return "action_cancel"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        ctx = flow_context(tracker, common.runtime())
        busy = tracker.active_loop_name or tracker.get_slot("pending")
        send(dispatcher, [Reply(ctx.translate(tf.CANCELLED if busy else tf.NOTHING_TO_CANCEL))])
        return [ActiveLoop(None)] + (clear_flow() if busy else [SlotSet("pending", None)])
