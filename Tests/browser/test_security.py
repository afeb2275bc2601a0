"""An outsider's attacks, over real HTTP, and what a person sees before a hub approves them.

* Guessing passwords: thirty wrong passwords sent at once for one account are checked at most
  ten times (the rest answer 429), a locked account does not lock out another account from the
  same address, and fifty failures from one address stop that address but no other.
* Password resets: at most three reset emails for one account an hour, at most ten requests
  from one network address (the eleventh answers 429), a forged X-Forwarded-For header does not
  dodge that without a proxy, and the answer takes as long whether or not the account exists.
* Links in email reach only the mailbox: the coordinator's outbox never shows one.
* "Members only" means approved members: a new, confirmed account sees what a visitor sees.
* Another person's unpublished story answers 404; over-long addresses answer 404 or 414 with
  the site's own page, never 500.

The limits are per network address, and every check comes from 127.0.0.1, so the attacks run
against servers of their own (started here from BRIDGEWORK_BIN, each in a fresh data dir):
one as it runs in CI, and one told it sits behind a proxy (BRIDGEWORK_BEHIND_PROXY), where an
X-Forwarded-For header stands for each attacker's own address. The server under test
(BRIDGEWORK_URL) is used only for what leaves no lock behind.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import ipaddress
import itertools
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from selenium.webdriver.common.by import By

from helpers import (
    COORDINATOR_EMAIL,
    DEMO_PASSWORD,
    HERE,
    MEMBER_EMAIL,
    check_page,
    fill_in,
    header,
    heading,
    hidden_fields,
    http_sign_in,
    last_status,
    link_in_mail,
    mails_to,
    new_confirmed_account,
    page_text,
    path_of,
    post_form,
    press,
    served_html,
    sign_in,
    sign_out,
    unique_email,
    url,
    visit,
)

STEWARD_EMAIL = "steward@demo.bridgework.org.uk"
ORGADMIN_EMAIL = "orgadmin@demo.bridgework.org.uk"
NOT_APPROVED = "This is for approved members"
HIDDEN_HOST = "An organisation in the alliance"
RESET_SUBJECT = "Reset your Bridgework password"


# ---------------------------------------------------------------------------
# Servers of the attacks' own
# ---------------------------------------------------------------------------

@dataclass
class OwnServer:
    base_url: str
    mail: Path
    behind_proxy: bool

    def url(self, path: str) -> str:
        return self.base_url + path


def _server_binary() -> str | None:
    candidates = [os.environ.get("BRIDGEWORK_BIN"), str(HERE.parent.parent / ".build" / "debug" / "bridgework")]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def own_server(behind_proxy: bool):
    """A fresh Bridgework (SQLite, demo loaded) on a free port, stopped and removed afterwards."""
    binary = _server_binary()
    if binary is None:
        pytest.skip("no server binary: set BRIDGEWORK_BIN (the attacks need servers of their own)")
    data_dir = Path(tempfile.mkdtemp(prefix="bridgework-security-"))
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k not in (
        "DATABASE_URL", "BRIDGEWORK_SENDMAIL", "BRIDGEWORK_MAIL_DIR", "BRIDGEWORK_BEHIND_PROXY", "BRIDGEWORK_NO_DEMO")}
    env.update(BRIDGEWORK_DATA_DIR=str(data_dir), BRIDGEWORK_PUBLIC_URL=base)
    if behind_proxy:
        env["BRIDGEWORK_BEHIND_PROXY"] = "1"
    log = open(data_dir / "server.log", "wb")
    process = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)],
                               env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                pytest.fail(f"the security server exited with {process.returncode}:\n"
                            + (data_dir / "server.log").read_text(errors="replace")[-3000:], pytrace=False)
            try:
                if requests.get(base + "/healthz", timeout=2).text.strip() == "ok":
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the security server at {base} was not ready within 120 s", pytrace=False)
            time.sleep(0.5)
        yield OwnServer(base_url=base, mail=data_dir / "mail", behind_proxy=behind_proxy)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)
        log.close()
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="module")
def lone_server():
    """A fresh server as CI runs it: every request's address is the one it came from."""
    with own_server(behind_proxy=False) as server:
        yield server


