"""Journeys for coordinators and for a forgotten password, each page through the full page check."""

from __future__ import annotations

import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from helpers import (
    click_and_wait,
    COORDINATOR_EMAIL,
    DEMO_PASSWORD,
    check_page,
    field_by_label,
    fill_in,
    heading,
    link_by_text,
    link_in_mail,
    new_visitor,
    page_text,
    path_of,
    press,
    served_html,
    sign_in,
    sign_out,
    visit,
)

RESET_EMAIL = "orgadmin@demo.bridgework.org.uk"


def test_a_coordinator_can_find_a_person_and_make_them_a_steward_of_a_hub(driver):
    sign_in(driver, COORDINATOR_EMAIL, DEMO_PASSWORD)
    visit(driver, "/admin/people")
    assert heading(driver) == "People"
    check_page(driver, "admin-people")

    click_and_wait(driver, link_by_text(driver, "Demo Member"))
    assert heading(driver) == "Demo Member"
    check_page(driver, "admin-person")

    Select(field_by_label(driver, "Make steward of a hub")).select_by_visible_text("Slough")
    press(driver, "Make steward")
    assert "The roles have been saved." in page_text(driver)
    assert "Steward of Slough" in page_text(driver)
    check_page(driver, "admin-person-after-change")

    # Choosing nothing is explained, in the page, next to the field.
    # (Nobody is made an organisation's admin directly any more: they are invited, and must accept.)
    press(driver, "Send invitation")
    assert "There is a problem" in page_text(driver)
    assert "Choose an organisation" in page_text(driver)
    check_page(driver, "admin-person-error")
    sign_out(driver)


def test_a_person_who_forgot_their_password_can_choose_a_new_one_with_the_emailed_link(driver):
    visit(driver, "/password/forgot")
    fill_in(driver, "Email address", RESET_EMAIL)
    press(driver, "Send reset link")
    assert heading(driver) == "Check your email"
    check_page(driver, "password-forgot-sent")

    # The link reaches the person's own mailbox; the coordinator's outbox lists the message
    # but never the working link.
    link = link_in_mail(RESET_EMAIL, "/password/reset?token=")
    new_visitor(driver)
    sign_in(driver, COORDINATOR_EMAIL, DEMO_PASSWORD)
    visit(driver, "/admin/outbox")
    messages = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "article.message") if RESET_EMAIL in m.text]
    assert messages and "Reset your Bridgework password" in messages[0], \
        "the outbox does not list the reset message by its subject"
    assert "token=" not in served_html(driver), "the outbox page shows the reset link's token"
    sign_out(driver)

    parts = urllib.parse.urlsplit(link)
    visit(driver, parts.path + "?" + parts.query)
    assert heading(driver) == "Choose a new password"
    check_page(driver, "password-reset")

    fill_in(driver, "New password", "short")
    press(driver, "Set new password")
    assert "Password must be 10 characters or more" in page_text(driver)
    check_page(driver, "password-reset-error")

    fill_in(driver, "New password", "a new admin password")
    press(driver, "Set new password")
    assert path_of(driver) == "/signin"
    assert "Your password has been changed" in page_text(driver)

    sign_in(driver, RESET_EMAIL, "a new admin password")
    assert path_of(driver) == "/home"
    visit(driver, "/account")
    assert "Admin of Aik Saath" in page_text(driver)

    # The link is spent.
    visit(driver, parts.path + "?" + parts.query)
    assert heading(driver) == "This link has expired or has already been used"
    check_page(driver, "password-reset-link-spent")

    # Put the demo password back on the account page, so later checks can still sign in as the
    # organisation's admin whatever order they run in.
    visit(driver, "/account")
    fill_in(driver, "Current password", "a new admin password")
    fill_in(driver, "New password", DEMO_PASSWORD)
    press(driver, "Change password")
    assert "Signed in as" in page_text(driver), "changing the password back signed the admin out"
    sign_out(driver)
    sign_in(driver, RESET_EMAIL, DEMO_PASSWORD)
    assert path_of(driver) == "/home", "the org admin cannot sign in with the demo password again"
    sign_out(driver)
