"""统计 through the real pages. The supervisor opens the center's dashboard from the menu, then a department's and a
town's from its breakdown tables; on each, every figure the page shows is the stats API's value for the same scope and
period, and the charts are there. The administrator sets the center's own target for 网上申报率, and the dashboard
holds the figure to it. Screenshots of each dashboard, on a phone and in 大字模式, and of the monthly report."""
import math
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from helpers import api, sign_in, wait_until
from test_phone import phone, shoot
from test_window import switch_user


def figures_match_the_api(browser, base_url, token, scope_query):
    """Every figure row's value (data-value) against GET /api/v1/stats/{figure} for the dashboard's period and scope.
    The worker folds new trail events into the rollup while the test runs (the earlier tests' cases, the kill -9
    drill's): when the rollup moved between the page and the API (`rolled_up_at`), the page is read again once."""
    before = api(base_url, "GET", "/api/v1/stats/online-filing-rate", None, token)["rolled_up_at"]
    try:
        return compare_figures(browser, base_url, token, scope_query)
    except AssertionError:
        after = api(base_url, "GET", "/api/v1/stats/online-filing-rate", None, token)["rolled_up_at"]
        if after == before:
            raise
        browser.refresh()
        wait_until(browser, lambda d: d.find_elements(By.ID, "dashboard-title"))
        return compare_figures(browser, base_url, token, scope_query)


def compare_figures(browser, base_url, token, scope_query):
    period = browser.find_element(By.ID, "period").get_attribute("value")
    rows = browser.find_elements(By.CSS_SELECTOR, "#figures tbody tr[id^=figure-]")
    assert len(rows) >= 10
    for row in rows:
        figure = row.get_attribute("id")[len("figure-"):]
        shown = row.find_element(By.CSS_SELECTOR, "td[data-value]").get_attribute("data-value")
        answer = api(base_url, "GET", f"/api/v1/stats/{figure}?period={urllib.parse.quote(period)}{scope_query}",
                     None, token)
        if answer["value"] is None:
            assert shown == "", figure
            assert row.find_element(By.CSS_SELECTOR, "td[data-value]").text == "—", figure
        else:
            assert math.isclose(float(shown), answer["value"], abs_tol=1e-9), (figure, shown, answer["value"])
    return len(rows)


def open_from_breakdown(browser, table, path, title):
    """Follows the first row's link of a breakdown table; answers the key the dashboard was opened for."""
    link = browser.find_element(By.CSS_SELECTOR, f"#{table} tbody tr th a")
    key = link.get_attribute("href").split(path)[1].split("?")[0]
    link.send_keys(Keys.ENTER)
    wait_until(browser, lambda d: path in d.current_url)
    assert title in browser.find_element(By.ID, "dashboard-title").text
    return key


def test_each_dashboard_shows_the_figures_of_the_api_and_a_target_set_by_the_center(browser, base_url, artifacts):
    token = api(base_url, "POST", "/api/v1/session", {"username": "supervisor", "password": "demo1234"})["token"]

    # The center's dashboard, from the menu: the demo month's cases are in it.
    sign_in(browser, base_url, "supervisor")
    browser.find_element(By.LINK_TEXT, "统计").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "dashboard-title"))
    assert "中心统计" in browser.find_element(By.ID, "dashboard-title").text
    filed = api(base_url, "GET", "/api/v1/stats/online-filing-rate", None, token)
    assert filed["denominator"] > 0, "the demo's cases are rolled up"
    assert figures_match_the_api(browser, base_url, token, "") >= 20
    assert browser.find_elements(By.CSS_SELECTOR, "svg#trend-cases path")
    shoot(browser, artifacts, "statistics-center.png")

    # A department's dashboard, from the breakdown by department; a town's, from the breakdown by town.
    department = open_from_breakdown(browser, "department", "/statistics/departments/", "部门统计")
    figures_match_the_api(browser, base_url, token, f"&department={department}")
    shoot(browser, artifacts, "statistics-department.png")
    browser.get(base_url + "/statistics")
    town = open_from_breakdown(browser, "town", "/statistics/towns/", "镇街统计")
    figures_match_the_api(browser, base_url, token, f"&town={town}")
    shoot(browser, artifacts, "statistics-town.png")

    # A period the clerk of the county would type, and one that is not a period.
    browser.get(base_url + "/statistics")
    box = browser.find_element(By.ID, "period")
    box.clear()
    box.send_keys("2026-Q4", Keys.ENTER)
    wait_until(browser, lambda d: "period=2026-Q4" in d.current_url)
    assert "2026-10-01" in browser.find_element(By.ID, "dashboard-period").text
    figures_match_the_api(browser, base_url, token, "")

    # The monthly report prints.
    browser.get(base_url + "/statistics/report?month=2026-11")
    assert "月度统计报告" in browser.find_element(By.ID, "dashboard-title").text
    assert not browser.find_elements(By.ID, "period-form")
    shoot(browser, artifacts, "statistics-report.png")

    # The administrator sets the center's own target; the dashboard holds 网上申报率 to it.
    switch_user(browser, base_url, "admin")
    browser.get(base_url + "/statistics/targets")
    form = browser.find_element(By.ID, "target-form")
    form.find_element(By.NAME, "figure").send_keys("网上申报率")
    form.find_element(By.NAME, "value").send_keys("30")
    due = form.find_element(By.NAME, "due")
    browser.execute_script("arguments[0].value = '2027-06-30'", due)
    form.find_element(By.NAME, "note").send_keys("县政府2027年工作要点")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "center-targets"))
    assert "30.0%" in browser.find_element(By.ID, "center-targets").text
    browser.get(base_url + "/statistics")
    row = browser.find_element(By.ID, "target-online-filing-rate")
    assert "县政府2027年工作要点" in row.text and "30.0%" in row.text
    answer = api(base_url, "GET", "/api/v1/stats/online-filing-rate", None, token)
    assert answer["target"]["value"] == 0.3 and answer["target"]["due"] == "2027-06-30"
    expected = "已达标" if answer["value"] is not None and answer["value"] >= 0.3 else "未达标（未到期）"
    assert expected in row.text

    # On a phone and in 大字模式: tables as cards, the charts within the screen.
    phone(browser)
    browser.get(base_url + "/statistics")
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 400, width
    shoot(browser, artifacts, "statistics-phone.png")
    browser.get(base_url + "/text-size/large?to=/statistics")
    assert "large" in browser.find_element(By.TAG_NAME, "body").get_attribute("class")
    shoot(browser, artifacts, "statistics-phone-large.png")
