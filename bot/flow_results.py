"""What the feedback and report flows show at the end: summaries, what is stored, receipts.

Slot values follow the conventions of :mod:`bot.flows` (``svc:``/``kind:``/``text:``
places, ``YYYY-MM`` or ``unknown`` months, option codes).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence

from bot import choices
from bot import texts_feedback as tf
from bot.directory import localized_text
from bot.flows import SKIPPED, UNKNOWN, FlowContext, Translate, cancel_button, choice_payload, service_name
from bot.i18n import language_name
from bot.replies import Reply, isolate
from bot.submissions import FeedbackDraft, RatingDraft, ReportDraft

# --- summaries ------------------------------------------------------------------------------


def _place(value: Optional[str], ctx: FlowContext) -> str:
    kind, _sep, rest = (value or "").partition(":")
    if kind == "svc":
        return service_name(rest, ctx)
    if kind == "kind":
        return ctx.translate(tf.PLACE_KINDS.get(rest, rest))
    return rest


def _labels(codes: Optional[Sequence[str]], options: Dict[str, str], _: Translate) -> str:
    return ", ".join(_(options[code]) for code in codes or () if code in options)


def _change_buttons(fields: Dict[str, str], _: Translate) -> List[Dict[str, str]]:
    return [
        {"title": _(tf.CHANGE_WHICH).format(field=_(label)), "payload": choice_payload("change_answer", slot)}
        for slot, label in fields.items()
    ]


def report_summary(slots: Dict[str, Any], ctx: FlowContext) -> Reply:
    """All answers of a report, with Send, one Change button per answer, and Cancel."""
    _ = ctx.translate
    when = slots.get("report_when")
    text = _(tf.REPORT_SUMMARY).format(
        what=slots.get("report_what") or "",
        where=_place(slots.get("report_where"), ctx),
        when=choices.month_label(None if when == UNKNOWN else when, ctx.language, _(tf.UNKNOWN_MONTH)),
        grounds=_labels(slots.get("report_grounds"), tf.GROUNDS, _),
        redress=_(tf.YES) if slots.get("report_redress") else _(tf.NO),
    )
    buttons = [{"title": _(tf.SEND), "payload": "/affirm"}] + _change_buttons(tf.REPORT_FIELDS, _) + [cancel_button(_)]
    return Reply(text, buttons)


def feedback_summary(slots: Dict[str, Any], ctx: FlowContext) -> Reply:
    """All answers of a service feedback, with Send, Change buttons and Cancel."""
    _ = ctx.translate
    comment = slots.get("feedback_comment")
    text = _(tf.FEEDBACK_SUMMARY).format(
        service=_place(slots.get("feedback_service"), ctx),
        rating=_(tf.RATING_LABELS.get(str(slots.get("feedback_rating")), "")) if slots.get("feedback_rating") else "",
        problems=_labels(slots.get("feedback_problems"), tf.FEEDBACK_PROBLEMS, _),
        comment="" if comment in (None, SKIPPED) else comment,
    )
    buttons = (
        [{"title": _(tf.SEND), "payload": "/affirm"}] + _change_buttons(tf.FEEDBACK_FIELDS, _) + [cancel_button(_)]
    )
    return Reply(text, buttons)


# --- drafts to store ------------------------------------------------------------------------


def report_draft(slots: Dict[str, Any], language: str, channel: str) -> ReportDraft:
    """The report to store, from the form's slots."""
    kind, _sep, rest = (slots.get("report_where") or "").partition(":")
    when = slots.get("report_when")
    return ReportDraft(
        language=language,
        channel=channel,
        what_happened=slots["report_what"],
        grounds=list(slots.get("report_grounds") or []),
        wants_redress=bool(slots.get("report_redress")),
        service_id=rest if kind == "svc" else None,
        place_kind=rest if kind == "kind" else None,
        place_text=rest if kind == "text" else None,
        incident_month=None if when in (None, UNKNOWN) else when,
    )


def feedback_draft(slots: Dict[str, Any], language: str, channel: str) -> FeedbackDraft:
    """The service feedback to store, from the form's slots."""
    kind, _sep, rest = (slots.get("feedback_service") or "").partition(":")
    comment = slots.get("feedback_comment")
    return FeedbackDraft(
        language=language,
        channel=channel,
        rating=int(slots["feedback_rating"]),
        service_id=rest if kind == "svc" else None,
        service_name=rest if kind == "text" else None,
        problems=[code for code in slots.get("feedback_problems") or [] if code != "none"],
        comment=None if comment in (None, SKIPPED) else comment,
    )


def rating_draft(topic: str, helpful: bool, missing: Optional[str], language: str, channel: str) -> RatingDraft:
    """An answer rating; ``missing`` is a reason code, ``text:<typed>`` or :data:`SKIPPED`."""
    reason, text = None, None
    if missing and missing.startswith("text:"):
        reason, text = "other", missing[5:]
    elif missing and missing != SKIPPED:
        reason = missing
    return RatingDraft(
        language=language, channel=channel, topic=topic, helpful=helpful, missing_reason=reason, missing_text=text
    )


def redress_replies(city: dict, ctx: FlowContext) -> List[Reply]:
    """The equality body, ombudsman and victim support from the city block, in the conversation language."""
    default = city.get("default_language", "en")
    lines = [ctx.translate(tf.REDRESS_INTRO)]
    for contact in city.get("redress") or []:
        parts = [localized_text(contact.get("name"), ctx.language, default)]
        description = localized_text(contact.get("description"), ctx.language, default)
        if description:
            parts.append(description)
        parts.extend(isolate(contact[key]) for key in ("phone", "email", "website") if contact.get(key))
        lines.append("\n".join(parts))
    return [Reply("\n\n".join(lines))] if len(lines) > 1 else []


def receipt_replies(outcome: str, status, ctx: FlowContext) -> List[Reply]:
    """What a receipt holder sees: status and the city's reply, or why the code did not work.

    Args:
        outcome: A :class:`bot.submissions.ReceiptCheck` value.
        status: The :class:`bot.submissions.ReportStatus` when found.
    """
    _ = ctx.translate
    if outcome == "expired":
        return [Reply(_(tf.RECEIPT_EXPIRED))]
    if outcome != "found":
        return [Reply(_(tf.RECEIPT_NOT_FOUND))]
    month = choices.month_label(status.month, ctx.language, _(tf.UNKNOWN_MONTH))
    lines = [
        _(tf.REPORT_STATUS).format(month=month, status=_(tf.REPORT_STATUS_NAMES.get(status.status, status.status)))
    ]
    if status.public_reply:
        language = language_name(status.public_reply_language) if status.public_reply_language else "?"
        lines.append(_(tf.REPORT_REPLY).format(language=language, reply=status.public_reply))
    else:
        lines.append(_(tf.REPORT_NO_REPLY))
    return [Reply("\n".join(lines))]


def rating_prompt(_: Translate) -> Reply:
    """ "Was this helpful?" with yes / no buttons, after a topic or place answer."""
    buttons = [
        {"title": _(tf.HELPFUL_YES), "payload": "/answer_helpful"},
        {"title": _(tf.HELPFUL_NO), "payload": "/answer_not_helpful"},
    ]
    return Reply(_(tf.ASK_HELPFUL), buttons)


def report_offer(_: Translate) -> Reply:
    """After the discrimination answer: the way to report it, anonymously."""
    return Reply(_(tf.REPORT_OFFER), [{"title": _(tf.MENU_REPORT), "payload": "/report_discrimination"}])
