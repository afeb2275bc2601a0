"""Peer support in the browser: ask for a critical friend, invite a suggested person, they accept,
they exchange messages, and a third member can see none of it."""

from __future__ import annotations

import uuid

from selenium.webdriver.common.by import By

from helpers import (
    DEMO_PASSWORD,
    MEMBER_EMAIL,
    check_page,
    click_and_wait,
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

FRIEND_EMAIL = "tom@demo.bridgework.org.uk"
THIRD_EMAIL = "steward@demo.bridgework.org.uk"


def test_a_critical_friend_is_invited_accepts_and_talks_in_private(driver):
    title = f"Keeping a street dialogue going {uuid.uuid4().hex[:6]}"
    new_visitor(driver)
    sign_in(driver, MEMBER_EMAIL, DEMO_PASSWORD)
    visit(driver, "/peer-support")
    check_page(driver, "peer-support")
    click_and_wait(driver, link_by_text(driver, "Ask for a critical friend"))
    press(driver, "Save and see suggestions")
    assert last_status(driver) == 422
    check_page(driver, "peer-request-errors")
    fill_in(driver, "A short title", title)
    fill_in(driver, "The challenge", "Since a fight outside the shop, half of our street dialogue group has stopped coming. I want to think through how to bring both sides back.")
    field_by_label(driver, "Mediation").click()
    field_by_label(driver, "Someone outside my own hubs").click()
    press(driver, "Save and see suggestions")
    assert heading(driver) == title
    request_path = driver.current_url.split("?")[0]
    text = page_text(driver)
    assert "Tom Reilly" in text and "Works with mediation" in text, text[:800]
    check_page(driver, "peer-request")
    press(driver, "Invite Tom Reilly")
    assert "Your invitation has been sent" in page_text(driver)
    sign_out(driver)

    # Tom reads the request, accepts and writes first.
    new_visitor(driver)
    sign_in(driver, FRIEND_EMAIL, DEMO_PASSWORD)
    visit(driver, "/peer-support")
    click_and_wait(driver, link_by_text(driver, title))
    assert "half of our street dialogue group" in page_text(driver)
    check_page(driver, "peer-request-invited")
    press(driver, "Accept")
    assert heading(driver) == "Conversation with Demo Member"
    thread_path = driver.current_url.split("?")[0]
    fill_in(driver, "Your message", "Glad to help. Could we talk on Thursday evening?")
    press(driver, "Send")
    assert "Could we talk on Thursday evening?" in page_text(driver)
    check_page(driver, "peer-thread")
    sign_out(driver)

    # The member replies.
    new_visitor(driver)
    sign_in(driver, MEMBER_EMAIL, DEMO_PASSWORD)
    driver.get(thread_path)
    assert "Could we talk on Thursday evening?" in page_text(driver)
    fill_in(driver, "Your message", "Thursday at seven works. Thank you.")
    press(driver, "Send")
    assert "Thursday at seven works" in page_text(driver)
    sign_out(driver)

    # A third member sees none of it, not even that it exists.
    new_visitor(driver)
    sign_in(driver, THIRD_EMAIL, DEMO_PASSWORD)
    driver.get(request_path)
    assert last_status(driver) == 404
    assert "Keeping a street dialogue" not in page_text(driver)
    driver.get(thread_path)
    assert last_status(driver) == 404
    assert "Thursday" not in page_text(driver)
    visit(driver, "/peer-support")
    assert title not in page_text(driver)
    visit(driver, "/peer-support/skills")
    assert "peer mediators" in page_text(driver)
    check_page(driver, "skill-offers")
    sign_out(driver)
