"""The journeys of issue 15 in a real browser, each page through the full page check (axe, HTML
validity, layout, desktop and phone screenshots): a member logs an observation and handles the
personal-data warning, the steward acknowledges it and sets the hub's level; the national team
declares a trigger event, two hubs check in and the others show as missing; the national view
and the public briefing show levels and counts only."""

from __future__ import annotations

import csv
import datetime
import io
import re
import uuid

import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from helpers import (
    COORDINATOR_EMAIL,
    DEMO_PASSWORD,
    check_page,
    click_and_wait,
    field_by_label,
    fill_in,
    fill_in_date,
    heading,
    http_sign_in,
    link_by_text,
    mails_to,
    page_text,
    path_of,
    press,
    served_html,
    sign_in,
    sign_out,
    url,
    visit,
)

NEWCASTLE_STEWARD = "steward@demo.bridgework.org.uk"
NEWCASTLE_MEMBER = "chloe.armstrong@demo.bridgework.org.uk"
STOCKWELL_STEWARD = "grace.adeyemi@demo.bridgework.org.uk"
# Words the demo wrote in Newcastle's tension watch, which no page outside the hub may show.
DEMO_OBSERVATION_WORDS = "new flats are being kept for families arriving from abroad"


def choose(driver, label: str) -> None:
    """Tick the radio or checkbox whose label reads `label`."""
    field = field_by_label(driver, label)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", field)
    if not field.is_selected():
        field.click()


def test_a_member_logs_an_observation_and_the_steward_acknowledges_it_and_sets_the_level(driver):
    marker = f"Stickers on the footbridge {uuid.uuid4().hex[:6]}"
    sign_in(driver, NEWCASTLE_MEMBER, DEMO_PASSWORD)
    visit(driver, "/hubs/newcastle")
    click_and_wait(driver, link_by_text(driver, "Open the tension watch"))
    assert heading(driver) == "Tension watch: Newcastle"
    assert "Only members of Newcastle can see this" in page_text(driver)
    check_page(driver, "tension-member-picture")
    click_and_wait(driver, link_by_text(driver, "Log an observation"))
    check_page(driver, "tension-member-new")
    fill_in_date(driver, "When was it seen?", datetime.date.today().isoformat())
    Select(field_by_label(driver, "Council area")).select_by_index(1)
    choose(driver, "A rumour")
    choose(driver, "Migration")
    choose(driver, "4: High")
    fill_in(driver, "What was seen or heard",
            f"{marker}: a story that the council is closing the youth club. Call 0191 496 0000 for the organiser.")
    choose(driver, "Experienced")
    choose(driver, "Social media")
    press(driver, "Save the observation")
    text = page_text(driver)
    assert "Check this does not identify anyone" in text, text[:400]
    assert "Nothing is saved yet" in text
    assert "0191 496 0000" in text, "the words that looked personal are shown back"
    assert marker in field_by_label(driver, "What was seen or heard").get_attribute("value"), "what was typed is kept"
    check_page(driver, "tension-member-warning")
    fill_in(driver, "What was seen or heard", f"{marker}: a story that the council is closing the youth club.")
    press(driver, "Save the observation")
    assert heading(driver).startswith("A rumour in"), heading(driver)
    assert "Your observation is saved" in page_text(driver)
    assert marker in page_text(driver)
    observation_path = path_of(driver)
    check_page(driver, "tension-member-observation")
    sign_out(driver)

    sign_in(driver, NEWCASTLE_STEWARD, DEMO_PASSWORD)
    assert "to acknowledge in Newcastle" in page_text(driver), "the steward's home says what waits"
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main a[href='/hubs/newcastle/tension']"))
    waiting = driver.find_element(By.XPATH, "//h2[text()='Waiting for a steward']/following-sibling::ul[1]")
    assert marker in waiting.text, "the new observation waits for a steward"
    check_page(driver, "tension-steward-picture")
    visit(driver, observation_path)
    choose(driver, "Follow-up open")
    fill_in(driver, "What the follow-up is", "Ask the council for the facts and share them with parents.")
    press(driver, "Acknowledge")
    text = page_text(driver)
    assert "The follow-up is saved" in text
    assert "by a steward" in text and "Follow-up open" in text
    check_page(driver, "tension-steward-observation")
    visit(driver, "/hubs/newcastle/tension")
    choose(driver, "4: High")
    fill_in(driver, "Why the hub is at this level", "A rumour about the youth club is spreading.")
    press(driver, "Set the level")
    text = page_text(driver)
    assert "The hub's level is set for this week" in text
    assert "Level 4, High" in text and ", this week." in text
    check_page(driver, "tension-steward-level")
    visit(driver, "/hubs/newcastle/tension/settings")
    check_page(driver, "tension-steward-settings")


