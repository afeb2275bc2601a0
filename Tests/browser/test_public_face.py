"""The journeys of issue 14, in a real browser on desktop and phone sizes, each page through the
full page check: a visitor's first minute (home, a story, a hub), the navigation on a phone and by
keyboard, the coordinator adding a hub and reading the national picture, and a weekly digest sent
and stopped from its own link."""

from __future__ import annotations

import os
import re
import subprocess
import urllib.parse

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from helpers import (
    COORDINATOR_EMAIL,
    DEMO_PASSWORD,
    MEMBER_EMAIL,
    _set_viewport,
    button_by_text,
    check_page,
    click_and_wait,
    fill_in,
    heading,
    link_in_mail,
    mails_to,
    new_confirmed_account,
    page_text,
    path_of,
    press,
    sign_in,
    url,
    visit,
)

BIN = os.environ.get("BRIDGEWORK_BIN")
DATA_DIR = os.environ.get("BRIDGEWORK_SERVER_DATA_DIR")


def test_a_visitors_first_minute_home_then_a_story_then_a_hub(driver):
    visit(driver, "/")
    assert heading(driver) == "Good relations between communities, built locally"
    text = page_text(driver)
    for part in ("hubs run by local stewards", "organisations listed in the directory", "Latest stories",
                 "Coming up", "Where the hubs are", "Get involved"):
        assert part in text, f"the front page lacks {part!r}"
    assert driver.find_elements(By.CSS_SELECTOR, "main svg.coverage-map"), "the front page has no map of the hubs"
    check_page(driver, "journey-visitor-home")
    story = driver.find_elements(By.CSS_SELECTOR, "main .result-list .result__title a")[0]
    title = story.text
    click_and_wait(driver, story)
    assert heading(driver) == title
    assert "Share this story" in page_text(driver)
    shares = {a.text.split("\n")[0].split(" (")[0] for a in driver.find_elements(By.CSS_SELECTOR, ".share__list a")}
    assert {"Email", "Facebook", "LinkedIn"} <= shares, shares
    scripts = [s.get_attribute("src") for s in driver.find_elements(By.CSS_SELECTOR, "script[src]")]
    assert all(urllib.parse.urlsplit(src).netloc == urllib.parse.urlsplit(url("/")).netloc for src in scripts), scripts
    check_page(driver, "journey-visitor-story")
    hub_link = [a for a in driver.find_elements(By.CSS_SELECTOR, "main a[href^='/hubs/']")][0]
    click_and_wait(driver, hub_link)
    assert path_of(driver).startswith("/hubs/")
    text = page_text(driver)
    assert "Coming up" in text and "Stories" in text
    check_page(driver, "journey-visitor-hub")


@pytest.mark.parametrize("who", ["visitor", "coordinator"])
def test_the_navigation_fits_two_lines_on_a_phone_and_opens_by_keyboard(driver, who):
    if who == "coordinator":
        sign_in(driver, COORDINATOR_EMAIL, DEMO_PASSWORD)
    _set_viewport(driver, 390, 844, mobile=True)
    try:
        visit(driver, "/stories")
        entries = driver.find_elements(By.CSS_SELECTOR, ".site-nav > li")
        assert len(entries) <= 6, f"{len(entries)} entries in the top bar for the {who}"
        tops = sorted({round(e.location["y"]) for e in entries})
        assert len(tops) <= 2, f"the {who}'s navigation wraps onto {len(tops)} lines at 390 px"
        toggle = driver.find_element(By.CSS_SELECTOR, ".site-nav__toggle")
        assert toggle.text.startswith("Practice")
        menu_links = driver.find_elements(By.CSS_SELECTOR, ".site-nav__group details .site-nav__menu a")
        assert not any(a.is_displayed() for a in menu_links), "a group's links show before it is opened"
        driver.execute_script("arguments[0].focus()", toggle)
        toggle.send_keys(Keys.ENTER)
        shown = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".site-nav__menu a") if a.is_displayed()]
        assert shown == ["Practice bank", "Narratives", "Library"], shown
        driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        assert not any(a.is_displayed() for a in menu_links), "Escape does not close the open group"
        box = driver.find_element(By.ID, "site-search-q")
        assert box.is_displayed(), "the one search box is on the phone's first screen"
    finally:
        _set_viewport(driver, 1280, 900, mobile=False)


def test_the_directorys_filters_fold_on_a_phone_so_the_first_result_is_on_the_first_screen(driver):
    _set_viewport(driver, 390, 844, mobile=True)
    try:
        visit(driver, "/organisations?q=mediation&hub=bristol-and-south-west")
        toggle = driver.find_element(By.CSS_SELECTOR, ".filters__toggle")
        assert toggle.is_displayed() and toggle.text == "Filter (1 chosen)"
        assert not driver.find_element(By.ID, "hub").is_displayed(), "the filters are open on a phone"
        first = driver.find_element(By.CSS_SELECTOR, "main .result__title a")
        assert first.text == "Community Resolve", "mediation in Bristol finds the organisation tagged with it"
        assert first.location["y"] + first.size["height"] <= 844, "the first result is below the first screen"
        toggle.click()
        assert driver.find_element(By.ID, "hub").is_displayed(), "the Filter control does not open the filters"
        check_page(driver, "journey-directory-phone")
    finally:
        _set_viewport(driver, 1280, 900, mobile=False)
    visit(driver, "/organisations?q=mediation")
    assert driver.find_element(By.ID, "hub").is_displayed(), "on a desktop the filters stay open"


