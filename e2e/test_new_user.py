"""Issue #14 in a real browser: flows that cross pages and used to lose what a person did.

- A visitor reads a first-aid page, then takes the self-diagnosis and signs up from its
  result: the answers are saved (the first-aid page visited earlier does not take over).
- A duty recorded with tomorrow's date is refused beside its own form, the date stays, and the
  browser shows that form rather than the top of the page.
- The organization menu keeps to a few entries, with first aid and contacts one click away."""

from __future__ import annotations

import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.select import Select

from test_accounts import (PASSWORD, click_and_wait, fill, main_submit, nav_labels, page_text, path_of,
                           screenshot, unique_email, wait_for_path)


def test_answers_survive_signup_after_first_aid(browser: WebDriver, base_url: str):
    driver = browser
    driver.get(f"{base_url}/help/first-aid/ransom_message")
    driver.get(f"{base_url}/self-diagnosis")
    for number in range(1, 26):
        label = driver.find_element(By.CSS_SELECTOR, f"#item-{number} input[value='implemented']").find_element(
            By.XPATH, "./ancestor::label[contains(@class,'choice')]")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
        label.click()
    click_and_wait(driver, driver.find_element(By.XPATH, "//main//form//button[normalize-space()='結果を見る']"))
    wait_for_path(driver, "/self-diagnosis/result")
    click_and_wait(driver, driver.find_element(By.XPATH, "//main//a[normalize-space()='登録して結果を保存']"))
    wait_for_path(driver, "/signup")
    assert "最初の診断として保存されます" in page_text(driver)
    fill(driver, {"name": "初動と診断の店", "prefecture": "27", "category": "retail", "employees": "4",
                  "displayName": "中村 六郎", "email": unique_email("intent"), "password": PASSWORD,
                  "passwordConfirmation": PASSWORD})
    click_and_wait(driver, main_submit(driver))
    assert "/diagnoses/" in path_of(driver), path_of(driver)
    assert "登録前に回答した自社診断を保存しました。" in page_text(driver)

    # The menu: grouped, with help in an emergency one click away.
    labels = nav_labels(driver)
    for label in ("インシデント", "緊急時の初動", "相談・届出先", "自社診断", "基本方針・規程", "組織の情報"):
        assert label in labels, labels
    top_level = [e.text.strip() for e in driver.find_elements(By.CSS_SELECTOR, "nav.main-nav > ul > li")]
    assert len(top_level) <= 9, top_level
    screenshot(driver, "new-user-menu")
    screenshot(driver, "new-user-menu-phone", phone=True)

    # A refused duty keeps its date beside its own form.
    driver.find_element(By.CSS_SELECTOR, "nav.main-nav a[href$='/incidents']").click()
    click_and_wait(driver, driver.find_element(By.XPATH, "//main//a[normalize-space()='インシデントを記録する']"))
    fill(driver, {"title": "請求書メールの誤送信"})
    Select(driver.find_element(By.NAME, "kind")).select_by_value("information_leak")
    click_and_wait(driver, main_submit(driver))
    tomorrow = (datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=9))) + datetime.timedelta(days=1)).date().isoformat()
    form = driver.find_element(By.CSS_SELECTOR, "form#duty-management-report")
    date = form.find_element(By.NAME, "doneOn")
    driver.execute_script("arguments[0].removeAttribute('max'); arguments[0].value = arguments[1]", date, tomorrow)
    click_and_wait(driver, form.find_element(By.TAG_NAME, "button"))
    form = driver.find_element(By.CSS_SELECTOR, "form#duty-management-report")
    assert "未来の日付は入力できません。" in form.text, form.text
    assert form.find_element(By.NAME, "doneOn").get_attribute("value") == tomorrow
    # The refused field has the focus, so the browser shows it, not the top of the page.
    assert driver.execute_script("return document.activeElement.name") == "doneOn"
    assert driver.execute_script("return window.scrollY") > 0
    screenshot(driver, "new-user-duty-refused")
    # Reopening the address lands on the incident again.
    driver.get(driver.current_url)
    assert "/duties/" not in path_of(driver), path_of(driver)
