"""Checking a report with its receipt code: status and the city's reply; wrong codes rate-limited."""

from __future__ import annotations

import functools
import logging
from datetime import date
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.common import send
from actions.forms import flow_context
from bot import flow_results, receipts, submissions
from bot import texts_feedback as tf
from bot.ratelimit import AttemptCounter, make_counter
from bot.replies import Reply

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def attempt_counter() -> AttemptCounter:
    """Wrong-code counters of this process (or shared through Redis), built on first use."""
    settings = common.runtime().settings
    return make_counter(
        settings.rate_limit_storage, settings.receipt_attempts, settings.receipt_attempt_window_minutes * 60
    )


class ActionCheckReport(Action):
    """Shows the status and the public reply of the report the code belongs to."""

    def name(self) -> Text:
        return "action_check_report"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        rt = common.runtime()
        ctx = flow_context(tracker, rt)
        _ = ctx.translate
        done = [SlotSet("receipt_code", None)]
        code = tracker.get_slot("receipt_code") or receipts.find_code(tracker.latest_message.get("text") or "")
        if not code:
            send(dispatcher, [Reply(_(tf.NOT_A_RECEIPT))])
            return done
        counter = attempt_counter()
        keys = ("conversation:" + tracker.sender_id, "receipt:" + receipts.locator(code))
        if any(counter.blocked(key) for key in keys):
            send(dispatcher, [Reply(_(tf.RECEIPT_BLOCKED).format(minutes=rt.settings.receipt_attempt_window_minutes))])
            return done
        try:
            outcome, status = submissions.check_receipt(rt.engine, code, date.today())
        except submissions.StorageError:
            logger.warning("Receipt check failed: database unavailable")
            send(dispatcher, [Reply(_(tf.CHECK_FAILED))])
            return done
        if outcome is submissions.ReceiptCheck.NOT_FOUND:
            for key in keys:
                counter.fail(key)
        send(dispatcher, flow_results.receipt_replies(outcome.value, status, ctx))
        return done
