"""Feedback and reports as one list of :class:`Item` for the inbox, dashboards and exports,
and the filters staff apply to it (the same query parameters everywhere).

A city receives hundreds to a few thousand submissions a year, so the rows are read once
per request and filtered in Python; every number shown is computed from the same list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from sqlalchemy import select
from sqlalchemy.engine import Engine

from bot.directory import Service
from bot.models import REPORT_STATUSES, AnswerRating, Report, ServiceFeedback

KINDS = ("report", "feedback", "rating")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_CODE = re.compile(r"^[a-z0-9_-]{1,100}$")
MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class Item:
    """One submission, whatever its kind, with the fields staff filter and count by."""

    kind: str  # report | feedback | rating
    id: str
    month: str  # YYYY-MM sent
    language: str
    channel: str
    topic: Optional[str] = None  # ratings: the topic answered; others: the service's first topic
    service_id: Optional[str] = None
    service_name: Optional[str] = None  # the directory's name (English) or as typed
    district: Optional[str] = None  # from the directory, when the service is known
    status: Optional[str] = None  # reports only
    grounds: Tuple[str, ...] = ()  # reports only
    place_kind: Optional[str] = None  # reports only
    rating: Optional[int] = None  # feedback only, 1-5
    problems: Tuple[str, ...] = ()  # feedback only
    helpful: Optional[bool] = None  # ratings only
    missing_reason: Optional[str] = None  # ratings only
    text: str = ""  # the free text: what happened / comment / what was missing
    has_reply: bool = False  # reports only

    @property
    def negative(self) -> bool:
        """Feedback rated 1-2, or an answer marked not helpful."""
        return (self.rating is not None and self.rating <= 2) or self.helpful is False


@dataclass(frozen=True)
class Filters:
    """What staff narrowed the list to; ``None`` or empty means "any"."""

    kind: Optional[str] = None
    status: Optional[str] = None
    topic: Optional[str] = None
    service: Optional[str] = None
    grounds: Optional[str] = None
    language: Optional[str] = None
    channel: Optional[str] = None
    month: Optional[str] = None  # YYYY-MM
    q: str = ""  # words searched in the free text

    def as_args(self) -> Dict[str, str]:
        """The non-empty filters as query parameters (for links and exports)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> Tuple["Filters", List[str]]:
        """Reads query parameters; returns the filters and one message per bad value (ignored)."""
        errors: List[str] = []
        values: Dict[str, Optional[str]] = {}
        for name in ("kind", "status", "topic", "service", "grounds", "language", "channel", "month"):
            raw = (args.get(name) or "").strip()
            if not raw:
                continue
            if name == "kind" and raw not in KINDS:
                errors.append(f"kind must be one of {', '.join(KINDS)}")
            elif name == "status" and raw not in REPORT_STATUSES:
                errors.append(f"status must be one of {', '.join(REPORT_STATUSES)}")
            elif name == "month" and not _MONTH.match(raw):
                errors.append("month must look like 2026-11")
            elif name not in ("kind", "status", "month") and not _CODE.match(raw):
                errors.append(f"{name} is not a valid code")
            else:
                values[name] = raw
        q = " ".join((args.get("q") or "").split())[:MAX_QUERY_LENGTH]
        return cls(q=q, **values), errors

    def matches(self, item: Item) -> bool:
        """Whether the item passes every filter."""
        checks = (
            (self.kind, item.kind),
            (self.status, item.status),
            (self.topic, item.topic),
            (self.service, item.service_id),
            (self.language, item.language),
            (self.channel, item.channel),
            (self.month, item.month),
        )
        if any(wanted and wanted != value for wanted, value in checks):
            return False
        if self.grounds and self.grounds not in item.grounds:
            return False
        if self.q:
            text = item.text.casefold()
            return all(word in text for word in self.q.casefold().split())
        return True


def apply(items: Sequence[Item], filters: Filters) -> List[Item]:
    """The items that pass the filters, newest month first (reports before feedback)."""
    order = {kind: index for index, kind in enumerate(KINDS)}
    kept = [item for item in items if filters.matches(item)]
    kept.sort(key=lambda item: (order[item.kind], item.id))
    kept.sort(key=lambda item: item.month, reverse=True)
    return kept


def _service_fields(services: Mapping[str, Service], service_id: Optional[str]) -> Dict[str, Optional[str]]:
    service = services.get(service_id or "")
    if service is None:
        return {"district": None, "topic": None, "name": None}
    return {
        "district": service.district,
        "topic": service.topics[0] if service.topics else None,
        "name": service.localized_name("en"),
    }


def _common(row: Mapping[str, Any], kind: str) -> Dict[str, Any]:
    """The fields every kind of submission has."""
    return {"kind": kind, "id": row["id"], "month": row["month"], "language": row["language"],
            "channel": row["channel"]}


def _report(row: Mapping[str, Any], known: Mapping[str, Optional[str]]) -> Item:
    return Item(
        **_common(row, "report"),
        topic=known["topic"],
        service_id=row["service_id"],
        service_name=known["name"] or row["place_text"],
        district=known["district"],
        status=row["status"],
        grounds=tuple(row["grounds"] or ()),
        place_kind=row["place_kind"],
        text=" ".join(part for part in (row["what_happened"], row["place_text"]) if part),
        has_reply=bool(row["public_reply"]),
    )


def _feedback(row: Mapping[str, Any], known: Mapping[str, Optional[str]]) -> Item:
    return Item(
        **_common(row, "feedback"),
        topic=known["topic"],
        service_id=row["service_id"],
        service_name=known["name"] or row["service_name"],
        district=known["district"],
        rating=row["rating"],
        problems=tuple(row["problems"] or ()),
        text=" ".join(part for part in (row["comment"], row["service_name"]) if part),
    )


def _rating(row: Mapping[str, Any]) -> Item:
    return Item(
        **_common(row, "rating"),
        topic=row["topic"],
        helpful=row["helpful"],
        missing_reason=row["missing_reason"],
        text=row["missing_text"] or "",
    )


def load_items(engine: Engine, services: Sequence[Service]) -> List[Item]:
    """Every stored report, service feedback and answer rating as :class:`Item`."""
    by_id = {service.id: service for service in services}
    with engine.connect() as connection:
        reports = connection.execute(select(Report.__table__)).mappings().all()
        feedback = connection.execute(select(ServiceFeedback.__table__)).mappings().all()
        ratings = connection.execute(select(AnswerRating.__table__)).mappings().all()
    return (
        [_report(row, _service_fields(by_id, row["service_id"])) for row in reports]
        + [_feedback(row, _service_fields(by_id, row["service_id"])) for row in feedback]
        + [_rating(row) for row in ratings]
    )


@dataclass(frozen=True)
class UsageRow:
    """Messages of one month and language, and how many of them were not understood."""

    month: str
    language: str
    messages: int
    fallbacks: int


@dataclass
class Dataset:
    """Everything the dashboards count: the filtered items and the usage counts."""

    items: List[Item]
    usage: List[UsageRow] = field(default_factory=list)
