"""Eq. (11) for hydrogen: the dispersion integral, the resolvent R(T, P²), the large-T series.

Written to kill mutants of :func:`~sumrules.models.hydrogen_checks.dispersion_integral`,
:func:`~sumrules.models.hydrogen_checks.resolvent`,
:func:`~sumrules.models.hydrogen_checks.large_T_series` and of the fields that
:func:`~sumrules.models.hydrogen_checks.completeness` / ``bethe_sum`` return (docs/mutation.md).

Independent routes, built here from the docs/models.md formulas only (Z = 1):

* the dispersion integral ∫ S(T, Q²) dQ²/(Q² − P² − i0) in the variable Q² (the library
  integrates in q), the principal value by folding symmetrically about Q² = P²;
* R(T, P²) as the spectral sum |F_el|²/T + Σ_n |F_n|²/(T − ΔE_n) + PV ∫ S dT′/(T − T′) + iπ S,
  the principal value folded symmetrically about k′ = k_T (the library subtracts the pole);
* the large-T series against the closed form r(T) of ``exact_sum_rule_ratio`` at T ≫ I:
  the remainder r − 1 − series must fall exactly like the first omitted power of w = √(I/T).
"""

from __future__ import annotations

from collections.abc import Callable

import mpmath
import pytest
import sympy

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import checks as hc
from sumrules.models.hydrogenic import ground as h

# --- independent references (Z = 1, docs/models.md) -----------------------------------------------


def _density(k: mpmath.mpf, Q2: mpmath.mpf) -> mpmath.mpf:
    """S(T, Q²) of docs/models.md at real Q² (any sign), k = √(2T − 1); 0 at threshold k = 0."""
    if k == 0:
        return k
    a = Q2 - k**2 + 1  # [(q + k)² + 1][(q − k)² + 1] = a² + 4k²
    angle = mpmath.atan2(2 * k, a)
    return (
        2**8 * Q2 * (Q2 + (1 + k**2) / 3) * mpmath.exp(-(2 / k) * angle)
        / ((a**2 + 4 * k**2) ** 3 * (1 - mpmath.exp(-2 * mpmath.pi / k)))
    )  # fmt: skip


def _dispersion_reference(T: object, P2: object) -> mpmath.mpc:
    """∫_0^∞ S(T, Q²) dQ²/(Q² − P² − i0) in Q²: PV folded about Q² = P², plus iπ S(T, P²)."""
    x = mpmath.mpf(P2)
    k = mpmath.sqrt(2 * mpmath.mpf(T) - 1)
    ridge = [k**2 / 4, k**2, 4 * k**2]  # the Bethe ridge Q² ≈ k² (width ~2k in Q²)

    def s(y: mpmath.mpf) -> mpmath.mpf:
        return _density(k, y)

    if x <= 0:
        pts = [*sorted({mpmath.mpf(0), *ridge}), mpmath.inf]
        return mpmath.mpc(mpmath.quad(lambda y: s(y) / (y - x), pts), 0)
    fold = sorted({mpmath.mpf(0), x, *[abs(v - x) for v in ridge if 0 < abs(v - x) < x]})
    near = mpmath.quad(lambda t: (s(x + t) - s(x - t)) / t, fold)
    far = mpmath.quad(
        lambda y: s(y) / (y - x), [2 * x, *[v for v in ridge if v > 2 * x], mpmath.inf]
    )
    return mpmath.mpc(near + far, mpmath.pi * s(x))


def discrete_sq(n: int, x: mpmath.mpf) -> mpmath.mpf:
    """|F_n|² of docs/models.md at real Q² = x."""
    return (
        2**8 * n**7 * x * (mpmath.mpf(n * n - 1) / 3 + n * n * x)
        * ((n - 1) ** 2 + n * n * x) ** (n - 3) / ((n + 1) ** 2 + n * n * x) ** (n + 3)
    )  # fmt: skip


def _resolvent_reference(T: object, P2: object) -> mpmath.mpc:
    """R(T, P²) as the spectral sum over all final states (Eq. (9) with docs/models.md input)."""
    t, x = mpmath.mpf(T), mpmath.mpf(P2)
    elastic = (16 / (4 + x) ** 2) ** 2 / t
    discrete = mpmath.nsum(
        lambda n: discrete_sq(int(n), x) / (t - (1 - 1 / n**2) / 2), [2, mpmath.inf]
    )
    kt = mpmath.sqrt(2 * t - 1)

    def f(k: mpmath.mpf) -> mpmath.mpf:  # S dT′/(T − T′) = f(k′) dk′/(k_T − k′), T′ = (1 + k′²)/2
        return 2 * _density(k, x) * k / (kt + k)

    near = mpmath.quad(lambda d: (f(kt - d) - f(kt + d)) / d, [0, kt / 2, kt])
    far = mpmath.quad(lambda k: f(k) / (kt - k), [2 * kt, 4 * kt, mpmath.inf])
    return elastic + discrete + mpmath.mpc(near + far, mpmath.pi * _density(kt, x))


