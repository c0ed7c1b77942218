"""Charts as server-rendered SVG (no JavaScript) for the dashboards and the public page.

A chart tells nothing its numbers do not: a suppressed row gets the same short hatched stub
and its display text ("<5") whatever its hidden count, and the scale comes from the shown
rows alone. Every chart is an ``<svg role="img">`` named by its ``<title>`` and described,
row by row, by its ``<desc>``; all text is escaped. The viewBox is fixed and the width 100%,
so a chart scales to a phone or tablet; colours are attributes (dark enough on white for
WCAG AA) that CSS can override through the ``chart-*`` classes. ``rtl=True`` mirrors the
layout for right-to-left languages; the SVG ``direction`` then flips what text-anchor
"start" and "end" mean, so the anchors stay as they are and only positions move.

Rows are anything with ``key``, ``display``, ``suppressed`` and ``value`` (``None`` when not
shown): :class:`bot.staff.aggregates.Row`, ``ShareRow`` and ``ServiceScore``.
"""

from __future__ import annotations

import math
import re
import uuid
from typing import Callable, List, Optional, Protocol, Sequence

from markupsafe import Markup, escape

WIDTH = 600
TOP = 34  # room for the visible title
ROW_HEIGHT = 28
LABEL_WIDTH = 190
VALUE_SPACE = 90
STUB = 10  # the fixed length drawn for any suppressed row
PLOT_HEIGHT = 160
AXIS_HEIGHT = 24
MAX_LABEL = 28
MAX_COLUMN_LABELS = 12
BAR_COLOUR = "#1f5f99"
TEXT_COLOUR = "#1a1a1a"
STUB_COLOUR = "#4d4d4d"
_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,63}$")


class ChartRow(Protocol):
    """What a chart needs of a row."""

    key: str
    display: str
    suppressed: bool

    @property
    def value(self) -> Optional[float]:
        """The length to draw, or ``None`` when the number is not shown."""


Label = Callable[[str], str]


def _same(key: str) -> str:
    return key


def _new_id(chart_id: Optional[str]) -> str:
    if chart_id is None:
        return f"chart-{uuid.uuid4().hex[:12]}"
    if not _ID.match(chart_id):
        raise ValueError(f"a chart id starts with a letter and holds only letters, digits, - and _: {chart_id!r}")
    return chart_id


def _short(text: str) -> Markup:
    """Escaped label text, cut to :data:`MAX_LABEL` characters."""
    plain = text.unescape() if isinstance(text, Markup) else str(text)
    return escape(plain if len(plain) <= MAX_LABEL else plain[: MAX_LABEL - 1] + "…")


def _describe(rows: Sequence[ChartRow], label: Label) -> Markup:
    return Markup("; ").join(Markup("{}: {}").format(label(row.key), row.display) for row in rows)


def _scale(rows: Sequence[ChartRow], max_value: Optional[float]) -> float:
    shown = [row.value for row in rows if row.value is not None and not row.suppressed]
    return max_value or max(shown, default=0.0) or 1.0


def _open(chart_id: str, height: int, title: str, desc: Markup, rtl: bool, kind: str) -> Markup:
    direction = ' direction="rtl"' if rtl else ""
    title_x = WIDTH - 4 if rtl else 4
    return Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart chart--{kind}" role="img" width="100%"'
        ' viewBox="0 0 {width} {height}" aria-labelledby="{id}-title {id}-desc"'
        ' font-family="sans-serif" font-size="13" fill="{text}"{direction}>'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        '<defs><pattern id="{id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse"'
        ' patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="{stub}" stroke-width="3"/></pattern></defs>'
        '<text class="chart-title" x="{title_x}" y="20" font-weight="bold">{title}</text>'
    ).format(
        kind=kind, width=WIDTH, height=height, id=chart_id, text=TEXT_COLOUR, direction=Markup(direction),
        title=title, desc=desc, stub=STUB_COLOUR, title_x=title_x,
    )


def _rect(css: str, x: float, y: float, width: float, height: float, fill: str) -> Markup:
    return Markup('<rect class="{css}" x="{x}" y="{y}" width="{w}" height="{h}" fill="{fill}"{stroke}/>').format(
        css=css, x=_num(x), y=_num(y), w=_num(width), h=_num(height), fill=fill,
        stroke=Markup(f' stroke="{STUB_COLOUR}"') if "suppressed" in css else "",
    )


def _text(css: str, x: float, y: float, anchor: str, content: str, size: int = 13) -> Markup:
    template = Markup('<text class="{css}" x="{x}" y="{y}" text-anchor="{anchor}" font-size="{size}">{content}</text>')
    return template.format(css=css, x=_num(x), y=_num(y), anchor=anchor, size=size, content=content)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _empty(chart_id: str, title: str, no_data: str, rtl: bool) -> Markup:
    x = WIDTH - 4 if rtl else 4
    body = _text("chart-empty", x, 56, "start", no_data)
    return _open(chart_id, 70, title, escape(no_data), rtl, "empty") + body + Markup("</svg>")


