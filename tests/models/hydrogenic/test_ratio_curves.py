"""The per-state ratio interpolants: the method on the 1s closed form, the shipped data against
the closed form and against live recomputations of its nodes, the stated errors."""

from __future__ import annotations

import random

import mpmath
import pytest

from sumrules.core.numeric import precision
from sumrules.models.hydrogenic import ground
from sumrules.models.hydrogenic import ratio_curves as rc


def _closed(u: mpmath.mpf) -> mpmath.mpf:
    """The 1s closed form r at u = √(I/T) (Z = 1: T = x/2 hartree)."""
    return ground.exact_sum_rule_ratio(1 / (2 * u * u), dps=40)


def _interpolant_error(with_factor: bool, N: int = 32) -> mpmath.mpf:
    with precision(40):
        us = rc.radau_nodes(N)
        ws = rc.barycentric_weights(us)

        def factor(u: mpmath.mpf) -> mpmath.mpf:
            return rc.sommerfeld_factor(1, u) if with_factor else mpmath.mpf(1)

        values = [mpmath.mpf(0) if u == 0 else _closed(u) * factor(u) for u in us]
        if not with_factor:
            values[0] = mpmath.mpf(1)
        rng = random.Random(7)
        worst = mpmath.mpf(0)
        for _ in range(40):
            u = mpmath.mpf(rng.uniform(0.01, 0.999))
            worst = max(worst, abs(rc.interpolate(us, ws, values, u) / factor(u) - _closed(u)))
        return worst


def test_the_method_on_the_1s_closed_form() -> None:
    """g = r(1 − e^{−2πν}) through 33 Radau nodes reproduces the closed form to < 1e-18; r
    itself (the Sommerfeld factor left in) does not get below 1e-12 (the check of the method)."""
    assert _interpolant_error(True) < 1e-18
    assert _interpolant_error(False) > 1e-13


def test_the_shipped_1s_curve_against_the_closed_form() -> None:
    c = rc.curve(1, 0)
    for x in ("1.0001", "1.3", "2", "7.5", "40", "900", "20000"):
        r_nmm, r_ew = c.ratios(x, dps=20)
        with precision(30):
            exact = ground.exact_sum_rule_ratio(mpmath.mpf(x) / 2, dps=30)
            assert abs(r_nmm - exact) < 1e-15 and abs(r_ew - exact) < 1e-15, x


@pytest.mark.parametrize(("state", "j"), [((2, 1), 30), ((3, 2), 20)])
def test_a_shipped_node_recomputed_live(state: tuple[int, int], j: int) -> None:
    n, l = state
    c = rc.curve(n, l)
    with precision(60):
        u = mpmath.mpf(c.nodes[j])
        x = 1 / (u * u)
    r_nmm, r_ew = rc.live_ratios(n, l, x, c.node_dps[j])
    with precision(40):
        f = rc.sommerfeld_factor(n, u)
        assert abs(r_nmm * f - mpmath.mpf(c.g_nmm[j])) < 1e-20
        assert abs(r_ew * f - mpmath.mpf(c.g_ew[j])) < 1e-20


def test_every_state_is_shipped_with_its_measured_errors() -> None:
    curves = rc.curves()
    assert sorted(curves) == ["1s", "2p", "2s", "3d", "3p", "3s", "4p", "4s"]
    for c in curves.values():
        assert len(c.nodes) == rc.NODES + 1 and c.g_nmm[0] == "0"
        assert len(c.checks) >= 6 and len(c.node_checks) >= 4
        # n ≤ 3 to 10⁻¹³; 4s, 4p only to a few 10⁻¹² (docs/models.md: not the degree)
        assert c.error < (1e-13 if c.n <= 3 else 1e-11), (c.state, c.error)
    p = rc.provenance()
    assert p["script"] == "tools/state_ratio_curves.py" and "coulomb_wave_ratios" in p["route"]


def test_large_T_and_bad_x() -> None:
    c = rc.curve(2, 0)
    assert c.ratios(mpmath.inf) == (1, 1)
    r = c.ratios(10**6, dps=15)
    assert abs(r[0] - 1) < 1e-10
    with pytest.raises(ValueError, match="x = T/I must be at least 1"):
        c.ratios("0.5")
    with pytest.raises(ValueError, match="no shipped ratio curve for 4f"):
        rc.curve(4, 3)
