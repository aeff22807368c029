"""Mutation killers for hydrogen_checks.local_exponent (working digits) and _quad_scaled.

local_exponent evaluates S(b + ε) and S(b + 2ε) next to the branch point b = (k ∓ iZ)²,
|b| = k² + Z² = 2T: it adds ceil(log10(|b|/ε)) working digits so that b + ε is resolved,
and refuses (numeric.working_dps) when more than MAX_WORKING_DPS = 1100 digits would be needed.
_quad_scaled(f, points, unit, size) = ∫ f(k) dk, returned as (value, error) with error=True.
"""

from __future__ import annotations

import math
import re

import mpmath
import pytest

from sumrules.models.hydrogenic import checks as hc

# (T, Z, eps) far from the origin: ε/|b| ~ 1e-50, so 50 working digits are needed beyond dps
FAR = [
    # k² ≈ 6.6e29 ≫ Z² = 1: the digits are set by k²
    pytest.param("3.3e29", 1, "1e-20", id="k-dominated"),
    # Z² = 1e30 ≫ k² = 0.7 (T just above Z²/2): the digits are set by Z²
    pytest.param("500000000000000000000000000000.35", "1e15", "1e-20", id="Z-dominated"),
]


def _naive(T: str, Z: object, eps: str, dps: int) -> mpmath.mpf:
    """The old route: the same ratio at dps + guard digits, without the log10(|b|/ε) extra."""
    with mpmath.workdps(dps + hc.GUARD_DIGITS):
        z = hc.nuclear_charge(Z)
        c = hc.Continuum(hc.energy_transfer(T, z), z)
        e = mpmath.mpf(eps)
        b = (c.k - 1j * z) ** 2
        return mpmath.log(abs(hc._continued(c, b + 2 * e) / hc._continued(c, b + e)), 2)


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


@pytest.mark.parametrize("Z", [1, mpmath.mpf(2) ** 40])
def test_quad_scaled_returns_value_and_error_at_any_size(Z: mpmath.mpf) -> None:
    """∫₀^∞ k e^{-k/Z} dk = Z² (closed form), with unit Z and size Z² as in the hydrogen routes.

    error=True gives (value, error estimate): the value to >= 28 of 30 digits, the
    estimate small and non-negative, both in the units of the integral (∝ Z²).
    """
    with mpmath.workdps(30):
        z = mpmath.mpf(Z)
        pts = [mpmath.mpf(0), z, 4 * z, mpmath.inf]
        value, err = hc._quad_scaled(lambda k: k * mpmath.exp(-k / z), pts, z, z * z, error=True)
        assert abs(value - z * z) <= mpmath.mpf(10) ** -28 * z * z
        assert 0 <= err <= mpmath.mpf(10) ** -20 * z * z
        # without error=True: the bare value, the same integral
        bare = hc._quad_scaled(lambda k: k * mpmath.exp(-k / z), pts, z, z * z)
        assert abs(bare - z * z) <= mpmath.mpf(10) ** -28 * z * z
        # negative control: the integral of k² e^{-k/Z} (= 2Z³) is rejected by the same check
        other, _ = hc._quad_scaled(lambda k: k * k * mpmath.exp(-k / z), pts, z, z * z, error=True)
        assert not abs(other - z * z) <= mpmath.mpf(10) ** -28 * z * z
        assert abs(other - 2 * z**3) <= mpmath.mpf(10) ** -28 * z**3
