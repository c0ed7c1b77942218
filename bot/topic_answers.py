"""A topic answer that fits the person: the entitlement for their residence situation (when
they told it) and the services that meet their wishes (open now, language, near, ...).

Without a situation or wishes this is the general answer and the usual 1-3 services, as
before. The situation is asked for only when the entitlement differs by situation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable, List, Mapping, Optional

from bot import followup_replies, hours, ranking, replies, texts
from bot import texts_filters as tfl
from bot import texts_status as ts
from bot.directory import Directory, find_services
from bot.entitlements import PREFER_NOT_TO_SAY, Entitlement, answer, needs_status
from bot.filters import ServiceFilters
from bot.replies import Reply

Translate = Callable[[str], str]
PLACE_KINDS = ("one_stop_shop", "welcome_place")
PLACE_INTROS = {"one_stop_shop": texts.ONE_STOP_SHOP_INTRO, "welcome_place": texts.WELCOME_PLACE_INTRO}


@dataclass(frozen=True)
class Situation:
    """What the conversation knows about the person, kept only in the conversation."""

    filters: ServiceFilters = field(default_factory=ServiceFilters)
    status: Optional[str] = None  # one of entitlements.STATUSES, PREFER_NOT_TO_SAY, or None (not told)
    asked: bool = False  # the situation question was shown once already (it is not repeated)


@dataclass(frozen=True)
class TopicAnswer:
    replies: List[Reply]
    shown: List[str]  # ids of the services shown, for feedback
    asked_status: bool = False


def _place(directory: Directory) -> hours.Place:
    return hours.place_of(directory.city)


def entitlement_reply(entitlement: Entitlement, status: Optional[str], directory: Directory, language: str,
                      _: Translate) -> Reply:
    """The entitlement for the situation (the general one for none or "prefer not to say")."""
    fallback = directory.city.get("default_language", "en")
    result = answer(entitlement, None if status == PREFER_NOT_TO_SAY else status, language, fallback)
    text = followup_replies.entitlement_text(result, language, directory.city.get("country"), _)
    if result.status_used:
        text = _(ts.STATUS_UNDERSTOOD).format(status=_(ts.STATUS_LABELS[result.status_used])) + "\n" + text
    return Reply(text + "\n" + _(texts.GENERAL_INFO_NOTE))


def services_reply(topic: str, directory: Directory, language: str, now: datetime, _: Translate, limit: int,
                   filters: ServiceFilters) -> TopicAnswer:
    """The services for a topic (or a kind of place), narrowed by the wishes when there are any."""
    kind = topic if topic in PLACE_KINDS else None
    if filters.is_empty:
        if kind:
            found = replies.place_answer(kind, directory, language, now, _, limit)
            shown = find_services(directory.services, kind=kind, language=language, limit=limit)
            return TopicAnswer(found, [service.id for service in shown])
        services = replies.signposted(topic, directory, language, limit)
        found_any = any(topic in service.topics for service in services)
        answer_replies = [Reply(_(texts.SERVICES_INTRO if found_any else texts.NO_SERVICE_FOUND))]
        answer_replies += [Reply(replies.service_card(s, directory.city, language, now, _)) for s in services]
        return TopicAnswer(answer_replies, [service.id for service in services])
    ranked = ranking.rank(directory.services, None if kind else topic, filters, now, _place(directory), language,
                          kind=kind, interpreter_ids=tuple(directory.city.get("interpreter_services") or ()))
    shown = [match.service.id for match in ranked.matches[:limit]]
    intro = PLACE_INTROS.get(kind or "", tfl.MATCHES_INTRO)  # "Welcome places are friendly places ..."
    return TopicAnswer(followup_replies.narrowed(ranked, directory, language, now, _, limit, intro), shown)


def topic_answer(topic: str, directory: Directory, language: str, now: datetime, _: Translate, limit: int,
                 situation: Situation, entitlements: Mapping[str, Entitlement]) -> TopicAnswer:
    """What the person is entitled to, then where to go; the situation question when it matters."""
    entitlement = entitlements.get(topic)
    if entitlement is not None:
        first = entitlement_reply(entitlement, situation.status, directory, language, _)
    else:
        first = Reply(_(texts.TOPIC_ANSWERS[topic]) + "\n" + _(texts.GENERAL_INFO_NOTE))
    places = services_reply(topic, directory, language, now, _, limit, situation.filters)
    ask = entitlement is not None and needs_status(entitlement) and situation.status is None and not situation.asked
    extra = [followup_replies.status_question(_)] if ask else []
    return TopicAnswer([first] + places.replies + extra, places.shown, ask)
