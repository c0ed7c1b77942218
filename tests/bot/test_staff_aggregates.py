"""Dashboard counts, shares and rankings, and that no suppressed count can be worked out."""

from __future__ import annotations

import itertools
from typing import List

import pytest

from bot.staff import aggregates
from bot.staff.aggregates import (
    HIDDEN,
    NO_DATA,
    count_by,
    dashboard,
    fallback_share,
    months_between,
    over_time,
    share_row,
    suppress,
    total_row,
    unhelpful_share,
    worst_services,
)
from bot.staff.items import Dataset, Item, UsageRow

_ids = itertools.count()


def item(kind: str = "report", **fields) -> Item:
    """An item with made-up defaults; keyword arguments override fields."""
    values = {"id": f"id-{next(_ids)}", "month": "2026-03", "language": "en", "channel": "web"}
    values.update(fields)
    return Item(kind=kind, **values)


def many(count: int, kind: str = "report", **fields) -> List[Item]:
    return [item(kind, **fields) for _ in range(count)]


def rating(helpful: bool, **fields) -> Item:
    return item("rating", helpful=helpful, **fields)


def feedback(service: str, score: int, **fields) -> Item:
    return item("feedback", service_id=service, service_name=f"Service {service}", rating=score, **fields)


@pytest.mark.parametrize(
    ("count", "threshold", "shown"),
    [(0, 5, "0"), (1, 5, "<5"), (4, 5, "<5"), (5, 5, "5"), (6, 5, "6"), (9, 10, "<10"), (10, 10, "10"), (3, 1, "3")],
)
def test_suppression_boundaries(count, threshold, shown):
    assert suppress(count, threshold) == shown
    assert aggregates.count_row("k", count, threshold).suppressed is (shown != str(count))


def test_bad_thresholds_and_counts_are_refused():
    for threshold in (0, -1, True, 2.5):
        with pytest.raises(ValueError, match="threshold"):
            suppress(1, threshold)
    with pytest.raises(ValueError, match="negative"):
        suppress(-1, 5)


def test_count_by_orders_largest_first_then_key_and_suppresses():
    items = many(7, topic="housing") + many(5, topic="health") + many(5, topic="education") + many(2, topic="legal")
    rows = count_by(items, "topic", 5)
    assert [(row.key, row.display) for row in rows] == [
        ("housing", "7"), ("education", "5"), ("health", "5"), ("legal", "<5"),
    ]
    assert rows[-1].suppressed and rows[-1].value is None and rows[0].value == 7


def test_suppressed_rows_are_ordered_by_key_not_by_their_hidden_counts():
    items = many(1, topic="a") + many(4, topic="b") + many(3, topic="c") + many(6, topic="z")
    assert [row.key for row in count_by(items, "topic", 5)] == ["z", "a", "b", "c"]
    swapped = many(4, topic="a") + many(1, topic="b") + many(3, topic="c") + many(6, topic="z")
    assert [row.key for row in count_by(swapped, "topic", 5)] == ["z", "a", "b", "c"]


def test_missing_values_count_as_unknown():
    items = [item(topic=None, district="", service_id=None), item(topic="health", district="Mitte", service_id="a")]
    for dimension in ("topic", "district", "service", "status", "place_kind"):
        keys = {row.key for row in count_by(items, dimension, 1)}
        assert "unknown" in keys, dimension


def test_grounds_count_an_item_once_per_ground_and_empty_as_unknown():
    items = many(5, grounds=("race", "religion")) + many(5, grounds=("race",)) + [item(grounds=("race", "race"))]
    items += many(2, grounds=())
    rows = {row.key: row.display for row in count_by(items, "grounds", 5)}
    assert rows == {"race": "11", "religion": "5", "unknown": "<5"}
    problems = count_by([item("feedback", problems=("waiting", "language"))] * 5, "problems", 5)
    assert {row.key: row.count for row in problems} == {"language": 5, "waiting": 5}


def test_months_are_chronological_with_unknown_last_and_bad_dimensions_refused():
    items = many(5, month="2026-11") + many(6, month="2025-12") + many(9, month="2026-01") + many(1, month="")
    assert [row.key for row in count_by(items, "month", 5)] == ["2025-12", "2026-01", "2026-11", "unknown"]
    with pytest.raises(ValueError, match="dimension"):
        count_by([], "colour", 5)


def test_over_time_fills_missing_months_with_zero_and_leaves_out_others():
    months = months_between("2025-11", "2026-02")
    assert months == ["2025-11", "2025-12", "2026-01", "2026-02"]
    items = many(6, month="2025-12") + many(2, "rating", month="2026-02") + many(3, month="2027-01")
    table = over_time(items, months, 5)
    assert set(table) == {"report", "feedback", "rating"}
    assert [row.display for row in table["report"]] == ["0", "6", "0", "0"]
    assert [row.display for row in table["rating"]] == ["0", "0", "0", "<5"]
    assert [row.key for row in table["feedback"]] == months


