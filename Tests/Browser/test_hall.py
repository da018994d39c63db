"""The service hall in Chromium: a ticket taken at the kiosk is called by the clerk and shown on the hall display
within a second; a priority ticket is called before an ordinary one; an appointment booked on the portal is checked
in at the kiosk and served. The server runs with ONEWINDOW_CLOCK at a Tuesday 10:00 (scripts/test), so the hall is
open whatever the hour."""
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import chromium
from helpers import wait_until
from test_window import switch_user

KIOSK = "/hall/sites/site-center/kiosk"
DISPLAY = "/hall/sites/site-center/display"


@pytest.fixture()
def display(base_url):
    """A second Chromium: the big screen on the hall's wall."""
    driver = chromium(1280, 720)
    driver.get(base_url + DISPLAY)
    yield driver
    driver.quit()


def take_ticket(browser, base_url, group, lane=None):
    """At the kiosk, by keyboard as by touch: choose the lane, press the group's button; returns the slip's number."""
    browser.get(base_url + KIOSK)
    if lane:
        browser.find_element(By.CSS_SELECTOR, f"input[name=priority][value={lane}]").send_keys(Keys.SPACE)
    browser.find_element(By.ID, f"take-{group}").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "/hall/tickets/" in d.current_url)
    return browser.find_element(By.ID, "ticket-number").text


def clear_window(browser, base_url):
    """Finishes whatever the clerk's window still has, so each test starts from an idle window."""
    browser.get(base_url + "/window")
    for _ in range(20):
        buttons = {b.get_attribute("id") for b in browser.find_elements(By.CSS_SELECTOR, ".call-panel button")}
        if "call-next" in buttons:
            return
        step = "start" if "start" in buttons else "finish"
        browser.find_element(By.ID, step).send_keys(Keys.ENTER)
        wait_until(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".call-panel"))


def call_next(browser):
    browser.find_element(By.ID, "call-next").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "current-ticket"))
    return browser.find_element(By.ID, "current-ticket").text


def serve_current(browser):
    browser.find_element(By.ID, "start").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "finish"))
    browser.find_element(By.ID, "finish").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "call-next"))


def drain(browser):
    """Serves every ticket still waiting for the window (left by an earlier test run on the same server)."""
    while "等候 0" not in browser.find_element(By.ID, "queue-counts").text.split("·")[0]:
        call_next(browser)
        serve_current(browser)


def test_a_kiosk_ticket_is_called_and_the_display_shows_it_within_a_second(browser, display, base_url, artifacts):
    switch_user(browser, base_url, "clerk")
    clear_window(browser, base_url)
    drain(browser)
    WebDriverWait(display, 5).until(lambda d: d.find_element(By.ID, "hall").get_attribute("data-built"))
    number = take_ticket(browser, base_url, "A")
    browser.save_screenshot(str(artifacts / "hall-slip.png"))
    browser.get(base_url + "/window")
    called_at = time.monotonic()
    assert call_next(browser) == number
    browser.save_screenshot(str(artifacts / "hall-calling-panel.png"))
    WebDriverWait(display, 1).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#calls .call.latest .num")
        and d.find_element(By.CSS_SELECTOR, "#calls .call.latest .num").text == number)
    print(f"display showed {number} {1000 * (time.monotonic() - called_at):.0f} ms after the call was answered")
    assert "01" in display.find_element(By.CSS_SELECTOR, "#calls .call.latest").text
    display.save_screenshot(str(artifacts / "hall-display.png"))
    serve_current(browser)


def test_a_priority_ticket_is_called_before_an_ordinary_one(browser, base_url, artifacts):
    switch_user(browser, base_url, "clerk")
    clear_window(browser, base_url)
    drain(browser)
    ordinary = take_ticket(browser, base_url, "A")
    elderly = take_ticket(browser, base_url, "A", lane="elderly")
    assert "绿色通道" in browser.find_element(By.ID, "slip").text
    browser.get(base_url + "/window")
    assert call_next(browser) == elderly
    assert "绿色通道" in browser.find_element(By.CSS_SELECTOR, ".call-panel").text
    serve_current(browser)
    assert call_next(browser) == ordinary
    serve_current(browser)


def test_an_appointment_booked_online_is_checked_in_at_the_kiosk_and_served(browser, base_url, artifacts):
    switch_user(browser, base_url, "clerk")
    clear_window(browser, base_url)
    drain(browser)
    browser.get(base_url + "/appointments")
    # Each choice reloads the form with the next one's options (a plain GET form; the button does it without scripts).
    Select(browser.find_element(By.ID, "site")).select_by_value("site-center")
    wait_until(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#group option[value=A]"))
    Select(browser.find_element(By.ID, "group")).select_by_value("A")
    wait_until(browser, lambda d: "group=A" in d.current_url)
    Select(browser.find_element(By.ID, "day")).select_by_value("2026-11-24")
    wait_until(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#book input[name=slot]"))
    # The next half-hour that still has a place (10:00 now, so 10:30 at the latest).
    slot = next(s for s in browser.find_elements(By.CSS_SELECTOR, "#book input[name=slot]") if s.is_enabled())
    slot.send_keys(Keys.SPACE)
    browser.find_element(By.ID, "name").send_keys("赵敏")
    phone = "139" + str(int(time.time() * 1000))[-8:]
    browser.find_element(By.ID, "phone").send_keys(phone)
    browser.save_screenshot(str(artifacts / "hall-appointment-form.png"))
    browser.find_element(By.ID, "book-submit").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "booking-code"))
    code = browser.find_element(By.ID, "booking-code").text
    browser.save_screenshot(str(artifacts / "hall-appointment-booked.png"))

    browser.get(base_url + KIOSK)
    browser.find_element(By.ID, "phone").send_keys(phone)
    browser.find_element(By.ID, "code").send_keys(code, Keys.ENTER)
    wait_until(browser, lambda d: "/hall/tickets/" in d.current_url)
    number = browser.find_element(By.ID, "ticket-number").text
    assert "预约" in browser.find_element(By.ID, "slip").text

    browser.get(base_url + "/window")
    assert call_next(browser) == number  # in its slot, the appointment goes in the priority lane
    serve_current(browser)
