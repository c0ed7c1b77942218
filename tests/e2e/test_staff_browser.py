"""The staff console in headless Chromium against the real stack: a newcomer files a report in
the chat widget, a reviewer signs in, triages it and replies, and the receipt holder sees the
reply in the chat.

The account is created the way a city does it (``python -m bot staff add``, password on
standard input). The browser fixture and widget helpers are in ``tests/e2e/chromium.py``.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select

from bot import texts_feedback as tf
from bot.settings import PROJECT_ROOT
from tests.e2e.chromium import bot_messages, open_page, send, wait, wait_for_replies
from tests.e2e.conftest import stack_env

pytestmark = pytest.mark.e2e

CODE = re.compile(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}")
PASSWORD = "reviewer password for the e2e test"
XSS = '<img src=x onerror="document.title=\'pwned\'">'
REPLY = "We spoke to the office manager; staff there get anti-discrimination training in December."


def add_staff(stack, username: str, role: str) -> None:
    """``python -m bot staff add`` with the password on standard input, as a city admin would."""
    result = subprocess.run(
        [sys.executable, "-m", "bot", "staff", "add", username, "--role", role],
        input=PASSWORD + "\n", text=True, capture_output=True, cwd=PROJECT_ROOT, env=stack_env(stack), timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert PASSWORD not in result.stdout + result.stderr


def click_choice(driver: WebDriver, title: str):
    """Clicks the newest chat button with this title; returns the bot's replies."""
    before = len(bot_messages(driver))
    buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, "button.ow-choice") if b.text.strip() == title]
    assert buttons, f"no button {title!r}"
    buttons[-1].click()
    return wait_for_replies(driver, before)


def file_report_in_widget(driver: WebDriver, web_url: str) -> str:
    """A newcomer reports discrimination in the widget; returns the receipt code shown."""
    open_page(driver, web_url + "/?lang=en")
    driver.find_element(By.ID, "ow-toggle").click()
    wait(driver).until(lambda d: d.find_element(By.ID, "ow-input").is_displayed())
    send(driver, "I want to report discrimination")
    send(driver, f"At the housing office the clerk laughed at my accent and sent me away {XSS}")
    click_choice(driver, tf.PLACE_KINDS["office"])
    click_choice(driver, tf.DONT_KNOW)
    send(driver, "5")  # Language
    click_choice(driver, tf.NO)  # no advice on redress, thanks
    sent = " ".join(reply.text for reply in click_choice(driver, tf.SEND))
    match = CODE.search(sent)
    assert match, sent
    return match.group(0)


def texts_of(driver: WebDriver, selector: str) -> str:
    """The text of the matching elements, or "" while the page is being replaced."""
    try:
        return " ".join(element.text for element in driver.find_elements(By.CSS_SELECTOR, selector))
    except StaleElementReferenceException:
        return ""


def sign_in(driver: WebDriver, web_url: str, username: str) -> None:
    """By keyboard only, on a tablet-sized window: the name field has focus, Tab, Enter."""
    driver.set_window_size(820, 1180)
    driver.get(web_url + "/staff/")
    wait(driver).until(lambda d: d.find_elements(By.ID, "username"))
    assert driver.switch_to.active_element.get_attribute("id") == "username"
    ActionChains(driver).send_keys(username, Keys.TAB, PASSWORD, Keys.ENTER).perform()
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "table.inbox"))
    ActionChains(driver).send_keys(Keys.TAB).perform()
    assert driver.switch_to.active_element.text == "Skip to main content"


def test_reviewer_triages_a_chat_report_and_the_receipt_holder_sees_the_reply(stack, browser):
    add_staff(stack, "rita", "reviewer")
    code = file_report_in_widget(browser, stack.web_url)

    # Staff: sign in, find the report by searching its text, open it.
    browser.delete_all_cookies()
    sign_in(browser, stack.web_url, "rita")
    Select(browser.find_element(By.ID, "filter-kind")).select_by_value("report")
    browser.find_element(By.ID, "filter-q").send_keys("laughed accent")
    browser.find_element(By.CSS_SELECTOR, ".filters button[type=submit]").click()
    wait(browser).until(lambda d: "1 item " in texts_of(d, "main"))
    browser.find_element(By.CSS_SELECTOR, "table.inbox a[href*='/staff/reports/']").click()
    wait(browser).until(lambda d: d.find_elements(By.ID, "workflow"))
    quoted = browser.find_element(By.CSS_SELECTOR, ".report-text")
    assert "laughed at my accent" in quoted.text and 'onerror="document.title' in quoted.text  # shown as text
    assert browser.title != "pwned" and not browser.find_elements(By.CSS_SELECTOR, ".report-text img")

    # Triage: in review, an internal note, the public reply in English.
    Select(browser.find_element(By.ID, "status")).select_by_value("in_review")
    browser.find_element(By.XPATH, "//button[normalize-space()='Change status']").click()
    wait(browser).until(lambda d: "Saved." in texts_of(d, ".flash"))
    browser.find_element(By.ID, "note-text").send_keys("Asked the housing office for its side.")
    browser.find_element(By.XPATH, "//button[normalize-space()='Add note']").click()
    wait(browser).until(lambda d: "Asked the housing office" in texts_of(d, ".note-text"))
    reply_box = browser.find_element(By.ID, "reply-text")
    reply_box.clear()
    reply_box.send_keys(REPLY)
    Select(browser.find_element(By.ID, "reply-language")).select_by_value("en")
    browser.find_element(By.XPATH, "//button[normalize-space()='Save reply']").click()
    wait(browser).until(lambda d: REPLY in texts_of(d, "blockquote.report-text"))
    assert Select(browser.find_element(By.ID, "status")).first_selected_option.get_attribute("value") == "in_review"

    # The dashboard renders its charts; small counts never show as 1.
    browser.get(stack.web_url + "/staff/dashboard")
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg[role=img]")) >= 10

    # The receipt holder, in a new chat, checks the report and sees status and reply.
    browser.delete_all_cookies()
    browser.execute_script("window.sessionStorage.clear();")
    open_page(browser, stack.web_url + "/?lang=en")
    browser.find_element(By.ID, "ow-toggle").click()
    wait(browser).until(lambda d: d.find_element(By.ID, "ow-input").is_displayed())
    answer = " ".join(reply.text for reply in send(browser, f"check my report {code}"))
    assert REPLY in answer, answer

    logged = stack.log_text()
    assert PASSWORD not in logged and "laughed at my accent" not in logged and code not in logged
