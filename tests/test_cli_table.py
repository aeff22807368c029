"""`sumrules table FILE`: the checker on a small synthetic table and on a shipped one; bad
input is one line on stderr and exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from claimtools import run_cli as run

from sumrules.cli import main


def _free_table(path: Path) -> Path:
    """A smeared free electron S = δ_σ(T − q²/2) on logarithmic grids (r_ew = 1)."""
    T = np.geomspace(0.5, 20, 40)
    q = np.geomspace(0.05, 40, 300)
    S = np.exp(-((q[None, :] ** 2 / 2 - T[:, None]) ** 2) / 0.5) / np.sqrt(0.5 * np.pi)
    lines = ["# synthetic", " ".join(f"{v:.9e}" for v in T), " ".join(f"{v:.9e}" for v in q)]
    lines += [" ".join(f"{v:.9e}" for v in row) for row in S]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_json_of_a_synthetic_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = _free_table(tmp_path / "free.txt")
    assert main(["table", str(f), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["shape"] == [40, 300] and doc["Z"] is None
    mid = [r for r in doc["rows"] if 2 < r["T"] < 10]
    assert all(abs(r["r_ew"] - 1) < 1e-3 for r in mid)
    assert any("no shell model" in n for n in doc["notes"])


def test_packaged_table_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["table", "--packaged", "Ar"]) == 0
    out = capsys.readouterr().out
    assert "multipole cut" in out and "Bethe" in out and "stepping" in out


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("1 2\n1 2\n0 1\n0 nan\n", "bad.txt:4: column 2: 'nan' is not finite"),
        ("1 2\n1 2\n0 1\n0 -1\n", "bad.txt:4: column 2: K must be >= 0"),
        ("2 1\n1 2\n0 1\n0 1\n", "bad.txt:1: column 2: the E grid is not strictly increasing"),
    ],
)
def test_bad_tables_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, expected: str
) -> None:
    f = tmp_path / "bad.txt"
    f.write_text(body)
    assert main(["table", str(f)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and expected in err


def test_missing_file_through_subprocess(tmp_path: Path) -> None:
    proc = run("table", str(tmp_path / "none.txt"))
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip().endswith("none.txt: no such file")
    assert proc.stderr.count("\n") == 1


def test_usage_needs_exactly_one_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["table"]) == 2
    assert "give a FILE or --packaged" in capsys.readouterr().err
