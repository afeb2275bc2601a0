"""Fixtures for the checks through nginx in front of two server processes.

.ci/multiprocess.sh starts everything and sets:
  BW_MULTI_URL                    nginx, round robin over both processes
  BW_MULTI_URL_A, BW_MULTI_URL_B  nginx, pinned to process A or to process B
  BW_MULTI_BACKEND_A/B            each process's own address (host:port), as nginx names it
  BW_MULTI_LOG_A/B                each process's log (LOG_FORMAT=json)
  BRIDGEWORK_SERVER_DATA_DIR      the data dir both share; mail is written to its mail/ folder
  DATABASE_URL, BRIDGEWORK_BIN    the shared database and the server binary, for commands and psql
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

# The HTTP helpers (forms, CSRF, the mailbox) are the browser checks' own.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "browser"))


@dataclass(frozen=True)
class Setup:
    main: str
    a: str
    b: str
    backend_a: str
    backend_b: str
    log_a: Path
    log_b: Path
    mail: Path
    database_url: str
    binary: str

    def through(self, which: str) -> str:
        return {"A": self.a, "B": self.b}[which]

    def backend(self, which: str) -> str:
        return {"A": self.backend_a, "B": self.backend_b}[which]

    def psql(self, sql: str) -> str:
        """One query's answer as text (unaligned, tuples only), straight from the shared database."""
        done = subprocess.run(["psql", self.database_url, "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql],
                              capture_output=True, text=True, timeout=30)
        assert done.returncode == 0, f"psql failed: {done.stderr}"
        return done.stdout.strip()


def _required(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        pytest.exit(f"{name} is not set: run these checks with bash .ci/multiprocess.sh", returncode=3)
    return value


@pytest.fixture(scope="session")
def proxy() -> Setup:
    found = Setup(
        main=_required("BW_MULTI_URL").rstrip("/"),
        a=_required("BW_MULTI_URL_A").rstrip("/"),
        b=_required("BW_MULTI_URL_B").rstrip("/"),
        backend_a=_required("BW_MULTI_BACKEND_A"),
        backend_b=_required("BW_MULTI_BACKEND_B"),
        log_a=Path(_required("BW_MULTI_LOG_A")),
        log_b=Path(_required("BW_MULTI_LOG_B")),
        mail=Path(_required("BRIDGEWORK_SERVER_DATA_DIR")) / "mail",
        database_url=_required("DATABASE_URL"),
        binary=_required("BRIDGEWORK_BIN"),
    )
    for base in (found.main, found.a, found.b):
        try:
            requests.get(base + "/readyz", timeout=10).raise_for_status()
        except requests.RequestException as error:
            pytest.exit(f"nothing ready at {base}/readyz ({error})", returncode=3)
    return found


@pytest.fixture(scope="session")
def coordinator_token(proxy: Setup) -> str:
    """An API token for the demo coordinator, made by the command line as an operator would."""
    done = subprocess.run([proxy.binary, "create-token", "--email", "coordinator@demo.bridgework.org.uk",
                           "--name", "multiprocess check"], capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, f"create-token failed: {done.stderr}"
    token = done.stdout.strip()
    assert token and "\n" not in token, f"create-token printed {done.stdout!r}"
    return token
