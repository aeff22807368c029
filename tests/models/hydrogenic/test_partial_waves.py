"""The partial-wave route: the 3j angular factor, and S against the 1s closed form and the
Coulomb wave; negative controls (wrong 3j factor, wrong sign of eta) caught by the same check."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
from sympy.physics.wigner import wigner_3j

from sumrules.models.hydrogenic import coulomb_waves, ground, partial_waves


@pytest.mark.parametrize("l", [0, 1, 2, 3])
def test_angular_factor_from_the_m_sum_and_closure(l: int) -> None:
    for lp in range(6):
        for L in range(8):
            assert partial_waves.angular_factor_by_m_sum(l, lp, L) == partial_waves.angular_factor(
                l, lp, L
            )
    # sum over l' of A = 2L + 1 (what closure needs)
    for L in range(6):
        assert sum(partial_waves.angular_factor(l, lp, L) for lp in range(L + l + 1)) == 2 * L + 1
    # the cross terms between L and L + 2 vanish after the m-sum
    for lp in range(4):
        for L in range(abs(lp - l), lp + l - 1, 2):
            cross = sum(
                wigner_3j(lp, L, l, -m, 0, m) * wigner_3j(lp, L + 2, l, -m, 0, m)
                for m in range(-min(l, lp), min(l, lp) + 1)
            )
            assert sp.simplify(cross) == 0


def test_angular_factor_closed_form_holds_at_high_partial_waves() -> None:
    """The integer closed form against sympy's general 3j symbol where the ratio route needs
    it (l′ up to ~500), and closure Σ_l′ A = 2L + 1 there; a wrong parity rule is caught."""
    for l, lp, L in ((3, 197, 196), (3, 197, 198), (2, 301, 299), (1, 120, 121), (3, 60, 57)):
        expected = (2 * lp + 1) * (2 * L + 1) * wigner_3j(lp, L, l, 0, 0, 0) ** 2
        assert partial_waves.angular_factor(l, lp, L) == expected
    for l in range(4):
        assert sum(partial_waves.angular_factor(l, lp, 250) for lp in range(247, 254)) == 501
    assert partial_waves.angular_factor(1, 120, 120) == 0  # l + l′ + L odd


def test_reduces_to_the_1s_sum() -> None:
    assert all(partial_waves.angular_factor(0, lp, lp) == 2 * lp + 1 for lp in range(10))
    assert all(partial_waves.angular_factor(0, lp, lp + 2) == 0 for lp in range(10))


def _wrong_factor(l: int, lp: int, L: int) -> sp.Expr:
    return (2 * lp + 1) ** 2 * wigner_3j(lp, L, l, 0, 0, 0) ** 2  # (2l'+1) in place of (2L+1)


@pytest.mark.slow
def test_1s_against_closed_form() -> None:
    pw = partial_waves.partial_wave_density(1, 0, "0.6", "0.3", dps=15)
    exact = ground.continuum_density("0.6", "0.3", dps=20)
    assert abs(pw.value / exact - 1) < 1e-13
    assert pw.truncation_error < 1e-16 * pw.value
    wrong = partial_waves.partial_wave_density(1, 0, "0.6", "0.3", dps=15, eta_sign=1)
    assert abs(wrong.value / exact - 1) > 1e-3  # repulsive field: caught


@pytest.mark.slow
def test_2p_against_the_coulomb_wave_and_wrong_factor() -> None:
    cw = coulomb_waves.continuum_density(2, 1, "0.3", "0.4", dps=20)
    pw = partial_waves.partial_wave_density(2, 1, "0.3", "0.4", dps=12)
    assert abs(pw.value / cw - 1) < 1e-10
    wrong = partial_waves.partial_wave_density(2, 1, "0.3", "0.4", dps=12, factor=_wrong_factor)
    assert abs(wrong.value / cw - 1) > 1e-3


@pytest.mark.slow
def test_1s_25_digits_at_dps_30() -> None:
    """At T = 5 (T/I = 10), q = 0.3: twenty partial waves, a third of the cost of q = 0.8 at
    T = 1, whose agreement is the same (4e-32); a repulsive field (control) is caught."""
    pw = partial_waves.partial_wave_density(1, 0, 5, "0.3", dps=30)
    with mpmath.workdps(40):
        exact = ground.continuum_density(5, "0.3", dps=40)
        assert abs(pw.value / exact - 1) < mpmath.mpf(10) ** -25
    wrong = partial_waves.partial_wave_density(1, 0, 5, "0.3", dps=10, eta_sign=1)
    assert abs(wrong.value / exact - 1) > 1e-3
