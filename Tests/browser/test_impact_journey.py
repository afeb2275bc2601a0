"""The impact journey end to end: an organiser sets up a project and its two surveys, people answer
on their phones from the short address (before, then after with the code they chose), the
organiser reads the exact analysis and report, and a visitor reads the public roll-up."""

from __future__ import annotations

import uuid

from selenium.webdriver.common.by import By

from helpers import (
    COORDINATOR_EMAIL,
    DEMO_PASSWORD,
    DESKTOP,
    PHONE,
    _set_viewport,
    check_page,
    field_by_label,
    fill_in,
    heading,
    new_visitor,
    page_text,
    press,
    sign_in,
    sign_out,
    visit,
)
from test_impact import new_project

MIXING = "MIXING: Social mixing"
ANXIETY = "ANXIETY: Intergroup anxiety (lower is better)"


def short_path(driver) -> str:
    """The path of the survey's short address, as printed for paper: /a/K7P3-QX9M."""
    for row in driver.find_elements(By.CSS_SELECTOR, ".summary-list div"):
        if row.find_element(By.TAG_NAME, "dt").text == "Short address, for paper":
            address = row.find_element(By.TAG_NAME, "dd").text
            return address[address.index("/a/"):]
    raise AssertionError("no short address on the survey page")


def on_a_phone(driver) -> None:
    """A 390-wide phone screen; check_page puts the desktop back after its screenshots."""
    _set_viewport(driver, *PHONE, mobile=True)


def answer_on_a_phone(driver, path: str, code: str, mixing: str, at_ease: bool, check: str | None) -> str:
    new_visitor(driver)
    on_a_phone(driver)
    visit(driver, path)
    if check:
        check_page(driver, check)
        on_a_phone(driver)
    assert "Asked by Aik Saath for its project" in page_text(driver)
    field_by_label(driver, "I agree to answer on these terms").click()
    driver.find_element(By.NAME, "participant_code").send_keys(code)
    field_by_label(driver, mixing).click()
    for feeling, answer in [("relaxed", "Very" if at_ease else "Slightly"), ("awkward", "Slightly" if at_ease else "Very"),
                            ("nervous", "Not at all" if at_ease else "Very"), ("safe", "Very" if at_ease else "Slightly")]:
        field_by_label(driver, f"{answer} {feeling}").click()
    press(driver, "Send my answers")
    return page_text(driver)


def test_people_answer_on_their_phones_and_the_organiser_and_a_visitor_read_what_changed(driver):
    name = f"Boxing club evenings {uuid.uuid4().hex[:6]}"
    project_path = new_project(
        driver, name, "Boxing evenings that bring young men from two estates into one gym.",
        "Bringing people together for a shared purpose or place", "Weekly boxing evenings",
        {"Who answers the surveys, in a word or two (optional)": "boxers",
         "How people make their survey code (optional)": "Your glove colour and your birth day"})
    fill_in(driver, "The change you hope for", "Boxers mix across the estates and feel at ease")
    field_by_label(driver, MIXING).click()
    field_by_label(driver, ANXIETY).click()
    press(driver, "Add the outcome")

    short = {}
    for title, when in [("Before the evenings", "Before the project"),
                        ("After the evenings", "After the project, paired with the answers before")]:
        driver.get(project_path)
        fill_in(driver, "Survey title", title)
        field_by_label(driver, when).click()
        form = driver.find_element(By.CSS_SELECTOR, "form[action$='/surveys']")
        field_by_label(driver, MIXING, within=form).click()
        field_by_label(driver, ANXIETY, within=form).click()
        press(driver, "Open the survey")
        assert "The survey is ready" in page_text(driver)
        short[title] = short_path(driver)
        if title == "After the evenings":
            after_path = driver.current_url.split("?")[0]
    sign_out(driver)

    # On a phone, from the short address on the poster: five boxers before, and after.
    try:
        for person in range(1, 6):
            text = answer_on_a_phone(driver, short["Before the evenings"], f"red-{person}", "Less often", False,
                                     "journey-before-on-a-phone" if person == 1 else None)
            assert heading(driver) == "Thank you", text[:300]
            assert "Remember your code" in text
        for person in range(1, 6):
            mixing = "At least once a week" if person <= 4 else "Less often"
            text = answer_on_a_phone(driver, short["After the evenings"], f"RED-{person}", mixing, person <= 4,
                                     "journey-after-on-a-phone" if person == 1 else None)
            assert heading(driver) == "Thank you", "the code matches, whatever its case: " + text[:300]
            if person == 1:
                check_page(driver, "journey-thanks-on-a-phone")
                on_a_phone(driver)
        # A code that matches nothing: asked to check it before anything is saved, then sent as it is.
        text = answer_on_a_phone(driver, short["After the evenings"], "blue-9", "Every day", True, None)
        assert "We found no answers from before the project under the code blue-9" in text, text[:500]
        check_page(driver, "journey-unmatched-code-on-a-phone")
        on_a_phone(driver)
        assert driver.find_element(By.NAME, "participant_code").get_attribute("value") == "blue-9"
        press(driver, "Send my answers")
        assert heading(driver) == "Thank you"
        assert "Your answers are saved under the code you confirmed" in page_text(driver)
    finally:
        _set_viewport(driver, *DESKTOP, mobile=False)

    # The organiser reads the exact figures.
    new_visitor(driver)
    sign_in(driver, COORDINATOR_EMAIL, DEMO_PASSWORD)
    driver.get(after_path + "/analysis")
    text = page_text(driver)
    assert "4 of 5 boxers now mix more often with people from other backgrounds; 1 stayed the same; none less often." in text, text[:1200]
    assert "1 person answered under a code that matches no answers from before the project" in text
    assert "How sure can we be?" in text
    check_page(driver, "journey-analysis")
    driver.get(project_path + "/report")
    assert "organisation's own report, with exact counts" in page_text(driver)
    check_page(driver, "journey-report")
    sign_out(driver)

    # A visitor reads what the alliance's projects show, under disclosure control.
    new_visitor(driver)
    visit(driver, "/impact")
    assert heading(driver) == "What the alliance's projects show"
    assert "Figures are under disclosure control" in page_text(driver)
    check_page(driver, "journey-roll-up")
