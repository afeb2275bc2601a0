#!/usr/bin/env python3
"""Measures every public page and API list against /healthz in one run, with wrk.

Each kind of page is measured over every address of that kind the server has (every story,
every event, every page of each list), drawn in turn by many_paths.lua, so a run measures the
pages a population reads rather than one answer a cache remembers. Prints a table and appends it
to Benchmarks/RESULTS.md; exits 1 if any kind is below the target ratio (0.2 of /healthz).

Usage: Benchmarks/pages.py [URL]   (default http://127.0.0.1:8080; loopback only)
Environment: CONNECTIONS (16), DURATION (8s), THREADS (2), TARGET (0.2), ONLY (a kind's name, to
measure one), NOTE (what data the server holds, for RESULTS.md).
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
URL = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080").rstrip("/")
CONNECTIONS = os.environ.get("CONNECTIONS", "16")
DURATION = os.environ.get("DURATION", "8s")
THREADS = os.environ.get("THREADS", "2")
TARGET = float(os.environ.get("TARGET", "0.2"))

host = urllib.parse.urlparse(URL).hostname or ""
if not (host == "localhost" or host.startswith("127.")):
    sys.exit(f"pages.py: refusing to load-test {host!r}: loopback only")


def get(path):
    with urllib.request.urlopen(URL + path, timeout=30) as response:
        return response.read().decode("utf-8", "replace")


def api_items(path, key="slug"):
    """Every item of an API list, following its pages."""
    items, page = [], 1
    while True:
        document = json.loads(get(f"{path}{'&' if '?' in path else '?'}page={page}"))
        data = document.get("data", document if isinstance(document, list) else [])
        items += [item[key] for item in data if key in item]
        meta = document.get("meta", {})
        if page >= meta.get("pageCount", 1):
            return items
        page += 1


def pages_of(path, size_key="pageCount"):
    meta = json.loads(get(path)).get("meta", {})
    return [f"{path}{'&' if '?' in path else '?'}page={n}" for n in range(1, meta.get(size_key, 1) + 1)]


def links(path, pattern):
    return sorted(set(re.findall(pattern, get(path))))


def kinds():
    stories = api_items("/api/v1/stories")
    organisations = api_items("/api/v1/organisations")
    hubs = [h["slug"] for h in json.loads(get("/api/v1/hubs"))["data"]]
    case_studies = api_items("/api/v1/case-studies")
    narratives = api_items("/api/v1/narratives")
    resources = api_items("/api/v1/resources")
    hsds = json.loads(get("/api/hsds/organizations"))
    hsds_ids = [o["id"] for o in hsds.get("contents", hsds.get("data", []))]
    events = links("/events", r'href="(/events/[a-z0-9-]+)"')
    events = [e for e in events if e not in ("/events/new",)]
    list_pages = lambda path, per: [path] + [f"{path}?page={n}" for n in range(2, per + 1)]
    return {
        "home /": ["/"],
        "about, privacy, accessibility, press, open data": ["/about", "/privacy", "/accessibility", "/press", "/open-data"],
        "story list": list_pages("/stories", 2),
        "story page": [f"/stories/{s}" for s in stories],
        "stories feed (all, each hub's)": ["/stories/feed.atom"] + [f"/hubs/{h}/stories.atom" for h in hubs],
        "event list": ["/events"],
        "event page": events,
        "events.ics (all, each hub's)": ["/events.ics"] + [f"/hubs/{h}/events.ics" for h in hubs],
        "hub list /hubs": ["/hubs"],
        "hub page": [f"/hubs/{h}" for h in hubs],
        "organisation list": list_pages("/organisations", 2),
        "organisation page": [f"/organisations/{o}" for o in organisations],
        "search /search": ["/search?q=" + w for w in ["youth", "faith", "mediation", "newcastle", "sport", "dialogue"]],
        "practice bank": ["/practice"],
        "case study page": [f"/practice/{c}" for c in case_studies],
        "narratives": ["/narratives"] + [f"/narratives/{n}" for n in narratives],
        "library": ["/library"] + [f"/library/{r}" for r in resources],
        "sitemap.xml": ["/sitemap.xml"],
        "alliance public view": ["/alliance/public", "/alliance/public.csv"],
        "impact": ["/impact"],
        "API /api/v1/organisations": pages_of("/api/v1/organisations"),
        "API organisation": [f"/api/v1/organisations/{o}" for o in organisations],
        "API /api/v1/hubs": ["/api/v1/hubs"] + [f"/api/v1/hubs/{h}" for h in hubs],
        "API /api/v1/stories": pages_of("/api/v1/stories") + [f"/api/v1/stories/{s}" for s in stories],
        "API case studies, narratives, resources": ["/api/v1/case-studies", "/api/v1/narratives", "/api/v1/resources"],
        "API /api/hsds/organizations": ["/api/hsds/organizations"] + [f"/api/hsds/organizations/{i}" for i in hsds_ids],
        "API openapi.json": ["/api/v1/openapi.json"],
    }


def wrk(paths):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(paths) + "\n")
        name = handle.name
    env = dict(os.environ, PATHS_FILE=name)
    base = [ "wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", "--latency", "-s", str(HERE / "many_paths.lua"), URL]
    subprocess.run(base[:3] + ["-d2s"] + base[3:], env=env, capture_output=True, timeout=120)
    output = subprocess.run(base[:3] + [f"-d{DURATION}"] + base[3:], env=env, capture_output=True, text=True,
                            timeout=600).stdout
    os.unlink(name)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = re.search(r"\s50%\s+(\S+)", output).group(1)
    p99 = re.search(r"\s99%\s+(\S+)", output).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rps, p50, p99, int(errors.group(1)) if errors else 0, output


def main():
    if get("/healthz") != "ok":
        sys.exit(f"pages.py: no server answering at {URL}/healthz")
    measured = kinds()
    only = os.environ.get("ONLY")
    if only:
        measured = {k: v for k, v in measured.items() if only in k}
    for name, paths in measured.items():
        for path in paths:  # every address must answer 200 before it is measured
            with urllib.request.urlopen(URL + path, timeout=30) as response:
                if response.status != 200:
                    sys.exit(f"pages.py: {path} answered {response.status}")
    # The ceiling is measured before and after the pages, and the higher of the two is used: on a
    # shared machine one /healthz run can come out low, which would flatter every ratio.
    first, p50, p99, _, _ = wrk(["/healthz"])
    results = []
    for name, paths in measured.items():
        rps, page_p50, page_p99, errors, _ = wrk(paths)
        results.append((name, len(paths), rps, page_p50, page_p99, errors))
        print(f"{name:<48} {len(paths):>4} addresses {rps:>9.1f} req/s p99 {page_p99}", flush=True)
    last, last_p50, last_p99, _, _ = wrk(["/healthz"])
    if last > first:
        p50, p99 = last_p50, last_p99
    ceiling = max(first, last)
    print(f"/healthz {first:.1f} before, {last:.1f} after; ceiling {ceiling:.1f}", flush=True)
    rows = [("/healthz", 1, ceiling, 1.0, p50, p99, 0)]
    below = []
    for name, count, rps, page_p50, page_p99, errors in results:
        ratio = rps / ceiling
        rows.append((name, count, rps, ratio, page_p50, page_p99, errors))
        if ratio < TARGET or errors:
            below.append(name)
    commit = subprocess.run(["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    table = [
        "",
        f"## {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC — every public page and API list, {CONNECTIONS} connections",
        "",
        f"Server: `{URL}`, commit {commit}, data: {os.environ.get('NOTE', 'the demo')}. Each kind is measured over "
        f"all its addresses in turn (wrk -t{THREADS} -c{CONNECTIONS} -d{DURATION}); target ≥ {TARGET} of /healthz "
        f"(the higher of a run before the pages, {first:.0f} a second, and one after, {last:.0f}).",
        "",
        "| page | addresses | req/s | ratio to /healthz | p50 | p99 | non-2xx |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, count, rps, ratio, p50, p99, errors in rows:
        table.append(f"| {name} | {count} | {rps:.1f} | {ratio:.2f} | {p50} | {p99} | {errors} |")
    table.append("")
    table.append("Below the target: " + (", ".join(below) if below else "none") + ".")
    with open(HERE / "RESULTS.md", "a") as results:
        results.write("\n".join(table) + "\n")
    print("\n".join(table))
    sys.exit(1 if below else 0)


if __name__ == "__main__":
    main()
