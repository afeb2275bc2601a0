"""The public pages, each through the full page check (axe, HTML validity, layout, screenshots)."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from helpers import (
    button_by_text,
    check_page,
    field_by_label,
    header,
    heading,
    last_status,
    link_by_text,
    url,
    visit,
)

PUBLIC_PAGES = [
    # (path, screenshot name)
    ("/", "home"),
    ("/signup", "signup"),
    ("/signin", "signin"),
    ("/password/forgot", "password-forgot"),
    ("/stories", "stories-demo"),
    ("/stories/a-tournament-that-started-in-a-youth-session", "story-demo"),
    ("/stories/a-tournament-that-started-in-a-youth-session/media", "story-media-kit"),
    ("/practice", "practice"),
    ("/practice/aik-saath-understanding-difference-in-schools", "case-study"),
    ("/narratives", "narratives"),
    ("/narratives/strivers-and-skivers", "narrative"),
    ("/library", "library"),
    ("/library/kumi-framework", "resource"),
    ("/impact/indicators", "indicators"),
    ("/impact", "impact-national"),
    ("/hubs/slough/impact", "impact-slough"),
]


@pytest.mark.parametrize("path,name", PUBLIC_PAGES, ids=[name for _, name in PUBLIC_PAGES])
def test_each_public_page_is_accessible_valid_and_fits_a_phone(driver, path, name):
    visit(driver, path)
    status = last_status(driver)
    assert status == 200, f"{path} answered HTTP {status}, not 200"
    # Signed out, the header offers to sign in or create an account.
    link_by_text(driver, "Sign in", within=header(driver))
    link_by_text(driver, "Create an account", within=header(driver))
    check_page(driver, name)


def test_an_unknown_page_answers_404_page_not_found(driver):
    visit(driver, "/no-such-page")
    status = last_status(driver)
    assert status == 404, f"/no-such-page answered HTTP {status}, not 404"
    assert heading(driver) == "Page not found"
    check_page(driver, "not-found")


def test_the_sign_up_form_asks_for_a_name_an_email_and_a_password(driver):
    visit(driver, "/signup")
    assert field_by_label(driver, "Full name").get_attribute("type") in ("text", None, "")
    assert field_by_label(driver, "Email address").get_attribute("type") == "email"
    assert field_by_label(driver, "Password").get_attribute("type") == "password"
    assert "At least 10 characters" in driver.find_element("tag name", "main").text
    button_by_text(driver, "Create account")


def test_the_sign_in_form_asks_for_an_email_and_a_password(driver):
    visit(driver, "/signin")
    assert field_by_label(driver, "Email address").get_attribute("type") == "email"
    assert field_by_label(driver, "Password").get_attribute("type") == "password"
    button_by_text(driver, "Sign in")


def test_the_forgot_password_page_asks_for_an_email_address(driver):
    visit(driver, "/password/forgot")
    assert field_by_label(driver, "Email address").get_attribute("type") == "email"
    button_by_text(driver, "Send reset link")


def test_the_health_check_answers_ok_in_plain_text():
    try:
        with urllib.request.urlopen(url("/healthz"), timeout=10) as response:
            body = response.read().decode().strip()
            content_type = response.headers.get("Content-Type", "")
            status = response.status
    except urllib.error.HTTPError as error:  # pragma: no cover - reported below
        pytest.fail(f"/healthz answered {error.code}")
    assert status == 200
    assert body == "ok"
    assert content_type.startswith("text/plain")
