"""电子监察 through the real pages. The supervisor sees the demo's overdue case red on the board, opens the cases
behind the count, and opens a 督办 on it with a 2-day deadline; the department's reviewer replies and the supervisor
closes it. The demo case told twice to correct is a rule hit whose evidence leads to both notices in the trail. The
clerk finds the 容缺 materials overdue on the follow-up list, and the result cannot be handed over before they are in."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from helpers import api, sign_in, wait_until
from test_phone import shoot
from test_window import switch_user


def submit(form):
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").send_keys(Keys.ENTER)


def test_a_red_case_is_supervised_a_rule_hit_has_its_evidence_and_owed_materials_hold_the_result(
        browser, base_url, artifacts):
    token = api(base_url, "POST", "/api/v1/session", {"username": "supervisor", "password": "demo1234"})["token"]
    red_api = api(base_url, "GET", "/api/v1/cases?warning=red", None, token)

    # The board: the red count is the API's, and it opens the cases behind it.
    sign_in(browser, base_url, "supervisor")
    browser.find_element(By.PARTIAL_LINK_TEXT, "全程监控").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "clock-board"))
    shoot(browser, artifacts, "supervision-board.png")
    red = browser.find_element(By.CSS_SELECTOR, "#clock-board tfoot td.light-red a")
    assert int(red.text) == red_api["total"] >= 1
    red.send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "/supervision/cases" in d.current_url)
    links = browser.find_elements(By.CSS_SELECTOR, "#supervision-cases tbody tr td:first-child a")
    assert sorted(a.text for a in links) == sorted(item["number"] for item in red_api["items"])
    number = links[0].text

    # 督办 on the red case: a 2-day deadline.
    links[0].send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "open-ticket"))
    form = browser.find_element(By.ID, "open-ticket")
    form.find_element(By.NAME, "instruction").send_keys("该件已超期，请说明原因并于两个工作日内办结")
    days = form.find_element(By.NAME, "workdays")
    days.clear()
    days.send_keys("2")
    submit(form)
    wait_until(browser, lambda d: "done=open" in d.current_url)
    ticket_url = browser.current_url.split("?")[0]
    assert "待答复" in browser.find_element(By.ID, "ticket-state").text
    assert number in browser.find_element(By.TAG_NAME, "h1").text
    shoot(browser, artifacts, "supervision-ticket-open.png")

    # The department replies, from its own list.
    switch_user(browser, base_url, "reviewer")
    browser.find_element(By.PARTIAL_LINK_TEXT, "本部门的督办件").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "tickets"))
    browser.find_element(By.CSS_SELECTOR, f"#tickets a[href='{ticket_url.replace(base_url, '')}']").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "ticket-reply"))
    form = browser.find_element(By.ID, "ticket-reply")
    form.find_element(By.NAME, "reply").send_keys("超期原因：等待现场核查；已于今日完成审查并作出决定")
    submit(form)
    wait_until(browser, lambda d: "done=reply" in d.current_url)
    assert "已答复" in browser.find_element(By.ID, "ticket-state").text

    # The supervisor accepts the reply.
    switch_user(browser, base_url, "supervisor")
    browser.get(ticket_url)
    form = browser.find_element(By.ID, "ticket-close")
    form.find_element(By.NAME, "note").send_keys("答复属实，同意办结")
    submit(form)
    wait_until(browser, lambda d: "done=close" in d.current_url)
    assert "已办结" in browser.find_element(By.ID, "ticket-state").text
    steps = browser.find_element(By.ID, "ticket-steps").text
    for step in ("发起督办", "部门答复", "审核通过"):
        assert step in steps, step
    shoot(browser, artifacts, "supervision-ticket-closed.png")

    # The rule hit: both correction notices, linked into the trail.
    browser.get(base_url + "/supervision/hits")
    hit = next(a for a in browser.find_elements(By.CSS_SELECTOR, "article.rule-hit") if "多次补正告知" in a.text)
    evidence = hit.find_elements(By.CSS_SELECTOR, ".evidence a")
    assert len(evidence) == 2
    shoot(browser, artifacts, "supervision-rule-hits.png")
    targets = [a.get_attribute("href").split("#")[1] for a in evidence]
    evidence[1].send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "trail"))
    for target in targets:
        assert "一次性告知补正" in browser.find_element(By.ID, target).text

    # 容缺 materials overdue: on the clerk's follow-up list, and the result is held back.
    switch_user(browser, base_url, "clerk")
    browser.find_element(By.PARTIAL_LINK_TEXT, "容缺材料补齐跟踪").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "follow-ups"))
    browser.find_element(By.LINK_TEXT, "已逾期").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "show=overdue" in d.current_url)
    row = browser.find_element(By.CSS_SELECTOR, "#follow-ups tbody tr")
    assert "房屋租赁合同" in row.text and "逾期" in row.text
    shoot(browser, artifacts, "follow-ups-overdue.png")
    row.find_element(By.TAG_NAME, "a").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "form-deliver"))
    form = browser.find_element(By.ID, "form-deliver")
    form.find_element(By.ID, "deliver-id_checked").send_keys(Keys.SPACE)
    submit(form)
    wait_until(browser, lambda d: "容缺材料尚未补齐，不能出件" in d.find_element(By.TAG_NAME, "body").text)
    assert "已决定，待出件" in browser.find_element(By.TAG_NAME, "body").text
