"""Journeys through accounts: signing up, confirming an email, signing in and out."""

from __future__ import annotations

import re
import time
import urllib.parse

from selenium.webdriver.common.by import By

from helpers import (
    COORDINATOR_EMAIL,
    DEMO_PASSWORD,
    MEMBER_EMAIL,
    button_by_text,
    check_page,
    click_and_wait,
    field_by_label,
    fill_in,
    header,
    heading,
    last_status,
    link_by_text,
    new_visitor,
    page_text,
    path_of,
    press,
    sign_in,
    sign_out,
    unique_email,
    url,
    visit,
)

CONFIRM_LINK = re.compile(r"https?://[^\s<>\"']+/email/confirm\?token=[^\s<>\"']+")


def confirmation_link_for(driver, email: str, timeout: float = 20) -> str:
    """As the coordinator, read the outbox and return the confirmation link sent to `email`.

    The link's path and query are kept; its scheme and host are replaced by the
    server under test, whose public address may not be what the app was told.
    """
    sign_in(driver, COORDINATOR_EMAIL, DEMO_PASSWORD)
    assert path_of(driver) == "/account", f"the coordinator could not sign in (at {driver.current_url})"
    deadline = time.monotonic() + timeout
    while True:
        visit(driver, "/admin/outbox")
        assert heading(driver) == "Outbox"
        messages = [m for m in driver.find_elements(By.CSS_SELECTOR, "article.message") if email in m.text]
        if messages or time.monotonic() > deadline:
            break
        time.sleep(1)
    check_page(driver, "admin-outbox")
    assert messages, f"no message to {email} in the outbox within {timeout} s"
    body = messages[-1].find_element(By.TAG_NAME, "pre").text
    found = CONFIRM_LINK.search(body)
    assert found, f"no /email/confirm?token= link in the message to {email}:\n{body}"
    link = urllib.parse.urlsplit(found.group(0).rstrip(".,;)"))
    return url(link.path + ("?" + link.query if link.query else ""))


def test_a_new_person_can_sign_up_confirm_their_email_sign_in_and_sign_out(driver):
    email = unique_email()
    name = "Ada Browser-Test"
    password = "a-long-browser-password"

    # Sign up.
    visit(driver, "/")
    click_and_wait(driver, link_by_text(driver, "Create an account", within=header(driver)))
    assert path_of(driver) == "/signup"
    check_page(driver, "signup")
    fill_in(driver, "Full name", name)
    fill_in(driver, "Email address", email)
    fill_in(driver, "Password", password)
    press(driver, "Create account")
    assert heading(driver) == "Check your email"
    check_page(driver, "signup-check-your-email")

    # The coordinator's outbox has the confirmation message.
    link = confirmation_link_for(driver, email)

    # The new person follows the link in their own browser.
    new_visitor(driver)
    driver.get(link)
    assert heading(driver) == "Confirm your email address"
    check_page(driver, "email-confirm")
    press(driver, "Confirm email address")
    assert "confirmed" in page_text(driver).lower(), "after confirming, the page does not say 'confirmed'"
    check_page(driver, "email-confirmed")

    # Sign in.
    visit(driver, "/signin")
    fill_in(driver, "Email address", email)
    fill_in(driver, "Password", password)
    press(driver, "Sign in")
    assert path_of(driver) == "/account", f"signing in led to {driver.current_url}, not /account"
    assert heading(driver) == "Your account"
    text = page_text(driver)
    assert name in text and email in text, "the account page does not show the person's name and email"
    assert f"Signed in as {name}" in header(driver).text
    check_page(driver, "account")

    # Sign out.
    sign_out(driver)
    assert path_of(driver) == "/", f"signing out led to {driver.current_url}, not /"
    header_text = header(driver).text
    assert "Signed in as" not in header_text
    link_by_text(driver, "Sign in", within=header(driver))
    check_page(driver, "home-after-sign-out")


def test_a_wrong_password_is_refused_with_a_plain_message_and_the_email_is_kept(driver):
    visit(driver, "/signin")
    fill_in(driver, "Email address", MEMBER_EMAIL)
    fill_in(driver, "Password", "not-the-right-password")
    press(driver, "Sign in")

    status = last_status(driver)
    assert status == 422, f"the refused sign-in page answered HTTP {status}, not 422 (a form returned with errors)"
    assert path_of(driver) == "/signin"
    summaries = driver.find_elements(By.CSS_SELECTOR, 'div.error-summary[role="alert"]')
    assert summaries, 'no error summary (<div class="error-summary" role="alert">)'
    summary = summaries[0]
    assert summary.find_element(By.TAG_NAME, "h2").text.strip() == "There is a problem"
    assert "Enter a correct email address and password" in summary.text
    assert field_by_label(driver, "Email address").get_attribute("value") == MEMBER_EMAIL
    assert "Signed in as" not in header(driver).text
    check_page(driver, "signin-wrong-password")


def test_a_form_sent_without_its_csrf_token_is_refused_with_a_403_page(driver):
    visit(driver, "/signin")
    fill_in(driver, "Email address", MEMBER_EMAIL)
    fill_in(driver, "Password", DEMO_PASSWORD)
    removed = driver.execute_script("""
        const inputs = document.querySelectorAll('input[name="csrf_token"]');
        inputs.forEach(input => input.remove());
        return inputs.length;
    """)
    assert removed >= 1, "the sign-in form has no hidden input named csrf_token"
    press(driver, "Sign in")

    status = last_status(driver)
    assert status == 403, f"a sign-in without its CSRF token answered HTTP {status}, not 403"
    assert heading(driver) == "Your form could not be sent"
    assert "Signed in as" not in header(driver).text, "a sign-in without a CSRF token signed the person in"
    check_page(driver, "csrf-token-missing")


def test_the_demo_member_can_sign_in_and_reach_their_account(driver):
    sign_in(driver, MEMBER_EMAIL, DEMO_PASSWORD)
    assert path_of(driver) == "/account", f"signing in led to {driver.current_url}, not /account"
    assert heading(driver) == "Your account"
    assert MEMBER_EMAIL in page_text(driver)
    assert "Signed in as" in header(driver).text
    button_by_text(driver, "Sign out", within=header(driver))
