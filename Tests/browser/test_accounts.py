"""Journeys through accounts: signing up, confirming an email, signing in and out."""

from __future__ import annotations

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
    link_in_mail,
    new_visitor,
    page_text,
    path_of,
    press,
    served_html,
    sign_in,
    sign_out,
    unique_email,
    visit,
)


def confirmation_link_for(email: str, timeout: float = 20) -> str:
    """The confirmation link emailed to `email`, read from the server's mail folder as
    the person's own mailbox (the outbox page never shows a working link)."""
    return link_in_mail(email, "/email/confirm?token=", timeout=timeout)


def outbox_shows_without_its_link(driver, email: str, subject: str) -> None:
    """As the coordinator, the outbox lists the message to `email` by its subject, with its
    link hidden: no working token anywhere on the page."""
    sign_in(driver, COORDINATOR_EMAIL, DEMO_PASSWORD)
    assert path_of(driver) == "/home", f"the coordinator could not sign in (at {driver.current_url})"
    visit(driver, "/admin/outbox")
    assert heading(driver) == "Outbox"
    messages = [m for m in driver.find_elements(By.CSS_SELECTOR, "article.message") if email in m.text]
    assert messages, f"no message to {email} in the outbox"
    assert subject in messages[0].text, f"the outbox message to {email} is not headed {subject!r}:\n{messages[0].text}"
    assert "[link hidden: only the person it was sent to can use it]" in messages[0].text, \
        "the outbox does not say the message's link is hidden"
    assert "token=" not in served_html(driver), "the outbox page shows a link with a token in it"
    check_page(driver, "admin-outbox")
    sign_out(driver)


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

    # The confirmation message reaches the person's mailbox; the coordinator's outbox lists
    # it without its link.
    link = confirmation_link_for(email)
    outbox_shows_without_its_link(driver, email, "Confirm your email address for Bridgework")

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
    assert path_of(driver) == "/home", f"signing in led to {driver.current_url}, not /home"
    assert heading(driver) == "Your home"
    click_and_wait(driver, link_by_text(driver, name, within=header(driver)))
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
    assert path_of(driver) == "/home", f"signing in led to {driver.current_url}, not /home"
    visit(driver, "/account")
    assert heading(driver) == "Your account"
    assert MEMBER_EMAIL in page_text(driver)
    assert "Signed in as" in header(driver).text
    button_by_text(driver, "Sign out", within=header(driver))
