"""Mutation tests for the graded split points of :func:`hydrogen.low_q_fraction`.

Far up the Bethe ridge (κ = k/Z ≫ 1, q_max = αT ≫ k) the low-q share has the closed form of
Eq. (12) (see tests/test_hydrogen.py::test_low_q_fraction_far_up_the_ridge)

    r(κ) = (1 − e^{−4 atan(κ)/κ} (κ⁴ − 2κ² + 7/3)/(1 + κ²)²) / (1 − e^{−2π/κ}),

which is independent of Z and of α once the tail beyond q_max is negligible. The quadrature
needs split points graded by 4 on both flanks of the ridge k, starting at the ridge width Z:
these tests ask for the closed form to dps − 1 digits where a missing flank or a grading that
does not start on the scale Z loses two to three digits.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
from modelrefs import ridge_share

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import ground as h


def _ridge_share(kappa: mpmath.mpf) -> mpmath.mpf:
    """Closed form r(κ) of the share below q_max ≫ k (Eq. 12), at 80 digits."""
    with mpmath.workdps(80):
        return ridge_share(mpmath.mpf(kappa))


@pytest.mark.parametrize("kappa_exp", [18, 19])
def test_low_q_fraction_lower_flank_far_up_the_ridge(kappa_exp: int) -> None:
    """κ = 10^18, 10^19 (Z = 1, default α): the share is r(κ) to 29 of 30 digits.

    The piece just below the ridge spans ~k; without the split points k − 4^n Z its
    tanh-sinh nodes are rounded on the scale k, not Z (that loses 1.5 to 2.5 digits here).
    """
    T = Fraction(10 ** (2 * kappa_exp) + 1, 2)  # k = sqrt(2T − 1) = 10^e exactly
    got = h.low_q_fraction(T, dps=30)
    ref = _ridge_share(mpmath.mpf(10) ** kappa_exp)
    assert agreement_digits(got, ref) >= 29
    # negative control: an error of 1e-28 (what an ungraded lower flank leaves) is rejected
    with mpmath.workdps(80):  # the shifted value must not round back to ``got``
        assert agreement_digits(got - mpmath.mpf("1e-28"), ref) < 29


def test_low_q_fraction_grading_starts_at_the_ridge_width_for_small_z() -> None:
    """Z = 10⁻¹⁰, κ = 10¹⁵, α = 1 (q_max/Z = 5·10¹⁹ ≫ κ): the share is r(κ) to 29 digits.

    S varies on the scale Z, so the grading must start at 4Z; started at a Z-independent
    width (4/Z = 4·10¹⁰ > q_max) there are no graded points at all and 3 digits are lost.
    The Z-scaling image low_q_fraction(Z²T, Z=Z, α) = low_q_fraction(T, α·Z) holds too.
    """
    Z = Fraction(1, 10**10)
    T = Fraction(10**30 + 1, 2) * Z * Z  # k/Z = 10^15 exactly
    got = h.low_q_fraction(T, Z=Z, alpha=1, dps=30)
    ref = _ridge_share(mpmath.mpf(10) ** 15)
    assert agreement_digits(got, ref) >= 29
    image = h.low_q_fraction(Fraction(10**30 + 1, 2), alpha=Fraction(1, 10**10), dps=30)
    assert agreement_digits(got, image) >= 29
    # negative control: an error of 1e-27 (what the Z-independent start leaves) is rejected
    with mpmath.workdps(80):  # the shifted value must not round back to ``got``
        assert agreement_digits(got - mpmath.mpf("1e-27"), ref) < 29


def test_low_q_fraction_working_digits_follow_k_over_z_at_small_z() -> None:
    """Z = 1e-30, κ = 1e32 (k = 100, α = 1): log10(k/Z) = 32 extra digits, not log10(k) = 2 or
    log10(kZ) < 0; the image of a Z = 1 problem, so the share is r(κ) to 29 of 30 digits
    (without the extra digits about log10 κ − 19 = 13 are lost)."""
    z = mpmath.mpf("1e-30")
    with mpmath.workdps(120):
        T = (mpmath.mpf(10) ** 64 + 1) / 2 * z * z  # k = sqrt(2T − Z²) = 1e32 Z
    got = h.low_q_fraction(T, Z=z, alpha=1, dps=30)
    r = _ridge_share(mpmath.mpf(10) ** 32)
    assert agreement_digits(got, r) >= 29
    # negative control: an error of 1e-28 (what the missing digits leave, and less) is rejected
    with mpmath.workdps(80):
        assert agreement_digits(got + mpmath.mpf("1e-28"), r) < 29


def test_low_q_fraction_tiny_share_is_the_dipole_limit() -> None:
    """α = 1e-20 at T = 1: q_max = 1e-20, so the share is α²T³D(T) (low_q_fraction_dipole) up
    to a relative O(q_max²) = 1e-40: 30 digits, which takes −log10(share) = 41 more digits."""
    got = h.low_q_fraction(1, alpha="1e-20", dps=30)
    dip = h.low_q_fraction_dipole(1, alpha="1e-20", dps=30)
    assert got < mpmath.mpf("1e-40")
    assert agreement_digits(got, dip) >= 29
    # negative control: the share at α = 1e-10 is not its dipole value to 29 digits (q² ~ 1e-20)
    assert (
        agreement_digits(
            h.low_q_fraction(1, alpha="1e-10"), h.low_q_fraction_dipole(1, alpha="1e-10")
        )
        < 29
    )


@pytest.mark.parametrize("dps", [10, 15, 19])
def test_low_q_fraction_at_low_dps(dps: int) -> None:
    """Every documented dps works: the value agrees with dps = 30 to dps − 1 digits."""
    got = h.low_q_fraction(3, dps=dps)
    assert agreement_digits(got, h.low_q_fraction(3, dps=30)) >= dps - 1
    # negative control: the dipole value differs from the exact share in the fourth digit
    assert agreement_digits(got, h.low_q_fraction_dipole(3, dps=dps)) < 5


def test_low_q_fraction_extra_digits_grow_like_log_kappa() -> None:
    """κ = 10⁶⁶ (Z = 1, dps = 10): the share is r(κ) = 1 − O(κ⁻²) to dps − 1 digits.

    Without extra digits about log10 κ − 19 digits are lost; the 10 guard digits hide a
    shortfall of up to ~19, so only κ beyond ~10⁶⁰ tells log10 κ extra digits from
    (2/3)·log10 κ (7.9 digits kept). The slowest test here (5 to 10 s): 110 graded pieces.
    """
    got = h.low_q_fraction(Fraction(10**132 + 1, 2), dps=10)
    r = _ridge_share(mpmath.mpf(10) ** 66)
    assert agreement_digits(got, r) >= 9
    # negative control: a relative error of 1e-8 (what (2/3)·log10 κ digits leave) is rejected
    with mpmath.workdps(80):
        assert agreement_digits(got * (1 - mpmath.mpf("1e-8")), r) < 9
