"""Adds the staff console and the public "you said, we did" page to the web app."""

from __future__ import annotations

from typing import Any, Callable, Dict, List

from flask import Flask

from bot.runtime import Runtime
from bot.web import public, staff_admin, staff_auth, staff_changes, staff_dashboard, staff_views
from bot.web.staff_console import Console


def mount_console(
    app: Flask,
    runtime: Runtime,
    languages: List[str],
    page_language: Callable[[], str],
    page_context: Callable[[str], Dict[str, Any]],
) -> None:
    """Sign-in, CSRF, the ``/staff/`` pages and ``/you-said-we-did``."""
    console = Console(runtime.settings, runtime.engine, runtime.translator, languages)
    staff_auth.configure(app, runtime.settings, runtime.engine)
    staff = staff_auth.blueprint(runtime.settings, runtime.engine)
    for pages in (staff_views, staff_dashboard, staff_changes, staff_admin):
        pages.register(staff, console)
    app.register_blueprint(staff)
    app.register_blueprint(public.blueprint(console, page_language, page_context))