@pytest.fixture(scope="module")
def proxied_server():
    """A fresh server told a proxy is in front, so X-Forwarded-For names each attacker's address."""
    with own_server(behind_proxy=True) as server:
        yield server


_addresses = itertools.count(1)


def new_address() -> str:
    """A network address no other check in this run uses (10.x.y.z)."""
    return str(ipaddress.IPv4Address("10.0.0.0") + next(_addresses))


def from_address(address: str) -> dict:
    return {"X-Forwarded-For": address}


# ---------------------------------------------------------------------------
# Sending forms as an attacker's script would: a browser's cookie and CSRF token first
# ---------------------------------------------------------------------------

def prepared_form(server_url: str, page: str, action: str, headers: dict | None = None) -> tuple[requests.Session, dict]:
    """A session holding the page's CSRF cookie, and the form's hidden fields (its token)."""
    session = requests.Session()
    opened = session.get(server_url + page, headers=headers, timeout=60)
    assert opened.status_code == 200, f"{page} answered {opened.status_code}"
    return session, hidden_fields(opened.text, action)


def send(session: requests.Session, server_url: str, action: str, hidden: dict, fields: dict,
         headers: dict | None = None) -> requests.Response:
    return session.post(server_url + action, data={**hidden, **fields}, headers=headers,
                        allow_redirects=False, timeout=120)


def wrong_sign_in(server: OwnServer, email: str, headers: dict | None = None) -> int:
    session, hidden = prepared_form(server.base_url, "/signin", "/signin", headers)
    return send(session, server.base_url, "/signin", hidden,
                {"email": email, "password": f"wrong-{uuid.uuid4().hex}"}, headers).status_code


def right_sign_in(server: OwnServer, email: str, headers: dict | None = None) -> requests.Response:
    session, hidden = prepared_form(server.base_url, "/signin", "/signin", headers)
    return send(session, server.base_url, "/signin", hidden, {"email": email, "password": DEMO_PASSWORD}, headers)


def ask_for_reset(server: OwnServer, email: str, headers: dict | None = None) -> requests.Response:
    session, hidden = prepared_form(server.base_url, "/password/forgot", "/password/forgot", headers)
    return send(session, server.base_url, "/password/forgot", hidden, {"email": email}, headers)


def reset_mails(server: OwnServer, email: str, settle: float = 2.0) -> list[dict]:
    """The reset messages written to `email`'s mailbox, after giving slow writes time to land."""
    time.sleep(settle)
    return [m for m in mails_to(email, server.mail) if m["subject"] == RESET_SUBJECT]


# ---------------------------------------------------------------------------
# Guessing passwords
# ---------------------------------------------------------------------------

def test_thirty_wrong_passwords_sent_at_once_are_checked_at_most_ten_times(driver, lone_server):
    server = lone_server
    # One browser's cookie and token, as an attacker's script would take them, then thirty at once.
    session, hidden = prepared_form(server.base_url, "/signin", "/signin")
    start = threading.Barrier(30)
    answers: list[requests.Response] = []

    def guess(n: int) -> requests.Response:
        attempt = requests.Session()
        attempt.cookies.update(session.cookies)
        start.wait(timeout=60)
        return send(attempt, server.base_url, "/signin", hidden, {"email": STEWARD_EMAIL, "password": f"guess-{n}-wrong"})

    with concurrent.futures.ThreadPoolExecutor(max_workers=30) as pool:
        answers = list(pool.map(guess, range(30)))
    statuses = [a.status_code for a in answers]
    checked = statuses.count(422)
    print(f"thirty at once: {checked} checked (422), {statuses.count(429)} refused (429)")
    refused = [a for a in answers if a.status_code == 429]
    assert checked + len(refused) == 30, f"thirty wrong passwords at once answered {sorted(statuses)}: only 422 and 429 may appear"
    assert checked <= 10, f"{checked} of thirty wrong passwords sent at once were checked; at most 10 may be"
    assert refused, "none of thirty wrong passwords at once was refused"
    for answer in refused[:3]:
        assert "Too many attempts" in answer.text and "Wait 15 minutes" in answer.text, \
            "a refused attempt does not say 'Too many attempts' and 'Wait 15 minutes'"

    # Any places left are used one at a time; never more than ten in all are checked.
    for _ in range(10 - checked):
        status = wrong_sign_in(server, STEWARD_EMAIL)
        if status == 429:
            break
        assert status == 422, f"a wrong password answered {status}"
        checked += 1
    assert checked <= 10, f"{checked} wrong passwords were checked for one account within 15 minutes"
    assert wrong_sign_in(server, STEWARD_EMAIL) == 429, "after ten wrong passwords another is still checked"

    # Locked: even the right password waits, and the page says so plainly.
    assert right_sign_in(server, STEWARD_EMAIL).status_code == 429, "the right password got through a locked account"
    driver.get(server.url("/signin"))
    fill_in(driver, "Email address", STEWARD_EMAIL)
    fill_in(driver, "Password", DEMO_PASSWORD)
    press(driver, "Sign in")
    assert last_status(driver) == 429, f"the locked sign-in page answered HTTP {last_status(driver)}, not 429"
    text = page_text(driver)
    assert "Too many attempts" in text and "Wait 15 minutes" in text, text[:400]
    assert "Signed in as" not in header(driver).text
    check_page(driver, "signin-too-many-attempts")


