"""`sumrules germanium`: per-shell and total ratios, JSON, the grid, bad input (exit 2, one line)."""

from __future__ import annotations

import json

import pytest
from claimtools import run_cli as run

from sumrules.cli import main
from sumrules.models.shells import germanium


def test_json_through_subprocess() -> None:
    proc = run("germanium", "--T", "2", "11.2", "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["model"] == "binding" and doc["dps"] == 15
    assert [s["name"] for s in doc["shells"]] == ["1s", "2s", "2p", "3s", "3p", "3d", "4s", "4p"]
    rows = doc["rows"]
    assert [r["stepping"] for r in rows] == [30, 32]
    assert rows[0]["shells"]["1s"] == {"r_nmm": "0.0", "r_ew": "0.0"}
    r_nmm, _ = germanium().sum_rule_ratios(2.0)
    assert rows[0]["r_nmm"] == str(r_nmm)
    # the interpolants of the closed forms: 4s, the worst, to ~1e-19 (its measured error)
    assert 0 < doc["interpolation_error"] < 1e-18 and doc["provenance"]["date"]


def test_table_for_the_slater_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["germanium", "--model", "slater", "--T", "2"]) == 0
    out = capsys.readouterr().out
    assert "Ge shell model (slater)" in out and "13.672" in out and "27.85" in out


def test_default_grid(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["germanium", "--points", "10", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert len(doc["rows"]) > 10 and doc["rows"][0]["T_keV"] == 0.1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--T", "0"], "--T must be positive, got 0"),
        (["--T", "nan"], "--T must be finite"),
        (["--T", "80"], "--T must be at most 50 keV"),
        (["--T", "abc"], "--T must be a number (keV), got 'abc'"),
        (["--model", "hf"], "model must be one of binding, slater; got 'hf'"),
        (["--dps", "3"], "--dps must be an integer in [10, 100], got '3'"),
        (["--points", "x"], "--points must be an integer"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["germanium", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and err.startswith("sumrules: error: ")
