"""Practitioners: filling in a profile, choosing who sees it, and members finding each other."""

from __future__ import annotations

from helpers import (
    DEMO_PASSWORD,
    MEMBER_EMAIL,
    check_page,
    field_by_label,
    fill_in,
    heading,
    last_status,
    link_by_text,
    new_visitor,
    page_text,
    press,
    sign_in,
    sign_out,
    visit,
)


def test_a_member_fills_in_a_profile_for_members_and_others_find_it_but_visitors_do_not(driver):
    sign_in(driver, MEMBER_EMAIL, DEMO_PASSWORD)
    visit(driver, "/account/profile")
    assert heading(driver) == "Your profile"
    check_page(driver, "profile-form")
    fill_in(driver, "Your role (optional)", "Street mediator")
    fill_in(driver, "Skills (optional)", "restorative circles, Somali community outreach")
    field_by_label(driver, "Mediation").click()
    field_by_label(driver, "I am open to being a critical friend to other practitioners").click()
    field_by_label(driver, "Alliance members").click()
    press(driver, "Save profile")
    assert "Your profile has been saved." in page_text(driver)
    assert "Street mediator" in page_text(driver)
    profile_path = driver.current_url.split("?")[0]
    check_page(driver, "profile")

    visit(driver, "/people?q=somali&critical_friend=yes")
    assert heading(driver) == "Practitioners"
    assert "Demo Member" in page_text(driver)
    check_page(driver, "practitioners")
    sign_out(driver)

    new_visitor(driver)
    driver.get(profile_path)
    assert last_status(driver) == 404, "a members-only profile is hidden from visitors"
    visit(driver, "/people")
    assert heading(driver) == "Sign in", "visitors are asked to sign in to find practitioners"

    sign_in(driver, "steward@demo.bridgework.org.uk", DEMO_PASSWORD)
    driver.get(profile_path)
    assert heading(driver) == "Demo Member"
    assert "Open to being a critical friend" in page_text(driver)
    sign_out(driver)
