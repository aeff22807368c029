"""`sumrules xray`: sigma_gamma, sigma_gamma T^2 and delta_mu from X-ray tables (subprocess and main())."""

from __future__ import annotations

import json

import pytest
from claimtools import run_cli as run

from sumrules.cli import main
from sumrules.data import germanium as G
from sumrules.data import xray as X


def test_json_through_subprocess() -> None:
    proc = run("xray", "Ge", "--table", "elam", "--T", "14", "5", "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert (doc["element"], doc["Z"], doc["table"]) == ("Ge", 32, "elam")
    assert doc["provenance"]["library"] == "xraydb"
    assert "Elam" in doc["provenance"]["citation"]
    assert [r["T_keV"] for r in doc["rows"]] == [14.0, 5.0]
    for r in doc["rows"]:
        assert r["sigma_barn"] == pytest.approx(X.photoabsorption("Ge", r["T_keV"], table="elam"))
        assert r["sigma_T2_barn_keV2"] == pytest.approx(r["sigma_barn"] * r["T_keV"] ** 2)
        assert r["delta"] == pytest.approx(G.delta_mu(r["T_keV"], table="elam"))
    m = doc["maximum"]
    assert m["side"] == "above" and m["T_keV"] == pytest.approx(11.10299, abs=1e-5)
    assert m["delta"] == pytest.approx(0.8147e-3, rel=1e-3)
    assert doc["paper"] == {"sigma_T2_barn_keV2": 2.5e6, "T_keV": 14.0, "delta_bound": 0.7e-3}


def test_default_grid_through_subprocess() -> None:
    """Without --T: the display grid on 1-30 keV with both sides of every edge marked."""
    proc = run("xray", "Ge", "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    t = [r["T_keV"] for r in doc["rows"]]
    assert t == sorted(t) and t[0] == 1.0 and t[-1] == 30.0
    notes = [r["note"] for r in doc["rows"] if r["note"]]
    for edge in ("K", "L1", "L2", "L3"):
        assert f"just below {edge}" in notes and f"just above {edge}" in notes
    k_below = next(r for r in doc["rows"] if r["note"] == "just below K")
    k_above = next(r for r in doc["rows"] if r["note"] == "just above K")
    assert k_above["sigma_barn"] / k_below["sigma_barn"] > 7


@pytest.mark.parametrize("table", ["henke", "elam", "chantler"])
def test_table_through_main(table: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["xray", "Ge", "--table", table, "--T", "14"]) == 0
    out = capsys.readouterr().out
    assert f"table {table}" in out and "maximum of σ_γT² on 1–30 keV" in out
    assert "paper: maximum at T ≈ 14 keV" in out
    assert X.provenance(table).citation in " ".join(out.split())
    s = G.summary(table=table)  # type: ignore[arg-type]
    assert f"{s.peak.sigma_t2:.6g}" in out


def test_other_element_has_no_paper_line(capsys: pytest.CaptureFixture[str]) -> None:
    """Si by atomic number: no paper line; Henke's Si table is refused around its K edge
    (1.8388-1.86 keV), so its maximum on 1-30 keV is reported as not available."""
    assert main(["xray", "14", "--T", "8.05", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["element"] == "Si" and doc["Z"] == 14 and "paper" not in doc
    assert "goes backwards in energy" in doc["maximum"]["error"]
    assert main(["xray", "si", "--T", "8.05"]) == 0
    assert "not available" in capsys.readouterr().out
    assert main(["xray", "Si", "--table", "elam", "--T", "8.05", "--json"]) == 0
    assert "T_keV" in json.loads(capsys.readouterr().out)["maximum"]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["Xx"], "element must be an element symbol"),
        (["Ge", "--T", "abc"], "--T values must be numbers, got 'abc'"),
        (["Ge", "--T", "-1"], "--T must be positive"),
        (["Ge", "--T", "0"], "--T must be positive"),
        (["Ge", "--T", "nan"], "--T must be finite"),
        (["Ge", "--T", "inf"], "--T must be finite"),
        (["Ge", "--T", "31"], "--T = 31.0 is outside the henke table of Ge"),
        (["Ge", "--table", "elam", "--T", "0.05"], "outside the elam table"),
        (["Si", "--T", "1.85"], "goes backwards in energy"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    args: list[str], fragment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["xray", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("sumrules") and fragment in err


def test_bad_input_through_subprocess() -> None:
    proc = run("xray", "Ge", "--T", "40")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip().splitlines() == [
        "sumrules: error: --T = 40.0 is outside the henke table of Ge (0.01–30 keV); values "
        "are not extrapolated"
    ]
    for args in (("xray",), ("xray", "Ge", "--table", "xcom")):
        proc = run(*args)
        assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
    assert "invalid choice: 'xcom'" in proc.stderr
