"""A person's rights over their own account, in the browser: they sign up and confirm through
their mailbox, make an API token (shown once) and revoke it, download everything held about
them as a zip that explains itself, and delete their account, after which they are signed out
and cannot sign in again."""

from __future__ import annotations

import io
import json
import re
import zipfile

import requests
from selenium.webdriver.common.by import By

from helpers import (
    check_page,
    click_and_wait,
    fill_in,
    header,
    heading,
    last_status,
    link_by_text,
    link_in_mail,
    new_visitor,
    page_text,
    path_of,
    press,
    session_of,
    sign_in,
    unique_email,
    url,
    visit,
)

DATA_FILES = [
    "README.txt", "account.json", "profile.json", "hubs.json", "organisations.json", "stories.json",
    "events.json", "peer-support.json", "skills.json", "saved-case-studies.json", "narrative-sightings.json",
    "local-indicators.json", "sign-ins.json", "emails.json", "activity-log.json",
]


def api_me(token: str) -> int:
    """The status the API answers to this bearer token."""
    return requests.get(url("/api/v1/me"), headers={"Authorization": f"Bearer {token}"}, timeout=30).status_code


def make_token(driver, name: str, days: str) -> str:
    """On /account, make an API token and return it as the page shows it (once)."""
    visit(driver, "/account")
    fill_in(driver, "Name", name)
    fill_in(driver, "Days until it expires", days)
    press(driver, "Make token")
    assert last_status(driver) == 200, f"making a token answered HTTP {last_status(driver)}"
    assert "Your new token. Copy it now: it will not be shown again." in page_text(driver)
    shown = driver.find_elements(By.CSS_SELECTOR, "pre.token code")
    assert shown, "the new token is not shown on the page"
    token = shown[0].text.strip()
    assert len(token) >= 20, f"the token shown ({token!r}) is too short to be unguessable"
    return token


def token_rows(driver) -> dict:
    """The rows of the table captioned "Your API tokens", by the token's name (its first cell)."""
    rows = {}
    for table in driver.find_elements(By.TAG_NAME, "table"):
        captions = table.find_elements(By.TAG_NAME, "caption")
        if captions and captions[0].get_attribute("textContent").strip() == "Your API tokens":
            for row in table.find_elements(By.CSS_SELECTOR, "tbody tr"):
                cells = row.find_elements(By.CSS_SELECTOR, "th, td")
                rows[cells[0].text.strip()] = row
    return rows


