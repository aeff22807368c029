"""sumrules.theory.response: the printed relations of Eqs. (8)–(11) as sympy expressions, their
LaTeX, their evaluation, and the wrong variants (each differs from the printed one)."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from sumrules.theory import response as rs


def test_printed_latex_is_generated_from_the_expressions() -> None:
    assert sp.latex(rs.PRINTED_EQ8).startswith(r"\sum_n \left|{\langle n | \rho(\vec{q}) | 0")
    eq9 = sp.latex(rs.PRINTED_EQ9)
    assert eq9.count("=") == 2 and r"{\left\langle 0\right|} \rho(-\vec{q})" in eq9
    assert sp.latex(rs.PRINTED_EQ10).endswith(r"\quad (|Q^2| \rightarrow \infty)")
    assert r"\int\limits_{0}^{\infty}" in sp.latex(rs.PRINTED_EQ11)
    assert "Σ_n" in sp.sstr(rs.PRINTED_EQ8) and "→" in sp.sstr(rs.PRINTED_EQ10)


def test_eq8_right_side_and_its_variants() -> None:
    r = mpmath.mpc(2, 3)
    with mpmath.workdps(30):
        assert abs(rs.evaluate_rhs(rs.EQ8_RHS, r) - 3 / mpmath.pi) < 1e-28
    values = [rs.evaluate_rhs(w, r) for w in rs.WRONG_EQ8.values()]
    assert all(abs(v - rs.evaluate_rhs(rs.EQ8_RHS, r)) > 0.1 for v in values)
    assert rs.evaluate_rhs(rs.EQ8_RHS, 2 + 3 * sp.I) == 3 / sp.pi


def test_line_weight_is_the_residue() -> None:
    weight = rs.line_weight(rs.EQ8_RHS, lambda z: mpmath.mpf("0.25") / (z - 3), "3", dps=30)
    assert abs(weight - mpmath.mpf("0.25")) < 1e-25
    off = rs.line_weight(rs.EQ8_RHS, lambda z: mpmath.mpf("0.25") / (z - 3), "2", dps=30)
    assert abs(off) < 1e-30


def test_spectral_kernel_exact_and_numeric() -> None:
    exact = rs.spectral_kernel(rs.EQ9_SUMMAND, rs.T - sp.I * rs.EPS)
    assert sp.simplify(exact(5) - 1 / (rs.T - 5 - sp.I * rs.EPS)) == 0
    k = rs.spectral_kernel(rs.EQ9_SUMMAND, "2-0.5j", dps=30)
    wrong = rs.spectral_kernel(rs.WRONG_EQ9["the spectral sum with +iε"], "2-0.5j", dps=30)
    with mpmath.workdps(30):
        assert abs(k(1) - 1 / mpmath.mpc(1, -0.5)) < 1e-28
        assert abs(wrong(1) - mpmath.conj(k(1))) < 1e-28


def test_falloff_coefficient_and_its_variant() -> None:
    assert rs.falloff_coefficient(rs.PRINTED_EQ10, electrons=3, m=1) == -6
    (wrong,) = rs.WRONG_EQ10.values()
    assert rs.falloff_coefficient(wrong, m=1) == -1


@pytest.mark.parametrize(
    ("expr", "weight"),
    [
        (rs.EQ11_RHS, 1 / (rs.Q2 - rs.P2)),
        (rs.WRONG_EQ11["the kernel 1/(Q² + P²)"], 1 / (rs.Q2 + rs.P2)),
        (rs.WRONG_EQ11["(1/2π) Im R"], 1 / (2 * (rs.Q2 - rs.P2))),
    ],
)
def test_dispersion_weight(expr: sp.Expr, weight: sp.Expr) -> None:
    assert sp.simplify(rs.dispersion_weight(expr) - weight) == 0


def test_printed_r0_and_the_negative_axis() -> None:
    assert rs.PRINTED_R0.subs(rs.Z, 2) == 2 / rs.T
    assert rs.PRINTED_IM_R_NEGATIVE_AXIS == 0
