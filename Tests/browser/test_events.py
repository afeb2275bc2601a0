"""Events in the browser: create one, fill it, queue, a cancellation passes the place on, and the
calendar files parse with the icalendar package."""

from __future__ import annotations

import datetime
import urllib.parse
import urllib.request
import uuid

import icalendar
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from helpers import (
    fill_in_date,
    DEMO_PASSWORD,
    MEMBER_EMAIL,
    check_page,
    field_by_label,
    fill_in,
    heading,
    last_status,
    link_by_text,
    link_in_mail,
    mails_to,
    click_and_wait,
    new_visitor,
    page_text,
    press,
    sign_in,
    sign_out,
    unique_email,
    url,
    visit,
)

STEWARD_EMAIL = "steward@demo.bridgework.org.uk"


def emailed_link(email: str, fragment: str) -> str:
    """The newest link emailed to `email` whose path has `fragment`, read from the server's
    mail folder as the person's own mailbox (the outbox page never shows a working link)."""
    return link_in_mail(email, fragment)


def mailbox_texts(email: str) -> list[str]:
    """The text of each message emailed to `email`, newest first: subject, then body."""
    return [message["subject"] + "\n" + message["body"] for message in mails_to(email)]


def register_as_visitor(driver, event_path: str, name: str, email: str, check_name: str | None = None) -> None:
    new_visitor(driver)
    visit(driver, event_path)
    fill_in(driver, "Your name", name)
    fill_in(driver, "Email address", email)
    press(driver, "Join the waiting list" if "Join the waiting list" in page_text(driver) else "Register")
    assert heading(driver) == "Check your email", page_text(driver)[:300]
    driver.get(emailed_link(email, "/events/registrations/confirm"))
    if check_name:
        check_page(driver, check_name)
    press(driver, "Confirm my place")


def test_an_event_fills_queues_and_passes_a_cancelled_place_to_the_first_waiting(driver):
    title = f"Neighbours' listening evening {uuid.uuid4().hex[:6]}"
    day = (datetime.date.today() + datetime.timedelta(days=40)).isoformat()
    new_visitor(driver)
    sign_in(driver, STEWARD_EMAIL, DEMO_PASSWORD)
    visit(driver, "/events")
    check_page(driver, "events")
    click_and_wait(driver, link_by_text(driver, "Add an event"))
    press(driver, "Save the event")
    assert last_status(driver) == 422
    assert "Enter a title" in page_text(driver)
    check_page(driver, "event-new-errors")
    fill_in(driver, "Title", title)
    Select(field_by_label(driver, "Run by")).select_by_visible_text("The Newcastle hub")
    fill_in(driver, "Description", "An evening of **listening**: neighbours from both sides of the road share what the street means to them.")
    fill_in_date(driver, "Date", day)
    fill_in(driver, "Starts at", "18:30")
    fill_in(driver, "Ends at", "20:30")
    fill_in(driver, "Place", "St Michael's church hall, Newcastle")
    field_by_label(driver, "Step-free access").click()
    fill_in(driver, "Number of places", "2")
    field_by_label(driver, "Anyone, with or without an account").click()
    field_by_label(driver, "Access needs").click()
    press(driver, "Save the event")
    assert heading(driver) == title
    event_path = urllib.parse.urlsplit(driver.current_url).path
    assert "2 of 2 left" in page_text(driver)
    check_page(driver, "event")
    sign_out(driver)

    # One visitor without an account, and one member, take the two places.
    first = unique_email()
    register_as_visitor(driver, event_path, "Asha Visitor", first, "event-confirm")
    assert heading(driver) == "You have a place"
    check_page(driver, "event-registered")
    new_visitor(driver)
    sign_in(driver, MEMBER_EMAIL, DEMO_PASSWORD)
    visit(driver, event_path)
    press(driver, "Register")
    assert heading(driver) == "You have a place"
    sign_out(driver)

    # A third goes on the waiting list.
    third = unique_email()
    register_as_visitor(driver, event_path, "Ben Waiting", third)
    assert heading(driver) == "You are on the waiting list"

    # The member cancels; the place passes to Ben at once, and he is told.
    new_visitor(driver)
    sign_in(driver, MEMBER_EMAIL, DEMO_PASSWORD)
    visit(driver, event_path)
    assert "You have a place" in page_text(driver)
    press(driver, "Cancel my place")
    assert heading(driver) == "Your place is cancelled"
    sign_out(driver)
    assert "A place has come free" in mailbox_texts(third)[0], "Ben is told at once"

    new_visitor(driver)
    sign_in(driver, STEWARD_EMAIL, DEMO_PASSWORD)
    visit(driver, event_path + "/registrations")
    text = page_text(driver)
    assert "2 of 2 places taken, 0 on the waiting list" in text, text[:500]
    rows = {row.find_elements(By.TAG_NAME, "td")[0].text: row.find_elements(By.TAG_NAME, "td")[2].text
            for row in driver.find_elements(By.CSS_SELECTOR, "table tbody tr")}
    assert rows.get("Ben Waiting") == "Has a place", rows
    check_page(driver, "event-registrations")
    sign_out(driver)

    # The calendar files parse, with the event's address and UK time.
    with urllib.request.urlopen(url(event_path + ".ics")) as response:
        assert response.headers.get_content_type() == "text/calendar"
        calendar = icalendar.Calendar.from_ical(response.read())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    start = events[0]["DTSTART"].dt
    assert start.strftime("%Y-%m-%d %H:%M") == f"{day} 18:30"
    assert str(start.tzinfo) in ("Europe/London", "BST", "GMT") or "London" in str(start.tzinfo), start.tzinfo
    assert str(events[0]["URL"]).endswith(event_path)
    with urllib.request.urlopen(url("/events.ics")) as response:
        everything = icalendar.Calendar.from_ical(response.read())
    assert any(str(e["SUMMARY"]) == title for e in everything.walk("VEVENT"))

    new_visitor(driver)
    visit(driver, event_path)
    links = driver.find_elements(By.CSS_SELECTOR, "link[rel='alternate'][type='text/calendar']")
    assert links, "the event page points calendars at its iCalendar file"
    visit(driver, "/events?when=past")
    assert "Good relations in Newcastle" in page_text(driver)
    check_page(driver, "events-past")
    visit(driver, "/about")
    text = page_text(driver)
    assert "346" in text and "235" in text
    check_page(driver, "about")
