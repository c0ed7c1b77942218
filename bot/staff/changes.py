"""Actions taken: what the city changed because of what newcomers said, for the public
"you said, we did" page. Staff write them in one language; the page says which."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from bot.staff.models import ActionTaken

MAX_TITLE = 200
MAX_DESCRIPTION = 4000
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_ID = re.compile(r"^[0-9a-f-]{36}$")


class ChangeError(ValueError):
    """An action taken that cannot be saved; the message says why."""


@dataclass(frozen=True)
class Change:
    id: str
    month: str
    title: str
    description: str
    language: str
    topic: Optional[str]
    service_id: Optional[str]
    ground: Optional[str]
    report_ids: Tuple[str, ...]
    published: bool
    author: str


@dataclass(frozen=True)
class ChangeInput:
    """What staff typed in the form (strings, as received)."""

    month: str
    title: str
    description: str
    language: str
    topic: str = ""
    service_id: str = ""
    ground: str = ""
    report_ids: str = ""  # ids separated by spaces, commas or new lines


def _required(value: str, limit: int, what: str) -> str:
    cleaned = (value or "").strip()
    if not cleaned:
        raise ChangeError(f"The {what} is empty.")
    if len(cleaned) > limit:
        raise ChangeError(f"The {what} has {len(cleaned)} characters; the most is {limit}.")
    return cleaned


def _choice(value: str, allowed: Sequence[str], what: str) -> Optional[str]:
    value = (value or "").strip()
    if not value:
        return None
    if value not in allowed:
        raise ChangeError(f"Unknown {what}: {value!r}.")
    return value


def validate(form: ChangeInput, languages: Sequence[str], topics: Sequence[str], services: Sequence[str],
             grounds: Sequence[str]) -> dict:
    """The row values, or :class:`ChangeError` naming the first problem."""
    if not _MONTH.match(form.month or ""):
        raise ChangeError("The month must look like 2026-11.")
    if form.language not in languages:
        raise ChangeError(f"Choose the language it is written in: one of {', '.join(languages)}.")
    report_ids = tuple(part for part in re.split(r"[\s,]+", form.report_ids or "") if part)
    bad = [part for part in report_ids if not _ID.match(part)]
    if bad:
        raise ChangeError(f"Not a report id: {bad[0][:40]!r}.")
    return {
        "month": form.month,
        "title": _required(form.title, MAX_TITLE, "title"),
        "description": _required(form.description, MAX_DESCRIPTION, "description"),
        "language": form.language,
        "topic": _choice(form.topic, topics, "topic"),
        "service_id": _choice(form.service_id, services, "service"),
        "ground": _choice(form.ground, grounds, "ground"),
        "report_ids": list(report_ids),
    }


def add(engine: Engine, values: dict, author: str) -> str:
    """Saves a validated action taken (not yet published); returns its id."""
    table = ActionTaken.__table__
    with engine.begin() as connection:
        result = connection.execute(table.insert().values(published=False, author=author, **values))
    return result.inserted_primary_key[0]


def set_published(engine: Engine, change_id: str, published: bool) -> None:
    table = ActionTaken.__table__
    with engine.begin() as connection:
        if not connection.execute(update(table).where(table.c.id == change_id).values(published=published)).rowcount:
            raise ChangeError("There is no such action.")


def list_changes(engine: Engine, published_only: bool = False) -> List[Change]:
    """Newest month first."""
    table = ActionTaken.__table__
    query = select(table).order_by(table.c.month.desc(), table.c.title)
    if published_only:
        query = query.where(table.c.published.is_(True))
    with engine.connect() as connection:
        rows = connection.execute(query).mappings().all()
    return [Change(**{**row, "report_ids": tuple(row["report_ids"] or ())}) for row in rows]
