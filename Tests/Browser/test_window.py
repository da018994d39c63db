"""The window and the back office through the real pages: an immediate item from intake to result at one window; a
promised item with a one-time correction notice, resubmission, review, a parallel opinion, decision and pickup; and
a 通办 case taken in at a town center and decided by a county department. Every control is worked from the keyboard
(Space on radio buttons and check boxes, Enter on links, buttons and folded sections): nothing needs a mouse."""
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from helpers import sign_in, text_of, wait_until

HOUSEHOLD_BUSINESS = "360105001000"  # 个体工商户设立登记: immediate, county and town
FOOD_LICENCE = "360105002000"  # 食品经营许可: promised 10 working days, county only, 全县通办


def resident_id(first17):
    """A resident ID number with its GB 11643 check character."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(c) * w for c, w in zip(first17, weights))
    return first17 + "10X98765432"[total % 11]


def switch_user(browser, base_url, username):
    browser.delete_all_cookies()
    sign_in(browser, base_url, username)


def open_intake(browser, base_url, query, code):
    browser.get(base_url + "/window")
    browser.find_element(By.ID, "q").send_keys(query, Keys.ENTER)
    wait_until(browser, lambda d: "q=" in d.current_url)
    browser.find_element(By.CSS_SELECTOR, f"a[href='/window/intake?item={code}']").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "/window/intake" in d.current_url)


def fill_applicant(browser, name, id_number, phone):
    browser.find_element(By.ID, "applicant.id_number").send_keys(id_number)
    browser.find_element(By.ID, "applicant.name").send_keys(name)
    browser.find_element(By.ID, "applicant.phone").send_keys(phone)


def mark(browser, index, status, problem=None):
    browser.find_element(By.ID, f"material_{index}_{status}").send_keys(Keys.SPACE)
    if problem:
        field = browser.find_element(By.ID, f"material_{index}_problem")
        field.clear()
        field.send_keys(problem)


def press(browser, outcome):
    browser.find_element(By.CSS_SELECTOR, f"button[name=outcome][value={outcome}]").send_keys(Keys.ENTER)


def take_step(browser, step, fill=lambda form: None):
    """Opens a step's form on the case page (if folded), fills it and sends it; waits for the page after it."""
    form = browser.find_element(By.ID, f"form-{step}")
    if not form.is_displayed():
        form.find_element(By.XPATH, "./ancestor::details/summary").send_keys(Keys.ENTER)
    fill(form)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: f"done={step}" in d.current_url or d.find_elements(By.CSS_SELECTOR, ".field-error"))


def case_number(browser):
    return browser.find_element(By.CSS_SELECTOR, ".notice-number b").text


def decode_qr(path):
    result = subprocess.run(["zbarimg", "-q", "--raw", str(path)], capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_immediate_item_from_intake_to_result_at_one_window(browser, base_url, artifacts):
    sign_in(browser, base_url, "clerk")
    open_intake(browser, base_url, "gtgs", HOUSEHOLD_BUSINESS)

    # Nothing filled in: every problem is named next to its field, and no case is registered.
    press(browser, "decide")
    wait_until(browser, lambda d: d.find_elements(By.ID, "error-summary"))
    body = text_of(browser, "body")
    assert "未保存任何内容" in body
    assert browser.find_element(By.ID, "applicant.name-error").text == "请填写申请人姓名或名称"
    # The summary lists the errors in the order of the fields: the applicant before the materials.
    summary = [a.get_attribute("href").split("#")[1] for a in browser.find_elements(By.CSS_SELECTOR, "#error-summary a")]
    assert summary.index("applicant.name") < summary.index("material_0"), summary
    assert "手机号码应为 11 位数字" in browser.find_element(By.ID, "applicant.phone-error").text
    assert "请核验「申请表」" in browser.find_element(By.ID, "material_0-error").text
    browser.save_screenshot(str(artifacts / "window-intake-errors.png"))

    fill_applicant(browser, "陈晓燕", resident_id("36099919880512342"), "13907951234")
    for index in range(3):
        mark(browser, index, "received")
    browser.save_screenshot(str(artifacts / "window-intake-immediate.png"))
    press(browser, "decide")
    wait_until(browser, lambda d: "done=decide" in d.current_url)
    assert "已决定，待出件" in text_of(browser, "body")

    # The result is handed over at the same window: the receiver's ID is checked first.
    take_step(browser, "deliver")
    assert browser.find_element(By.ID, "deliver-id_checked-error").text == "请核验领取人身份证件"
    take_step(browser, "deliver", lambda form: form.find_element(By.ID, "deliver-id_checked").send_keys(Keys.SPACE))
    wait_until(browser, lambda d: "done=deliver" in d.current_url)
    body = text_of(browser, "body")
    assert "已办结" in body and "陈晓燕" in body
    browser.save_screenshot(str(artifacts / "window-immediate-concluded.png"))

    browser.find_element(By.PARTIAL_LINK_TEXT, "办结通知").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "/notices/conclusion" in d.current_url)
    number = case_number(browser)
    shot = artifacts / "notice-conclusion.png"
    browser.save_screenshot(str(shot))
    # The result's notice invites the rating: a rating made after scanning counts as the QR channel.
    assert decode_qr(shot).endswith(f"/status?number={number}&via=qr")


