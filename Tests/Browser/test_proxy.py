"""帮办代办 through the real pages: the village agent records a resident's power of attorney and applies on their
behalf; the paper travels to the town center, whose receipt is confirmed, and is handed over to the department's
window; the town accepts the case, the county department decides it, and the result travels back to the village
station, confirmed there; the resident rates the agent."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from helpers import sign_in, text_of, wait_until
from test_portal import scan
from test_window import mark, press, resident_id, switch_user, take_step

DISABILITY_CARD = "360715001000"  # 残疾人证新办: on 西郊村's proxy list, accepted at the town, decided by 残联


def pack_and_send(browser, base_url, destination, number, courier):
    browser.get(base_url + "/shipments")
    browser.find_element(By.TAG_NAME, "summary").send_keys(Keys.ENTER)
    browser.find_element(By.ID, "to_site_id").send_keys(destination)
    browser.find_element(By.ID, f"case_{number}").send_keys(Keys.SPACE)
    browser.find_element(By.CSS_SELECTOR, "form[action='/shipments'] button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "form[action$='/send']"))
    form = browser.find_element(By.CSS_SELECTOR, "form[action$='/send']")
    form.find_element(By.NAME, "tracking_number").send_keys(courier)
    form.find_element(By.NAME, "by_hand").send_keys(Keys.SPACE)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "专人送达" in d.find_element(By.ID, "shipments").text)


def confirm_receipt(browser, base_url, number):
    browser.get(base_url + "/shipments")
    row = next(r for r in browser.find_elements(By.CSS_SELECTOR, "#shipments tbody tr") if number in r.text and "已寄出" in r.text)
    row.find_element(By.CSS_SELECTOR, "form[action$='/receive'] button").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "#shipment-" in d.current_url)
    wait_until(browser, lambda d: any(number in r.text and "已签收" in r.text
                                      for r in d.find_elements(By.CSS_SELECTOR, "#shipments tbody tr")))


def test_proxy_application_travels_to_the_town_and_its_result_back_to_the_village(browser, base_url, artifacts):
    sign_in(browser, base_url, "agent")
    browser.get(base_url + "/agent")
    browser.find_element(By.TAG_NAME, "summary").send_keys(Keys.ENTER)
    browser.find_element(By.ID, "applicant.name").send_keys("李桂兰")
    browser.find_element(By.ID, "applicant.id_number").send_keys(resident_id("36099919520808222"))
    browser.find_element(By.ID, "applicant.phone").send_keys("13907950001")
    browser.find_element(By.ID, f"item_{DISABILITY_CARD}").send_keys(Keys.SPACE)
    browser.find_element(By.ID, "signed_scan").send_keys(scan(artifacts, "委托单-李桂兰.pdf"))
    browser.find_element(By.CSS_SELECTOR, "form[action='/agent/powers'] button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "powers"))
    browser.find_element(By.PARTIAL_LINK_TEXT, "代为申请").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "/apply?item=" in d.current_url)
    for index, field in enumerate(browser.find_elements(By.CSS_SELECTOR, "input[type=file]")):
        field.send_keys(scan(artifacts, f"代办材料{index + 1}.pdf"))
    browser.find_element(By.CSS_SELECTOR, "button[name=intent][value=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "sent=" in d.current_url)
    number = browser.current_url.split("sent=")[1]
    assert number in browser.find_element(By.ID, "work-log").text
    browser.save_screenshot(str(artifacts / "agent-desk.png"))

    # The paper goes to the town center by hand; the town confirms it and accepts the case.
    pack_and_send(browser, base_url, "城关镇便民服务中心", number, "谢文斌")
    browser.save_screenshot(str(artifacts / "shipment-sent.png"))
    switch_user(browser, base_url, "townclerk")
    confirm_receipt(browser, base_url, number)
    browser.save_screenshot(str(artifacts / "shipment-received-town.png"))
    row = next(r for r in browser.find_elements(By.CSS_SELECTOR, "#shipments tbody tr") if number in r.text)
    row.find_element(By.NAME, "note").send_keys("交县残联窗口")
    row.find_element(By.CSS_SELECTOR, "form[action$='/hand-over'] button").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: any(number in r.text and "已移交部门" in r.text
                                      for r in d.find_elements(By.CSS_SELECTOR, "#shipments tbody tr")))
    browser.get(base_url + "/window")
    assert number in browser.find_element(By.ID, "online").text
    browser.get(base_url + f"/cases/{number}/recheck")
    rows = len(browser.find_elements(By.CSS_SELECTOR, "table.checklist tbody tr"))
    for index in range(rows):
        if browser.find_elements(By.ID, f"material_{index}_received"):
            mark(browser, index, "received")
    press(browser, "accept")
    wait_until(browser, lambda d: "/notices/acceptance" in d.current_url)
    # 经办人 is the town clerk who accepted; the village agent is named as 代办人.
    clerk_name = browser.find_element(By.ID, "notice-clerk").text
    assert clerk_name and clerk_name != browser.find_element(By.ID, "notice-agent").text

    # 残联 decides.
    switch_user(browser, base_url, "review-cl")
    browser.get(base_url + f"/cases/{number}")
    take_step(browser, "start-review")
    take_step(browser, "decide", lambda form: form.find_element(By.ID, "decide-approved-true").send_keys(Keys.SPACE))
    wait_until(browser, lambda d: "done=decide" in d.current_url)

    # The result goes back to the village, where the agent confirms it.
    switch_user(browser, base_url, "townclerk")
    pack_and_send(browser, base_url, "西郊村便民服务站", number, "潘晓敏")
    switch_user(browser, base_url, "agent")
    confirm_receipt(browser, base_url, number)
    browser.save_screenshot(str(artifacts / "shipment-result-at-village.png"))
    browser.get(base_url + "/agent")
    assert "已决定" in browser.find_element(By.ID, "work-log").text

    # The resident looks the case up and rates the agent; the public board shows it.
    browser.delete_all_cookies()
    browser.get(base_url + f"/status?number={number}&phone=13907950001")
    browser.find_element(By.ID, "rate-agent-level-5").send_keys(Keys.SPACE)
    browser.find_element(By.CSS_SELECTOR, "#rate-agent button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: not d.find_elements(By.ID, "rate-agent"))
    browser.get(base_url + "/agents")
    assert "群众评价 5.0 分" in browser.find_element(By.ID, "agents").text
    browser.save_screenshot(str(artifacts / "agents-board.png"))
