"""CSV exports: every item field, formula injection guarded, suppressed numbers only."""

from __future__ import annotations

import csv
import io

import pytest

from bot.staff.aggregates import dashboard, months_between
from bot.staff.export import AGGREGATE_COLUMNS, BOM, ITEM_COLUMNS, aggregates_csv, items_csv, safe_cell
from bot.staff.items import Dataset, Item, UsageRow


def read(text: str):
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text[len(BOM) :], newline="")))


def test_items_csv_has_one_row_per_item_with_every_field():
    report = Item(
        kind="report", id="r1", month="2026-03", language="ar", channel="web", topic="housing", service_id="a",
        service_name="Housing office", district="Mitte", status="new", grounds=("race", "religion"),
        place_kind="office", text="He said \"no\",\nthen left", has_reply=True,
    )
    rating = Item(kind="rating", id="g1", month="2026-03", language="uk", channel="telegram", helpful=False,
                  missing_reason="unclear", text="Відповідь")
    feedback = Item(kind="feedback", id="f1", month="2026-02", language="de", channel="web", rating=2,
                    problems=("waiting", "language"))
    text = items_csv([report, rating, feedback])
    assert "\r\n" in text
    header, *rows = read(text)
    assert tuple(header) == ITEM_COLUMNS
    first = dict(zip(header, rows[0]))
    assert first["grounds"] == "race;religion" and first["has_reply"] == "true" and first["helpful"] == ""
    assert first["text"] == "He said \"no\",\nthen left" and first["rating"] == ""
    second = dict(zip(header, rows[1]))
    assert second["helpful"] == "false" and second["text"] == "Відповідь" and second["topic"] == ""
    third = dict(zip(header, rows[2]))
    assert third["rating"] == "2" and third["problems"] == "waiting;language" and third["has_reply"] == "false"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_a_spreadsheet_would_run_get_an_apostrophe(start):
    formula = start + "HYPERLINK(\"http://evil.example\",\"click\")"
    assert safe_cell(formula) == "'" + formula
    item = Item(kind="feedback", id="f", month="2026-01", language="en", channel="web", text=formula,
                service_name=start + "1+1")
    row = dict(zip(ITEM_COLUMNS, read(items_csv([item]))[1]))
    assert row["text"] == "'" + formula and row["service_name"] == "'" + start + "1+1"


def test_ordinary_cells_are_left_alone():
    for value, expected in (("fine", "fine"), ("a=b", "a=b"), (5, "5"), (None, ""), ("", "")):
        assert safe_cell(value) == expected


def test_the_bom_can_be_left_out():
    assert not items_csv([], bom=False).startswith(BOM)
    assert items_csv([], bom=False) == ",".join(ITEM_COLUMNS) + "\r\n"


def _board():
    months = months_between("2026-01", "2026-02")
    items = [Item(kind="report", id=f"r{n}", month="2026-01", language="en", channel="web", topic="housing")
             for n in range(7)]
    items += [Item(kind="report", id=f"s{n}", month="2026-02", language="fa", channel="web", topic="=1+1")
              for n in range(3)]
    items += [Item(kind="feedback", id=f"f{n}", month="2026-02", language="en", channel="web", service_id="a",
                   service_name="A", rating=1 if n < 2 else 5) for n in range(12)]
    usage = [UsageRow("2026-01", "en", 40, 2)]
    return dashboard(Dataset(items=items, usage=usage), 5, months)


def test_aggregates_csv_holds_display_texts_never_a_suppressed_count():
    header, *rows = read(aggregates_csv(_board()))
    assert tuple(header) == AGGREGATE_COLUMNS
    table = {(section, key): value for section, key, value in rows}
    assert table[("meta", "threshold")] == "5"
    assert table[("over_time.report", "2026-01")] == "7"
    assert table[("over_time.report", "2026-02")] == "<5"
    assert table[("topic", "housing")] == "7"
    assert table[("topic", "'=1+1")] == "<5"
    assert table[("language", "fa")] == "<5"
    assert table[("fallback_by_language", "en")] == "<5 of 40"
    assert table[("fallback_by_language.denominator", "en")] == "40"
    assert table[("worst_services.negative", "a")] == "<5"
    assert table[("worst_services.feedback", "a")] == "12"
    assert table[("worst_services.average", "a")] == "—"
    assert table[("status", "unknown")] == "10"
    for (section, key), value in table.items():
        assert value not in {"1", "2", "3", "4"}, (section, key, value)
