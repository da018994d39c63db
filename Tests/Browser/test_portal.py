"""The citizen portal through the real pages: sign up, apply online with uploads, the window's pre-review sends a
one-time correction notice, the citizen uploads again and sends it back, and the window accepts it. The citizen's
pages are also looked at on a phone-width screen."""
import itertools
import os
import pathlib
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from helpers import api, sign_in, text_of, wait_until
from test_window import mark, press, resident_id

FOOD_LICENCE = "360105002000"
_phones = itertools.count(13805550001)


def sign_up(browser, base_url, name, first17):
    phone = str(next(_phones))
    browser.get(base_url + "/my/signup")
    browser.find_element(By.ID, "phone").send_keys(phone)
    browser.find_element(By.ID, "name").send_keys(name)
    browser.find_element(By.ID, "id_number").send_keys(resident_id(first17))
    browser.find_element(By.ID, "password").send_keys("yunxi2026", Keys.ENTER)
    # The account is made when the texted code comes back; with no SMS gateway the text is in the server's log.
    wait_until(browser, lambda d: d.find_elements(By.ID, "code"))
    browser.find_element(By.ID, "code").send_keys(texted_code(phone), Keys.ENTER)
    wait_until(browser, lambda d: d.current_url.endswith("/my"))
    return phone


def texted_code(phone):
    """The sign-up code of the last text to `phone` that the log channel wrote (the number masked as the server
    masks it)."""
    masked = phone[:3] + "*" * 6 + phone[-2:]
    log = pathlib.Path(os.environ["ONEWINDOW_SERVER_LOG"]).read_text(encoding="utf-8", errors="replace")
    codes = [m.group(1) for line in log.splitlines() if f"text to {masked}" in line
             for m in [re.search(r"验证码 (\d{6})", line)] if m]
    assert codes, f"no sign-up code texted to {masked} in the server log"
    return codes[-1]


def sign_in_citizen(browser, base_url, phone):
    browser.delete_all_cookies()
    browser.get(base_url + "/my/login")
    browser.find_element(By.ID, "phone").send_keys(phone)
    browser.find_element(By.ID, "password").send_keys("yunxi2026", Keys.ENTER)
    wait_until(browser, lambda d: d.current_url.endswith("/my"))


