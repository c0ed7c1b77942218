"""The questions, answer checks and summaries of the rating, feedback and report flows.

Plain functions over slot values; the Rasa forms in ``actions/`` only pass them through.
Summaries, the records to store and the replies after sending are in :mod:`bot.flow_results`.
Slot values are codes the flows define: ``svc:<id>``, ``kind:<code>`` or ``text:<typed>``
for places and services, ``YYYY-MM`` or ``unknown`` for months, lists of option codes,
and :data:`SKIPPED` for an optional answer left out. Free text is scrubbed as soon as it
is given, so the summary shows exactly what will be stored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Dict, List, Optional, Sequence

from bot import choices, scrub
from bot import texts_feedback as tf
from bot.directory import Service, localized_text
from bot.replies import Reply, isolate

Translate = Callable[[str], str]
SKIPPED = "-"
UNKNOWN = "unknown"
REPORT_SLOTS = ("report_what", "report_where", "report_when", "report_grounds", "report_redress")
FEEDBACK_SLOTS = ("feedback_service", "feedback_rating", "feedback_problems", "feedback_comment")
FORM_OF_SLOT = {**{slot: "report_form" for slot in REPORT_SLOTS}, **{slot: "feedback_form" for slot in FEEDBACK_SLOTS}}
MONTH_BUTTONS = 4


@dataclass(frozen=True)
class FlowContext:
    """What the questions and checks need to know about the conversation and the city."""

    language: str
    translate: Translate
    today: date
    city: dict
    services: Sequence[Service] = ()
    shown_services: Sequence[str] = ()
    max_text_length: int = 2000


@dataclass
class Checked:
    """An answer after checking: the slot value (``None`` asks again) and notices to send first."""

    value: Any
    notices: List[str] = field(default_factory=list)


def choice_payload(intent: str, value: str) -> str:
    """A button payload that carries ``value`` as the ``choice`` entity."""
    return f"/{intent}" + json.dumps({"choice": value})


def _option_buttons(options: Dict[str, str], _: Translate, intent: str = "inform") -> List[Dict[str, str]]:
    return [{"title": _(label), "payload": choice_payload(intent, code)} for code, label in options.items()]


def cancel_button(_: Translate) -> Dict[str, str]:
    """The button that stops a flow."""
    return {"title": _(tf.CANCEL), "payload": "/cancel"}


def service_name(service_id: str, ctx: FlowContext) -> str:
    """A directory service's name in the conversation language (its id if unknown)."""
    for service in ctx.services:
        if service.id == service_id:
            return localized_text(service.name, ctx.language, ctx.city.get("default_language", "en"))
    return service_id


# --- questions ---------------------------------------------------------------------------


def question(slot: str, ctx: FlowContext) -> Reply:
    """The question for ``slot``, with its buttons and always a way to cancel."""
    _ = ctx.translate
    if slot == "missing_reason":
        buttons = _option_buttons(tf.MISSING_REASONS, _) + [
            {"title": _(tf.SKIP), "payload": choice_payload("inform", SKIPPED)}
        ]
        return Reply(_(tf.ASK_MISSING), buttons)
    if slot == "feedback_service":
        buttons = [
            {"title": service_name(service_id, ctx), "payload": choice_payload("inform", "svc:" + service_id)}
            for service_id in ctx.shown_services
        ]
        return Reply(_(tf.ASK_FEEDBACK_SERVICE), buttons + [cancel_button(_)])
    if slot == "feedback_rating":
        return Reply(_(tf.ASK_FEEDBACK_RATING), _option_buttons(tf.RATING_LABELS, _) + [cancel_button(_)])
    if slot == "feedback_problems":
        text = _(tf.ASK_FEEDBACK_PROBLEMS) + "\n" + choices.numbered(tf.FEEDBACK_PROBLEMS, _)
        return Reply(text, _option_buttons(tf.FEEDBACK_PROBLEMS, _) + [cancel_button(_)])
    if slot == "feedback_comment":
        skip = {"title": _(tf.SKIP), "payload": choice_payload("inform", SKIPPED)}
        return Reply(_(tf.ASK_FEEDBACK_COMMENT), [skip, cancel_button(_)])
    if slot == "report_what":
        return Reply(_(tf.ASK_REPORT_WHAT), [cancel_button(_)])
    if slot == "report_where":
        return Reply(_(tf.ASK_REPORT_WHERE), _option_buttons(tf.PLACE_KINDS, _) + [cancel_button(_)])
    if slot == "report_when":
        months = choices.recent_months(ctx.today, MONTH_BUTTONS)
        unknown = _(tf.UNKNOWN_MONTH)
        buttons = [
            {"title": choices.month_label(month, ctx.language, unknown), "payload": choice_payload("inform", month)}
            for month in months
        ] + [{"title": _(tf.DONT_KNOW), "payload": choice_payload("inform", UNKNOWN)}, cancel_button(_)]
        example = choices.month_label(months[-1], ctx.language, unknown)
        return Reply(_(tf.ASK_REPORT_WHEN).format(example=example), buttons)
    if slot == "report_grounds":
        text = _(tf.ASK_REPORT_GROUNDS) + "\n" + choices.numbered(tf.GROUNDS, _)
        return Reply(text, _option_buttons(tf.GROUNDS, _) + [cancel_button(_)])
    if slot == "report_redress":
        buttons = [
            {"title": _(tf.YES), "payload": "/affirm"},
            {"title": _(tf.NO), "payload": "/deny"},
            cancel_button(_),
        ]
        return Reply(_(tf.ASK_REPORT_REDRESS), buttons)
    raise KeyError(slot)