def test_months_between_edges():
    assert months_between("2026-05", "2026-05") == ["2026-05"]
    assert months_between("2026-05", "2026-04") == []
    with pytest.raises(ValueError, match="2026-11"):
        months_between("2026-13", "2027-01")


@pytest.mark.parametrize(
    ("numerator", "denominator", "display", "share"),
    [
        (0, 0, NO_DATA, None),  # nothing to divide
        (0, 3, "<5", None),  # whole too small: not even "0%"
        (3, 4, "<5", None),
        (0, 40, "0%", 0.0),
        (1, 40, "<5 of 40", None),
        (4, 40, "<5 of 40", None),
        (5, 40, "12%", 5 / 40),
        (36, 40, ">35 of 40", None),  # the rest (4) would follow from an exact 36
        (35, 40, "88%", 35 / 40),
        (40, 40, "100%", 1.0),
        (5, 9, ">4 of 9", None),
        (4, 9, "<5 of 9", None),
        (3, 6, "<6 of 6", None),  # from 5 to 8, part or rest is always small
        (5, 6, "<6 of 6", None),  # ">1 of 6" could only mean 5
        (5, 2000, "<1%", 5 / 2000),
        (1995, 2000, ">99%", 1995 / 2000),
    ],
)
def test_share_rules(numerator, denominator, display, share):
    row = share_row("k", numerator, denominator, 5)
    assert row.display == display
    assert row.share == share
    assert row.suppressed is (share is None and denominator > 0)


def test_share_parts_for_pages_that_word_it_themselves():
    row = share_row("ar", 2, 40, 5)
    assert (row.numerator_display, row.denominator_display) == ("<5", "40")
    row = share_row("ar", 38, 40, 5)
    assert (row.numerator_display, row.denominator_display) == (">35", "40")
    assert share_row("ar", 2, 3, 5).denominator_display == "<5"
    with pytest.raises(ValueError):
        share_row("ar", 5, 4, 5)


@pytest.mark.parametrize("threshold", [3, 5, 10])
def test_no_small_part_or_rest_can_be_worked_out_from_a_share(threshold):
    def shown(numerator, denominator):
        row = share_row("k", numerator, denominator, threshold)
        return row.display, row.numerator_display, row.denominator_display

    for denominator in range(0, 4 * threshold):
        for numerator in range(denominator + 1):
            row = share_row("k", numerator, denominator, threshold)
            rest = denominator - numerator
            if row.share is not None:
                assert numerator in (0,) or numerator >= threshold, (numerator, denominator)
                assert rest in (0,) or rest >= threshold, (numerator, denominator)
                continue
            # Everything that looks the same, the whole included when it is hidden too.
            wholes = range(1, threshold) if denominator < threshold else [denominator]
            alike = {(n, d) for d in wholes for n in range(d + 1) if shown(n, d) == shown(numerator, denominator)}
            if 0 < numerator < threshold:
                assert len({n for n, _ in alike}) > 1, (numerator, denominator)
            if 0 < rest < threshold:
                assert len({d - n for n, d in alike}) > 1, (numerator, denominator)


def test_unhelpful_share_per_language_and_topic():
    items = [rating(False, language="ar", topic="health")] * 3 + [rating(True, language="ar", topic="health")] * 9
    items += [rating(False, language="de", topic="housing")] * 6 + [rating(True, language="de", topic=None)] * 6
    items += [rating(True, language="fa")] * 2 + [item("feedback", language="fa", rating=1)]
    by_language = {row.key: row.display for row in unhelpful_share(items, "language", 5)}
    assert by_language == {"de": "50%", "ar": "<5 of 12", "fa": "<5"}
    assert [row.key for row in unhelpful_share(items, "language", 5)] == ["de", "ar", "fa"]
    by_topic = {row.key: row for row in unhelpful_share(items, "topic", 5)}
    assert by_topic["housing"].display == "100%"
    assert by_topic["unknown"].denominator == 8 and by_topic["unknown"].display == "0%"
    with pytest.raises(ValueError):
        unhelpful_share(items, "channel", 5)


def test_fallback_share_sums_months_per_language():
    usage = [UsageRow("2026-01", "en", 100, 10), UsageRow("2026-02", "en", 100, 30), UsageRow("2026-01", "uk", 20, 3)]
    usage.append(UsageRow("2026-01", "tr", 0, 0))
    rows = {row.key: row for row in fallback_share(usage, 5)}
    assert rows["en"].display == "20%" and rows["en"].share == 0.2
    assert rows["uk"].display == "<5 of 20"
    assert rows["tr"].display == NO_DATA and not rows["tr"].suppressed


