"""Journeys through the directory: searching, joining a hub, a steward approving, adding and editing an organisation."""

from __future__ import annotations

import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

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
    path_of,
    press,
    sign_in,
    sign_out,
    visit,
)

STEWARD_EMAIL = "steward@demo.bridgework.org.uk"


def choose_option_starting(select_element, text: str) -> None:
    select = Select(select_element)
    for option in select.options:
        if option.text.startswith(text):
            select.select_by_visible_text(option.text)
            return
    raise AssertionError(f"no option starting {text!r}; options: {[o.text for o in select.options]}")


def test_a_visitor_can_search_the_directory_by_words_and_filters(driver):
    visit(driver, "/organisations")
    assert heading(driver) == "Organisations"
    check_page(driver, "organisations")

    fill_in(driver, "Search by name or description", "conflict")
    choose_option_starting(field_by_label(driver, "Method"), "Mediation")
    press(driver, "Search")
    assert "q=conflict" in driver.current_url and "method=mediation" in driver.current_url, "a search is a shareable address"
    text = page_text(driver)
    assert "Community Resolve" in text
    assert "Kitchen Table Café" not in text
    check_page(driver, "organisations-search")

    fill_in(driver, "Search by name or description", "nothingmatchesthis")
    press(driver, "Search")
    assert "No organisations match this search." in page_text(driver)
    check_page(driver, "organisations-no-results")

    visit(driver, "/hubs")
    assert heading(driver) == "Hubs"
    assert driver.find_elements(By.CSS_SELECTOR, "svg.coverage-map circle"), "the map shows council areas"
    check_page(driver, "hubs")
    click_and_wait(driver, link_by_text(driver, "Newcastle"))
    assert heading(driver) == "Newcastle"
    check_page(driver, "hub")

    link_by_text(driver, "Aik Saath").click() if "Aik Saath" in page_text(driver) else visit(driver, "/organisations/aik-saath")
    assert heading(driver) == "Aik Saath"
    check_page(driver, "organisation")


def test_a_member_asks_to_join_a_hub_and_a_steward_approves(driver):
    sign_in(driver, MEMBER_EMAIL, DEMO_PASSWORD)
    visit(driver, "/hubs/newcastle")
    press(driver, "Ask to join this hub")
    assert "Your request to join has been sent" in page_text(driver)
    assert "waiting for a steward" in page_text(driver)
    check_page(driver, "hub-request-sent")
    sign_out(driver)

    new_visitor(driver)
    sign_in(driver, STEWARD_EMAIL, DEMO_PASSWORD)
    assert path_of(driver) == "/home", "the demo steward signs in"
    visit(driver, "/hubs/newcastle")
    # The demo has requests of its own waiting; the member's is among them.
    waiting = [a for a in driver.find_elements(By.CSS_SELECTOR, ".steward-panel a")
               if a.text.endswith("waiting – answer requests and add stewards")]
    assert waiting, "the steward's panel has no link to the requests waiting"
    click_and_wait(driver, waiting[0])
    assert heading(driver) == "Requests to join Newcastle"
    check_page(driver, "hub-requests")
    card = [a for a in driver.find_elements(By.CSS_SELECTOR, "article.message") if "Demo Member" in a.text][0]
    click_and_wait(driver, card.find_element(By.CSS_SELECTOR, "button[value=approve]"))
    assert "The request has been approved" in page_text(driver)
    check_page(driver, "hub-requests-after")
    sign_out(driver)

    new_visitor(driver)
    sign_in(driver, MEMBER_EMAIL, DEMO_PASSWORD)
    visit(driver, "/hubs/newcastle")
    assert "You are a member of this hub." in page_text(driver)
    sign_out(driver)


def test_a_member_adds_an_organisation_then_edits_it(driver):
    sign_in(driver, MEMBER_EMAIL, DEMO_PASSWORD)
    visit(driver, "/organisations/new")
    assert heading(driver) == "Add an organisation"
    check_page(driver, "organisation-new")

    # A mistake first: it is explained, and what was typed stays.
    name = f"Riverside Listening Project {uuid.uuid4().hex[:6]}"
    fill_in(driver, "Name", name)
    fill_in(driver, "Website (optional)", "riverside.example")
    press(driver, "Add organisation")
    assert last_status(driver) == 422
    assert "There is a problem" in page_text(driver)
    assert "Enter a short summary" in page_text(driver)
    assert field_by_label(driver, "Name").get_attribute("value") == name
    check_page(driver, "organisation-new-errors")

    fill_in(driver, "Summary", "Listening circles where neighbours old and new hear each other out.")
    fill_in(driver, "Website (optional)", "https://riverside.example")
    field_by_label(driver, "Dialogue").click()
    field_by_label(driver, "Everyone").click()
    press(driver, "Add organisation")
    assert heading(driver) == name
    assert "The organisation has been added. You are its admin." in page_text(driver)
    check_page(driver, "organisation-created")

    click_and_wait(driver, link_by_text(driver, "Edit this organisation"))
    assert heading(driver) == f"Edit {name}"
    assert field_by_label(driver, "Dialogue").is_selected()
    fill_in(driver, "Summary", "Listening circles for neighbours, old and new.")
    press(driver, "Save changes")
    assert "The organisation's details have been saved." in page_text(driver)
    assert "Listening circles for neighbours, old and new." in page_text(driver)

    click_and_wait(driver, link_by_text(driver, "Manage members"))
    assert heading(driver) == f"Members of {name}"
    check_page(driver, "organisation-members")
    fill_in(driver, "Their email address", "tom@demo.bridgework.org.uk")
    press(driver, "Send invitation")
    text = page_text(driver)
    assert "The invitation has been sent. They join when they accept it." in text
    assert "Invitations waiting for an answer" in text and "tom@demo.bridgework.org.uk" in text
    assert "Tom Reilly" not in text, "nobody joins an organisation before saying yes"
    check_page(driver, "organisation-members-invited")
    sign_out(driver)


def test_one_search_box_finds_organisations_and_for_members_practitioners(driver):
    new_visitor(driver)
    visit(driver, "/")
    fill_in(driver, "Search the directory", "mediation")
    press(driver, "Search")
    assert path_of(driver) == "/search" and "q=mediation" in driver.current_url, "the search is a shareable address"
    text = page_text(driver)
    assert "Organisations (" in text
    assert "Tom Reilly" not in text and "Amina Hussain" not in text, "visitors never search people"
    assert "Sign in to search practitioners as well" in text
    check_page(driver, "search-visitor")

    sign_in(driver, MEMBER_EMAIL, DEMO_PASSWORD)
    visit(driver, "/search?q=mediation")
    text = page_text(driver)
    assert "Tom Reilly" in text, "a profile open to members is found by members"
    assert "Amina Hussain" in text
    assert "Grace Okoro" not in text, "a private profile is never found"
    check_page(driver, "search-member")
    sign_out(driver)
