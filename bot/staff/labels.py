"""Readable names for the codes stored with feedback and reports (topics, grounds, places,
problems, statuses, languages, months), in the console's language or a visitor's.

The names come from the same translatable texts the chat uses, so the public page shows
them in every supported language.
"""

from __future__ import annotations

from typing import Callable, Dict, Mapping

from bot import texts
from bot import texts_feedback as tf
from bot.choices import month_label
from bot.i18n import N_, language_name

Translate = Callable[[str], str]

UNKNOWN = N_("Unknown")
STATUS_LABELS = {
    "new": N_("New"),
    "in_review": N_("In review"),
    "referred": N_("Referred"),
    "closed": N_("Closed"),
}
KIND_LABELS = {
    "report": N_("Discrimination report"),
    "feedback": N_("Feedback on a service"),
    "rating": N_("Answer rating"),
}
DIMENSION_TEXTS: Dict[str, Mapping[str, str]] = {
    "topic": texts.TOPIC_LABELS,
    "grounds": tf.GROUNDS,
    "place_kind": tf.PLACE_KINDS,
    "problems": tf.FEEDBACK_PROBLEMS,
    "status": STATUS_LABELS,
    "kind": KIND_LABELS,
    "missing_reason": tf.MISSING_REASONS,
}


def labeler(language: str, _: Translate, service_names: Mapping[str, str]) -> Callable[[str, str], str]:
    """``label(dimension, key)`` → a name in ``language`` (codes it does not know are shown as they are)."""

    def label(dimension: str, key: str) -> str:
        if not key or key == "unknown":
            return _(UNKNOWN)
        if dimension in DIMENSION_TEXTS:
            message = DIMENSION_TEXTS[dimension].get(key)
            return _(message) if message else key
        if dimension == "language":
            name = language_name(key, language)
            return name[:1].upper() + name[1:]
        if dimension == "month":
            return month_label(key, language, _(UNKNOWN))
        if dimension == "service":
            return service_names.get(key, key)
        return key

    return label
