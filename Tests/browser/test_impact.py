"""Impact: a project's theory of change, built in the browser."""

from __future__ import annotations

import uuid

from selenium.webdriver.support.ui import Select

from helpers import (
    COORDINATOR_EMAIL,
    DEMO_PASSWORD,
    check_page,
    field_by_label,
    fill_in,
    heading,
    last_status,
    link_by_text,
    click_and_wait,
    new_visitor,
    page_text,
    press,
    sign_in,
    sign_out,
    visit,
)


def test_a_project_gets_a_theory_of_change_with_outcomes_measured_by_indicators(driver):
    name = f"Goals not walls {uuid.uuid4().hex[:6]}"
    new_visitor(driver)
    sign_in(driver, COORDINATOR_EMAIL, DEMO_PASSWORD)
    visit(driver, "/impact/projects")
    check_page(driver, "projects")
    click_and_wait(driver, link_by_text(driver, "Add a project"))
    check_page(driver, "project-new")

    press(driver, "Save")
    assert last_status(driver) == 422
    assert "Choose one of the organisations you run" in page_text(driver)
    check_page(driver, "project-new-errors")

    Select(field_by_label(driver, "Organisation")).select_by_visible_text("Aik Saath")
    fill_in(driver, "Project name", name)
    fill_in(driver, "Summary", "Football that brings young people from two estates together.")
    field_by_label(driver, "Bringing people together for a shared purpose or place").click()
    fill_in(driver, "What you do", "Monthly tournaments\nA shared kit fund")
    fill_in(driver, "What you count (optional)", "Sessions held\nYoung people taking part")
    press(driver, "Save")
    assert heading(driver) == name
    check_page(driver, "project")

    fill_in(driver, "The change you hope for", "Young people from the two estates feel at ease with each other")
    field_by_label(driver, "ANXIETY: Intergroup anxiety (lower is better)").click()
    field_by_label(driver, "CONTACT-FRIENDS: Cross-group friends").click()
    press(driver, "Add the outcome")
    text = page_text(driver)
    assert "Young people from the two estates feel at ease with each other" in text
    assert "CONTACT-FRIENDS" in text
    check_page(driver, "project-with-outcome")
    sign_out(driver)
