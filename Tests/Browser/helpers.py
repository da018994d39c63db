"""Helpers the browser tests share: waiting for the next page, reading text, calling the JSON API."""
import json
import urllib.request

from selenium.common.exceptions import (
    NoSuchElementException, StaleElementReferenceException, WebDriverException)
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def text_of(browser, tag):
    return browser.find_element(By.TAG_NAME, tag).text


def wait_until(browser, condition):
    """Waits for the next page: a click or Enter returns before the new page has replaced the old one. Reading an
    element while the old page is being torn down can fail in several ways (stale element, or Chromium's "node does
    not belong to the document"); those just mean "not yet"."""
    WebDriverWait(
        browser, 10,
        ignored_exceptions=[StaleElementReferenceException, NoSuchElementException, WebDriverException],
    ).until(lambda driver: condition(driver))


def api(base_url, method, path, body=None, token=None):
    """One JSON API call; returns the decoded answer (raises on an HTTP error)."""
    request = urllib.request.Request(base_url + path, method=method)
    request.add_header("Accept-Language", "zh-CN")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    data = None
    if body is not None:
        request.add_header("Content-Type", "application/json")
        data = json.dumps(body).encode()
    with urllib.request.urlopen(request, data, timeout=10) as response:
        return json.loads(response.read())


def sign_in(browser, base_url, username):
    """Signs in through the real login page, keyboard only."""
    from selenium.webdriver.common.keys import Keys
    browser.get(base_url + "/login")
    browser.find_element(By.ID, "username").send_keys(username)
    browser.find_element(By.ID, "password").send_keys("demo1234", Keys.ENTER)
    wait_until(browser, lambda d: d.current_url.endswith("/staff"))
