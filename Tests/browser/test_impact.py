"""Impact: a project's theory of change, built in the browser."""

from __future__ import annotations

import uuid

from selenium.webdriver.common.by import By
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


def answer_survey(driver, link: str, code: str, answer_label: str, check_name: str | None = None) -> None:
    new_visitor(driver)
    driver.get(link)
    if check_name:
        check_page(driver, check_name)
    field_by_label(driver, "I agree to answer on these terms").click()
    # "Your code" before the project, "The code you used last time" after it.
    driver.find_element(By.NAME, "participant_code").send_keys(code)
    field_by_label(driver, answer_label).click()
    press(driver, "Send my answers")
    assert heading(driver) == "Thank you", page_text(driver)[:300]


def test_before_and_after_surveys_are_answered_by_twelve_people_and_analysed(driver):
    name = f"Kitchen conversations {uuid.uuid4().hex[:6]}"
    new_project(driver, name, "Monthly meals where neighbours talk about what divides them.",
                "Tackling tensions through mediation and dialogue", "Monthly shared meals")
    fill_in(driver, "The change you hope for", "People feel confident talking about divisive topics")
    field_by_label(driver, "CONFIDENCE: Confidence talking about difference").click()
    press(driver, "Add the outcome")

    links = {}
    project_path = driver.current_url.split("?")[0].split("#")[0]
    for title, when in [("Before the meals", "Before the project"), ("After the meals", "After the project, paired with the answers before")]:
        driver.get(project_path)
        fill_in(driver, "Survey title", title)
        field_by_label(driver, when).click()
        field_by_label(driver, "CONFIDENCE: Confidence talking about difference", within=driver.find_element(By.CSS_SELECTOR, "form[action$='/surveys']")).click()
        press(driver, "Open the survey")
        assert "The survey is ready" in page_text(driver)
        assert heading(driver) == title
        links[title] = participants_link(driver)
        if title == "After the meals":
            check_page(driver, "survey-manage")
            after_path = driver.current_url.split("?")[0]
    driver.get(project_path)
    check_page(driver, "project-with-surveys")
    sign_out(driver)

    for person in range(1, 13):
        answer_survey(driver, links["Before the meals"], f"neighbour-{person}", "Not very confident", "survey-before" if person == 1 else None)
        after = "Fairly confident" if person <= 10 else ("Not very confident" if person == 11 else "Not at all confident")
        answer_survey(driver, links["After the meals"], f"neighbour-{person}", after, "survey-after" if person == 1 else None)

    sign_in(driver, COORDINATOR_EMAIL, DEMO_PASSWORD)
    driver.get(after_path + "/analysis")
    text = page_text(driver)
    assert "10 of 12 people now feel more confident talking about a divisive topic; 1 stayed the same; 1 less confident." in text, text[:900]
    assert "Wilcoxon" not in text, "the tests are folded away under How sure can we be?"
    unfold(driver, "How sure can we be?")
    text = page_text(driver)
    assert "10 / 1 / 1" in text and "Wilcoxon" in text and "p = " in text
    assert driver.find_elements(By.CSS_SELECTOR, "svg.chart line.chart__pair"), "a paired dot plot"
    assert driver.find_elements(By.CSS_SELECTOR, "svg.chart rect.chart__seg"), "diverging bars of the answers"
    check_page(driver, "survey-analysis")
    driver.get(project_path + "/analysis")
    assert "10 of 12 people now feel more confident" in page_text(driver)
    check_page(driver, "project-analysis")
    sign_out(driver)


def new_project(driver, name: str, summary: str, kind_of_work: str, activities: str,
                more: dict[str, str] | None = None) -> str:
    """Signs in as the demo coordinator and sets out a project of Aik Saath; the project page's path."""
    new_visitor(driver)
    sign_in(driver, COORDINATOR_EMAIL, DEMO_PASSWORD)
    visit(driver, "/impact/projects/new")
    Select(field_by_label(driver, "Organisation")).select_by_visible_text("Aik Saath")
    fill_in(driver, "Project name", name)
    fill_in(driver, "Summary", summary)
    field_by_label(driver, kind_of_work).click()
    fill_in(driver, "What you do", activities)
    for label, value in (more or {}).items():
        fill_in(driver, label, value)
    press(driver, "Save")
    return driver.current_url.split("?")[0].split("#")[0]


def unfold(driver, summary: str) -> None:
    """Opens every fold whose summary reads `summary`, as a reader clicks "How sure can we be?"."""
    folds = [s for s in driver.find_elements(By.CSS_SELECTOR, "details > summary") if s.text == summary]
    assert folds, f"no fold reading {summary!r}"
    for fold in folds:
        if fold.find_element(By.XPATH, "..").get_attribute("open") is None:
            fold.click()


def participants_link(driver) -> str:
    """The participants' link on a survey's own page."""
    for anchor in driver.find_elements(By.CSS_SELECTOR, ".summary-list dd a"):
        if anchor.text.startswith("http"):
            return anchor.get_attribute("href")
    raise AssertionError("no participants' link on the survey page")


def test_the_demo_project_shows_its_evidence_to_its_organisation(driver):
    new_visitor(driver)
    # The coordinator, who may do what the organisation's admins do (another test changes that admin's password).
    sign_in(driver, COORDINATOR_EMAIL, DEMO_PASSWORD)
    visit(driver, "/impact/projects/peer-trainers-in-schools")
    assert heading(driver) == "Peer trainers in schools"
    check_page(driver, "demo-project")
    click_and_wait(driver, link_by_text(driver, "After the sessions"))
    click_and_wait(driver, link_by_text(driver, "See what the answers show"))
    assert "of 16 pupils now" in page_text(driver), "the demo's people are pupils"
    unfold(driver, "How sure can we be?")
    text = page_text(driver)
    assert "People with answers at both times" in text and "16" in text
    assert "Wilcoxon" in text
    check_page(driver, "demo-survey-analysis")
    visit(driver, "/impact/projects/peer-trainers-in-schools/indicators")
    assert "Pupils from different backgrounds sit together at lunch" in page_text(driver)
    check_page(driver, "demo-indicators")
    visit(driver, "/impact/projects/peer-trainers-in-schools/stories-of-change")
    assert "A Year 9 pupil" in page_text(driver)
    visit(driver, "/impact/projects/peer-trainers-in-schools/report")
    assert "Pupils feel confident talking about difference" in page_text(driver)
    check_page(driver, "demo-report")
    sign_out(driver)
