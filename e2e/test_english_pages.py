"""Every page of the e2e flows in English (issue #14): a visitor, a company owner, the program
office and an expert walk through the main flows with English chosen, and every page they see
is read (its visible text, the values of its text fields and the choices of its lists). The test
fails, listing every page and the offending text, when an English page shows Japanese characters
outside what the test itself typed, or a raw enum key (`information_leak`, `ransomware: …`,
`(東京都, retail)`). At the end the owner switches to Japanese and the incident, its report, the
audit log and the other organization pages are read once more for the inverse mistake: English
("73 bytes", "step 1 → 2") and raw keys on a Japanese page.

The program office account is shared with the other tests: it is switched to English only for
its part of the walk and always back to Japanese afterwards. Office-wide lists are read only in
the rows of this walk's own data, as other tests' Japanese names may be there too.

All problems are collected over the whole walk and reported together, grouped by page; a step
that cannot be done (an element missing, an error page) is reported the same way and the walk
goes on with the next part."""

from __future__ import annotations

import contextlib
import datetime
import json
import re
import tempfile
import traceback
import urllib.request
import uuid
from pathlib import Path

import pytest

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select

from conftest import REPO_ROOT
from test_accounts import past_visit_moment, PASSWORD, click_and_wait, fill, html_lang, path_of, wait_for_path
from test_program import OFFICE_EMAIL, log_in_as, office_admin, set_value

# ---------------------------------------------------------------------------------------------
# what counts as a problem

# Japanese script: CJK punctuation (、。「」〜), hiragana, katakana (with ・ and ー), CJK
# ideographs, full-width forms (（）：！) and half-width katakana. Punctuation is reported too:
# "Open draft（Version 1）" or a "・" bullet is Japanese typography on an English page.
JAPANESE = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\uff61-\uff9f]+")

# Japanese that an English page shows on purpose. Kept explicit and small:
ALLOWED_JAPANESE = (
    # The official Japanese titles of the sources the bundled content quotes, shown next to their
    # English translation in the English text itself (the "source" lines of self-diagnosis.json,
    # telework.json and risk-catalog.json). related-rules.json and policy-template.json quote
    # titles the same way, but the pages of this walk do not show them.
    "5分でできる！情報セキュリティ自社診断",
    "「テレワークを行う上での中小企業等の経営者の心構え5箇条」",
    "テレワークセキュリティガイドライン",
    "総務省",
    "中小企業の情報セキュリティ対策ガイドライン",
    "リスク分析シート",
)
# Besides these: the brand mark "守" (a logo glyph, aria-hidden) and the language switch
# ("日本語", the name of the language in itself) are hidden before reading; a list choice
# labelled "日本語" with the value "ja" is skipped for the same reason; the Japanese fields of
# the office's directory editor (names ending in "Ja") and the program's terms (office-edited
# text whose default carries both languages) are not read. Everything the test types is removed.

# Raw keys. Any lowercase snake_case token is one (URLs and e-mail addresses are removed first).
SNAKE_CASE = re.compile(r"(?<![\w./@#-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w/@-])")


def _string_enums() -> dict[str, set[str]]:
    """The raw values of every `enum X: String` in Sources/, by enum name, read from the Swift
    source so that a new case is covered without editing this test: `case a = "raw"` gives "raw",
    `case a` gives "a"."""
    enums: dict[str, set[str]] = {}
    for path in sorted((REPO_ROOT / "Sources").rglob("*.swift")):
        source = path.read_text()
        for match in re.finditer(r"\benum\s+(\w+)\s*:\s*String\b[^{]*\{", source):
            values = enums.setdefault(match.group(1), set())
            depth, index, top = 1, match.end(), []
            while depth and index < len(source):
                char = source[index]
                depth += char == "{"
                depth -= char == "}"
                if depth == 1 and char != "}":
                    top.append(char)
                index += 1
            for statement in re.findall(r"\bcase\s+([^\n;]+)", "".join(top)):
                for item in statement.split(","):
                    item = item.strip().replace("`", "")
                    named = re.fullmatch(r"\w+\s*=\s*\"([^\"]+)\"", item)
                    if named:
                        values.add(named.group(1))
                    elif re.fullmatch(r"\w+", item):
                        values.add(item)
    return enums


def _content_keys() -> set[str]:
    """Keys of the bundled content that pages name through a translation: the risk catalog's
    threats and the related rules' chapters."""
    resources = REPO_ROOT / "Sources" / "MamoriCore" / "Resources"
    risk = json.loads((resources / "risk-catalog.json").read_text())
    rules = json.loads((resources / "related-rules.json").read_text())
    return {t["key"] for t in risk.get("threats", [])} | {c["key"] for c in rules.get("chapters", [])}