def test_a_person_makes_and_revokes_a_token_downloads_their_data_and_deletes_their_account(driver):
    email = unique_email()
    name = "Noor Rights-Test"
    password = "a-long-rights-password"

    # Sign up and confirm through the link in their own mailbox.
    visit(driver, "/signup")
    fill_in(driver, "Full name", name)
    fill_in(driver, "Email address", email)
    fill_in(driver, "Password", password)
    press(driver, "Create account")
    assert heading(driver) == "Check your email"
    driver.get(link_in_mail(email, "/email/confirm?token="))
    assert heading(driver) == "Confirm your email address"
    press(driver, "Confirm email address")
    sign_in(driver, email, password)
    assert path_of(driver) == "/home", f"signing in led to {driver.current_url}, not /home"
    visit(driver, "/account")
    text = page_text(driver)
    assert "Your membership is waiting for approval" in text, "a new account is not told its membership waits for approval"
    assert "API tokens" in text and "You have no API tokens." in text
    link_by_text(driver, "Download my data")
    link_by_text(driver, "Delete my account")
    check_page(driver, "rights-account")

    # A token with a mistake first: the number of days is explained in the page.
    visit(driver, "/account")
    fill_in(driver, "Name", "Too long")
    fill_in(driver, "Days until it expires", "400")
    press(driver, "Make token")
    assert last_status(driver) == 422, f"a token for 400 days answered HTTP {last_status(driver)}, not 422"
    assert "There is a problem" in page_text(driver)
    assert "from 1 to 365" in page_text(driver)
    check_page(driver, "rights-token-error")

    # Two tokens: each is shown once and works with the API.
    sync = make_token(driver, "Calendar feed", "30")
    check_page(driver, "rights-token-made")
    backup = make_token(driver, "Backup script", "7")
    assert sync != backup, "two tokens came out the same"
    assert api_me(sync) == 200 and api_me(backup) == 200, "a new token does not work with the API"

    # Shown once: the account page no longer has it.
    visit(driver, "/account")
    html = driver.page_source
    assert sync not in html and backup not in html, "a token is shown again after it was made"
    rows = token_rows(driver)
    assert set(rows) == {"Calendar feed", "Backup script"}, f"the API tokens table lists {sorted(rows)}"
    for token_name, row in rows.items():
        assert row.find_elements(By.XPATH, ".//button[starts-with(normalize-space(.), 'Revoke')]"), \
            f"the token {token_name!r} has no Revoke button"

    # Revoke one: it stops working; the other still works.
    click_and_wait(driver, rows["Calendar feed"].find_element(By.XPATH, ".//button[starts-with(normalize-space(.), 'Revoke')]"))
    assert set(token_rows(driver)) == {"Backup script"}, f"after revoking, the table lists {sorted(token_rows(driver))}"
    check_page(driver, "rights-token-revoked")
    assert api_me(sync) == 401, f"a revoked token answered the API with {api_me(sync)}, not 401"
    assert api_me(backup) == 200, "revoking one token stopped another"

    # Download everything held about them, with the browser's own session.
    download = session_of(driver).get(url("/account/data.zip"), timeout=60)
    assert download.status_code == 200, f"/account/data.zip answered HTTP {download.status_code}"
    assert download.headers.get("Content-Type", "").startswith("application/zip")
    assert "attachment" in download.headers.get("Content-Disposition", "")
    assert "no-store" in download.headers.get("Cache-Control", ""), "the data download may be kept in a cache"
    archive = zipfile.ZipFile(io.BytesIO(download.content))
    names = archive.namelist()
    missing = [f for f in DATA_FILES if f not in names]
    assert not missing, f"the data download lacks {missing}; it has {names}"
    readme = archive.read("README.txt").decode("utf-8")
    unexplained = [f for f in names if f != "README.txt" and not f.startswith("photos/") and f"{f}:" not in readme]
    assert not unexplained, f"README.txt does not explain {unexplained}"
    if any(f.startswith("photos/") for f in names):
        assert "photos/" in readme, "README.txt does not explain the photos"
    account = json.loads(archive.read("account.json"))
    assert account.get("email") == email, f"account.json does not hold their email: {account}"
    assert account.get("name") == name
    for member in names:
        if member.endswith(".json"):
            json.loads(archive.read(member))  # every file is JSON
    everything = b"".join(archive.read(member) for member in names).decode("utf-8", "replace")
    assert sync not in everything and backup not in everything, "the data download holds a token's secret value"
    assert "password_hash" not in everything and "$2b$" not in everything and "$2y$" not in everything, \
        "the data download holds the password hash"
    assert "Backup script" in archive.read("sign-ins.json").decode("utf-8"), "sign-ins.json does not list the token"
    # Anonymous visitors get no data.
    refused = requests.get(url("/account/data.zip"), allow_redirects=False, timeout=30)
    assert refused.status_code in (302, 303, 401, 403), f"a visitor's /account/data.zip answered {refused.status_code}"

    # Delete: a page explains what happens; a wrong password is refused and keeps them there.
    visit(driver, "/account")
    click_and_wait(driver, link_by_text(driver, "Delete my account"))
    assert path_of(driver) == "/account/delete"
    assert heading(driver) == "Delete your account"
    assert "What happens" in page_text(driver)
    check_page(driver, "rights-account-delete")
    fill_in(driver, "Your password", "not the right password")
    press(driver, "Delete my account")
    assert last_status(driver) == 422, f"a wrong password answered HTTP {last_status(driver)}, not 422"
    assert path_of(driver) == "/account/delete"
    summaries = driver.find_elements(By.CSS_SELECTOR, 'div.error-summary[role="alert"]')
    assert summaries, 'a wrong password shows no error summary (<div class="error-summary" role="alert">)'
    assert "There is a problem" in summaries[0].text
    assert re.search(r"password", summaries[0].text, re.I), f"the error does not mention the password: {summaries[0].text!r}"
    assert "Signed in as" in header(driver).text, "a wrong password signed the person out"
    check_page(driver, "rights-account-delete-wrong-password")

    fill_in(driver, "Your password", password)
    press(driver, "Delete my account")
    assert path_of(driver) == "/", f"deleting the account led to {driver.current_url}, not the home page"
    assert "Your account has been deleted" in page_text(driver)
    assert "Signed in as" not in header(driver).text, "after deleting their account the person is still signed in"
    check_page(driver, "rights-account-deleted")
    assert api_me(backup) == 401, "a token still works after its account was deleted"

    # They cannot sign in again, and their old session is gone.
    visit(driver, "/account")
    assert path_of(driver) == "/signin", f"/account after deletion led to {driver.current_url}, not the sign-in page"
    new_visitor(driver)
    sign_in(driver, email, password)
    assert last_status(driver) == 422, f"signing in to a deleted account answered HTTP {last_status(driver)}, not 422"
    assert "Enter a correct email address and password" in page_text(driver)
    assert "Signed in as" not in header(driver).text
    check_page(driver, "rights-signin-after-deletion")
