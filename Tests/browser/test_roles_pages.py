"""Every page as every role: a visitor, a person who has just signed up (registered, not yet
approved), and each demo account open the pages they can reach, and each page passes the full
page check (axe, HTML validity, layout, phone width, screenshots) under the name ROLE-PAGE.

The Nu HTML Checker runs once for each role over all of its pages (`html_checks_batched`), so
the whole file stays within a few minutes. Every problem on every page is collected and
reported together, rather than stopping at the first page that fails.
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from helpers import (
    COORDINATOR_EMAIL,
    DEMO_PASSWORD,
    MEMBER_EMAIL,
    check_page,
    header,
    heading,
    html_checks_batched,
    last_status,
    new_confirmed_account,
    path_of,
    sign_in,
    visit,
)

STEWARD_EMAIL = "steward@demo.bridgework.org.uk"
ORGADMIN_EMAIL = "orgadmin@demo.bridgework.org.uk"

# Pages anyone can open: (name, path).
PUBLIC = [
    ("home", "/"),
    ("hubs", "/hubs"),
    ("hub", "/hubs/newcastle"),
    ("organisations", "/organisations"),
    ("organisation", "/organisations/aik-saath"),
    ("events", "/events"),
    ("event", "/events/an-evening-with-the-peer-trainers"),
    ("stories", "/stories"),
    ("story", "/stories/a-name-and-a-cup-of-tea"),
    ("practice", "/practice"),
    ("narratives", "/narratives"),
    ("narrative", "/narratives/who-belongs-here"),
    ("library", "/library"),
    ("impact", "/impact"),
    ("impact-projects", "/impact/projects"),
    ("about", "/about"),
    ("privacy", "/privacy"),
    ("accessibility", "/accessibility"),
    ("open-data", "/open-data"),
    ("press", "/press"),
    ("search", "/search?q=mediation"),
    ("alliance-public", "/alliance/public"),
]
# Pages for anyone signed in.
SIGNED_IN = [
    ("your-home", "/home"),
    ("account", "/account"),
    ("account-profile", "/account/profile"),
    ("account-delete", "/account/delete"),
]
# Pages for approved members (people a hub approved, and coordinators).
MEMBERS = [
    ("people", "/people"),
    ("peer-support", "/peer-support"),
    ("members-event", "/events/mediation-skills-morning"),
]
# What a registered person who is not yet approved sees instead: a page saying why.
NOT_YET_APPROVED = [
    ("people-403", "/people", 403),
    ("peer-support-403", "/peer-support", 403),
]

ROLES = {
    # role: (email or None, approved member?, extra pages)
    "visitor": (None, False, []),
    "registered": ("new", False, []),
    "member": (MEMBER_EMAIL, True, [("tension", "/hubs/bristol-and-south-west/tension")]),
    "steward": (STEWARD_EMAIL, True, [("hub-requests", "/hubs/newcastle/requests"),
                                      ("tension", "/hubs/newcastle/tension"),
                                      ("tension-year", "/hubs/newcastle/tension?weeks=52"),
                                      ("tension-new", "/hubs/newcastle/tension/new"),
                                      ("tension-settings", "/hubs/newcastle/tension/settings")]),
    "orgadmin": (ORGADMIN_EMAIL, True, [("organisation-members", "/organisations/aik-saath/members")]),
    "coordinator": (COORDINATOR_EMAIL, True, [("admin-people", "/admin/people"), ("admin-outbox", "/admin/outbox"),
                                              ("hub-new", "/hubs/new"), ("hub-edit", "/hubs/newcastle/edit"),
                                              ("alliance", "/alliance"),
                                              ("trigger-new", "/alliance/trigger-events/new")]),
}


def pages_for(role: str) -> list[tuple[str, str, int]]:
    """(name, path, expected status) of every page this role is checked on."""
    email, approved, extra = ROLES[role]
    pages = [(name, path, 200) for name, path in PUBLIC]
    if email:
        pages += [(name, path, 200) for name, path in SIGNED_IN]
    if approved:
        pages += [(name, path, 200) for name, path in MEMBERS]
    elif email:
        pages += NOT_YET_APPROVED
    pages += [(name, path, 200) for name, path in extra]
    return pages


@pytest.fixture(scope="module")
def registered_account():
    """One brand-new confirmed account for the module: registered, not yet approved."""
    return new_confirmed_account(name="Robin Newly-Registered")


def nav_links(driver) -> set[str]:
    return {(a.get_attribute('textContent') or '').strip() for a in driver.find_elements(By.CSS_SELECTOR, 'nav[aria-label="Main"] a')}


@pytest.mark.parametrize("role", list(ROLES))
def test_every_page_a_role_can_open_passes_the_page_check(driver, role, registered_account):
    email, approved, _ = ROLES[role]
    if email == "new":
        email, password = registered_account
    else:
        password = DEMO_PASSWORD
    if email:
        sign_in(driver, email, password)
        assert path_of(driver) == "/home", f"{role} ({email}) could not sign in: at {driver.current_url}"
        assert "Signed in as" in header(driver).text

    problems: list[str] = []
    pages = pages_for(role)
    try:
        with html_checks_batched():
            for name, path, expected in pages:
                visit(driver, path)
                status = last_status(driver)
                if status != expected:
                    problems.append(f"{role}: {path} answered HTTP {status}, not {expected} (heading {heading(driver)!r})")
                    continue
                if expected == 403:
                    if heading(driver) != "This is for approved members":
                        problems.append(f"{role}: {path} is refused under the heading {heading(driver)!r}, "
                                        f"not 'This is for approved members'")
                if name == "home":
                    links = nav_links(driver)
                    for member_link in ("Practitioners", "Peer support"):
                        if approved and member_link not in links:
                            problems.append(f"{role}: the main navigation has no {member_link!r} link for an approved member")
                        if not approved and member_link in links:
                            problems.append(f"{role}: the main navigation shows {member_link!r} to someone not approved")
                try:
                    check_page(driver, f"{role}-{name}")
                except pytest.fail.Exception as failure:
                    problems.append(str(failure))
    except pytest.fail.Exception as failure:
        problems.append(str(failure))

    if problems:
        pytest.fail(f"{len(problems)} problem(s) across {len(pages)} pages as {role}:\n" + "\n".join(problems), pytrace=False)