ENUMS = _string_enums()
RAW_VALUES = set().union(*ENUMS.values()) | _content_keys()
# Kinds a page names in a sentence of its own ("Record opened ransomware: …").
_KINDS = "|".join(map(re.escape, sorted(ENUMS["IncidentKind"] | ENUMS["IndustryCategory"], key=len, reverse=True)))
# Dotted audit actions ("incident.opened") shown as they are stored.
_DOTTED = sorted((v for v in RAW_VALUES if re.fullmatch(r"[a-z_]+\.[a-z_]+", v)), key=len, reverse=True)
_WORDS = sorted((v for v in RAW_VALUES if re.fullmatch(r"[a-z][a-z0-9_]*", v) and len(v) >= 2), key=len, reverse=True)
_RAW = "|".join(map(re.escape, _WORDS))
RAW_KEY_PATTERNS = (
    # "/ malware: 3×3", "Record opened ransomware: ファイル…" — a raw value used as a label: at the
    # start of a cell or list item, or, for incident kinds and industries, anywhere words follow
    # (not "Latest diagnosis: 100 points" or "used for telework: company PCs", English words).
    re.compile(rf"(?:^|\t|/ |, |; )((?:{_RAW})):(?=\s|$)|(?<![\w.-])((?:{_KINDS})):(?=\s+[^\d\s])"),
    # "(東京都, retail)", "(Tokyo, retail)" — a raw value after a place name in parentheses (not
    # "(reduce, accept, avoid, transfer)", English words that happen to be raw values too).
    re.compile(rf"[(（](?:[^()（）\x00-\x7f⟨⟩]+|[A-Z][\w -]*)[,、]\s*((?:{_RAW}))\s*[)）]"),
    # "role: member", "language: ja → en", "organization: ok" — key and value both raw.
    re.compile(rf"(?<![\w.-])(?:{_RAW}|role|language|status): ((?:{_RAW}))(?![\w-])"),
    # "ppc preliminary_report", "management report done on": a duty's recipient and action as
    # stored (the lowercase acronyms are never English).
    re.compile(rf"(?<![\w-])((?:{'|'.join(sorted(ENUMS['Recipient'], key=len, reverse=True))}) "
               rf"(?:{'|'.join(sorted(ENUMS['Action'], key=len, reverse=True))})) done on\b|(?<![\w-])(ppc|ipa|jpcert)(?![\w-])"),
    # "rule.organization": a policy document's storage key ("basic_policy" is caught as snake_case).
    re.compile(r"(?<![\w.])(rule\.[a-z_]+)(?![\w.])"),
    # "incident.opened"
    re.compile(rf"(?<![\w.])((?:{'|'.join(map(re.escape, _DOTTED))}))(?![\w.])") if _DOTTED else re.compile(r"$^"),
)

# English left in Japanese pages: any lowercase word of three letters or more, once URLs, e-mail
# addresses, hashes and typed text are gone ("73 bytes", "step 1 → 2", "done on 2026-…",
# "3×3 = 9 large"). Proper names and acronyms (SECURITY ACTION, IPA, Excel) are capitalized.
ENGLISH_WORDS = re.compile(r"(?<![\w.#-])[a-z]{3,}(?:[ -][a-z0-9]+)*(?![\w-])")
HASH = re.compile(r"\b(?:sha256:)?[0-9a-f]{10,}…?")

URL = re.compile(r"\b(?:https?://|www\.)\S+|(?<![\w-])/(?:orgs|office|expert|help|p)/\S*")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# The visible start of an API token ("mamori_ny62…"), not a key.
TOKEN_PREFIX = re.compile(r"\bmamori_[\w-]*…?")
UUID = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")

# Read the page: hide the exempt parts (and, on office-wide lists, rows of other tests' data),
# open every <details>, and take the visible text, the title, the text typed into fields and the
# labels of list choices.
READ_PAGE = """
const [keepRows, markers] = arguments;
// Hidden through the CSSOM: the site's Content-Security-Policy refuses an injected <style>.
const hidden = [...document.querySelectorAll('.brand-mark, .language-switch, div.terms')];
if (keepRows) {
  hidden.push(...[...document.querySelectorAll(keepRows)].filter(row => !markers.some(m => row.textContent.includes(m))));
}
const saved = hidden.map(e => e.style.getPropertyValue('display'));
hidden.forEach(e => e.style.setProperty('display', 'none', 'important'));
document.querySelectorAll('details').forEach(d => d.open = true);
const parts = [document.title];
for (const field of document.querySelectorAll('main textarea, main input, main select')) {
  if (field.getClientRects().length === 0) continue;  // hidden, or in a hidden row
  if (/Ja$/.test(field.name) || field.name === 'termsText') continue;
  if (field.tagName === 'SELECT') {
    for (const option of field.options) {
      if (!(option.value === 'ja' && option.text === '日本語')) parts.push(option.text);
    }
  } else if (field.tagName === 'TEXTAREA' || ['text', 'search', 'email', 'tel', 'url', 'number', ''].includes(field.getAttribute('type') || '')) {
    if (field.value) parts.push(field.value);
    if (field.placeholder) parts.push(field.placeholder);
  }
}
// The lists were read choice by choice above; innerText would read every choice again.
const lists = [...document.querySelectorAll('select')];
const listDisplay = lists.map(e => e.style.getPropertyValue('display'));
lists.forEach(e => e.style.setProperty('display', 'none', 'important'));
parts.push(document.body.innerText);
lists.forEach((e, i) => listDisplay[i] ? e.style.setProperty('display', listDisplay[i]) : e.style.removeProperty('display'));
hidden.forEach((e, i) => saved[i] ? e.style.setProperty('display', saved[i]) : e.style.removeProperty('display'));
const navigation = performance.getEntriesByType('navigation')[0];
return [parts.join('\\n'), navigation ? navigation.responseStatus : 0];
"""


def page_key(url: str, label: str) -> str:
    """/orgs/<id>/incidents/<id> (label): the page as the engineer will look for it."""
    address = url.split("://", 1)[-1]
    address = "/" + address.split("/", 1)[1] if "/" in address else "/"
    address = UUID.sub("<id>", address.split("#")[0])
    address = re.sub(r"/setup/[\w-]+|/invite/[\w-]+", lambda m: m.group(0).rsplit("/", 1)[0] + "/<token>", address)
    return f"{address} ({label})" if label else address


