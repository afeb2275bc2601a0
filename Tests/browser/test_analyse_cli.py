"""`bridgework analyse` as a person runs it: JSON on standard output, status 2 for bad input."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

BIN = os.environ.get("BRIDGEWORK_BIN")
needs_binary = pytest.mark.skipif(not BIN, reason="BRIDGEWORK_BIN is not set (.ci/run sets it)")


def run(path: str, *options: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return subprocess.run([BIN, "analyse", path, *options], capture_output=True, text=True, timeout=120, env=env)


@needs_binary
def test_the_analysis_is_json_on_standard_output(tmp_path):
    rows = ["participant,indicator,before,after,then"]
    rows += [f"p{i},CLS-BELONG,{1 + i % 2},{2 + i % 3},{1}" for i in range(12)]
    path = tmp_path / "answers.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run(str(path))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    [indicator] = report["indicators"]
    assert indicator["indicator"] == "CLS-BELONG"
    assert indicator["n_pairs"] == 12
    assert indicator["wilcoxon"]["method"] in ("exact", "normal")
    assert "perceived_change" in indicator and "response_shift" in indicator


@needs_binary
def test_bad_input_exits_with_status_two_and_names_the_line(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("participant,indicator,before,after\np1,X,1,2\np1,X,3,4\n", encoding="utf-8")
    result = run(str(path))
    assert result.returncode == 2
    assert "line 3: participant 'p1' appears twice for X (first on line 2)" in result.stderr
    assert result.stdout.strip() == ""