def test_worst_services_rank_shown_counts_first_then_hidden_ones_by_key():
    items = [feedback("a", 1)] * 6 + [feedback("a", 5)] * 6  # 6 negative of 12
    items += [feedback("b", 2)] * 9 + [feedback("b", 4)] * 9  # 9 of 18
    items += [feedback("d", 1)] * 4 + [feedback("d", 5)] * 20  # 4: hidden
    items += [feedback("c", 1)] * 1 + [feedback("c", 3)] * 2  # 1 of 3: hidden, total too
    items += [feedback("e", 5)] * 10 + [feedback(None, 1)] * 7  # no negatives; not in the directory
    items += [feedback("f", 1)] * 12 + [feedback("f", 4)] * 2  # 12 of 14: shown as ">9", ranked as 10
    scores = worst_services(items, 5)
    assert [score.key for score in scores] == ["f", "b", "a", "c", "d"]
    f, b, a, c, d = scores
    assert (f.display, f.average, f.suppressed) == (">9", None, True)
    assert (b.display, b.total_display, b.average_display) == ("9", "18", "3.0")
    assert a.name == "Service a" and a.average == 3.0
    assert (c.display, c.total_display, c.average, c.average_display) == ("<5", "<5", None, NO_DATA)
    assert (d.display, d.total_display, d.average) == ("<5", "24", None)
    assert d.suppressed and d.value is None and b.value == 9
    assert [score.key for score in worst_services(items, 5, limit=2)] == ["f", "b"]


def test_worst_services_hide_the_average_when_it_would_pin_a_hidden_count():
    # Five ratings averaging 4.2 can hold only one rating of 1-2.
    items = [feedback("a", 1)] + [feedback("a", 5)] * 4
    (score,) = worst_services(items, 5)
    assert score.display == "<5" and score.total_display == "5" and score.average is None
    # 38 negative of 40: the exact 38 would give away the 2 others, and so would the average.
    items = [feedback("b", 1)] * 38 + [feedback("b", 5)] * 2
    (score,) = worst_services(items, 5)
    assert score.display == ">35" and score.average is None and score.suppressed


def test_a_total_is_hidden_whenever_a_row_beside_it_is_suppressed():
    shown = count_by(many(6, topic="a") + many(7, topic="b"), "topic", 5)
    assert total_row(shown, 13, 5).display == "13"
    one_hidden = count_by(many(6, topic="a") + many(3, topic="b"), "topic", 5)
    assert total_row(one_hidden, 9, 5).display == HIDDEN
    # Two hidden rows of 1: a shown total (7) minus the 5 would give both away.
    two_hidden = count_by(many(5, topic="a") + many(1, topic="b") + many(1, topic="c"), "topic", 5)
    total = total_row(two_hidden, 7, 5)
    assert total.display == HIDDEN and total.suppressed and "7" not in total.display
    assert total_row(count_by(many(3), "topic", 5), 3, 5).display == HIDDEN
    assert total_row([], 0, 5).display == "0"


def test_dashboard_counts_the_same_items_everywhere():
    months = months_between("2026-01", "2026-03")
    items = many(6, month="2026-01", topic="housing", grounds=("race",), status="new", district="Mitte")
    items += many(2, month="2026-02", topic="health", grounds=("religion",), status="closed")
    items += [feedback("a", 1, month="2026-03")] * 5 + [rating(False, month="2026-03")] * 5
    items += many(9, month="2025-12", topic="education")  # outside the months
    usage = [UsageRow("2026-01", "en", 50, 5), UsageRow("2025-01", "en", 999, 999)]
    board = dashboard(Dataset(items=items, usage=usage), 5, months)
    assert board.threshold == 5 and board.months == months
    assert [row.display for row in board.over_time["report"]] == ["6", "<5", "0"]
    assert {row.key: row.display for row in board.by_topic} == {"housing": "6", "unknown": "10", "health": "<5"}
    assert {row.key: row.display for row in board.by_grounds} == {"race": "6", "religion": "<5"}
    assert {row.key: row.display for row in board.by_status} == {"new": "6", "closed": "<5"}
    assert {row.key for row in board.by_district} == {"Mitte", "unknown"}
    assert {row.key: row.display for row in board.by_channel} == {"web": "18"}
    assert board.by_service[0].key == "unknown" and board.service_names == {"a": "Service a"}
    assert board.unhelpful_by_language[0].display == "100%"
    assert board.fallback_by_language[0].display == "10%"
    assert [score.key for score in board.worst_services] == ["a"]
    assert [row.key for row in board.by_language] == ["en"]
