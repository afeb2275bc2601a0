#!/usr/bin/env python3
"""A mixed load: simulated people using a running Bridgework server for a minute.

    Benchmarks/mixed_load.py http://127.0.0.1:8080 --data-dir "$BRIDGEWORK_DATA_DIR"
    Benchmarks/mixed_load.py http://127.0.0.1:8080 --database-url "$DATABASE_URL"   # PostgreSQL

A fixed number of people (--people, default 16), each with think time between requests (--think,
mean 1 s), for --seconds (default 60), stopping early at --max-requests. Each person does one
visit after another:

  * a visitor browsing: home, /organisations, /stories, /events, a story's or an event's page,
    /practice and a case study, /hubs and a hub;
  * a visitor searching the directory (/search, /organisations) with varied words, filters and pages;
  * a demo member signing in (password bridgework-demo), looking at /home, searching, drafting a
    story, registering for an event, signing out;
  * a visitor registering for an event, by name and email;
  * someone answering a survey through its public link;
  * someone creating an account (/signup).

At the end: for each route pattern, the count, the 5xx count, other non-2xx/3xx answers, p50 and
p99 latency; then a check, in the database, that every acknowledged write is there (as
Tests/ops/crash_test.py does, whose helpers this imports). Exit status 1 on any 5xx, any
connection error, any write not acknowledged, or any acknowledged write missing; 2 when it cannot
run. Only loopback addresses. Needs the demo data (a server started on a fresh data folder) and
Python 3.11 with `requests` (the repo's .venv); `psql` for --database-url.

Set-up (not counted): the demo organisation's admin opens a survey with no closing date (the
demo's surveys have closed), so each run adds one survey to the database.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Tests" / "ops"))
import crash_test as ct  # noqa: E402  (forms, writes, markers and database checks, shared)

DEMO_ACCOUNTS = [
    "coordinator@demo.bridgework.org.uk", "steward@demo.bridgework.org.uk", "orgadmin@demo.bridgework.org.uk",
    "member@demo.bridgework.org.uk", "amina@demo.bridgework.org.uk", "tom@demo.bridgework.org.uk",
    "grace@demo.bridgework.org.uk",
]
WORDS = ["youth", "faith", "mediation", "community", "women", "refugee", "sport", "school", "bristol",
         "newcastle", "interfaith", "housing", "arts", "dialogue", "police", "council", "network", "food",
         "training", "migrants", "neighbours", "tension", "older people", "xyzzy", "good relations"]
FILTERS = {
    "sector": ["community", "faith", "council", "police", "education", "health", "academic", "business"],
    "work": ["voice", "understanding", "common-purpose", "mediation", "capacity", "campaigning"],
    "theme": ["ethnicity", "faith", "age", "class", "geography", "gender", "disability", "migration", "poverty"],
    "method": ["dialogue", "mediation", "arts", "sport", "youth-work", "training", "advocacy", "organising"],
}
KEEP_SEGMENTS = {"new", "manage", "register", "edit", "review", "check-email", "confirm", "feed.atom",
                 "events", "stories", "impact", "tension", "surveys", "cancel"}


def pattern_of(method: str, path: str) -> str:
    """A route pattern for grouping: `GET /events/{slug}`, `POST /s/{token}`."""
    parts = [p for p in urllib.parse.urlsplit(path).path.split("/") if p]
    if not parts:
        return f"{method} /"
    shown = [parts[0]]
    for part in parts[1:]:
        shown.append(part if part in KEEP_SEGMENTS else ("{token}" if parts[0] == "s" else "{slug}"))
    return f"{method} /" + "/".join(shown)


class TimeUp(Exception):
    """The run's time (or request budget) is over: the visit stops where it is."""


class Recorder:
    """Every request's pattern, status and time."""

    def __init__(self, max_requests: int) -> None:
        self.deadline = math.inf
        self.slowest: list[tuple[float, str, str]] = []   # (seconds, when, what)
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.statuses: dict[str, Counter] = defaultdict(Counter)
        self.failures: list[str] = []
        self.count = 0
        self.max_requests = max_requests
        self.full = threading.Event()

    def add(self, pattern: str, status: int | str, seconds: float, path: str) -> None:
        with self.lock:
            self.slowest.append((seconds, time.strftime("%H:%M:%S"), f"{pattern} {status}"))
            if len(self.slowest) > 200:
                self.slowest = sorted(self.slowest, reverse=True)[:10]
            self.times[pattern].append(seconds)
            self.statuses[pattern][status] += 1
            self.count += 1
            if isinstance(status, str) or status >= 500:
                self.failures.append(f"{pattern} ({path[:80]}): {status}")
            if self.count >= self.max_requests:
                self.full.set()


