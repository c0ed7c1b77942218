"""The chat widget in headless Chromium against the real Rasa stack (fixture ``stack``).

Asserts on structure, script and direction, never on the bot's exact wording.
Needs /usr/bin/chromium and /usr/bin/chromedriver (``scripts/install-browser.sh``).
"""

from __future__ import annotations

import json
import re

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select

from tests.e2e.chromium import bot_messages, open_page, send, wait, wait_for_replies

pytestmark = pytest.mark.e2e

ARABIC = re.compile("[\u0600-\u06ff]")
USER_BUBBLES = ".ow-msg--user .ow-bubble"
STORAGE_KEY = "openwelcome.chat.v1"

def open_widget_with_keyboard(driver: WebDriver) -> None:
    """Tabs to the chat button and presses Enter."""
    for _ in range(60):
        if driver.switch_to.active_element.get_attribute("id") == "ow-toggle":
            break
        ActionChains(driver).send_keys(Keys.TAB).perform()
    else:
        pytest.fail("the chat button cannot be reached with Tab")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    wait(driver).until(lambda d: d.find_element(By.ID, "ow-panel").is_displayed())


def stored_state(driver: WebDriver) -> dict:
    return json.loads(driver.execute_script("return window.sessionStorage.getItem(arguments[0]);", STORAGE_KEY))


def test_keyboard_user_chats_and_uses_buttons(stack, browser):
    open_page(browser, stack.web_url)
    toggle = browser.find_element(By.ID, "ow-toggle")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert toggle.get_attribute("aria-controls") == "ow-panel"

    open_widget_with_keyboard(browser)
    assert toggle.get_attribute("aria-expanded") == "true"
    assert browser.switch_to.active_element.get_attribute("id") == "ow-input"
    assert browser.find_element(By.ID, "ow-log").get_attribute("role") == "log"

    replies = send(browser, "hello")
    bubble = replies[0].find_element(By.CSS_SELECTOR, ".ow-bubble")
    assert bubble.text.strip()
    assert bubble.get_attribute("dir") == "auto"
    assert bubble.get_attribute("lang") == "en"
    choices = [element for reply in replies for element in reply.find_elements(By.CSS_SELECTOR, "button.ow-choice")]
    assert choices, "the welcome should offer topic buttons"

    title = choices[0].text
    before = len(bot_messages(browser))
    choices[0].click()
    wait(browser).until(lambda d: d.find_elements(By.CSS_SELECTOR, USER_BUBBLES)[-1].text == title)
    assert wait_for_replies(browser, before)

    browser.find_element(By.ID, "ow-input").send_keys(Keys.ESCAPE)
    wait(browser).until(lambda d: not d.find_element(By.ID, "ow-panel").is_displayed())
    assert toggle.get_attribute("aria-expanded") == "false"
    assert browser.switch_to.active_element.get_attribute("id") == "ow-toggle"

    messages = [entry["message"] for entry in browser.get_log("browser")]
    assert not [message for message in messages if "Content Security Policy" in message]


@pytest.mark.parametrize("language, greeting", [("ar", "مرحبا"), ("fa", "سلام، وقت بخیر")])
def test_arabic_and_farsi_are_right_to_left(stack, browser, language, greeting):
    open_page(browser, stack.web_url)
    browser.find_element(By.ID, "ow-toggle").click()
    wait(browser).until(lambda d: d.find_element(By.ID, "ow-panel").is_displayed())

    before = len(bot_messages(browser))
    Select(browser.find_element(By.ID, "ow-language")).select_by_value(language)
    widget = browser.find_element(By.ID, "ow-widget")
    assert widget.get_attribute("dir") == "rtl"
    assert widget.get_attribute("lang") == language
    assert widget.value_of_css_property("direction") == "rtl"
    assert ARABIC.search(browser.find_elements(By.CSS_SELECTOR, USER_BUBBLES)[-1].text)
    wait_for_replies(browser, before)

    replies = send(browser, greeting)
    arabic = [
        bubble for reply in replies for bubble in reply.find_elements(By.CSS_SELECTOR, ".ow-bubble")
        if ARABIC.search(bubble.text)
    ]
    assert arabic, "the reply should be in Arabic script: " + repr([reply.text for reply in replies])
    assert arabic[0].get_attribute("lang") == language
    assert arabic[0].get_attribute("dir") == "auto"
    assert arabic[0].value_of_css_property("direction") == "rtl"


def test_conversation_survives_reload_in_session_storage_only(stack, browser):
    open_page(browser, stack.web_url)
    browser.find_element(By.ID, "ow-toggle").click()
    wait(browser).until(lambda d: d.find_element(By.ID, "ow-panel").is_displayed())
    send(browser, "hello")
    shown = [element.text for element in browser.find_elements(By.CSS_SELECTOR, ".ow-bubble")]
    session_id = stored_state(browser)["sessionId"]
    assert session_id

    browser.refresh()
    wait(browser).until(lambda d: d.find_element(By.ID, "ow-panel").is_displayed())
    assert [element.text for element in browser.find_elements(By.CSS_SELECTOR, ".ow-bubble")] == shown
    wait(browser).until(lambda d: d.find_element(By.ID, "ow-status").get_attribute("data-state") == "connected")
    assert stored_state(browser)["sessionId"] == session_id
    assert send(browser, "thank you"), "the conversation should go on after a reload"

    assert browser.execute_script("return window.localStorage.length;") == 0
    assert browser.execute_script("return document.cookie;") == ""
    assert browser.get_cookies() == []


def test_location_is_shared_only_when_tapped_and_rounded(stack, browser):
    """"Near me" offers "Share my location"; only that tap asks the browser, and the places
    then come with their distance."""
    browser.execute_cdp_cmd("Browser.grantPermissions", {"origin": stack.web_url, "permissions": ["geolocation"]})
    browser.execute_cdp_cmd("Emulation.setGeolocationOverride",
                            {"latitude": 52.520008, "longitude": 13.404954, "accuracy": 20})
    open_page(browser, stack.web_url + "/?lang=en")
    browser.execute_script(
        "window.__asked = 0; var real = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);"
        "navigator.geolocation.getCurrentPosition = function (ok, no, options) { window.__asked += 1;"
        " return real(ok, no, options); };"
    )
    browser.find_element(By.ID, "ow-toggle").click()
    send(browser, "I need a doctor")
    replies = send(browser, "which one is near me?")
    buttons = [b for r in replies for b in r.find_elements(By.CSS_SELECTOR, "button.ow-choice")
               if b.text.strip() == "Share my location"]
    assert buttons, [reply.text for reply in replies]
    assert browser.execute_script("return window.__asked;") == 0
    before = len(bot_messages(browser))
    buttons[-1].click()
    answer = " ".join(reply.text for reply in wait_for_replies(browser, before))
    assert browser.execute_script("return window.__asked;") == 1
    assert " away" in answer, answer
    sent = stored_state(browser)["messages"]
    assert not any("52.520008" in json.dumps(message) for message in sent)
