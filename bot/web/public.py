"""The public "you said, we did" page: aggregates and published actions, in every language.

Numbers come from the same suppressed aggregates as the staff dashboard; only the reports
per month, reports by grounds, feedback per month and the share of helpful answers are
shown, so that tables splitting the same items different ways cannot be set against each
other. Actions are shown in the language staff wrote them in, and the page says which.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Dict, List

from babel.dates import format_skeleton
from babel.numbers import format_decimal, format_percent
from flask import Blueprint, render_template

from bot.hours import babel_locale
from bot.i18n import text_direction
from bot.staff import aggregates, charts
from bot.staff.changes import list_changes
from bot.staff.items import load_items
from bot.submissions import add_months, month_of
from bot.web.staff_console import Console
from bot.web.staff_dashboard import MONTHS_SHOWN
from bot.web.strings import public_text


def helpful_sentence(helpful: aggregates.ShareRow, language: str, text: Callable[..., str]) -> str:
    """"85 % of the answers … (120 ratings)" in the page language, or why no share is shown."""
    if helpful.share is None or not helpful.denominator:
        return text("helpful_too_few")
    locale = babel_locale(language, None)
    return text("helpful_text", share=format_percent(helpful.share, locale=locale),
                count=format_decimal(helpful.denominator, locale=locale))


def blueprint(console: Console, page_language: Callable[[], str],
              page_context: Callable[[str], Dict[str, Any]]) -> Blueprint:
    """``/you-said-we-did?lang=xx``: no sign-in, nothing about any single person."""
    public = Blueprint("public", __name__)

    @public.get("/you-said-we-did")
    def you_said_we_did():
        language = page_language()
        _ = console.translator.for_language(language)
        label = console.label([], language)
        rtl = text_direction(language) == "rtl"
        threshold = console.threshold

        def text(key: str, **values: str) -> str:
            return public_text(console.translator, language, key, **values)

        this_month = month_of(date.today())
        months = aggregates.months_between(add_months(this_month, -(MONTHS_SHOWN - 1)), this_month)
        shown = set(months)
        items = [item for item in load_items(console.engine, []) if item.month in shown]
        reports = [item for item in items if item.kind == "report"]
        over_time = aggregates.over_time(items, months, threshold)
        by_grounds = aggregates.count_by(reports, "grounds", threshold)
        ratings = [item for item in items if item.kind == "rating"]
        helpful = aggregates.share_row("all", sum(1 for item in ratings if item.helpful), len(ratings), threshold)

        def month_name(key: str) -> str:
            return label("month", key)

        def short_month(key: str) -> str:
            year, number = (int(part) for part in key.split("-"))
            return format_skeleton("MMM", date(year, number, 1), locale=babel_locale(language, None))

        def chart(kind: str, rows, title: str, dimension: str) -> Dict[str, Any]:
            draw = charts.column_chart if dimension == "month" else charts.bar_chart
            name = month_name if dimension == "month" else (lambda key: label(dimension, key))
            short = short_month if dimension == "month" else name  # columns are narrow on a phone
            return {
                "id": f"public-{kind}",
                "title": title,
                "svg": draw(rows, title, label=short, rtl=rtl, no_data=text("no_data"), chart_id=f"public-{kind}",
                            desc=", ".join(f"{name(row.key)}: {row.display}" for row in rows)),
                "rows": [(name(row.key), row.display) for row in rows],
            }

        blocks: List[Dict[str, Any]] = [
            chart("reports", over_time["report"], text("reports_heading"), "month"),
            chart("grounds", by_grounds, text("grounds_heading"), "grounds"),
            chart("feedback", over_time["feedback"], text("feedback_heading"), "month"),
        ]
        actions = [
            {"change": change, "note": text("written_in", language=label("language", change.language)),
             "topic": label("topic", change.topic) if change.topic else "",
             "ground": label("grounds", change.ground) if change.ground else ""}
            for change in list_changes(console.engine, published_only=True)
        ]
        context = page_context(language)
        return render_template(
            "you_said_we_did.html",
            blocks=blocks,
            actions=actions,
            helpful=helpful,
            helpful_text=helpful_sentence(helpful, language, text),
            p={key: text(key, city=context["city"], small=str(threshold - 1), threshold=str(threshold))
               for key in ("title", "intro", "privacy", "actions_heading", "no_actions", "helpful_heading",
                           "no_data", "table_summary", "column_what", "column_count", "report_link")},
            lang_endpoint="public.you_said_we_did",
            **context,
        )

    return public
