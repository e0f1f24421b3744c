"""The basic policy in a browser, from a company's first draft to its public page: the
company (in the guidance program) drafts from the template and edits it, its assigned expert
comments on a section, the owner resolves, approves and publishes, a visitor opens /p/<slug>
signed out, and SECURITY ACTION then says two stars are ready. The Word file reads back with
python-docx and has a navigable outline."""

from __future__ import annotations

import datetime
import io
import urllib.request

import docx
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from test_accounts import (click_and_wait, fill, flashes, main_submit, nav_link, page_text, path_of, screenshot,
                           sign_up, unique_email, wait_for_path)
from test_program import PASSWORD, click_button, log_in_as, office_admin, set_value


def save_diagnosis(driver: WebDriver, base_url: str) -> None:
    """All 25 items implemented, saved to the organization from the result page."""
    driver.get(f"{base_url}/self-diagnosis")
    driver.execute_script(
        "document.querySelectorAll(\"input[type=radio][value='implemented']\").forEach(r => r.checked = true);")
    click_and_wait(driver, main_submit(driver))
    save = driver.find_element(By.XPATH, "//main//form[.//input[@name='siteLabel']]")
    click_and_wait(driver, save.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert any("保存しました" in f for f in flashes(driver)), flashes(driver)


def test_policy_from_template_to_public_page(browser: WebDriver, base_url: str):
    driver = browser

    # The office opens the program and registers an expert, who creates an account.
    office_admin(driver, base_url)
    driver.get(f"{base_url}/office/program")
    set_value(driver, "opensOn", "2000-01-01")
    set_value(driver, "closesOn", "2099-12-31")
    click_and_wait(driver, main_submit(driver))
    driver.get(f"{base_url}/office/experts")
    number = "P" + datetime.datetime.now().strftime("%H%M%S%f")[:9]
    fill(driver, {"name": "方針 確子", "registrationNumber": number, "prefecture": "27", "maxCompanies": "5"})
    click_and_wait(driver, main_submit(driver))
    invitation = driver.find_element(By.ID, "secret-value").get_attribute("value")
    expert_email = unique_email("policy-expert")
    driver.delete_all_cookies()
    driver.get(invitation)
    fill(driver, {"displayName": "方針 確子", "email": expert_email, "password": PASSWORD, "passwordConfirmation": PASSWORD})
    click_and_wait(driver, main_submit(driver))
    wait_for_path(driver, "/expert/companies")

    # A company saves a diagnosis, declares one star and applies (it has no policy yet).
    driver.delete_all_cookies()
    owner_email = unique_email("policy-owner")
    company = "方針テスト株式会社"
    sign_up(driver, base_url, display_name="方針 太郎", email=owner_email, org=company)
    save_diagnosis(driver, base_url)
    click_and_wait(driver, nav_link(driver, "SECURITY ACTION"))
    fill(driver, {"stars": "1", "declarationID": "987654"})
    set_value(driver, "declaredOn", "2026-04-01")
    click_button(driver, "宣言を記録")
    assert "二つ星を宣言する準備ができています" not in page_text(driver)
    click_and_wait(driver, nav_link(driver, "専門家派遣"))
    fill(driver, {"contactPhone": "06-1234-5678"})
    driver.find_element(By.CSS_SELECTOR, "main input[name='agreed']").click()
    click_and_wait(driver, main_submit(driver))
    assert any("応募を受け付けました" in f for f in flashes(driver)), flashes(driver)

    office_admin(driver, base_url)
    driver.get(f"{base_url}/office/program/applications?status=submitted")
    row = driver.find_element(By.XPATH, f"//tr[td[normalize-space()='{company}']]")
    click_and_wait(driver, row.find_element(By.LINK_TEXT, "表示"))
    click_button(driver, "採択する")
    suggestion = driver.find_element(By.XPATH, "//ol[@class='suggestions']/li[.//strong[normalize-space()='方針 確子']]")
    click_and_wait(driver, suggestion.find_element(By.TAG_NAME, "button"))

    # The owner starts the basic policy from the template and edits the first section.
    log_in_as(driver, base_url, owner_email)
    click_and_wait(driver, nav_link(driver, "基本方針・規程"))
    screenshot(driver, "policy-overview-empty-ja")
    click_button(driver, "ひな形から下書きを作る")
    assert company in page_text(driver)
    heading = driver.find_element(By.NAME, "heading_0")
    heading.clear()
    heading.send_keys("基本理念（方針テスト版）")
    click_button(driver, "下書きを保存")
    assert any("下書きを保存しました" in f for f in flashes(driver)), flashes(driver)
    version_path = path_of(driver)
    screenshot(driver, "policy-draft-ja")
    assert screenshot(driver, "policy-draft-ja-phone", phone=True) == 0

    # The assigned expert reads the draft and comments on the first section.
    log_in_as(driver, base_url, expert_email)
    row = driver.find_element(By.XPATH, f"//tr[td[normalize-space()='{company}']]")
    click_and_wait(driver, row.find_element(By.LINK_TEXT, "表示"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "基本方針・規程の確認"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "第1版"))
    assert "基本理念（方針テスト版）" in page_text(driver)
    assert not driver.find_elements(By.NAME, "heading_0"), "the expert must not get the editor"
    first_comment = driver.find_element(By.CSS_SELECTOR, "form.comment-form textarea")
    first_comment.send_keys("取引先との契約上の義務にも触れてください。")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.comment-form button[type=submit]"))
    assert any("コメントを追加しました" in f for f in flashes(driver)), flashes(driver)
    screenshot(driver, "policy-expert-review-ja")

    # The owner sees the comment, resolves it, approves and publishes.
    log_in_as(driver, base_url, owner_email)
    driver.get(base_url + version_path)
    assert "取引先との契約上の義務にも触れてください。" in page_text(driver)
    click_button(driver, "解決済みにする")
    click_button(driver, "この版を承認する")
    assert any("承認しました" in f for f in flashes(driver)), flashes(driver)
    slug = "houshin-" + datetime.datetime.now().strftime("%H%M%S%f")
    fill(driver, {"slug": slug})
    click_button(driver, "公開する")
    assert any("公開しました" in f for f in flashes(driver)), flashes(driver)
    assert driver.find_element(By.ID, "version-status").get_attribute("data-status") == "published"

    # The Word file opens with python-docx: the company's name and the sections as Heading 1.
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(base_url + version_path + "/docx", headers={"Cookie": cookies})
    with urllib.request.urlopen(request) as response:
        document = docx.Document(io.BytesIO(response.read()))
    texts = [p.text for p in document.paragraphs]
    assert any(company in t for t in texts), texts[:5]
    headings = [p.text for p in document.paragraphs if p.style.name.lower().startswith("heading")]
    assert "基本理念（方針テスト版）" in headings, headings

    # A visitor opens the public page signed out.
    driver.delete_all_cookies()
    driver.get(f"{base_url}/p/{slug}")
    text = page_text(driver)
    assert company in text and "基本理念（方針テスト版）" in text
    screenshot(driver, "policy-public-ja")
    assert screenshot(driver, "policy-public-ja-phone", phone=True) == 0

    # SECURITY ACTION: two stars are now ready.
    log_in_as(driver, base_url, owner_email)
    click_and_wait(driver, nav_link(driver, "SECURITY ACTION"))
    assert "二つ星を宣言する準備ができています" in page_text(driver)
    screenshot(driver, "policy-security-action-ready-ja")
