"""Working digits of the hydrogen continuum density S(T, q) far up the Bethe ridge (group E1).

Near q ≈ k = √(2T − Z²) the density varies on the scale Z in q, so rounding q or k to p
digits moves S by ≈ (k/Z)·10⁻ᵖ: :func:`sumrules.models.hydrogen.continuum_density` adds
int(log10(max(T, q²)/Z²)/2) ≈ log10(k/Z) working digits to its 10 guard digits. These tests
compare it, at k/Z up to 10⁶⁰ and at Z ≪ 1, with the docs/models.md closed form evaluated here at
400 digits (through the scaling law S_Z(T, q) = Z⁻² S_1(T/Z², q/Z)), and require dps − 1
digits. They also check the documented minimum dps = 10, and that
:func:`sumrules.models.hydrogen_checks.continuum_density_ref` (10 guard digits, no extra) keeps
q² − k² free of cancellation as :class:`Continuum.density` promises: with T and q exact in
binary (so k is exact), (q − k)(q + k) is exact while q·q − k·k is not.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest

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
