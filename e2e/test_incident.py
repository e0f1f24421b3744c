"""The worst day of the year, in a browser: from the first-aid guide to a ransomware incident
record, ticking playbook points, keeping evidence and checking the timeline."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from test_accounts import PASSWORD, click_and_wait, fill, flashes, main_submit, nav_link, page_text, path_of, screenshot, unique_email


def test_ransomware_incident_playbook_and_evidence(browser: WebDriver, base_url: str):
    driver = browser

    # A visitor finds the first steps for a ransom message, with whom to call.
    driver.get(f"{base_url}/help/first-aid")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "a[href='/help/first-aid/ransom_message']"))
    text = page_text(driver)
    assert "いますぐやること" in text and "やってはいけないこと" in text
    screenshot(driver, "first-aid-ransom-ja")
    assert screenshot(driver, "first-aid-ransom-ja-phone", phone=True) == 0

    # From there the visitor signs up and lands on a new incident of that kind.
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main a[href='/signup?then=incident:ransomware']"))
    fill(driver, {"name": "インシデント株式会社", "prefecture": "13", "category": "retail", "employees": "12",
                  "displayName": "対応 花子", "email": unique_email("incident"), "password": PASSWORD, "passwordConfirmation": PASSWORD})
    click_and_wait(driver, main_submit(driver))
    assert path_of(driver).endswith("/incidents/new"), path_of(driver)
    assert driver.find_element(By.NAME, "kind").get_attribute("value") == "ransomware"
    fill(driver, {"title": "ファイルサーバーの暗号化"})
    click_and_wait(driver, main_submit(driver))
    assert any("記録を始めました" in f for f in flashes(driver)), flashes(driver)

    # Tick the first two points of step 1; one done, one not applicable with a reason.
    points = driver.find_elements(By.CSS_SELECTOR, "#step-1 li.point")
    assert len(points) >= 2
    first_id = points[0].get_attribute("id")
    points[0].find_element(By.NAME, "note").send_keys("社長に電話で報告")
    click_and_wait(driver, points[0].find_element(By.CSS_SELECTOR, "button[value='done']"))
    second = driver.find_elements(By.CSS_SELECTOR, "#step-1 li.point")[1]
    second.find_element(By.NAME, "note").send_keys("該当する機器なし")
    second_id = second.get_attribute("id")
    click_and_wait(driver, second.find_element(By.CSS_SELECTOR, "button[value='not_applicable']"))
    assert "社長に電話で報告" in driver.find_element(By.ID, first_id).text
    assert "該当する機器なし" in driver.find_element(By.ID, second_id).text
    assert "2 / " in driver.find_element(By.CSS_SELECTOR, "#step-1 h2").text

    # Keep the ransom note as evidence; its SHA-256 is shown.
    content = "Your files are encrypted. Contact us.\n".encode()
    with tempfile.TemporaryDirectory() as folder:
        note = Path(folder) / "ransom-note.txt"
        note.write_bytes(content)
        driver.find_element(By.ID, "evidence-file").send_keys(str(note))
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#evidence button[type=submit]"))
    assert any("証拠を保存しました" in f for f in flashes(driver)), flashes(driver)
    assert hashlib.sha256(content).hexdigest() in driver.find_element(By.ID, "evidence").text

    # The timeline holds every step, and verifies intact.
    timeline = driver.find_element(By.ID, "timeline").text
    assert "手順" in timeline and "証拠の保存" in timeline
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "改ざんがないか検証する"))
    assert "すべての記録が改ざんされていません" in driver.find_element(By.ID, "verification").text
    screenshot(driver, "incident-ransomware-ja")
    assert screenshot(driver, "incident-ransomware-ja-phone", phone=True) == 0

    # The police are among the recipients, and the dashboard lists what is due.
    assert driver.find_elements(By.CSS_SELECTOR, "[data-duty='police-report']")
    click_and_wait(driver, nav_link(driver, "ダッシュボード"))
    assert "期限が近い報告・連絡" in page_text(driver)
