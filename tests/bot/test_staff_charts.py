"""SVG charts: accessible, escaped, mirrored for right-to-left, and silent about hidden counts."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from markupsafe import Markup

from bot.staff.aggregates import count_row, share_row
from bot.staff.charts import BAR_COLOUR, LABEL_WIDTH, STUB, TEXT_COLOUR, WIDTH, bar_chart, column_chart

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: Markup) -> ET.Element:
    return ET.fromstring(str(svg))


def rows(*counts, threshold=5):
    return [count_row(f"k{index}", count, threshold) for index, count in enumerate(counts)]


def bars(root: ET.Element):
    return [rect for rect in root.iter(f"{SVG}rect") if "chart-bar" in rect.get("class", "")]


@pytest.mark.parametrize("chart", [bar_chart, column_chart])
def test_charts_are_named_described_images_that_scale(chart):
    svg = chart(rows(12, 7), "Reports by topic", chart_id="topics")
    assert isinstance(svg, Markup)
    root = parse(svg)
    assert root.get("role") == "img" and root.get("width") == "100%"
    assert root.get("viewBox").startswith(f"0 0 {WIDTH} ")
    assert root.get("aria-labelledby") == "topics-title topics-desc"
    assert root.find(f"{SVG}title").get("id") == "topics-title"
    assert root.find(f"{SVG}title").text == "Reports by topic"
    assert root.find(f"{SVG}desc").text == "k0: 12; k1: 7"
    assert "chart" in root.get("class")


@pytest.mark.parametrize("chart", [bar_chart, column_chart])
def test_ids_are_unique_per_chart_and_checked(chart):
    first, second = parse(chart(rows(5), "A")), parse(chart(rows(5), "A"))
    assert first.find(f"{SVG}title").get("id") != second.find(f"{SVG}title").get("id")
    with pytest.raises(ValueError):
        chart(rows(5), "A", chart_id='x" onload="alert(1)')


@pytest.mark.parametrize("chart", [bar_chart, column_chart])
def test_all_text_is_escaped(chart):
    evil = "<script>alert(1)</script>"
    svg = str(chart([count_row(evil, 9, 5)], evil, label=lambda key: key + "&", chart_id="c"))
    assert "<script>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    root = parse(Markup(svg))
    assert root.find(f"{SVG}title").text == evil
    assert evil + "&" in root.find(f"{SVG}desc").text


def test_labels_already_markup_are_not_escaped_twice_and_long_ones_are_cut():
    svg = str(bar_chart(rows(9), "T", label=lambda key: Markup("Caf&eacute; &amp; co"), chart_id="c"))
    assert "&amp;amp;" not in svg
    long_label = "A very long service name that does not fit the label column"
    root = parse(bar_chart(rows(9), "T", label=lambda key: long_label, chart_id="c"))
    label = next(text for text in root.iter(f"{SVG}text") if text.get("class") == "chart-label")
    assert label.text.endswith("…") and len(label.text) < len(long_label)
    assert long_label in root.find(f"{SVG}desc").text


@pytest.mark.parametrize("chart", [bar_chart, column_chart])
def test_a_suppressed_row_looks_the_same_whatever_its_count(chart):
    one = chart(rows(20, 1, 7), "T", chart_id="c")
    four = chart(rows(20, 4, 7), "T", chart_id="c")
    assert one == four
    root = parse(one)
    stub = [rect for rect in bars(root) if "chart-bar--suppressed" in rect.get("class")]
    assert len(stub) == 1 and "hatch" in stub[0].get("fill")
    assert STUB in (float(stub[0].get("width")), float(stub[0].get("height")))
    assert "<5" in [text.text for text in root.iter(f"{SVG}text")]
    assert "k1: <5" in root.find(f"{SVG}desc").text


def test_hidden_values_do_not_set_the_scale():
    # 38 of 40 (95%) is hidden as ">35 of 40"; the 50% shown must still be a full bar.
    shares = [share_row("ar", 20, 40, 5), share_row("de", 38, 40, 5)]
    shown_only = parse(bar_chart(shares[:1], "T", chart_id="c"))
    both = parse(bar_chart(shares, "T", chart_id="c"))
    assert bars(both)[0].get("width") == bars(shown_only)[0].get("width") == str(WIDTH - LABEL_WIDTH - 90)
    assert "suppressed" in bars(both)[1].get("class")
    everything_hidden = parse(bar_chart(rows(10, 4, threshold=50), "T", chart_id="c"))
    assert all("suppressed" in rect.get("class") for rect in bars(everything_hidden))


def test_bars_are_proportional_and_zero_draws_nothing():
    root = parse(bar_chart(rows(10, 5, 0), "T", chart_id="c"))
    widths = [float(rect.get("width")) for rect in bars(root)]
    assert len(widths) == 2 and widths[1] == pytest.approx(widths[0] / 2)
    assert [text.text for text in root.iter(f"{SVG}text") if text.get("class") == "chart-value"] == ["10", "5", "0"]


def test_shares_scale_to_a_given_maximum():
    shares = [share_row("ar", 20, 40, 5), share_row("de", 2, 40, 5)]
    root = parse(bar_chart(shares, "Unhelpful", max_value=100, chart_id="c"))
    drawn = bars(root)
    assert "suppressed" in drawn[1].get("class")
    assert float(drawn[0].get("width")) == pytest.approx((WIDTH - LABEL_WIDTH - 90) / 2)
    assert "de: &lt;5 of 40" in str(bar_chart(shares, "Unhelpful", chart_id="c"))


def test_rtl_mirrors_the_bars_and_the_text():
    ltr = parse(bar_chart(rows(10, 5), "T", chart_id="c"))
    rtl = parse(bar_chart(rows(10, 5), "T", chart_id="c", rtl=True))
    assert rtl.get("direction") == "rtl" and ltr.get("direction") is None
    for left, right in zip(bars(ltr), bars(rtl)):
        width = float(left.get("width"))
        assert float(left.get("x")) == LABEL_WIDTH
        assert float(right.get("x")) + width == pytest.approx(WIDTH - LABEL_WIDTH)
    for left, right in zip(ltr.iter(f"{SVG}text"), rtl.iter(f"{SVG}text")):
        assert float(right.get("x")) == pytest.approx(WIDTH - float(left.get("x")))
    left_columns = bars(parse(column_chart(rows(10, 5), "T", chart_id="c")))
    right_columns = bars(parse(column_chart(rows(10, 5), "T", chart_id="c", rtl=True)))
    assert float(left_columns[0].get("x")) < float(left_columns[1].get("x"))
    assert float(right_columns[0].get("x")) > float(right_columns[1].get("x"))


@pytest.mark.parametrize("chart", [bar_chart, column_chart])
def test_no_rows_say_so_in_the_callers_words(chart):
    root = parse(chart([], "Über Zeit", no_data="Keine Daten", chart_id="c"))
    assert root.get("role") == "img"
    assert [text.text for text in root.iter(f"{SVG}text")][-1] == "Keine Daten"
    assert root.find(f"{SVG}desc").text == "Keine Daten"


def test_many_months_get_every_nth_label_but_every_column():
    months = [count_row(f"2025-{month:02d}", 6, 5) for month in range(1, 13)]
    months += [count_row(f"2026-{month:02d}", 6, 5) for month in range(1, 13)]
    root = parse(column_chart(months, "Over time", chart_id="c"))
    labels = [text.text for text in root.iter(f"{SVG}text") if text.get("class") == "chart-label"]
    assert len(bars(root)) == 24 and labels == [row.key for row in months[::2]]


def _luminance(colour: str) -> float:
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_colours_contrast_with_a_white_page():
    for colour, needed in ((TEXT_COLOUR, 4.5), (BAR_COLOUR, 4.5)):
        assert (1.05) / (_luminance(colour) + 0.05) >= needed
