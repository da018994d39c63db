"""The catalog through the real pages: a citizen finds and prints a guide, an admin edits a published item while
an earlier case keeps its version, and an Excel import with one bad row imports nothing."""
import base64
import pathlib
import subprocess
import urllib.request

import openpyxl
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.print_page_options import PrintOptions

from helpers import api, sign_in, text_of, wait_until

FOOD_LICENCE = "360105002000"  # 食品经营许可: promised 10 working days in version 1


def test_citizen_finds_an_item_by_pinyin_initials_and_prints_its_guide(browser, base_url, artifacts):
    browser.get(base_url + "/")
    browser.find_element(By.ID, "q").send_keys("hjqy", Keys.ENTER)
    wait_until(browser, lambda d: "/items?" in d.current_url)
    browser.save_screenshot(str(artifacts / "catalog-search-hjqy.png"))
    browser.find_element(By.LINK_TEXT, "户籍迁移（迁入）").click()
    wait_until(browser, lambda d: "/items/360702001000" in d.current_url)
    body = text_of(browser, "body")
    for element in ("受理条件", "设定依据", "申请材料", "准予迁入证明", "办理流程", "承诺办结时限", "5 个工作日"):
        assert element in body, element
    shot = artifacts / "item-guide.png"
    browser.save_screenshot(str(shot))

    # The QR code on the guide opens the guide itself.
    decoded = subprocess.run(["zbarimg", "-q", "--raw", str(shot)], capture_output=True, text=True, check=True)
    assert decoded.stdout.strip() == browser.current_url

    # Printing: A4, without the site's header and navigation, with every element.
    assert browser.find_element(By.XPATH, "//button[text()='打印办事指南']").is_displayed()
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    pdf = base64.b64decode(browser.print_page(options))
    path = artifacts / "item-guide.pdf"
    path.write_bytes(pdf)
    assert pdf.startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    assert "申请材料" in flat and "准予迁入证明" in flat and "办理流程" in flat
    assert "工作人员登录" not in text, "the site navigation must not be printed"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(path), str(artifacts / "item-guide-print")],
                   check=True)


def test_admin_edits_a_published_item_and_an_earlier_case_keeps_its_version(browser, base_url, artifacts):
    token = api(base_url, "POST", "/api/v1/session", {"username": "clerk", "password": "demo1234"})["token"]
    case = api(base_url, "POST", "/api/v1/cases", {
        "item_code": FOOD_LICENCE,
        "applicant": {"name": "李春梅", "id_number": "11010519491231002X", "phone": "13900001111"},
    }, token)
    api(base_url, "POST", f"/api/v1/cases/{case['number']}/accept", {}, token)

    sign_in(browser, base_url, "admin")
    browser.find_element(By.LINK_TEXT, "维护事项目录").click()
    wait_until(browser, lambda d: "/admin/items" in d.current_url)
    browser.save_screenshot(str(artifacts / "catalog-admin.png"))
    browser.get(base_url + "/admin/items/" + FOOD_LICENCE)
    promised = browser.find_element(By.ID, "promised_limit_days")
    promised.clear()
    promised.send_keys("8")
    review = browser.find_element(By.ID, "step_limit_1")
    review.clear()
    review.send_keys("7")
    browser.find_element(By.ID, "note").send_keys("压缩承诺时限")
    browser.find_element(By.XPATH, "//button[@value='publish']").click()
    wait_until(browser, lambda d: "saved=1" in d.current_url)
    history = browser.find_element(By.ID, "history").find_element(By.XPATH, "following-sibling::table").text
    assert "压缩承诺时限" in history and "10 个工作日" in history and "8 个工作日" in history
    browser.save_screenshot(str(artifacts / "catalog-item-edited.png"))

    # The case accepted before still shows the version it was accepted under.
    browser.get(f"{base_url}/status?number={case['number']}&phone=13900001111")
    status = browser.find_element(By.ID, "case-status").text
    assert "第 1 版" in status, status
    browser.save_screenshot(str(artifacts / "case-status-old-version.png"))
    browser.find_element(By.PARTIAL_LINK_TEXT, "第 1 版").click()
    wait_until(browser, lambda d: "version=1" in d.current_url)
    guide = text_of(browser, "main")
    assert "历史版本" in guide and "10 个工作日" in guide and "查看现行第 2 版" in guide
    browser.save_screenshot(str(artifacts / "item-guide-version-1.png"))
    assert api(base_url, "GET", f"/api/v1/items/{FOOD_LICENCE}")["promised_limit_days"] == 8


def test_an_import_with_one_bad_row_imports_nothing_and_names_the_row(browser, base_url, artifacts, tmp_path):
    sign_in(browser, base_url, "admin")
    request = urllib.request.Request(base_url + "/admin/catalog/export.xlsx")
    request.add_header("Cookie", f"ow_session={browser.get_cookie('ow_session')['value']}")
    exported = tmp_path / "catalog.xlsx"
    exported.write_bytes(urllib.request.urlopen(request, timeout=30).read())

    workbook = openpyxl.load_workbook(exported)
    sheet = workbook["事项"]
    header = [cell.value for cell in sheet[1]]
    changed_code = sheet.cell(row=3, column=1).value
    sheet.cell(row=3, column=header.index("受理条件") + 1).value = "经 Excel 修改的受理条件"
    sheet.cell(row=5, column=header.index("承诺时限（工作日）") + 1).value = "十"
    bad = tmp_path / "catalog-bad.xlsx"
    workbook.save(bad)
    before = api(base_url, "GET", f"/api/v1/items/{changed_code}")

    browser.get(base_url + "/admin/catalog/import")
    browser.find_element(By.ID, "file").send_keys(str(bad))
    browser.find_element(By.XPATH, "//button[text()='检查文件']").click()
    wait_until(browser, lambda d: d.find_elements(By.ID, "import-problems"))
    page = text_of(browser, "main")
    assert "未导入任何内容" in page
    assert "事项\n5\n承诺时限（工作日）" in page or "事项 5 承诺时限（工作日）" in page, page[:800]
    browser.save_screenshot(str(artifacts / "catalog-import-bad-row.png"))
    assert api(base_url, "GET", f"/api/v1/items/{changed_code}") == before

    # Fixed, the same file passes the check, shows what would change, and imports on confirmation.
    sheet.cell(row=5, column=header.index("承诺时限（工作日）") + 1).value = before_promised(base_url, sheet, 5)
    good = tmp_path / "catalog-good.xlsx"
    workbook.save(good)
    browser.find_element(By.ID, "file").send_keys(str(good))
    browser.find_element(By.XPATH, "//button[text()='检查文件']").click()
    wait_until(browser, lambda d: d.find_elements(By.ID, "import-plan"))
    assert "更新 1 项" in text_of(browser, "main")
    browser.save_screenshot(str(artifacts / "catalog-import-plan.png"))
    browser.find_element(By.XPATH, "//button[text()='确认导入']").click()
    wait_until(browser, lambda d: d.find_elements(By.ID, "import-result"))
    after = api(base_url, "GET", f"/api/v1/items/{changed_code}")
    assert after["conditions"] == "经 Excel 修改的受理条件" and after["version"] == before["version"] + 1


def before_promised(base_url, sheet, row):
    """The promised limit the catalog holds for the item on `row`."""
    return str(api(base_url, "GET", f"/api/v1/items/{sheet.cell(row=row, column=1).value}")["promised_limit_days"])
