"""A real county from nothing, in the browser: `onewindow serve` on an empty database opens the first-run page, the
administrator creates the county with the setup code from the server's log, imports the directory workbook (2 towns,
5 villages, 10 departments, 12 windows, 30 staff with their posts) and its province's catalog list (its columns mapped and a department resolved on the page), hands a clerk her one-time
password link, and the clerk takes in a case at her window. No demo data anywhere. scripts/test sets ONEWINDOW_BIN and
ONEWINDOW_EMPTY_DATABASE_URL (a fresh database of the target kind)."""
import os
import pathlib
import re
import socket
import subprocess
import tempfile
import time
import urllib.request

import openpyxl
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import chromium
from helpers import sign_in, text_of, wait_until
from test_window import fill_applicant, mark, press, resident_id

HOUSEHOLD_BUSINESS = "360105001000"  # 个体工商户设立登记: immediate, three materials


def credit_code(first17):
    """A 统一社会信用代码 with its GB 32100 check character."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    total = sum(alphabet.index(c) * w for c, w in zip(first17, weights))
    return first17 + alphabet[(31 - total % 31) % 31]


def directory_workbook(path):
    book = openpyxl.Workbook()
    book.remove(book.active)
    regions = book.create_sheet("区划")
    regions.append(["统计用区划代码", "名称"])
    regions.append(["360888101000", "青山镇"])
    regions.append(["360888102000", "绿水乡"])
    for index in range(1, 6):
        regions.append([f"36088810{1 if index <= 3 else 2}20{index}", f"第{index}村"])
    departments = book.create_sheet("部门")
    departments.append(["名称", "简称", "统一社会信用代码", "所属区划代码", "进驻大厅"])
    for index in range(1, 11):
        departments.append([f"青山县第{index}局", f"第{index}局", credit_code(f"11360888MB{1000000 + index}"), "360888000000", "是"])
    sites = book.create_sheet("场所")
    sites.append(["名称", "类型", "所在区划代码", "地址", "咨询电话", "工作日办公时间", "延时服务", "周六服务"])
    sites.append(["青山县行政服务中心", "行政服务中心", "360888000000", "县城大道 1 号", "0797-8880000", "08:30–17:30", "", "09:00–12:00"])
    sites.append(["青山镇便民服务中心", "便民服务中心", "360888101000", "青山镇人民路 1 号", "0797-8881111", "08:30–17:30", "", ""])
    sites.append(["绿水乡便民服务中心", "便民服务中心", "360888102000", "绿水乡 1 号", "0797-8882222", "08:30–17:30", "", ""])
    windows = book.create_sheet("窗口")
    windows.append(["场所", "窗口号", "窗口名称", "类型", "所属部门"])
    for index in range(1, 13):
        general = index == 1
        windows.append(["青山县行政服务中心", f"{index:02d}", "无差别综合窗口" if general else f"第{index - 1}局专窗",
                        "无差别综合窗口" if general else "专窗", "" if general else f"青山县第{(index - 2) % 10 + 1}局"])
    staff = book.create_sheet("人员")
    staff.append(["用户名", "姓名", "角色", "区划代码", "场所", "部门", "职务", "电话"])
    duties = book.create_sheet("岗位")
    duties.append(["场所", "窗口号", "岗", "用户名", "上岗日期", "离岗日期"])
    for index in range(1, 31):
        window = (index - 1) // 2 + 1
        clerk = window <= 12
        staff.append([f"qs{index}", "钱小红" if index == 1 else f"员工{index}", "综合窗口受理员" if clerk else "后台审批人员",
                      "360888000000", "青山县行政服务中心" if clerk else "", "" if clerk else f"青山县第{index % 10 + 1}局",
                      "", f"139{10000000 + index}"])
        if clerk:
            duties.append(["青山县行政服务中心", f"{window:02d}", "A" if index % 2 else "B", f"qs{index}", "2026-01-01", ""])
    book.save(path)


# How a province names our columns in its own implementation list (the page guesses each by its name).
PROVINCE_HEADERS = {"事项名称": "子项名称", "事项类型": "权力类型", "实施主体": "实施机构", "法定时限（工作日）": "法定办结时限",
                    "承诺时限（工作日）": "承诺办结时限", "到现场次数": "到办事现场次数", "收费金额（元）": "收费标准"}


def catalog_workbook(base_url, browser, path):
    """The demo's own export, cut to one item and rewritten as a province publishes its list: a title row above its
    own headers on a sheet of its own name, and a department the new county's directory does not hold; the 材料 and
    流程 sheets stay in OneWindow's layout."""
    sign_in(browser, base_url, "admin")
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    request = urllib.request.Request(base_url + "/admin/catalog/export.xlsx", headers={"Cookie": cookies})
    with urllib.request.urlopen(request, timeout=30) as response:
        path.write_bytes(response.read())
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        header = [cell.value for cell in sheet[1]]
        code = header.index("基本编码")
        keep = [row for row in sheet.iter_rows(min_row=2, values_only=True) if str(row[code]) == HOUSEHOLD_BUSINESS]
        sheet.delete_rows(1, sheet.max_row)
        if sheet.title == "事项":
            sheet.title = "实施清单"
            sheet.append(["青山县政务服务事项实施清单（2026 年版）"])
            sheet.append([PROVINCE_HEADERS.get(name, name) for name in header])
        else:
            sheet.append(header)
        for row in keep:
            row = list(row)
            if "实施主体" in header:
                row[header.index("实施主体")] = "青山县市场监管局"
            sheet.append(row)
    book.save(path)