def shorten(line: str, first: int, width: int = 170) -> str:
    """The line, cut around its first problem when it is long."""
    line = line.replace("\t", " | ")
    if len(line) <= width:
        return line
    start = max(0, min(first - 40, len(line) - width))
    return ("…" if start else "") + line[start:start + width] + ("…" if start + width < len(line) else "")


class Pages:
    """Reads pages and collects what is wrong with them, by page."""

    def __init__(self, driver: WebDriver, base_url: str):
        self.driver = driver
        self.base_url = base_url
        self.typed: set[str] = set()
        self.problems: dict[str, dict[str, str]] = {}  # page address → problem → where first seen
        self.pages_read = 0

    def typed_text(self, text: str) -> str:
        self.typed.add(text)
        return text

    def add(self, key: str, problem: str) -> None:
        address, _, label = key.partition(" (")
        self.problems.setdefault(address, {}).setdefault(problem, label.rstrip(")"))

    def get(self, path: str, label: str = "", **options) -> None:
        self.driver.get(self.base_url + path)
        self.check(label, **options)

    def check(self, label: str = "", *, language: str = "en", keep_rows: str | None = None, markers: tuple[str, ...] = (),
              status: int = 200, english_words: bool = True) -> None:
        driver = self.driver
        key = page_key(driver.current_url, label)
        self.pages_read += 1
        text, answered = driver.execute_script(READ_PAGE, keep_rows, list(markers))
        if answered and answered != status:
            heading = driver.find_elements(By.TAG_NAME, "h1")
            errors = [e.text.strip() for e in driver.find_elements(By.CSS_SELECTOR, "main .error-summary, main .error, .flash-error")
                      if e.text.strip()][:4]
            self.add(key, f"HTTP {answered} (expected {status}): {heading[0].text if heading else ''} — " + " / ".join(errors))
        lang = html_lang(driver)
        if lang != language:
            self.add(key, f"the page is in {lang!r}, expected {language!r}")
        for typed in sorted(self.typed, key=len, reverse=True):
            text = text.replace(typed, " ⟨TYPED⟩ ")
            # Cut short by the page ("顧客名簿（英…").
            text = re.sub("|".join(re.escape(typed[:n]) + "…" for n in range(len(typed) - 1, 2, -1)) or "$^", " ⟨TYPED⟩ ", text)
        for allowed in ALLOWED_JAPANESE:
            text = text.replace(allowed, " ⟨TITLE⟩ ")
        for raw_line in text.splitlines():
            line = TOKEN_PREFIX.sub("⟨TOKEN⟩", EMAIL.sub("⟨E-MAIL⟩", URL.sub("⟨URL⟩", raw_line))).strip()
            if not line:
                continue
            if language == "en":
                runs = list(JAPANESE.finditer(line))
                if runs:
                    self.add(key, "Japanese " + " ".join(f"[{m.group(0)}]" for m in runs[:6]) + (" …" if len(runs) > 6 else "")
                             + " in: " + shorten(line, runs[0].start()))
            elif english_words:
                english = list(ENGLISH_WORDS.finditer(HASH.sub("⟨HASH⟩", line)))
                if english:
                    self.add(key, "English " + " ".join(f"[{m.group(0)}]" for m in english)
                             + " in: " + shorten(line, english[0].start()))
            raw = {m.start(): m.group(0) for m in SNAKE_CASE.finditer(line)}
            for pattern in RAW_KEY_PATTERNS:
                for match in pattern.finditer(line):
                    group = next(i for i in range(1, (pattern.groups or 0) + 1) if match.group(i))
                    raw.setdefault(match.start(group), match.group(group))
            if raw:
                keys = list(dict.fromkeys(raw[i] for i in sorted(raw)))
                self.add(key, "raw key " + " ".join(f"[{k}]" for k in keys) + " in: " + shorten(line, min(raw)))

    @contextlib.contextmanager
    def step(self, name: str):
        """A part of the walk; when it breaks, the failure is reported and the walk goes on."""
        try:
            yield
        except Exception as error:  # noqa: BLE001 — reported with the others below
            where = page_key(self.driver.current_url, "")
            frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith("test_english_pages.py")]
            line = f" (line {frames[-1].lineno})" if frames else ""
            message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            self.add(f"STEP FAILED: {name}", f"{type(error).__name__}{line} on {where}: {message[:300]}")

    def report(self) -> str:
        lines = [f"{sum(len(v) for v in self.problems.values())} problems on {len(self.problems)} pages "
                 f"({self.pages_read} pages read):"]
        for address, problems in self.problems.items():
            lines.append(f"\n{address}")
            lines.extend(f"    - {p}" + (f"   (first seen: {label})" if label else "") for p, label in problems.items())
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# helpers (selectors only: the labels are English here)


def switch_language(driver: WebDriver, language: str) -> None:
    """Clicks the header's language switch when the page is in the other language (it also
    changes a signed-in person's setting)."""
    if html_lang(driver) != language:
        path = path_of(driver)
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "header .language-switch button"))
        wait_for_path(driver, path)
    assert html_lang(driver) == language


def submit(driver: WebDriver, form: str, button: str = "button[type=submit]") -> None:
    """Submits the first form matching `form` (a CSS selector) with its (first) `button`."""
    element = driver.find_element(By.CSS_SELECTOR, f"{form} {button}")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    click_and_wait(driver, element)