def on_a_phone(browser, look):
    """Looks at the page as a 390×844 phone shows it (headless Chromium's windows are never narrower than 500 px, so
    the phone's screen is emulated), no wider than the screen, then goes back to the desktop."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    try:
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390, browser.current_url
        look()
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def scan(artifacts, name):
    """A small PDF whose content names it: two scans are two files (a corrected scan is not the old one again)."""
    path = artifacts / name
    path.write_bytes(b"%PDF-1.4\n% " + name.encode() + b"\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
    return str(path.resolve())


def test_online_application_with_a_pre_review_correction(browser, base_url, artifacts):
    phone = sign_up(browser, base_url, "钱伟", "36099919860405121")
    browser.get(base_url + f"/items/{FOOD_LICENCE}")
    browser.find_element(By.LINK_TEXT, "在线申请").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "/my/apply" in d.current_url)

    # Sending without the required files names each missing one.
    browser.find_element(By.CSS_SELECTOR, "button[name=intent][value=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "error-summary"))
    assert "请上传「申请表」" in text_of(browser, "body")

    inputs = browser.find_elements(By.CSS_SELECTOR, "input[type=file]")
    assert inputs, "a file input per material to upload"
    for index, field in enumerate(inputs):
        field.send_keys(scan(artifacts, f"材料{index + 1}.pdf"))
    on_a_phone(browser, lambda: browser.save_screenshot(str(artifacts / "portal-apply-phone.png")))
    browser.find_element(By.CSS_SELECTOR, "button[name=intent][value=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "sent=1" in d.current_url)
    number = browser.find_element(By.CSS_SELECTOR, ".case-number").text
    assert "待受理" in text_of(browser, "body")

    # 网上预审 at the center: the plan of the premises is not good enough.
    browser.delete_all_cookies()
    sign_in(browser, base_url, "clerk")
    browser.get(base_url + "/window")
    assert number in browser.find_element(By.ID, "online").text
    browser.save_screenshot(str(artifacts / "window-online-queue.png"))
    browser.get(base_url + f"/cases/{number}/recheck")
    rows = len(browser.find_elements(By.CSS_SELECTOR, "table.checklist tbody tr"))
    for index in range(rows):
        if browser.find_elements(By.ID, f"material_{index}_received"):
            mark(browser, index, "received")
    mark(browser, 2, "missing", "平面图未标明操作间面积")
    press(browser, "correction")
    wait_until(browser, lambda d: "/notices/correction" in d.current_url)

    # The citizen sees what to correct, uploads again and sends it back.
    sign_in_citizen(browser, base_url, phone)
    assert "待补正" in browser.find_element(By.ID, "my-cases").text
    browser.find_element(By.LINK_TEXT, number).send_keys(Keys.ENTER)
    wait_until(browser, lambda d: f"/my/cases/{number}" in d.current_url)
    assert "平面图未标明操作间面积" in browser.find_element(By.ID, "correction").text
    browser.find_element(By.ID, "material_2_file").send_keys(scan(artifacts, "平面布局图-补正.pdf"))
    browser.save_screenshot(str(artifacts / "portal-correction.png"))
    browser.find_element(By.CSS_SELECTOR, "button[name=intent][value=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "sent=1" in d.current_url)
    assert "平面布局图-补正.pdf" in text_of(browser, "body")

    # The window accepts it; the citizen sees it accepted, with a due date.
    browser.delete_all_cookies()
    sign_in(browser, base_url, "clerk")
    browser.get(base_url + f"/cases/{number}/recheck")
    mark(browser, 2, "received")
    press(browser, "accept")
    wait_until(browser, lambda d: "/notices/acceptance" in d.current_url)
    sign_in_citizen(browser, base_url, phone)
    assert "已受理" in browser.find_element(By.ID, "my-cases").text
    browser.find_element(By.LINK_TEXT, number).send_keys(Keys.ENTER)
    wait_until(browser, lambda d: f"/my/cases/{number}" in d.current_url)
    on_a_phone(browser, lambda: browser.save_screenshot(str(artifacts / "portal-case-accepted-phone.png")))


def test_a_citizen_never_reaches_another_citizens_case(browser, base_url, artifacts):
    sign_up(browser, base_url, "冯娟", "36099919920710222")
    browser.get(base_url + f"/my/apply?item={FOOD_LICENCE}")
    browser.find_element(By.CSS_SELECTOR, "button[name=intent][value=draft]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "saved=1" in d.current_url)
    number = browser.find_element(By.CSS_SELECTOR, ".case-number").text
    draft_url = browser.current_url.split("?")[0]
    sign_up(browser, base_url, "褚强", "36099919930302111")
    for path in (draft_url, base_url + f"/cases/{number}", base_url + f"/status?number={number}&phone=13800000000"):
        browser.get(path)
        body = text_of(browser, "body")
        assert "冯娟" not in body and "冯*" not in body, path


def test_a_bundle_applied_for_online_makes_one_case_per_item(browser, base_url, artifacts):
    sign_up(browser, base_url, "郑红梅", "36099919700202222")
    browser.get(base_url + "/bundles/disability")
    browser.find_element(By.PARTIAL_LINK_TEXT, "在线申请").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "bundle=disability" in d.current_url)
    assert "同时申请 3 个事项" in text_of(browser, "body")
    for index, field in enumerate(browser.find_elements(By.CSS_SELECTOR, "input[type=file]")):
        field.send_keys(scan(artifacts, f"残疾人材料{index + 1}.pdf"))
    browser.save_screenshot(str(artifacts / "portal-bundle-apply.png"))
    browser.find_element(By.CSS_SELECTOR, "button[name=intent][value=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "/my?sent=1" in d.current_url)
    rows = browser.find_elements(By.CSS_SELECTOR, "#my-cases tbody tr")
    assert len(rows) == 3
    assert all("待受理" in row.text for row in rows)
    browser.save_screenshot(str(artifacts / "portal-bundle-cases.png"))


def test_a_case_accepted_at_the_window_reaches_the_citizens_messages(browser, base_url, artifacts):
    """The notification worker inside serve tells the applicant: a case a clerk accepts for the account's number
    shows in 我的消息 (with a badge on 我的办件), links to the case, and the text went out through the log channel."""
    phone = sign_up(browser, base_url, "赵敏", "11010519900307002")
    token = api(base_url, "POST", "/api/v1/session", {"username": "clerk", "password": "demo1234"})["token"]
    case = api(base_url, "POST", "/api/v1/cases", {
        "item_code": FOOD_LICENCE,
        "applicant": {"name": "赵敏", "id_number": resident_id("11010519900307002"), "phone": phone}}, token)
    api(base_url, "POST", f"/api/v1/cases/{case['number']}/accept", {}, token)

    def badge(driver):
        driver.get(base_url + "/my")
        return driver.find_elements(By.CSS_SELECTOR, "#my-messages .badge")
    wait_until(browser, badge)
    assert browser.find_element(By.CSS_SELECTOR, "#my-messages .badge").text == "1"
    browser.find_element(By.ID, "my-messages").click()
    wait_until(browser, lambda d: d.current_url.endswith("/my/messages"))
    message = browser.find_element(By.CSS_SELECTOR, "#messages .message")
    assert "受理通知" in message.text and case["number"] in message.text and "已受理" in message.text
    on_a_phone(browser, lambda: browser.save_screenshot(str(artifacts / "my-messages-phone.png")))
    message.find_element(By.LINK_TEXT, "查看办件").click()
    wait_until(browser, lambda d: "/status" in d.current_url)
    assert case["number"] in text_of(browser, "main")
    masked = phone[:3] + "*" * 6 + phone[-2:]
    log = pathlib.Path(os.environ["ONEWINDOW_SERVER_LOG"]).read_text(encoding="utf-8", errors="replace")
    assert any(f"text to {masked}" in line and case["number"] in line and "已受理" in line for line in log.splitlines())
    browser.get(base_url + "/my")
    assert not browser.find_elements(By.CSS_SELECTOR, "#my-messages .badge"), "read once opened"
