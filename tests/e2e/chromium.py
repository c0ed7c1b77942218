"""Headless Chromium for the browser tests, and helpers to chat in the widget.

Needs /usr/bin/chromium and /usr/bin/chromedriver (``scripts/install-browser.sh``, run by
``make test``). The ``browser`` fixture (``tests/e2e/conftest.py``) uses :func:`start_chromium`.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import List

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=390,844",
]
REPLY_TIMEOUT = 60
BOT_MESSAGES = ".ow-msg--bot"


def start_chromium(profile: Path) -> WebDriver:
    """A fresh headless Chromium with a phone-sized window; the caller quits it."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.fail("Chromium is missing: run scripts/install-browser.sh")
    options = Options()
    options.binary_location = str(CHROMIUM)
    for argument in CHROMIUM_ARGS:
        options.add_argument(argument)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_window_size(390, 844)
    return driver


def wait(driver: WebDriver, timeout: float = 15) -> WebDriverWait:
    return WebDriverWait(driver, timeout)


def open_page(driver: WebDriver, url: str) -> None:
    """Loads the page and waits for the widget script to show the chat button."""
    driver.get(url)
    wait(driver).until(lambda d: d.find_element(By.ID, "ow-toggle").is_displayed())


def bot_messages(driver: WebDriver) -> List[WebElement]:
    return driver.find_elements(By.CSS_SELECTOR, BOT_MESSAGES)


def wait_for_replies(driver: WebDriver, before: int) -> List[WebElement]:
    """Waits for new bot messages, then until no more arrive for a moment; returns them."""
    wait(driver, REPLY_TIMEOUT).until(lambda d: len(bot_messages(d)) > before)
    count = -1
    while count != len(bot_messages(driver)):
        count = len(bot_messages(driver))
        time.sleep(1.5)
    return bot_messages(driver)[before:]


def send(driver: WebDriver, text: str) -> List[WebElement]:
    """Types a message, sends it with Enter and returns the bot's replies."""
    before = len(bot_messages(driver))
    field = driver.find_element(By.ID, "ow-input")
    field.send_keys(text)
    field.send_keys(Keys.ENTER)
    return wait_for_replies(driver, before)
