"""Accounts in a real browser: sign-up, language switch, logout/login, invitations, the
audit log and inline form errors. The pages work without JavaScript, so every step is a plain
form post followed by a full page load."""

from __future__ import annotations

import base64
import datetime
import uuid

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import SCREENSHOT_DIR

PASSWORD = "tsuyoi-pasuwaado-2024"
TIMEOUT = 15


# ---------------------------------------------------------------------------------------------
# helpers


def unique_email(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}@example.jp"


def past_visit_moment() -> str:
    """A moment in the past for a guidance visit, as the form takes it (Tokyo time): yesterday
    at 10:00, but never before the current fiscal year's first day (on 1 April "yesterday" is
    in the previous fiscal year, which the program refuses)."""
    tokyo = datetime.timezone(datetime.timedelta(hours=9))
    now = datetime.datetime.now(tokyo)
    first_day = datetime.datetime(now.year if now.month >= 4 else now.year - 1, 4, 1, tzinfo=tokyo)
    moment = max((now - datetime.timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0), first_day)
    return moment.strftime("%Y-%m-%dT%H:%M")


def html_lang(driver: WebDriver) -> str:
    return driver.find_element(By.TAG_NAME, "html").get_attribute("lang")


def page_text(driver: WebDriver) -> str:
    return driver.find_element(By.TAG_NAME, "body").text


def path_of(driver: WebDriver) -> str:
    return driver.execute_script("return location.pathname")


def _is_gone(element: WebElement) -> bool:
    """True once the element no longer belongs to the page. Chromium reports a replaced
    document either as a stale element or, depending on timing, as a generic inspector error
    ("Node with given id does not belong to the document"); both mean the old page is gone."""
    try:
        element.is_enabled()
        return False
    except (StaleElementReferenceException, WebDriverException):
        return True


def click_and_wait(driver: WebDriver, element: WebElement) -> None:
    """Clicks something that loads a new page and waits until the new page is there."""
    old_html = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, TIMEOUT).until(lambda _: _is_gone(old_html))
    WebDriverWait(driver, TIMEOUT).until(lambda d: d.execute_script("return document.readyState") == "complete")


def wait_for_path(driver: WebDriver, path: str) -> None:
    WebDriverWait(driver, TIMEOUT).until(
        lambda d: path_of(d) == path,
        message=f"expected to be on {path}",
    )


def main_submit(driver: WebDriver) -> WebElement:
    """The submit button of the page's own form (the header has forms too)."""
    return driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]")


def header_button(driver: WebDriver, text: str) -> WebElement:
    buttons = driver.find_elements(By.CSS_SELECTOR, "header button")
    for button in buttons:
        if button.text.strip() == text:
            return button
    raise AssertionError(f"no header button {text!r}; found {[b.text for b in buttons]}")


def nav_link(driver: WebDriver, text: str) -> WebElement:
    """A link of the main menu. A link inside a closed menu group is revealed first by
    clicking the group's name, as a person would."""
    link = driver.find_element(By.XPATH, f"//nav//a[normalize-space(.)='{text}']")
    if not link.is_displayed():
        groups = link.find_elements(By.XPATH, "./ancestor::details[1]")
        if groups and groups[0].get_attribute("open") is None:
            groups[0].find_element(By.TAG_NAME, "summary").click()
    return link


def nav_labels(driver: WebDriver) -> list[str]:
    """Every link of the menu, those inside closed groups included."""
    return [(a.get_attribute("textContent") or "").strip() for a in driver.find_elements(By.CSS_SELECTOR, "nav a")]


def flashes(driver: WebDriver) -> list[str]:
    return [f.text.strip() for f in driver.find_elements(By.CSS_SELECTOR, ".flash")]


def fill(driver: WebDriver, values: dict[str, str]) -> None:
    for name, value in values.items():
        field = driver.find_element(By.CSS_SELECTOR, f"main form [name='{name}']")
        if field.tag_name == "select":
            Select(field).select_by_value(value)
        else:
            field.clear()
            field.send_keys(value)


def sign_up(driver: WebDriver, base_url: str, *, display_name: str, email: str, org: str) -> None:
    driver.get(f"{base_url}/signup")
    fill(driver, {
        "name": org,
        "prefecture": "13",
        "category": "retail",
        "employees": "12",
        "capitalYen": "3000000",
        "displayName": display_name,
        "email": email,
        "password": PASSWORD,
        "passwordConfirmation": PASSWORD,
    })
    click_and_wait(driver, main_submit(driver))
    wait_for_path(driver, "/dashboard")


def log_in(driver: WebDriver, base_url: str, email: str) -> None:
    driver.get(f"{base_url}/login")
    fill(driver, {"email": email, "password": PASSWORD})
    click_and_wait(driver, main_submit(driver))
    wait_for_path(driver, "/dashboard")


