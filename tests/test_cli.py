"""The command line, run as `python -m sumrules` (a real subprocess) and through main()."""

from __future__ import annotations

import json

import pytest
from claimtools import run_cli as run

from sumrules.cli import main


def test_verify_only_eq19_json():
    proc = run("verify", "--only", "eq19", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    ids = [c["id"] for c in data["claims"]]
    assert ids[0] == "eq19" and all(i == "eq19" or i.startswith("eq19.") for i in ids)
    eq19 = data["claims"][0]
    assert eq19["verdict"] == "corrected"
    assert len({e["route"] for e in eq19["evidence"]}) >= 2
    assert data["controls"]["run"] == data["controls"]["caught"] > 0


def test_verify_table(capsys):
    assert main(["verify", "--only", "eq19.vanishing"]) == 0
    out = capsys.readouterr().out
    assert "eq19.vanishing" in out and "corrected" in out


@pytest.mark.parametrize(
    "args",
    [
        ["verify", "--dps", "three"],
        ["verify", "--dps", "5"],
        ["verify", "--only", "eq0"],
        ["frobnicate"],
        [],
    ],
)
def test_bad_usage_exits_2(args, capsys):
    try:
        code = main(args)
    except SystemExit as exc:  # argparse
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err
    assert "error" in err


def test_report_writes_book(tmp_path):
    assert main(["report", "--only", "eq19", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "main.tex").exists()
    assert (tmp_path / "claims" / "eq19.tex").exists()
