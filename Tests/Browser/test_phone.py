"""Citizen pages on a phone (390×844) and in 大字模式: a compact header with a menu button, tables as stacked cards,
the portal's first screen; screenshots of each next to the desktop one."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from helpers import wait_until


def phone(browser):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})


def shoot(browser, artifacts, name):
    """A full-page screenshot: the viewport grown to the page's height for the picture, then put back."""
    width = browser.execute_script("return window.innerWidth")
    height = browser.execute_script("return document.body.scrollHeight")
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": min(height, 3000), "deviceScaleFactor": 1, "mobile": width < 500})
    browser.save_screenshot(str(artifacts / name))
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": 844 if width < 500 else 1000, "deviceScaleFactor": 1,
                             "mobile": width < 500})


def test_home_and_search_on_a_phone(browser, base_url, artifacts):
    browser.get(base_url + "/")
    shoot(browser, artifacts, "home-desktop.png")
    phone(browser)
    browser.get(base_url + "/")
    header = browser.find_element(By.CSS_SELECTOR, ".site-header")
    assert header.size["height"] < 80, header.size
    assert not browser.find_element(By.ID, "site-nav").is_displayed()
    # The first screen: search and the 个人/法人 entries, not a wall of site cards.
    assert browser.find_element(By.ID, "entries").location["y"] < 844
    assert browser.find_element(By.ID, "towns").location["y"] > 844
    shoot(browser, artifacts, "home-phone.png")
    menu = browser.find_element(By.CSS_SELECTOR, ".menu-button")
    menu.send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_element(By.ID, "site-nav").is_displayed())
    assert menu.get_attribute("aria-expanded") == "true"
    browser.save_screenshot(str(artifacts / "home-phone-menu.png"))

    browser.get(base_url + "/items?q=食品")
    row = browser.find_element(By.CSS_SELECTOR, "table.stacked tbody tr")
    assert row.size["width"] > 300, row.size
    cell = row.find_element(By.CSS_SELECTOR, "td")
    assert cell.get_attribute("data-label") == "事项名称"
    shoot(browser, artifacts, "items-phone.png")


def test_large_text_on_a_phone(browser, base_url, artifacts):
    phone(browser)
    browser.get(base_url + "/text-size/large?to=/items%3Fq%3D%E9%A3%9F%E5%93%81")
    assert "large" in browser.find_element(By.TAG_NAME, "body").get_attribute("class")
    # Nothing wider than the screen: no sideways scrolling.
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    shoot(browser, artifacts, "items-phone-large.png")
    browser.get(base_url + "/")
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    shoot(browser, artifacts, "home-phone-large.png")


def test_booking_slots_fit_a_phone(browser, base_url, artifacts):
    phone(browser)
    browser.get(base_url + "/appointments?site=site-center&group=A&day=2026-11-25")
    slots = browser.find_elements(By.CSS_SELECTOR, ".slots .slot")
    assert len(slots) >= 12
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    # A compact grid: three to a row, not one slot per line.
    assert slots[0].location["y"] == slots[2].location["y"]
    shoot(browser, artifacts, "booking-phone.png")


def test_status_my_cases_and_an_online_ticket_on_a_phone(browser, base_url, artifacts):
    """The rest of a citizen's journeys at 390×844 next to the desktop: the status look-up, 我的办件 and an online
    ticket that follows its place in the queue and has a way back (and no print button)."""
    from selenium.webdriver.support.ui import Select

    from helpers import api
    from test_portal import sign_up
    from test_window import resident_id

    citizen = sign_up(browser, base_url, "孙丽", "36099919900512004")
    token = api(base_url, "POST", "/api/v1/session", {"username": "clerk", "password": "demo1234"})["token"]
    case = api(base_url, "POST", "/api/v1/cases", {
        "item_code": "360105002000",
        "applicant": {"name": "孙丽", "id_number": resident_id("36099919900512004"), "phone": citizen}}, token)
    api(base_url, "POST", f"/api/v1/cases/{case['number']}/accept", {}, token)
    # 我的办件 lists what the account applied for online: a draft of the food licence.
    browser.get(base_url + "/my/apply?item=360105002000")
    browser.find_element(By.CSS_SELECTOR, "button[name=intent][value=draft]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "/my/cases/" in d.current_url)

    status = f"{base_url}/status?number={case['number']}&phone={citizen}"
    for look, name in ((None, "desktop"), (phone, "phone")):
        if look:
            look(browser)
        browser.get(status)
        assert case["number"] in browser.find_element(By.ID, "case-status").text
        assert browser.execute_script("return document.documentElement.scrollWidth") <= (390 if look else 2000)
        shoot(browser, artifacts, f"status-{name}.png")
        browser.get(base_url + "/my")
        row = browser.find_element(By.CSS_SELECTOR, "#my-cases tbody tr")
        assert "食品经营许可" in row.text
        if look:
            assert row.size["width"] > 300, row.size  # a card, not a column of single characters
            assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
        shoot(browser, artifacts, f"my-cases-{name}.png")
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    phone(browser)
    browser.get(base_url + "/queue?site=site-center")
    Select(browser.find_element(By.ID, "group")).select_by_index(1)
    field = browser.find_element(By.ID, "phone")
    assert field.get_attribute("type") == "tel"
    field.send_keys(citizen)
    browser.find_element(By.ID, "take-online").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "ticket-number"))
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    assert browser.find_element(By.ID, "ticket-position").text, "its place in the queue"
    assert browser.find_elements(By.LINK_TEXT, "我的办件与取号"), "a way on from the slip"
    assert "打印" not in browser.find_element(By.ID, "slip").text
    shoot(browser, artifacts, "online-ticket-phone.png")
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.refresh()
    shoot(browser, artifacts, "online-ticket-desktop.png")
