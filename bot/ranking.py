"""Ranking services for a topic by the person's wishes, with an honest answer when nothing fits.

:func:`rank` keeps the services that meet every wish, best first. When none does, it says
which wish (or wishes together) rules everything out, offers the places that meet all the
others, and adds one-stop shops, welcome places and interpreters (in the wished language)
that can help further. :func:`render` turns the result into message lines.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Collection, Dict, List, Optional, Sequence, Tuple

from babel.lists import format_list

from bot import hours
from bot import texts_filters as texts
from bot.directory import Service
from bot.filters import FILTER_NAMES, ServiceFilters, distance_km
from bot.reasons import (
    NEAR_KM,
    Context,
    Reason,
    Translate,
    availability_reason,
    check,
    distance_reason,
    language_label,
    wish,
)

HELPER_KINDS = ("one_stop_shop", "interpreter", "welcome_place")
TIME_WISHES = frozenset({"open_now", "open_on"})


@dataclass(frozen=True)
class Match:
    """A service, why it fits (in the order of the wishes, distance last) and which wishes it misses."""

    service: Service
    reasons: Tuple[Reason, ...] = ()
    distance_km: Optional[float] = None
    missing: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Relaxation:
    """Wishes that rule out every place, and the places that meet all the other wishes."""

    dropped: Tuple[str, ...]
    wishes: Tuple[Reason, ...]
    matches: Tuple[Match, ...]


@dataclass(frozen=True)
class Ranked:
    """The answer to a search: matches, or why there are none and what else could help.

    Attributes:
        matches: Services meeting every wish, best first.
        candidates: How many services there are for the topic before any wish.
        others: The other services for the topic, best first, each with the wishes it misses.
        relaxations: When nothing matches: each smallest set of wishes that rules everything
            out (single wishes first, in the order of the wishes), with what fits without it.
        helpers: When nothing matches: one-stop shops, interpreters and welcome places (speaking
            the wished language, if one was asked for).
        helpers_intro: The sentence introducing ``helpers``.
    """

    matches: Tuple[Match, ...]
    candidates: int
    others: Tuple[Match, ...] = ()
    relaxations: Tuple[Relaxation, ...] = ()
    helpers: Tuple[Match, ...] = ()
    helpers_intro: Reason = Reason(texts.HELPERS)

    @property
    def ruled_out(self) -> Tuple[str, ...]:
        """The names of the wishes that ruled everything out, in order, each once."""
        return tuple(dict.fromkeys(name for relaxation in self.relaxations for name in relaxation.dropped))


@dataclass(frozen=True)
class _Checked:
    service: Service
    results: Dict[str, Optional[Reason]]
    distance: Optional[float]

    @property
    def missing(self) -> Tuple[str, ...]:
        return tuple(name for name, reason in self.results.items() if reason is None)


def _order(item: _Checked, topic: Optional[str], language: str) -> tuple:
    """Topic first (main topic before others), then wishes met, then distance, then as find_services."""
    service = item.service
    position = service.topics.index(topic) if topic in service.topics else 0
    main_topic = 0 if topic is None or position == 0 else 1
    met = len(item.results) - len(item.missing)
    distance = math.inf if item.distance is None else item.distance
    speaks = 0 if language in service.languages else 1
    specific = 0 if service.kind == "service" else 1
    return (main_topic, -met, distance, speaks, specific, position, service.id)


def _match(item: _Checked, context: Context, dropped: Collection[str] = ()) -> Match:
    """The service with the reasons it fits; when a time wish was dropped, when it is open first."""
    reasons = [reason for reason in item.results.values() if reason is not None]
    opening = availability_reason(item.service, context) if TIME_WISHES & set(dropped) else None
    if opening is not None:
        reasons.insert(0, opening)
    return Match(item.service, tuple(dict.fromkeys(reasons)), item.distance, item.missing)


def _relaxations(checked: List[_Checked], filters: ServiceFilters, context: Context) -> Tuple[Relaxation, ...]:
    """Each smallest set of wishes that some service misses, with the services missing only that set."""
    if not checked:
        return ()
    fewest = min(len(item.missing) for item in checked)
    groups = sorted(
        {item.missing for item in checked if len(item.missing) == fewest},
        key=lambda names: [FILTER_NAMES.index(name) for name in names],
    )
    return tuple(
        Relaxation(
            dropped=group,
            wishes=tuple(wish(name, filters, context) for name in group),
            matches=tuple(_match(item, context, group) for item in checked if item.missing == group),
        )
        for group in groups
    )


def _is_helper(service: Service, interpreter_ids: Collection[str]) -> bool:
    return service.kind in HELPER_KINDS or service.id in interpreter_ids


def _helpers(
    services: Sequence[Service],
    topic: Optional[str],
    filters: ServiceFilters,
    context: Context,
    exclude: Collection[str],
    interpreter_ids: Collection[str],
) -> Tuple[Match, ...]:
    """Places that help find the way, in the wished language if there is one; for the topic first."""
    wanted = ServiceFilters(language=filters.language)
    found = []
    for service in services:
        if not _is_helper(service, interpreter_ids) or service.id in exclude:
            continue
        if filters.language and filters.language not in service.languages:
            continue
        found.append(_Checked(service, check(service, wanted, context), distance_km(service, filters.near)))

    def order(item: _Checked) -> tuple:
        service = item.service
        distance = math.inf if item.distance is None else item.distance
        speaks = context.language not in service.languages
        kind = HELPER_KINDS.index(service.kind) if service.kind in HELPER_KINDS else HELPER_KINDS.index("interpreter")
        return (topic not in service.topics, distance, speaks, kind, service.id)

    return tuple(_with_distance(_match(item, context), context) for item in sorted(found, key=order))


def _with_distance(match: Match, context: Context) -> Match:
    """Adds how far a helper is, even beyond the "near" radius, when its position is known."""
    if match.distance_km is None or any(reason.message == texts.DISTANCE for reason in match.reasons):
        return match
    return Match(match.service, match.reasons + (distance_reason(match.distance_km, context),), match.distance_km)


def rank(
    services: Sequence[Service],
    topic: Optional[str],
    filters: ServiceFilters,
    now: datetime,
    place: hours.Place,
    language: str,
    *,
    kind: Optional[str] = None,
    radius_km: float = NEAR_KM,
    interpreter_ids: Collection[str] = (),
) -> Ranked:
    """The services for ``topic`` (and/or ``kind``) that meet every wish in ``filters``, best first.

    Args:
        now: An aware datetime; opening hours are checked in ``place``'s time zone.
        language: The conversation language: reasons are formatted for it, and services whose
            staff speak it come first among equals.
        radius_km: How far "near" reaches.
        interpreter_ids: Services of kind ``service`` that work as interpreting services
            (the directory has no interpreter kind yet); offered like one-stop shops.
    """
    context = Context(now, place, language, radius_km)
    candidates = [
        service
        for service in services
        if (topic is None or topic in service.topics) and (kind is None or service.kind == kind)
    ]
    checked = sorted(
        (_Checked(s, check(s, filters, context), distance_km(s, filters.near)) for s in candidates),
        key=lambda item: _order(item, topic, language),
    )
    matches = tuple(_match(item, context) for item in checked if not item.missing)
    others = tuple(_match(item, context) for item in checked if item.missing)
    if matches:
        return Ranked(matches, len(candidates), others)
    relaxations = _relaxations(checked, filters, context)
    shown = {match.service.id for relaxation in relaxations for match in relaxation.matches}
    helpers = _helpers(services, topic, filters, context, shown, interpreter_ids)
    intro = Reason(texts.HELPERS)
    if filters.language:
        intro = Reason(texts.HELPERS_IN_LANGUAGE, (("language", language_label(filters.language, language)),))
    return Ranked((), len(candidates), others, relaxations, helpers, intro)


def _line(match: Match, language: str, fallback: str, _: Translate) -> str:
    name = match.service.localized_name(language, fallback)
    if not match.reasons:
        return name
    return _(texts.MATCH_LINE).format(name=name, reasons=" · ".join(reason.text(_) for reason in match.reasons))


def _relaxation_intro(relaxation: Relaxation, language: str, _: Translate) -> str:
    wishes = [reason.text(_) for reason in relaxation.wishes]
    if len(wishes) == 1:
        return _(texts.RULED_OUT_BY).format(wish=wishes[0])
    return _(texts.RULED_OUT_TOGETHER).format(wishes=format_list(wishes, locale=hours.babel_locale(language, None)))


def render(ranked: Ranked, language: str, _: Translate, limit: int = 3, fallback: str = "en") -> List[str]:
    """The answer as message lines: the matches, or why nothing fits and what else could help.

    Shows at most ``limit`` services per group (and ``limit`` groups of alternatives).
    """
    if ranked.matches:
        return [_(texts.MATCHES_INTRO)] + [_line(match, language, fallback, _) for match in ranked.matches[:limit]]
    lines = [_(texts.NO_MATCH if ranked.candidates else texts.NO_SERVICE)]
    for relaxation in ranked.relaxations[:limit]:
        lines.append(_relaxation_intro(relaxation, language, _))
        lines.extend(_line(match, language, fallback, _) for match in relaxation.matches[:limit])
    if ranked.helpers:
        lines.append(ranked.helpers_intro.text(_))
        lines.extend(_line(match, language, fallback, _) for match in ranked.helpers[:limit])
    return lines
