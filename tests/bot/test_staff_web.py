"""HTTP tests of the staff console and the public "you said, we did" page (Flask test client,
real SQLite database, the project's catalogs)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import select

from bot import receipts
from bot.models import Report
from bot.staff import accounts, audit, usage
from bot.submissions import (
    FeedbackDraft,
    RatingDraft,
    ReportDraft,
    check_receipt,
    save_feedback,
    save_rating,
    save_report,
)
from bot.web import create_app

PASSWORD = "a long enough password"
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
TODAY = date.today()

GET_ROUTES = ["/staff/", "/staff/dashboard", "/staff/export.csv", "/staff/actions", "/staff/users", "/staff/audit",
              "/staff/reports/{report}", "/staff/feedback/{feedback}"]
POST_ROUTES = ["/staff/reports/{report}/status", "/staff/reports/{report}/notes", "/staff/reports/{report}/reply",
               "/staff/actions", "/staff/users", "/staff/users/rita/disable", "/staff/users/rita/password"]
ADMIN_ROUTES = ["/staff/users", "/staff/audit"]


@pytest.fixture
def directory_data(directory_data):
    """The small test directory, in all ten languages."""
    directory_data["city"]["languages"] = ["en", "de", "fr", "es", "ar", "uk", "ru", "tr", "fa", "pl"]
    return directory_data


@pytest.fixture
def console(runtime):
    """The app with the console, a report (XSS in its text), feedback, ratings, two accounts."""
    engine = runtime.engine
    now = datetime(2026, 11, 26, 9)
    accounts.add_user(engine, "rita", PASSWORD, "reviewer", now)
    accounts.add_user(engine, "adam", PASSWORD, "admin", now)
    code = save_report(engine, ReportDraft(language="ar", channel="socketio", what_happened=f"Refused {XSS}",
                                           grounds=["religion"], wants_redress=True, place_kind="office"),
                       TODAY, access_months=12)
    save_feedback(engine, FeedbackDraft(language="uk", channel="rest", rating=1, service_id="clinic",
                                        comment="=HYPERLINK(\"http://evil\")"), TODAY)
    for helpful in (True, True, False):
        save_rating(engine, RatingDraft(language="en", channel="rest", topic="health", helpful=helpful), TODAY)
    with engine.connect() as connection:
        report_id = connection.execute(select(Report.id)).scalar_one()
        feedback_id = connection.execute(select(Report.__table__.metadata.tables["service_feedback"].c.id)).scalar_one()
    city = runtime.directory().city
    app = create_app(runtime.settings, city, runtime.translator, runtime)
    app.config["TESTING"] = True
    return {"app": app, "engine": engine, "code": code, "report": report_id, "feedback": feedback_id}


def token(client, path: str = "/staff/login") -> str:
    return TOKEN.search(client.get(path).get_data(as_text=True)).group(1)


def sign_in(app, username: str, password: str = PASSWORD):
    client = app.test_client()
    response = client.post("/staff/login", data={"username": username, "password": password,
                                                "csrf_token": token(client)})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


def fill(path: str, console) -> str:
    return path.format(report=console["report"], feedback=console["feedback"])


def test_anonymous_visitors_are_sent_to_sign_in(console):
    client = console["app"].test_client()
    for path in GET_ROUTES:
        response = client.get(fill(path, console))
        assert response.status_code == 302 and "/staff/login" in response.headers["Location"], path
    csrf = token(client)
    for path in POST_ROUTES:
        response = client.post(fill(path, console), data={"csrf_token": csrf, "status": "closed", "text": "x"})
        assert response.status_code == 302 and "/staff/login" in response.headers["Location"], path
    assert console["app"].test_client().get("/staff/").headers["Location"].startswith("/staff/login")


def test_reviewers_cannot_open_admin_pages(console):
    client = sign_in(console["app"], "rita")
    for path in ADMIN_ROUTES:
        assert client.get(path).status_code == 403, path
    response = client.post("/staff/users", data={"csrf_token": token(client, "/staff/"), "username": "eve",
                                                 "password": PASSWORD, "role": "admin"})
    assert response.status_code == 403
    assert accounts.get_user(console["engine"], "eve") is None
    admin = sign_in(console["app"], "adam")
    assert admin.get("/staff/users").status_code == 200 and admin.get("/staff/audit").status_code == 200


def test_every_reviewer_page_renders(console):
    client = sign_in(console["app"], "rita")
    for path in GET_ROUTES:
        if path not in ADMIN_ROUTES:
            assert client.get(fill(path, console)).status_code == 200, path
    assert client.get("/staff/reports/not-a-report").status_code == 404


def test_posts_without_a_valid_csrf_token_are_rejected_and_change_nothing(console):
    client = sign_in(console["app"], "rita")
    path = f"/staff/reports/{console['report']}/status"
    assert client.post(path, data={"status": "closed"}).status_code == 400
    assert client.post(path, data={"status": "closed", "csrf_token": "forged"}).status_code == 400
    other = sign_in(console["app"], "adam")
    assert client.post(path, data={"status": "closed", "csrf_token": token(other, "/staff/")}).status_code == 400
    with console["engine"].connect() as connection:
        assert connection.execute(select(Report.status)).scalar_one() == "new"


def test_report_text_is_escaped_everywhere(console):
    client = sign_in(console["app"], "rita")
    for path in ("/staff/", f"/staff/reports/{console['report']}"):
        html = client.get(path).get_data(as_text=True)
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(" in html
    assert "script-src 'self'" in client.get("/staff/").headers["Content-Security-Policy"]


def test_triage_a_report_and_the_receipt_holder_sees_the_reply(console):
    client = sign_in(console["app"], "rita")
    base = f"/staff/reports/{console['report']}"
    csrf = token(client, base)
    assert client.post(f"{base}/status", data={"status": "referred", "csrf_token": csrf}).status_code == 302
    client.post(f"{base}/notes", data={"text": "Forwarded to the equality office.", "csrf_token": csrf})
    client.post(f"{base}/reply", data={"text": "شكرا. تحدثنا مع المكتب.", "language": "ar", "csrf_token": csrf})
    page = client.get(base).get_data(as_text=True)
    assert "Forwarded to the equality office." in page and "rita" in page
    _, status = check_receipt(console["engine"], receipts.normalize(console["code"]), TODAY)
    assert (status.status, status.public_reply, status.public_reply_language) == (
        "referred", "شكرا. تحدثنا مع المكتب.", "ar")
    bad = client.post(f"{base}/status", data={"status": "deleted", "csrf_token": csrf}, follow_redirects=True)
    assert "status must be one of" in bad.get_data(as_text=True)
    actions = [entry.action for entry in audit.recent(console["engine"])]
    assert {"report.view", "report.status:referred", "report.note", "report.reply"} <= set(actions)


def test_inbox_filters_and_search(console):
    client = sign_in(console["app"], "rita")
    assert "1 item " in client.get("/staff/?kind=report").get_data(as_text=True)
    assert "1 item " in client.get("/staff/?q=refused").get_data(as_text=True)
    assert "0 items" in client.get("/staff/?q=nothing-like-this").get_data(as_text=True)
    assert "1 item " in client.get("/staff/?grounds=religion&language=ar").get_data(as_text=True)
    page = client.get("/staff/?month=13-2026&kind=everything").get_data(as_text=True)
    assert "Ignored: kind must be one of" in page and "Ignored: month must look like" in page


def test_csv_export_takes_the_filters_and_guards_formulas(console):
    client = sign_in(console["app"], "rita")
    response = client.get("/staff/export.csv?kind=feedback")
    assert response.mimetype == "text/csv" and "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert [row["kind"] for row in rows] == ["feedback"]
    assert rows[0]["text"].startswith("'=HYPERLINK")
    aggregates = client.get("/staff/export.csv?what=aggregates").get_data(as_text=True)
    assert "grounds,religion,<5" in aggregates
    assert "export.items" in [entry.action for entry in audit.recent(console["engine"])]


def test_dashboard_shows_charts_and_suppresses_small_counts(console):
    usage.count(console["engine"], TODAY.strftime("%Y-%m"), "fa", "fallback")
    client = sign_in(console["app"], "rita")
    html = client.get("/staff/dashboard").get_data(as_text=True)
    assert html.count('role="img"') >= 10
    assert "&lt;5" in html
    assert ">1<" not in html.replace("&lt;", "<")  # no single count of one shown anywhere


def test_failed_sign_ins_are_limited(console):
    client = console["app"].test_client()
    csrf = token(client)
    for _ in range(5):
        assert client.post("/staff/login", data={"username": "rita", "password": "wrong password!",
                                                "csrf_token": csrf}).status_code == 401
    blocked = client.post("/staff/login", data={"username": "rita", "password": PASSWORD, "csrf_token": csrf})
    assert blocked.status_code == 429 and "Too many failed sign-ins" in blocked.get_data(as_text=True)


def test_session_cookie_flags_and_sign_out(console):
    client = console["app"].test_client()
    response = client.post("/staff/login", data={"username": "rita", "password": PASSWORD,
                                                "csrf_token": token(client)})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Secure" in cookie and "Expires=" in cookie
    assert client.get("/staff/").status_code == 200
    client.post("/staff/logout", data={"csrf_token": token(client, "/staff/")})
    assert client.get("/staff/").status_code == 302


def test_disabling_or_resetting_an_account_ends_its_sessions(console):
    rita = sign_in(console["app"], "rita")
    admin = sign_in(console["app"], "adam")
    csrf = token(admin, "/staff/users")
    admin.post("/staff/users/rita/password", data={"password": "another long password", "csrf_token": csrf})
    assert rita.get("/staff/").status_code == 302
    rita = sign_in(console["app"], "rita", "another long password")
    admin.post("/staff/users/rita/disable", data={"csrf_token": csrf})
    assert rita.get("/staff/").status_code == 302
    assert admin.post("/staff/users/adam/disable", data={"csrf_token": csrf}, follow_redirects=True).status_code == 200
    assert accounts.get_user(console["engine"], "adam").active


def test_admin_adds_staff_with_clear_errors(console):
    admin = sign_in(console["app"], "adam")
    csrf = token(admin, "/staff/users")
    page = admin.post("/staff/users", data={"username": "x", "password": "short", "role": "reviewer",
                                            "csrf_token": csrf}, follow_redirects=True).get_data(as_text=True)
    assert "A username is 2 to 64 characters" in page
    admin.post("/staff/users", data={"username": "noor", "password": PASSWORD, "role": "reviewer", "csrf_token": csrf})
    assert accounts.get_user(console["engine"], "noor").role == "reviewer"


def test_sign_in_never_redirects_to_another_site(console):
    client = console["app"].test_client()
    response = client.post("/staff/login", data={"username": "rita", "password": PASSWORD,
                                                "csrf_token": token(client), "next": "//evil.example/"})
    assert response.headers["Location"] == "/staff/"


def test_actions_taken_keep_typed_text_on_error_and_publish(console):
    client = sign_in(console["app"], "rita")
    csrf = token(client, "/staff/actions")
    bad = client.post("/staff/actions", data={"title": "Interpreters on Tuesdays", "description": "", "language": "en",
                                              "month": "2026-11", "csrf_token": csrf})
    assert bad.status_code == 400 and "Interpreters on Tuesdays" in bad.get_data(as_text=True)
    client.post("/staff/actions", data={"title": "Interpreters on Tuesdays", "description": "Arabic and Farsi.",
                                        "language": "en", "month": "2026-11", "topic": "health", "csrf_token": csrf})
    public = console["app"].test_client()
    assert "Interpreters on Tuesdays" not in public.get("/you-said-we-did").get_data(as_text=True)
    listing = client.get("/staff/actions").get_data(as_text=True)
    change_id = re.search(r"/staff/actions/([0-9a-f-]{36})/publish", listing).group(1)
    client.post(f"/staff/actions/{change_id}/publish", data={"published": "1", "csrf_token": csrf})
    assert "Interpreters on Tuesdays" in public.get("/you-said-we-did").get_data(as_text=True)


@pytest.mark.parametrize("language, direction", [("en", "ltr"), ("de", "ltr"), ("fr", "ltr"), ("es", "ltr"),
                                                 ("ar", "rtl"), ("uk", "ltr"), ("ru", "ltr"), ("tr", "ltr"),
                                                 ("fa", "rtl"), ("pl", "ltr")])
def test_public_page_in_every_language_with_small_counts_suppressed(console, language, direction):
    response = console["app"].test_client().get(f"/you-said-we-did?lang={language}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert "&lt;5" in html  # one report, one feedback: never shown as 1
    assert "Refused" not in html and "clinic" not in html  # nothing from a single submission
    assert 'role="img"' in html


def test_console_is_not_mounted_without_a_database(runtime):
    app = create_app(replace(runtime.settings), runtime.directory().city, runtime.translator)
    assert app.test_client().get("/staff/").status_code == 404
