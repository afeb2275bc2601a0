"""What the directory publishes for others, checked with real parsers: the HSDS 3.0 schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import requests

from helpers import url

# The compiled organization schema of Open Referral HSDS 3.0 (CC BY-SA 4.0; see schemas/HSDS-LICENSE).
SCHEMA = json.loads((Path(__file__).parent / "schemas" / "hsds-3.0-organization.json").read_text())


def validator():
    cls = jsonschema.validators.validator_for(SCHEMA, default=jsonschema.Draft202012Validator)
    return cls(SCHEMA, format_checker=cls.FORMAT_CHECKER)


def test_every_public_organisation_in_the_hsds_feed_validates_against_the_hsds_schema():
    response = requests.get(url("/api/hsds/organizations"), timeout=30)
    assert response.status_code == 200
    page = response.json()
    assert page["total_items"] >= 30, "the demo directory is published"
    assert page["contents"], "the first page has organisations"
    check = validator()
    problems = []
    for organization in page["contents"]:
        for error in check.iter_errors(organization):
            problems.append(f"{organization.get('name')}: {error.json_path}: {error.message}")
    assert not problems, "\n".join(problems)
    terms = [a["taxonomy_term"] for o in page["contents"] for a in o.get("attributes", [])]
    taxonomies = {term["taxonomy"] for term in terms}
    assert {"bridgework-kinds-of-work", "bridgework-themes", "bridgework-methods"} <= taxonomies


def test_one_organisation_by_id_validates_too():
    first = requests.get(url("/api/hsds/organizations"), timeout=30).json()["contents"][0]
    response = requests.get(url(f"/api/hsds/organizations/{first['id']}"), timeout=30)
    assert response.status_code == 200
    assert list(validator().iter_errors(response.json())) == []
    assert response.json() == first


def test_the_openapi_document_describes_the_hsds_routes():
    document = requests.get(url("/api/v1/openapi.json"), timeout=30).json()
    assert document["openapi"].startswith("3.1")
    assert "/api/hsds/organizations" in document["paths"]
    assert "/api/hsds/organizations/{organizationID}" in document["paths"]


def test_the_hsds_export_is_a_data_package_that_frictionless_accepts(tmp_path):
    """`bridgework export hsds --out DIR` against the server's own database, checked by frictionless."""
    import os
    import subprocess

    binary = os.environ.get("BRIDGEWORK_BIN")
    data_dir = os.environ.get("BRIDGEWORK_SERVER_DATA_DIR")
    if not binary or not data_dir:
        import pytest
        pytest.skip("BRIDGEWORK_BIN and BRIDGEWORK_SERVER_DATA_DIR are set by .ci/run")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["BRIDGEWORK_DATA_DIR"] = data_dir
    out = tmp_path / "hsds"
    subprocess.run([binary, "export", "hsds", "--out", str(out)], check=True, env=env, timeout=120)
    assert (out / "datapackage.json").exists()
    assert (out / "organizations.csv").read_text().count("\n") > 30
    frictionless = Path(os.sys.executable).parent / "frictionless"
    result = subprocess.run([str(frictionless), "validate", str(out / "datapackage.json")], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
