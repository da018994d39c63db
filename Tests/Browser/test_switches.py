"""The 大字模式 and language switches come back to the same page with the same state: the item of a form, what was
typed into it (also after a refused post), a search."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from helpers import sign_in, text_of, wait_until

FOOD_LICENCE = "360105002000"


def test_switches_keep_the_form_and_what_was_typed(browser, base_url, artifacts):
    sign_in(browser, base_url, "clerk")
    browser.get(base_url + f"/window/intake?item={FOOD_LICENCE}")
    browser.find_element(By.ID, "applicant.name").send_keys("王秀英")
    browser.find_element(By.ID, "applicant.phone").send_keys("139")
    # A refused post: the page is now /window/intake without its query.
    browser.find_element(By.CSS_SELECTOR, "button[name=outcome][value=accept]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".field-error"))
    browser.find_element(By.ID, "text-size-switch").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "large" in (d.find_element(By.TAG_NAME, "body").get_attribute("class") or ""))
    assert f"item={FOOD_LICENCE}" in browser.current_url, browser.current_url
    assert "不存在" not in text_of(browser, "body")
    assert browser.find_element(By.ID, "applicant.name").get_attribute("value") == "王秀英"
    assert browser.find_element(By.ID, "applicant.phone").get_attribute("value") == "139"
    browser.save_screenshot(str(artifacts / "switch-intake-large.png"))
    browser.find_element(By.ID, "language-switch").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
    assert browser.find_element(By.ID, "applicant.name").get_attribute("value") == "王秀英"
    # Back to Chinese and normal text for the tests after this one.
    browser.find_element(By.ID, "language-switch").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN")
    browser.find_element(By.ID, "text-size-switch").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "large" not in (d.find_element(By.TAG_NAME, "body").get_attribute("class") or ""))


def test_switches_keep_a_search(browser, base_url):
    browser.get(base_url + "/items?q=" + "食品")
    browser.find_element(By.ID, "text-size-switch").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "large" in (d.find_element(By.TAG_NAME, "body").get_attribute("class") or ""))
    assert "q=" in browser.current_url and "食品经营许可" in text_of(browser, "main")
