"""A clerk logs in through the real login page and sees their role and scope."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from helpers import text_of, wait_until


def test_public_home_shows_the_county(browser, base_url, artifacts):
    browser.get(base_url + "/")
    assert "一窗通办" in browser.title
    body = text_of(browser, "body")
    assert "云溪县行政服务中心" in body
    # The village stations are folded under their town until the town is opened.
    assert "西郊村便民服务站" not in body
    browser.find_element(By.XPATH, "//details[@class='town']/summary[contains(., '城关镇')]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "西郊村便民服务站" in text_of(d, "body"))
    browser.save_screenshot(str(artifacts / "public-home.png"))


def test_clerk_logs_in_and_sees_scope(browser, base_url, artifacts):
    browser.get(base_url + "/")
    browser.find_element(By.LINK_TEXT, "工作人员登录").click()
    wait_until(browser, lambda d: d.current_url.endswith("/login"))
    browser.save_screenshot(str(artifacts / "login.png"))
    browser.find_element(By.ID, "username").send_keys("clerk")
    # Keyboard only: type the password and press Enter, as a clerk at a counter would.
    browser.find_element(By.ID, "password").send_keys("demo1234", Keys.ENTER)

    wait_until(browser, lambda d: d.current_url.endswith("/staff"))
    scope = browser.find_element(By.ID, "scope").text
    assert "综合窗口受理员" in scope
    assert "云溪县行政服务中心" in scope
    assert "360999" in scope
    browser.save_screenshot(str(artifacts / "staff-home-clerk.png"))

    browser.find_element(By.XPATH, "//button[text()='退出']").click()
    wait_until(browser, lambda d: "工作人员登录" in text_of(d, "header"))


def test_wrong_password_is_named_next_to_the_field(browser, base_url, artifacts):
    browser.get(base_url + "/login")
    browser.find_element(By.ID, "username").send_keys("agent")
    browser.find_element(By.ID, "password").send_keys("not-the-password", Keys.ENTER)
    wait_until(browser, lambda d: "用户名或密码不正确" in d.find_element(By.ID, "password-error").text)
    assert browser.find_element(By.ID, "username").get_attribute("value") == "agent"
    browser.save_screenshot(str(artifacts / "login-error.png"))


def test_english_switch(browser, base_url):
    browser.get(base_url + "/login")
    browser.find_element(By.LINK_TEXT, "English").click()
    wait_until(browser, lambda d: "Staff sign-in" in text_of(d, "h1"))
    browser.find_element(By.LINK_TEXT, "中文").click()
    wait_until(browser, lambda d: "工作人员登录" in text_of(d, "h1"))
