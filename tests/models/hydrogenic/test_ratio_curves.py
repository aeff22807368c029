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


@pytest.mark.parametrize(("state", "j"), [((2, 1), 45), ((3, 2), 46)])
def test_a_shipped_node_recomputed_live(state: tuple[int, int], j: int) -> None:
    n, l = state
    c = rc.curve(n, l)
    with precision(60):
        u = mpmath.mpf(c.nodes[j])
        x = 1 / (u * u)
    r_nmm, r_ew = rc.live_ratios(n, l, x, rc.node_dps(x))  # the independent Coulomb-wave route
    with precision(40):
        f = rc.sommerfeld_factor(n, u)
        assert abs(r_nmm * f - mpmath.mpf(c.g_nmm[j])) < 1e-20
        assert abs(r_ew * f - mpmath.mpf(c.g_ew[j])) < 1e-20


def test_every_state_is_shipped_with_its_measured_errors() -> None:
    curves = rc.curves()
    assert sorted(curves) == ["1s", "2p", "2s", "3d", "3p", "3s", "4p", "4s"]
    for c in curves.values():
        assert len(c.nodes) == rc.NODES + 1 and c.g_nmm[0] == "0"
        assert len(c.checks) >= 12 and len(c.node_checks) >= 5
        # built from the closed forms: interpolation error only (4s, the worst, ~1e-19)
        assert c.error < 1e-18, (c.state, c.error)
    p = rc.provenance()
    assert p["script"] == "tools/state_ratio_curves.py" and "exact_sum_rule_ratios" in p["route"]


def test_shipped_4s_4p_against_their_closed_forms_at_new_points() -> None:
    """The 4s, 4p curves at points that are neither nodes nor stored checks, against the closed
    form r(κ): 18 digits; negative control: the degree-32 interpolant of the same closed-form
    values (the degree the Coulomb-wave curves had) misses by more than 1e-14 for 4s."""
    rng = random.Random(11)
    for n, l in ((4, 0), (4, 1)):
        c = rc.curve(n, l)
        for _ in range(6):
            x = 1 / rng.uniform(0.05, 0.99) ** 2
            got = c.ratios(x, dps=25)
            exact = rc.node_ratios(n, l, x, 30)
            with precision(30):
                assert max(abs(a - b) for a, b in zip(got, exact, strict=True)) < 1e-18
    with precision(40):
        us = rc.radau_nodes(32)
        ws = rc.barycentric_weights(us)
        values = [mpmath.mpf(0)] + [
            rc.node_ratios(4, 0, 1 / (u * u), 30)[0] * rc.sommerfeld_factor(4, u) for u in us[1:]
        ]
        worst = mpmath.mpf(0)
        for j in range(1, 32):
            u = (us[j] + us[j + 1]) / 2
            value = rc.interpolate(us, ws, values, u) / rc.sommerfeld_factor(4, u)
            worst = max(worst, abs(value - rc.node_ratios(4, 0, 1 / (u * u), 30)[0]))
    assert worst > 1e-14


def test_large_T_and_bad_x() -> None:
    c = rc.curve(2, 0)
    assert c.ratios(mpmath.inf) == (1, 1)
    r = c.ratios(10**6, dps=15)
    assert abs(r[0] - 1) < 1e-10
    with pytest.raises(ValueError, match="x = T/I must be at least 1"):
        c.ratios("0.5")
    with pytest.raises(ValueError, match="no shipped ratio curve for 4f"):
        rc.curve(4, 3)
