"""Admin pages: staff accounts (add, disable, enable, reset password) and the audit log."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user

from bot.staff import accounts, audit
from bot.staff.models import ROLES
from bot.web.staff_auth import requires, utcnow
from bot.web.staff_console import Console

AUDIT_PAGE = 300


def register(staff: Blueprint, console: Console) -> None:
    """Adds the admin pages to the ``staff`` blueprint."""
    engine = console.engine

    log = console.audit

    @staff.get("/users")
    @requires("admin")
    def users():
        log("staff.list")
        return render_template("staff/users.html", users=accounts.list_users(engine), roles=ROLES)

    @staff.post("/users")
    @requires("admin")
    def add_user():
        username = request.form.get("username", "")
        try:
            account = accounts.add_user(
                engine, username, request.form.get("password", ""), request.form.get("role", ""), utcnow()
            )
        except accounts.AccountError as error:
            flash(str(error), "error")
        else:
            log("staff.add", f"{account.username} ({account.role})")
            flash(f"Added {account.username}.", "success")
        return redirect(url_for("staff.users"))

    def account_change(username: str, action: str, change) -> object:
        if username == current_user.username and action == "staff.disable":
            flash("You cannot disable your own account.", "error")
            return redirect(url_for("staff.users"))
        try:
            account = change()
        except accounts.AccountError as error:
            flash(str(error), "error")
        else:
            log(action, account.username)
            flash(f"Saved for {account.username}.", "success")
        return redirect(url_for("staff.users"))

    @staff.post("/users/<username>/disable")
    @requires("admin")
    def disable_user(username: str):
        return account_change(username, "staff.disable", lambda: accounts.set_active(engine, username, False))

    @staff.post("/users/<username>/enable")
    @requires("admin")
    def enable_user(username: str):
        return account_change(username, "staff.enable", lambda: accounts.set_active(engine, username, True))

    @staff.post("/users/<username>/password")
    @requires("admin")
    def reset_password(username: str):
        password = request.form.get("password", "")
        return account_change(
            username, "staff.reset_password", lambda: accounts.set_password(engine, username, password, utcnow())
        )

    @staff.get("/audit")
    @requires("admin")
    def audit_log():
        entries = audit.recent(engine, AUDIT_PAGE)
        log("audit.view")
        return render_template("staff/audit.html", entries=entries, limit=AUDIT_PAGE)