def test_promised_item_with_correction_review_opinion_decision_and_pickup(browser, base_url, artifacts):
    sign_in(browser, base_url, "clerk")
    open_intake(browser, base_url, "食品经营许可", FOOD_LICENCE)
    fill_applicant(browser, "周建华", resident_id("36099919750321611"), "13607956789")
    mark(browser, 0, "received")
    mark(browser, 1, "received")
    mark(browser, 2, "missing", "未标明操作间面积和设备布局")
    mark(browser, 3, "received")
    scan = artifacts / "营业执照扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
    browser.find_element(By.ID, "material_1_file").send_keys(str(scan.resolve()))
    press(browser, "correction")
    wait_until(browser, lambda d: "/notices/correction" in d.current_url)
    body = text_of(browser, "body")
    assert "一次性告知书" in body and "经营场所平面布局图" in body and "未标明操作间面积和设备布局" in body
    number = case_number(browser)
    shot = artifacts / "notice-correction.png"
    browser.save_screenshot(str(shot))
    assert decode_qr(shot).endswith(f"/status?number={number}")

    # The applicant comes back: the clerk opens the case by its number and rechecks the checklist.
    browser.get(base_url + "/window")
    browser.find_element(By.ID, "number").send_keys(number, Keys.ENTER)
    wait_until(browser, lambda d: d.current_url.endswith(f"/cases/{number}"))
    browser.find_element(By.PARTIAL_LINK_TEXT, "申请人已补正").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "/recheck" in d.current_url)
    mark(browser, 2, "received")
    press(browser, "accept")
    wait_until(browser, lambda d: "/notices/acceptance" in d.current_url)
    body = text_of(browser, "body")
    assert "受理通知书" in body and "承诺办结时间" in body
    browser.save_screenshot(str(artifacts / "notice-acceptance.png"))

    # Back office: review, ask 卫健委 for an opinion.
    switch_user(browser, base_url, "reviewer")
    browser.get(base_url + "/office")
    browser.save_screenshot(str(artifacts / "office-inbox.png"))
    browser.find_element(By.LINK_TEXT, number).send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.current_url.endswith(f"/cases/{number}"))
    take_step(browser, "start-review")
    take_step(browser, "review", lambda form: form.find_element(By.ID, "review-opinion").send_keys("材料齐全，布局合理"))
    wait_until(browser, lambda d: "done=review" in d.current_url)
    # 一审一核: the form now offers the approval, and the examiner may not give it.
    step = browser.find_element(By.ID, "review-step")
    assert step.get_attribute("value") == "核准", step.get_attribute("value")
    take_step(browser, "review", lambda form: form.find_element(By.ID, "review-opinion").send_keys("同意"))
    wait_until(browser, lambda d: "一审一核须由不同人员办理" in text_of(d, "body"))
    switch_user(browser, base_url, "approve-scjgj")
    browser.get(base_url + f"/cases/{number}")
    assert browser.find_element(By.ID, "review-step").get_attribute("value") == "核准"
    take_step(browser, "review", lambda form: form.find_element(By.ID, "review-opinion").send_keys("同意核准"))
    wait_until(browser, lambda d: "done=review" in d.current_url)
    switch_user(browser, base_url, "reviewer")
    browser.get(base_url + f"/cases/{number}")

    def ask(form):
        form.find_element(By.ID, "request-opinion-department_id").send_keys("云溪县卫生健康委员会")
        form.find_element(By.ID, "request-opinion-question").send_keys("操作间卫生条件是否符合要求")
    take_step(browser, "request-opinion", ask)
    wait_until(browser, lambda d: "done=request-opinion" in d.current_url)
    # No decision while the opinion is open.
    take_step(browser, "decide", lambda form: form.find_element(By.ID, "decide-approved-true").send_keys(Keys.SPACE))
    assert "尚有并联意见未答复" in text_of(browser, "body")
    browser.save_screenshot(str(artifacts / "case-review.png"))

    switch_user(browser, base_url, "reviewer2")
    browser.get(base_url + "/office")
    assert number in browser.find_element(By.ID, "opinion-queue").text
    browser.find_element(By.LINK_TEXT, number).send_keys(Keys.ENTER)

    def answer(form):
        form.find_element(By.ID, "give-opinion-answer").send_keys("符合卫生要求")
        form.find_element(By.ID, "give-opinion-agrees-true").send_keys(Keys.SPACE)
    take_step(browser, "give-opinion", answer)
    wait_until(browser, lambda d: "done=give-opinion" in d.current_url)

    switch_user(browser, base_url, "reviewer")
    browser.get(base_url + f"/cases/{number}")
    take_step(browser, "decide", lambda form: form.find_element(By.ID, "decide-approved-true").send_keys(Keys.SPACE))
    wait_until(browser, lambda d: "done=decide" in d.current_url)

    # 统一出件 at the center.
    switch_user(browser, base_url, "clerk")
    browser.get(base_url + "/delivery")
    assert number in browser.find_element(By.ID, "delivery").text
    browser.save_screenshot(str(artifacts / "delivery-list.png"))
    browser.find_element(By.LINK_TEXT, number).send_keys(Keys.ENTER)
    take_step(browser, "deliver", lambda form: form.find_element(By.ID, "deliver-id_checked").send_keys(Keys.SPACE))
    wait_until(browser, lambda d: "done=deliver" in d.current_url)
    body = text_of(browser, "body")
    assert "已办结" in body and "符合卫生要求" in body
    assert browser.find_element(By.LINK_TEXT, "营业执照扫描件.pdf").get_attribute("href").split("/files/")[1]
    trail = browser.find_element(By.ID, "trail").text
    for step in ("一次性告知补正", "材料核验", "补正后提交", "受理", "审核", "征求并联意见", "出具并联意见", "作出决定", "出件"):
        assert step in trail, step
    browser.set_window_size(1280, 2600)
    browser.save_screenshot(str(artifacts / "case-concluded.png"))
    browser.set_window_size(1280, 1000)


