"""The dispersion integral of Eq. (11) for hydrogen
(:func:`~sumrules.models.hydrogenic.checks.dispersion_integral`, ``dispersion_comparison``,
``large_momentum_coefficients``).

Pins the integral against an independent route in the variable Q², where the pole meets a
split point, its defaults and argument name, the Z-scaling (also with the ridge next to the
pole), the comparison with R at P² = 0 (r/T against 1/T), and the large-P² coefficients:
P² R → −2 (Eq. (10) holds) while P² × dispersion → −2 r_ew.
"""

from __future__ import annotations

import mpmath
import pytest
from modelrefs import assert_default, models_density_k

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import checks as hc
from sumrules.models.hydrogenic import ground as h


def _dispersion_reference(T: object, P2: object) -> mpmath.mpc:
    """∫_0^∞ S(T, Q²) dQ²/(Q² − P² − i0) in Q²: PV folded about Q² = P², plus iπ S(T, P²)."""
    x = mpmath.mpf(P2)
    k = mpmath.sqrt(2 * mpmath.mpf(T) - 1)
    ridge = [k**2 / 4, k**2, 4 * k**2]  # the Bethe ridge Q² ≈ k² (width ~2k in Q²)

    def s(y: mpmath.mpf) -> mpmath.mpf:
        return models_density_k(k, y)

    if x <= 0:
        pts = [*sorted({mpmath.mpf(0), *ridge}), mpmath.inf]
        return mpmath.mpc(mpmath.quad(lambda y: s(y) / (y - x), pts), 0)
    fold = sorted({mpmath.mpf(0), x, *[abs(v - x) for v in ridge if 0 < abs(v - x) < x]})
    near = mpmath.quad(lambda t: (s(x + t) - s(x - t)) / t, fold)
    far = mpmath.quad(
        lambda y: s(y) / (y - x), [2 * x, *[v for v in ridge if v > 2 * x], mpmath.inf]
    )
    return mpmath.mpc(near + far, mpmath.pi * s(x))


def _agree(value: mpmath.mpc, ref: mpmath.mpc, digits: float) -> bool:
    """Real and imaginary parts agree to ``digits`` significant digits (exact 0 for Im = 0)."""
    with mpmath.workdps(50):
        re_ok = agreement_digits(value.real, ref.real) >= digits
        im_ok = (
            value.imag == 0 if ref.imag == 0 else agreement_digits(value.imag, ref.imag) >= digits
        )
    return re_ok and im_ok


# (T, P²): below, inside and above the pole region at k = 1; and T = 10⁴ (k ≈ 141) where the
# Bethe ridge q ≈ k of width 1 lies between 2p and 3p (P² = 3600) or below p (P² = 40000)
DISPERSION_POINTS = [(1, "-0.5"), (1, "0.16"), (1, "0.25"), (1, 2), (10**4, 3600), (10**4, 40000)]


@pytest.mark.parametrize(("T", "P2"), DISPERSION_POINTS)
def test_dispersion_integral_against_q2_route(T: object, P2: object) -> None:
    """dispersion_integral (default Z = 1) = the Q²-fold route, to dps − 2 digits."""
    d = hc.dispersion_integral(T, P2, dps=20)
    with mpmath.workdps(35):
        ref = _dispersion_reference(T, P2)
        assert _agree(d, ref, 18)
        # negative control: the other i0 prescription (P² > 0), or P² → −P² in the denominator
        wrong = ref.conjugate() if ref.imag else _dispersion_reference(T, -mpmath.mpf(P2))
        assert not _agree(wrong, ref, 18)


@pytest.mark.parametrize("P2", ["1.0000000001", "0.9999999999"])
def test_dispersion_integral_where_the_pole_meets_the_ridge_split(P2: str) -> None:
    """P² = k²(1 ± 10⁻¹⁰): the pole q = p lies 5·10⁻¹¹ from the split point q = k = 1, so
    tanh-sinh nodes round onto q = p; the value stays the Q²-fold value to dps − 2 digits."""
    d = hc.dispersion_integral(1, P2, dps=20)
    with mpmath.workdps(35):
        ref = _dispersion_reference(1, P2)
        assert _agree(d, ref, 18)
        assert not _agree(_dispersion_reference(1, 1), ref, 18)  # the 10⁻¹⁰ shift is resolved


def test_dispersion_integral_defaults_and_argument_name() -> None:
    f = hc.dispersion_integral
    assert f(3, "-0.5") == f(3, "-0.5", dps=30) == f(3, "-0.5", Z=1, dps=30)
    assert f(3, "-0.5", dps=31) != f(3, "-0.5")  # negative control: the rounding moves
    with pytest.raises(ValueError, match=r"^P2 must be a finite real number, got 'x'$"):
        f(1, "x")
    with pytest.raises(ValueError, match=r"^T must be a finite real number, got 'x'$"):
        f("x", 1)  # the other argument is named as itself


DPS = 15


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


def test_dispersion_comparison_fields_scaling_and_precision() -> None:
    d2 = hc.dispersion_comparison(3, "-1.5", Z=2, dps=15)  # P² = −1.5 > −Z² = −4
    d1 = hc.dispersion_comparison("0.75", "-0.375", dps=15)
    assert d2.T == 3 and float(d2.P2) == -1.5
    assert (
        abs(4 * d2.resolvent - d1.resolvent) < 1e-13
        and abs(4 * d2.dispersion - d1.dispersion) < 1e-13
    )
    # P² = 0: R = 1/T exactly and the dispersion integral is r/T, to the requested 33 digits
    d0 = hc.dispersion_comparison(3, 0, dps=33)
    with mpmath.workdps(45):
        assert agreement_digits(d0.resolvent.real, mpmath.mpf(1) / 3) > 32
        r = h.exact_sum_rule_ratio(3, dps=40)
        assert agreement_digits(d0.dispersion.real, r / 3) > 31.5
    assert_default(lambda **kw: hc.dispersion_comparison(3, 0, **kw).dispersion, "dps", 30, 31)


# --- large P² ------------------------------------------------------------------------------------


def test_large_momentum_coefficients() -> None:
    ((_, pr, pd),) = hc.large_momentum_coefficients(1, (10**5,), dps=15)
    r = h.exact_sum_rule_ratio(1, dps=15)
    assert abs(pr.real + 2) < 1e-3  # Eq. (10) holds along the physical axis
    assert abs(pd.real + 2 * r) < 1e-3  # the dispersion integral gives -2 r_ew instead
    assert abs(pr.real - pd.real) > 0.02


def test_large_momentum_coefficients_scale_with_z() -> None:
    """P² R_Z(T, P²) = (P²/Z²) R_1(T/Z², P²/Z²), likewise for the dispersion integral."""
    ((x1, r1, d1),) = hc.large_momentum_coefficients(1, (100,), dps=36)
    ((x2, r2, d2),) = hc.large_momentum_coefficients(9, (900,), Z=3, dps=36)
    assert (x1, x2) == (100, 900)
    with mpmath.workdps(45):
        assert agreement_digits(r2.real, r1.real) > 34 and agreement_digits(d2.real, d1.real) > 34
        # negative control: the Z = 1 row at T = 9 differs
        ((_, r_wrong, d_wrong),) = hc.large_momentum_coefficients(9, (900,), dps=15)
        assert abs(r_wrong.real - r1.real) > 1e-4 and abs(d_wrong.real - d1.real) > 1e-4
    assert_default(lambda **kw: hc.large_momentum_coefficients(1, (100,), **kw), "dps", 20, 21)
