"""The quadrature routes of the hydrogen ratios and their split points
(:mod:`sumrules.models.hydrogenic.ground`).

Split points only cut one integral into pieces: what is checked is what the docstrings promise
about the lists (``ridge_points``: q = k, k ± Z, k ± 4Z, k ± 16Z, … (< k/2); ``graded_points``:
q² = k² − Z², ≈ 2k, ≈ 3k and a geometric grading towards q = k from both sides), that they
partition [0, ∞) and follow the Z-scaling law S_Z(T, q) = Z⁻² S_1(T/Z², q/Z), and that the
refined route reaches dps + 20 digits. The Gauss–Legendre-in-log-q route
(``ratios_log_gauss_legendre``) keeps its tails below 10^(−dps−10) and really is a
Gauss–Legendre rule, independent of the primary tanh-sinh route.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

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


# --- ridge_points: the splitting of sum_rule_ratios ----------------------------------------------


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


@pytest.mark.parametrize("points", [h.ridge_points, h.graded_points])
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


# --- graded_points: the refined splitting of sum_rule_ratios_detailed ----------------------------


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
                pts = h.graded_points(k, z)
                assert _is_partition_of_half_line(pts, k), (kappa, z)
                if k > z:  # the real zero of q² − k² + Z², where the atan2 angle passes π/2
                    assert any(abs(p * p - (k * k - z * z)) < tol * k * k for p in pts[:-1])
            for kappa in ("10", "100", "1000", "1e6"):
                k = mpmath.mpf(kappa) * z
                pts = h.graded_points(k, z)
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


# --- ratios_log_gauss_legendre: Gauss-Legendre in s = log q --------------------------------------


def _log_gl(T: str, Z: str, dps: int, work: int) -> tuple[mpmath.mpf, mpmath.mpf, mpmath.mpf]:
    """(r_nmm, r_ew) of the log-q Gauss–Legendre route at ``dps``, working at ``work`` digits,
    and the exact closed-form ratio (independent route) at the same (T, Z)."""
    with mpmath.workdps(work):
        t, z = mpmath.mpf(T), mpmath.mpf(Z)
        r_nmm, r_ew = h.ratios_log_gauss_legendre(h.Continuum(t, z), dps)
    exact = h.exact_sum_rule_ratio(t, Z=z, dps=work + 20)
    return r_nmm, r_ew, exact


def _rel(a: mpmath.mpf, b: mpmath.mpf) -> mpmath.mpf:
    with mpmath.workdps(100):
        return abs(a / b - 1)


@pytest.mark.parametrize(
    ("T", "Z"),
    [
        ("0.5000001", "1"),  # T/I = 1 + 2e-7: the widest q-range relative to the ridge
        ("5.0000001e-7", "1e-3"),  # the same point scaled to Z = 1e-3 (q_min ∝ Z)
        ("1e20", "1e10"),  # T/I = 2 at Z = 1e10: T ≫ 1 in hartree (q_max ∝ (1 + T)^(1/6))
    ],
)
def test_log_gauss_legendre_tails_below_documented_bound(T: str, Z: str) -> None:
    """The cut-offs [q_min, q_max] leave tails < 10^(-dps-10) relative (docstring).

    Worked at dps + 25 digits, so that only the truncated tails separate the route from the
    exact closed form r = [1 − e^{−(4/κ) atan κ}(κ⁴ − 2κ² + 7/3)/(1 + κ²)²]/(1 − e^{−2π/κ}).
    """
    dps = 20
    bound = mpmath.mpf(10) ** -(dps + 10)
    r_nmm, r_ew, exact = _log_gl(T, Z, dps, dps + 25)
    assert _rel(r_nmm, exact) < bound and _rel(r_ew, exact) < bound
    # negative control: a value exact only to the requested dps (the closed form rounded to
    # dps digits) is rejected: the check resolves the 10 digits beyond dps
    with mpmath.workdps(dps):
        rounded = +exact
    assert _rel(rounded, exact) > bound


def test_log_gauss_legendre_tail_check_sees_short_cutoffs() -> None:
    """Negative control of the tail check: cut-offs meant for 10 digits fewer fail it.

    Near threshold (T/I = 1 + 2e-7, Z = 1) the tails (q → 0 of r_nmm, q → ∞ of r_ew) are
    within a few digits of the documented bound, so the check above measures them.
    """
    dps = 20
    bound = mpmath.mpf(10) ** -(dps + 10)
    short_nmm, short_ew, exact = _log_gl("0.5000001", "1", dps - 10, dps + 25)
    assert max(_rel(short_nmm, exact), _rel(short_ew, exact)) > bound
    # positive control: with the cut-offs for dps both tails are below the bound
    r_nmm, r_ew, _ = _log_gl("0.5000001", "1", dps, dps + 25)
    assert _rel(r_nmm, exact) < bound and _rel(r_ew, exact) < bound


def _min_gap_of_samples(run: Callable[[Callable[[mpmath.mpf], mpmath.mpf]], object]) -> float:
    """Smallest distance between distinct abscissae s at which ``run`` samples its integrand."""
    seen: set[mpmath.mpf] = set()

    def record(s: mpmath.mpf) -> mpmath.mpf:
        seen.add(s)
        return s

    run(record)
    s = sorted(seen)
    return float(min(b - a for a, b in itertools.pairwise(s)))


def test_log_route_is_gauss_legendre_not_tanh_sinh() -> None:
    """substitution_* is documented as Gauss–Legendre in s = log q: a rule independent of the
    primary tanh-sinh route. Gauss–Legendre abscissae stay ~1/n² away from the split points;
    tanh-sinh clusters them within ~10^-dps of every split point."""
    with mpmath.workdps(35):
        c = h.Continuum(mpmath.mpf(2), mpmath.mpf(1))
        density = c.density

        def run(record: Callable[[mpmath.mpf], mpmath.mpf]) -> None:
            def sampled(q: mpmath.mpf) -> mpmath.mpf:
                record(mpmath.log(q))
                return density(q)

            c.density = sampled  # type: ignore[method-assign]
            h.ratios_log_gauss_legendre(c, 25)

        assert _min_gap_of_samples(run) > 1e-10
        # negative control: tanh-sinh on split intervals of s fails the same check
        gap_ts = _min_gap_of_samples(
            lambda rec: mpmath.quad(lambda s: mpmath.exp(-(rec(s) ** 2)), [-2, 0, 2])
        )
        assert gap_ts < 1e-10
        gap_gl = _min_gap_of_samples(
            lambda rec: mpmath.quad(
                lambda s: mpmath.exp(-(rec(s) ** 2)), [-2, 0, 2], method="gauss-legendre"
            )
        )
        assert gap_gl > 1e-10
