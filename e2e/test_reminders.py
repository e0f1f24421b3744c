"""Deadlines that reach people who do not open Mamori: an owner records a leak, reads the
incident list as cards on a phone, issues the duty calendar and adds it as a calendar app
would (parsed with the `icalendar` package: all-day events with two alarms), and sees a
webhook to a private address refused beside its field."""

from __future__ import annotations

import urllib.request
from datetime import date, timedelta

from icalendar import Calendar
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from test_accounts import (click_and_wait, flashes, main_submit, page_text, path_of, screenshot, sign_up, unique_email)


def test_incident_list_cards_calendar_feed_and_webhook_refusal(browser: WebDriver, base_url: str):
    driver = browser
    sign_up(driver, base_url, display_name="期限 守", email=unique_email("reminders"), org="リマインド株式会社")
    org_path = driver.find_element(By.CSS_SELECTOR, "a[href$='/incidents']").get_attribute("href").removeprefix(base_url).removesuffix("/incidents")

    # A leak of 1,200 customers' records: the PPC duties appear with their dates.
    driver.get(f"{base_url}{org_path}/incidents/new?kind=information_leak")
    title = driver.find_element(By.NAME, "title")
    title.clear()
    title.send_keys("顧客名簿の誤送信")
    click_and_wait(driver, main_submit(driver))
    incident_path = path_of(driver)
    record = driver.find_element(By.CSS_SELECTOR, "#record form")
    persons = record.find_element(By.NAME, "persons")
    persons.clear()
    persons.send_keys("1200")
    box = record.find_element(By.NAME, "personalDataInvolved")
    if not box.is_selected():
        driver.execute_script("arguments[0].click()", box)
    click_and_wait(driver, record.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert "個人情報保護委員会" in driver.find_element(By.ID, "duties").text

    # The incident list on a 390 px phone: one card per incident, every cell labelled, nothing wider than the screen.
    driver.get(f"{base_url}{org_path}/incidents")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    try:
        driver.get(f"{base_url}{org_path}/incidents")
        table = driver.find_element(By.CSS_SELECTOR, "table.cards-on-phone")
        assert driver.execute_script("return getComputedStyle(arguments[0].querySelector('thead')).display", table) == "none" \
            or driver.execute_script("return arguments[0].querySelector('thead').getBoundingClientRect().height", table) <= 1
        cells = table.find_elements(By.CSS_SELECTOR, "tbody td")
        assert cells and all(cell.get_attribute("data-label") for cell in cells)
        label = driver.execute_script("return getComputedStyle(arguments[0], '::before').content", cells[0])
        assert cells[0].get_attribute("data-label") in label, label
        assert driver.execute_script("return getComputedStyle(arguments[0]).display", cells[0]) != "table-cell"
        assert "顧客名簿の誤送信" in table.text
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert screenshot(driver, "incident-list-cards-phone", phone=True) == 0

    # The owner issues the calendar address; a calendar app reads the duties with alarms.
    driver.get(f"{base_url}{org_path}/reminders")
    screenshot(driver, "reminders-ja")
    assert screenshot(driver, "reminders-ja-phone", phone=True) == 0
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"form[action='{org_path}/reminders/calendar'] button"))
    link = driver.find_element(By.ID, "secret-value").get_attribute("value")
    assert "/calendar/duties/" in link and link.endswith(".ics")
    with urllib.request.urlopen(link, timeout=10) as response:
        assert response.headers["Content-Type"].startswith("text/calendar")
        calendar = Calendar.from_ical(response.read())
    events = [component for component in calendar.walk("VEVENT")]
    preliminary = [event for event in events if "速報" in str(event.get("SUMMARY"))]
    assert preliminary, [str(event.get("SUMMARY")) for event in events]
    event = preliminary[0]
    due = event.decoded("DTSTART")
    assert isinstance(due, date) and date.today() <= due <= date.today() + timedelta(days=6), due
    alarms = [component for component in event.walk("VALARM")]
    assert [alarm.decoded("TRIGGER") for alarm in alarms] == [-timedelta(hours=39), -timedelta(hours=15)]
    assert all(str(alarm.get("ACTION")) == "DISPLAY" for alarm in alarms)
    assert incident_path in str(event.get("URL"))

    # A webhook into the server's own network is refused, the address kept as typed.
    driver.get(f"{base_url}{org_path}/reminders")
    field = driver.find_element(By.NAME, "url")
    field.send_keys("https://169.254.169.254/latest/meta-data")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"form[action='{org_path}/reminders/webhooks'] button[type=submit]"))
    assert "社内ネットワーク" in page_text(driver)
    assert driver.find_element(By.NAME, "url").get_attribute("value") == "https://169.254.169.254/latest/meta-data"
    field = driver.find_element(By.NAME, "url")
    field.clear()
    field.send_keys("https://hooks.example.jp/mamori")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"form[action='{org_path}/reminders/webhooks'] button[type=submit]"))
    assert any("Webhook" in f for f in flashes(driver)), flashes(driver)
    assert driver.find_element(By.ID, "secret-value").get_attribute("value").startswith("whsec_")
    screenshot(driver, "reminders-webhook-added")
