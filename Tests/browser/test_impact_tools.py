"""Impact tools in the browser: own and local indicators, a survey with a look back, its own
questions, a translation, paper answers, the analysis, stories of change, the report and roll-ups."""

from __future__ import annotations

import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from helpers import (
    fill_in_date,
    COORDINATOR_EMAIL,
    button_by_text,
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
from test_impact import new_project, participants_link


def test_a_project_uses_every_impact_tool_and_each_page_passes_the_checks(driver):
    name = f"Cricket and conversation {uuid.uuid4().hex[:6]}"
    project_path = new_project(
        driver, name, "Cricket for young people of different faiths, with a talk after each match.",
        "Bringing people together for a shared purpose or place", "Weekly matches\nA talk after each match",
        {"The difference in the long run (optional)": "Young people of different faiths count each other as friends"})

    # The organisation's own indicator, and a local one the community names and backs.
    click_and_wait(driver, link_by_text(driver, "The organisation's own and local indicators"))
    fill_in(driver, "What it measures", "Speaking up")
    fill_in(driver, "The question", "How confident are you to speak at a residents' meeting?")
    fill_in(driver, "Answers, best first", "Very confident\nQuite confident\nNot very confident\nNot at all confident")
    press(driver, "Add the indicator")
    assert "OWN-SPEAKING-UP" in page_text(driver)
    fill_in(driver, "The community", "Young people of Chalvey")
    sign = f"I can walk past the other group's mosque or temple without worry ({name[-6:]})"
    fill_in(driver, "The sign, in the community's own words", sign)
    press(driver, "Propose it")
    assert "1 vote" in page_text(driver)
    proposal = driver.find_element(By.XPATH, f"//li[.//h3[contains(., '{name[-6:]}')]]")
    click_and_wait(driver, button_by_text(driver, "Adopt and track it", within=proposal))
    assert "The local indicator is adopted" in page_text(driver)
    check_page(driver, "project-indicators")

    driver.get(project_path)
    fill_in(driver, "The change you hope for", "Young people feel at home in each other's neighbourhoods")
    field_by_label(driver, "CLS-COHESION: Cohesion").click()
    field_by_label(driver, "CONFIDENCE: Confidence talking about difference").click()
    press(driver, "Add the outcome")

    # A survey after the project, with a look back, an own written question and an Urdu translation.
    fill_in(driver, "Survey title", "End of season")
    field_by_label(driver, "After the project, with a look back at how things were before").click()
    form = driver.find_element(By.CSS_SELECTOR, "form[action$='/surveys']")
    field_by_label(driver, "CLS-COHESION: Cohesion", within=form).click()
    field_by_label(driver, "CONFIDENCE: Confidence talking about difference", within=form).click()
    press(driver, "Open the survey")
    survey_path = driver.current_url.split("?")[0]
    link = participants_link(driver)
    field_by_label(driver, "A short written answer").click()
    fill_in(driver, "The question", "What would you change about the season?")
    press(driver, "Add the question")
    assert "What would you change about the season?" in page_text(driver)
    check_page(driver, "survey-with-own-question")

    click_and_wait(driver, link_by_text(driver, "Add or change a translation"))
    Select(field_by_label(driver, "Language")).select_by_value("ur")
    press(driver, "Choose")
    fill_in(driver, "End of season", "سیزن کا اختتام")
    fill_in(driver, "What would you change about the season?", "آپ سیزن کے بارے میں کیا بدلیں گے؟")
    check_page(driver, "survey-translation")
    press(driver, "Save the translation")
    assert "The translation has been saved" in page_text(driver)

    driver.get(survey_path + "/paper")
    assert "☐ Definitely agree" in page_text(driver)
    check_page(driver, "survey-paper")
    driver.get(survey_path + "/poster")
    short_address = driver.find_element(By.CSS_SELECTOR, ".poster__link a").text
    assert "/a/" in short_address
    check_page(driver, "survey-poster")
    driver.get(survey_path + "/cards")
    assert len(driver.find_elements(By.CSS_SELECTOR, ".survey-card")) == 8
    check_page(driver, "survey-cards")
    driver.get(survey_path + "/paper-answers")
    field_by_label(driver, "The person ticked “I agree to answer on these terms”").click()
    driver.find_element(By.ID, "answer_CONFIDENCE-4").click()
    driver.find_element(By.ID, "then_CONFIDENCE-2").click()
    check_page(driver, "survey-paper-entry")
    press(driver, "Save and type in the next form")
    assert "1 paper form typed in so far" in page_text(driver)
    sign_out(driver)

    # Someone types the short address from the poster, with a slip first.
    new_visitor(driver)
    visit(driver, "/a/ZZZZ-ZZZZ")
    assert "No survey has the code ZZZZ-ZZZZ" in page_text(driver)
    check_page(driver, "survey-short-code-wrong")
    field = field_by_label(driver, "The survey's code")
    field.clear()
    field.send_keys(short_address.split("/a/")[1])
    press(driver, "Open the survey")
    assert heading(driver) == "End of season"

    # A participant reads it in Urdu, switches to English and answers over two pages.
    new_visitor(driver)
    driver.get(link + "?lang=ur")
    assert heading(driver) == "سیزن کا اختتام"
    assert driver.find_element(By.CSS_SELECTOR, "div[lang='ur']").get_attribute("dir") == "rtl"
    check_page(driver, "survey-urdu")
    click_and_wait(driver, link_by_text(driver, "English"))
    field_by_label(driver, "I agree to answer on these terms").click()
    field_by_label(driver, "Tend to agree").click()
    field_by_label(driver, "Very confident").click()
    fill_in(driver, "Question 3 of 3: What would you change about the season?", "More matches in the winter")
    press(driver, "Continue")
    assert "Page 2 of 2" in page_text(driver)
    check_page(driver, "survey-look-back")
    field_by_label(driver, "Tend to disagree").click()
    field_by_label(driver, "Not very confident").click()
    press(driver, "Send my answers")
    assert heading(driver) == "Thank you"

    # What the organisation sees.
    sign_in(driver, COORDINATOR_EMAIL, DEMO_PASSWORD)
    driver.get(survey_path + "/analysis")
    text = page_text(driver)
    assert "Perceived change, from looking back to now" in text
    assert "More matches in the winter" in text
    assert "Beside England's figure" in text
    check_page(driver, "survey-analysis-look-back")

    driver.get(project_path + "/stories-of-change")
    field_by_label(driver, "Relations between groups").click()
    fill_in(driver, "Reporting period", "Summer 2026")
    fill_in_date(driver, "Date told", "2026-09-01")
    fill_in(driver, "Who told it", "A young bowler")
    field_by_label(driver, "Only inside the organisation").click()
    fill_in(driver, "What happened", "I was invited to a friend's Eid meal for the first time.")
    fill_in(driver, "Why it matters to the teller", "We had played against each other for years and never talked.")
    press(driver, "Save the story")
    assert heading(driver) == "Told by A young bowler"
    fill_in(driver, "Level", "Project team")
    fill_in(driver, "Who was on the panel", "Two coaches and a parent")
    field_by_label(driver, "Yes").click()
    fill_in(driver, "The panel's reasons", "It shows friendship beyond the pitch.")
    fill_in_date(driver, "Date decided", "2026-09-15")
    press(driver, "Record the round")
    assert "Project team: chosen" in page_text(driver)
    assert "did not agree to the story being offered" in page_text(driver)
    check_page(driver, "change-story")
    driver.get(project_path + "/stories-of-change")
    check_page(driver, "change-stories")

    driver.get(project_path + "/report")
    text = page_text(driver)
    assert "Young people feel at home in each other's neighbourhoods" in text
    assert "A young bowler" not in text, "a story told for the organisation only stays out of the report"
    check_page(driver, "project-report")
    assert "organisation's own report, with exact counts" in text
    sign_out(driver)

    driver.get(project_path + "/public-report")
    text = page_text(driver)
    assert "Figures are under disclosure control" in text, "the public report says its figures are controlled"
    assert "A young bowler" not in text
    check_page(driver, "project-public-report")

    visit(driver, "/impact")
    assert heading(driver) == "What the alliance's projects show"
    check_page(driver, "impact-roll-up")
    visit(driver, "/hubs/slough/impact")
    assert last_status(driver) == 200
    check_page(driver, "hub-impact")