def screenshot(driver: WebDriver, name: str, *, phone: bool = False) -> int:
    """Saves a full-page PNG to e2e/screenshots/NAME.png; `phone` renders it as a 390×844
    phone (mobile viewport) and restores the desktop size afterwards. Returns how many CSS
    pixels the page was wider than the screen (0 when nothing sticks out at the side)."""
    SCREENSHOT_DIR.mkdir(exist_ok=True)
    # No reload here: the page may be the answer to a POST, and reloading it would post again.
    if phone:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True,
        })
    try:
        metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        # The whole content width, so that anything sticking out at the side shows too.
        width = max(390, size["width"]) if phone else size["width"]
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": size["height"], "scale": 1},
        })
        (SCREENSHOT_DIR / f"{name}.png").write_bytes(base64.b64decode(shot["data"]))
        return horizontal_overflow(driver)
    finally:
        if phone:
            driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def horizontal_overflow(driver: WebDriver) -> int:
    """How many CSS pixels the page is wider than the viewport (0 when nothing sticks out)."""
    return driver.execute_script(
        "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth")


# ---------------------------------------------------------------------------------------------
# tests


def test_signup_dashboard_language_logout_login(browser: WebDriver, base_url: str):
    driver = browser
    email = unique_email("owner")
    name = "山田 花子"

    sign_up(driver, base_url, display_name=name, email=email, org="山田商店")

    # Japanese dashboard, as the browser asked for Japanese.
    assert html_lang(driver) == "ja"
    assert driver.find_element(By.TAG_NAME, "h1").text.strip() == f"{name} さん、こんにちは"
    assert any("登録が完了しました" in f for f in flashes(driver)), flashes(driver)
    screenshot(driver, "dashboard-ja")
    assert screenshot(driver, "dashboard-ja-phone", phone=True) == 0, "the dashboard is wider than a phone"

    # Switch to English: the switch offers the other language.
    click_and_wait(driver, header_button(driver, "English"))
    wait_for_path(driver, "/dashboard")
    assert html_lang(driver) == "en"
    assert driver.find_element(By.TAG_NAME, "h1").text.strip() == f"Hello, {name}"
    header_button(driver, "日本語")  # now offers Japanese
    screenshot(driver, "dashboard-en")
    assert screenshot(driver, "dashboard-en-phone", phone=True) == 0, "the dashboard is wider than a phone"

    # Log out: the goodbye is in the language just chosen.
    click_and_wait(driver, header_button(driver, "Log out"))
    wait_for_path(driver, "/")
    assert html_lang(driver) == "en"
    assert "You have logged out." in flashes(driver), flashes(driver)

    # Log in again in the same browser: still English.
    log_in(driver, base_url, email)
    assert html_lang(driver) == "en"
    assert driver.find_element(By.TAG_NAME, "h1").text.strip() == f"Hello, {name}"

    # The setting is the account's, not the browser's: without cookies the login page follows
    # Accept-Language (Japanese), and the dashboard after login is English again.
    click_and_wait(driver, header_button(driver, "Log out"))
    driver.delete_all_cookies()
    driver.get(f"{base_url}/login")
    assert html_lang(driver) == "ja"
    log_in(driver, base_url, email)
    assert html_lang(driver) == "en"
    assert driver.find_element(By.TAG_NAME, "h1").text.strip() == f"Hello, {name}"
    header_button(driver, "Log out")