def report_intro(ctx: FlowContext) -> Reply:
    """What is stored, anonymity, no names, not an emergency service (with the number)."""
    number = isolate(str((ctx.city.get("emergency") or {}).get("number", "112")))
    return Reply(ctx.translate(tf.REPORT_INTRO).format(emergency=number))


# --- checking answers ----------------------------------------------------------------------


def _free_text(text: str, ctx: FlowContext) -> Checked:
    """Scrubbed, cut to the limit; ``None`` (ask again) when it holds no words."""
    _ = ctx.translate
    cleaned = scrub.clean(text, ctx.max_text_length, ctx.city.get("country"))
    if not scrub.has_words(cleaned.text):
        return Checked(None, [_(tf.NEED_WORDS)])
    notices = []
    if cleaned.tags:
        notices.append(_(tf.PERSONAL_DATA_REMOVED))
    if cleaned.truncated:
        notices.append(_(tf.TEXT_CUT).format(limit=ctx.max_text_length))
    return Checked(cleaned.text, notices)


def check(slot: str, text: str, choice: Optional[str], ctx: FlowContext) -> Checked:
    """Checks one answer: ``choice`` is a button's code, ``text`` what was typed.

    Returns the value to store in the slot, or ``None`` with a notice to ask again.
    """
    _ = ctx.translate
    text = text or ""
    again = Checked(None, [_(tf.NOT_UNDERSTOOD_CHOICE)])
    if text.startswith("/") and choice is None:
        return again  # an old button from earlier in the chat, not an answer
    if slot == "missing_reason":
        if choice in tf.MISSING_REASONS or choice == SKIPPED:
            return Checked(choice)
        picked = choices.parse_options(text, tf.MISSING_REASONS, _)
        if picked:
            return Checked(picked[0])
        checked = _free_text(text, ctx)
        return Checked("text:" + checked.value, checked.notices) if checked.value else checked
    if slot == "feedback_service":
        if choice and choice.startswith("svc:"):
            return Checked(choice)
        service = choices.match_service(text, ctx.services)
        if service:
            return Checked("svc:" + service.id)
        checked = _free_text(text, ctx)
        return Checked("text:" + checked.value, checked.notices) if checked.value else checked
    if slot == "feedback_rating":
        if choice in tf.RATING_LABELS:
            return Checked(choice)
        picked = choices.parse_options(text, tf.RATING_LABELS, _)
        return Checked(picked[0]) if picked else again
    if slot in ("feedback_problems", "report_grounds"):
        options = tf.FEEDBACK_PROBLEMS if slot == "feedback_problems" else tf.GROUNDS
        if choice in options:
            return Checked([choice])
        picked = choices.parse_options(text, options, _, multiple=True)
        if "none" in picked and len(picked) > 1:
            picked.remove("none")
        return Checked(picked) if picked else again
    if slot in ("feedback_comment", "report_what"):
        if choice == SKIPPED and slot == "feedback_comment":
            return Checked(SKIPPED)
        return _free_text(text, ctx)
    if slot == "report_where":
        if choice in tf.PLACE_KINDS:
            return Checked("kind:" + choice)
        picked = choices.parse_options(text, tf.PLACE_KINDS, _)
        if picked:
            return Checked("kind:" + picked[0])
        service = choices.match_service(text, ctx.services)
        if service:
            return Checked("svc:" + service.id)
        checked = _free_text(text, ctx)
        return Checked("text:" + checked.value, checked.notices) if checked.value else checked
    if slot == "report_when":
        if choice == UNKNOWN or (choice and choices.parse_month(choice, "en", ctx.today)):
            return Checked(choice)
        month = choices.parse_month(text, ctx.language, ctx.today)
        if month:
            return Checked(month)
        if choices.parse_options(text, {UNKNOWN: tf.DONT_KNOW}, _):
            return Checked(UNKNOWN)
        return again
    raise KeyError(slot)
