"""Sums of a tabulated S(T, q): exact on model tables, and each can fail."""

from __future__ import annotations

import numpy as np

from sumrules.theory.table_sums import over_q, over_t, simpson_weights, trapezoid_weights


def _ridge(T: np.ndarray, q: np.ndarray, width: float = 0.02) -> np.ndarray:
    """A smeared free electron: S = δ_σ(T − q²/2), so r_ew = 1 and r_nmm = 1 + σ²/T²·…"""
    return np.exp(-((q[None, :] ** 2 / 2 - T[:, None]) ** 2) / width) / np.sqrt(width * np.pi)


def test_quadrature_weights_integrate_polynomials() -> None:
    u = np.array([0.0, 0.3, 1.0, 1.2, 2.0, 3.5])
    assert trapezoid_weights(u) @ np.ones_like(u) == 3.5
    w = simpson_weights(u[:5])
    assert abs(w @ u[:5] ** 2 - 8 / 3) < 1e-12
    assert abs(trapezoid_weights(u[:5]) @ u[:5] ** 2 - 8 / 3) > 1e-2  # control: trapezoid is not


def test_per_t_ratios_of_a_free_electron_are_one() -> None:
    q = np.geomspace(1e-3, 1e3, 4001)
    T = np.array([1.0, 5.0, 20.0])
    r = over_q(T, q, _ridge(T, q))
    assert np.allclose(r.r_ew, 1, atol=1e-4)
    assert np.allclose(r.r_nmm, 1 + 0.01 / T**2, atol=5e-4)
    # resolved peaks: trapezoid and Simpson agree; the narrow one at T = 20 (σ/T ~ 0.5%,
    # comparable to the grid) is flagged by their difference
    assert np.all(r.quadrature_error[:2] < 1e-4) and r.quadrature_error[2] > 1e-2
    wrong = over_q(T, q, 2 * _ridge(T, q))  # negative control: a table twice too big
    assert np.all(np.abs(wrong.r_ew - 1) > 0.9)


def test_per_q_bethe_sum_of_a_free_electron_is_one() -> None:
    T = np.geomspace(1e-2, 1e3, 6001)
    q = np.array([1.0, 2.0, 3.0])
    o = over_t(T, q, _ridge(T, q, 0.02), np.array([]))
    assert np.allclose(o.bethe, 1, atol=1e-4)
    assert np.allclose(o.completeness, 1, atol=1e-4)
    assert np.all(o.bethe_threshold_uncertainty == 0)
    # the ridge beyond T_max: the table holds nothing, the tail cannot be estimated
    cut = over_t(T[T < 20], np.array([10.0]), _ridge(T[T < 20], np.array([10.0]), 0.002), [])
    assert cut.bethe[0] < 1e-6


def test_tails_follow_the_local_power_law() -> None:
    q = np.geomspace(0.1, 10, 201)
    T = np.array([1.0])
    S = (q**2 / (1 + q**2) ** 4)[None, :]  # S ∝ q² below, q⁻⁶ above
    r = over_q(T, q, S)
    assert abs(r.power_at_q_max[0] - 6) < 0.1
    # r_ew = ∫ S q dq = (1/2) ∫ x dx/(1 + x)⁴ = 1/12; the grid misses 1.6e-4 of it
    total = r.r_ew[0] + r.below_ew[0] + r.above_ew[0]
    assert abs(total * 12 - 1) < 1e-4 < abs(r.r_ew[0] * 12 - 1)
    thresholds = np.array([0.5])
    Tg = np.geomspace(0.1, 10, 101)
    step = (Tg > 0.5)[:, None] * np.ones((1, 3))
    o = over_t(Tg, np.array([1.0, 2.0, 3.0]), step / Tg[:, None] ** 3, thresholds)
    assert np.all(o.completeness_threshold_uncertainty > 0)
