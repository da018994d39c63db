"""诉求 through the real pages: a citizen files a complaint about a window on the portal (on a phone); the service desk
dispatches it to the wrong department, which returns it; it is dispatched again, signed for and answered; the citizen
rates the answer unsatisfied from the link, it reopens, is answered again and closes; the desk's trail shows every
step. A consultation taken on the phone is answered, made a knowledge entry, and found from the item's guide and by
pinyin initials."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from helpers import sign_in, wait_until
from test_phone import phone, shoot
from test_window import switch_user

BUSINESS_LICENCE = "360105001000"  # 个体工商户设立登记, of 市场监督管理局 (dept-scjgj)


def desk_step(browser, form_id, fields=None, select=None):
    """Fills one step's form on the desk's inquiry page and waits for the trail to grow."""
    before = len(browser.find_elements(By.CSS_SELECTOR, "#inquiry-trail li"))
    form = browser.find_element(By.ID, form_id)
    for name, value in (select or {}).items():
        Select(form.find_element(By.NAME, name)).select_by_visible_text(value)
    for name, value in (fields or {}).items():
        form.find_element(By.NAME, name).send_keys(value)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#inquiry-trail li")) > before)


def open_on_desk(browser, base_url, number):
    browser.get(base_url + "/service/inquiries?show=all")
    row = next(r for r in browser.find_elements(By.CSS_SELECTOR, "#inquiries tbody tr") if number in r.text)
    row.find_element(By.TAG_NAME, "a").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: f"/service/inquiries/{number}" in d.current_url)


def rate(browser, link, level, comment=""):
    browser.get(link)
    Select(browser.find_element(By.NAME, "rating")).select_by_visible_text(level)
    if comment:
        browser.find_element(By.NAME, "comment").send_keys(comment)
    browser.find_element(By.CSS_SELECTOR, "#rate-inquiry button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "rated=1" in d.current_url)


def test_a_complaint_goes_round_the_closed_loop(browser, base_url, artifacts):
    # On a phone: the citizen files a complaint about a window; a missing name and phone are named first.
    phone(browser)
    browser.delete_all_cookies()
    browser.get(base_url + "/")
    browser.find_element(By.CSS_SELECTOR, ".menu-button").click()
    browser.find_element(By.LINK_TEXT, "咨询投诉").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "/inquiries/new" in d.current_url)
    Select(browser.find_element(By.ID, "kind")).select_by_visible_text("投诉")
    browser.find_element(By.ID, "content").send_keys("在县行政服务中心3号综合窗口办事，工作人员没有一次性告知材料，让我跑了两次。")
    options = [o.text for o in browser.find_elements(By.CSS_SELECTOR, "#window_id option")]
    window = next(o for o in options if o.startswith("云溪县行政服务中心 03号"))
    Select(browser.find_element(By.ID, "window_id")).select_by_visible_text(window)
    browser.find_element(By.CSS_SELECTOR, "#inquiry-form button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "error-summary"))
    assert {a.get_attribute("href").split("#")[1] for a in browser.find_elements(By.CSS_SELECTOR, "#error-summary a")} \
        == {"name", "phone"}
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    shoot(browser, artifacts, "inquiry-form-errors-phone.png")
    browser.find_element(By.ID, "name").send_keys("郑美华")
    browser.find_element(By.ID, "phone").send_keys("13911112222")
    browser.find_element(By.CSS_SELECTOR, "#inquiry-form button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "inquiry-number"))
    number = browser.find_element(By.ID, "inquiry-number").text
    link = browser.find_element(By.ID, "inquiry-link").get_attribute("href")
    shoot(browser, artifacts, "inquiry-filed-phone.png")
    browser.get(link)
    assert "待受理派单" in browser.find_element(By.ID, "inquiry-state").text
    browser.get(base_url + "/text-size/large?to=" + link.split(base_url)[1].replace("&", "%26").replace("?", "%3F"))
    browser.get(link)
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    shoot(browser, artifacts, "inquiry-citizen-large-phone.png")
    browser.get(base_url + "/text-size/normal")
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    # The service desk takes it and dispatches it — to the wrong department.
    switch_user(browser, base_url, "service")
    browser.find_element(By.PARTIAL_LINK_TEXT, "咨询投诉（受理派单").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "/service/inquiries" in d.current_url)
    shoot(browser, artifacts, "inquiry-desk.png")
    open_on_desk(browser, base_url, number)
    desk_step(browser, "inquiry-assign", {"note": "请核实并答复"}, {"department_id": "云溪县卫生健康委员会"})
    assert "已派单" in browser.find_element(By.ID, "inquiry-state").text

    # 卫健委 returns it as not theirs, with the reason.
    switch_user(browser, base_url, "reviewer2")
    browser.find_element(By.PARTIAL_LINK_TEXT, "派至本部门的咨询投诉").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "/service/inquiries" in d.current_url)
    open_on_desk(browser, base_url, number)
    form = browser.find_element(By.ID, "inquiry-return")
    form.find_element(By.NAME, "reason").send_keys("综合窗口由行政审批局管理，市场监管事项请转市场监管局")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: number in d.find_element(By.ID, "notice").text)
    assert number not in browser.find_element(By.TAG_NAME, "main").text.replace(
        browser.find_element(By.ID, "notice").text, "")

    # The desk dispatches it again, to 市场监管局, which signs for it and answers.
    switch_user(browser, base_url, "service")
    open_on_desk(browser, base_url, number)
    assert "退回" in browser.find_element(By.ID, "inquiry-trail").text
    desk_step(browser, "inquiry-assign", {}, {"department_id": "云溪县市场监督管理局"})
    switch_user(browser, base_url, "reviewer")
    open_on_desk(browser, base_url, number)
    desk_step(browser, "inquiry-sign")
    desk_step(browser, "inquiry-answer", {"answer": "经核实，窗口未一次性告知，已对当事人批评教育，并在窗口公示材料清单。"})
    shoot(browser, artifacts, "inquiry-department.png")

    # The citizen reads the answer and rates it unsatisfied: a complaint reopens.
    browser.delete_all_cookies()
    phone(browser)
    rate(browser, link, "不满意", "没有向我道歉")
    assert "办理中" in browser.find_element(By.ID, "inquiry-state").text
    shoot(browser, artifacts, "inquiry-reopened-phone.png")
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    switch_user(browser, base_url, "reviewer")
    open_on_desk(browser, base_url, number)
    assert "不满意" in browser.find_element(By.ID, "inquiry-state").text
    desk_step(browser, "inquiry-answer", {"answer": "已电话向您致歉，并安排专人陪同办理。"})

    browser.delete_all_cookies()
    rate(browser, link, "满意")
    assert "已办结" in browser.find_element(By.ID, "inquiry-state").text
    assert len(browser.find_elements(By.CSS_SELECTOR, "#answers li")) == 2

    # The desk's trail names every step, in order.
    switch_user(browser, base_url, "service")
    open_on_desk(browser, base_url, number)
    steps = [li.get_attribute("data-step") for li in browser.find_elements(By.CSS_SELECTOR, "#inquiry-trail li")]
    assert steps == ["file", "assign", "return", "assign", "sign", "answer", "rate", "answer", "rate"]
    shoot(browser, artifacts, "inquiry-trail.png")


def test_a_consultation_answered_once_is_found_by_everyone(browser, base_url, artifacts):
    switch_user(browser, base_url, "service")
    browser.get(base_url + "/service/inquiries/new")
    Select(browser.find_element(By.ID, "source")).select_by_visible_text("来电")
    Select(browser.find_element(By.ID, "kind")).select_by_visible_text("咨询")
    browser.find_element(By.ID, "title").send_keys("个体户开业要准备什么")
    browser.find_element(By.ID, "content").send_keys("个体户开业要准备什么材料，能不能网上办")
    browser.find_element(By.ID, "item_code").send_keys(BUSINESS_LICENCE)
    browser.find_element(By.ID, "name").send_keys("冯建国")
    browser.find_element(By.ID, "phone").send_keys("13922223333")
    browser.find_element(By.CSS_SELECTOR, "#inquiry-form button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "inquiry-answer-direct"))
    desk_step(browser, "inquiry-answer-direct",
              {"answer": "带身份证和经营场所证明，可在政务服务网全程网上办理，当场发照。"})
    browser.find_element(By.ID, "to-knowledge").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "knowledge-form"))
    question = browser.find_element(By.ID, "question")
    question.clear()
    question.send_keys("个体户开业要准备什么")
    browser.find_element(By.CSS_SELECTOR, "#knowledge-form button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "knowledge-entries"))
    assert "个体户开业要准备什么" in browser.find_element(By.ID, "knowledge-entries").text
    shoot(browser, artifacts, "knowledge-desk.png")

    # Anyone: on the item's guide, and by the question's pinyin initials.
    browser.delete_all_cookies()
    browser.get(base_url + f"/items/{BUSINESS_LICENCE}")
    assert "个体户开业要准备什么" in browser.find_element(By.ID, "knowledge").text
    browser.get(base_url + "/knowledge")
    browser.find_element(By.ID, "q").send_keys("gthky", Keys.ENTER)
    wait_until(browser, lambda d: "q=gthky" in d.current_url)
    results = browser.find_element(By.ID, "knowledge-results")
    results.find_element(By.TAG_NAME, "summary").click()
    assert "全程网上办理" in results.text
    phone(browser)
    shoot(browser, artifacts, "knowledge-search-phone.png")
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.get(base_url + "/items?q=gthky")
    assert "个体户开业要准备什么" in browser.find_element(By.ID, "knowledge-hits").text
