"""Where sign-in lands: each person's home, with what is waiting for them, checked as a steward
and as the national team would use it, each page through the full page check."""

from __future__ import annotations

from selenium.webdriver.common.by import By

from helpers import (
    COORDINATOR_EMAIL,
    DEMO_PASSWORD,
    check_page,
    click_and_wait,
    heading,
    page_text,
    path_of,
    sign_in,
    visit,
)

STEWARD_EMAIL = "steward@demo.bridgework.org.uk"


def test_a_steward_lands_on_their_home_and_goes_from_it_to_the_story_waiting_for_review(driver):
    sign_in(driver, STEWARD_EMAIL, DEMO_PASSWORD)
    assert path_of(driver) == "/home"
    assert heading(driver) == "Your home"
    check_page(driver, "home-steward")
    waiting = [a for a in driver.find_elements(By.CSS_SELECTOR, ".task-list a")
               if "waiting for your review" in a.text]
    assert waiting, f"no story to review on the steward's home: {page_text(driver)}"
    click_and_wait(driver, waiting[0])
    assert path_of(driver) == "/stories/review"
    assert "Roma parents take the rumours into the classroom" in page_text(driver)


def test_the_coordinators_home_shows_every_hub_and_which_have_no_steward(driver):
    visit(driver, "/hubs")
    hub_names = {a.text.strip() for a in driver.find_elements(By.CSS_SELECTOR, "main a[href^='/hubs/']")
                 if a.get_attribute("href").rstrip("/").count("/") == 4}
    sign_in(driver, COORDINATOR_EMAIL, DEMO_PASSWORD)
    assert path_of(driver) == "/home"
    assert "Across the alliance" in page_text(driver)
    rows = driver.find_elements(By.CSS_SELECTOR, "table tbody tr th")
    shown = {row.text.strip() for row in rows}
    assert hub_names <= shown, f"hubs missing from the national picture: {hub_names - shown}"
    check_page(driver, "home-coordinator")
