"""The dashboard (charts and tables, small counts suppressed) and the CSV export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, List, Sequence

from flask import Blueprint, Response, render_template, request
from markupsafe import Markup

from bot.staff import aggregates, charts, export, usage
from bot.staff.items import Dataset, Filters, apply, load_items
from bot.submissions import add_months, month_of
from bot.web.staff_auth import requires
from bot.web.staff_console import Console, filter_options, filters_summary

MONTHS_SHOWN = 12
OVER_TIME_TITLES = {
    "report": "Discrimination reports per month",
    "feedback": "Feedback on services per month",
    "rating": "Answer ratings per month",
}


@dataclass(frozen=True)
class Section:
    """One block of the dashboard: a chart and the same numbers as a table."""

    id: str
    title: str
    chart: Markup
    rows: List[tuple]  # (label, shown value, extra text)


def months_for(filters: Filters, today: date) -> List[str]:
    """The month filtered on, else the last twelve months."""
    if filters.month:
        return [filters.month]
    this_month = month_of(today)
    return aggregates.months_between(add_months(this_month, -(MONTHS_SHOWN - 1)), this_month)


def sections(board: aggregates.Dashboard, label: Callable[[str, str], str]) -> List[Section]:
    """The dashboard's blocks, in reading order."""

    def counts(section_id: str, title: str, dimension: str, rows: Sequence[aggregates.Row]) -> Section:
        def name(key: str) -> str:
            return label(dimension, key)

        chart = charts.bar_chart(rows, title, label=name, chart_id=f"chart-{section_id}")
        return Section(section_id, title, chart, [(name(row.key), row.display, "") for row in rows])

    def shares(section_id: str, title: str, dimension: str, rows: Sequence[aggregates.ShareRow]) -> Section:
        def name(key: str) -> str:
            return label(dimension, key)

        chart = charts.bar_chart(rows, title, label=name, chart_id=f"chart-{section_id}", max_value=100)
        return Section(section_id, title, chart,
                       [(name(row.key), row.display, f"of {row.denominator_display}") for row in rows])

    over_time = [
        Section(
            f"over-time-{kind}",
            OVER_TIME_TITLES.get(kind, kind),
            charts.column_chart(rows, OVER_TIME_TITLES.get(kind, kind), label=lambda key: key,
                                chart_id=f"chart-over-time-{kind}"),
            [(label("month", row.key), row.display, "") for row in rows],
        )
        for kind, rows in board.over_time.items()
    ]
    worst = Section(
        "worst-services",
        "Services with the most negative feedback (rated 1 or 2)",
        charts.bar_chart(board.worst_services, "Services with the most negative feedback",
                         label=lambda key: label("service", key), chart_id="chart-worst-services"),
        [(label("service", s.key), s.display, f"of {s.total_display} ratings, average {s.average_display}")
         for s in board.worst_services],
    )
    return over_time + [
        counts("topic", "By topic", "topic", board.by_topic),
        counts("service", "By service", "service", board.by_service),
        counts("grounds", "Reports by grounds", "grounds", board.by_grounds),
        counts("language", "By language", "language", board.by_language),
        counts("district", "By district", "district", board.by_district),
        counts("channel", "By channel", "channel", board.by_channel),
        counts("status", "Reports by status", "status", board.by_status),
        shares("unhelpful-language", "Answers rated unhelpful, by language (%)", "language",
               board.unhelpful_by_language),
        shares("unhelpful-topic", "Answers rated unhelpful, by topic (%)", "topic", board.unhelpful_by_topic),
        shares("fallback-language", "Messages not understood, by language (%)", "language",
               board.fallback_by_language),
        worst,
    ]


def register(staff: Blueprint, console: Console) -> None:
    """Adds ``/staff/dashboard`` and ``/staff/export.csv`` to the ``staff`` blueprint."""
    engine = console.engine

    def filtered():
        filters, errors = Filters.from_args(request.args)
        services = console.services()
        every = load_items(engine, services)
        return filters, errors, services, every, apply(every, filters)

    def board_for(filters: Filters, items) -> aggregates.Dashboard:
        usage_rows = usage.read(engine) if not filters.language else [
            row for row in usage.read(engine) if row.language == filters.language
        ]
        return aggregates.dashboard(Dataset(items, usage_rows), console.threshold, months_for(filters, date.today()))

    @staff.get("/dashboard")
    @requires()
    def dashboard():
        filters, errors, services, every, items = filtered()
        board = board_for(filters, items)
        label = console.label(services)
        console.audit("dashboard.view", detail=filters_summary(filters))
        return render_template(
            "staff/dashboard.html",
            sections=sections(board, label),
            board=board,
            filters=filters,
            errors=errors,
            options=filter_options(every, services, label, console.languages),
        )

    @staff.get("/export.csv")
    @requires()
    def export_csv():
        filters, _, _, _, items = filtered()
        what = "aggregates" if request.args.get("what") == "aggregates" else "items"
        if what == "aggregates":
            body = export.aggregates_csv(board_for(filters, items))
        else:
            body = export.items_csv(items)
        console.audit(f"export.{what}", detail=filters_summary(filters))
        filename = f"openwelcome-{what}-{month_of(date.today())}.csv"
        return Response(
            body,
            mimetype="text/csv",
            headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
        )
