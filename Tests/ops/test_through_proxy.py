"""Two `bridgework serve` processes behind nginx, sharing one PostgreSQL database, behave as one
site: what a person does through one process holds through the other.

Run by .ci/multiprocess.sh, which starts both processes and nginx and sets the addresses (see
conftest.py). "Through A" and "through B" go through nginx ports pinned to one process each;
every answer carries nginx's X-Bridgework-Upstream header naming the process that made it, and
the tests check it, so "through B" is never just assumed.
"""

from __future__ import annotations

import datetime
import html
import json
import re
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import requests

from helpers import (
    DEMO_PASSWORD,
    hidden_fields,
    link_in_mail,
    mails_to,
    new_confirmed_account,
    post_form,
)

STEWARD_EMAIL = "steward@demo.bridgework.org.uk"
UPSTREAM = "X-Bridgework-Upstream"
TIMEOUT = 60


def served_by(response: requests.Response) -> str:
    return response.headers.get(UPSTREAM, "")


def heading_of(page: str) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip() if found else ""


def text_of(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def sign_in_through(base: str, email: str, password: str) -> tuple[requests.Session, requests.Response]:
    session = requests.Session()
    answer = post_form(session, "/signin", "/signin", {"email": email, "password": password},
                       base_url=base, follow=False)
    return session, answer


# ---------------------------------------------------------------------------------------------

def test_signing_in_through_process_a_keeps_you_signed_in_through_process_b(proxy):
    email, password = new_confirmed_account(name="Robin Twoprocess", base_url=proxy.main, folder=proxy.mail)

    session, signed_in = sign_in_through(proxy.a, email, password)
    assert signed_in.status_code == 303 and signed_in.headers["Location"].startswith("/home"), signed_in.status_code
    assert served_by(signed_in) == proxy.backend_a

    home = session.get(proxy.b + "/home", allow_redirects=False, timeout=TIMEOUT)
    assert served_by(home) == proxy.backend_b
    assert home.status_code == 200, f"process B did not know the session: {home.status_code} {home.headers}"
    assert "Signed in as" in text_of(home.text) and "Robin Twoprocess" in text_of(home.text)

    # A form from a page process A served, sent through process B, is accepted.
    account = session.get(proxy.a + "/account", timeout=TIMEOUT)
    assert account.status_code == 200 and served_by(account) == proxy.backend_a
    fields = hidden_fields(account.text, "/account")
    assert fields.get("csrf_token"), fields
    fields.update({"name": "Robin Renamed", "email": email})
    saved = session.post(proxy.b + "/account", data=fields, allow_redirects=False, timeout=TIMEOUT)
    assert served_by(saved) == proxy.backend_b
    assert saved.status_code == 303, f"the form from A was refused by B: {saved.status_code}\n{text_of(saved.text)[:400]}"
    home_a = session.get(proxy.a + "/home", allow_redirects=False, timeout=TIMEOUT)
    assert home_a.status_code == 200 and "Robin Renamed" in text_of(home_a.text)

    # Signing out through B (with A's form) signs you out of A too.
    out_fields = hidden_fields(home_a.text, "/signout")
    signed_out = session.post(proxy.b + "/signout", data=out_fields, allow_redirects=False, timeout=TIMEOUT)
    assert signed_out.status_code == 303 and served_by(signed_out) == proxy.backend_b
    after = session.get(proxy.a + "/home", allow_redirects=False, timeout=TIMEOUT)
    assert served_by(after) == proxy.backend_a
    assert after.status_code in (302, 303) and "/signin" in after.headers.get("Location", ""), after.status_code


# ---------------------------------------------------------------------------------------------

def create_event_with_ten_places(proxy) -> tuple[str, requests.Session]:
    steward = requests.Session()
    answer = post_form(steward, "/signin", "/signin", {"email": STEWARD_EMAIL, "password": DEMO_PASSWORD},
                       base_url=proxy.main, follow=False)
    assert answer.status_code == 303, f"the demo steward could not sign in: {answer.status_code}"
    form = steward.get(proxy.main + "/events/new", timeout=TIMEOUT)
    assert form.status_code == 200 and 'value="hub:newcastle"' in form.text, form.status_code
    day = datetime.date.today() + datetime.timedelta(days=30)
    title = f"Ten places two processes {uuid.uuid4().hex[:6]}"
    fields = hidden_fields(form.text, "/events/new")
    fields.update({
        "title": title, "description": "A small gathering with ten places, for fifty people at once.",
        "host": "hub:newcastle", "date-day": str(day.day), "date-month": str(day.month), "date-year": str(day.year),
        "start_time": "18:30", "end_time": "20:30", "place": "St Michael's church hall, Newcastle",
        "capacity": "10", "audience": "public",
    })
    created = steward.post(proxy.main + "/events/new", data=fields, allow_redirects=False, timeout=TIMEOUT)
    assert created.status_code == 303, f"the event was not saved: {created.status_code}\n{text_of(created.text)[:600]}"
    path = created.headers["Location"].split("?")[0]
    assert path.startswith("/events/"), path
    return path, steward


def test_fifty_registrations_at_once_across_both_processes_confirm_exactly_ten_places(proxy):
    started = time.monotonic()
    event_path, steward = create_event_with_ten_places(proxy)
    slug = event_path.rsplit("/", 1)[1]
    page = requests.get(proxy.main + event_path, timeout=TIMEOUT)
    assert "10 of 10 left" in text_of(page.text)

    people = [(f"Visitor {n:02d}", f"multi-{n:02d}-{uuid.uuid4().hex[:8]}@example.org") for n in range(50)]
    # Visitor n registers through one process and confirms through the other.
    def register_through(n: int) -> str:
        return proxy.a if n % 2 == 0 else proxy.b

    def confirm_through(n: int) -> str:
        return proxy.b if n % 2 == 0 else proxy.a

    sessions = [requests.Session() for _ in people]

    def register(n: int) -> str:
        name, email = people[n]
        answer = post_form(sessions[n], event_path, event_path + "/register", {"name": name, "email": email},
                           base_url=register_through(n))
        assert answer.status_code == 200, f"registering {email} answered {answer.status_code}"
        return heading_of(answer.text)

    with ThreadPoolExecutor(max_workers=25) as pool:
        headings = list(pool.map(register, range(50)))
    assert headings == ["Check your email"] * 50, headings

    # Each person opens the link in their email and gets the page with the button...
    ready: list[tuple[str, dict]] = []

    def open_link(n: int) -> tuple[str, dict]:
        email = people[n][1]
        link = link_in_mail(email, "/events/registrations/confirm", folder=proxy.mail,
                            base_url=confirm_through(n))
        opened = sessions[n].get(link, timeout=TIMEOUT)
        assert opened.status_code == 200, f"{link} answered {opened.status_code}"
        return link.split("?")[0], hidden_fields(opened.text, "/events/registrations/confirm")

    with ThreadPoolExecutor(max_workers=25) as pool:
        ready = list(pool.map(open_link, range(50)))

    # ...and all fifty press "Confirm my place" at the same moment, half through each process.
    barrier = threading.Barrier(50)

    def press_confirm(n: int) -> tuple[int, str, str]:
        action, fields = ready[n]
        barrier.wait(timeout=30)
        answer = sessions[n].post(action, data=fields, allow_redirects=False, timeout=TIMEOUT)
        return answer.status_code, heading_of(answer.text), served_by(answer)

    with ThreadPoolExecutor(max_workers=50) as pool:
        outcomes = list(pool.map(press_confirm, range(50)))

    statuses = sorted({status for status, _, _ in outcomes})
    assert statuses == [200], f"some confirmations failed: {[o for o in outcomes if o[0] != 200]}"
    placed = [o for o in outcomes if o[1] == "You have a place"]
    waiting = [o for o in outcomes if o[1] == "You are on the waiting list"]
    assert len(placed) + len(waiting) == 50, sorted({o[1] for o in outcomes})
    assert {o[2] for o in outcomes} == {proxy.backend_a, proxy.backend_b}
    assert len(placed) == 10, (f"{len(placed)} people were told they have a place, {len(waiting)} that they wait; "
                               f"by process: {[(o[1], o[2]) for o in placed]}")
    assert len(waiting) == 40

    # What everyone sees afterwards agrees: the event page, the organiser's list and the database.
    page = requests.get(proxy.main + event_path, timeout=TIMEOUT)
    assert "Full: 40 on the waiting list" in text_of(page.text), text_of(page.text)[:800]
    registrations = steward.get(proxy.main + event_path + "/registrations", timeout=TIMEOUT)
    assert registrations.status_code == 200
    assert "10 of 10 places taken, 40 on the waiting list, 0 waiting to confirm by email" in text_of(registrations.text)
    counts = proxy.psql((
        "SELECT e.places_taken || ' ' || "
        "(SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'confirmed') || ' ' || "
        "(SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'waitlisted') || ' ' || "
        "(SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id) "
        f"FROM events e WHERE e.slug = '{slug}'"))
    assert counts == "10 10 40 50", f"places_taken, confirmed, waitlisted, all registrations: {counts}"

    # Each person's own mailbox says the same as the page they saw.
    told_place = told_wait = 0
    for (status, heading, _), (_, email) in zip(outcomes, people):
        subjects = [m["subject"] for m in mails_to(email, proxy.mail)]
        if heading == "You have a place":
            told_place += any(s.startswith("Your place at") for s in subjects)
        else:
            told_wait += any(s.startswith("You are on the waiting list for") for s in subjects)
    assert (told_place, told_wait) == (10, 40)
    print(f"\n  places by process: A {sum(o[2] == proxy.backend_a for o in placed)}, "
          f"B {sum(o[2] == proxy.backend_b for o in placed)}; took {time.monotonic() - started:.1f}s")


# ---------------------------------------------------------------------------------------------

def test_a_directory_edit_through_process_a_is_found_by_a_search_through_process_b_within_a_second(
        proxy, coordinator_token: str):
    listed = requests.get(proxy.main + "/api/v1/organisations", timeout=TIMEOUT)
    assert listed.status_code == 200
    organisation = listed.json()["data"][0]
    slug = organisation["slug"]
    word = "bwmulti" + "".join(chr(ord("a") + b % 26) for b in uuid.uuid4().bytes[:8])
    link = f'href="/organisations/{slug}"'

    def search_b() -> requests.Response:
        return requests.get(proxy.b + "/organisations", params={"q": word}, timeout=TIMEOUT)

    # Process B has searched for the word already (and found nothing), so it holds a picture of
    # the directory from before the edit.
    before = search_b()
    assert before.status_code == 200 and served_by(before) == proxy.backend_b
    assert link not in before.text

    edited = requests.patch(
        f"{proxy.a}/api/v1/organisations/{slug}",
        data=json.dumps({"description": (organisation["description"] + f" Known locally as {word}.").strip()}),
        headers={"Authorization": f"Bearer {coordinator_token}", "Content-Type": "application/json",
                 "Accept": "application/json"},
        timeout=TIMEOUT)
    assert edited.status_code == 200, f"PATCH answered {edited.status_code}: {edited.text[:400]}"
    assert served_by(edited) == proxy.backend_a
    assert word in edited.json()["description"]

    saved_at = time.monotonic()
    tries = 0
    while True:
        tries += 1
        found = search_b()
        assert served_by(found) == proxy.backend_b
        if found.status_code == 200 and link in found.text:
            break
        elapsed = time.monotonic() - saved_at
        assert elapsed < 1.0, (f"a search for {word!r} through process B did not find {slug} within 1 s "
                               f"of the edit through A ({tries} searches; last answered {found.status_code})")
        time.sleep(0.05)
    print(f"\n  found through B {time.monotonic() - saved_at:.3f}s after the edit, on search {tries}")


# ---------------------------------------------------------------------------------------------

def wrong_passwords_until_refused(bases: list[str], email: str, password: str, limit: int = 30) -> int:
    """Wrong passwords for `email`, taking turns through `bases`, until the site refuses to check
    one (429, "Too many attempts"); returns how many were checked and turned down first."""
    for attempt in range(limit):
        _, answer = sign_in_through(bases[attempt % len(bases)], email, "not-the-password-" + str(attempt))
        if answer.status_code == 429:
            assert "Too many attempts" in text_of(answer.text)
            return attempt
        assert answer.status_code == 422 and "Enter a correct email address and password" in text_of(answer.text), (
            f"wrong password {attempt + 1} answered {answer.status_code}")
    raise AssertionError(f"{limit} wrong passwords for {email} and still no refusal")


def test_sign_in_limits_count_across_both_processes_as_through_one(proxy):
    alone, password = new_confirmed_account(name="Sam Oneprocess", base_url=proxy.main, folder=proxy.mail)
    split, _ = new_confirmed_account(name="Alex Twoprocess", password=password, base_url=proxy.main,
                                     folder=proxy.mail)

    through_one = wrong_passwords_until_refused([proxy.a], alone, password)
    through_both = wrong_passwords_until_refused([proxy.a, proxy.b], split, password)
    assert through_one == 10, f"through one process, {through_one} wrong passwords were checked before the limit"
    assert through_both == through_one, (
        f"taking turns through A and B, {through_both} wrong passwords were checked; through A alone, {through_one}")

    # Now even the right password is refused, through either process.
    for base, backend in ((proxy.a, proxy.backend_a), (proxy.b, proxy.backend_b)):
        _, answer = sign_in_through(base, split, password)
        assert served_by(answer) == backend
        assert answer.status_code == 429 and "Too many attempts" in text_of(answer.text), (
            f"the right password after the limit answered {answer.status_code} through {backend}")


# ---------------------------------------------------------------------------------------------

def request_lines(log, route: str) -> int:
    """How many requests for `route` this process has logged (LOG_FORMAT=json)."""
    count = 0
    with open(log, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if '"request"' not in line:
                continue
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if entry.get("message") == "request" and entry.get("route") == route:
                count += 1
    return count


def test_the_main_address_shares_requests_between_both_processes(proxy):
    before = (request_lines(proxy.log_a, "/about"), request_lines(proxy.log_b, "/about"))
    answered_by = []
    for _ in range(20):
        answer = requests.get(proxy.main + "/about", timeout=TIMEOUT)
        assert answer.status_code == 200
        answered_by.append(served_by(answer))
    time.sleep(0.3)  # the log line is written after the answer
    after = (request_lines(proxy.log_a, "/about"), request_lines(proxy.log_b, "/about"))
    logged = (after[0] - before[0], after[1] - before[1])
    by_header = (answered_by.count(proxy.backend_a), answered_by.count(proxy.backend_b))
    assert by_header[0] + by_header[1] == 20, answered_by
    assert logged == by_header, f"nginx says {by_header} (A, B); the processes' logs say {logged}"
    assert min(logged) >= 5, f"round robin sent {logged[0]} requests to A and {logged[1]} to B"
