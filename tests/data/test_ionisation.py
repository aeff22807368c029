"""The K(E, q) reader: the shipped tables, the interpolation error, and every bad input."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import pytest

from sumrules.data.ionisation import (
    InterpolationError,
    TableError,
    leave_one_out,
    loo_summary,
    packaged_orbitals,
    packaged_table,
    read_ampsci_orbitals,
    read_table,
)

GOOD = "# a comment\n1 2 4\n0.5 1 2\n0 1 2\n1 2 3\n2 3 4\n"


def test_shipped_tables_have_the_stated_shape_and_electrons() -> None:
    ar, xe = packaged_table("Ar"), packaged_table("Xe")
    assert ar.shape == xe.shape == (256, 1024)
    assert (ar.Z, ar.electrons, ar.max_L) == (18, 18, 6)
    assert (xe.Z, xe.electrons, xe.max_L) == (54, 52, 6)  # 1s lies above 10 keV
    assert not any(o.accessible for o in packaged_orbitals("Xe") if o.n == 1)
    # logarithmic grids: constant ratio of neighbours
    assert np.ptp(np.diff(np.log(ar.E))) < 1e-4 and np.ptp(np.diff(np.log(ar.q))) < 1e-4
    assert np.all(ar.K >= 0) and ar.K.max() > 0


def test_stepping_counts_the_accessible_orbitals() -> None:
    xe = packaged_table("Xe")
    assert xe.stepping([xe.E[-1]]).tolist() == [52.0]
    assert xe.stepping([0.1]).tolist() == [0.0]


def test_interpolation_reproduces_nodes_and_refuses_outside_and_threshold_cells() -> None:
    t = packaged_table("Ar")
    assert t.interpolate(t.E[120], t.q[300]) == pytest.approx(t.K[120, 300], rel=1e-12)
    mid = float(np.sqrt(t.E[120] * t.E[121])), float(np.sqrt(t.q[300] * t.q[301]))
    lin = t.interpolate(*mid, method="linear")
    cub = t.interpolate(*mid, method="cubic")
    assert abs(cub / lin - 1) < 1e-2
    with pytest.raises(InterpolationError, match="outside"):
        t.interpolate(t.E[-1] * 1.01, 1.0)
    with pytest.raises(InterpolationError, match="orbital energy"):
        t.interpolate(9.6, 1.0)
    with pytest.raises(ValueError, match="method"):
        t.interpolate(30.0, 5.0, method="spline")  # type: ignore[arg-type]


def test_stated_interpolation_error_holds_on_a_sample_of_rows() -> None:
    """The docstring's table (cubic, median along q ~ 3e-6, along E ~ 1e-4) on a sample."""
    t = packaged_table("Ar")
    rows = list(range(0, 256, 16))
    med_q, _, _ = loo_summary(leave_one_out(t, "q", rows=rows))
    med_q_lin, _, _ = loo_summary(leave_one_out(t, "q", rows=rows, method="linear"))
    med_e, _, _ = loo_summary(leave_one_out(t, "E", rows=rows))
    assert med_q < 1e-5 < med_q_lin  # cubic beats linear (negative control: linear)
    assert med_e < 1e-3
    with pytest.raises(ValueError, match="axis"):
        leave_one_out(t, "T")  # type: ignore[arg-type]


def test_reads_plain_and_gzip_and_guesses_element_and_cut(tmp_path: Path) -> None:
    plain = tmp_path / "K_Ar_hf_v_6_x.txt"
    plain.write_text(GOOD)
    packed = tmp_path / "K_Xe_hf_v_4_x.gz"
    packed.write_bytes(gzip.compress(GOOD.encode()))
    a, b = read_table(plain), read_table(packed)
    assert (a.element, a.Z, a.max_L) == ("Ar", 18, 6)
    assert (b.element, b.Z, b.max_L) == ("Xe", 54, 4)
    assert np.array_equal(a.K, b.K) and a.K.shape == (3, 3)
    seen: list[tuple[int, int]] = []
    read_table("t.txt", text=GOOD, progress=lambda d, n: seen.append((d, n)))
    assert seen[-1] == (3, 3)


BAD = [
    ("1 2 4\n0.5 1 2\n0 1 2\n1 nan 3\n2 3 4\n", ":4: column 2: 'nan' is not finite"),
    ("1 2 4\n0.5 1 2\n0 1 2\n1 x 3\n2 3 4\n", ":4: column 2: 'x' is not a number"),
    ("1 2 4\n0.5 1 2\n0 1 2\n1 -2 3\n2 3 4\n", ":4: column 2: K must be >= 0"),
    ("1 4 2\n0.5 1 2\n0 1 2\n1 2 3\n2 3 4\n", ":1: column 3: the E grid is not strictly"),
    ("1 2 4\n0.5 0.5 2\n0 1 2\n1 2 3\n2 3 4\n", ":2: column 2: the q grid is not strictly"),
    ("1 2 4\n-1 1 2\n0 1 2\n1 2 3\n2 3 4\n", ":2: column 1: q must be positive"),
    ("1 2 4\n0.5 1 2\n0 1 2\n1 2\n2 3 4\n", ":4: 2 values of K for 3 values of q"),
    ("1 2 4\n0.5 1 2\n0 1 2\n1 2 3\n", ":4: 2 rows of K for 3 values of E"),
    ("1 2 4\n0.5 1 2\n", "needs an E line, a q line"),
    ("1\n0.5 1 2\n0 1 2\n", ":1: the E grid needs at least two values"),
]


@pytest.mark.parametrize(("body", "message"), BAD)
def test_bad_tables_name_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    f = tmp_path / "bad.txt"
    f.write_text("# header\n" * 0 + body)
    with pytest.raises(TableError) as err:
        read_table(f)
    assert str(err.value).startswith(str(f))
    assert message in str(err.value)


def test_bad_files(tmp_path: Path) -> None:
    with pytest.raises(TableError, match="no such file"):
        read_table(tmp_path / "missing.txt")
    with pytest.raises(TableError, match="is a directory"):
        read_table(tmp_path)
    (tmp_path / "b.gz").write_bytes(b"\x1f\x8b broken")
    with pytest.raises(TableError, match="not a readable gzip"):
        read_table(tmp_path / "b.gz")
    (tmp_path / "c.txt").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(TableError, match="not a text table"):
        read_table(tmp_path / "c.txt")
    with pytest.raises(TableError, match="no Hartree"):
        read_ampsci_orbitals("log.out", text="nothing here\n")
    with pytest.raises(ValueError, match="element"):
        packaged_table("Kr")


def test_comment_lines_count_for_the_line_number(tmp_path: Path) -> None:
    f = tmp_path / "t.txt"
    f.write_text("# one\n# two\n1 2\n1 2\n0 1\n0 -1\n")
    with pytest.raises(TableError, match=r"t\.txt:6: column 2"):
        read_table(f)
