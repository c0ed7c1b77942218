"""Counts, shares and rankings for the dashboards, the aggregate export and the public
"you said, we did" page, with small counts suppressed.

Rules (``t`` is the threshold, :data:`DEFAULT_THRESHOLD` unless the city sets another):

* A count shows as ``"0"``, as ``"<t"`` from 1 to t-1, and as the number from t on.
* A share ``part / whole`` shows :data:`NO_DATA` when the whole is 0 and ``"<t"`` when the
  whole is 1..t-1 (no percentage). A part of 1..t-1 shows as ``"<t of W"``; a part whose
  rest (whole minus part) is 1..t-1 as ``">W-t of W"``, since the exact part would give the
  rest away. For wholes from t to 2t-2, where every part but none and all leaves the part
  or the rest small, those parts all show as ``"<W of W"`` (some, not all): ">1 of 6"
  could only mean 5. Only when part and rest are each 0 or at least t is the share a
  percentage, ``"<1%"``/``">99%"`` at the ends, so "0%" and "100%" mean none and all.
* A total next to a table (:func:`total_row`) shows only when no row of the table is
  suppressed, else :data:`HIDDEN`: total minus the shown rows is the sum of the hidden
  rows, which gives one hidden row away, and several when they are all 1 or all t-1.
* Rows are ordered only by what is shown: suppressed rows come after the shown ones in
  key order, never by their hidden counts (the order would tell two "<5" rows apart).
* Raw counts stay in the rows for charts and sorting; only ``display`` is for people.

Each table is safe on its own and next to its own total. Tables that split the same items
in different ways (by topic, by language, ...) share the number of items, though: when one
of them has no suppressed row its sum is that number, and another with a single "<5" row
then gives that row away. Guarding against that needs suppression across tables, which
this module does not do; keep it in mind before publishing several such tables together.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from bot.staff.items import KINDS, Dataset, Item, UsageRow
from bot.submissions import add_months

DEFAULT_THRESHOLD = 5
UNKNOWN = "unknown"
NO_DATA = "—"  # a share of nothing
HIDDEN = "—"  # a total withheld because a row next to it is suppressed
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

_SINGLE: Dict[str, Callable[[Item], Optional[str]]] = {
    "month": lambda item: item.month,
    "kind": lambda item: item.kind,
    "topic": lambda item: item.topic,
    "service": lambda item: item.service_id,
    "language": lambda item: item.language,
    "district": lambda item: item.district,
    "channel": lambda item: item.channel,
    "status": lambda item: item.status,
    "place_kind": lambda item: item.place_kind,
}
_MULTI: Dict[str, Callable[[Item], Tuple[str, ...]]] = {
    "grounds": lambda item: item.grounds,
    "problems": lambda item: item.problems,
}
DIMENSIONS = tuple(_SINGLE) + tuple(_MULTI)


@dataclass(frozen=True)
class Row:
    """One line of a count table; ``count`` is raw and internal, ``display`` is what people see."""

    key: str
    count: int
    display: str
    suppressed: bool = False

    @property
    def value(self) -> Optional[float]:
        """The length a chart may draw, or ``None`` when the count is suppressed."""
        return None if self.suppressed else float(self.count)


@dataclass(frozen=True)
class ShareRow:
    """One line of a share table (part of a whole, e.g. unhelpful answers of all ratings).

    ``share`` (0-1) is set only when it may be published; ``numerator_display`` and
    ``denominator_display`` let a page word "<5 of 40" in its own language.
    """

    key: str
    numerator: int
    denominator: int
    display: str
    numerator_display: str
    denominator_display: str
    share: Optional[float] = None
    suppressed: bool = False

    @property
    def value(self) -> Optional[float]:
        """The share in percent for a chart, or ``None`` when it is not shown."""
        return None if self.share is None else self.share * 100


@dataclass(frozen=True)
class ServiceScore:
    """A service's negative feedback (rated 1-2) among all its feedback.

    ``average`` is set only when the negative count is shown exactly and there are at least
    threshold ratings: with the total, an average can pin a hidden negative count (5 ratings
    averaging 4.2 hold exactly one rating of 1-2).
    """

    key: str
    name: str
    negative: int
    total: int
    display: str  # the negative count, suppressed
    total_display: str
    average: Optional[float] = None
    average_display: str = NO_DATA
    suppressed: bool = False

    @property
    def value(self) -> Optional[float]:
        """The negative count for a chart, or ``None`` when it is not shown exactly."""
        return None if self.suppressed else float(self.negative)


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard shows, all counted from the same items (those in ``months``)."""

    threshold: int
    months: List[str]
    over_time: Dict[str, List[Row]]
    by_topic: List[Row]
    by_service: List[Row]
    by_grounds: List[Row]  # reports only; a report counts once per ground
    by_language: List[Row]
    by_district: List[Row]
    by_channel: List[Row]
    by_status: List[Row]  # reports only
    unhelpful_by_language: List[ShareRow]
    unhelpful_by_topic: List[ShareRow]
    fallback_by_language: List[ShareRow]
    worst_services: List[ServiceScore]
    service_names: Dict[str, str] = field(default_factory=dict)


