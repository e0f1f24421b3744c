"""The self-diagnosis in a real browser: the public 25-question form, its result, keeping the
answers through sign-up, an incomplete form, the history page and the SECURITY ACTION checklist
and declaration. Like the account pages, everything is plain forms and full page loads."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement

from conftest import SCREENSHOT_DIR
from test_accounts import (PASSWORD, click_and_wait, fill, flashes, header_button, html_lang,
                           main_submit, nav_link, page_text, path_of, screenshot, sign_up,
                           unique_email, wait_for_path)

ITEM_COUNT = 25
ANSWERS = ("implemented", "partly", "not_implemented", "dont_know")


# ---------------------------------------------------------------------------------------------
# helpers


def questions(driver: WebDriver) -> list[WebElement]:
    return driver.find_elements(By.CSS_SELECTOR, "main form fieldset.question")


def radio(driver: WebDriver, item: int, answer: str) -> WebElement:
    return driver.find_element(By.CSS_SELECTOR, f"#item-{item} input[type=radio][name='a{item}'][value='{answer}']")


def choose(driver: WebDriver, item: int, answer: str) -> None:
    """Clicks the visible label of an answer, as a person would. The label is scrolled to the
    middle of the window first, so that the sticky footer at the bottom does not cover it."""
    label = radio(driver, item, answer).find_element(By.XPATH, "./ancestor::label[contains(@class,'choice')]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
    label.click()
    assert radio(driver, item, answer).is_selected(), f"item {item}: {answer} is not selected after a click"


def submit_button(driver: WebDriver, text: str) -> WebElement:
    return driver.find_element(By.XPATH, f"//main//form//button[normalize-space()='{text}']")


def main_link(driver: WebDriver, text: str) -> WebElement:
    return driver.find_element(By.XPATH, f"//main//a[normalize-space()='{text}']")


def result_total(driver: WebDriver) -> str:
    return driver.find_element(By.CSS_SELECTOR, "main .result-total strong").text.strip()


def shoot_both(driver: WebDriver, name: str, what: str, problems: list[str]) -> None:
    """A desktop and a phone screenshot. When the page is wider than the phone, the problem
    (with the elements that stick out) is added to `problems`; the tests check that list at
    their end, so that one layout fault does not hide the steps after it."""
    screenshot(driver, name)
    overflow = screenshot(driver, f"{name}-phone", phone=True)
    if overflow:
        problems.append(f"the {what} is {overflow}px wider than a phone ({name}-phone.png): "
                        + "; ".join(elements_sticking_out(driver)))


def elements_sticking_out(driver: WebDriver) -> list[str]:
    """The innermost elements whose right edge lies beyond a 390 px phone screen."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True,
    })
    try:
        return driver.execute_script("""
            const width = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 0.5);
            return wide.filter(e => !wide.some(other => other !== e && e.contains(other)))
                .slice(0, 5)
                .map(e => `<${e.tagName.toLowerCase()}${e.className ? ' class="' + e.className + '"' : ''}>`
                          + ` ${e.textContent.trim().slice(0, 40)} (right edge ${Math.round(e.getBoundingClientRect().right)}px)`);
        """)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def set_date(driver: WebDriver, name: str, value: str) -> None:
    """Date fields are text fields in the page's format (a date picker would follow the
    browser's locale, not the page's): typed as a person on a Japanese page would, 2026/12/03."""
    field = driver.find_element(By.CSS_SELECTOR, f"main form input[name='{name}']")
    assert field.get_attribute("type") == "text"
    assert field.get_attribute("inputmode") == "numeric"
    typed = value.replace("-", "/")
    field.clear()
    field.send_keys(typed)
    assert field.get_attribute("value") == typed


def today_iso(driver: WebDriver) -> str:
    """Today in the browser's own time zone, as yyyy-mm-dd."""
    return driver.execute_script(
        "const d = new Date();"
        "return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0')"
        " + '-' + String(d.getDate()).padStart(2, '0');")


# ---------------------------------------------------------------------------------------------
# tests