def _length(row: ChartRow, scale: float, room: float) -> float:
    if row.suppressed:
        return STUB
    if not row.value:
        return 0.0
    return max(row.value / scale * room, 1.0)


def _bar(chart_id: str, row: ChartRow, index: int, length: float, label: Label, rtl: bool) -> Markup:
    top = TOP + index * ROW_HEIGHT

    def x(at: float, width: float = 0.0) -> float:
        return WIDTH - at - width if rtl else at

    parts: List[Markup] = [_text("chart-label", x(LABEL_WIDTH - 8), top + 19, "end", _short(label(row.key)))]
    if row.suppressed:
        fill = f"url(#{chart_id}-hatch)"
        parts.append(_rect("chart-bar chart-bar--suppressed", x(LABEL_WIDTH, STUB), top + 5, STUB, 18, fill))
    elif length:
        parts.append(_rect("chart-bar", x(LABEL_WIDTH, length), top + 5, length, 18, BAR_COLOUR))
    parts.append(_text("chart-value", x(LABEL_WIDTH + length + 6), top + 19, "start", row.display))
    return Markup('<g class="chart-row">{}</g>').format(Markup("").join(parts))


def bar_chart(
    rows: Sequence[ChartRow],
    title: str,
    *,
    label: Label = _same,
    rtl: bool = False,
    no_data: str = "No data",
    chart_id: Optional[str] = None,
    max_value: Optional[float] = None,
    desc: Optional[str] = None,
) -> Markup:
    """Horizontal bars, one per row, each with its label and its (suppressed) display text.

    Args:
        rows: the rows in the order drawn.
        title: the chart's accessible name, also shown above it.
        label: turns a key into the text shown (e.g. a translated topic name).
        rtl: mirror the layout for right-to-left languages.
        no_data: the text shown instead of a chart when there are no rows.
        chart_id: the prefix of the ids inside the SVG; unique per page (random when not given).
        max_value: the value of a full-length bar (e.g. 100 for shares); else the largest shown.
        desc: the description read by screen readers; else every row as "label: display".
    """
    chart_id = _new_id(chart_id)
    if not rows:
        return _empty(chart_id, title, no_data, rtl)
    scale = _scale(rows, max_value)
    room = WIDTH - LABEL_WIDTH - VALUE_SPACE
    height = TOP + len(rows) * ROW_HEIGHT + 8
    bars = [_bar(chart_id, row, index, _length(row, scale, room), label, rtl) for index, row in enumerate(rows)]
    description = escape(desc) if desc is not None else _describe(rows, label)
    return _open(chart_id, height, title, description, rtl, "bars") + Markup("").join(bars) + Markup("</svg>")


def _column_x(index: int, slot: float, rtl: bool) -> float:
    """The left edge of column ``index``: columns fill 70% of their slot."""
    left = 8 + index * slot + slot * 0.15
    return WIDTH - left - slot * 0.7 if rtl else left


def _column(chart_id: str, row: ChartRow, at: float, width: float, length: float, caption: Optional[Markup]) -> Markup:
    base = TOP + 14 + PLOT_HEIGHT
    centre = at + width / 2
    parts: List[Markup] = []
    if row.suppressed:
        parts.append(_rect("chart-bar chart-bar--suppressed", at, base - STUB, width, STUB, f"url(#{chart_id}-hatch)"))
    elif length:
        parts.append(_rect("chart-bar", at, base - length, width, length, BAR_COLOUR))
    parts.append(_text("chart-value", centre, base - length - 4, "middle", row.display, size=10))
    if caption is not None:
        parts.append(_text("chart-label", centre, base + 16, "middle", caption, size=11))
    return Markup('<g class="chart-row">{}</g>').format(Markup("").join(parts))


def column_chart(
    rows: Sequence[ChartRow],
    title: str,
    *,
    label: Label = _same,
    rtl: bool = False,
    no_data: str = "No data",
    chart_id: Optional[str] = None,
    max_value: Optional[float] = None,
    desc: Optional[str] = None,
) -> Markup:
    """Vertical columns in row order (counts over months); arguments as for :func:`bar_chart`.

    With more than :data:`MAX_COLUMN_LABELS` columns only every n-th is labelled.
    """
    chart_id = _new_id(chart_id)
    if not rows:
        return _empty(chart_id, title, no_data, rtl)
    scale = _scale(rows, max_value)
    slot = (WIDTH - 16) / len(rows)
    every = math.ceil(len(rows) / MAX_COLUMN_LABELS)
    columns = [
        _column(
            chart_id, row, _column_x(index, slot, rtl), slot * 0.7, _length(row, scale, PLOT_HEIGHT),
            _short(label(row.key)) if index % every == 0 else None,
        )
        for index, row in enumerate(rows)
    ]
    height = TOP + 14 + PLOT_HEIGHT + AXIS_HEIGHT
    description = escape(desc) if desc is not None else _describe(rows, label)
    return _open(chart_id, height, title, description, rtl, "columns") + Markup("").join(columns) + Markup("</svg>")