def test_a_trigger_event_is_answered_by_two_hubs_and_the_others_show_as_missing(driver):
    title = f"An attack in the news {uuid.uuid4().hex[:6]}"
    sign_in(driver, COORDINATOR_EMAIL, DEMO_PASSWORD)
    visit(driver, "/alliance")
    check_page(driver, "alliance-coordinator")
    click_and_wait(driver, link_by_text(driver, "Declare a trigger event"))
    check_page(driver, "trigger-new")
    press(driver, "Declare it and ask hubs to check in")
    assert "There is a problem" in page_text(driver)
    assert "Enter a short name for it" in page_text(driver)
    fill_in(driver, "A short name for it", title)
    fill_in(driver, "What happened", "A violent attack made the national news; posts blame a whole community.")
    fill_in_date(driver, "When did it happen?", datetime.date.today().isoformat())
    choose(driver, "Faith and belief")
    press(driver, "Declare it and ask hubs to check in")
    assert heading(driver) == title
    event_path = path_of(driver)
    event_id = event_path.rsplit("/", 1)[1]
    hubs = int(re.search(r"0 of (\d+) hubs have checked in", page_text(driver)).group(1))
    check_page(driver, "trigger-declared")
    subjects = [mail["subject"] for mail in mails_to(NEWCASTLE_STEWARD)]
    assert f"Please check in after {title}" in subjects, subjects
    sign_out(driver)

    for email, hub, answer, note in (
        (NEWCASTLE_STEWARD, "newcastle", "No change", "Quiet so far."),
        (STOCKWELL_STEWARD, "stockwell", "2: Watchful", "Some talk at the market."),
    ):
        sign_in(driver, email, DEMO_PASSWORD)
        task = driver.find_element(By.CSS_SELECTOR, f"main a[href='/hubs/{hub}/trigger-events/{event_id}']")
        click_and_wait(driver, task)
        assert heading(driver) == title
        assert "In the first 24 hours" in page_text(driver), "the playbook is on the page"
        choose(driver, answer)
        fill_in(driver, "A note for the national team (optional)", note)
        press(driver, "Send the check-in")
        assert "Your hub's check-in is sent to the national team" in page_text(driver)
        check_page(driver, f"trigger-check-in-{hub}")
        sign_out(driver)

    sign_in(driver, COORDINATOR_EMAIL, DEMO_PASSWORD)
    visit(driver, event_path)
    text = page_text(driver)
    assert f"2 of {hubs} hubs have checked in" in text, text[:600]
    assert "No change" in text and "Level 2" in text and "Some talk at the market." in text
    assert "Missing: no answer yet" in text
    assert "Missing: the hub has no steward to answer" in text, "Lincolnshire has no steward"
    check_page(driver, "trigger-returns")
    visit(driver, "/alliance")
    assert f"{title} – declared" in page_text(driver)
    assert f"2 of {hubs} hubs checked in, {hubs - 2} missing" in page_text(driver)


def test_the_national_view_and_the_public_briefing_show_only_levels_and_counts(driver):
    sign_in(driver, COORDINATOR_EMAIL, DEMO_PASSWORD)
    visit(driver, "/alliance")
    html = served_html(driver)
    assert DEMO_OBSERVATION_WORDS not in html
    assert "A demo note on the week" not in html, "the stewards' notes stay in the hub"
    row = [r for r in driver.find_elements(By.CSS_SELECTOR, "#tension ~ .table-wrap tbody tr")
           if r.find_element(By.TAG_NAME, "th").text.startswith("Newcastle")]
    assert row and "Level 4" in row[0].text, "Newcastle's level this week is shown as a number"
    weeks = driver.find_elements(By.CSS_SELECTOR, "#tension + p + .table-wrap tbody tr")
    assert "When the week ends" in weeks[0].text, "this week cannot be published until it ends"
    unpublished = [row for row in weeks
                   if any(b.text.startswith("Publish") for b in row.find_elements(By.TAG_NAME, "button"))]
    assert unpublished, "some ended week is not published yet"
    week_label = unpublished[0].find_element(By.TAG_NAME, "th").text
    click_and_wait(driver, unpublished[0].find_element(By.TAG_NAME, "button"))
    assert "now in the public briefing" in page_text(driver)
    sign_out(driver)

    visit(driver, "/alliance/public")
    assert heading(driver) == "The alliance in figures"
    text = page_text(driver)
    assert week_label in text, f"{week_label} is published"
    assert DEMO_OBSERVATION_WORDS not in served_html(driver)
    tension = driver.find_elements(By.XPATH, "//h2[text()='Tension across the hubs']/following-sibling::div[1]")
    assert tension and "Newcastle" not in tension[0].text, "no hub is named beside a level"
    check_page(driver, "alliance-public")
    answer = requests.get(url("/alliance/public.csv"), timeout=30)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(answer.text)))
    assert rows[0] == ["section", "figure", "value", "base", "period"]
    assert all(len(row) == 5 and row[3] and row[4] for row in rows[1:]), "every figure carries its base and date"
    assert any(row[0] == "Tension across the hubs" and row[4] == week_label for row in rows)
    assert DEMO_OBSERVATION_WORDS not in answer.text


def test_another_hubs_steward_and_the_national_team_are_refused_a_hubs_tension_watch():
    for email in (STOCKWELL_STEWARD, COORDINATOR_EMAIL):
        session = http_sign_in(email, DEMO_PASSWORD)
        answer = session.get(url("/hubs/newcastle/tension"), timeout=30)
        assert answer.status_code == 403, f"{email}: {answer.status_code}"
        assert DEMO_OBSERVATION_WORDS not in answer.text
