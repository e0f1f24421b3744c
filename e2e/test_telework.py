"""Telework and the help directory in a browser: an owner takes the telework self-check,
sees the gaps with what to do, prints the staff sheet with the emergency contact, then
searches the help directory in Japanese (half-width katakana too) and opens an entry."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from test_accounts import (click_and_wait, fill, flashes, main_submit, nav_link, page_text, screenshot, sign_up,
                           unique_email)
from test_program import click_button


def test_telework_self_check_and_directory(browser: WebDriver, base_url: str):
    driver = browser
    sign_up(driver, base_url, display_name="在宅 花子", email=unique_email("telework"), org="テレワーク商事")

    # The self-check: principle 1 answered "no" for its first point, the rest yes.
    click_and_wait(driver, nav_link(driver, "テレワーク"))
    screenshot(driver, "telework-overview-empty-ja")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "自己点検を始める"))
    driver.execute_script(
        "document.querySelectorAll(\"input[type=radio][value='yes']\").forEach(r => r.checked = true);"
        "document.querySelector(\"input[name='p1'][value='no']\").checked = true;"
        "document.querySelector(\"input[name='p7'][value='partly']\").checked = true;")
    assert "15 / 15" in page_text(driver).replace("\u00a0", " ") or driver.find_element(By.CSS_SELECTOR, ".progress-count")
    screenshot(driver, "telework-form-ja")
    assert screenshot(driver, "telework-form-ja-phone", phone=True) == 0
    click_and_wait(driver, main_submit(driver))
    assert any("保存しました" in f for f in flashes(driver)), flashes(driver)
    gaps = driver.find_elements(By.CSS_SELECTOR, ".telework-gaps li")
    assert [g.get_attribute("data-point") for g in gaps] == ["1", "7"], [g.get_attribute("data-point") for g in gaps]
    assert "進め方" in gaps[0].text
    screenshot(driver, "telework-result-ja")
    assert screenshot(driver, "telework-result-ja-phone", phone=True) == 0

    # The checklist, filtered by threat.
    click_and_wait(driver, nav_link(driver, "テレワーク"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "役割別のテレワーク・セキュリティチェックリスト"))
    fill(driver, {"threat": "theft_loss"})
    click_button(driver, "絞り込む")
    items = driver.find_elements(By.CSS_SELECTOR, "li[data-item]")
    assert items and all("盗難" in i.text for i in items)
    items[0].find_element(By.CSS_SELECTOR, "input[type=checkbox]").click()
    click_button(driver, "チェックリストを保存")
    assert any("保存しました" in f for f in flashes(driver)), flashes(driver)
    screenshot(driver, "telework-checklist-ja")

    # The staff sheet with the owner's emergency contact.
    click_and_wait(driver, nav_link(driver, "テレワーク"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "在宅勤務の約束（社員配布用）"))
    fill(driver, {"incidentContact": "総務 山田 090-1234-5678"})
    click_button(driver, "緊急連絡先を保存")
    assert "総務 山田 090-1234-5678" in driver.find_element(By.ID, "sheet-contact").text
    screenshot(driver, "telework-sheet-ja")
    assert screenshot(driver, "telework-sheet-ja-phone", phone=True) == 0

    # The help directory: half-width katakana finds the ransomware entries; open one.
    driver.get(f"{base_url}/help/contacts?q=ﾗﾝｻﾑ")
    cards = driver.find_elements(By.CSS_SELECTOR, "article.contact")
    assert cards, "no entry for ﾗﾝｻﾑ"
    screenshot(driver, "directory-search-ja")
    click_and_wait(driver, cards[0].find_element(By.LINK_TEXT, "詳しく見る"))
    assert "情報が古い・誤っているときは" in page_text(driver)
    screenshot(driver, "directory-entry-ja")

    # By need, grouped with jump links, the 2020 material apart.
    driver.get(f"{base_url}/help/contacts?need=subsidy")
    assert driver.find_elements(By.ID, "historical")
    driver.get(f"{base_url}/help/contacts")
    assert driver.find_elements(By.CSS_SELECTOR, "nav.jump-links a")
    assert "資料に印刷されたとおりの表記です" in page_text(driver)
    screenshot(driver, "directory-all-ja")
    assert screenshot(driver, "directory-all-ja-phone", phone=True) == 0
