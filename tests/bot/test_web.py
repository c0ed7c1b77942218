"""Tests of the demo city page app (bot.web) with Flask's test client."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Dict

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from bot.i18n import Translator
from bot.settings import Settings
from bot.web import create_app
from bot.web.app import content_security_policy, rasa_endpoint
from bot.web.strings import PAGE_STRINGS, WIDGET_STRINGS, page_strings, widget_strings

ARABIC_TITLE = "اسأل مساعد الترحيب"
CONFIG_PATTERN = re.compile(r'<script type="application/json" id="ow-config">(.*?)</script>', re.DOTALL)


def compile_catalog(root: Path, language: str, messages: Dict[str, str]) -> None:
    """Writes a compiled catalog ``root/<language>/LC_MESSAGES/messages.mo``."""
    catalog = Catalog(locale=language)
    for source, translation in messages.items():
        catalog.add(source, translation)
    folder = root / language / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with open(folder / "messages.mo", "wb") as handle:
        write_mo(handle, catalog)


def page_config(html: str) -> dict:
    """The widget configuration embedded in a page."""
    match = CONFIG_PATTERN.search(html)
    assert match, "no ow-config element"
    return json.loads(match.group(1))


@pytest.fixture
def city() -> dict:
    return {
        "name": "Elmsbridge",
        "sample_data": True,
        "default_language": "en",
        "languages": ["en", "ar"],
        "emergency": {"number": "112"},
    }


@pytest.fixture
def translator(tmp_path: Path) -> Translator:
    translations = {WIDGET_STRINGS["title"]: ARABIC_TITLE, PAGE_STRINGS["heading"]: "مرحبا بكم في {city}"}
    compile_catalog(tmp_path, "ar", translations)
    return Translator(tmp_path, ["en", "ar"], "en")


@pytest.fixture
def app(city: dict, translator: Translator):
    return create_app(Settings(rasa_public_url="http://localhost:5005"), city, translator)


@pytest.fixture
def client(app):
    return app.test_client()


def test_index_renders_page_and_widget(client):
    response = client.get("/")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert '<html lang="en" dir="ltr">' in html
    assert "Sample city — demo" in html
    assert "City of Elmsbridge" in html
    assert 'id="ow-toggle"' in html and 'aria-controls="ow-panel"' in html
    assert 'role="log"' in html
    assert "Please do not type names, addresses or other personal details." in html


def test_config_json_has_rasa_url_languages_and_strings(client):
    config = page_config(client.get("/").get_data(as_text=True))
    assert config["rasaUrl"] == "http://localhost:5005"
    assert config["socketPath"] == "/socket.io/"
    assert config["defaultLanguage"] == "en"
    assert config["pageLanguage"] == "en"
    assert config["emergencyNumber"] == "112"
    assert config["languages"] == [
        {"code": "en", "name": "English", "dir": "ltr"},
        {"code": "ar", "name": "العربية", "dir": "rtl"},
    ]
    assert set(config["strings"]) == {"en", "ar"}
    assert set(config["strings"]["en"]) == set(WIDGET_STRINGS)
    assert config["strings"]["en"]["title"] == "Ask the Welcome Assistant"
    assert config["strings"]["ar"]["title"] == ARABIC_TITLE
    assert config["strings"]["ar"]["send"] == "Send"  # untranslated: falls back to English


@pytest.mark.parametrize(
    "query, headers",
    [("/?lang=ar", {}), ("/", {"Accept-Language": "ar-SY,ar;q=0.9,en;q=0.5"})],
)
def test_page_follows_chosen_language(client, query, headers):
    response = client.get(query, headers=headers)
    html = response.get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html
    assert "مرحبا بكم في Elmsbridge" in html
    assert page_config(html)["pageLanguage"] == "ar"
    assert "Accept-Language" in response.headers["Vary"]


def test_unsupported_language_falls_back_to_default(client):
    html = client.get("/?lang=xx", headers={"Accept-Language": "fi"}).get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in html


def test_text_is_escaped_in_html_and_config(tmp_path, city):
    evil = "</script><script>alert(1)</script>"
    compile_catalog(tmp_path, "ar", {WIDGET_STRINGS["send"]: evil})
    city = dict(city, name="<b>Elms</b> & bridge")
    client = create_app(Settings(), city, Translator(tmp_path, ["en", "ar"], "en")).test_client()
    html = client.get("/").get_data(as_text=True)
    assert "<script>alert(1)" not in html
    assert "<b>Elms</b>" not in html
    assert "&lt;b&gt;Elms&lt;/b&gt; &amp; bridge" in html
    assert page_config(html)["strings"]["ar"]["send"] == evil


def test_no_inline_scripts_except_config(client):
    html = client.get("/").get_data(as_text=True)
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert not re.search(r"<[^>]+\s(style|on[a-z]+)\s*=", html)


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_static_files_are_served(client):
    assert client.get("/static/widget.js").status_code == 200
    assert client.get("/static/widget.css").status_code == 200
    vendor = client.get("/static/vendor/socket.io.min.js")
    assert vendor.status_code == 200
    assert b"Socket.IO v4.8.1" in vendor.get_data()[:200]


def test_not_found_page(client):
    response = client.get("/no-such-page")
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "Page not found" in html
    assert "Traceback" not in html
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_method_not_allowed_page(client):
    response = client.post("/")
    assert response.status_code == 405
    assert "Not allowed" in response.get_data(as_text=True)


def test_server_error_page_hides_the_exception(app):
    def boom():
        raise RuntimeError("secret internals")

    app.add_url_rule("/boom", "boom", boom)
    response = app.test_client().get("/boom")
    html = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Something went wrong" in html
    assert "secret internals" not in html and "Traceback" not in html
    assert "Content-Security-Policy" in response.headers


@pytest.mark.parametrize("path", ["/", "/healthz", "/static/widget.js", "/missing"])
def test_security_headers(client, path):
    headers = client.get(path).headers
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self';" in csp and "unsafe-inline" not in csp
    assert "connect-src 'self' http://localhost:5005 ws://localhost:5005" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "Set-Cookie" not in headers


def test_rasa_behind_https_proxy_with_path():
    assert rasa_endpoint("https://city.example/rasa/") == ("https://city.example", "/rasa/socket.io/")
    csp = content_security_policy("https://city.example")
    assert "connect-src 'self' https://city.example wss://city.example" in csp


@pytest.mark.parametrize("url", ["localhost:5005", "ftp://host", "/rasa", ""])
def test_bad_rasa_url_is_a_clear_error(city, tmp_path, url):
    with pytest.raises(ValueError, match="RASA_PUBLIC_URL"):
        create_app(Settings(rasa_public_url=url), city, Translator(tmp_path, ["en"], "en"))


def test_widget_strings_cover_every_key(tmp_path):
    strings = widget_strings(Translator(tmp_path, ["en"], "en"), "en")
    assert strings == WIDGET_STRINGS
    assert strings["privacy_note"].startswith("This is an automated assistant.")


def test_page_strings_survive_a_broken_translation(tmp_path):
    compile_catalog(tmp_path, "ar", {PAGE_STRINGS["site_name"]: "مدينة {town}"})
    strings = page_strings(Translator(tmp_path, ["en", "ar"], "en"), "ar", city="Elmsbridge", number="112")
    assert strings["site_name"] == "City of Elmsbridge"
    assert strings["emergency_text"].startswith("Call 112.")
