"""Signing staff in and out: Flask-Login sessions, CSRF (Flask-WTF), rate-limited sign-in.

Sessions end after ``STAFF_SESSION_MINUTES`` without a request, when the account is
disabled, and when its password is reset. Cookies are HTTP-only, SameSite=Strict and
Secure (configurable for plain-HTTP test set-ups).
"""

from __future__ import annotations

import logging
import secrets
from datetime import datetime, timedelta, timezone
from functools import wraps
from typing import Any, Callable, Optional

from flask import Blueprint, Flask, abort, flash, redirect, render_template, request, session, url_for
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from flask_wtf.csrf import CSRFError, CSRFProtect
from sqlalchemy.engine import Engine

from bot.ratelimit import make_counter
from bot.settings import Settings
from bot.staff import accounts, audit
from bot.staff.accounts import StaffAccount

logger = logging.getLogger(__name__)
PASSWORD_STAMP = "pw_changed"


def utcnow() -> datetime:
    """Now in UTC, without tzinfo (as stored)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class SignedInStaff(UserMixin):
    """The signed-in staff member, as Flask-Login wants it."""

    def __init__(self, account: StaffAccount) -> None:
        self.account = account

    def get_id(self) -> str:
        return str(self.account.id)

    @property
    def username(self) -> str:
        return self.account.username

    @property
    def is_admin(self) -> bool:
        return self.account.is_admin


def requires(role: Optional[str] = None) -> Callable:
    """A view decorator: signed-in staff only (401 → sign-in page); with ``role``, that role only (403)."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                back = request.full_path.rstrip("?") if request.method == "GET" else None
                return redirect(url_for("staff.login", next=back))
            if role and current_user.account.role != role:
                abort(403)
            return view(*args, **kwargs)

        return wrapper

    return decorate


def _safe_next(target: Optional[str]) -> str:
    """Only a path inside the console, never another site."""
    if target and target.startswith("/staff/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("staff.inbox")


def configure(app: Flask, settings: Settings, engine: Engine) -> None:
    """Session cookies, CSRF protection and the user loader."""
    secret = settings.web_secret_key
    if not secret:
        logger.warning("WEB_SECRET_KEY is not set: using a random key, so staff sign-ins end when this process stops")
        secret = secrets.token_hex(32)
    app.config.update(
        SECRET_KEY=secret,
        SESSION_COOKIE_NAME="openwelcome_staff",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_SECURE=settings.staff_cookie_secure,
        SESSION_COOKIE_PATH="/",
        PERMANENT_SESSION_LIFETIME=timedelta(minutes=settings.staff_session_minutes),
        SESSION_REFRESH_EACH_REQUEST=True,
        WTF_CSRF_TIME_LIMIT=settings.staff_session_minutes * 60,
        WTF_CSRF_SSL_STRICT=False,  # behind a TLS proxy the Referer check adds nothing to the token
    )
    CSRFProtect(app)
    manager = LoginManager(app)
    manager.session_protection = "strong"

    @manager.user_loader
    def load_user(user_id: str) -> Optional[SignedInStaff]:
        if not user_id.isdigit():
            return None
        account = accounts.get_user_by_id(engine, int(user_id))
        if account is None or not account.active:
            return None
        changed = accounts.password_changed_at(engine, account.id)
        if changed is None or session.get(PASSWORD_STAMP) != changed.isoformat():
            return None  # the password was reset since this session signed in
        return SignedInStaff(account)

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return render_template("staff/message.html", title="Form expired",
                               text="The form was too old or not sent from this console. Go back, reload the page "
                                    "and try again. Nothing was changed."), 400


def blueprint(settings: Settings, engine: Engine) -> Blueprint:
    """Sign-in and sign-out pages."""
    staff = Blueprint("staff", __name__, url_prefix="/staff")
    window = settings.staff_login_window_minutes * 60
    failures = make_counter(settings.rate_limit_storage, settings.staff_login_attempts, window)

    @staff.route("/login", methods=["GET", "POST"])
    def login():
        if request.method == "GET":
            return render_template("staff/login.html", next=request.args.get("next", ""))
        username = (request.form.get("username") or "").strip().lower()[:64]
        keys = (f"login:user:{username}", f"login:address:{request.remote_addr}")
        if any(failures.blocked(key) for key in keys):
            flash(f"Too many failed sign-ins. Wait {settings.staff_login_window_minutes} minutes and try again.")
            return render_template("staff/login.html", next=request.form.get("next", "")), 429
        account = accounts.authenticate(engine, username, request.form.get("password") or "")
        if account is None:
            for key in keys:
                failures.fail(key)
            flash("Wrong username or password, or the account is disabled.")
            return render_template("staff/login.html", next=request.form.get("next", "")), 401
        session.clear()
        session.permanent = True
        session[PASSWORD_STAMP] = accounts.password_changed_at(engine, account.id).isoformat()
        login_user(SignedInStaff(account))
        audit.record(engine, account.username, "staff.sign_in", now=utcnow())
        return redirect(_safe_next(request.form.get("next")))

    @staff.post("/logout")
    def logout():
        if current_user.is_authenticated:
            audit.record(engine, current_user.username, "staff.sign_out", now=utcnow())
        logout_user()
        session.clear()
        return redirect(url_for("staff.login"))

    return staff