def test_ten_failures_for_one_account_do_not_stop_another_account_from_the_same_address(lone_server):
    server = lone_server
    statuses = [wrong_sign_in(server, COORDINATOR_EMAIL) for _ in range(10)]
    assert statuses == [422] * 10, f"ten wrong passwords answered {statuses}, not ten 422s"
    assert wrong_sign_in(server, COORDINATOR_EMAIL) == 429, "an eleventh wrong password for the account is still checked"
    answer = right_sign_in(server, MEMBER_EMAIL)
    assert answer.status_code == 303 and answer.headers.get("Location", "").startswith("/home"), (
        f"after ten failures for {COORDINATOR_EMAIL}, the right password for {MEMBER_EMAIL} from the same "
        f"address answered {answer.status_code} {answer.headers.get('Location')}, not a redirect to /home")


def test_fifty_failures_from_one_address_stop_that_address_but_no_other(proxied_server):
    server = proxied_server
    attacker, neighbour = from_address(new_address()), from_address(new_address())
    # Five guesses each at ten made-up accounts: fifty failures, none reaching an account's own limit.
    accounts = [unique_email() for _ in range(10)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        statuses = list(pool.map(lambda email: wrong_sign_in(server, email, attacker), accounts * 5))
    assert statuses.count(422) == 50, f"fifty wrong passwords from one address answered {sorted(statuses)}"
    assert wrong_sign_in(server, unique_email(), attacker) == 429, "a 51st failure from one address is still checked"
    assert right_sign_in(server, MEMBER_EMAIL, attacker).status_code == 429, \
        "an address with fifty failures may still try passwords"
    answer = right_sign_in(server, MEMBER_EMAIL, neighbour)
    assert answer.status_code == 303, f"another address was stopped too: it answered {answer.status_code}"


# ---------------------------------------------------------------------------
# Password resets
# ---------------------------------------------------------------------------

def test_thirty_one_reset_requests_for_one_account_send_at_most_three_emails(proxied_server):
    server = proxied_server
    # Each from an address of its own, so only the account's limit can hold them back.
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda _: ask_for_reset(server, ORGADMIN_EMAIL, from_address(new_address())), range(31)))
    statuses = [a.status_code for a in answers]
    assert statuses == [200] * 31, f"31 reset requests answered {sorted(statuses)}; each should get the same 'check your email' page"
    assert all("Check your email" in a.text for a in answers)
    sent = reset_mails(server, ORGADMIN_EMAIL)
    assert 1 <= len(sent) <= 3, f"{len(sent)} reset emails reached {ORGADMIN_EMAIL} after 31 requests; at most 3 may in an hour"
    for message in sent:
        assert "/password/reset?token=" in message["body"], "a reset email has no working link"


