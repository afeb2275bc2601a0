"""A story's life: drafted with two consents, returned by a steward, edited, published, then
taken down the moment a consent is withdrawn."""

from __future__ import annotations

import uuid

import feedparser
import requests
from selenium.webdriver.common.by import By

from helpers import (
    fill_in_date,
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
    url,
    visit,
)

STEWARD_EMAIL = "steward@demo.bridgework.org.uk"


def feed_titles() -> list[str]:
    response = requests.get(url("/stories/feed.atom"), timeout=30)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, f"the feed does not parse: {feed.bozo_exception!r}"
    assert feed.feed.title == "Bridgework: stories"
    return [entry.title for entry in feed.entries]


def add_consent(driver, person: str, scope_label: str) -> None:
    fill_in(driver, "Name or pseudonym", person)
    field_by_label(driver, scope_label).click()
    fill_in(driver, "How consent was given", "Signed form kept by the project")
    fill_in_date(driver, "Date given", "2026-03-01")
    press(driver, "Add consent")
    assert "The consent has been recorded." in page_text(driver)


def review(driver, title: str, decision: str, note: str = "") -> None:
    sign_in(driver, STEWARD_EMAIL, DEMO_PASSWORD)
    visit(driver, "/stories/review")
    check_page(driver, "stories-review-queue")
    click_and_wait(driver, link_by_text(driver, title))
    check_page(driver, f"story-review-{decision}")
    field_by_label(driver, decision).click()
    if note:
        fill_in(driver, "Note to the author", note)
    press(driver, "Send your decision")
    sign_out(driver)


def test_a_story_is_reviewed_published_and_taken_down_when_a_consent_is_withdrawn(driver):
    title = f"Tea and talk on the estate {uuid.uuid4().hex[:6]}"
    new_visitor(driver)
    sign_in(driver, MEMBER_EMAIL, DEMO_PASSWORD)
    visit(driver, "/stories/new")
    assert heading(driver) == "Tell a story"
    check_page(driver, "story-new")

    # Sending it empty explains every problem and keeps nothing back.
    press(driver, "Save draft")
    assert last_status(driver) == 422
    assert "Enter a title" in page_text(driver)
    check_page(driver, "story-new-errors")

    fill_in(driver, "Title", title)
    fill_in(driver, "Summary", "Neighbours who had never spoken now meet every week.")
    fill_in(driver, "The story", "It started with a kettle in the community room.\n\n> I came for the tea and stayed for the people.\n\nNow thirty people come.")
    from selenium.webdriver.support.ui import Select
    Select(field_by_label(driver, "Hub")).select_by_visible_text("Newcastle")
    field_by_label(driver, "Bringing people together for a shared purpose or place").click()
    field_by_label(driver, "Place and geography").click()
    press(driver, "Save draft")
    assert heading(driver) == title
    check_page(driver, "story-manage-draft")

    add_consent(driver, "Maureen (a pseudonym)", "Anyone, on the web")
    add_consent(driver, "Ahmed (a pseudonym)", "Anyone, and the media may reuse it")
    press(driver, "Send to the hub's stewards for review")
    assert "sent to the hub's stewards" in page_text(driver)
    check_page(driver, "story-manage-submitted")
    sign_out(driver)

    review(driver, title, "Return it to the author", "Please say which estate it is, if Maureen agrees.")

    sign_in(driver, MEMBER_EMAIL, DEMO_PASSWORD)
    visit(driver, "/account/stories")
    check_page(driver, "my-stories")
    click_and_wait(driver, link_by_text(driver, title))
    assert "Please say which estate it is, if Maureen agrees." in page_text(driver)
    check_page(driver, "story-manage-returned")
    click_and_wait(driver, link_by_text(driver, "Edit the story"))
    fill_in(driver, "The story", "It started with a kettle in the community room on the Walker estate.\n\n> I came for the tea and stayed for the people.")
    check_page(driver, "story-edit")
    press(driver, "Save changes")
    press(driver, "Send to the hub's stewards for review")
    sign_out(driver)

    review(driver, title, "Publish it")

    new_visitor(driver)
    visit(driver, "/stories")
    assert title in page_text(driver)
    check_page(driver, "stories")
    click_and_wait(driver, link_by_text(driver, title))
    assert "Walker estate" in page_text(driver)
    alternates = driver.find_elements(By.CSS_SELECTOR, 'link[rel="alternate"][type="application/atom+xml"]')
    assert alternates, "the story page links its feeds"
    story_path = driver.current_url.split("//", 1)[1].split("/", 1)[1]
    check_page(driver, "story")
    assert title in feed_titles()

    sign_in(driver, MEMBER_EMAIL, DEMO_PASSWORD)
    visit(driver, f"/{story_path}/manage")
    row = next(r for r in driver.find_elements(By.CSS_SELECTOR, "tbody tr") if "Maureen" in r.text)
    click_and_wait(driver, row.find_element(By.TAG_NAME, "button"))
    assert "The consent has been withdrawn" in page_text(driver)
    check_page(driver, "story-manage-withdrawn")
    sign_out(driver)

    new_visitor(driver)
    visit(driver, f"/{story_path}")
    assert last_status(driver) == 410
    assert heading(driver) == "This page has been taken down"
    check_page(driver, "story-gone")
    assert title not in feed_titles()
