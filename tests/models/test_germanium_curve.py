"""The germanium curve: the grid resolves every edge and threshold, per-open-electron ratios,
the largest deviation, the counts side by side."""

from __future__ import annotations

from sumrules.data.xray import edges
from sumrules.models import germanium_curve as gc
from sumrules.models.shells import MODELS, germanium


def test_grid_resolves_every_edge_and_threshold() -> None:
    grid = gc.energy_grid(200, 0.1, 30.0, MODELS)
    assert len(grid) >= 200 and grid[0] == 0.1 and grid[-1] == 30.0
    marks = [e for e in edges("Ge").values() if 0.1 < e < 30]
    marks += [float(s.threshold_keV) for m in MODELS for s in germanium(m).shells]
    for e in (m for m in marks if 0.1 < m < 30):
        assert any(e * (1 - 2e-6) < t < e for t in grid) and any(
            e < t < e * (1 + 2e-6) for t in grid
        )


def test_curve_per_open_electron_and_largest_deviation() -> None:
    rows = gc.inclusive_curve(germanium(), gc.energy_grid(40), dps=15)
    t_nmm, d_nmm, _t_ew, d_ew = gc.largest_deviation(rows, 1.0)
    assert 1.0 <= t_nmm <= 30 and -0.01 < d_nmm < 0 and abs(d_ew) <= abs(d_nmm)
    steps = gc.edge_steps(germanium())
    assert [s.shell for s in steps] == ["1s", "2s", "2p", "3s", "3p"]
    assert all(s.atom_nmm < 0 and s.shell_nmm < 0 for s in steps)


def test_counts_side_by_side() -> None:
    rows = gc.step_comparison([1.0, 10.0])
    assert [r.stepping for r in rows] == [22, 30] and [r.edges for r in rows] == [22.0, 30.0]
    assert 26 < rows[0].thomas_fermi < 26.3 and rows[1].slater_open == 30
    assert gc.kalpha_count("10") == 32 and gc.kalpha_count("5") == 30