def test_public_diagnosis_result_and_signup_keeps_answers(browser: WebDriver, base_url: str):
    driver = browser
    layout_problems: list[str] = []
    driver.get(f"{base_url}/self-diagnosis")
    assert html_lang(driver) == "ja"

    # 25 questions, each with the four answers.
    fieldsets = questions(driver)
    assert [f.get_attribute("id") for f in fieldsets] == [f"item-{n}" for n in range(1, ITEM_COUNT + 1)]
    for number in range(1, ITEM_COUNT + 1):
        values = [r.get_attribute("value") for r in
                  driver.find_elements(By.CSS_SELECTOR, f"#item-{number} input[type=radio][name='a{number}']")]
        assert values == list(ANSWERS), (number, values)
    footer = driver.find_element(By.CSS_SELECTOR, "main .diagnosis-footer")
    assert "回答済み" in footer.text and "/ 25" in footer.text, footer.text
    shoot_both(driver, "diagnosis-form-ja", "diagnosis form", layout_problems)

    # Item 1 partly, 2–24 implemented, 25 not implemented.
    choose(driver, 1, "partly")
    for number in range(2, ITEM_COUNT):
        choose(driver, number, "implemented")
    choose(driver, ITEM_COUNT, "not_implemented")
    # The footer's counter (CSS only): a picture of the window, footer included.
    driver.execute_script("window.scrollTo(0, document.body.scrollHeight / 2)")
    SCREENSHOT_DIR.mkdir(exist_ok=True)
    driver.save_screenshot(str(SCREENSHOT_DIR / "diagnosis-form-ja-answered-viewport.png"))
    click_and_wait(driver, submit_button(driver, "結果を見る"))

    # The result: 94 of 100, a band, a chart and the advice, most urgent first.
    wait_for_path(driver, "/self-diagnosis/result")
    assert result_total(driver) == "94"
    assert "/ 100" in driver.find_element(By.CSS_SELECTOR, "main .result-total").text
    assert driver.find_element(By.CSS_SELECTOR, "main .result-band").text.strip(), "a band title"
    assert driver.find_elements(By.CSS_SELECTOR, "main svg"), "a chart"
    advice = driver.find_elements(By.CSS_SELECTOR, "main .advice-list > li")
    headings = [a.find_element(By.TAG_NAME, "h3").text.strip() for a in advice]
    assert len(advice) == 2, headings
    assert headings[0].startswith("25."), headings  # not implemented before partly
    assert headings[1].startswith("1."), headings
    shoot_both(driver, "diagnosis-result-ja", "result page", layout_problems)

    # In English, the result is still there.
    click_and_wait(driver, header_button(driver, "English"))
    wait_for_path(driver, "/self-diagnosis/result")
    assert html_lang(driver) == "en"
    assert result_total(driver) == "94"
    shoot_both(driver, "diagnosis-result-en", "English result page", layout_problems)
    click_and_wait(driver, header_button(driver, "日本語"))
    wait_for_path(driver, "/self-diagnosis/result")
    assert html_lang(driver) == "ja"

    # Sign up from the result: the answers become the organization's first diagnosis.
    click_and_wait(driver, main_link(driver, "登録して結果を保存"))
    wait_for_path(driver, "/signup")
    fill(driver, {
        "name": "診断後商事",
        "prefecture": "13",
        "category": "retail",
        "employees": "8",
        "displayName": "中村 四郎",
        "email": unique_email("diagnosis"),
        "password": PASSWORD,
        "passwordConfirmation": PASSWORD,
    })
    click_and_wait(driver, main_submit(driver))
    assert "/diagnoses/" in path_of(driver), driver.current_url
    assert "登録前に回答した自社診断を保存しました。" in flashes(driver), flashes(driver)
    assert result_total(driver) == "94"
    shoot_both(driver, "diagnosis-saved-ja", "saved diagnosis page", layout_problems)

    # The history lists it.
    click_and_wait(driver, nav_link(driver, "自社診断"))
    assert path_of(driver).startswith("/orgs/") and path_of(driver).endswith("/diagnoses"), driver.current_url
    cells = [c.text.strip() for c in driver.find_elements(By.CSS_SELECTOR, "main table td")]
    assert "94" in cells, cells
    shoot_both(driver, "diagnosis-history-ja", "history page", layout_problems)

    # The dashboard shows the latest score.
    driver.get(f"{base_url}/dashboard")
    card = driver.find_element(By.ID, "card-security").find_element(By.XPATH, "./ancestor::section[1]")
    assert "最新の診断：94点" in card.text, card.text
    shoot_both(driver, "dashboard-diagnosis-ja", "dashboard", layout_problems)
    click_and_wait(driver, header_button(driver, "English"))
    wait_for_path(driver, "/dashboard")
    card = driver.find_element(By.ID, "card-security").find_element(By.XPATH, "./ancestor::section[1]")
    assert "Latest diagnosis: 94 points" in card.text, card.text
    shoot_both(driver, "dashboard-diagnosis-en", "English dashboard", layout_problems)
    assert not layout_problems, layout_problems


