"""CSV exports: the items staff are looking at, and the dashboard's numbers.

The aggregate export holds only display texts ("<5", "23%"), never a suppressed raw count.
Cells that a spreadsheet would read as a formula (starting with = + - @, a tab or a line
break) get a leading apostrophe, since the free text comes from the public. Lines end in
"\\r\\n" (the csv default) and the text starts with a UTF-8 byte order mark, without which
Excel reads UTF-8 as the local code page and garbles Arabic, Cyrillic or Turkish text;
LibreOffice, pandas (``encoding="utf-8-sig"``) and Python's csv handle it.
"""

from __future__ import annotations

import csv
import io
from typing import Iterable, List, Optional, Sequence

from bot.staff.aggregates import Dashboard, Row, ShareRow
from bot.staff.items import Item

BOM = "\ufeff"
ITEM_COLUMNS = (
    "kind", "id", "month", "language", "channel", "topic", "service_id", "service_name", "district", "status",
    "grounds", "place_kind", "rating", "problems", "helpful", "missing_reason", "text", "has_reply",
)
AGGREGATE_COLUMNS = ("section", "key", "value")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value: object) -> str:
    """The value as text, with a leading apostrophe when a spreadsheet would run it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _flag(value: Optional[bool]) -> str:
    return "" if value is None else ("true" if value else "false")


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]], bom: bool) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return (BOM if bom else "") + out.getvalue()


def _item_row(item: Item) -> List[object]:
    return [
        item.kind, item.id, item.month, item.language, item.channel, item.topic, item.service_id,
        item.service_name, item.district, item.status, ";".join(item.grounds), item.place_kind, item.rating,
        ";".join(item.problems), _flag(item.helpful), item.missing_reason, item.text, _flag(item.has_reply),
    ]


def items_csv(items: Sequence[Item], *, bom: bool = True) -> str:
    """One row per item (see :data:`ITEM_COLUMNS`); lists joined by ";", flags as true/false."""
    return _csv(ITEM_COLUMNS, (_item_row(item) for item in items), bom)


def _counts(section: str, rows: Sequence[Row]) -> List[List[str]]:
    return [[section, row.key, row.display] for row in rows]


def _shares(section: str, rows: Sequence[ShareRow]) -> List[List[str]]:
    shares = [[section, row.key, row.display] for row in rows]
    return shares + [[f"{section}.denominator", row.key, row.denominator_display] for row in rows]


def _aggregate_rows(board: Dashboard) -> List[List[str]]:
    rows: List[List[str]] = [["meta", "threshold", str(board.threshold)]]
    if board.months:
        rows += [["meta", "first_month", board.months[0]], ["meta", "last_month", board.months[-1]]]
    for kind, over_months in board.over_time.items():
        rows += _counts(f"over_time.{kind}", over_months)
    for section in ("topic", "service", "grounds", "language", "district", "channel", "status"):
        rows += _counts(section, getattr(board, f"by_{section}"))
    for section in ("unhelpful_by_language", "unhelpful_by_topic", "fallback_by_language"):
        rows += _shares(section, getattr(board, section))
    for score in board.worst_services:
        rows += [
            ["worst_services.negative", score.key, score.display],
            ["worst_services.feedback", score.key, score.total_display],
            ["worst_services.average", score.key, score.average_display],
        ]
    return rows


def aggregates_csv(dashboard: Dashboard, *, bom: bool = True) -> str:
    """The dashboard as ``section,key,value`` rows, values as displayed (suppressed)."""
    return _csv(AGGREGATE_COLUMNS, _aggregate_rows(dashboard), bom)