def test_the_eleventh_reset_request_from_one_network_address_is_refused(driver, proxied_server):
    server = proxied_server
    attacker = new_address()
    statuses = [ask_for_reset(server, unique_email(), from_address(attacker)).status_code for _ in range(10)]
    assert statuses == [200] * 10, f"ten reset requests from one address answered {statuses}"
    refused = ask_for_reset(server, unique_email(), from_address(attacker))
    assert refused.status_code == 429, f"the eleventh reset request from one address answered {refused.status_code}, not 429"
    assert "too many requests from your network" in refused.text, "the refusal does not say why"
    assert ask_for_reset(server, unique_email(), from_address(new_address())).status_code == 200, \
        "another address was refused too"

    # The page a person behind that address sees.
    driver.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": from_address(attacker)})
    try:
        driver.get(server.url("/password/forgot"))
        fill_in(driver, "Email address", unique_email())
        press(driver, "Send reset link")
        assert last_status(driver) == 429, f"the refused reset page answered HTTP {last_status(driver)}, not 429"
        summaries = driver.find_elements(By.CSS_SELECTOR, 'div.error-summary[role="alert"]')
        assert summaries and "Wait an hour" in summaries[0].text, "the refused reset page has no error summary saying to wait"
        check_page(driver, "password-forgot-too-many-requests")
    finally:
        driver.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": {}})


def test_a_forged_forwarded_for_header_does_not_dodge_the_reset_limit_without_a_proxy(lone_server):
    server = lone_server
    # Without BRIDGEWORK_BEHIND_PROXY the header is the attacker's own word, and must be ignored.
    statuses = [ask_for_reset(server, unique_email(), from_address(new_address())).status_code for _ in range(10)]
    assert statuses == [200] * 10, f"ten reset requests answered {statuses}"
    forged = ask_for_reset(server, unique_email(), from_address(new_address()))
    assert forged.status_code == 429, (
        f"with a new X-Forwarded-For each time, the eleventh request from one address answered "
        f"{forged.status_code}, not 429: the header is trusted without a proxy")


def test_a_reset_takes_as_long_for_an_unknown_address_as_for_an_account(proxied_server):
    server = proxied_server
    # Fresh accounts, one request each, each request from an address of its own: no limit bites.
    accounts = [new_confirmed_account(name="Timing Person", base_url=server.base_url, folder=server.mail,
                                      headers=from_address(new_address()))[0] for _ in range(9)]

    def timed(email: str) -> float:
        headers = from_address(new_address())
        session, hidden = prepared_form(server.base_url, "/password/forgot", "/password/forgot", headers)
        started = time.perf_counter()
        answer = send(session, server.base_url, "/password/forgot", hidden, {"email": email}, headers)
        took = time.perf_counter() - started
        assert answer.status_code == 200 and "Check your email" in answer.text, f"a reset request answered {answer.status_code}"
        return took

    timed(accounts[0]), timed(unique_email())  # warm up both paths
    existing, unknown = [], []
    for email in accounts[1:]:
        existing.append(timed(email))
        unknown.append(timed(unique_email()))
    gap = abs(statistics.median(existing) - statistics.median(unknown))
    detail = (f"existing {[round(t * 1000) for t in existing]} ms, unknown {[round(t * 1000) for t in unknown]} ms; "
              f"medians {statistics.median(existing) * 1000:.0f} and {statistics.median(unknown) * 1000:.0f} ms")
    assert min(existing + unknown) >= 0.39, f"a reset request answered in under 400 ms: {detail}"
    print(f"reset timing: {detail}")
    assert gap < 0.060, f"a reset for an account and one for an unknown address differ by {gap * 1000:.0f} ms: {detail}"
    # The accounts' requests did real work: each sent its email.
    time.sleep(1)
    assert all(any(m["subject"] == RESET_SUBJECT for m in mails_to(email, server.mail)) for email in accounts[1:]), \
        "not every account that asked was sent its reset email"


# ---------------------------------------------------------------------------
# Email links reach only the mailbox
# ---------------------------------------------------------------------------

