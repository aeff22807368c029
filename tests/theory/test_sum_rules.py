"""sumrules.theory.sum_rules: the printed sum rules evaluate to their per-electron values."""

from __future__ import annotations

import pytest
import sympy as sp

from sumrules.theory import sum_rules as sr
from sumrules.theory.scattering import G_F, SIN2_W, T, m


def test_printed_statements_say_one_per_electron() -> None:
    assert sr.per_electron_nmm(sr.PRINTED_EQ12) == 1
    assert sr.per_electron_ew(sr.PRINTED_EQ15) == 1


def test_a_changed_right_hand_side_changes_the_ratio() -> None:
    """Negative control: the evaluation reads the printed right-hand side, not a constant."""
    assert sr.per_electron_nmm(sp.Eq(sr.PRINTED_EQ12.lhs, sr.Z / (2 * T))) == sp.Rational(1, 2)
    assert sr.per_electron_ew(sp.Eq(sr.PRINTED_EQ15.lhs, 4 * sr.Z * sr.M_E)) == 2


def test_eq14_coefficient_in_the_scattering_symbols() -> None:
    c = sr.response_coefficient(sr.PRINTED_EQ14)
    assert sp.simplify(c - sr.PRINTED_EQ14_COEFFICIENT) == 0
    assert c.has(SIN2_W) and not c.has(sr.SIN2_THETA_W)
    assert sp.simplify(c - G_F**2 / (4 * sp.pi) * (1 + 4 * SIN2_W + 8 * SIN2_W**2)) == 0


def test_a_statement_without_im_r_has_no_coefficient() -> None:
    with pytest.raises(ValueError, match="not a multiple"):
        sr.response_coefficient(sp.Eq(sr.DSIGMA_EW, G_F**2))


def test_printed_latex_is_generated_from_the_statements() -> None:
    assert r"\text{Im}\,R(T, Q^{2})" in sp.latex(sr.PRINTED_EQ12)
    assert r"\sin^{2}\theta_{W}" in sp.latex(sr.PRINTED_EQ14)
    assert "2 Z m_{e}" in sp.latex(sr.PRINTED_EQ15)


def test_dipole_region_shares() -> None:
    ew, mu = sr.dipole_shares()
    d = sp.Symbol("D", positive=True)
    assert sp.simplify(ew - d * T**4 / (4 * m)) == 0 and sp.simplify(mu - d * T**3) == 0
    assert sr.dipole_share_ratio() == T / (4 * m)
    assert sr.dipole_share_power() == 1
