"""The checker of K(E, q) tables: rows, columns and flags on the shipped argon table."""

from __future__ import annotations

import dataclasses

import numpy as np

from sumrules.data.ionisation import packaged_table, read_table
from sumrules.models.table_check import check_table, default_model
from sumrules.theory.table_sums import over_t


def test_argon_rows_columns_and_flags() -> None:
    c = check_table(packaged_table("Ar"), loo_rows=16)
    assert c.shape == (256, 1024) and c.max_L == 6 and c.electrons == 18
    assert c.row_at(9.0).stepping == 18 and "multipole cut" in c.row_at(9.0).flags
    assert "multipole cut" not in c.row_at(0.02).flags  # only the 3p, 3s are open: qr small
    assert "multipole cut" in c.column_at(20.0).flags
    assert "T truncation" in c.column_at(40.0).flags  # the ridge q²/2 lies beyond 10 keV
    cells = [r for r in c.rows if "threshold cell" in r.flags]
    assert len(cells) == 5  # 1s, 2s, 2p1/2, 2p3/2 … the cells that hold an orbital energy
    flagged = c.flagged()
    assert flagged["multipole cut"][0] > 100
    assert set(c.interpolation) == {"q, cubic", "E, cubic"}
    assert any(
        n.startswith("Bethe sum at the smallest q (the dipole f-sum) 14.07 of 18") for n in c.notes
    )


def test_no_small_q_note_when_the_f_sum_is_complete() -> None:
    """Control: the argon table rescaled so that its dipole f-sum is 18 carries no such note."""
    t = packaged_table("Ar")
    ot = over_t(t.E, t.q, t.K, t.thresholds)
    scaled = dataclasses.replace(t, K=t.K * 18 / (ot.bethe[0] + ot.bethe_tail[0]))
    assert not any(
        "Bethe sum at the smallest q" in n for n in check_table(scaled, loo_rows=0).notes
    )


def test_a_table_without_element_has_no_model() -> None:
    T, q = np.geomspace(1, 10, 4), np.geomspace(0.1, 10, 5)
    text = "\n".join([" ".join(map(str, T)), " ".join(map(str, q))])
    text += "\n" + "\n".join(" ".join("1" for _ in q) for _ in T) + "\n"
    t = read_table("anonymous.txt", text=text)
    assert default_model(t) is None
    c = check_table(t, loo_rows=0)
    assert c.rows[0].stepping is None and c.rows[0].cut_loss is None
    assert any("no shell model" in n for n in c.notes)