def test_the_outbox_never_shows_a_working_link_after_a_sign_up_and_a_reset(driver):
    email = unique_email()
    visit(driver, "/signup")
    fill_in(driver, "Full name", "Olu Outbox-Test")
    fill_in(driver, "Email address", email)
    fill_in(driver, "Password", "an-outbox-test-password")
    press(driver, "Create account")
    assert heading(driver) == "Check your email"
    visit(driver, "/password/forgot")
    fill_in(driver, "Email address", email)
    press(driver, "Send reset link")
    assert heading(driver) == "Check your email"

    # The person's mailbox has both working links.
    confirm = link_in_mail(email, "/email/confirm?token=")
    reset = link_in_mail(email, "/password/reset?token=")
    tokens = [urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)["token"][0] for link in (confirm, reset)]

    sign_in(driver, COORDINATOR_EMAIL, DEMO_PASSWORD)
    visit(driver, "/admin/outbox")
    assert heading(driver) == "Outbox"
    html = served_html(driver)
    messages = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "article.message") if email in m.text]
    subjects = " ".join(messages)
    assert "Confirm your email address for Bridgework" in subjects and RESET_SUBJECT in subjects, \
        f"the outbox does not list both messages to {email} by subject"
    assert "token=" not in html, "the outbox page shows a link with a token in it"
    for token in tokens:
        assert token not in html, "the outbox page shows a token from a one-off link"
    assert all("[link hidden: only the person it was sent to can use it]" in m for m in messages), \
        "a message in the outbox does not say its link is hidden"
    check_page(driver, "security-outbox-links-hidden")
    sign_out(driver)


# ---------------------------------------------------------------------------
# A registered person, not yet approved, sees what a visitor sees
# ---------------------------------------------------------------------------

@dataclass
class MembersOnly:
    organisation_name: str
    organisation_path: str
    organisation_contact: tuple[str, str]
    event_title: str
    event_path: str
    story_title: str
    story_path: str


@pytest.fixture(scope="module")
def members_only() -> MembersOnly:
    """Members-only things the demo lacks, made over HTTP by someone who is not yet approved:
    an organisation for members only (with a contact email and phone), a public event it runs,
    and a story whose narrowest consent is "alliance", published by the Newcastle steward."""
    tag = uuid.uuid4().hex[:6]
    maker = http_sign_in(*new_confirmed_account(name="Morgan Maker"))
    name = f"Quiet Bridges Collective {tag}"
    contact = (f"quiet-{tag}@example.org", f"0113 496 {int(tag, 16) % 10000:04d}")
    made = post_form(maker, "/organisations/new", "/organisations/new", {
        "name": name, "summary": "A members-only listing made by the security checks.",
        "contact_email": contact[0], "contact_phone": contact[1], "visibility": "members", "work[]": "voice"})
    organisation_path = urllib.parse.urlsplit(made.url).path
    assert organisation_path.startswith("/organisations/") and organisation_path != "/organisations/new", \
        f"adding a members-only organisation led to {made.url}"
    slug = organisation_path.rsplit("/", 1)[1]

    title = f"Open evening of the quiet bridges {tag}"
    day = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 60 * 86400))
    made = post_form(maker, "/events/new", "/events/new", {
        "title": title, "host": f"organisation:{slug}", "description": "An open evening for anyone.",
        "date": day, "start_time": "18:00", "end_time": "20:00", "place": "Town hall (security checks)",
        "capacity": "20", "audience": "public"})
    event_path = urllib.parse.urlsplit(made.url).path
    assert made.status_code == 200 and event_path.startswith("/events/") and event_path != "/events/new", \
        f"adding a public event run by the organisation led to {made.status_code} {made.url}"

    story_title = f"A story told only to the alliance {tag}"
    made = post_form(maker, "/stories/new", "/stories/new", {
        "title": story_title, "summary": "Its people agreed to alliance members reading it, no further.",
        "body": "Neighbours met over the fence and then over tea.", "hub": "newcastle", "kind_of_work": "voice"})
    manage = urllib.parse.urlsplit(made.url).path
    story_path = manage.rsplit("/manage", 1)[0]
    post_form(maker, manage, story_path + "/consents", {
        "person": "Sam (a pseudonym)", "scope": "alliance", "how_given": "Signed form", "given_on": "2026-03-01"})
    post_form(maker, manage, story_path + "/submit", {})
    steward = http_sign_in(STEWARD_EMAIL, DEMO_PASSWORD)
    published = post_form(steward, manage, story_path + "/review", {"decision": "publish"})
    assert "story-published" in published.url, f"the steward could not publish the alliance story: {published.url}"
    return MembersOnly(name, organisation_path, contact, title, event_path, story_title, story_path)


