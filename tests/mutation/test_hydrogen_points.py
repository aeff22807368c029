"""Kill tests for the quadrature split points of :mod:`sumrules.models.hydrogen` (group B2).

Covers ``ridge_points`` (the splitting of :func:`sum_rule_ratios`), ``_points_graded`` (the
cross-check splitting of :func:`sum_rule_ratios_detailed`) and :func:`low_q_fraction`. Split
points only cut one integral into pieces, so most changes to them leave the value unchanged
(see docs/mutation.md). What is checked here is what the docstrings promise about the lists:
the documented split points k, k ± Z, k ± 4Z, k ± 16Z, … (< k/2) of :func:`sum_rule_ratios`;
q² = k² − Z², ≈ 2k and ≈ 3k and a geometric grading towards q = k from both sides for the
graded list; a partition of [0, ∞); covariance under the Z-scaling law
S_Z(T, q) = Z⁻² S_1(T/Z², q/Z) of docs/models.md. The values are compared with the closed form
r(κ) of the module docstring: the refined (dps + 20) route of :func:`sum_rule_ratios_detailed`,
and :func:`low_q_fraction` when q_max = αT lies far above the Bethe ridge q = k (then it is the
whole Eq. (12) integral up to a tail bounded below).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from fractions import Fraction

import mpmath
import pytest
from modelrefs import ridge_share

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import ground as h

Points = Callable[[mpmath.mpf, mpmath.mpf], list[mpmath.mpf]]

# Z values that are powers of two: k = κZ, k ± cZ, √(k² − Z²) scale exactly in binary.
_ZS = (mpmath.mpf(1), mpmath.mpf(1) / 8, mpmath.mpf(4))
_KAPPAS = ("0.3", "0.5", "0.75", "1", "1.5", "3", "4.9", "5", "5.5", "8", "10", "100", "1000")


def _is_partition_of_half_line(pts: list[mpmath.mpf], k: mpmath.mpf) -> bool:
    """[0, …, ∞], strictly increasing, with the Bethe ridge q = k among the split points."""
    return (
        pts[0] == 0
        and pts[-1] == mpmath.inf
        and all(a < b for a, b in itertools.pairwise(pts))
        and k in pts
    )


def _is_z_covariant(points: Points, kappa: mpmath.mpf, z: mpmath.mpf) -> bool:
    """points(κZ, Z) is Z times points(κ, 1): the split depends on q/Z and k/Z only."""
    return points(kappa * z, z) == [z * p for p in points(kappa, mpmath.mpf(1))]


# --- ridge_points: the splitting of sum_rule_ratios --------------------------------------


def _documented_primary(k: mpmath.mpf, z: mpmath.mpf) -> list[mpmath.mpf]:
    """sum_rule_ratios' docstring: split at q = k and at k ± Z, k ± 4Z, k ± 16Z, … (< k/2)."""
    offsets = [4**j * z for j in range(60) if j == 0 or 4**j * z < k / 2]
    pts = {k} | {k - d for d in offsets} | {k + d for d in offsets}
    return [mpmath.mpf(0), *sorted(pts), mpmath.inf]


def test_primary_split_points_are_the_documented_ones_above_k_5z() -> None:
    """For k > 5Z (where the grading applies) the list is exactly the documented one."""
    with mpmath.workdps(40):
        for z in _ZS:
            for kappa in ("5.5", "8", "10", "40", "1000", "1e6"):
                k = mpmath.mpf(kappa) * z
                assert h.ridge_points(k, z) == _documented_primary(k, z), (kappa, z)
        # negative controls: grading by 3 instead of 4, and the small-k list [0, k, k + 2Z, ∞]
        k, z = mpmath.mpf(1000), mpmath.mpf(1)
        by_three = sorted({k, *(k + s * 3**j for j in range(7) for s in (-1, 1))})
        assert _documented_primary(k, z) != [0, *by_three, mpmath.inf]
        assert _documented_primary(8 * z, z) != [0, 8 * z, 10 * z, mpmath.inf]


def test_primary_split_points_partition_the_half_line() -> None:
    """Every k (also k ≤ 5Z and k ≪ Z): 0 = q_0 < … < q_n = ∞, the ridge q = k included."""
    with mpmath.workdps(40):
        for z in _ZS:
            for kappa in (*_KAPPAS, "0.01", "1e6"):
                k = mpmath.mpf(kappa) * z
                assert _is_partition_of_half_line(h.ridge_points(k, z), k), (kappa, z)
        # negative control: grading out to 2k puts negative points after q = 0
        k = mpmath.mpf(100)
        too_far = [k + s * 4**j for j in range(1, 5) for s in (-1, 1)]  # 4⁴ > k
        assert not _is_partition_of_half_line([0, *sorted([k, *too_far]), mpmath.inf], k)


