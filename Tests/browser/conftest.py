"""pytest fixtures for the real-browser checks; the helpers are in helpers.py."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from helpers import BASE_URL, new_visitor, start_browser


@pytest.fixture(scope="session", autouse=True)
def server_is_up():
    """Stop at once, with one clear line, when no server answers at BRIDGEWORK_URL."""
    try:
        urllib.request.urlopen(BASE_URL + "/healthz", timeout=10).close()
    except urllib.error.HTTPError:
        pass  # it answered; the tests will say what is wrong
    except OSError as error:
        pytest.exit(f"no Bridgework server answers at {BASE_URL} ({error}); "
                    f"start one and set BRIDGEWORK_URL", returncode=3)


@pytest.fixture(scope="session")
def driver():
    """One headless Chromium (1280x900) for the whole run."""
    drv = start_browser()
    try:
        yield drv
    finally:
        drv.quit()


@pytest.fixture(autouse=True)
def fresh_browser_session(request):
    """Each test starts as a new visitor: no cookies from an earlier test."""
    if "driver" in request.fixturenames:
        new_visitor(request.getfixturevalue("driver"))
    yield