def _an_unserved_area(region: str) -> str:
    html = requests.get(url("/hubs"), timeout=60).text
    found = re.search(r'<h3 class="unreached__region">' + re.escape(region) + r' \(\d+\)</h3><p class="unreached__areas">([^<]+)</p>', html)
    assert found, f"/hubs lists no council area of {region} that no hub reaches"
    return found.group(1).split(", ")[0].replace("&amp;", "&").replace("&#39;", "'")


def test_the_coordinator_adds_a_hub_and_finds_it_in_the_national_picture(driver):
    area = _an_unserved_area("North East")
    steward_email, _ = new_confirmed_account(name="Robin Steward")
    sign_in(driver, COORDINATOR_EMAIL, DEMO_PASSWORD)
    toggle = [t for t in driver.find_elements(By.CSS_SELECTOR, ".site-nav__toggle") if t.text == "Manage"]
    assert toggle, "the coordinator has no Manage group in the navigation"
    toggle[0].click()
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Add a hub"))
    assert heading(driver) == "Add a hub"
    check_page(driver, "journey-hub-new")
    press(driver, "Add the hub")
    assert "There is a problem" in page_text(driver)
    assert "Enter the hub's name" in page_text(driver)
    check_page(driver, "journey-hub-new-errors")
    name = "Tees and Wear " + os.urandom(2).hex()
    fill_in(driver, "Name", name)
    driver.find_element(By.ID, "region").send_keys("North East")
    fill_in(driver, "Summary", "Neighbours either side of the river, brought together by local groups.")
    summary = [s for s in driver.find_elements(By.CSS_SELECTOR, "#areas summary") if s.text.startswith("North East")][0]
    summary.click()
    box = [label for label in driver.find_elements(By.CSS_SELECTOR, "#areas label") if label.text == area][0]
    box.click()
    fill_in(driver, "Stewards (optional)", steward_email)
    press(driver, "Add the hub")
    assert heading(driver) == name, page_text(driver)
    assert "The hub has been added." in page_text(driver)
    assert area in page_text(driver)
    assert "Robin Steward" in page_text(driver)
    check_page(driver, "journey-hub-created")
    assert link_in_mail(steward_email, "/requests"), "the new steward was not told"
    visit(driver, "/home")
    rows = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "table tbody tr th")]
    assert name in rows, f"the new hub is not in the national picture: {rows}"
    check_page(driver, "journey-coordinator-home")


@pytest.mark.skipif(not BIN or not DATA_DIR, reason="needs the server's binary and data dir (.ci/run sets them)")
def test_a_weekly_digest_is_sent_once_and_stopped_from_its_own_link(driver):
    env = dict(os.environ, BRIDGEWORK_DATA_DIR=DATA_DIR)
    env.pop("DATABASE_URL", None)
    run = subprocess.run([BIN, "send-digests"], capture_output=True, text=True, timeout=180, env=env)
    assert run.returncode == 0, run.stdout + run.stderr
    assert re.search(r"Sent \d+ digests?", run.stdout), run.stdout
    digests = [m for m in mails_to(MEMBER_EMAIL) if m["subject"] == "This week in your hubs"]
    assert len(digests) == 1, f"{len(digests)} digests to the demo member"
    assert "List-Unsubscribe=One-Click" == digests[0]["headers"].get("list-unsubscribe-post")
    assert "/digest/unsubscribe?" in digests[0]["headers"].get("list-unsubscribe", "")
    assert "COMING UP" in digests[0]["body"]
    again = subprocess.run([BIN, "send-digests"], capture_output=True, text=True, timeout=180, env=env)
    assert again.returncode == 0 and "Sent 0 digests" in again.stdout, again.stdout + again.stderr
    assert len([m for m in mails_to(MEMBER_EMAIL) if m["subject"] == "This week in your hubs"]) == 1

    driver.get(link_in_mail(MEMBER_EMAIL, "/digest/unsubscribe"))
    assert heading(driver) == "Stop the weekly email"
    check_page(driver, "journey-digest-unsubscribe")
    press(driver, "Stop the weekly email")
    assert heading(driver) == "The weekly email is stopped"
    check_page(driver, "journey-digest-stopped")
    sign_in(driver, MEMBER_EMAIL, DEMO_PASSWORD)
    assert driver.find_element(By.CSS_SELECTOR, "input[name=digest][value=off]").is_selected()
    button_by_text(driver, "Save")
