"""The expert-guidance program in a browser, with the three roles that run it:
the office sets it up and registers an expert, a company applies, the office accepts it and
assigns the expert, the expert schedules and records a visit, and the company sees it."""

from __future__ import annotations

import datetime
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

import conftest
from test_accounts import (past_visit_moment, PASSWORD, click_and_wait, fill, flashes, main_submit, nav_link, page_text, path_of,
                           screenshot, sign_up, unique_email, wait_for_path)

OFFICE_EMAIL = "office-e2e@example.jp"
_office_created = False


def set_value(driver: WebDriver, name: str, value: str) -> None:
    """Sets a field directly; date fields take any form the server reads (2026-04-01, 2026/04/01, 令和8年4月1日)."""
    field = driver.find_element(By.CSS_SELECTOR, f"main form [name='{name}']")
    driver.execute_script("arguments[0].value = arguments[1];", field, value)


def log_in_as(driver: WebDriver, base_url: str, email: str) -> None:
    driver.delete_all_cookies()
    driver.get(f"{base_url}/login")
    fill(driver, {"email": email, "password": PASSWORD})
    click_and_wait(driver, main_submit(driver))


def office_admin(driver: WebDriver, base_url: str) -> None:
    """Signs in as the program office, creating it first through the one-time setup link that
    the server printed in its log, as the first person to run Mamori would."""
    global _office_created
    if not _office_created:
        log = conftest._server_log_path.read_text(errors="replace")
        match = re.search(r"(http://\S+/setup/[A-Za-z0-9_-]+)", log)
        assert match, "the server did not print a setup link"
        driver.delete_all_cookies()
        driver.get(match.group(1))
        fill(driver, {"displayName": "事務局 担当", "email": OFFICE_EMAIL, "password": PASSWORD, "passwordConfirmation": PASSWORD})
        click_and_wait(driver, main_submit(driver))
        wait_for_path(driver, "/dashboard")
        assert "事務局ダッシュボード" in page_text(driver)
        _office_created = True
    else:
        log_in_as(driver, base_url, OFFICE_EMAIL)


def click_button(driver: WebDriver, text: str) -> None:
    for button in driver.find_elements(By.CSS_SELECTOR, "main button"):
        if button.text.strip() == text:
            click_and_wait(driver, button)
            return
    raise AssertionError(f"no button {text!r}")


