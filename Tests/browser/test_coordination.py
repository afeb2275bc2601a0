"""Journeys for coordinators and for a forgotten password, each page through the full page check."""

from __future__ import annotations

import re
import time
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from helpers import (
    COORDINATOR_EMAIL,
    DEMO_PASSWORD,
    check_page,
    field_by_label,
    fill_in,
    heading,
    link_by_text,
    new_visitor,
    page_text,
    path_of,
    press,
    sign_in,
    sign_out,
    url,
    visit,
)

RESET_LINK = re.compile(r"https?://[^\s<>\"']+/password/reset\?token=[^\s<>\"']+")
RESET_EMAIL = "orgadmin@demo.bridgework.org.uk"


def test_a_coordinator_can_find_a_person_and_make_them_a_steward_of_a_hub(driver):
    sign_in(driver, COORDINATOR_EMAIL, DEMO_PASSWORD)
    visit(driver, "/admin/people")
    assert heading(driver) == "People"
    check_page(driver, "admin-people")

    link_by_text(driver, "Demo Member").click()
    assert heading(driver) == "Demo Member"
    check_page(driver, "admin-person")

    Select(field_by_label(driver, "Make steward of a hub")).select_by_visible_text("Slough")
    press(driver, "Make steward")
    assert "The roles have been saved." in page_text(driver)
    assert "Steward of Slough" in page_text(driver)
    check_page(driver, "admin-person-after-change")

    # Choosing nothing is explained, in the page, next to the field.
    press(driver, "Make admin")
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

    new_visitor(driver)
    sign_in(driver, COORDINATOR_EMAIL, DEMO_PASSWORD)
    link = None
    deadline = time.monotonic() + 20
    while link is None and time.monotonic() < deadline:
        visit(driver, "/admin/outbox")
        for message in driver.find_elements(By.CSS_SELECTOR, "article.message"):
            if RESET_EMAIL in message.text:
                found = RESET_LINK.search(message.find_element(By.TAG_NAME, "pre").text)
                if found:
                    link = found.group(0)
                    break
        if link is None:
            time.sleep(1)
    assert link, "no reset link reached the outbox"
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
    assert path_of(driver) == "/account"
    assert "Admin of Aik Saath" in page_text(driver)

    # The link is spent.
    visit(driver, parts.path + "?" + parts.query)
    assert heading(driver) == "This link has expired or has already been used"
    check_page(driver, "password-reset-link-spent")