def check_threshold(threshold: int) -> int:
    """Returns the threshold, or raises ``ValueError`` when it is below 1.

    1 turns suppression off; 2 hides nothing either ("<2" can only mean 1), so settings
    should ask for at least 3.
    """
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 1:
        raise ValueError(f"the small-count threshold must be a whole number of at least 1, not {threshold!r}")
    return threshold


def suppress(count: int, threshold: int = DEFAULT_THRESHOLD) -> str:
    """``0`` → ``"0"``, 1..threshold-1 → ``"<threshold"``, larger → the number."""
    check_threshold(threshold)
    if count < 0:
        raise ValueError(f"a count cannot be negative: {count}")
    return f"<{threshold}" if 0 < count < threshold else str(count)


def count_row(key: str, count: int, threshold: int) -> Row:
    """A table row with its suppressed display."""
    display = suppress(count, threshold)
    return Row(key=key, count=count, display=display, suppressed=display != str(count))


def total_row(rows: Sequence[Row], total: int, threshold: int, key: str = "total") -> Row:
    """A total to show under ``rows``: :data:`HIDDEN` when any row is suppressed.

    Pass the real number of items as ``total`` (for grounds or problems, where an item
    counts once per value, it is not the sum of the rows).
    """
    if any(row.suppressed for row in rows):
        return Row(key=key, count=total, display=HIDDEN, suppressed=True)
    return count_row(key, total, threshold)


def _keys(item: Item, dimension: str) -> Iterable[str]:
    if dimension in _MULTI:
        values = tuple(dict.fromkeys(value for value in _MULTI[dimension](item) if value))
        return values or (UNKNOWN,)
    return (_SINGLE[dimension](item) or UNKNOWN,)


def _shown_order(row: Row) -> Tuple[float, str]:
    # Suppressed rows sort as one value between the shown counts and 0, then by key.
    return (-0.5 if row.suppressed else -row.count, row.key)


def count_by(items: Sequence[Item], dimension: str, threshold: int = DEFAULT_THRESHOLD) -> List[Row]:
    """Items per value of ``dimension`` (see :data:`DIMENSIONS`); missing values count as "unknown".

    Largest first, then by key ("month": chronological, "unknown" last); grounds and
    problems count an item once for each of its values.
    """
    check_threshold(threshold)
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}; use one of {', '.join(DIMENSIONS)}")
    counts: Counter = Counter()
    for item in items:
        counts.update(_keys(item, dimension))
    rows = [count_row(key, count, threshold) for key, count in counts.items()]
    if dimension == "month":
        return sorted(rows, key=lambda row: (row.key == UNKNOWN, row.key))
    return sorted(rows, key=_shown_order)


def over_time(items: Sequence[Item], months: Sequence[str], threshold: int = DEFAULT_THRESHOLD) -> Dict[str, List[Row]]:
    """Per kind, one row per month of ``months`` (0 when none); items of other months are left out."""
    check_threshold(threshold)
    counts: Counter = Counter((item.kind, item.month) for item in items)
    return {kind: [count_row(month, counts[(kind, month)], threshold) for month in months] for kind in KINDS}


def _part(part: int, whole: int, threshold: int) -> Tuple[str, bool, int]:
    """The part's display, whether it is exact, and the least the display allows it to be."""
    if part == 0:
        return "0", True, 0
    if whole < threshold:
        return f"<{threshold}", False, 1
    rest = whole - part
    if rest == 0 or (part >= threshold and rest >= threshold):
        return str(part), True, part
    if whole < 2 * threshold - 1:
        # Part or rest is small for every part here; ">1 of 6" would pin 5 of 6, so one text for all.
        return f"<{whole}", False, 1
    if part < threshold:
        return f"<{threshold}", False, 1
    return f">{whole - threshold}", False, whole - threshold + 1


def _percent(part: int, whole: int) -> str:
    percent = round(100 * part / whole)
    if percent == 0 and part:
        return "<1%"
    if percent == 100 and part != whole:
        return ">99%"
    return f"{percent}%"


def share_row(key: str, numerator: int, denominator: int, threshold: int = DEFAULT_THRESHOLD) -> ShareRow:
    """``numerator`` of ``denominator`` under the share rules of the module docstring."""
    check_threshold(threshold)
    if not 0 <= numerator <= denominator:
        raise ValueError(f"a share needs 0 <= part <= whole, not {numerator} of {denominator}")
    whole = suppress(denominator, threshold)
    part, exact, _ = _part(numerator, denominator, threshold)
    if denominator == 0:
        return ShareRow(key, numerator, denominator, NO_DATA, part, whole)
    if denominator < threshold:
        return ShareRow(key, numerator, denominator, whole, part, whole, suppressed=True)
    if not exact:
        return ShareRow(key, numerator, denominator, f"{part} of {whole}", part, whole, suppressed=True)
    share = numerator / denominator
    return ShareRow(key, numerator, denominator, _percent(numerator, denominator), part, whole, share=share)