class RecordingSite(ct.Site):
    """The crash test's Site, timing and recording each request."""

    def __init__(self, base: str, recorder: Recorder) -> None:
        super().__init__(base)
        self.recorder = recorder

    def _timed(self, method: str, call, path: str) -> requests.Response:
        if time.monotonic() > self.recorder.deadline or self.recorder.full.is_set():
            raise TimeUp()
        began = time.perf_counter()
        try:
            answer = call()
        except ct.CONNECTION_ERRORS as error:
            self.recorder.add(pattern_of(method, path), type(error).__name__, time.perf_counter() - began, path)
            raise
        self.recorder.add(pattern_of(method, path), answer.status_code, time.perf_counter() - began, path)
        return answer

    def get(self, session, path: str) -> requests.Response:
        return self._timed("GET", lambda: ct.Site.get(self, session, path), path)

    def post(self, session, path: str, **kwargs) -> requests.Response:
        return self._timed("POST", lambda: ct.Site.post(self, session, path, **kwargs), path)


def links(html: str, prefix: str) -> list[str]:
    """Paths like /prefix/slug linked from a page (not /prefix/new and the like)."""
    found = re.findall(r'href="(/' + re.escape(prefix) + r'/[a-z0-9][a-z0-9-]*)"', html)
    return [p for p in dict.fromkeys(found) if p.rsplit("/", 1)[1] not in KEEP_SEGMENTS and not p.endswith(".atom")]


class Person:
    def __init__(self, index: int, site: RecordingSite, rng: random.Random, plan: "Plan") -> None:
        self.index = index
        self.site = site
        self.rng = rng
        self.plan = plan
        self.n = 0

    def think(self) -> None:
        time.sleep(min(self.rng.expovariate(1 / self.plan.think), self.plan.think * 5))

    def page(self, session: requests.Session, path: str) -> str:
        answer = self.site.get(session, path)
        self.think()
        return answer.text if answer.status_code == 200 else ""

    def marker(self, kind: str) -> str:
        self.n += 1
        return self.plan.markers.marker(kind, self.index, self.n)

    def write(self, kind: str, session: requests.Session) -> None:
        w = ct.do_write(self.site, None, kind, self.marker(kind), self.rng, session, None)
        if w.detail.startswith("TimeUp"):
            raise TimeUp()  # the run ended before this write was sent or answered: not counted
        self.plan.record(w)
        self.think()

    # --- the visits -----------------------------------------------------------------------------

    def browse(self) -> None:
        s = requests.Session()
        self.page(s, "/")
        for section, prefix in self.rng.sample([("/organisations", "organisations"), ("/stories", "stories"),
                                                ("/events", "events"), ("/practice", "practice"),
                                                ("/hubs", "hubs")], self.rng.randint(2, 4)):
            html = self.page(s, section + ("?when=past" if section == "/events" and self.rng.random() < 0.2 else ""))
            found = links(html, prefix)
            for path in self.rng.sample(found, min(len(found), self.rng.randint(0, 2))):
                self.page(s, path)

    def search_url(self) -> str:
        where = self.rng.choice(["/search", "/organisations", "/search"])
        query: dict[str, str] = {}
        if self.rng.random() < 0.8:
            query["q"] = self.rng.choice(WORDS)
        for name, values in FILTERS.items():
            if self.rng.random() < 0.25:
                query[name] = self.rng.choice(values)
        if self.rng.random() < 0.2:
            query["hub"] = self.rng.choice(self.plan.hubs)
        if self.rng.random() < 0.3:
            query["page"] = str(self.rng.randint(2, 4))
        return where + ("?" + urllib.parse.urlencode(query) if query else "")

    def search(self) -> None:
        s = requests.Session()
        for _ in range(self.rng.randint(1, 4)):
            self.page(s, self.search_url())

    def member(self) -> None:
        email = self.rng.choice(self.plan.accounts)
        s = requests.Session()
        html = self.page(s, "/signin")
        try:
            data = ct.hidden_of(ct.form_posting_to(html, "/signin"))
        except LookupError:
            return
        data.update(email=email, password=ct.DEMO_PASSWORD)
        answer = self.site.post(s, "/signin", data=data)
        self.think()
        if answer.status_code != 303:
            self.plan.refusal(f"signing in as {email} answered {answer.status_code}")
            return
        home = self.page(s, "/home")
        self.page(s, self.search_url())
        if email in self.plan.drafters and self.rng.random() < 0.6:
            self.write("story (form)", s)
        if self.rng.random() < 0.4:
            self.register_member(s, email)
        if self.rng.random() < 0.5:
            self.page(s, "/stories")
        try:
            data = ct.hidden_of(ct.form_posting_to(home or self.page(s, "/home"), "/signout"))
            self.site.post(s, "/signout", data=data)
        except LookupError:
            pass
        self.think()

    def register_member(self, s: requests.Session, email: str) -> None:
        slug = self.rng.choice(self.plan.events)
        w = ct.Write("member registration", f"{slug} {email}")
        try:
            html = self.page(s, f"/events/{slug}")
            form = ct.form_posting_to(html, f"/events/{slug}/register")
            answer = self.site.post(s, f"/events/{slug}/register", data=ct.hidden_of(form))
            w.status = answer.status_code
            text = answer.text.lower()
            if answer.status_code == 200 and ("confirmed" in text or "waiting list" in text or "already" in text):
                w.outcome = "ack"
            else:
                w.outcome = "server-error" if answer.status_code >= 500 else "refused"
                w.detail = answer.text[:200]
        except LookupError:
            # Already registered: the page offers to cancel instead of a form to register.
            w.outcome = "skipped"
        except TimeUp:
            return
        except ct.CONNECTION_ERRORS as error:
            w.outcome, w.detail = "unexplained", str(error)[:200]
        self.plan.record(w)
        self.think()

    def visit(self) -> None:
        choice = self.rng.choices(
            ["browse", "search", "member", "register", "survey", "signup"], [30, 25, 20, 10, 10, 5])[0]
        try:
            if choice == "browse":
                self.browse()
            elif choice == "search":
                self.search()
            elif choice == "member":
                self.member()
            elif choice == "register":
                self.write("event registration", None)
            elif choice == "survey":
                self.write("survey answer", None)
            else:
                self.write("sign-up", None)
        except (*ct.CONNECTION_ERRORS, TimeUp):
            pass  # a connection error is recorded as a failure by RecordingSite
        except (LookupError, ValueError) as error:
            self.plan.refusal(f"{choice}: {type(error).__name__}: {error}"[:300])


