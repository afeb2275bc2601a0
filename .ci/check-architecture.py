#!/usr/bin/env python3
"""Fails when the code's layers point the wrong way (see ARCHITECTURE.md):

- Core names a type, or an address, that a feature declares;
- a feature names a type the JSON API declares;
- a view takes a `Request` (a function returning HTML or a Plot node with a Request parameter,
  or any mention of Request in a views file).

Run from the repository's root: `python3 .ci/check-architecture.py`. Prints each breach with its
file and line, and exits 1 when there is one.
"""

import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
APP = ROOT / "Sources" / "App"
CORE = APP / "Core"
FEATURES = APP / "Features"
API = APP / "API"

# Top-level declarations only: a nested `Model` or `Value` is reached through its parent's name.
DECLARATION = re.compile(
    r"^(?:(?:public|private|fileprivate|internal|final|indirect)\s+)*"
    r"(?:struct|enum|class|protocol|actor|typealias)\s+([A-Z]\w*)",
    re.M,
)
ADDRESS = re.compile(r"^\s+static let (\w+)\s*=\s*SiteURL", re.M)


def swift_files(folder):
    return sorted(folder.rglob("*.swift"))


def code_only(text):
    """The text with comments and string literals blanked, line breaks kept, so names in
    prose or in user-facing sentences do not count."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j == -1 else j
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j == -1 else j + 2
            out.append("\n" * text.count("\n", i, j))
            i = j
        elif text.startswith('"""', i):
            j = text.find('"""', i + 3)
            j = n if j == -1 else j + 3
            out.append('""' + "\n" * text.count("\n", i, j))
            i = j
        elif text[i] == '"':
            j = i + 1
            depth = 0
            while j < n and text[j] != "\n":
                if text.startswith("\\(", j):
                    depth += 1
                    j += 2
                    continue
                if depth and text[j] == ")":
                    depth -= 1
                elif not depth and text[j] == "\\":
                    j += 2
                    continue
                elif not depth and text[j] == '"':
                    break
                j += 1
            out.append('""')
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def declared_types(folder):
    names = {}
    for path in swift_files(folder):
        for name in DECLARATION.findall(code_only(path.read_text())):
            names.setdefault(name, path)
    return names


def uses(path, names):
    """(line, name) for each of `names` used in `path`'s code."""
    found = []
    for number, line in enumerate(code_only(path.read_text()).split("\n"), start=1):
        for word in set(re.findall(r"\b[A-Z]\w*\b", line)) & names:
            found.append((number, word))
    return found


def main():
    problems = []

    feature_types = set(declared_types(FEATURES))
    core_types = set(declared_types(CORE))
    # A name declared in both places (a nested `Model`, say) is Core's to use.
    feature_only = feature_types - core_types
    for path in swift_files(CORE):
        for number, name in uses(path, feature_only):
            problems.append(f"{path.relative_to(ROOT)}:{number}: Core uses the feature type {name}")

    feature_addresses = set()
    for path in swift_files(FEATURES):
        feature_addresses.update(ADDRESS.findall(path.read_text()))
    for path in swift_files(CORE):
        for number, line in enumerate(code_only(path.read_text()).split("\n"), start=1):
            for name in re.findall(r"SiteURL\.(\w+)", line):
                if name in feature_addresses:
                    problems.append(
                        f"{path.relative_to(ROOT)}:{number}: Core links to the feature address SiteURL.{name}"
                    )

    api_types = set(declared_types(API)) - core_types - feature_types
    for path in swift_files(FEATURES):
        for number, name in uses(path, api_types):
            problems.append(f"{path.relative_to(ROOT)}:{number}: a feature uses the API type {name}")

    view_signature = re.compile(r"func\s+\w+\s*(?:<[^>]*>)?\(([^)]*)\)[^{]*?->\s*(?:HTML|Node<)", re.S)
    for path in swift_files(APP):
        code = code_only(path.read_text())
        for match in view_signature.finditer(code):
            if re.search(r"\bRequest\b", match.group(1)):
                number = code.count("\n", 0, match.start()) + 1
                problems.append(f"{path.relative_to(ROOT)}:{number}: a view function takes a Request")
        is_view_file = path.name.endswith(("Views.swift", "View.swift", "Page.swift")) or "Views" in path.parts
        if is_view_file and path.is_relative_to(FEATURES):
            for number, line in enumerate(code.split("\n"), start=1):
                if re.search(r"\bRequest\b", line):
                    problems.append(f"{path.relative_to(ROOT)}:{number}: a views file mentions Request")
    layout = code_only((CORE / "Layout.swift").read_text())
    if re.search(r"\bRequest\b", layout):
        problems.append("Sources/App/Core/Layout.swift: the layout takes a Request")

    for problem in problems:
        print(problem)
    if problems:
        print(f"\n{len(problems)} breach(es) of the layers; ARCHITECTURE.md says which way they point.")
        return 1
    print("Layers point one way: Core knows no feature, features know no API, views take no Request.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