def test_tongban_case_taken_in_at_a_town_and_decided_by_a_county_department(browser, base_url, artifacts):
    sign_in(browser, base_url, "townclerk")
    open_intake(browser, base_url, "spjyxk", FOOD_LICENCE)
    body = text_of(browser, "body")
    assert "通办（异地受理）" in body and "转「云溪县市场监督管理局」办理" in body
    fill_applicant(browser, "吴海涛", resident_id("36099919900101123"), "13807951111")
    for index in range(4):
        mark(browser, index, "received")
    browser.save_screenshot(str(artifacts / "window-intake-tongban.png"))
    press(browser, "accept")
    wait_until(browser, lambda d: "/notices/acceptance" in d.current_url)
    body = text_of(browser, "body")
    assert "到「城关镇便民服务中心」窗口领取" in body and "云溪县市场监督管理局" in body
    number = case_number(browser)
    browser.save_screenshot(str(artifacts / "notice-acceptance-tongban.png"))

    switch_user(browser, base_url, "reviewer")
    browser.get(base_url + "/office")
    browser.find_element(By.LINK_TEXT, number).send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.current_url.endswith(f"/cases/{number}"))
    assert "城关镇便民服务中心" in browser.find_element(By.ID, "case-facts").text
    take_step(browser, "start-review")
    take_step(browser, "decide", lambda form: form.find_element(By.ID, "decide-approved-true").send_keys(Keys.SPACE))
    wait_until(browser, lambda d: "done=decide" in d.current_url)

    switch_user(browser, base_url, "townclerk")
    browser.get(base_url + "/delivery")
    assert number in browser.find_element(By.ID, "delivery").text
    browser.find_element(By.LINK_TEXT, number).send_keys(Keys.ENTER)
    take_step(browser, "deliver", lambda form: form.find_element(By.ID, "deliver-id_checked").send_keys(Keys.SPACE))
    wait_until(browser, lambda d: "done=deliver" in d.current_url)
    assert "已办结" in text_of(browser, "body")
    browser.save_screenshot(str(artifacts / "case-tongban-concluded.png"))


def test_large_text_mode_is_remembered_and_keyboard_reachable(browser, base_url, artifacts):
    sign_in(browser, base_url, "clerk")
    browser.get(base_url + "/window")
    link = browser.find_element(By.LINK_TEXT, "大字模式")
    link.send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("class") == "large")
    assert d_font_size(browser) >= 20
    browser.save_screenshot(str(artifacts / "window-large-text.png"))
    browser.find_element(By.LINK_TEXT, "标准字号").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "large" not in (d.find_element(By.TAG_NAME, "body").get_attribute("class") or ""))


def d_font_size(browser):
    return float(browser.execute_script("return parseFloat(getComputedStyle(document.body).fontSize)"))