def test_apply_accept_assign_visit(browser: WebDriver, base_url: str):
    driver = browser

    # The office opens applications for the year and registers an expert.
    office_admin(driver, base_url)
    click_and_wait(driver, nav_link(driver, "専門家派遣"))
    set_value(driver, "opensOn", "2000-01-01")
    set_value(driver, "closesOn", "2099-12-31")
    click_and_wait(driver, main_submit(driver))
    assert any("設定を保存しました" in f for f in flashes(driver)), flashes(driver)
    screenshot(driver, "program-settings-ja")

    driver.get(f"{base_url}/office/experts")
    expert_number = datetime.datetime.now().strftime("%H%M%S%f")[:10]
    fill(driver, {"name": "東京 花子", "registrationNumber": expert_number, "prefecture": "13", "maxCompanies": "5"})
    click_and_wait(driver, main_submit(driver))
    invitation = driver.find_element(By.ID, "secret-value").get_attribute("value")
    screenshot(driver, "program-experts-ja")
    assert screenshot(driver, "program-experts-ja-phone", phone=True) == 0

    # The expert creates an account from the link.
    expert_email = unique_email("expert")
    driver.delete_all_cookies()
    driver.get(invitation)
    fill(driver, {"displayName": "東京 花子", "email": expert_email, "password": PASSWORD, "passwordConfirmation": PASSWORD})
    click_and_wait(driver, main_submit(driver))
    wait_for_path(driver, "/expert/companies")

    # A company with a SECURITY ACTION declaration applies.
    driver.delete_all_cookies()
    owner_email = unique_email("applicant")
    sign_up(driver, base_url, display_name="応募 太郎", email=owner_email, org="応募テスト株式会社")
    click_and_wait(driver, nav_link(driver, "SECURITY ACTION"))
    fill(driver, {"stars": "1", "declarationID": "123456"})
    set_value(driver, "declaredOn", "2026-04-01")
    click_button(driver, "宣言を記録")
    click_and_wait(driver, nav_link(driver, "専門家派遣"))
    fill(driver, {"contactPhone": "03-1234-5678", "message": "テレワークの対策を相談したい"})
    driver.find_element(By.CSS_SELECTOR, "main input[name='agreed']").click()
    click_and_wait(driver, main_submit(driver))
    assert any("応募を受け付けました" in f for f in flashes(driver)), flashes(driver)
    assert "審査中" in page_text(driver)
    screenshot(driver, "program-company-submitted-ja")
    assert screenshot(driver, "program-company-submitted-ja-phone", phone=True) == 0

    # The office accepts the application and assigns the suggested expert.
    office_admin(driver, base_url)
    driver.get(f"{base_url}/office/program/applications?status=submitted")
    row = driver.find_element(By.XPATH, "//tr[td[normalize-space()='応募テスト株式会社']]")
    click_and_wait(driver, row.find_element(By.LINK_TEXT, "表示"))
    click_button(driver, "採択する")
    assert any("審査結果を保存しました" in f for f in flashes(driver)), flashes(driver)
    suggestion = driver.find_element(By.XPATH, "//ol[@class='suggestions']/li[.//strong[normalize-space()='東京 花子']]")
    click_and_wait(driver, suggestion.find_element(By.TAG_NAME, "button"))
    assert any("専門家を割り当てました" in f for f in flashes(driver)), flashes(driver)
    screenshot(driver, "program-application-office-ja")

    # The expert schedules the first visit (yesterday, online) and records it.
    log_in_as(driver, base_url, expert_email)
    wait_for_path(driver, "/expert/companies")
    row = driver.find_element(By.XPATH, "//tr[td[normalize-space()='応募テスト株式会社']]")
    click_and_wait(driver, row.find_element(By.LINK_TEXT, "表示"))
    set_value(driver, "scheduledAt", past_visit_moment())
    fill(driver, {"number": "1", "mode": "online", "place": "https://meet.example.jp/mamori-e2e"})
    click_button(driver, "予定を保存")
    assert any("訪問の予定を保存しました" in f for f in flashes(driver)), flashes(driver)
    record_form = driver.find_element(By.CSS_SELECTOR, "section.record form")
    record_form.find_element(By.NAME, "topics").send_keys("基本方針の骨子を一緒に作成")
    record_form.find_element(By.NAME, "goal1").send_keys("50")
    click_and_wait(driver, record_form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert any("訪問を記録しました" in f for f in flashes(driver)), flashes(driver)
    screenshot(driver, "program-expert-company-ja")
    assert screenshot(driver, "program-expert-company-ja-phone", phone=True) == 0

    # The company sees the visit done, its expert and its deliverables.
    log_in_as(driver, base_url, owner_email)
    click_and_wait(driver, nav_link(driver, "専門家派遣"))
    text = page_text(driver)
    assert "採択" in text and "東京 花子" in text
    assert "実施済み" in text and "基本方針の骨子を一緒に作成" in text
    assert "成果物" in text
    screenshot(driver, "program-company-accepted-ja")
    assert screenshot(driver, "program-company-accepted-ja-phone", phone=True) == 0

    # The office's statistics count it.
    office_admin(driver, base_url)
    driver.get(f"{base_url}/office/program/statistics")
    assert "事業統計" in page_text(driver)
    screenshot(driver, "program-statistics-ja")
    assert screenshot(driver, "program-statistics-ja-phone", phone=True) == 0
    assert path_of(driver) == "/office/program/statistics"
