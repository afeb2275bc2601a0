#!/usr/bin/env python3
"""Writes the directory searches a population of people would make, one path a line.

Words people type (whole words, first letters of words, two words together), the filters they
tick (hub, method, theme, sector, area), alone and combined, and the later pages they open, drawn
with a fixed seed so every run measures the same mix. Used by directory.sh's many-URL mode.

Usage: directory_urls.py [COUNT] [SEED]   (default 4000 paths, seed 1)
"""
import json
import random
import sys
import urllib.parse
from pathlib import Path

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 1
ROOT = Path(__file__).resolve().parent.parent

# The words the synthetic directory is made of (Sources/App/Commands/GenerateCommand.swift) and
# words people look for that it does not hold, so some searches find nothing.
PLACES = ["Riverside", "Northgate", "Eastfield", "Hillside", "Millbrook", "Harbourside", "Westmoor",
          "Oakwood", "Brookside", "Castlegate", "Marketfield", "Southbank"]
IDEAS = ["common ground", "bridges", "open doors", "shared table", "neighbours", "kindred",
         "crossroads", "welcome", "many voices", "good company"]
KINDS = ["project", "network", "trust", "forum", "partnership", "collective", "association", "circle"]
ACTIVITIES = ["listening circles", "shared meals", "youth football", "street parties", "mediation",
              "language cafes", "interfaith walks", "oral history", "community gardening",
              "arts workshops"]
MISSES = ["cricket", "chess", "allotment", "choir", "refugee", "debate", "mentoring", "library"]


def vocabulary_codes():
    """Term codes per vocabulary, read from the app's own vocabulary file."""
    import re
    source = (ROOT / "Sources/App/Features/Directory/Vocabulary.swift").read_text()
    body = source[source.index("var terms:"):]
    codes = {}
    for name in ("sector", "kindOfWork", "theme", "method"):
        start = body.index(f"case .{name}:")
        end = body.find("case .", start + 1)
        codes[name] = re.findall(r'\("([a-z-]+)", "', body[start:end if end > 0 else len(body)])
    return codes


def area_codes():
    """England's council areas (codes starting E), as the area filter offers them."""
    lines = (ROOT / "Sources/App/Resources/uk-local-authorities.csv").read_text().splitlines()[1:]
    return [line.split(",")[0] for line in lines if line.startswith("E")]


def words(rng):
    kind = rng.random()
    if kind < 0.35:
        return rng.choice(PLACES).lower()
    if kind < 0.55:
        word = rng.choice(ACTIVITIES + IDEAS).split()[0]
        return word[: rng.randint(3, len(word))]  # a prefix, as typed so far
    if kind < 0.75:
        return rng.choice(ACTIVITIES + IDEAS)
    if kind < 0.85:
        return f"{rng.choice(PLACES).lower()} {rng.choice(KINDS)}"
    if kind < 0.92:
        return rng.choice(MISSES)
    return rng.choice(KINDS)


def main():
    rng = random.Random(SEED)
    codes = vocabulary_codes()
    parameter_of = {"sector": "sector", "kindOfWork": "work", "theme": "theme", "method": "method"}
    areas = area_codes()
    hubs = [f"synthetic-hub-{n}" for n in range(1, 12)]
    paths = set()
    while len(paths) < COUNT:
        query = {}
        if rng.random() < 0.7:
            query["q"] = words(rng)
        for vocabulary, parameter in parameter_of.items():
            if codes.get(vocabulary) and rng.random() < 0.15:
                query[parameter] = rng.choice(codes[vocabulary])
        if rng.random() < 0.15:
            query["hub"] = rng.choice(hubs)
        if areas and rng.random() < 0.08:
            query["area"] = rng.choice(areas)
        if rng.random() < 0.25:
            query["page"] = str(rng.choice([2, 2, 2, 3, 3, 4, 5, 8]))
        paths.add("/organisations" + ("?" + urllib.parse.urlencode(query) if query else ""))
    for path in sorted(paths, key=lambda _: rng.random()):
        print(path)


if __name__ == "__main__":
    main()