@pytest.mark.parametrize("points", [h.ridge_points, h._points_graded])
def test_split_points_follow_the_z_scaling_law(points: Points) -> None:
    """S_Z(T, q) = Z⁻² S_1(T/Z², q/Z): the Z-problem is split where the Z = 1 one is, times Z."""
    with mpmath.workdps(40):
        for z in _ZS[1:]:
            for kappa in _KAPPAS:
                assert _is_z_covariant(points, mpmath.mpf(kappa), z), (kappa, z)

        # negative control: an offset that does not scale with Z (k + 2/Z) is caught
        def absolute_offset(k: mpmath.mpf, z: mpmath.mpf) -> list[mpmath.mpf]:
            return [mpmath.mpf(0), k, k + 2 / z, mpmath.inf]

        assert not _is_z_covariant(absolute_offset, mpmath.mpf(3), mpmath.mpf(4))


# --- _points_graded: the refined splitting of sum_rule_ratios_detailed ----------------------


def _graded_towards_k_from_both_sides(pts: list[mpmath.mpf], k: mpmath.mpf, z: mpmath.mpf) -> bool:
    """Geometric grading towards q = k on each side, from the ridge width ~Z out to ~k.

    On each side, the distances |q − k| in [Z/4, k] start at ≤ Z and grow by a factor ≤ 4
    from one point to the next and to k (any geometric grading; the code uses 3).
    """
    for side in (-1, 1):
        dist = sorted(side * (p - k) for p in pts if z / 4 <= side * (p - k) <= k)
        if not dist or dist[0] > z:
            return False
        if any(b > 4 * a for a, b in zip(dist, [*dist[1:], k], strict=True)):
            return False
    return True


def test_graded_split_points_documented_properties() -> None:
    """Partition of [0, ∞); q² = k² − Z² (k > Z); ≈ 2k and 3k; grading towards k (k ≫ Z)."""
    with mpmath.workdps(40):
        tol = mpmath.mpf(10) ** -30
        for z in _ZS:
            for kappa in _KAPPAS:
                k = mpmath.mpf(kappa) * z
                pts = h._points_graded(k, z)
                assert _is_partition_of_half_line(pts, k), (kappa, z)
                if k > z:  # the real zero of q² − k² + Z², where the atan2 angle passes π/2
                    assert any(abs(p * p - (k * k - z * z)) < tol * k * k for p in pts[:-1])
            for kappa in ("10", "100", "1000", "1e6"):
                k = mpmath.mpf(kappa) * z
                pts = h._points_graded(k, z)
                assert _graded_towards_k_from_both_sides(pts, k, z), (kappa, z)
                if k >= 100 * z:  # "2k, 3k": the points 2k + O(Z), 3k + O(Z) for k ≫ Z
                    for m in (2, 3):
                        assert any(abs(p / (m * k) - 1) < mpmath.mpf("0.05") for p in pts[:-1])
        # negative controls: grading from above only, and a list with no point near 2k
        k, z = mpmath.mpf(100), mpmath.mpf(1)
        one_sided = [0, k, k + z / 2, *(k + 3**j for j in range(5)), 3 * k, mpmath.inf]
        assert not _graded_towards_k_from_both_sides([*sorted(one_sided[:-1]), mpmath.inf], k, z)
        assert not any(abs(p / (2 * k) - 1) < mpmath.mpf("0.05") for p in one_sided[:-1])


def test_refined_route_reaches_dps_plus_20_digits_at_z_2() -> None:
    """The graded (dps + 20) route of sum_rule_ratios_detailed agrees with r(κ) to > dps + 25."""
    dps = 15
    d = h.sum_rule_ratios_detailed(20, Z=2, dps=dps)  # T = 20, Z = 2: κ = √(2T/Z² − 1) = 3
    with mpmath.workdps(80):
        r = ridge_share(mpmath.mpf(3))
        assert agreement_digits(d.refined_nmm, r) > dps + 25
        assert agreement_digits(d.refined_ew, r) > dps + 25
        # negative controls: the sum rule as written (r = 1), and the primary value, which is
        # held at dps + 10 working digits only
        assert agreement_digits(1, r) < dps + 25
        assert agreement_digits(d.r_nmm, r) < dps + 25


# --- low_q_fraction far above the ridge: the whole Eq. (12) integral --------------------------


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
