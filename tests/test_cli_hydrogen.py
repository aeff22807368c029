"""`sumrules hydrogen`: per-electron sum-rule ratios from the command line (subprocess and main())."""

from __future__ import annotations

import json

import mpmath
import pytest
from claimtools import run_cli as run

from sumrules.cli import main
from sumrules.models.hydrogenic import ground as hyd


def test_json_through_subprocess() -> None:
    proc = run("hydrogen", "--T", "1", "--T-over-I", "1.001", "--dps", "15", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["Z"] == "1.0" and data["ionization_energy"] == "0.5" and data["dps"] == 15
    first, second = data["rows"]
    assert (first["T"], first["T_over_I"]) == ("1.0", "2.0")
    assert second["T"] == "0.5005"
    for row, t in ((first, "1"), (second, "0.5005")):
        exact = hyd.exact_sum_rule_ratio(t, dps=20)
        with mpmath.workdps(20):
            assert abs(mpmath.mpf(row["r_nmm"]) - exact) < 1e-14
            assert row["r_nmm"] == row["r_ew"] == row["closed_form"]
        assert row["digits"] >= 15
    assert first["r_nmm"].startswith("0.98743934701")
    assert second["r_nmm"].startswith("0.9573285707")


def test_table_through_main(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["hydrogen", "--T-over-I", "2", "--dps", "12"]) == 0
    out = capsys.readouterr().out
    assert "0.98743934701" in out and "r_nmm" in out and "I = 0.5 hartree" in out


def test_z_scaling_through_main(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["hydrogen", "--T-over-I", "2", "--Z", "3", "--dps", "12", "--json"]) == 0
    row = json.loads(capsys.readouterr().out)["rows"][0]
    assert row["T"] == "9.0" and row["r_nmm"].startswith("0.98743934701")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--T", "0.4"], "ionization energy"),
        (["--T", "0.5"], "ionization energy"),
        (["--T-over-I", "1"], "must exceed 1"),
        (["--T", "abc"], "must be numbers"),
        (["--Z", "0"], "Z must be positive"),
        (["--Z", "two"], "Z must be a finite real number"),
        (["--dps", "5"], "--dps must be an integer"),
        (["--dps", "ten"], "--dps must be an integer"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    args: list[str], fragment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["hydrogen", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("sumrules: error:") and fragment in err


def test_bad_input_through_subprocess() -> None:
    proc = run("hydrogen", "--T", "0.3")
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "sumrules: error: T must exceed the ionization energy Z**2/2 = 0.5 hartree, got '0.3'"
    ]


def test_verify_still_works(capsys: pytest.CaptureFixture[str]) -> None:
    """The new subcommands leave verify alone (exit codes, output)."""
    assert main(["verify", "--only", "text.real-negative"]) == 0
    assert "refuted" in capsys.readouterr().out