@pytest.fixture()
def empty_server(artifacts):
    binary, url = os.environ.get("ONEWINDOW_BIN"), os.environ.get("ONEWINDOW_EMPTY_DATABASE_URL")
    if not binary or not url:
        pytest.skip("scripts/test sets ONEWINDOW_BIN and ONEWINDOW_EMPTY_DATABASE_URL")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = tempfile.mkdtemp(prefix="onewindow-firstrun-")
    log_path = artifacts / "serve-first-run.log"
    log = open(log_path, "w")
    server = subprocess.Popen([binary, "--data-dir", data, "--database-url", url, "serve", "--port", str(port)],
                              stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/readyz", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield base, log_path
    server.terminate()
    server.wait(timeout=30)
    log.close()


def test_a_county_from_an_empty_database_to_its_first_case(browser, base_url, artifacts, empty_server):
    county, log_path = empty_server
    catalog = pathlib.Path(tempfile.mkdtemp()) / "catalog.xlsx"
    catalog_workbook(base_url, browser, catalog)
    browser.delete_all_cookies()

    # Every page leads to the first run; the code is in the server's log, not on any page.
    browser.get(county + "/items")
    wait_until(browser, lambda d: d.current_url.endswith("/setup"))
    assert "首次运行" in text_of(browser, "h1")
    code = re.search(r"setup code ([0-9A-Z]{5}-[0-9A-Z]{5})", log_path.read_text()).group(1)
    assert code not in browser.page_source
    phone = chromium()
    try:
        phone.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                              {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
        phone.get(county + "/setup")
        phone.save_screenshot(str(artifacts / "first-run-390.png"))
        assert phone.execute_script("return document.documentElement.scrollWidth") <= 390
    finally:
        phone.quit()
    for field, value in (("setup_code", code), ("county_code", "360888"), ("county_name", "青山县"),
                         ("admin_username", "qsadmin"), ("admin_name", "周建国"), ("password", "qingshan2026"),
                         ("password_again", "qingshan2026")):
        browser.find_element(By.ID, field).send_keys(value)
    browser.save_screenshot(str(artifacts / "first-run.png"))
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "/admin/directory" in d.current_url)
    assert "青山县（360888）" in text_of(browser, "h1")

    # The directory workbook: checked (dry run), then imported; the new accounts' links are shown once.
    workbook = pathlib.Path(tempfile.mkdtemp()) / "青山县机构与人员.xlsx"
    directory_workbook(workbook)
    browser.get(county + "/admin/directory/import")
    browser.find_element(By.ID, "file").send_keys(str(workbook))
    browser.find_element(By.CSS_SELECTOR, "form.panel button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "import-plan"))
    browser.save_screenshot(str(artifacts / "directory-import-plan.png"))
    browser.find_element(By.CSS_SELECTOR, "button[name=confirm]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "import-result"))
    browser.save_screenshot(str(artifacts / "directory-import-done.png"))
    links = {row.find_elements(By.TAG_NAME, "td")[0].text: row.find_elements(By.TAG_NAME, "td")[2].text
             for row in browser.find_elements(By.CSS_SELECTOR, "#new-accounts tbody tr")}
    assert len(links) == 30
    browser.get(county + "/admin/directory?tab=duties")
    assert "钱小红" in text_of(browser, "body")
    browser.save_screenshot(str(artifacts / "directory-duties.png"))

    # The catalog, as the province lists it: its columns mapped on the page, its department resolved there.
    browser.get(county + "/admin/catalog/import")
    browser.find_element(By.ID, "file").send_keys(str(catalog))
    browser.find_element(By.CSS_SELECTOR, "form.panel button[type=submit]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "import-mapping") or d.find_elements(By.ID, "import-problems"))
    assert browser.find_elements(By.ID, "import-mapping"), text_of(browser, "body")
    assert browser.find_element(By.ID, "header_row").get_attribute("value") == "2"
    assert "实施机构" in browser.find_element(By.ID, "mapping").text
    browser.save_screenshot(str(artifacts / "catalog-mapping.png"))
    browser.find_element(By.CSS_SELECTOR, "button[name=map]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "import-departments") or d.find_elements(By.ID, "import-problems"))
    assert "青山县市场监管局" in browser.find_element(By.ID, "unknown-departments").text, text_of(browser, "body")
    choice = browser.find_element(By.ID, "department_0")
    choice.find_element(By.XPATH, ".//option[contains(., '青山县第1局')]").click()
    browser.save_screenshot(str(artifacts / "catalog-departments.png"))
    browser.find_element(By.CSS_SELECTOR, "button[name=resolve]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "import-plan") or d.find_elements(By.ID, "import-problems"))
    assert browser.find_elements(By.ID, "import-plan"), text_of(browser, "body")
    browser.find_element(By.CSS_SELECTOR, "button[name=confirm]").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.ID, "import-result"))

    # The clerk sets her own password through her link and takes in a case at window 01.
    browser.delete_all_cookies()
    link = links["qs1"].replace("http://127.0.0.1:8080", county)
    browser.get(county + link[link.index("/account/password/"):])
    assert "钱小红" in text_of(browser, "body")
    browser.find_element(By.ID, "password").send_keys("qianxh2026")
    browser.find_element(By.ID, "password_again").send_keys("qianxh2026", Keys.ENTER)
    wait_until(browser, lambda d: d.current_url.endswith("/staff"))
    assert "无差别综合窗口" in text_of(browser, "body")
    browser.get(county + "/window")
    browser.find_element(By.ID, "q").send_keys("个体工商户", Keys.ENTER)
    wait_until(browser, lambda d: "q=" in d.current_url)
    browser.find_element(By.CSS_SELECTOR, f"a[href='/window/intake?item={HOUSEHOLD_BUSINESS}']").send_keys(Keys.ENTER)
    wait_until(browser, lambda d: "/window/intake" in d.current_url)
    fill_applicant(browser, "陈晓燕", resident_id("36088819880512342"), "13907951234")
    for index in range(3):
        mark(browser, index, "received")
    press(browser, "decide")
    wait_until(browser, lambda d: "done=decide" in d.current_url)
    body = text_of(browser, "body")
    assert "已决定，待出件" in body and "青山县第1局" in body and "云溪" not in body
    browser.save_screenshot(str(artifacts / "first-case.png"))