def _agree(value: mpmath.mpc, ref: mpmath.mpc, digits: float) -> bool:
    """Real and imaginary parts agree to ``digits`` significant digits (exact 0 for Im = 0)."""
    with mpmath.workdps(50):
        re_ok = agreement_digits(value.real, ref.real) >= digits
        im_ok = (
            value.imag == 0 if ref.imag == 0 else agreement_digits(value.imag, ref.imag) >= digits
        )
    return re_ok and im_ok


# --- the dispersion integral of Eq. (11) --------------------------------------------------------

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


# --- the resolvent of Eq. (9) -------------------------------------------------------------------


@pytest.mark.parametrize(("T", "P2"), [(1, 1), (1, "-0.5"), (3, "0.5")])
def test_resolvent_against_spectral_sum(T: object, P2: object) -> None:
    """R(T, P²) (default route) = elastic + discrete + continuum from docs/models.md, dps − 2 digits;
    Im R = π S(T, P²) also at P² < 0 and at P² = 1 = k² (the ridge at T = 1)."""
    r = hc.resolvent(T, P2, dps=20)
    with mpmath.workdps(30):
        ref = _resolvent_reference(T, P2)
        assert _agree(r, ref, 18)
        assert not _agree(ref.conjugate(), ref, 18)  # negative control: T − H − i0 → + i0


def test_resolvent_default_precision_at_p2_zero() -> None:
    """At P² = 0 only the ground state contributes: R = 1/T, rounded to the default 30 digits."""
    assert hc.resolvent(3, 0) == hc.resolvent(3, 0, dps=30)
    with mpmath.workdps(30):
        assert hc.resolvent(3, 0) == mpmath.mpc(mpmath.mpf(1) / 3)
    assert hc.resolvent(3, 0, dps=31) != hc.resolvent(3, 0)  # negative control


# --- the fields of completeness / bethe_sum ------------------------------------------------------


@pytest.mark.parametrize("f", [hc.completeness, hc.bethe_sum])
def test_spectral_sum_fields_and_error_budget(f: Callable[..., hc.SpectralSum]) -> None:
    """Near Q² = −Z² (poles of |F_n|² accumulate there) the n-series converges slowly: the
    sum is 1 within the reported budget (entries are magnitudes) plus the rounding of parts
    of size ~3 to dps = 15; Q2 and Z are the evaluation point (Z-scaling: Q² = −0.9 Z²)."""
    for Z in (1, 2):
        s = f(None, Q2=-0.9 * Z**2, Z=Z, dps=15)
        assert (float(s.Q2), s.Z) == (-0.9 * Z**2, Z)
        assert s.discrete_spread >= 0 and s.continuum_error > 0
        assert abs(s.total - 1) <= s.discrete_spread + s.continuum_error + 1e-14
    s = f(2, Z=3, dps=15)  # from q: Q² = q²
    assert (s.Q2, s.Z) == (4, 3) and abs(s.total - 1) < 1e-13
    # negative control: a wrong density breaks the sum far beyond the budget
    wrong = hc.WRONG_DENSITIES["denominator power 2 instead of 3"]
    s = f(None, Q2="-0.9", dps=15, density=wrong)
    assert abs(s.total - 1) > 100 * (s.discrete_spread + s.continuum_error)


# --- the large-T series of r − 1 -------------------------------------------------------------------


def _remainder_scales(w: sympy.Symbol, series: sympy.Expr, power: int) -> bool:
    """(r − 1 − series)/w^power is the same number at w = 1/200 and 1/2000 (within 5 %), with
    r from the closed form ``exact_sum_rule_ratio`` at T = I/w² (Z = 1, I = 1/2)."""
    f = sympy.lambdify(w, series, "mpmath")
    rho = []
    with mpmath.workdps(50):
        for n in (200, 2000):
            x = mpmath.mpf(1) / n
            r = h.exact_sum_rule_ratio(n * n / 2, dps=45)
            rho.append((r - 1 - f(x)) / x**power)
        return rho[0] != 0 and abs(rho[1] / rho[0] - 1) < 0.05


def test_large_T_series_order_6_is_the_leading_law() -> None:
    """order = 6 (the smallest allowed) gives c w⁵ alone; r − 1 − c w⁵ = O(w⁶); the symbol
    is the documented w (positive: w = √(I/T))."""
    w, s = hc.large_T_series(6)
    w_doc = sympy.Symbol("w", positive=True)
    assert w == w_doc and sympy.Poly(s, w).monoms() == [(5,)]
    assert _remainder_scales(w, s, 6)
    assert not _remainder_scales(w, s, 5)  # negative control: the remainder is not O(w⁵)
    assert not _remainder_scales(w, s + w**5 / 100, 6)  # nor with c₅ off by 0.01
    with pytest.raises(ValueError, match=r"^order must be an integer >= 6, got 5$"):
        hc.large_T_series(5)


def test_large_T_series_default_order_9() -> None:
    """The default series runs through w⁸ (order 9): the closed form minus it is O(w⁹)."""
    w, s = hc.large_T_series()
    assert sympy.Poly(s, w).degree() == 8 and all(s.coeff(w, j) == 0 for j in range(5))
    assert _remainder_scales(w, s, 9)
    assert not _remainder_scales(w, s - s.coeff(w, 8) * w**8, 9)  # negative control
