"""The demo city web page with the chat widget (a small Flask app).

The widget itself is static JavaScript that talks to Rasa's socket.io channel directly;
this app only serves the page, the widget's configuration and its translated strings.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Mapping, Optional, Tuple
from urllib.parse import urlsplit

from flask import Flask, Response, jsonify, render_template, request
from markupsafe import escape
from werkzeug.exceptions import HTTPException

from bot.i18n import Translator, language_name, text_direction
from bot.runtime import Runtime
from bot.settings import Settings
from bot.web.strings import page_strings, widget_strings

logger = logging.getLogger(__name__)

DEFAULT_EMERGENCY_NUMBER = "112"


def rasa_endpoint(rasa_public_url: str) -> Tuple[str, str]:
    """Splits the public Rasa URL into the origin for ``io()`` and the socket.io path.

    A path in the URL (Rasa behind a reverse proxy under ``/rasa``) goes before
    ``/socket.io/``, because socket.io would read it as a namespace.

    Raises:
        ValueError: The URL is not an absolute http(s) URL.
    """
    parts = urlsplit(rasa_public_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(
            f"RASA_PUBLIC_URL must be an absolute http(s) URL such as http://localhost:5005, "
            f"not {rasa_public_url!r}"
        )
    return f"{parts.scheme}://{parts.netloc}", parts.path.rstrip("/") + "/socket.io/"


def content_security_policy(rasa_origin: str) -> str:
    """The page's CSP: everything from this site, plus HTTP and WebSocket to Rasa."""
    websocket_origin = "ws" + rasa_origin[len("http"):]  # http -> ws, https -> wss
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            f"connect-src 'self' {rasa_origin} {websocket_origin}",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def _display_name(code: str) -> str:
    """The language's own name, first letter upper-cased as in a language menu."""
    name = language_name(code)
    return name[:1].upper() + name[1:]


def _languages(city: Mapping[str, Any], translator: Translator) -> List[str]:
    """The city's languages that have a catalog, in the city's order."""
    wanted = city.get("languages") or translator.languages
    languages = [code for code in wanted if code in translator.languages]
    return languages or list(translator.languages)


def _emergency_number(city: Mapping[str, Any]) -> str:
    """The city's main emergency number."""
    emergency = city.get("emergency")
    if isinstance(emergency, Mapping) and emergency.get("number"):
        return str(emergency["number"])
    return DEFAULT_EMERGENCY_NUMBER


def create_app(
    settings: Settings, city: Mapping[str, Any], translator: Translator, runtime: Optional[Runtime] = None
) -> Flask:
    """Builds the web app.

    Args:
        settings: Runtime settings (the public Rasa URL is used).
        city: The ``city:`` block of ``data/services.yaml``.
        translator: Catalogs for the supported languages.
        runtime: With the database: adds the staff console (``/staff/``) and the public
            "you said, we did" page. Without it, only the demo page is served.

    Raises:
        ValueError: ``settings.rasa_public_url`` is not an http(s) URL.
    """
    app = Flask(__name__)
    rasa_origin, socket_path = rasa_endpoint(settings.rasa_public_url)
    csp = content_security_policy(rasa_origin)
    languages = _languages(city, translator)
    default_language = city.get("default_language") or translator.default_language
    if default_language not in languages:
        default_language = languages[0]
    city_name = str(city.get("name") or "")
    emergency_number = _emergency_number(city)
    language_options = [
        {"code": code, "name": _display_name(code), "dir": text_direction(code)} for code in languages
    ]
    strings_by_language = {code: widget_strings(translator, code) for code in languages}

    def page_language() -> str:
        """The language of this request: ``?lang=``, else the browser's, else the default."""
        requested = request.args.get("lang", "")
        if requested in languages:
            return requested
        return request.accept_languages.best_match(languages) or default_language

    def page_context(language: str) -> Dict[str, Any]:
        """Values every page template needs."""
        return {
            "language": language,
            "direction": text_direction(language),
            "languages": language_options,
            "city": city_name,
            "sample_data": bool(city.get("sample_data")),
            "emergency_number": emergency_number,
            "t": page_strings(translator, language, city=city_name, number=emergency_number),
        }

    @app.get("/")
    def index() -> Response:
        """The demo city page with the chat widget."""
        language = page_language()
        widget_config = {
            "rasaUrl": rasa_origin,
            "socketPath": socket_path,
            "languages": language_options,
            "defaultLanguage": default_language,
            "pageLanguage": language,
            "emergencyNumber": emergency_number,
            "strings": strings_by_language,
        }
        response = app.make_response(
            render_template(
                "index.html",
                widget_config=widget_config,
                w=strings_by_language[language],
                **page_context(language),
            )
        )
        response.vary.add("Accept-Language")
        return response

    if runtime is not None:
        from bot.web.mount import mount_console

        mount_console(app, runtime, languages, page_language, page_context)

    @app.get("/healthz")
    def healthz() -> Response:
        """Liveness check for the process manager."""
        return jsonify(status="ok")

    def error_page(error: HTTPException, title_key: str, text_key: str) -> Tuple[str, int]:
        """A small page for an HTTP error; plain HTML if even the template fails."""
        code = error.code or 500
        try:
            html = render_template(
                "error.html", code=code, title_key=title_key, text_key=text_key, **page_context(page_language())
            )
            return html, code
        except Exception:  # noqa: BLE001 - an error page must never raise
            logger.exception("Could not render the error page for HTTP %s", code)
            return f"<!doctype html><title>{escape(code)}</title><p>Error {escape(code)}</p>", code

    @app.errorhandler(404)
    def not_found(error: HTTPException) -> Tuple[str, int]:
        return error_page(error, "not_found_title", "not_found_text")

    @app.errorhandler(405)
    def not_allowed(error: HTTPException) -> Tuple[str, int]:
        return error_page(error, "not_allowed_title", "not_allowed_text")

    @app.errorhandler(HTTPException)
    def other_http_error(error: HTTPException) -> Tuple[str, int]:
        if (error.code or 500) >= 500:
            return error_page(error, "server_error_title", "server_error_text")
        return error_page(error, "not_allowed_title", "not_allowed_text")

    @app.errorhandler(500)
    def server_error(error: HTTPException) -> Tuple[str, int]:
        return error_page(error, "server_error_title", "server_error_text")

    @app.after_request
    def security_headers(response: Response) -> Response:
        """Adds the security headers to every response, error pages and static files too."""
        response.headers["Content-Security-Policy"] = csp
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        # Geolocation only for this site's own widget, and only when the person taps "Share my location".
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)"
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        return response

    return app
