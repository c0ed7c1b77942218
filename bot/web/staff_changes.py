"""Console page for "actions taken": record what the city changed and publish it."""

from __future__ import annotations

from dataclasses import fields

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user

from bot import texts
from bot import texts_feedback as tf
from bot.staff import changes
from bot.web.staff_auth import requires, utcnow
from bot.web.staff_console import Console


def register(staff: Blueprint, console: Console) -> None:
    """Adds the "actions taken" page to the ``staff`` blueprint."""
    engine = console.engine

    log = console.audit

    def page(form: changes.ChangeInput, status: int = 200):
        services = console.services()
        html = render_template(
            "staff/actions.html",
            changes=changes.list_changes(engine),
            form=form,
            languages=console.languages,
            topics=list(texts.TOPIC_LABELS),
            services=services,
            grounds=list(tf.GROUNDS),
            label=console.label(services),
            this_month=utcnow().strftime("%Y-%m"),
        )
        return html, status

    @staff.get("/actions")
    @requires()
    def actions():
        return page(changes.ChangeInput(month=utcnow().strftime("%Y-%m"), title="", description="", language="en"))

    @staff.post("/actions")
    @requires()
    def add_action():
        form = changes.ChangeInput(**{f.name: request.form.get(f.name, "") for f in fields(changes.ChangeInput)})
        services = [service.id for service in console.services()]
        try:
            values = changes.validate(form, console.languages, list(texts.TOPIC_LABELS), services, list(tf.GROUNDS))
        except changes.ChangeError as error:
            flash(str(error), "error")
            return page(form, 400)  # keep what was typed
        change_id = changes.add(engine, values, current_user.username)
        log("action.add", change_id)
        flash("Saved. It is not public until you publish it.", "success")
        return redirect(url_for("staff.actions"))

    @staff.post("/actions/<change_id>/publish")
    @requires()
    def publish_action(change_id: str):
        published = request.form.get("published") == "1"
        try:
            changes.set_published(engine, change_id, published)
        except changes.ChangeError as error:
            flash(str(error), "error")
        else:
            log("action.publish" if published else "action.unpublish", change_id)
            flash("Published." if published else "Taken off the public page.", "success")
        return redirect(url_for("staff.actions"))
