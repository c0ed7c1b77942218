"""Monthly message counts per language, and how many the assistant did not understand.

Only numbers are kept (month, language, kind): never the messages or who sent them. The
action server adds one per user message and one per fallback; the dashboard shows the
share of fallbacks per language.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Dict, List, Tuple

from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.staff.items import UsageRow
from bot.staff.models import USAGE_KINDS, UsageCount


def count(engine: Engine, month: str, language: str, kind: str) -> None:
    """Adds one to the counter (creating it); safe when several processes count at once."""
    if kind not in USAGE_KINDS:
        raise ValueError(f"kind must be one of {USAGE_KINDS}, got {kind!r}")
    table = UsageCount.__table__
    key = (table.c.month == month) & (table.c.language == language) & (table.c.kind == kind)
    for _ in range(3):
        with engine.begin() as connection:
            if connection.execute(update(table).where(key).values(count=table.c.count + 1)).rowcount:
                return
        try:
            with engine.begin() as connection:
                connection.execute(table.insert().values(month=month, language=language, kind=kind, count=1))
            return
        except IntegrityError:
            continue  # another process inserted it first: update again


def read(engine: Engine) -> List[UsageRow]:
    """Every month and language with its message and fallback counts."""
    totals: Dict[Tuple[str, str], Dict[str, int]] = defaultdict(lambda: {"message": 0, "fallback": 0})
    with engine.connect() as connection:
        for row in connection.execute(select(UsageCount.__table__)):
            totals[(row.month, row.language)][row.kind] = row.count
    return [
        UsageRow(month=month, language=language, messages=counts["message"], fallbacks=counts["fallback"])
        for (month, language), counts in sorted(totals.items())
    ]