def _shares(pairs: Dict[str, List[int]], threshold: int) -> List[ShareRow]:
    rows = [share_row(key, part, whole, threshold) for key, (part, whole) in pairs.items()]
    # Published shares highest first; the rest by key, so the order reveals no hidden count.
    return sorted(rows, key=lambda row: (row.share is None, -(row.share or 0.0), row.key))


def unhelpful_share(items: Sequence[Item], by: str, threshold: int = DEFAULT_THRESHOLD) -> List[ShareRow]:
    """Answers rated not helpful of all rated answers, per "language" or "topic"."""
    if by not in ("language", "topic"):
        raise ValueError(f"unhelpful answers are counted by language or topic, not {by!r}")
    pairs: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
    for item in items:
        if item.kind == "rating" and item.helpful is not None:
            counts = pairs[_SINGLE[by](item) or UNKNOWN]
            counts[0] += item.helpful is False
            counts[1] += 1
    return _shares(pairs, threshold)


def fallback_share(usage: Sequence[UsageRow], threshold: int = DEFAULT_THRESHOLD) -> List[ShareRow]:
    """Messages not understood of all messages, per language, summed over the months given."""
    pairs: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
    for row in usage:
        counts = pairs[row.language or UNKNOWN]
        counts[0] += row.fallbacks
        counts[1] += row.messages
    for counts in pairs.values():
        # The two counters are kept separately; never show more not understood than all.
        counts[0] = min(counts[0], counts[1])
    return _shares(pairs, threshold)


def _score(key: str, name: str, ratings: List[int], threshold: int) -> ServiceScore:
    negative = sum(1 for rating in ratings if rating <= 2)
    display, exact, _ = _part(negative, len(ratings), threshold)
    average = sum(ratings) / len(ratings) if exact and len(ratings) >= threshold else None
    return ServiceScore(
        key=key,
        name=name,
        negative=negative,
        total=len(ratings),
        display=display,
        total_display=suppress(len(ratings), threshold),
        average=average,
        average_display=NO_DATA if average is None else f"{average:.1f}",
        suppressed=not exact,
    )


def _score_order(score: ServiceScore, threshold: int) -> Tuple[int, bool, str]:
    # Only what is shown decides: the least the display allows (36 for ">35"), exact first, key.
    return (-_part(score.negative, score.total, threshold)[2], score.suppressed, score.key)


def worst_services(items: Sequence[Item], threshold: int = DEFAULT_THRESHOLD, limit: int = 10) -> List[ServiceScore]:
    """Directory services with the most feedback rated 1-2, at most ``limit``.

    Ordered by the least negative count each display allows (the count when exact, 36 for
    ">35", 1 for "<5"), most first, exact before hidden, then by key: a hidden count never
    decides the order, so "<5" services come last, in key order. Services with no negative
    feedback, and feedback about places not in the directory, are left out.
    """
    check_threshold(threshold)
    ratings: Dict[str, List[int]] = defaultdict(list)
    names: Dict[str, str] = {}
    for item in items:
        if item.kind == "feedback" and item.service_id and item.rating is not None:
            ratings[item.service_id].append(item.rating)
            names.setdefault(item.service_id, item.service_name or item.service_id)
    scores = [_score(key, names[key], values, threshold) for key, values in ratings.items()]
    ranked = sorted((score for score in scores if score.negative), key=lambda score: _score_order(score, threshold))
    return ranked[:limit]


def months_between(first: str, last: str) -> List[str]:
    """Every month from ``first`` to ``last`` ("YYYY-MM", both included); empty when last is earlier."""
    for month in (first, last):
        if not _MONTH.match(month or ""):
            raise ValueError(f"a month looks like 2026-11, not {month!r}")
    months = [first]
    while months[-1] < last:
        months.append(add_months(months[-1], 1))
    return months if first <= last else []


def dashboard(dataset: Dataset, threshold: int, months: Sequence[str]) -> Dashboard:
    """The dashboard's sections for the items and usage of ``months``."""
    check_threshold(threshold)
    wanted = set(months)
    items = [item for item in dataset.items if item.month in wanted]
    reports = [item for item in items if item.kind == "report"]
    return Dashboard(
        threshold=threshold,
        months=list(months),
        over_time=over_time(items, months, threshold),
        by_topic=count_by(items, "topic", threshold),
        by_service=count_by(items, "service", threshold),
        by_grounds=count_by(reports, "grounds", threshold),
        by_language=count_by(items, "language", threshold),
        by_district=count_by(items, "district", threshold),
        by_channel=count_by(items, "channel", threshold),
        by_status=count_by(reports, "status", threshold),
        unhelpful_by_language=unhelpful_share(items, "language", threshold),
        unhelpful_by_topic=unhelpful_share(items, "topic", threshold),
        fallback_by_language=fallback_share([row for row in dataset.usage if row.month in wanted], threshold),
        worst_services=worst_services(items, threshold),
        service_names={item.service_id: item.service_name for item in items if item.service_id and item.service_name},
    )
