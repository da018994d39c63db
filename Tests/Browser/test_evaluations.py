"""好差评 through the real pages: the applicant rates a concluded case on a phone from the invitation's link, gives a
negative rating with a reason; the service desk calls back and assigns it to the clerk, who records the fix; the
desk tells the result; the applicant sees it and rates again; the public page shows it. A citizen rates an online
application on the portal; the clerk appeals, the supervisor voids the rating."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from helpers import api, sign_in, wait_until
from test_hall import call_next, clear_window, drain, serve_current, take_ticket
from test_phone import phone, shoot
from test_portal import FOOD_LICENCE, on_a_phone, scan, sign_in_citizen, sign_up
from test_window import switch_user

IMMEDIATE = "360105001000"  # decided at the window on the spot
MOBILE = "13900002222"


def concluded_case(base_url):
    session = api(base_url, "POST", "/api/v1/session", {"username": "clerk", "password": "demo1234"})
    token = session["token"]
    number = api(base_url, "POST", "/api/v1/cases", {
        "item_code": IMMEDIATE,
        "applicant": {"name": "钟玉兰", "id_number": "11010519491231002X", "phone": MOBILE},
    }, token)["number"]
    for step, body in [("accept", {}), ("decide", {"approved": True}),
                       ("deliver", {"mode": "pickup", "receiver": "钟玉兰", "id_checked": True})]:
        api(base_url, "POST", f"/api/v1/cases/{number}/{step}", body, token)
    return number, session["staff"]["display_name"]


def take_step(browser, step, fields):
    """Fills and sends a step's form; done when the entry's trail has one more line (the same page comes back)."""
    before = len(browser.find_elements(By.CSS_SELECTOR, "#entry-steps li"))
    form = browser.find_element(By.ID, f"step-{step}")
    for name, value in fields.items():
        form.find_element(By.NAME, name).send_keys(value)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#entry-steps li")) > before)


def test_a_negative_rating_is_called_back_fixed_and_rated_again(browser, base_url, artifacts):
    number, clerk_name = concluded_case(base_url)

    # On a phone, from the text message's link: a negative rating without a reason is refused, by field.
    phone(browser)
    browser.get(base_url + f"/status?number={number}&phone={MOBILE}&via=sms")
    browser.find_element(By.ID, "rate-case-level-1").send_keys(Keys.SPACE)
    browser.find_element(By.CSS_SELECTOR, "#rate-case button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "comment-error"))
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    shoot(browser, artifacts, "rating-refused-phone.png")
    browser.find_element(By.ID, "rate-case-comment").send_keys("材料要求没有一次说清楚")
    browser.find_element(By.CSS_SELECTOR, "#rate-case button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "rated=1" in d.current_url)
    assert "非常不满意" in browser.find_element(By.ID, "my-evaluations").text
    assert not browser.find_elements(By.ID, "rate-case")
    shoot(browser, artifacts, "rating-given-phone.png")

    # The service desk: the entry is on the list; call back, assign to the clerk.
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.delete_all_cookies()
    sign_in(browser, base_url, "service")
    browser.find_element(By.PARTIAL_LINK_TEXT, "好差评与差评整改").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "/service/evaluations" in d.current_url)
    shoot(browser, artifacts, "service-desk.png")
    row = next(r for r in browser.find_elements(By.CSS_SELECTOR, "#rectifications tbody tr") if number in r.text)
    row.find_element(By.TAG_NAME, "a").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "/service/rectifications/" in d.current_url)
    entry_url = browser.current_url
    take_step(browser, "call_back", {"note": "已电话回访，情况属实"})
    form = browser.find_element(By.ID, "step-assign")
    options = form.find_elements(By.CSS_SELECTOR, "select[name=assignee] option")
    Select(form.find_element(By.NAME, "assignee")).select_by_visible_text(
        next(o.text for o in options if o.text.endswith(clerk_name)))
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "待整改" in d.find_element(By.ID, "entry-state").text)

    # The clerk finds it under 我的评价与整改 and records the fix.
    switch_user(browser, base_url, "clerk")
    browser.find_element(By.PARTIAL_LINK_TEXT, "我的评价与整改").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "assigned"))
    next(a for a in browser.find_elements(By.CSS_SELECTOR, "#assigned a") if number in a.text).send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "step-fix"))
    take_step(browser, "fix", {"cause": "一次性告知单缺少附图说明", "measure": "补充附图说明并对窗口人员培训"})

    # The desk tells the result; the entry is closed.
    switch_user(browser, base_url, "service")
    browser.get(entry_url)
    take_step(browser, "result", {"note": "已电话告知整改情况，申请人认可"})
    assert "已整改反馈" in browser.find_element(By.ID, "entry-state").text
    shoot(browser, artifacts, "rectification-closed.png")

    # The applicant sees the fix and rates again.
    browser.delete_all_cookies()
    phone(browser)
    browser.get(base_url + f"/status?number={number}&phone={MOBILE}")
    assert "补充附图说明" in browser.find_element(By.ID, "my-evaluations").text
    browser.find_element(By.ID, "rate-again-level-4").send_keys(Keys.SPACE)
    browser.find_element(By.CSS_SELECTOR, "#rate-again button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "rated=1" in d.current_url)
    assert not browser.find_elements(By.ID, "rate-again")
    shoot(browser, artifacts, "rated-again-phone.png")
    browser.get(base_url + "/ratings")
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    shoot(browser, artifacts, "ratings-public-phone.png")


def test_a_citizen_rates_on_the_portal_and_the_clerks_appeal_is_decided_by_the_supervisor(browser, base_url, artifacts):
    # An online application, concluded; the citizen rates it on the portal.
    citizen_phone = sign_up(browser, base_url, "卫红英", "36099919870303121")
    browser.get(base_url + f"/my/apply?item={FOOD_LICENCE}")
    for index, field in enumerate(browser.find_elements(By.CSS_SELECTOR, "input[type=file]")):
        field.send_keys(scan(artifacts, f"评价材料{index + 1}.pdf"))
    browser.find_element(By.CSS_SELECTOR, "button[name=intent][value=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "sent=1" in d.current_url)
    number = browser.find_element(By.CSS_SELECTOR, ".case-number").text
    clerk = api(base_url, "POST", "/api/v1/session", {"username": "clerk", "password": "demo1234"})["token"]
    reviewer = api(base_url, "POST", "/api/v1/session", {"username": "reviewer", "password": "demo1234"})["token"]
    api(base_url, "POST", f"/api/v1/cases/{number}/accept", {}, clerk)
    api(base_url, "POST", f"/api/v1/cases/{number}/start-review", {}, reviewer)
    api(base_url, "POST", f"/api/v1/cases/{number}/decide", {"approved": True}, reviewer)
    api(base_url, "POST", f"/api/v1/cases/{number}/deliver",
        {"mode": "pickup", "receiver": "卫红英", "id_checked": True}, clerk)
    sign_in_citizen(browser, base_url, citizen_phone)
    browser.get(base_url + f"/my/cases/{number}")
    browser.find_element(By.ID, "rate-case-level-2").send_keys(Keys.SPACE)
    browser.find_element(By.ID, "rate-case-comment").send_keys("取证时窗口说法前后不一")
    browser.find_element(By.CSS_SELECTOR, "#rate-case button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "rated=1" in d.current_url)
    assert "网上办事大厅" in browser.find_element(By.ID, "my-evaluations").text
    on_a_phone(browser, lambda: shoot(browser, artifacts, "portal-rated-phone.png"))

    # The clerk it names appeals it, with the reason and the evidence.
    switch_user(browser, base_url, "clerk")
    browser.get(base_url + "/staff/evaluations")
    row = next(r for r in browser.find_elements(By.CSS_SELECTOR, "#rated tbody tr") if number in r.text)
    row.find_element(By.TAG_NAME, "summary").send_keys(Keys.ENTER)
    row.find_element(By.NAME, "reason").send_keys("申请人反映的是另一部门的说法")
    row.find_element(By.NAME, "evidence").send_keys("窗口录音录像 2026-11-24 10:00")
    row.find_element(By.CSS_SELECTOR, "button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "appealed=1" in d.current_url)

    # The supervisor voids it with a reason; the clerk sees the decision.
    switch_user(browser, base_url, "supervisor")
    browser.find_element(By.PARTIAL_LINK_TEXT, "评价申诉复核").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "/supervision/appeals" in d.current_url)
    article = next(a for a in browser.find_elements(By.CSS_SELECTOR, "article.appeal") if number in a.text)
    article.find_element(By.NAME, "reason").send_keys("经调取录音，非本窗口原因")
    article.find_element(By.CSS_SELECTOR, "button[value=void]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "decided=1" in d.current_url)
    shoot(browser, artifacts, "appeals-decided.png")
    switch_user(browser, base_url, "clerk")
    browser.get(base_url + "/staff/evaluations")
    row = next(r for r in browser.find_elements(By.CSS_SELECTOR, "#rated tbody tr") if number in r.text)
    assert "申诉成立，评价作废" in row.text


def test_the_pads_rating_counts_in_the_clerks_figures(browser, base_url, artifacts):
    switch_user(browser, base_url, "clerk")
    browser.get(base_url + "/staff/evaluations")
    before = int(browser.find_element(By.CSS_SELECTOR, "#my-figures tbody td").text)
    clear_window(browser, base_url)
    drain(browser)
    take_ticket(browser, base_url, "A")
    browser.get(base_url + "/window")
    call_next(browser)
    serve_current(browser)
    # The applicant presses 满意 on the window's pad.
    browser.get(base_url + "/hall/windows/win-site-center-01/pad")
    wait_until(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#rate button.rate-4"))
    browser.find_element(By.CSS_SELECTOR, "#rate button.rate-4").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "thanks"))
    browser.get(base_url + "/staff/evaluations")
    assert int(browser.find_element(By.CSS_SELECTOR, "#my-figures tbody td").text) == before + 1
    assert "窗口评价器" in browser.find_element(By.CSS_SELECTOR, "#rated tbody tr").text
