"""Console pages for reviewers: the inbox, one report or feedback, its workflow, notes and reply."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from bot.models import REPORT_STATUSES
from bot.staff import review
from bot.staff.items import Filters, apply, load_items
from bot.web.staff_auth import requires, utcnow
from bot.web.staff_console import Console, filter_options, filters_summary, page_number, page_of

PAGE_SIZE = 50


def register(staff: Blueprint, console: Console) -> None:
    """Adds the reviewer pages to the ``staff`` blueprint."""
    engine = console.engine

    log = console.audit

    @staff.get("/")
    @requires()
    def inbox():
        filters, errors = Filters.from_args(request.args)
        services = console.services()
        label = console.label(services)
        every = load_items(engine, services)
        items = apply(every, filters)
        page = page_number(request.args.get("page", ""))
        log("inbox.view", detail=filters_summary(filters))
        return render_template(
            "staff/inbox.html",
            items=page_of(items, page, PAGE_SIZE),
            total=len(items),
            page=page,
            pages=max(1, -(-len(items) // PAGE_SIZE)),
            filters=filters,
            errors=errors,
            options=filter_options(every, services, label, console.languages),
            label=label,
        )

    @staff.get("/reports/<report_id>")
    @requires()
    def report(report_id: str):
        row = review.get_report(engine, report_id)
        if row is None:
            abort(404)
        services = console.services()
        log("report.view", report_id)
        return render_template(
            "staff/report.html",
            report=row,
            notes=review.notes(engine, report_id),
            statuses=REPORT_STATUSES,
            languages=console.languages,
            label=console.label(services),
        )

    def change(report_id: str, action: str, apply_change) -> object:
        if review.get_report(engine, report_id) is None:
            abort(404)
        try:
            apply_change()
        except review.ReviewError as error:
            flash(str(error), "error")
        else:
            log(action, report_id)
            flash("Saved.", "success")
        return redirect(url_for("staff.report", report_id=report_id))

    @staff.post("/reports/<report_id>/status")
    @requires()
    def report_status(report_id: str):
        status = request.form.get("status", "")
        return change(report_id, f"report.status:{status[:20]}", lambda: review.set_status(engine, report_id, status))

    @staff.post("/reports/<report_id>/notes")
    @requires()
    def report_note(report_id: str):
        text = request.form.get("text", "")
        return change(
            report_id, "report.note", lambda: review.add_note(engine, report_id, current_user.username, text, utcnow())
        )

    @staff.post("/reports/<report_id>/reply")
    @requires()
    def report_reply(report_id: str):
        text, language = request.form.get("text", ""), request.form.get("language", "")
        return change(
            report_id,
            "report.reply",
            lambda: review.set_public_reply(engine, report_id, text, language, console.languages),
        )

    @staff.get("/feedback/<feedback_id>")
    @requires()
    def feedback(feedback_id: str):
        row = review.get_feedback(engine, feedback_id)
        if row is None:
            abort(404)
        log("feedback.view", feedback_id)
        return render_template("staff/feedback.html", feedback=row, label=console.label(console.services()))
