"""The analytic structure of S(T, Q²) in Q² (:mod:`sumrules.models.hydrogenic.checks`).

Pins the continued density (equal to S on the real axis, reflection symmetry), the branch
points (k ∓ iZ)² with exponents −3 ± iZ/k, ``local_exponent`` (its working digits for a tiny
ε far from the origin, its refusal past MAX_WORKING_DPS, the highest dps), and the poles of
the form factors on the negative real axis.
"""

from __future__ import annotations

import math
import re

import mpmath
import pytest
import sympy
import sympy as sp
from modelrefs import assert_default, models_density_q2

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import checks as hc
from sumrules.models.hydrogenic import ground as h


def test_continued_density_on_the_real_axis_and_reflection() -> None:
    with mpmath.workdps(30):
        for x in ("0.3", "2.5", "-0.4", "-3"):
            cont = hc.continued_density(1, x, dps=25)
            real = hc.Continuum(mpmath.mpf(1), mpmath.mpf(1)).density_q2(mpmath.mpf(x))
            assert abs(cont.imag) < 1e-25 and agreement_digits(cont.real, real) > 24
        z = mpmath.mpc("0.5", "0.7")
        a, b = hc.continued_density(1, z, dps=25), hc.continued_density(1, z.conjugate(), dps=25)
        assert abs(a - b.conjugate()) < 1e-24


def test_continued_density_on_the_real_axis_for_k_not_z() -> None:
    with mpmath.workdps(40):
        for Z, T in ((1, 2), (2, 5)):  # k = √3 and k = √6: k ≠ Z, k ≠ 1
            for x in ("0.3", "2.5", "-0.4"):
                v = hc.continued_density(T, x, Z=Z, dps=30)
                ref = models_density_q2(mpmath.mpf(T), mpmath.mpf(x), Z)
                assert abs(v.imag) < 1e-30 * abs(ref) and agreement_digits(v.real, ref) > 28
    assert_default(hc.continued_density, "dps", 30, 31, 2, "0.3")
    with pytest.raises(ValueError, match="Q2 must be finite"):
        hc.continued_density(2, "inf")


# --- branch points and the local exponent --------------------------------------------------------


def test_density_branch_points_are_zeros_of_the_denominator() -> None:
    # T = 1, Z = 1: k = 1, (1 ∓ i)² = ∓2i, exponents −3 ± i (default Z = 1)
    bp = hc.density_branch_points(1)
    assert bp[0].location == mpmath.mpc(0, -2) and bp[0].exponent == mpmath.mpc(-3, 1)
    assert bp[1].location == mpmath.mpc(0, 2) and bp[1].exponent == mpmath.mpc(-3, -1)
    # T = 4, Z = 2: k = 2, (2 ∓ 2i)² = ∓8i, exponents −3 ± i
    bp2 = hc.density_branch_points(4, Z=2)
    assert bp2[0].location == mpmath.mpc(0, -8) and bp2[1].location == mpmath.mpc(0, 8)
    assert bp2[0].exponent == mpmath.mpc(-3, 1) and bp2[1].exponent == mpmath.mpc(-3, -1)
    # T = 2 (k = √3): the denominator (Q² − k² + 1)² + 4k² of S vanishes at both points
    with mpmath.workdps(40):
        k = mpmath.sqrt(3)
        for b, sign in zip(hc.density_branch_points(2), (1, -1), strict=True):
            assert abs((b.location - 2) ** 2 + 12) < 1e-27
            assert abs(b.exponent - mpmath.mpc(-3, sign / k)) < 1e-28
    assert_default(hc.density_branch_points, "dps", 30, 31, 2)


def test_branch_points_and_their_exponent() -> None:
    bp = hc.density_branch_points(2, Z=1)
    with mpmath.workdps(30):
        k = mpmath.sqrt(3)
        assert abs(bp[0].location - (k - 1j) ** 2) < 1e-25
        assert abs(bp[1].exponent - mpmath.mpc(-3, -1 / k)) < 1e-25
    assert abs(hc.local_exponent(2, eps="1e-14", dps=30) + 3) < 1e-9
    assert abs(hc.local_exponent(2, which=1, eps="1e-14", dps=30) + 3) < 1e-9
    # negative control: a regular point has exponent 0, not -3
    with mpmath.workdps(30):
        b = mpmath.mpc(1, 1)
        ratio = hc.continued_density(2, b + 2e-14, dps=30) / hc.continued_density(
            2, b + 1e-14, dps=30
        )
        assert abs(mpmath.log(abs(ratio), 2)) < 1e-9