@pytest.fixture(scope="module")
def registered_person(driver) -> tuple[str, str]:
    """A new person, signed up through the page and confirmed through the link in their mailbox
    and the confirm button: registered, not yet approved into any hub."""
    email, password = unique_email(), "a-registered-password"
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    visit(driver, "/signup")
    fill_in(driver, "Full name", "Riley Registered")
    fill_in(driver, "Email address", email)
    fill_in(driver, "Password", password)
    press(driver, "Create account")
    assert heading(driver) == "Check your email"
    driver.get(link_in_mail(email, "/email/confirm?token="))
    assert heading(driver) == "Confirm your email address"
    press(driver, "Confirm email address")
    assert "confirmed" in page_text(driver).lower()
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    return email, password


# List pages, and the paths under them that name one thing.
LISTS = [
    ("/organisations", "/organisations/"),
    ("/events", "/events/"),
    ("/stories", "/stories/"),
    ("/impact/projects", "/impact/projects/"),
    ("/hubs", "/hubs/"),
    ("/practice", "/practice/"),
    ("/narratives", "/narratives/"),
    ("/library", "/library/"),
]
# Links that are actions a signed-in person may take, not things listed.
ACTIONS = re.compile(r"/(new|review)$|\.(atom|ics)$")


def listed(session: requests.Session, path: str, prefix: str, pages: int = 10) -> set[str]:
    """Every item linked from a list, through its pages."""
    found: set[str] = set()
    for page in range(1, pages + 1):
        answer = session.get(url(f"{path}?page={page}"), timeout=60)
        assert answer.status_code == 200, f"{path}?page={page} answered {answer.status_code}"
        items = {urllib.parse.urlsplit(h).path for h in re.findall(r'href="([^"#]+)"', answer.text)}
        items = {i for i in items if i.startswith(prefix) and not ACTIONS.search(i)}
        if items <= found:
            break
        found |= items
    return found


def count_line(session: requests.Session, path: str) -> str:
    found = re.search(r"\b[0-9,]+ organisations?\b", session.get(url(path), timeout=60).text)
    return found.group(0) if found else ""


def test_a_registered_person_sees_the_lists_a_visitor_sees(registered_person, members_only):
    visitor = requests.Session()
    member = http_sign_in(MEMBER_EMAIL, DEMO_PASSWORD)
    registered = http_sign_in(*registered_person)
    members_only_items: set[str] = set()
    for path, prefix in LISTS:
        seen_by_visitor = listed(visitor, path, prefix)
        seen_by_member = listed(member, path, prefix)
        seen_by_registered = listed(registered, path, prefix)
        assert seen_by_registered == seen_by_visitor, (
            f"{path}: a registered person sees {sorted(seen_by_registered - seen_by_visitor)} that a visitor does not, "
            f"and misses {sorted(seen_by_visitor - seen_by_registered)}")
        members_only_items |= seen_by_member - seen_by_visitor
    expected = {members_only.organisation_path, members_only.story_path, "/events/mediation-skills-morning"}
    assert expected <= members_only_items, (
        f"members see {sorted(members_only_items)} beyond what visitors see; expected at least {sorted(expected)}")
    assert count_line(registered, "/organisations") == count_line(visitor, "/organisations") != count_line(member, "/organisations"), \
        "the organisation count a registered person sees is not the visitor's"

    # Each members-only thing is closed to them, as to a visitor; members open it.
    for item in sorted(members_only_items):
        for who, session in (("a visitor", visitor), ("a registered person", registered)):
            answer = session.get(url(item), allow_redirects=False, timeout=60)
            asked_to_sign_in = answer.status_code == 303 and answer.headers.get("Location", "").startswith("/signin")
            assert answer.status_code in (403, 404) or (who == "a visitor" and asked_to_sign_in), \
                f"{item} answered {answer.status_code} to {who}; members-only things are hidden"
        assert member.get(url(item), timeout=60).status_code == 200, f"{item} does not open for a member"

    # Nothing of them leaks through search, calendars or open data.
    secrets = [members_only.organisation_name, *members_only.organisation_contact, members_only.story_title,
               "meet.example.org/mediation-skills", "Mediation skills morning"]
    for path in ["/search?q=Quiet+Bridges", "/organisations?q=Quiet+Bridges", "/events", "/events.ics",
                 "/stories", "/stories/feed.atom", "/api/v1/organisations", "/api/hsds/organizations", "/sitemap.xml",
                 members_only.event_path, members_only.event_path + ".ics", "/hubs/newcastle"]:
        for who, session in (("a visitor", visitor), ("a registered person", registered)):
            body = session.get(url(path), timeout=60).text
            for secret in secrets:
                assert secret not in body, f"{path} shows {secret!r} to {who}"