def set_value_in(driver: WebDriver, selector: str, value: str) -> None:
    """Sets a date field found by a CSS selector (a text field: any form the server reads)."""
    field = driver.find_element(By.CSS_SELECTOR, selector)
    driver.execute_script("arguments[0].value = arguments[1];", field, value)


def tick(driver: WebDriver, selector: str) -> None:
    driver.execute_script("document.querySelectorAll(arguments[0]).forEach(e => e.checked = true);", selector)


def org_id(driver: WebDriver) -> str:
    match = re.search(r"/orgs/([0-9A-Fa-f-]{36})", driver.current_url) or re.search(
        r"/orgs/([0-9A-Fa-f-]{36})", driver.find_element(By.CSS_SELECTOR, "nav a[href^='/orgs/']").get_attribute("href"))
    return match.group(1)


def fetch(driver: WebDriver, url: str) -> bytes:
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Cookie": cookies})) as response:
        return response.read()


def answer_diagnosis(driver: WebDriver) -> None:
    """The 25 questions with every kind of answer, so the result shows every kind of advice."""
    driver.execute_script("""
        const answers = ['implemented', 'partly', 'not_implemented', 'dont_know'];
        for (let n = 1; n <= 25; n++) {
          const radio = document.querySelector(`input[name='a${n}'][value='${answers[n % 4]}']`);
          if (radio) radio.checked = true;
        }""")
    submit(driver, "main form[action='/self-diagnosis']")


def today() -> str:
    return datetime.date.today().isoformat()


@contextlib.contextmanager
def office_in_english(driver: WebDriver, base_url: str, pages: Pages):
    """Signed in as the program office, switched to English; back to Japanese afterwards, as the
    office account is shared with the other tests, which expect Japanese."""
    try:
        with pages.step("program office: signing in"):
            office_admin(driver, base_url)
            switch_language(driver, "en")
        yield
    finally:
        with pages.step("program office: back to Japanese"):
            log_in_as(driver, base_url, OFFICE_EMAIL)
            switch_language(driver, "ja")


# ---------------------------------------------------------------------------------------------
# the walk


