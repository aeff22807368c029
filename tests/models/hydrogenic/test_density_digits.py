"""The working digits of the continuum density S(T, q) (:func:`~sumrules.models.hydrogenic.ground.continuum_density`).

Near q ≈ k = √(2T − Z²) the density varies on the scale Z in q, so rounding q or k to p
digits moves S by ≈ (k/Z)·10⁻ᵖ: continuum_density adds int(log10(max(T, q²)/Z²)/2) ≈
log10(k/Z) working digits to its 10 guard digits. The tests compare it, at k/Z up to 10⁶⁰ and at
Z ≪ 1, with the docs/models.md closed form evaluated at 400 digits (through the scaling law
S_Z(T, q) = Z⁻² S_1(T/Z², q/Z)), and require dps − 1 digits; they also check the minimum
dps = 10, the reference density ``continuum_density_ref`` (10 guard digits, q² − k² formed
without cancellation) and ``z_scaling_digits``.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
from modelrefs import models_density

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import checks as hc
from sumrules.models.hydrogenic import ground as h

_REF_DPS = 400  # far more than dps + log10(k/Z) for every case below


def _models_density(T: mpmath.mpf, q: mpmath.mpf, Z: mpmath.mpf) -> mpmath.mpf:
    """docs/models.md: S_1(T, q) = 2⁸ q² [q² + (1 + k²)/3] e^{−(2/k) atan2(2k, q² − k² + 1)}
    / ([(q² − k² + 1)² + 4k²]³ [1 − e^{−2π/k}]), and S_Z(T, q) = Z⁻² S_1(T/Z², q/Z)."""
    t, u = T / Z**2, q / Z
    k = mpmath.sqrt(2 * t - 1)
    a = u * u - k * k + 1  # plain subtraction: harmless at 400 digits
    s1 = (
        2**8
        * u**2
        * (u**2 + (1 + k**2) / 3)
        * mpmath.exp(-(2 / k) * mpmath.atan2(2 * k, a))
        / ((a * a + 4 * k * k) ** 3 * (1 - mpmath.exp(-2 * mpmath.pi / k)))
    )
    return s1 / Z**2


def _ridge_point(kappa: str, Z: str) -> tuple[str, str, str]:
    """(T, q, Z) as 200-digit strings with k = κZ and q = k + 0.731…·Z (on the ridge)."""
    with mpmath.workdps(_REF_DPS):
        z = mpmath.mpf(Z)
        k = mpmath.mpf(kappa) * z
        T = (k * k + z * z) / 2
        q = k + z * mpmath.mpf("0.7310585786300049")  # an arbitrary irrational-looking offset
        return mpmath.nstr(T, 200), mpmath.nstr(q, 200), mpmath.nstr(z, 200)


# (κ = k/Z, Z): k/Z ≫ 1 on the ridge, at Z = 1 and at Z ≪ 1 (where T and q are ≪ 1 too)
_RIDGE = [
    ("1.3e60", "1"),  # log10(k/Z) = 60: needs all the extra digits, not two thirds of them
    ("3e17", "8.470329472543003e-22"),  # Z ≈ 2⁻⁷⁰, T ≈ 3e-8: the extra digits come from T/Z²
    ("4e25", "1e-15"),  # T ≈ 8e20 but T/Z² ≈ 8e50: 25 extra digits, not 10 (nor 0 from T·Z²)
]


@pytest.mark.parametrize(("kappa", "Z"), _RIDGE)
def test_density_far_up_the_ridge_has_dps_digits(kappa: str, Z: str) -> None:
    """continuum_density at dps = 30 is the 400-digit docs/models.md value to ≥ 29 digits."""
    T, q, z = _ridge_point(kappa, Z)
    dps = 30
    value = h.continuum_density(T, q, Z=z, dps=dps)
    with mpmath.workdps(_REF_DPS):
        ref = _models_density(mpmath.mpf(T), mpmath.mpf(q), mpmath.mpf(z))
        assert agreement_digits(value, ref) >= dps - 1
        # negative control: one ridge width Z further out is another number already
        off = _models_density(mpmath.mpf(T), mpmath.mpf(q) + mpmath.mpf(z), mpmath.mpf(z))
        assert agreement_digits(value, off) < 1


@pytest.mark.parametrize("dps", [10, 15, 19])
def test_density_at_the_lowest_allowed_dps(dps: int) -> None:
    """dps = 10 is allowed (numeric.MIN_DPS) and gives dps − 1 digits, near and far up the ridge."""
    for T, q, z in [("1", "0.7", "1"), _ridge_point("8.6e16", "1")]:
        value = h.continuum_density(T, q, Z=z, dps=dps)
        with mpmath.workdps(_REF_DPS):
            ref = _models_density(mpmath.mpf(T), mpmath.mpf(q), mpmath.mpf(z))
            assert agreement_digits(value, ref) >= dps - 1
            # negative control: without the Sommerfeld factor 1/(1 − e^{−2π/k})
            k = mpmath.sqrt(2 * mpmath.mpf(T) - 1)
            wrong = ref * (1 - mpmath.exp(-2 * mpmath.pi / k))
            assert agreement_digits(value, wrong) < dps - 1


def test_density_on_a_far_ridge_keeps_dps_digits() -> None:
    """At q ≈ k ≈ 8.6e16 (T/I ≈ 7e33) S varies by order one when q moves by Z = 1."""
    T, q = "3698000000000000210330181334728704", "86000000000000000"  # k − q ≈ 2.4, irrational
    with mpmath.workdps(150):
        ref = models_density(mpmath.mpf(T), mpmath.mpf(q))  # the docs/models.md formula
    value = h.continuum_density(T, q, dps=30)
    assert agreement_digits(value, ref) > 30  # was 24 with a fixed 10 guard digits
    # negative control: one unit of q off the ridge is another number already
    assert agreement_digits(h.continuum_density(T, "86000000000000001", dps=30), ref) < 1


def test_density_on_the_bethe_ridge_at_huge_k_keeps_dps_digits() -> None:
    """S at q ≈ k = 2⁶⁰ + 1 (inputs exact in binary, so any loss is the code's own).

    The docstring of Continuum.density promises q² − k² formed as (q − k)(q + k): a
    q*q − k*k loses ~log10(k²) digits of the 10 guard digits and more.
    """
    k = 2**60 + 1
    T = (k * k + 1) // 2  # T = (1 + k²)/2, an exact integer
    q = Fraction(k + 1) + Fraction(1, 2**20)  # on the ridge, 81 bits: exact at dps + 10
    dps = 30
    value = h.continuum_density(T, q, dps=dps)
    with mpmath.workdps(120):  # docs/models.md formula, Z = 1, far more digits
        K, Q = mpmath.mpf(k), mpmath.mpf(q.numerator) / q.denominator
        ref = (
            2**8 * Q**2 * (Q**2 + (1 + K**2) / 3)
            * mpmath.exp(-(2 / K) * mpmath.atan2(2 * K, (Q - K) * (Q + K) + 1))
            / (((Q + K) ** 2 + 1) ** 3 * ((Q - K) ** 2 + 1) ** 3 * (1 - mpmath.exp(-2 * mpmath.pi / K)))
        )  # fmt: skip
        assert agreement_digits(value, ref) >= dps - 1
        # negative control: q² − k² by subtraction at the working precision loses digits
        with mpmath.workdps(dps + 10):
            Qw, Kw = mpmath.mpf(Q), mpmath.mpf(K)
            a_bad = Qw * Qw - Kw * Kw + 1
        bad = (
            2**8 * Q**2 * (Q**2 + (1 + K**2) / 3) * mpmath.exp(-(2 / K) * mpmath.atan2(2 * K, a_bad))
            / ((a_bad**2 + 4 * K**2) ** 3 * (1 - mpmath.exp(-2 * mpmath.pi / K)))
        )  # fmt: skip
        assert agreement_digits(bad, ref) < dps - 1


# --- the reference density and the scaling digits ------------------------------------------------


def test_reference_density_forms_q2_minus_k2_without_cancellation() -> None:
    """continuum_density_ref (dps + 10, no extra digits) on the ridge at k = 2⁶⁰ + 1.

    T = (k² + 1)/2 (121 bits) and q = k + 1 + 2⁻²⁰ (81 bits) are exact at dps + 10 = 40 digits,
    so k = √(2T − 1) is exact and (q − k)(q + k) + 1 is exact; q·q (162 bits) is not, and its
    rounding, ≈ q²·10⁻⁴⁰, is k ≈ 10¹⁸ times larger than the ridge scale 2kZ allows.
    """
    k = 2**60 + 1
    T = Fraction(k * k + 1, 2)
    q = Fraction(k + 1) + Fraction(1, 2**20)
    dps = 30
    with mpmath.workdps(dps):
        value = hc.continuum_density_ref(T, q)
    with mpmath.workdps(_REF_DPS):
        t, u = mpmath.mpf(T.numerator) / T.denominator, mpmath.mpf(q.numerator) / q.denominator
        ref = _models_density(t, u, mpmath.mpf(1))
        assert agreement_digits(value, ref) >= dps - 1
    # negative control: the same formula with q² − k² + 1 rounded to the same 40 digits
    with mpmath.workdps(dps + 10):
        tw, uw = mpmath.mpf(T.numerator) / T.denominator, mpmath.mpf(q.numerator) / q.denominator
        kw = mpmath.sqrt(2 * tw - 1)
        a_bad = uw * uw - kw * kw + 1
    with mpmath.workdps(_REF_DPS):
        K = mpmath.mpf(k)
        bad = (
            2**8
            * u**2
            * (u**2 + (1 + K**2) / 3)
            * mpmath.exp(-(2 / K) * mpmath.atan2(2 * K, a_bad))
            / ((a_bad**2 + 4 * K**2) ** 3 * (1 - mpmath.exp(-2 * mpmath.pi / K)))
        )
        assert agreement_digits(bad, ref) < dps - 1


def test_continuum_density_ref_is_the_models_formula_with_ten_guard_digits() -> None:
    with mpmath.workdps(60):
        ref = models_density(mpmath.mpf("0.6"), mpmath.mpf("0.3"))
    with mpmath.workdps(20):
        v = hc.continuum_density_ref("0.6", "0.3")
    assert agreement_digits(v, ref) > 28  # current 20 digits + 10
    with pytest.raises(ValueError, match="T must be a finite real"):
        hc.continuum_density_ref("x", "0.3")
    with pytest.raises(ValueError, match="q must be a finite real"):
        hc.continuum_density_ref("0.6", "y")


def test_z_scaling_digits_capped_at_default_dps() -> None:
    assert hc.z_scaling_digits(5, 2, 3) == 30.0
    assert hc.z_scaling_digits(5, 2, 3, dps=31) == 31.0  # negative control: the cap moves