def test_members_only_pages_answer_a_registered_person_as_they_would_a_visitor(driver, registered_person, members_only):
    member = http_sign_in(MEMBER_EMAIL, DEMO_PASSWORD)
    found = re.search(r'href="(/people/[0-9a-fA-F-]{36})"[^>]*>\s*Tom Reilly', member.get(url("/people?q=Tom"), timeout=60).text)
    assert found, "the demo's members-only profile (Tom Reilly) is not found by a member"
    members_profile = found.group(1)
    assert member.get(url(members_profile), timeout=60).status_code == 200
    member_nav = member.get(url("/"), timeout=60).text
    assert ">Practitioners<" in member_nav and ">Peer support<" in member_nav, "an approved member's navigation lacks its links"

    sign_in(driver, *registered_person)
    assert path_of(driver) == "/home"
    visit(driver, "/account")
    text = page_text(driver)
    assert "Your membership is waiting for approval" in text, "the account page has no 'waiting for approval' panel"
    assert "Until a hub approves you, you see what any visitor sees" in text
    assert "Registered, not yet approved into a hub" in text
    nav = {(a.get_attribute('textContent') or '').strip() for a in driver.find_elements(By.CSS_SELECTOR, 'nav[aria-label="Main"] a')}
    assert not nav & {"Practitioners", "Peer support"}, f"the navigation offers {nav & {'Practitioners', 'Peer support'}} before approval"
    check_page(driver, "security-registered-account")

    for path, name in (("/people", "people"), ("/peer-support", "peer-support")):
        visit(driver, path)
        assert last_status(driver) == 403, f"{path} answered HTTP {last_status(driver)} to a registered person, not 403"
        assert heading(driver) == NOT_APPROVED, f"{path} is refused under {heading(driver)!r}"
        assert "steward" in page_text(driver), "the refusal does not say a hub's steward approves people"
        check_page(driver, f"security-registered-{name}-403")

    for path, name in ((members_only.organisation_path, "organisation"), ("/events/mediation-skills-morning", "event"),
                       (members_only.story_path, "story"), (members_profile, "profile")):
        visit(driver, path)
        assert last_status(driver) == 404, f"the members-only {name} {path} answered HTTP {last_status(driver)}, not 404"
        assert heading(driver) == "Page not found"
        html = served_html(driver)
        for secret in ("Newcastle (demo venue)", "meet.example.org", members_only.organisation_contact[0], "Tom Reilly"):
            assert secret not in html, f"the 404 for {path} shows {secret!r}"
        check_page(driver, f"security-registered-members-{name}-404")

    # Asking to join a hub changes nothing until a steward says yes, and the account page says so.
    visit(driver, "/hubs/warrington")
    press(driver, "Ask to join this hub")
    assert "Your request to join has been sent" in page_text(driver)
    visit(driver, "/account")
    assert "A steward of the hub will look at your request" in page_text(driver), \
        "the account page does not say a steward will look at the request"
    check_page(driver, "security-registered-account-asked-to-join")
    visit(driver, "/people")
    assert last_status(driver) == 403, "asking to join a hub opened /people before any steward approved"


def jsonld_organiser(html: str) -> str | None:
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        if data.get("@type") == "Event":
            return (data.get("organizer") or {}).get("name")
    return None