def test_every_page_in_english(browser: WebDriver, base_url: str):
    driver = browser
    pages = Pages(driver, base_url)
    run = uuid.uuid4().hex[:8]
    owner_email = f"en-owner-{run}@example.jp"
    expert_email = f"en-expert-{run}@example.jp"
    company = pages.typed_text(f"英語表示テスト株式会社{run}")
    owner_name = pages.typed_text("英語 花子")
    expert_name = pages.typed_text(f"英語 専門家{run[:4]}")
    pages.typed_text("事務局 担当")  # the office's name, typed by test_program.office_admin
    # The site label the sign-up gives the diagnosis answered before it, stored in the language
    # of the sign-up (English): data on the Japanese pages, as if typed.
    pages.typed_text("Head office")
    ids: dict[str, str] = {}
    # What identifies this walk's rows on the office's lists of every organization.
    mine = (company, expert_name, owner_email, expert_email, f"E{run}")

    # --- the program office opens the program and registers an expert, in English -----------
    invitation = ""
    with office_in_english(driver, base_url, pages):
        with pages.step("program office: opening"):
            pages.check("office dashboard", keep_rows="main tbody tr", markers=mine)
            pages.get("/office/program", "settings")
            set_value(driver, "opensOn", "2000-01-01")
            set_value(driver, "closesOn", "2099-12-31")
            submit(driver, "main form[action='/office/program']")
            pages.check("settings saved")
            pages.get("/office/experts", keep_rows="main tbody tr", markers=mine)
            fill(driver, {"name": expert_name, "registrationNumber": f"E{run}", "prefecture": "27", "maxCompanies": "5"})
            tick(driver, "main input[name='online'], main input[name='onSite'], main input[name^='region_']")
            submit(driver, "main form[action='/office/experts']")
            pages.check("expert registered", keep_rows="main tbody tr", markers=mine)
            invitation = driver.find_element(By.ID, "secret-value").get_attribute("value")

    # --- a visitor, in English --------------------------------------------------------------
    with pages.step("visitor pages"):
        driver.delete_all_cookies()
        driver.get(base_url + "/")
        switch_language(driver, "en")
        pages.check("home")
        pages.get("/help/first-aid")
        cases = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a[href^='/help/first-aid/']")]
        for href in dict.fromkeys(cases):
            driver.get(href)
            pages.check()
        pages.get("/help/contacts", "all")
        pages.get("/help/contacts?q=ransomware", "search")
        pages.get("/help/contacts?need=subsidy", "by need")
        entry = driver.find_element(By.CSS_SELECTOR, "article.contact").get_attribute("data-contact")
        pages.get(f"/help/contacts/{entry}", "one entry")
        pages.get("/program/eligibility", "form")
        pages.get("/program/eligibility?category=retail&employees=12&capitalYen=3000000&legalForm=corporation"
                  "&securityActionStars=1&hasSecurityPolicy=no&participatedPreviousYear=no", "eligible")
        pages.get("/program/eligibility?category=sme_organizations&mainIndustry=retail&employees=900&capitalYen=900000000"
                  "&legalForm=sole_proprietor&securityActionStars=0&hasSecurityPolicy=no&participatedPreviousYear=yes", "not eligible")
        pages.get("/program/eligibility?category=retail", "incomplete", status=422)
        pages.get("/login")
        # A fresh visit for the diagnosis and sign-up: the first-aid pages above lead to sign-up
        # themselves ("sign up and record this incident"), and that must not decide this one.
        driver.delete_all_cookies()
        driver.get(base_url + "/self-diagnosis")
        switch_language(driver, "en")
        pages.check("form")
        answer_diagnosis(driver)
        wait_for_path(driver, "/self-diagnosis/result")
        pages.check("result")
        pages.get("/self-diagnosis/result?print=1", "print view")

    # --- the owner signs up in English from the result; the answers become the first diagnosis
    with pages.step("sign-up"):
        driver.get(base_url + "/self-diagnosis/result")
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main a[href^='/signup']"))
        pages.check("form")
        fill(driver, {"name": company, "prefecture": "13", "category": "retail", "employees": "12", "capitalYen": "3000000",
                      "displayName": owner_name, "email": owner_email, "password": PASSWORD, "passwordConfirmation": PASSWORD})
        submit(driver, "main form[action^='/signup']")
        ids["org"] = org_id(driver)
        if "/diagnoses/" not in path_of(driver):
            pages.add("STEP FAILED: sign-up", f"sign-up from the result page did not open the saved diagnosis but {page_key(driver.current_url, '')}")
        ids["org"] = org_id(driver)
        pages.check("after sign-up")
        # Japanese and back: the audit log then holds both language changes.
        switch_language(driver, "ja")
        switch_language(driver, "en")
    org = f"/orgs/{ids.get('org', 'missing')}"

    with pages.step("dashboard, diagnoses, SECURITY ACTION"):
        pages.get("/dashboard")
        pages.get(f"{org}/diagnoses", "history")
        # A second diagnosis, saved from the result page, for the comparison.
        driver.get(base_url + "/self-diagnosis")
        driver.execute_script("document.querySelectorAll(\"input[type=radio][value='implemented']\").forEach(r => r.checked = true);")
        submit(driver, "main form[action='/self-diagnosis']")
        pages.check("result, signed in")
        site = driver.find_element(By.CSS_SELECTOR, "main form input[name='siteLabel']")
        site.clear()
        site.send_keys(pages.typed_text("大阪支店"))
        submit(driver, f"main form[action='{org}/diagnoses']")
        pages.check("saved diagnosis")
        pages.get(f"{org}/diagnoses", "history")
        for href in dict.fromkeys(a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, f"main a[href^='{org}/diagnoses/']")):
            if re.search(r"/diagnoses/[0-9A-Fa-f-]{36}$", href):
                driver.get(href)
                pages.check("one diagnosis")
                driver.get(href + "/print")
                pages.check("print view")
                break
        pages.get(f"{org}/diagnoses", "history with two")
        submit(driver, f"main form[action='{org}/diagnoses/compare']")
        pages.check("compare")
        pages.get(f"{org}/diagnoses/combined", "combined")
        pages.get(f"{org}/security-action", "empty")
        tick(driver, "main input[type=checkbox][name^='measure']")
        submit(driver, f"main form[action='{org}/security-action/measures']")
        fill(driver, {"stars": "1", "declarationID": "123456"})
        set_value(driver, "declaredOn", today())
        submit(driver, f"main form[action='{org}/security-action/declarations']")
        pages.check("declared")
        # The program takes companies without a published policy: apply before writing it.
        pages.get(f"{org}/program", "before applying")
        fill(driver, {"contactPhone": "03-1234-5678", "message": pages.typed_text("規程づくりを相談したい")})
        tick(driver, "main input[name='agreed']")
        submit(driver, f"main form[action='{org}/program/apply']")
        pages.check("applied")

    with pages.step("basic policy and rules"):
        pages.get(f"{org}/policy", "empty")
        submit(driver, f"main form[action='{org}/policy/versions']")
        heading = driver.find_element(By.NAME, "heading_0")
        heading.clear()
        heading.send_keys(pages.typed_text("基本理念（英語テスト）"))
        submit(driver, "main form.policy-editor", "button[name=action][value=save]")
        ids["policy"] = path_of(driver)
        pages.check("draft")
        submit(driver, "main form[action$='/approve']")
        pages.check("approved")
        slug = f"en-pages-{run}"
        pages.typed.add(slug)
        fill(driver, {"slug": slug})
        submit(driver, "main form[action$='/publish']")
        pages.check("published")
        pages.get(ids["policy"] + "/print", "print view")
        pages.get(f"{org}/policy", "published")
        pages.get(f"/p/{slug}", "public page")
        # A second version: the overview then offers the draft, and the two can be compared.
        driver.get(base_url + ids["policy"])
        submit(driver, f"main form.inline-form[action='{org}/policy/versions']")
        heading = driver.find_element(By.NAME, "heading_0")
        heading.clear()
        heading.send_keys(pages.typed_text("基本理念（第2版）"))
        submit(driver, "main form.policy-editor", "button[name=action][value=save]")
        pages.check("second draft")
        pages.get(f"{org}/policy", "with a draft")
        pages.get(f"{org}/policy/compare", "compare")
        pages.get(f"{org}/rules", "check")
        statuses = driver.find_elements(By.CSS_SELECTOR, "main select[name^='status_']")
        for index, select in enumerate(statuses[:3]):
            options = [o.get_attribute("value") for o in Select(select).options if o.get_attribute("value")]
            Select(select).select_by_value(options[index % len(options)])
        submit(driver, f"main form[action='{org}/rules']")
        pages.check("saved")
        chapter = driver.find_element(By.CSS_SELECTOR, f"main fieldset a[href^='{org}/rules/']").get_attribute("href")
        driver.get(chapter)
        pages.check("chapter")
        submit(driver, f"main form[action='{org}/policy/versions']")
        pages.check("rule draft from the template")
        driver.get(chapter)
        pages.check("chapter with a draft")
        pages.get(f"{org}/rules", "with a rule draft")

    with pages.step("telework"):
        pages.get(f"{org}/telework", "empty")
        pages.get(f"{org}/telework/self-check", "form")
        driver.execute_script(
            "document.querySelectorAll(\"input[type=radio][value='yes']\").forEach(r => r.checked = true);"
            "document.querySelector(\"input[name='p1'][value='no']\").checked = true;"
            "document.querySelector(\"input[name='p7'][value='partly']\").checked = true;")
        submit(driver, f"main form[action='{org}/telework/self-check']")
        pages.check("result")
        pages.get(f"{org}/telework", "one check")
        # A second self-check, all "yes", for the comparison.
        driver.get(base_url + f"{org}/telework/self-check")
        tick(driver, "input[type=radio][value='yes']")
        submit(driver, f"main form[action='{org}/telework/self-check']")
        pages.check("second result")
        pages.get(f"{org}/telework/compare", "compare")
        pages.get(f"{org}/telework/checklist", "checklist")
        pages.get(f"{org}/telework/checklist?threat=theft_loss", "checklist by threat")
        boxes = driver.find_elements(By.CSS_SELECTOR, "main li[data-item] input[type=checkbox]")
        if boxes:
            boxes[0].click()
        submit(driver, f"main form[action^='{org}/telework/checklist'][method=post]")
        pages.check("checklist saved")
        pages.get(f"{org}/telework/sheet", "staff sheet")
        driver.find_element(By.NAME, "incidentContact").send_keys(pages.typed_text("総務 山田 090-1234-5678"))
        submit(driver, f"main form[action='{org}/telework/contact']")
        pages.check("staff sheet with contact")
        pages.get(f"{org}/telework/sheet?print=1", "staff sheet, print")

    with pages.step("assets, risks, plan"):
        pages.get(f"{org}/assets", "empty")
        pages.get(f"{org}/asset-import", "import")
        driver.get(base_url + f"{org}/assets")
        form = f"main form[action='{org}/assets'][method=post]"
        driver.find_element(By.CSS_SELECTOR, f"{form} [name='name']").send_keys(pages.typed_text("顧客名簿（英語）"))
        for name in ("personalData", "confidentiality", "integrity", "availability"):  # the last choice of each
            choices = Select(driver.find_element(By.CSS_SELECTOR, f"{form} select[name='{name}']"))
            choices.select_by_value([o.get_attribute("value") for o in choices.options if o.get_attribute("value")][-1])
        submit(driver, form)
        pages.check("asset added")
        pages.get(f"{org}/assets", "one asset")
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main tr[data-asset] a"))
        pages.check("asset")
        fill(driver, {"threat": "malware", "likelihood": "3", "vulnerability": "3"})
        submit(driver, "main form[action$='/risks']")
        pages.check("threat rated")
        pages.get(f"{org}/risks", "register")
        treatment = driver.find_element(By.CSS_SELECTOR, "main select[name='treatment']")
        Select(treatment).select_by_value("reduce")
        measure = driver.find_element(By.CSS_SELECTOR, "main input[name='measure']")
        measure.clear()
        measure.send_keys(pages.typed_text("バックアップを毎日取る"))
        click_and_wait(driver, treatment.find_element(By.XPATH, "./ancestor::form").find_element(By.CSS_SELECTOR, "button[type=submit]"))
        pages.check("treated")
        pages.get(f"{org}/plan", "empty")
        submit(driver, f"main form[action='{org}/plan/proposal']")
        pages.check("proposed")
        item = driver.find_element(By.CSS_SELECTOR, f"table.plan-table tbody tr a[href^='{org}/plan/items/']").get_attribute("href")
        driver.get(item)
        pages.check("item")
        fill(driver, {"status": "done", "ownerName": pages.typed_text("計画 担当")})
        submit(driver, f"main form[action='{path_of(driver)}']")
        pages.check("item done")
        driver.find_element(By.CSS_SELECTOR, f"main form[action='{org}/plan/comments'] textarea").send_keys(pages.typed_text("来月に見直します。"))
        submit(driver, f"main form[action='{org}/plan/comments']")
        submit(driver, f"main form[action='{org}/plan/agree']")
        pages.check("agreed")
        pages.get(f"{org}/plan/print", "print view")

    # --- an incident with every kind of timeline entry ---------------------------------------
    with pages.step("incident"):
        pages.get(f"{org}/incidents", "empty")
        pages.get(f"{org}/incidents/new?kind=ransomware", "new")
        title = driver.find_element(By.CSS_SELECTOR, "main form [name='title']")
        title.clear()
        title.send_keys(pages.typed_text("ファイルサーバーの暗号化（英語）"))
        submit(driver, f"main form[action='{org}/incidents']")
        incident = path_of(driver)
        ids["incident"] = incident
        pages.check("opened")

        # Playbook points: one done with a note, one not applicable with a reason.
        point = driver.find_elements(By.CSS_SELECTOR, "#step-1 li.point")[0]
        point.find_element(By.NAME, "note").send_keys(pages.typed_text("社長に電話で報告"))
        click_and_wait(driver, point.find_element(By.CSS_SELECTOR, "button[value='done']"))
        point = driver.find_elements(By.CSS_SELECTOR, "#step-1 li.point")[1]
        point.find_element(By.NAME, "note").send_keys(pages.typed_text("該当する機器なし"))
        click_and_wait(driver, point.find_element(By.CSS_SELECTOR, "button[value='not_applicable']"))
        # Step change.
        submit(driver, f"form[action='{incident}/step/2']")
        # The record: personal data of 1,500 persons, public impact, a new severity.
        record = "#record form"
        for name, value in (("categoryNote", "顧客の氏名と住所"), ("observedImpact", "共有フォルダが開けない"),
                            ("suspectedCause", "VPN機器の脆弱性"), ("affectedAssets", "ファイルサーバー1台")):
            field = driver.find_element(By.CSS_SELECTOR, f"{record} [name='{name}']")
            field.clear()
            field.send_keys(pages.typed_text(value))
        tick(driver, f"{record} input[name='personalDataInvolved'], {record} input[name='publicImpact'], {record} input[name='partnersAffected']")
        persons = driver.find_element(By.CSS_SELECTOR, f"{record} [name='persons']")
        persons.clear()
        persons.send_keys("1500")
        Select(driver.find_element(By.CSS_SELECTOR, f"{record} select[name='severity']")).select_by_value("critical")
        submit(driver, record)
        pages.check("record saved")
        # Evidence.
        with tempfile.TemporaryDirectory() as folder:
            note = Path(folder) / pages.typed_text("ransom-note.txt")
            note.write_bytes(b"Your files are encrypted. Send 1 BTC to recover them, or else.\n")
            driver.find_element(By.ID, "evidence-file").send_keys(str(note))
            submit(driver, "#evidence form")
        pages.check("evidence kept")
        evidence = driver.find_element(By.CSS_SELECTOR, "#evidence ul.attachments a").get_attribute("href")
        fetch(driver, evidence)  # the download is recorded in the timeline
        # Notifications: management reported, the PPC's preliminary report recorded and taken back.
        for duty in ("management-report", "ppc-preliminary_report"):
            form = f"li[data-duty='{duty}'] form"
            set_value_in(driver, f"{form} input[name='doneOn']", today())
            driver.find_element(By.CSS_SELECTOR, f"{form} input[name='reference']").send_keys(pages.typed_text("REF-2026-001"))
            submit(driver, form)
        pages.check("notifications recorded")
        submit(driver, "li[data-duty='ppc-preliminary_report'] form[action$='/undo']")
        # A note, and a correction of the first entry.
        driver.find_element(By.CSS_SELECTOR, "#timeline form textarea[name='text']").send_keys(pages.typed_text("警察に相談した"))
        submit(driver, "#timeline form")
        driver.find_element(By.CSS_SELECTOR, "#timeline form textarea[name='text']").send_keys(pages.typed_text("発覚時刻を訂正"))
        driver.find_element(By.CSS_SELECTOR, "#timeline form input[name='corrects']").send_keys("1")
        submit(driver, "#timeline form")
        pages.check("timeline with every kind of entry")
        pages.get(f"{incident}/timeline/verify", "verified")
        reports = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#reports a")]
        assert len(reports) == 4, f"expected the four reports, found {reports}"
        for report in reports:
            driver.get(report)
            pages.check("report draft")
        driver.get(reports[0])
        submit(driver, "main form[action$='/print']", "button[type=submit]:not([formaction])")
        pages.check("report, print view")
        # The PPC draft saved twice as versions, then the second marked as submitted (its hash goes to the timeline).
        ppc = next(report for report in reports if report.endswith("/reports/ppc"))
        for note in ("第1版の確認", "第2版の確認"):
            driver.get(ppc)
            area = driver.find_elements(By.CSS_SELECTOR, "#editor textarea")[-1]
            area.send_keys("\n" + pages.typed_text(note))
            submit(driver, "#editor", "button[formaction$='/versions']")
            pages.check("report version saved")
        submit(driver, "main form[action$='/submit']")
        pages.check("report version submitted")
        # Reminders: the duty calendar issued, a webhook added and tested, the delivery log.
        pages.get(f"{org}/reminders", "reminders")
        submit(driver, f"main form[action='{org}/reminders/calendar']")
        pages.check("calendar issued")
        fill(driver, {"url": "https://" + pages.typed_text("hooks.example.com") + "/mamori"})
        submit(driver, f"main form[action='{org}/reminders/webhooks']")
        pages.check("webhook added")
        submit(driver, "main form[action$='/test']")
        pages.check("webhook test queued")
        pages.get(f"{org}/incidents", "list")
        pages.get("/dashboard", "with an open incident")

    with pages.step("closing the incident"):
        incident = ids["incident"]
        driver.get(base_url + incident)
        driver.find_element(By.CSS_SELECTOR, "#close textarea[name='causeSummary']").send_keys(pages.typed_text("VPN機器の更新漏れ"))
        measures = driver.find_element(By.CSS_SELECTOR, "#close textarea[name='measures']")
        measures.send_keys(pages.typed_text("VPN機器を更新する"))
        measures.send_keys("\n" + pages.typed_text("更新の担当を決める"))
        submit(driver, "#close form")
        pages.check("closed")
        for report in ("management", "ppc", "notice"):
            pages.get(f"{incident}/reports/{report}", "closed incident")

    with pages.step("members, tokens, settings"):
        pages.get(f"{org}/members")
        fill(driver, {"note": pages.typed_text("経理の担当者")})
        submit(driver, f"main form[action='{org}/invitations']")
        pages.check("invitation created")
        pages.get(f"{org}/tokens")
        fill(driver, {"name": pages.typed_text("会計ソフト連携")})
        submit(driver, f"main form[action='{org}/tokens']")
        pages.check("token created")
        pages.get("/settings")

    # --- the program office decides, in English ----------------------------------------------
    application = ""
    with office_in_english(driver, base_url, pages):
        with pages.step("program office: the application"):
            pages.get("/dashboard", "office", keep_rows="main tbody tr", markers=mine)
            pages.get("/office/program/applications", keep_rows="main tbody tr", markers=mine)
            pages.get("/office/program/applications?status=submitted", "submitted", keep_rows="main tbody tr", markers=mine)
            row = driver.find_element(By.XPATH, f"//main//tr[td[contains(normalize-space(), '{company}')]]")
            click_and_wait(driver, row.find_element(By.CSS_SELECTOR, "a[href^='/office/program/applications/']"))
            application = UUID.search(path_of(driver)).group(0)
            pages.check("application")
            submit(driver, "main form[action$='/decision']", "button[name=decision][value=accept]")
            pages.check("accepted", keep_rows="ol.suggestions > li", markers=mine)
            suggestion = driver.find_element(By.XPATH, f"//ol[@class='suggestions']/li[.//strong[normalize-space()='{expert_name}']]")
            click_and_wait(driver, suggestion.find_element(By.TAG_NAME, "button"))
            pages.check("expert assigned", keep_rows="ol.suggestions > li", markers=mine)
        with pages.step("program office: other pages"):
            pages.get("/office/program/statistics")
            pages.get("/office/organizations", keep_rows="main tbody tr", markers=mine)
            pages.get("/office/audit", keep_rows="main tbody tr", markers=mine + (OFFICE_EMAIL,))
            pages.get("/office/directory/new", "new entry")
            pages.get("/office/directory", "list")
            click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main a[href^='/office/directory/']:not([href$='/new'])"))
            pages.check("edit entry")
            pages.get("/settings", "office")

    # --- the expert, in English ---------------------------------------------------------------
    with pages.step("expert"):
        driver.delete_all_cookies()
        driver.get(invitation)
        switch_language(driver, "en")
        pages.check("invitation")
        fill(driver, {"displayName": expert_name, "email": expert_email, "password": PASSWORD, "passwordConfirmation": PASSWORD})
        submit(driver, "main form")
        wait_for_path(driver, "/expert/companies")
        switch_language(driver, "en")
        pages.check("companies")
        company_page = f"/expert/companies/{application}"
        pages.get(company_page, "company")
        set_value(driver, "scheduledAt", past_visit_moment())
        fill(driver, {"number": "1", "mode": "online", "place": "https://meet.example.jp/mamori-e2e-en"})
        submit(driver, f"main form[action='{company_page}/visits']")
        pages.check("visit scheduled")
        record = driver.find_element(By.CSS_SELECTOR, "section.record form")
        record.find_element(By.NAME, "topics").send_keys(pages.typed_text("基本方針の骨子を確認"))
        record.find_element(By.NAME, "goal1").send_keys("50")
        click_and_wait(driver, record.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        pages.check("visit recorded")
        pages.get(f"{company_page}/policy", "policy review")
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"main a[href^='{company_page}/policy/']"))
        pages.check("policy version")
        driver.find_element(By.CSS_SELECTOR, "form.comment-form textarea").send_keys(pages.typed_text("取引先との契約にも触れてください。"))
        submit(driver, "form.comment-form")
        pages.check("commented")
        pages.get(f"{company_page}/plan", "plan")
        driver.find_element(By.CSS_SELECTOR, f"main form[action='{company_page}/plan/comments'] textarea").send_keys(
            pages.typed_text("優先順位を見直しましょう。"))
        submit(driver, f"main form[action='{company_page}/plan/comments']")
        pages.check("plan commented")

    # --- the owner again: the program, the comments, the audit log -----------------------------
    with pages.step("owner after the visit"):
        log_in_as(driver, base_url, owner_email)
        pages.check("dashboard")
        pages.get(f"{org}/program", "accepted, one visit")
        pages.get(ids["policy"], "with the expert's comment")
        pages.get(f"{org}/plan", "with comments")
        pages.get(f"{org}/audit", "audit log")
        pages.get(f"{org}/audit?action=incident.updated", "audit log, filtered")

    # --- the inverse: English and raw keys on Japanese pages -----------------------------------
    with pages.step("Japanese pages"):
        switch_language(driver, "ja")
        pages.get(ids["incident"], "Japanese", language="ja")
        pages.get(f"{org}/audit", "Japanese", language="ja")
        pages.get(f"{ids['incident']}/reports/management", "Japanese", language="ja")
        for path in ("/dashboard", f"{org}/diagnoses", f"{org}/security-action", f"{org}/rules", f"{org}/telework",
                     f"{org}/assets", f"{org}/risks", f"{org}/program", f"{org}/members", f"{org}/tokens", "/settings"):
            pages.get(path, "Japanese", language="ja")
        # The plan's items are stored in the language of whoever proposed them (the owner, in
        # English): English titles there are data, so only raw keys are looked for.
        pages.get(f"{org}/plan", "Japanese", language="ja", english_words=False)

    if pages.problems:
        pytest.fail(pages.report(), pytrace=False)