def test_local_exponent_matches_continued_density() -> None:
    eps = mpmath.mpf("1e-14")
    with mpmath.workdps(60):
        b = hc.density_branch_points(2, dps=60)[0].location
        ratio = hc.continued_density(2, b + 2 * eps, dps=60) / hc.continued_density(
            2, b + eps, dps=60
        )
        ref = mpmath.log(abs(ratio), 2)
        v = hc.local_exponent(2, eps="1e-14", dps=30)
        assert agreement_digits(v, ref) > 28 and abs(v + 3) < 1e-13
    # at Z = 2 both branch points (k ∓ iZ)² show the exponent −3 (a regular point shows 0)
    for which in (0, 1):
        assert abs(hc.local_exponent(4, Z=2, which=which, eps="1e-12", dps=30) + 3) < 1e-9
    assert_default(lambda **kw: hc.local_exponent(2, **kw), "eps", "1e-8", "1e-9")
    assert_default(lambda **kw: hc.local_exponent(2, **kw), "dps", 30, 31)
    with pytest.raises(ValueError, match="eps must be a finite real"):
        hc.local_exponent(2, eps="x")
    with pytest.raises(ValueError, match="eps must be positive"):
        hc.local_exponent(2, eps=0)


def test_local_exponent_resolves_tiny_eps_far_from_origin() -> None:
    """|b| = 2T = 2000 and ε = 1e-20: b + ε needs log10(|b|/ε) ≈ 23 digits beyond dps.

    The old code worked at dps + 10 digits, where b + ε rounds to b and the answer was nan.
    """
    got = hc.local_exponent(1000, eps="1e-20", dps=10)
    assert mpmath.isfinite(got)
    assert abs(got + 3) < 1e-9  # −3 + O(ε/|b|)
    assert abs(got - hc.local_exponent(1000, eps="1e-20", dps=40)) < 1e-9
    # negative control: at the old working precision b + ε is b itself
    with mpmath.workdps(20):
        c = hc.Continuum(mpmath.mpf(1000), mpmath.mpf(1))
        b = (c.k - 1j) ** 2
        assert b + mpmath.mpf("1e-20") == b


# (T, Z, eps) far from the origin: ε/|b| ~ 1e-50, so 50 working digits are needed beyond dps
FAR = [
    # k² ≈ 6.6e29 ≫ Z² = 1: the digits are set by k²
    pytest.param("3.3e29", 1, "1e-20", id="k-dominated"),
    # Z² = 1e30 ≫ k² = 0.7 (T just above Z²/2): the digits are set by Z²
    pytest.param("500000000000000000000000000000.35", "1e15", "1e-20", id="Z-dominated"),
]


def _naive(T: str, Z: object, eps: str, dps: int) -> mpmath.mpf:
    """The old route: the same ratio at dps + guard digits, without the log10(|b|/ε) extra."""
    with mpmath.workdps(dps + h.GUARD_DIGITS):
        z = h.nuclear_charge(Z)
        c = h.Continuum(h.energy_transfer(T, z), z)
        e = mpmath.mpf(eps)
        b = (c.k - 1j * z) ** 2  # b + ε is rounded here, at dps + guard digits

        def s(q2: mpmath.mpc) -> mpmath.mpc:
            return hc.continued_density(T, q2, Z=Z, dps=dps)  # evaluated at dps + guard digits

        return mpmath.log(abs(s(b + 2 * e) / s(b + e)), 2)


@pytest.mark.parametrize(("T", "Z", "eps"), FAR)
def test_local_exponent_resolves_eps_far_below_the_branch_point_scale(
    T: str, Z: object, eps: str
) -> None:
    """At dps = 20 the value agrees with the dps = 60 route to >= 18 digits and is −3 + O(ε)."""
    dps = 20
    ref = hc.local_exponent(T, Z=Z, eps=eps, dps=dps + 40)
    got = hc.local_exponent(T, Z=Z, eps=eps, dps=dps)
    assert abs(got - ref) <= mpmath.mpf(10) ** (2 - dps) * abs(ref)
    # the branch-point exponent is −3 (docs/models.md); ε = 1e-20 leaves a correction far below 1e-15
    assert abs(ref + 3) < 1e-15
    # negative control: without the extra digits (the old code) b + ε is not resolved
    wrong = _naive(T, Z, eps, dps)
    assert not abs(wrong - ref) <= mpmath.mpf(10) ** (2 - dps) * abs(ref)


def _digits_needed(dps: int, two_T: str, eps_exponent: int) -> int:
    """dps + 10 guard + ceil(log10(2T/ε)) for ε = 10**eps_exponent, from math.log10 (independent)."""
    return dps + 10 + math.ceil(math.log10(float(two_T)) - eps_exponent)