def test_a_members_only_host_is_never_named_to_visitors_or_registered_people(driver, registered_person, members_only):
    member = http_sign_in(MEMBER_EMAIL, DEMO_PASSWORD)
    assert members_only.organisation_name in member.get(url(members_only.event_path), timeout=60).text, \
        "a member is not told which organisation runs the event"

    for who in ("visitor", "registered"):
        driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
        if who == "registered":
            sign_in(driver, *registered_person)
        visit(driver, members_only.event_path)
        assert last_status(driver) == 200
        assert heading(driver) == members_only.event_title
        html = served_html(driver)
        assert members_only.organisation_name not in html, f"the public event page names its members-only host to a {who}"
        assert HIDDEN_HOST in page_text(driver), f"the event page does not say {HIDDEN_HOST!r} to a {who}"
        description = driver.find_elements(By.CSS_SELECTOR, 'meta[name="description"]')
        assert description and HIDDEN_HOST in description[0].get_attribute("content"), \
            "the page's meta description does not use the hidden host's wording"
        assert jsonld_organiser(html) == HIDDEN_HOST, f"the event's JSON-LD names the organiser {jsonld_organiser(html)!r}"
        check_page(driver, f"security-{who}-event-with-members-only-host")

        visit(driver, "/events")
        listing = served_html(driver)
        assert members_only.event_title in listing and HIDDEN_HOST in listing, "the events list does not show the event by its hidden host"
        assert members_only.organisation_name not in listing, f"the events list names the members-only host to a {who}"


# ---------------------------------------------------------------------------
# Other people's stories, and over-long addresses
# ---------------------------------------------------------------------------

def test_another_persons_unpublished_story_answers_404(registered_person):
    story = "/stories/roma-families-in-the-classroom"  # the demo's story awaiting review, by the demo member
    author = http_sign_in(MEMBER_EMAIL, DEMO_PASSWORD)
    steward = http_sign_in(STEWARD_EMAIL, DEMO_PASSWORD)
    assert author.get(url(story + "/manage"), timeout=60).status_code == 200, "the author cannot follow their own story"
    assert steward.get(url(story + "/manage"), timeout=60).status_code == 200, "the hub's steward cannot follow the story"
    for who, session in (("a registered person", http_sign_in(*registered_person)),
                         ("an approved member of another hub", http_sign_in(ORGADMIN_EMAIL, DEMO_PASSWORD))):
        for path in ("/manage", "/edit"):
            status = session.get(url(story + path), allow_redirects=False, timeout=60).status_code
            assert status == 404, f"{story}{path} answered {status} to {who}, not 404"
        token = hidden_fields(session.get(url("/account"), timeout=60).text, "/signout")
        status = session.post(url(story + "/submit"), data=token, allow_redirects=False, timeout=60).status_code
        assert status == 404, f"sending {story} for review answered {status} to {who}, not 404"
        assert session.get(url(story), timeout=60).status_code == 404


LONG_PATHS = [
    ("/css/" + "a" * 300, 404),
    ("/" + "b" * 256, 404),
    ("/stories/" + "c" * 300, 404),
    ("/organisations/" + "d" * 300 + "/members", 404),
    ("/events/" + "e" * 255, 404),
    ("/" + "f/" * 1100, 414),
    ("/" + "g" * 2100, 414),
    ("/search/" + "h" * 3000 + "?q=x", 414),
]


def test_over_long_addresses_answer_404_or_414_with_the_sites_page_never_500(driver):
    for path, expected in LONG_PATHS:
        for method in ("GET", "POST", "HEAD"):
            answer = requests.request(method, url(path), allow_redirects=False, timeout=60)
            # A POST to a path only read with GET may say so (405) instead; never a server error.
            allowed = {expected} if method != "POST" or expected == 414 else {expected, 405}
            assert answer.status_code in allowed, \
                f"{method} of a {len(path)}-character path ({path[:40]}…) answered {answer.status_code}, not {expected}"
            if method == "GET":
                assert answer.headers.get("Content-Type", "").startswith("text/html"), \
                    f"a long path answered {answer.headers.get('Content-Type')}, not the site's HTML page"
                title = "Page not found" if expected == 404 else "This web address is too long"
                assert f"<h1>{title}</h1>" in answer.text, f"a long path's page is not headed {title!r}"
    # A long query is not a long path: the page still works.
    assert requests.get(url("/search?q=" + "q" * 3000), timeout=60).status_code == 200

    visit(driver, "/css/" + "a" * 300)
    assert last_status(driver) == 404 and heading(driver) == "Page not found"
    check_page(driver, "long-segment-404")
    visit(driver, "/" + "g" * 2100)
    assert last_status(driver) == 414, f"a 2,101-character path answered HTTP {last_status(driver)} in the browser"
    assert heading(driver) == "This web address is too long"
    check_page(driver, "long-path-414")