def test_invite_member_and_see_audit(browser: WebDriver, base_url: str):
    driver = browser
    owner_email = unique_email("owner")
    member_email = unique_email("member")
    sign_up(driver, base_url, display_name="佐藤 一郎", email=owner_email, org="佐藤製作所")

    # The owner creates an invitation link on the members page.
    click_and_wait(driver, nav_link(driver, "メンバー"))
    assert path_of(driver).startswith("/orgs/") and path_of(driver).endswith("/members"), driver.current_url
    members_path = path_of(driver)
    fill(driver, {"note": "経理の鈴木さん"})
    invite_button = driver.find_element(By.XPATH, "//main//form//button[normalize-space()='招待リンクを作成']")
    click_and_wait(driver, invite_button)
    link = driver.find_element(By.ID, "secret-value").get_attribute("value")
    assert link.startswith(f"{base_url}/"), link
    assert driver.find_element(By.ID, "secret-value").get_attribute("readonly") is not None
    screenshot(driver, "members-invitation-ja")
    assert screenshot(driver, "members-invitation-ja-phone", phone=True) == 0, "the members page is wider than a phone"
    # Listed once among the open invitations.
    open_rows = driver.find_elements(By.XPATH, "//main//table//td[normalize-space()='経理の鈴木さん']")
    assert len(open_rows) == 1, [r.text for r in open_rows]

    click_and_wait(driver, header_button(driver, "ログアウト"))
    wait_for_path(driver, "/")
    assert "ログアウトしました。" in flashes(driver), flashes(driver)

    # The invited person opens the link, logged out, and creates an account.
    driver.get(link)
    assert driver.find_element(By.TAG_NAME, "h1").text.strip(), "the invitation page has a title"
    fill(driver, {
        "displayName": "鈴木 次郎",
        "email": member_email,
        "password": PASSWORD,
        "passwordConfirmation": PASSWORD,
    })
    click_and_wait(driver, main_submit(driver))
    wait_for_path(driver, "/dashboard")
    assert driver.find_element(By.TAG_NAME, "h1").text.strip() == "鈴木 次郎 さん、こんにちは"

    # A member's navigation: members and audit log, but no API tokens (owners only).
    labels = nav_labels(driver)
    assert "メンバー" in labels and "操作履歴" in labels, labels
    assert "APIトークン" not in labels, labels
    assert "APIトークン" not in page_text(driver)
    assert nav_link(driver, "メンバー").get_attribute("href").endswith(members_path)

    # The audit log lists the invitation being created and accepted.
    click_and_wait(driver, nav_link(driver, "操作履歴"))
    assert path_of(driver).startswith("/orgs/") and path_of(driver).endswith("/audit"), driver.current_url
    # Read the table only: the filter's <select> lists every action name as well.
    rows = driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")
    actions = [row.find_elements(By.TAG_NAME, "td")[2].text.strip() for row in rows]
    actors = {row.find_elements(By.TAG_NAME, "td")[1].text.strip() for row in rows}
    assert "招待の作成" in actions, actions
    assert "招待の受諾" in actions, actions
    assert owner_email in actors and member_email in actors, actors
    assert actions.count("招待の作成") == 1, actions
    screenshot(driver, "audit-ja")
    assert screenshot(driver, "audit-ja-phone", phone=True) == 0, "the audit log is wider than a phone"


def test_form_errors_are_shown_inline(browser: WebDriver, base_url: str):
    driver = browser
    driver.get(f"{base_url}/signup")
    assert html_lang(driver) == "ja"
    click_and_wait(driver, main_submit(driver))

    # Still the sign-up page, in Japanese, with its header and form.
    wait_for_path(driver, "/signup")
    assert html_lang(driver) == "ja"
    assert driver.find_elements(By.CSS_SELECTOR, "header.site-header")
    header_button(driver, "English")
    assert driver.find_element(By.TAG_NAME, "h1").text.strip()

    summary = driver.find_element(By.CSS_SELECTOR, "main .error-summary")
    assert summary.is_displayed()
    assert summary.get_attribute("role") == "alert"
    assert "入力内容を確認してください" in summary.text, summary.text
    # Each problem is named by its field, in the form's order (not seven bare "入力してください。").
    items = [li.text.strip() for li in summary.find_elements(By.CSS_SELECTOR, "li")]
    assert items and items[0].startswith("組織名："), items
    assert all("：" in item for item in items), items

    errors = [e for e in driver.find_elements(By.CSS_SELECTOR, "main form .error") if e.is_displayed()]
    texts = [e.text.strip() for e in errors]
    assert len(errors) >= 6, texts  # organization, prefecture, category, employees, name, e-mail, password…
    assert all(texts), texts
    assert "入力してください。" in texts, texts
    assert not any("required" in t.lower() for t in texts), f"English text on a Japanese page: {texts}"

    # Each error sits under its field and is announced with it.
    for field_name in ("name", "displayName", "email", "password"):
        field = driver.find_element(By.CSS_SELECTOR, f"main form [name='{field_name}']")
        assert field.get_attribute("aria-invalid") == "true", field_name
        error = driver.find_element(By.ID, f"field-{field_name}-error")
        assert error.is_displayed() and error.text.strip(), field_name
        assert f"field-{field_name}-error" in (field.get_attribute("aria-describedby") or ""), field_name
    # The optional capital field is not marked.
    assert driver.find_element(By.CSS_SELECTOR, "main form [name='capitalYen']").get_attribute("aria-invalid") is None

    assert screenshot(driver, "signup-errors-ja-phone", phone=True) == 0, "the sign-up page is wider than a phone"

    # Nothing else broke: the same form (and its CSRF token) still signs up.
    email = unique_email("retry")
    fill(driver, {
        "name": "エラー後商会",
        "prefecture": "27",
        "category": "retail",
        "employees": "3",
        "displayName": "高橋 三郎",
        "email": email,
        "password": PASSWORD,
        "passwordConfirmation": PASSWORD,
    })
    click_and_wait(driver, main_submit(driver))
    wait_for_path(driver, "/dashboard")
    assert driver.find_element(By.TAG_NAME, "h1").text.strip() == "高橋 三郎 さん、こんにちは"