class Plan:
    """What every person shares: the site's pages, the accounts, the writes and their outcomes."""

    def __init__(self, markers: ct.Markers, think: float) -> None:
        self.markers = markers
        self.think = think
        self.accounts: list[str] = []
        self.drafters: set[str] = set()
        self.events: list[str] = []
        self.hubs: list[str] = []
        self.writes: list[ct.Write] = []
        self.problems: list[str] = []
        self.lock = threading.Lock()

    def record(self, w: ct.Write) -> None:
        with self.lock:
            self.writes.append(w)

    def refusal(self, message: str) -> None:
        with self.lock:
            self.problems.append(message)


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    if not sorted_values:
        return float("nan")
    return sorted_values[max(0, math.ceil(p / 100 * len(sorted_values)) - 1)]


def die(message: str) -> None:
    print(f"mixed_load: {message}", file=sys.stderr)
    raise SystemExit(2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", nargs="?", default="http://127.0.0.1:8080")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--people", type=int, default=16)
    parser.add_argument("--think", type=float, default=1.0, help="mean think time between requests (s)")
    parser.add_argument("--max-requests", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=None)
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--data-dir", help="the server's BRIDGEWORK_DATA_DIR (SQLite): its bridgework.sqlite is read")
    where.add_argument("--database-url", help="the server's DATABASE_URL (PostgreSQL, on loopback), read with psql")
    args = parser.parse_args(argv)

    try:
        base = ct.require_loopback(args.url)
    except SystemExit as refusal:
        die(str(refusal))
    if args.database_url:
        host = urllib.parse.urlsplit(args.database_url).hostname or ""
        if host not in ("127.0.0.1", "localhost", "::1"):
            die(f"refusing a database on {host!r}: loopback only")
        db = ct.Database(None, args.database_url)
    else:
        sqlite = Path(args.data_dir) / "bridgework.sqlite"
        if not sqlite.is_file():
            die(f"no SQLite database at {sqlite}")
        db = ct.Database(sqlite, None)
    try:
        if requests.get(base + "/healthz", timeout=5).text != "ok":
            raise requests.ConnectionError("not ok")
    except requests.RequestException:
        die(f"no server answering 'ok' at {base}/healthz; start it first (see Benchmarks/README.md)")

    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 10**6)
    markers = ct.Markers(seed, name="mixed")
    plan = Plan(markers, args.think)
    recorder = Recorder(args.max_requests)
    site = RecordingSite(base, recorder)

    # Set-up, not measured: which demo accounts sign in and may draft, the events, a survey.
    plain = ct.Site(base)
    plan.hubs = ct.public_hubs(plain)
    for email in DEMO_ACCOUNTS:
        try:
            session = plain.sign_in(email)
        except RuntimeError:
            continue
        plan.accounts.append(email)
        if plain.get(session, "/stories/new").status_code == 200:
            plan.drafters.add(email)
        if email == ct.ORGADMIN_EMAIL:
            site.survey_path = ct.open_survey(plain, session, f"Mixed load survey {markers.prefix}")
    if ct.ORGADMIN_EMAIL not in plan.accounts:
        die("the demo accounts do not sign in: start the server on a fresh data folder (with the demo)")
    plan.events = ct.visitor_events(plain, 3)
    site.events = plan.events
    site.hubs = plan.hubs
    print(f"mixed load against {base}: {args.people} people, think {args.think:.1f} s, {args.seconds:.0f} s, "
          f"seed {seed}; {len(plan.accounts)} demo accounts sign in ({len(plan.drafters)} may draft), "
          f"events {', '.join(plan.events)}", flush=True)

    deadline = time.monotonic() + args.seconds
    recorder.deadline = deadline
    stop = threading.Event()

    def live(index: int) -> None:
        person = Person(index, site, random.Random(seed * 1000 + index), plan)
        time.sleep(person.rng.uniform(0, args.think))  # people arrive spread out
        while not stop.is_set() and time.monotonic() < deadline and not recorder.full.is_set():
            person.visit()

    threads = [threading.Thread(target=live, args=(i,), daemon=True) for i in range(args.people)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=max(1, deadline - time.monotonic()) + 120)
    stop.set()
    elapsed = time.monotonic() - started

    # --- the figures ----------------------------------------------------------------------------
    print(f"\n{recorder.count} requests in {elapsed:.0f} s ({recorder.count / elapsed:.1f} a second)")
    print(f"{'route pattern':<42} {'count':>6} {'5xx':>4} {'other':>6} {'p50 ms':>8} {'p99 ms':>8}")
    total_5xx = 0
    for pattern in sorted(recorder.times, key=lambda p: (-len(recorder.times[p]), p)):
        times = sorted(recorder.times[pattern])
        statuses = recorder.statuses[pattern]
        fives = sum(n for s, n in statuses.items() if isinstance(s, int) and s >= 500)
        other = sum(n for s, n in statuses.items() if isinstance(s, str) or (400 <= s < 500))
        total_5xx += fives
        print(f"{pattern:<42} {len(times):>6} {fives:>4} {other:>6} {percentile(times, 50) * 1000:>8.1f} "
              f"{percentile(times, 99) * 1000:>8.1f}")
    all_times = sorted(t for times in recorder.times.values() for t in times)
    print(f"{'all':<42} {len(all_times):>6} {total_5xx:>4} {'':>6} {percentile(all_times, 50) * 1000:>8.1f} "
          f"{percentile(all_times, 99) * 1000:>8.1f}")
    print("slowest: " + "; ".join(f"{what} {seconds * 1000:.0f} ms at {when}"
                                  for seconds, when, what in sorted(recorder.slowest, reverse=True)[:5]))

    # --- every acknowledged write is there ------------------------------------------------------
    writes = plan.writes
    found = ct.present(db, markers)
    lost = []
    for w in writes:
        if w.outcome != "ack":
            continue
        if w.kind == "member registration":
            slug, email = w.marker.split(" ")
            rows = db.plain("SELECT r.status FROM event_registrations r JOIN events e ON e.id = r.event_id "
                            f"WHERE e.slug = '{slug}' AND r.email = '{email}' AND r.status <> 'cancelled'")
            if not rows:
                lost.append(f"{w.kind} {w.marker}: acknowledged but missing")
        else:
            problem = ct.problem_with(w, found)
            if problem:
                lost.append(f"{w.kind} {w.marker}: acknowledged ({w.status}) but {problem}")
    by_kind = Counter((w.kind, w.outcome) for w in writes)
    kinds = sorted({w.kind for w in writes})
    print("\nwrites: " + "; ".join(
        f"{k} {by_kind[(k, 'ack')]} acknowledged"
        + (f", {sum(n for (kk, o), n in by_kind.items() if kk == k and o not in ('ack', 'skipped'))} not"
           if any(kk == k and o not in ('ack', 'skipped') for (kk, o) in by_kind) else "")
        for k in kinds))
    acked = sum(1 for w in writes if w.outcome == "ack")
    print(f"acknowledged writes {acked}, found {acked - len(lost)}, lost {len(lost)}")

    failures = list(recorder.failures)
    failures += [f"{w.kind} {w.marker}: {w.outcome} {w.status or ''} {w.detail[:150]}" for w in writes
                 if w.outcome not in ("ack", "skipped")]
    failures += plan.problems
    failures += [f"LOST: {message}" for message in lost]
    if failures:
        print(f"\nFAILED: {len(failures)} problems (5xx answers {total_5xx}, lost writes {len(lost)}); the first 30:")
        for message in failures[:30]:
            print(f"   {message}")
        return 1
    print("\nOK: no 5xx answers, no connection errors, and every acknowledged write is in the database")
    return 0


if __name__ == "__main__":
    sys.exit(main())