def test_local_exponent_refusal_message_at_the_max_dps_boundary() -> None:
    """2T = 2000.2469134 (Z = 3), ε = 1e-1060: log10(2T/ε) = 1063.30 → 1064 extra digits.

    dps = 27 needs 27 + 10 + 1064 = 1101 > MAX_WORKING_DPS: refused, the message naming eps,
    |b| = 2T to 6 digits and the digit count; dps = 26 needs exactly 1100 and is computed.
    """
    T, Z, eps = "1000.1234567", 3, "1e-1060"
    assert _digits_needed(27, "2000.2469134", -1060) == 1101
    msg = (
        "eps = '1e-1060' is too small against the branch point's |b| = 2T = 2000.25: "
        "it needs 1101 working digits, at most 1100"
    )
    with pytest.raises(ValueError, match="^" + re.escape(msg) + "$"):
        hc.local_exponent(T, Z=Z, eps=eps, dps=27)
    assert _digits_needed(26, "2000.2469134", -1060) == 1100
    assert abs(hc.local_exponent(T, Z=Z, eps=eps, dps=26) + 3) < mpmath.mpf(10) ** -900
    # negative control: a message with another |b| or digit count is not the one raised
    with pytest.raises(ValueError) as info:
        hc.local_exponent(T, Z=Z, eps=eps, dps=27)
    assert str(info.value) != msg.replace("2000.25", "2000.2469134")
    assert str(info.value) != msg.replace("1101", "1100")


def test_local_exponent_at_the_highest_dps() -> None:
    """ε = 10 > |b| = 2 (T = 1): no extra digits; dps = MAX_DPS = 1000 works at 1010 digits.

    (Before MAX_WORKING_DPS, dps from 991 to 1000 failed with "dps must be ... got 1005".)
    It agrees with the dps = 30 route to 28 digits; dps = 1001 is refused, naming dps.
    """
    ref = hc.local_exponent(1, eps="10", dps=30)
    got = hc.local_exponent(1, eps="10", dps=1000)
    assert abs(got - ref) < mpmath.mpf(10) ** -28
    # far from the branch point (ε > |b|) the ratio is not the local exponent −3
    assert abs(ref + 3) > 0.1
    with pytest.raises(ValueError, match=r"^dps must be an integer in \[10, 1000\], got 1001$"):
        hc.local_exponent(1, eps="10", dps=1001)


def test_local_exponent_refuses_an_eps_beyond_max_dps() -> None:
    """|b| = 2T = 2000 and ε = 1e-1090: 10 + 10 + 1094 working digits, refused naming eps."""
    from sumrules.models.hydrogenic import checks as hc

    with pytest.raises(ValueError, match=r"^eps = '1e-1090' is too small against the branch"):
        hc.local_exponent(1000, eps="1e-1090", dps=10)
    # control: ε = 1e-60 needs 84 digits and gives the exponent −3
    assert abs(hc.local_exponent(1000, eps="1e-60", dps=10) + 3) < 1e-9


# --- poles of the form factors -------------------------------------------------------------------


def test_form_factor_poles() -> None:
    poles = hc.form_factor_poles(4, Z=2)
    assert poles[0] == (-16, 4, "elastic")
    assert poles[1] == (sympy.Rational(-9, 1), 5, "n=2")
    assert all(loc < -4 for loc, _, _ in poles)  # all beyond -Z² = -4


def test_form_factor_poles_defaults_and_limits() -> None:
    # docs/models.md: |F_el|² ∝ (4 + q²)⁻⁴, |F_n|² ∝ [(n + 1)² + n² q²]^{−(n+3)} (Z = 1)
    poles = hc.form_factor_poles()
    assert [p[2] for p in poles] == ["elastic", "n=2", "n=3", "n=4", "n=5", "n=6"]
    assert poles[0] == (-4, 4, "elastic") and poles[-1] == (sp.Rational(-49, 36), 9, "n=6")
    assert hc.form_factor_poles(2) == [(-4, 4, "elastic"), (sp.Rational(-9, 4), 5, "n=2")]
    assert len(hc.form_factor_poles(4)) == 4
    assert hc.form_factor_poles(2, Z=3)[:2] == [
        (-36, 4, "elastic"),
        (sp.Rational(-81, 4), 5, "n=2"),
    ]
    for bad in (1, 3.0, True):
        with pytest.raises(ValueError, match="n_max must be an integer >= 2"):
            hc.form_factor_poles(bad)  # type: ignore[arg-type]
    for z in (0, -1):
        with pytest.raises(ValueError, match="Z must be positive"):
            hc.form_factor_poles(3, Z=z)
