"""The asset register, a risk and the one-year plan in a browser: an owner imports the register
from an Excel file (the app's own template, filled in), rates a threat, sees it in the risk
register, proposes a plan from the gaps, marks an item done and sees the month-by-month
timeline, then agrees to the plan."""

from __future__ import annotations

import io
import tempfile
import urllib.request
import zipfile

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from test_accounts import click_and_wait, fill, flashes, main_submit, nav_link, page_text, screenshot, sign_up, unique_email
from test_program import click_button


def test_assets_risk_plan(browser: WebDriver, base_url: str):
    driver = browser
    sign_up(driver, base_url, display_name="計画 太郎", email=unique_email("plan"), org="計画テスト株式会社")

    # A diagnosis with gaps: items 1 and 20 not implemented, the rest implemented.
    driver.get(f"{base_url}/self-diagnosis")
    driver.execute_script(
        "document.querySelectorAll(\"input[type=radio][value='implemented']\").forEach(r => r.checked = true);"
        "document.querySelector(\"input[name='a1'][value='not_implemented']\").checked = true;"
        "document.querySelector(\"input[name='a20'][value='not_implemented']\").checked = true;")
    click_and_wait(driver, main_submit(driver))
    save = driver.find_element(By.XPATH, "//main//form[.//input[@name='siteLabel']]")
    click_and_wait(driver, save.find_element(By.CSS_SELECTOR, "button[type=submit]"))

    # Import the register from an Excel file: the app's template with the example row renamed.
    click_and_wait(driver, nav_link(driver, "資産・リスク"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "表計算ファイルから取り込む"))
    template = driver.find_element(By.LINK_TEXT, "テンプレート（Excel）").get_attribute("href")
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(template, headers={"Cookie": cookies})) as response:
        workbook = response.read()
    source, filled = zipfile.ZipFile(io.BytesIO(workbook)), io.BytesIO()
    with zipfile.ZipFile(filled, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.decode().replace(">顧客名簿<", ">顧客名簿（取込）<").encode()
            target.writestr(item, data)
    path = tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False).name
    with open(path, "wb") as handle:
        handle.write(filled.getvalue())
    driver.find_element(By.CSS_SELECTOR, "input[type=file][name=file]").send_keys(path)
    click_button(driver, "内容を確認する")
    preview = driver.find_element(By.ID, "import-preview")
    assert preview.get_attribute("data-rows") == "1" and preview.get_attribute("data-problems") == "0"
    screenshot(driver, "asset-import-ja")
    click_button(driver, "取り込む")
    assert any("取り込みました" in f for f in flashes(driver)), flashes(driver)
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "顧客名簿（取込）"))
    assert driver.find_element(By.ID, "asset-importance").text == "3"
    fill(driver, {"threat": "malware", "likelihood": "3", "vulnerability": "3"})
    click_button(driver, "脅威を評価する")
    assert any("評価しました" in f for f in flashes(driver)), flashes(driver)
    assert driver.find_elements(By.CSS_SELECTOR, "tr.band-large")
    screenshot(driver, "asset-ja")
    assert screenshot(driver, "asset-ja-phone", phone=True) == 0

    driver.get(driver.current_url.split("/assets/")[0] + "/risks")
    assert driver.find_element(By.ID, "untreated-large")
    assert driver.find_elements(By.CSS_SELECTOR, "svg.heat-map")
    screenshot(driver, "risks-ja")
    assert screenshot(driver, "risks-ja-phone", phone=True) == 0

    # Propose the plan, mark the first item done, see the timeline, agree.
    click_and_wait(driver, nav_link(driver, "対策計画"))
    click_button(driver, "課題から計画を提案する")
    rows = driver.find_elements(By.CSS_SELECTOR, "table.plan-table tbody tr")
    sources = [r.get_attribute("data-source").split(":")[0] for r in rows]
    assert "diagnosis" in sources and "risk" in sources, sources
    click_and_wait(driver, rows[0].find_element(By.LINK_TEXT, "編集"))
    fill(driver, {"status": "done", "ownerName": "計画 太郎"})
    click_and_wait(driver, main_submit(driver))
    assert any("保存しました" in f for f in flashes(driver)), flashes(driver)
    assert driver.find_elements(By.CSS_SELECTOR, "svg.plan-timeline rect.plan-done")
    click_button(driver, "この計画に合意する")
    assert driver.find_element(By.ID, "plan-agreed")
    screenshot(driver, "plan-ja")
    assert screenshot(driver, "plan-ja-phone", phone=True) == 0

    # The dashboard shows the plan's progress.
    click_and_wait(driver, nav_link(driver, "ダッシュボード"))
    assert "完了" in driver.find_element(By.ID, "dashboard-plan").text
