"""The share of the sum rule from low momentum transfer
(:func:`~sumrules.models.hydrogenic.ground.low_q_fraction`, ``low_q_fraction_dipole``).

Far up the Bethe ridge (κ = k/Z ≫ 1, q_max = αT ≫ k) the share is the closed form of Eq. (12),
r(κ) = (1 − e^{−4 atan(κ)/κ} (κ⁴ − 2κ² + 7/3)/(1 + κ²)²) / (1 − e^{−2π/κ}), independent of Z and
α once the tail beyond q_max (bounded here) is negligible; the quadrature needs split points
graded by 4 on both flanks of the ridge, starting at the width Z, and log10(k/Z) extra digits.
Also: an independent quadrature, the dipole limit α²T³D(T), the Z-scaling, every dps, and why
the low-q region cannot explain the deviation of r from 1.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
from modelrefs import assert_default, models_density, ridge_share

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import ground as h


def _ridge_share(kappa: mpmath.mpf) -> mpmath.mpf:
    """Closed form r(κ) of the share below q_max ≫ k (Eq. 12), at 80 digits."""
    with mpmath.workdps(80):
        return ridge_share(mpmath.mpf(kappa))


def test_low_q_region_is_far_too_small_to_explain_the_deviation() -> None:
    for x in ("1.001", 2, 10):
        T = mpmath.mpf(x) / 2
        exact = h.low_q_fraction(T, dps=20)
        dipole = h.low_q_fraction_dipole(T, dps=20)
        assert abs(exact / dipole - 1) < 1e-3
        assert 100 * exact < 1 - h.exact_sum_rule_ratio(T, dps=20)


def _dipole_t1() -> mpmath.mpf:
    """D(T = 1, Z = 1) by hand: k = 1, (8/3) e^{−4 atan 1} / (1 − e^{−2π})."""
    return mpmath.mpf(8) / 3 * mpmath.exp(-mpmath.pi) / (1 - mpmath.exp(-2 * mpmath.pi))


def _low_q_reference(T: mpmath.mpf, q_max: mpmath.mpf) -> mpmath.mpf:
    """T ∫_0^{q_max} S dQ²/Q² = 2T ∫ S dq/q with the docs/models.md density (Z = 1), own splitting."""
    k = mpmath.sqrt(2 * T - 1)
    pts = sorted({mpmath.mpf(0), q_max, *[p for p in (k / 2, k - 1, k, k + 1) if 0 < p < q_max]})
    return 2 * T * mpmath.quad(lambda q: models_density(T, q) / q, pts)


def test_low_q_fraction_against_an_independent_quadrature() -> None:
    with mpmath.workdps(45):
        alpha = mpmath.mpf(1) / 137
        ref = _low_q_reference(mpmath.mpf(1), alpha)
        assert agreement_digits(h.low_q_fraction(1, alpha=Fraction(1, 137)), ref) > 28
        # alpha = 1: q_max = T = 10 reaches across the Bethe ridge k = √19
        ref10 = _low_q_reference(mpmath.mpf(10), mpmath.mpf(10))
        assert agreement_digits(h.low_q_fraction(10, alpha=1, dps=25), ref10) > 23
        # Z-scaling: (Z = 2, T = 40, α = 1/2) is (Z = 1, T = 10, α = 1)
        v = h.low_q_fraction(40, Z=2, alpha=Fraction(1, 2), dps=25)
        assert agreement_digits(v, ref10) > 23
    assert_default(h.low_q_fraction, "dps", 30, 31, 1)
    for bad, match in (("x", "alpha must be a finite real"), (0, "alpha must be positive")):
        with pytest.raises(ValueError, match=match):
            h.low_q_fraction(1, alpha=bad)


def test_low_q_fraction_dipole_is_alpha2_t3_d() -> None:
    with mpmath.workdps(50):
        ref = mpmath.mpf(1) / 100**2 * _dipole_t1()  # α² T³ D(T) at T = 1, α = 1/100
        assert agreement_digits(h.low_q_fraction_dipole(1, alpha=Fraction(1, 100)), ref) > 29
        # Z = 2, T = 4: D_2(4) = D_1(1)/16, T³ = 64
        v = h.low_q_fraction_dipole(4, Z=2, alpha=Fraction(1, 100))
        assert agreement_digits(v, 4 * ref) > 29
    assert_default(h.low_q_fraction_dipole, "dps", 30, 31, 1)
    for bad, match in (("x", "alpha must be a finite real"), (0, "alpha must be positive")):
        with pytest.raises(ValueError, match=match):
            h.low_q_fraction_dipole(1, alpha=bad)


def test_low_q_fraction_keeps_dps_digits_at_large_z_and_for_small_shares() -> None:
    """The scaling law S_Z(T, q) = Z⁻² S_1(T/Z², q/Z) makes these equal to dps digits."""
    from fractions import Fraction

    with mpmath.workdps(100):  # an independent 90-digit reference, T/I = 1e6, q below αT
        ref = h.low_q_fraction(500000, alpha=Fraction(1, 1000), dps=90)
    big_z = h.low_q_fraction(5 * 10**13, Z=10**4, alpha=Fraction(1, 10**7), dps=30)
    assert agreement_digits(big_z, ref) > 30  # was 19 digits while q, not q/Z, was integrated
    # a share of 1.7e-19 has its 30 digits too (mpmath's stopping rule is absolute)
    small = h.low_q_fraction(500000, alpha=Fraction(1, 10**5), dps=30)
    with mpmath.workdps(100):
        small_ref = h.low_q_fraction(500000, alpha=Fraction(1, 10**5), dps=90)
    assert small < 1e-18 and agreement_digits(small, small_ref) > 30
    # negative control: the share up to another αT is another number
    assert agreement_digits(big_z, small_ref) < 1


# --- far up the ridge ----------------------------------------------------------------------------


@pytest.mark.parametrize("kappa_exp", [11, 15, 30])
def test_low_q_fraction_far_up_the_ridge(kappa_exp: int) -> None:
    """κ = k/Z = 10^11, 10^15 with q_max ≫ k: the share is the closed form r(κ) of Eq. (12).

    The tail beyond q_max is below 1e-60. Before the split points were graded away from the
    ridge, κ = 10^15 kept 22 of 30 digits; before log10(κ) working digits were added (nodes
    near the ridge sit at u ≈ κ), κ = 10^30 kept 18.7.
    """
    T = Fraction(10 ** (2 * kappa_exp) + 1, 2)  # k = sqrt(2T − 1) = 10^e exactly
    got = h.low_q_fraction(T, dps=30)
    with mpmath.workdps(80):
        r = ridge_share(mpmath.mpf(10) ** kappa_exp)
        assert agreement_digits(got, r) >= 29
        # negative control: the error the old split left at κ = 10^15 (1.8e-22) is rejected
        assert agreement_digits(got - mpmath.mpf("1.8e-22"), r) < 29


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


# --- far above the ridge: the whole Eq. (12) integral --------------------------------------------


def _tail_bound(T: mpmath.mpf, z: mpmath.mpf, kappa: mpmath.mpf, q_max: mpmath.mpf) -> mpmath.mpf:
    """Bound on 2T ∫_{q_max}^∞ S dq/q for q_max ≥ 2 max(k, Z).

    There (q² − k² + Z²)² + 4k²Z² ≥ (3q²/4)², q² + (k² + Z²)/3 ≤ 2q² and the exponential is
    ≤ 1, so S ≤ 2⁹ (4/3)⁶ Z⁶ / (q⁸ [1 − e^{−2π/κ}]) and the tail is ≤ 2⁷ (4/3)⁶ T Z⁶ / (…).
    """
    return (
        2**7
        * (mpmath.mpf(4) / 3) ** 6
        * T
        * z**6
        / (q_max**8 * (1 - mpmath.exp(-2 * mpmath.pi / kappa)))
    )


def _mp(x: Fraction) -> mpmath.mpf:
    """An exact rational as an mpf at the current precision."""
    return mpmath.mpf(x.numerator) / x.denominator


@pytest.mark.parametrize(
    ("kappa", "Z", "alpha", "dps"),
    [
        (1000, Fraction(1), Fraction(2), 30),  # q_max = 2T ≈ 1000 k
        (10, Fraction(1, 50), Fraction(10**6), 30),  # k = 0.2, Z = 0.02: all split points < 1
        (10**7, Fraction(20), Fraction(1), 50),  # r − 1 ≈ −3·10⁻³⁶, resolved at dps = 50
        # Z = 1000: by the Z-scaling law the Z = 1 problem at T/Z², αZ = 1 (q_max = T/Z)
        (10**7, Fraction(1000), Fraction(1, 1000), 30),
    ],
)
def test_low_q_fraction_far_above_the_ridge_is_the_closed_form(
    kappa: int, Z: Fraction, alpha: Fraction, dps: int
) -> None:
    """q_max = αT ≫ k: T ∫_0^{q_max²} S dQ²/Q² = r(κ) minus a tail < 10^{−dps−5}."""
    T = Fraction(kappa**2 + 1) * Z * Z / 2  # T = (k² + Z²)/2 exactly, k = κZ
    v = h.low_q_fraction(T, Z=Z, alpha=alpha, dps=dps)
    with mpmath.workdps(dps + 30):
        t, z, kap = _mp(T), _mp(Z), mpmath.mpf(kappa)
        q_max = _mp(alpha) * t
        assert q_max >= 2 * max(kap * z, z)
        assert _tail_bound(t, z, kap, q_max) < mpmath.mpf(10) ** (-dps - 5)
        r = ridge_share(kap)
        assert agreement_digits(v, r) > dps - 1
        # negative control: the same ratio without the Sommerfeld factor 1/(1 − e^{−2π/κ})
        wrong = r * (1 - mpmath.exp(-2 * mpmath.pi / kap))
        assert agreement_digits(v, wrong) < dps - 1