def test_incomplete_diagnosis_keeps_answers(browser: WebDriver, base_url: str):
    driver = browser
    layout_problems: list[str] = []
    driver.get(f"{base_url}/self-diagnosis")
    chosen = {1: "implemented", 2: "partly", 3: "dont_know"}
    for number, answer in chosen.items():
        choose(driver, number, answer)
    click_and_wait(driver, submit_button(driver, "結果を見る"))

    wait_for_path(driver, "/self-diagnosis")
    assert html_lang(driver) == "ja"
    summary = driver.find_element(By.CSS_SELECTOR, "main .error-summary")
    assert summary.is_displayed()
    assert "未回答の質問が22問あります" in summary.text, summary.text
    assert len(summary.find_elements(By.CSS_SELECTOR, "li a")) == 22

    for number, answer in chosen.items():
        assert radio(driver, number, answer).is_selected(), f"item {number} lost its answer"
    for number in range(4, ITEM_COUNT + 1):
        assert "question-missing" in driver.find_element(By.ID, f"item-{number}").get_attribute("class"), number
    for number in range(1, 4):
        assert "question-missing" not in driver.find_element(By.ID, f"item-{number}").get_attribute("class"), number
    shoot_both(driver, "diagnosis-incomplete-ja", "diagnosis form with errors", layout_problems)

    # The empty form in English (switching language reloads the form; nothing was kept yet).
    click_and_wait(driver, header_button(driver, "English"))
    wait_for_path(driver, "/self-diagnosis")
    assert html_lang(driver) == "en"
    assert len(questions(driver)) == ITEM_COUNT
    assert submit_button(driver, "See the result")
    shoot_both(driver, "diagnosis-form-en", "English diagnosis form", layout_problems)
    assert not layout_problems, layout_problems


def test_security_action_checklist(browser: WebDriver, base_url: str):
    driver = browser
    layout_problems: list[str] = []
    sign_up(driver, base_url, display_name="小林 五郎", email=unique_email("action"), org="小林工務店")

    click_and_wait(driver, nav_link(driver, "SECURITY ACTION"))
    assert path_of(driver).startswith("/orgs/") and path_of(driver).endswith("/security-action"), driver.current_url
    assert "一つ星を宣言する準備ができています。" not in page_text(driver)
    shoot_both(driver, "security-action-empty-ja", "SECURITY ACTION page", layout_problems)

    # The five basic measures.
    for number in range(1, 6):
        box = driver.find_element(By.CSS_SELECTOR, f"main form input[type=checkbox][name='measure{number}']")
        assert not box.is_selected(), number
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        box.click()
        assert box.is_selected(), number
    click_and_wait(driver, submit_button(driver, "チェックを保存"))
    assert path_of(driver).endswith("/security-action"), driver.current_url
    assert "一つ星を宣言する準備ができています。" in page_text(driver)
    for number in range(1, 6):
        assert driver.find_element(By.CSS_SELECTOR, f"main form input[name='measure{number}']").is_selected(), number

    # Record the declaration made on IPA's site.
    fill(driver, {"stars": "1", "declarationID": "12345"})
    set_date(driver, "declaredOn", today_iso(driver))
    click_and_wait(driver, submit_button(driver, "宣言を記録"))
    assert path_of(driver).endswith("/security-action"), driver.current_url
    current = driver.find_element(By.CSS_SELECTOR, "main p.stars strong").text.strip()
    assert current == "一つ星 ★", current
    rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")]
    assert any("12345" in r for r in rows), rows
    shoot_both(driver, "security-action-ja", "SECURITY ACTION page", layout_problems)

    # The same page in English.
    click_and_wait(driver, header_button(driver, "English"))
    assert html_lang(driver) == "en"
    shoot_both(driver, "security-action-en", "English SECURITY ACTION page", layout_problems)
    assert not layout_problems, layout_problems
