"""The multipole-resolved f-sum B(q) of hydrogen-like densities, and the stored partial-wave
points of the cut."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.special import spherical_jn

from sumrules.models.multipole_cut.closure import (
    bethe_fraction,
    multipole_weight,
    radial_probability,
    spherical_bessel,
)
from sumrules.models.multipole_cut.points import POINTS, cut_factor, load_points


def test_spherical_bessel_matches_scipy() -> None:
    x = np.array([0.01, 0.7, 3.0, 9.5, 40.0])
    j = spherical_bessel(8, x)
    for L in range(9):
        assert np.allclose(j[L], spherical_jn(L, x), rtol=1e-10, atol=1e-300)


def test_all_multipoles_give_the_whole_f_sum() -> None:
    x = np.array([0.3, 2.0, 11.0, 35.0])
    assert np.allclose(multipole_weight(120, x), 1, atol=1e-9)
    assert np.all(multipole_weight(6, x[2:]) < 0.6)  # the cut loses at x ≫ 6


def test_cut_keeps_everything_at_small_q_and_little_at_large_q() -> None:
    q = np.array([1e-3, 1.0, 5.0, 30.0])
    b = bethe_fraction(3, 1, 6.75, q, 6)
    assert b[0] == pytest.approx(1, abs=1e-9)
    assert np.all(np.diff(b) < 0) and b[-1] < 0.05
    # far out B → (L_max + 1)²⟨1/r²⟩/(2q²), ⟨1/r²⟩ = Z²/(n³(l + 1/2)) (+ an oscillating term)
    assert b[-1] == pytest.approx(49 * 6.75**2 / (27 * 1.5) / (2 * 30**2), rel=0.15)
    # more multipoles keep more (control: L ≤ 3 keeps less than L ≤ 6)
    assert np.all(bethe_fraction(3, 1, 6.75, q[1:], 3) < b[1:])


def test_closure_equals_a_scipy_quadrature() -> None:
    """B(q) = ∫ P(r) g(qr) dr with scipy's Bessel functions on a dense grid."""
    r = np.linspace(1e-6, 12, 120001)
    P = radial_probability(2, 1, 2.0, r)
    q = 4.0
    x = q * r
    g = np.zeros_like(x)
    for L in range(7):
        jl = spherical_jn(L, x)
        dj = spherical_jn(L, x, derivative=True)
        g += (2 * L + 1) * (dj**2 + L * (L + 1) * (jl / x) ** 2)
    assert bethe_fraction(2, 1, 2.0, np.array([q]), 6)[0] == pytest.approx(
        np.trapezoid(P * g, r), rel=1e-5
    )


def test_stored_partial_wave_points() -> None:
    pts = load_points()
    assert [p.label for p in pts] == [p[0] for p in POINTS]
    for p in pts:
        assert 0 < p.share < 1 and p.max_L == 6
        assert p.closure == pytest.approx(
            bethe_fraction(p.n, p.l, p.Z, np.array([p.q]), 6)[0], rel=1e-6
        )
    inner = [p for p in pts if p.closure > 0.5]  # qr ≲ 6: the ridge share is B to 6%
    assert inner and all(abs(p.share / p.closure - 1) < 0.07 for p in inner)
    outer = [p for p in pts if p.closure < 0.25]  # qr ≫ 6: both small, S_cut/S below B
    assert outer and all(p.share < p.closure for p in outer)
    assert cut_factor(6)(1, 7, 8) == 0 and cut_factor(6)(1, 7, 6) != 0


def test_stored_ratio_shares_measure_the_ridge_approximation() -> None:
    from sumrules.models.hydrogenic.ratio_curves import curve
    from sumrules.models.multipole_cut.points import RATIOS, load_ratios

    rs = load_ratios()
    assert [r.label for r in rs] == [r[0] for r in RATIOS]
    for r in rs:
        x = r.T / (r.Z**2 / (2 * r.n**2))
        nmm, ew = curve(r.n, r.l).ratios(x)
        # the q rule reproduces the uncut ratios of the curves (its range and nodes suffice)
        assert abs(r.full_ew / float(ew) - 1) < 1e-2 and abs(r.full_nmm / float(nmm) - 1) < 1e-2
        # B on the ridge overstates what the cut keeps, by less than a quarter
        assert r.share_ew < r.share_nmm < r.ridge_closure < 1.25 * r.share_ew
