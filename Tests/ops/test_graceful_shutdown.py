"""Graceful shutdown: what `bridgework serve` does when it gets SIGTERM.

Each test starts its own server from the binary alone: a fresh BRIDGEWORK_DATA_DIR, no
DATABASE_URL (so it makes and seeds an SQLite demo itself), on a free port in 8401-8499.
Nothing here needs nginx or PostgreSQL, and none of conftest.py's fixtures are used.

    BRIDGEWORK_BIN=.build/debug/bridgework .venv/bin/python -m pytest -q -p no:cacheprovider \\
        Tests/ops/test_graceful_shutdown.py

What graceful means here, and what to expect from Vapor 4 (Commands/ServeCommand.swift,
HTTP/Server/HTTPServer.swift): SIGTERM completes `app.running`, and the HTTP server is closed
through NIO's ServerQuiescingHelper with a 10 s shutdownTimeout. Quiescing closes the listening
socket at once, closes idle keep-alive connections, and lets a connection that is in the middle
of a request finish it (the answer says `connection: close`). Then the process exits with 0.

The line drawn between "must succeed" and "may fail":
  * A request whose connection was open and whose bytes were all sent before the signal (with
    SETTLE seconds' margin, so the server has surely accepted and read it) is in flight: it must
    get its normal answer, complete.
  * A connection opened after the signal may be refused, or reset if it was still in the
    kernel's accept queue when the listening socket closed. It must not hang and must not get a
    5xx.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
BINARY = os.environ.get("BRIDGEWORK_BIN", str(ROOT / ".build/debug/bridgework"))
PORTS = range(8401, 8500)
READY_WITHIN = 120.0
GRACE = 10.0            # Vapor's HTTPServer shutdownTimeout: the whole shutdown must fit in it
SETTLE = 0.05           # a request fully sent this long before the signal has been read by the server
COORDINATOR_EMAIL = "coordinator@demo.bridgework.org.uk"
KINDS_OF_WORK = ["voice", "understanding", "common-purpose", "mediation", "capacity", "campaigning"]

# util-linux's setpriv execs the server with a parent-death signal, so no server outlives a test
# run that is itself killed (the process id stays the server's).
DIE_WITH_PARENT = ["setpriv", "--pdeathsig", "KILL", "--"] if shutil.which("setpriv") else []

# Lines of the server's log that explain a failure.
TELLING = ("Fatal error", "Program crashed", "ConnectionPoolError", "took too long", "Could not stop",
           " error ", "critical", "status=5")


def now() -> float:
    return time.monotonic()


# ---------------------------------------------------------------------------
# The server
# ---------------------------------------------------------------------------

_ports_taken: set[int] = set()


def free_port() -> int:
    candidates = [p for p in PORTS if p not in _ports_taken]
    random.shuffle(candidates)
    for port in candidates:
        with socket.socket() as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        _ports_taken.add(port)
        return port
    pytest.fail("no free port in 8401-8499")


def server_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DATABASE_URL", "BRIDGEWORK_NO_DEMO", "BRIDGEWORK_SENDMAIL", "BRIDGEWORK_MAIL_DIR",
                        "LOG_FORMAT", "LOG_LEVEL")}
    env.update(BRIDGEWORK_DATA_DIR=str(data_dir), LOG_LEVEL="info")
    return env


class Server:
    def __init__(self, data_dir: Path, name: str) -> None:
        self.data_dir = data_dir
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = data_dir.parent / f"{name}.log"
        self.process: subprocess.Popen | None = None
        self.signalled_at: float | None = None
        self.exited_at: float | None = None

    def start(self) -> "Server":
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                DIE_WITH_PARENT + [BINARY, "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
                env=server_env(self.data_dir), stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                cwd=self.data_dir)
        started = now()
        while now() - started < READY_WITHIN:
            if self.process.poll() is not None:
                pytest.fail(f"the server exited with {self.process.returncode} before it was ready\n{self.evidence()}")
            try:
                if requests.get(self.base + "/readyz", timeout=2).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.05)
        pytest.fail(f"/readyz did not answer 200 within {READY_WITHIN:.0f} s\n{self.evidence()}")

    def sigterm(self) -> float:
        assert self.process is not None and self.process.poll() is None, "the server is not running"
        self.signalled_at = now()
        self.process.send_signal(signal.SIGTERM)
        return self.signalled_at

    def wait_exit(self, timeout: float) -> int | None:
        """The exit status (negative: killed by that signal), or None if still running after timeout."""
        assert self.process is not None
        try:
            status = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            return None
        if self.exited_at is None:
            self.exited_at = now()
        return status

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        if self.running():
            self.process.kill()
            self.process.wait()

    def evidence(self, lines: int = 25) -> str:
        """The exit status and the telling lines of the log, for a failure message."""
        status = "still running" if self.running() else f"exit status {self.process.returncode if self.process else None}"
        try:
            text = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            text = []
        telling = [line[:300] for line in text if any(t in line for t in TELLING)]
        counted = Counter(telling)
        shown = [f"  {n}x {line}" if n > 1 else f"  {line}" for line, n in counted.most_common(lines)]
        return f"server {status}; log {self.log_path}:\n" + ("\n".join(shown) or "  (nothing telling in the log)")


@pytest.fixture
def servers(tmp_path: Path):
    """Starts servers on demand (a new data dir, or an earlier one's); kills any left at the end."""
    started: list[Server] = []

    def start(data_dir: Path | None = None, name: str | None = None) -> Server:
        name = name or f"server-{len(started) + 1}"
        server = Server(data_dir or tmp_path / f"data-{len(started) + 1}", name)
        started.append(server)
        return server.start()

    if not Path(BINARY).is_file():
        pytest.exit(f"no server binary at {BINARY} (set BRIDGEWORK_BIN)", returncode=3)
    yield start
    for server in started:
        server.kill()


def assert_exited_cleanly(server: Server, status: int | None) -> None:
    """Graceful ends with the process gone within GRACE seconds of the signal, status 0 (not a crash)."""
    took = (server.exited_at or now()) - (server.signalled_at or now())
    assert status is not None and took <= GRACE, \
        f"the server had not exited {took:.1f} s after SIGTERM\n{server.evidence()}"
    assert status == 0, f"the server exited with status {status} after SIGTERM ({took:.1f} s)\n{server.evidence()}"


# ---------------------------------------------------------------------------
# One HTTP exchange on its own connection, with the moments that matter
# ---------------------------------------------------------------------------

@dataclass
class Call:
    method: str
    path: str
    started: float = 0.0                # before connect()
    connected: float | None = None      # the TCP connection was open
    sent: float | None = None           # the whole request was written
    done: float | None = None           # the whole answer was read, or it failed
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str | None = None

    @property
    def outcome(self) -> str:
        """answer, refused (nothing listening), cut (reset or closed without a whole answer), hang, other."""
        if self.error is None:
            return "answer"
        name = self.error.split(":", 1)[0]
        if name == "ConnectionRefusedError":
            return "refused"
        if name in ("ConnectionResetError", "RemoteDisconnected", "BrokenPipeError", "IncompleteRead",
                    "ConnectionAbortedError"):
            return "cut"
        if name in ("TimeoutError", "timeout"):
            return "hang"
        return "other"

    def describe(self, zero: float) -> str:
        def at(t: float | None) -> str:
            return "-" if t is None else f"{t - zero:+.3f}s"
        what = f"{self.status}" if self.error is None else self.error[:120]
        return (f"{self.method} {self.path.split('?')[0]}: {what} (connected {at(self.connected)}, "
                f"sent {at(self.sent)}, done {at(self.done)} from the signal)")


def call(port: int, method: str, path: str, *, body: bytes | None = None, headers: dict[str, str] | None = None,
         timeout: float = 20.0, on_sent=None) -> Call:
    """on_sent(): called once the request is on the wire, or once it has failed before that."""
    c = Call(method, path, started=now())
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.connect()
        c.connected = now()
        conn.request(method, path, body=body, headers=headers or {})
        c.sent = now()
        if on_sent:
            on_sent()
        answer = conn.getresponse()
        c.status = answer.status
        c.headers = {k.lower(): v for k, v in answer.getheaders()}
        c.body = answer.read()    # http.client raises IncompleteRead if the body is short of its length
        c.done = now()
    except Exception as error:    # noqa: BLE001 - every way of failing is an outcome to report
        c.done = now()
        c.error = f"{type(error).__name__}: {error}"
        if c.sent is None and on_sent:
            on_sent()
    finally:
        conn.close()
    return c


def read_response(sock: socket.socket) -> tuple[int, dict[str, str], bytes]:
    """One HTTP/1.1 answer with a content-length, read from a raw socket."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"closed before the headers ended: {data!r}")
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
    length = int(headers.get("content-length", "0"))
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed before the body ended")
        rest += chunk
    return status, headers, rest


# ---------------------------------------------------------------------------
# Pages that take a while on a debug build (measured: 40 at once take ~1.4 s on 2 cores), each
# with a check that its body is whole, not just as long as its content-length says
# ---------------------------------------------------------------------------

def _html_whole(body: bytes) -> bool:
    return body.rstrip().endswith(b"</html>")


def _feed_whole(body: bytes) -> bool:
    return body.lstrip().startswith(b"<?xml") and body.rstrip().endswith(b"</feed>")


def _json_whole(body: bytes) -> bool:
    try:
        return isinstance(json.loads(body), dict)
    except ValueError:
        return False


SLOW_PAGES = {
    "/api/hsds/organizations": _json_whole,   # ~70 ms alone, ~100 KB of JSON
    "/stories/feed.atom": _feed_whole,        # ~30 ms alone
    "/": _html_whole,                         # ~45 ms alone
}


def whole_answer(c: Call) -> bool:
    return c.error is None and c.status == 200 and SLOW_PAGES[c.path](c.body)


# ---------------------------------------------------------------------------
# The tests
# ---------------------------------------------------------------------------

def test_requests_in_flight_when_sigterm_arrives_all_finish_with_200_and_a_complete_body(servers):
    server = servers()
    for path in SLOW_PAGES:            # first hits warm caches; not measured
        assert whole_answer(call(server.port, "GET", path)), f"{path} is not answering before the test"

    count = 36
    paths = list(SLOW_PAGES) * (count // len(SLOW_PAGES))
    calls: list[Call | None] = [None] * len(paths)
    sent = threading.Semaphore(0)
    finished = threading.Semaphore(0)
    go = threading.Barrier(len(paths) + 1)

    def one(i: int) -> None:
        go.wait()
        calls[i] = call(server.port, "GET", paths[i], timeout=20, on_sent=sent.release)
        finished.release()

    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(len(paths))]
    for t in threads:
        t.start()
    go.wait()
    for _ in paths:                    # every request is on the wire...
        assert sent.acquire(timeout=10), "the requests could not all be sent within 10 s"
    time.sleep(SETTLE)                 # ...and read by the server; then wait for the first 3 answers
    deadline = now() + 0.3
    for _ in range(3):
        if not finished.acquire(timeout=max(0.0, deadline - now())):
            break
    signalled = server.sigterm()
    for t in threads:
        t.join(timeout=30)
    status = server.wait_exit(GRACE + 5)

    done = [c for c in calls if c is not None]
    assert len(done) == len(paths), f"{len(paths) - len(done)} requests never returned\n{server.evidence()}"
    in_flight = [c for c in done if c.sent is not None and c.sent < signalled and (c.done or 0) > signalled]
    owed = [c for c in done if c.sent is not None and c.sent <= signalled - SETTLE]
    failed = [c for c in owed if not whole_answer(c)]
    assert not failed, (
        f"{len(failed)} of the {len(owed)} requests that were on open connections before SIGTERM did not get a "
        f"200 with a whole body ({len(in_flight)} were still in flight at the signal; outcomes: "
        f"{dict(Counter(c.status if c.error is None else c.outcome for c in failed))}); "
        f"server exit status {status}:\n  "
        + "\n  ".join(c.describe(signalled) for c in sorted(failed, key=lambda c: c.done or 0)[:12])
        + f"\n{server.evidence()}")
    # Only meaningful if the signal really came while the server was working on them.
    assert len(in_flight) >= 5, (
        f"only {len(in_flight)} of {len(done)} requests were still in flight at the signal: the test proved "
        f"little (the server answered too fast); raise the count or pick slower pages")
    assert_exited_cleanly(server, status)
    closed = sum(1 for c in in_flight if c.headers.get("connection", "").lower() == "close")
    print(f"{len(in_flight)} of {len(done)} requests in flight at SIGTERM all got a whole 200 "
          f"({closed} said connection: close); exit status {status}")


def test_after_sigterm_new_connections_are_refused(servers):
    """A load balancer's health check, on a new connection each time, before and through the signal."""
    server = servers()
    probes: list[Call] = []
    lock = threading.Lock()
    stop = threading.Event()

    def probe() -> None:
        while not stop.is_set():
            c = call(server.port, "GET", "/healthz", timeout=3)
            with lock:
                probes.append(c)
            time.sleep(0.01)

    threads = [threading.Thread(target=probe, daemon=True) for _ in range(2)]
    for t in threads:
        t.start()
    time.sleep(0.3)
    signalled = server.sigterm()
    status = server.wait_exit(GRACE + 5)
    time.sleep(max(0.0, signalled + 1.5 - now()))
    stop.set()
    for t in threads:
        t.join(timeout=10)

    before = [c for c in probes if (c.done or 0) < signalled]
    assert before and all(c.status == 200 and c.error is None for c in before), \
        "the health check was not answering 200 before the signal:\n  " + "\n  ".join(
            c.describe(signalled) for c in before if c.error or c.status != 200)
    # A check already on the wire at the signal is in flight and owed its answer; one sent in the
    # last SETTLE seconds before it counts as new.
    owed = [c for c in probes if c.started < signalled <= (c.done or 0) and c.sent is not None
            and c.sent <= signalled - SETTLE]
    cut_off = [c for c in owed if c.error is not None or c.status != 200]
    assert not cut_off, (
        f"health checks in flight at SIGTERM did not get their 200; server exit status {status}:\n  "
        + "\n  ".join(c.describe(signalled) for c in cut_off) + f"\n{server.evidence()}")
    owed_ids = {id(c) for c in owed}
    after = [c for c in probes if (c.done or 0) >= signalled and id(c) not in owed_ids]
    wrong = [c for c in after if (c.error is None and c.status != 200) or c.outcome in ("hang", "other")]
    assert not wrong, (
        f"{len(wrong)} health checks opened after SIGTERM got a 5xx, hung or failed oddly "
        f"(outcomes {dict(Counter(c.status if c.error is None else c.outcome for c in after))}); "
        f"server exit status {status}:\n  " + "\n  ".join(c.describe(signalled) for c in wrong[:12])
        + f"\n{server.evidence()}")
    late = [c for c in after if c.started >= signalled + 1.0]
    assert late, "no health check was tried a second after the signal"
    not_refused = [c for c in late if c.outcome != "refused"]
    assert not not_refused, (
        "a second after SIGTERM new connections were still not refused:\n  "
        + "\n  ".join(c.describe(signalled) for c in not_refused[:12]) + f"\n{server.evidence()}")
    assert_exited_cleanly(server, status)
    first_refused = min((c.started for c in after if c.outcome == "refused"), default=None)
    print(f"after SIGTERM: {dict(Counter(c.status if c.error is None else c.outcome for c in after))}; first "
          f"refusal {first_refused - signalled:.3f} s after the signal; exit status {status}")


def test_the_process_exits_within_10_seconds_of_sigterm_with_status_0_even_with_an_idle_keep_alive_connection(servers):
    server = servers()
    # One connection that has had an answer and is kept alive, idle; one opened and never used.
    kept = socket.create_connection(("127.0.0.1", server.port), timeout=5)
    kept.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n")
    code, headers, _ = read_response(kept)
    assert code == 200 and headers.get("connection", "keep-alive").lower() != "close", \
        f"the keep-alive request got {code} {headers}"
    silent = socket.create_connection(("127.0.0.1", server.port), timeout=5)
    time.sleep(0.2)

    signalled = server.sigterm()
    status = server.wait_exit(GRACE + 5)
    took = (server.exited_at or now()) - signalled
    assert_exited_cleanly(server, status)

    # Both idle connections were closed cleanly (an EOF, no stray bytes) rather than left to time out.
    for name, sock in (("kept-alive", kept), ("never used", silent)):
        sock.settimeout(2)
        try:
            rest = sock.recv(100)
        except ConnectionResetError:
            rest = b"<reset>"
        finally:
            sock.close()
        assert rest == b"", f"the {name} connection got {rest!r} instead of being closed"
    print(f"exit status {status}, {took:.3f} s after SIGTERM")


def test_a_write_in_flight_at_sigterm_is_either_completed_and_kept_or_never_acknowledged(servers, tmp_path: Path):
    data_dir = tmp_path / "data-writes"
    server = servers(data_dir, name="writes-1")
    made = subprocess.run(
        DIE_WITH_PARENT + [BINARY, "create-token", "--email", COORDINATOR_EMAIL, "--name", "graceful shutdown test"],
        env=server_env(data_dir), capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
        cwd=data_dir)
    assert made.returncode == 0 and made.stdout.strip(), f"create-token failed: {made.stderr[-500:]}"
    token = made.stdout.strip().splitlines()[-1].strip()
    hubs = [h["slug"] for h in requests.get(server.base + "/api/v1/hubs", timeout=30).json()["data"]]
    assert hubs, "the API lists no hubs"

    marker = f"gs-{uuid.uuid4().hex[:10]}"
    writes: list[Call] = []
    titles: dict[int, str] = {}
    lock = threading.Lock()
    stop = threading.Event()
    acked = threading.Semaphore(0)

    def writer(w: int) -> None:
        for i in range(400):
            if stop.is_set():
                return
            title = f"{marker} {w:02d}-{i:03d}"
            payload = json.dumps({
                "title": title, "summary": f"Drafted while the server was being stopped ({marker}).",
                "body": f"A story drafted through the API during a graceful shutdown test. {title}",
                "hub": hubs[(w + i) % len(hubs)], "kindOfWork": KINDS_OF_WORK[i % len(KINDS_OF_WORK)]}).encode()
            c = call(server.port, "POST", "/api/v1/stories", body=payload, timeout=20,
                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
            with lock:
                writes.append(c)
                titles[id(c)] = title
            if c.status == 201:
                acked.release()
            elif server.signalled_at is not None:
                return          # refused, cut or a failure once the server is stopping: this writer is done

    threads = [threading.Thread(target=writer, args=(w,), daemon=True) for w in range(8)]
    for t in threads:
        t.start()
    for _ in range(20):              # mid-way: once 20 drafts have been acknowledged
        assert acked.acquire(timeout=15), f"fewer than 20 drafts were acknowledged in 15 s\n{server.evidence()}"
    signalled = server.sigterm()
    status = server.wait_exit(GRACE + 5)
    stop.set()
    for t in threads:
        t.join(timeout=30)

    # The same data dir, served again: every acknowledged draft must be there, whole.
    servers(data_dir, name="writes-2")
    with sqlite3.connect(f"file:{data_dir / 'bridgework.sqlite'}?mode=ro", uri=True, timeout=30) as db:
        rows = db.execute(
            "SELECT s.title, s.slug, (SELECT COUNT(*) FROM story_versions v WHERE v.story_id = s.id) "
            "FROM stories s WHERE s.title LIKE ?", (marker + "%",)).fetchall()
    kept = {title: (slug, versions) for title, slug, versions in rows}

    lost = []
    for c in writes:
        if c.status != 201:
            continue
        try:
            slug = json.loads(c.body)["slug"]
        except (ValueError, KeyError):
            lost.append(f"{c.describe(signalled)}: a 201 without a readable slug: {c.body[:200]!r}")
            continue
        found = kept.get(titles[id(c)])
        if found is None or found[0] != slug or found[1] < 1:
            lost.append(f"{c.describe(signalled)}: slug {slug}, in the database: {found}")
    acknowledged = sum(1 for c in writes if c.status == 201)
    assert not lost, (f"{len(lost)} of {acknowledged} acknowledged drafts are missing or incomplete after the "
                      f"restart:\n  " + "\n  ".join(lost[:12]) + f"\n{server.evidence()}")

    # Graceful, not just durable: a write that was on the wire before the signal is answered 201,
    # and no write at all is answered with a 5xx (one sent later may be refused or cut off instead).
    in_flight = [c for c in writes if c.sent is not None and c.sent < signalled and (c.done or 0) > signalled]
    owed = [c for c in writes if c.sent is not None and c.sent <= signalled - SETTLE]
    owed_ids = {id(c) for c in owed}
    unanswered = [c for c in writes if (id(c) in owed_ids and c.status != 201) or (c.status or 0) >= 500]
    landed_anyway = [c for c in unanswered if titles[id(c)] in kept]
    assert not unanswered, (
        f"{len(unanswered)} drafts sent before SIGTERM were not answered 201, or were answered with a 5xx "
        f"({len(in_flight)} writes were in "
        f"flight at the signal; {len(landed_anyway)} of these unacknowledged ones are in the database anyway); "
        f"server exit status {status}:\n  "
        + "\n  ".join(f"{c.describe(signalled)} {c.body[:120]!r}"
                       + (" [yet it is in the database]" if titles[id(c)] in kept else "")
                       for c in unanswered[:12]) + f"\n{server.evidence()}")
    assert_exited_cleanly(server, status)
    late = [c for c in writes if c.sent is None or c.sent > signalled - SETTLE]
    print(f"{acknowledged} drafts acknowledged, all kept; {len(in_flight)} in flight at SIGTERM; "
          f"{len(late)} tried at or after the signal: {dict(Counter(c.status if c.error is None else c.outcome for c in late))}; "
          f"exit status {status}")
