"""Eqs. (12), (14) and (15) as printed (sympy), what they say per electron, and the low-Q² shares.

The two sum rules of the paper integrate the same spectral function (1/π) Im R(T, Q²) over Q²
at fixed T, with the weights Q⁻² (Eq. (12), the magnetic moment) and Q⁰ (Eq. (15), the weak
interaction). Per electron they say r_nmm = T·(1/π)∫ Im R dQ²/Q² / Z = 1 and
r_ew = (1/2m)(1/π)∫ Im R dQ² / Z = 1: :func:`per_electron_nmm` and :func:`per_electron_ew`
evaluate the printed right-hand sides to those numbers, so the claims judge the statements
as printed. Eq. (14) is read as "a coefficient times (1/π) Im R" (:func:`response_coefficient`).

>>> per_electron_nmm(PRINTED_EQ12), per_electron_ew(PRINTED_EQ15)
(1, 1)
>>> response_coefficient(PRINTED_EQ14) == PRINTED_EQ14_COEFFICIENT
True
>>> dipole_share_ratio()
T/(4*m)
"""

from __future__ import annotations

from typing import Any

import mpmath
import sympy as sp

from sumrules.theory.scattering import G_F, SIN2_W, T, m

__all__ = [
    "DSIGMA_EW",
    "M_E",
    "PRINTED_EQ12",
    "PRINTED_EQ14",
    "PRINTED_EQ14_COEFFICIENT",
    "PRINTED_EQ15",
    "PRINTED_SMALL_CORRECTION",
    "Q2",
    "RESPONSE",
    "SIN2_THETA_W",
    "ImR",
    "Z",
    "dipole_share_power",
    "dipole_share_ratio",
    "dipole_shares",
    "per_electron_ew",
    "per_electron_nmm",
    "response_coefficient",
]

#: the number of electrons, the momentum transfer squared (integrated over), the electron mass
Z = sp.Symbol("Z", positive=True)
Q2 = sp.Symbol("Q^2", positive=True)
M_E = sp.Symbol("m_e", positive=True)
#: sin²θ_W as the paper prints it (evaluated as :data:`~sumrules.theory.scattering.SIN2_W`)
SIN2_THETA_W = sp.Symbol(r"\sin^{2}\theta_{W}", positive=True)
#: the left-hand side of Eq. (14)
DSIGMA_EW = sp.Symbol(r"\frac{d^{2}\sigma_{EW}}{dT\,dQ^{2}}")


class ImR(sp.Function):
    """Im R(T, Q²), the imaginary part of the atom's resolvent (a placeholder in statements)."""

    nargs = 2

    def _latex(self, printer: Any) -> str:
        t, q2 = (printer._print(a) for a in self.args)
        return rf"\text{{Im}}\,R({t}, {q2})"


#: the spectral function (1/π) Im R(T, Q²) of Eq. (8)
RESPONSE = ImR(T, Q2) / sp.pi

#: The paper's size of the "very small corrections": δ_(μ) < 0.7 × 10⁻³ (after Eq. (13)).
PRINTED_SMALL_CORRECTION = mpmath.mpf("0.7e-3")

#: Eq. (12): (1/π) ∫_0^∞ Im R(T, Q²) dQ²/Q² = Z/T
PRINTED_EQ12 = sp.Eq(sp.Integral(ImR(T, Q2) / Q2, (Q2, 0, sp.oo)) / sp.pi, Z / T)
#: Eq. (15): (1/π) ∫_0^∞ Im R(T, Q²) dQ² = 2Z m_e
PRINTED_EQ15 = sp.Eq(sp.Integral(ImR(T, Q2), (Q2, 0, sp.oo)) / sp.pi, 2 * Z * M_E)
#: The printed coefficient of (1/π) Im R in Eq. (14) (s = sin²θ_W).
PRINTED_EQ14_COEFFICIENT: sp.Expr = G_F**2 / (4 * sp.pi) * (1 + 4 * SIN2_W + 8 * SIN2_W**2)
#: Eq. (14): d²σ_EW/dT dQ² = (G_F²/4π)(1 + 4 sin²θ_W + 8 sin⁴θ_W) (1/π) Im R(T, Q²)
PRINTED_EQ14 = sp.Eq(
    DSIGMA_EW,
    sp.Mul(PRINTED_EQ14_COEFFICIENT.subs(SIN2_W, SIN2_THETA_W), RESPONSE, evaluate=False),
)


def per_electron_nmm(statement: sp.Eq) -> sp.Expr:
    """What a statement of the form of Eq. (12) says for r_nmm = T × (its right-hand side)/Z.

    >>> per_electron_nmm(sp.Eq(PRINTED_EQ12.lhs, 2 * Z / T))
    2
    """
    return sp.simplify(T * statement.rhs / Z)


def per_electron_ew(statement: sp.Eq) -> sp.Expr:
    """What a statement of the form of Eq. (15) says for r_ew = (its right-hand side)/(2Z m_e).

    >>> per_electron_ew(sp.Eq(PRINTED_EQ15.lhs, Z * M_E))
    1/2
    """
    return sp.simplify(statement.rhs / (2 * Z * M_E))


def response_coefficient(statement: sp.Eq) -> sp.Expr:
    """The coefficient C in a statement "… = C (1/π) Im R(T, Q²)" (Eq. (14)); it may depend on
    Q² (then the weight is not Q⁰).

    >>> response_coefficient(sp.Eq(PRINTED_EQ14.lhs, G_F**2 * RESPONSE / Q2))
    G_F**2/Q^2
    """
    coefficient = statement.rhs / RESPONSE
    if coefficient.has(ImR):
        raise ValueError(f"{statement.rhs} is not a multiple of (1/π) Im R")
    return coefficient.subs(SIN2_THETA_W, SIN2_W)


def dipole_shares() -> tuple[sp.Expr, sp.Expr]:
    """(δ_EW, δ_μ): the region Q² < T² of the Eq. (15) integral (weight Q⁰, per 2m) and of the
    Eq. (12) integral (weight Q⁻², times T), where S = Q² D(T) (dipole approximation, Eq. (6)).

    >>> dipole_shares()
    (D*T**4/(4*m), D*T**3)
    """
    d = sp.Symbol("D", positive=True)
    q2 = sp.Symbol("Q2", positive=True)
    ew = sp.integrate(q2 * d, (q2, 0, T**2)) / (2 * m)
    mu = T * sp.integrate(q2 * d / q2, (q2, 0, T**2))
    return sp.simplify(ew), sp.simplify(mu)


def dipole_share_ratio() -> sp.Expr:
    """δ_EW/δ_μ in the dipole region: the extra factor of the weak low-Q² share."""
    ew, mu = dipole_shares()
    return sp.simplify(ew / mu)


def dipole_share_power() -> int:
    """The power of T in :func:`dipole_share_ratio` (degree of the numerator minus the
    denominator's).

    >>> dipole_share_power()
    1
    """
    ratio = dipole_share_ratio()
    return int(sp.degree(sp.numer(ratio), T) - sp.degree(sp.denom(ratio), T))
