"""Mutation killers for the Z-scaled integrals of hydrogen_checks.

Covers _continuum_pv (through resolvent) and dispersion_integral. R(T, P²) and the
dispersion integral D(T, P²) are Z⁻² times a function of T/Z² and P²/Z², so
Z²·R_Z(Z²T, Z²P²) = R_1(T, P²) exactly. With Z a power of two the scaled quadrature sees
bit-identical nodes at every Z, so any term in the integrand that is not of the right
dimension shows up at Z = 2¹⁰⁰.

At T = Z² (k_T = Z) and P² = 10⁻¹² Z² a tanh-sinh node of the subtracted principal-value
integral rounds onto the split point k′ = k_T itself (the comment in _continuum_pv); the
integrand's value there must be 0 (finite limit, negligible weight), not of order k_T.
The same holds for q = p in dispersion_integral when the ridge point k_T lies 2⁻²⁰ above p.
"""

from __future__ import annotations

import mpmath
import pytest

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import checks as hc

DPS = 15


@pytest.mark.parametrize("e", [0, 100])
def test_principal_value_resolvent_is_scale_free_next_to_the_pole_node(e: int) -> None:
    """Z = 2^e: Z²·R_PV(Z², 10⁻¹²Z²) equals the contour route at Z = 1 to >= dps − 1 digits.

    The contour route (k′ path above the pole, no subtraction) is independent of the PV
    subtraction; P² = 1e-12 is where a node lands on k′ = k_T (found by instrumenting it).
    """
    Z = mpmath.mpf(2) ** e
    P2 = mpmath.mpf("1e-12")
    got = Z * Z * hc.resolvent(Z * Z, Z * Z * P2, Z=Z, dps=DPS, method="principal-value")
    ref = hc.resolvent(1, P2, dps=DPS, method="contour")
    assert agreement_digits(got, ref) >= DPS - 1
    # negative control: an error of 1e-13 in the real part (R ≈ 1) is rejected
    assert agreement_digits(got + mpmath.mpf("1e-13"), ref) < DPS - 1


def _dispersion_in_q2(T: mpmath.mpf, P2: mpmath.mpf) -> mpmath.mpc:
    """∫ S(T, Q²) dQ²/(Q² − P² − i0) at Z = 1 in the variable Q², passing below the pole.

    Independent of dispersion_integral's subtracted q-integral: S is continued_density (the
    closed form continued to complex Q², analytic off Im Q² = ±2k), the pole Q² = P² + i0 is
    avoided by the lower half circle |Q² − P²| = 1/2 (well inside the cuts at distance 2k).
    """
    with mpmath.workdps(2 * DPS):
        r = mpmath.mpf(1) / 2

        def s(q2: mpmath.mpc) -> mpmath.mpc:
            return hc.continued_density(T, q2, dps=2 * DPS)

        line = mpmath.quad(lambda q2: s(q2) / (q2 - P2), [0, P2 - r])
        line += mpmath.quad(lambda q2: s(q2) / (q2 - P2), [P2 + r, 4, 16, mpmath.inf])
        arc = mpmath.quad(
            lambda th: s(P2 + r * mpmath.expj(th)) * 1j,
            [mpmath.pi, 3 * mpmath.pi / 2, 2 * mpmath.pi],
        )
        return line + arc


@pytest.mark.parametrize("e", [0, 100])
def test_dispersion_integral_is_scale_free_with_the_ridge_next_to_the_pole(e: int) -> None:
    """k_T = 1 + 2⁻²⁰ (Z = 1), P² = 1: a q-interval [p, k_T] of length 2⁻²⁰ ends on the pole.

    There a tanh-sinh node rounds onto q = p (found by instrumenting the integrand), where the
    subtracted integrand must contribute 0. Z²·D_Z(Z²T, Z²P²) with Z = 2^e must equal the
    Q²-plane route at Z = 1 to >= dps − 1 digits (both real and imaginary part).
    """
    Z = mpmath.mpf(2) ** e
    k = 1 + mpmath.mpf(2) ** -20
    T = (k * k + 1) / 2  # exact in binary, so that k_T = sqrt(2T − 1) = k exactly
    got = Z * Z * hc.dispersion_integral(Z * Z * T, Z * Z, Z=Z, dps=DPS)
    ref = _dispersion_in_q2(T, mpmath.mpf(1))
    assert agreement_digits(got.real, ref.real) >= DPS - 1
    assert agreement_digits(got.imag, ref.imag) >= DPS - 1
    # negative control: the same route at P² = 1 + 1e-12 is told apart
    moved = _dispersion_in_q2(T, 1 + mpmath.mpf("1e-12"))
    assert agreement_digits(got.real, moved.real) < DPS - 1
