"""The discrete series of the hydrogen resolvent and spectral sums, and where they give up.

Covers :func:`~sumrules.models.hydrogen_checks.resolvent` (Eq. (9)) and the spectral sums
(completeness, Bethe) through their discrete series over n: the Z-scaling
R_Z(Z²T, Z²P²) = Z⁻² R_1(T, P²) near the threshold T → Z²/2 at very small Z, the
imaginary part Im R = π S(T, P²) of the default (principal-value) route, the Z-scaling of
the continuum part of the closure sum at very small Z, and the guard that refuses a series
needing more than MAX_DIRECT_TERMS terms summed one by one (the count it reports, and
its boundary).

All test points are binary-exact (powers of two), so the scaled inputs carry no rounding.
"""

from __future__ import annotations

import re

import mpmath
import pytest

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import checks as hc

ONE = mpmath.mpf(1)
HALF = ONE / 2
GUARD_MESSAGE = "Q2 or P2 is too close to -Z**2, or T to Z**2/2"


def _s_models(T: mpmath.mpf, Q2: mpmath.mpf, *, sommerfeld: bool = True) -> mpmath.mpf:
    """S(T, Q²) of docs/models.md for Z = 1 at real Q², k = √(2T − 1) (written out independently)."""
    k = mpmath.sqrt(2 * T - 1)
    a = Q2 - k * k + 1  # [(q + k)² + 1][(q − k)² + 1] = a² + 4k²
    s = 2**8 * Q2 * (Q2 + (1 + k * k) / 3) * mpmath.exp(-(2 / k) * mpmath.atan2(2 * k, a))
    s /= (a * a + 4 * k * k) ** 3
    return s / (1 - mpmath.exp(-2 * mpmath.pi / k)) if sommerfeld else s


def _needed_terms(exc: pytest.ExceptionInfo[ValueError]) -> tuple[int, int]:
    """(terms needed, MAX_DIRECT_TERMS) as quoted by the guard's message."""
    m = re.search(r"needs (\d+) terms summed one by one \(more than (\d+)\)", str(exc.value))
    assert m is not None, str(exc.value)
    assert GUARD_MESSAGE in str(exc.value)
    return int(m.group(1)), int(m.group(2))


# --- Z-scaling near the threshold --------------------------------------------------------------


def test_resolvent_z_scaling_near_threshold_at_tiny_z() -> None:
    """Z² R_Z(Z²T, Z²P²) = R_1(T, P²) at T − 1/2 = 2⁻¹³ and Z = 2⁻¹³, to dps − 2 digits.

    The series' regime change n ~ 1/√(2 gap) depends on gap = (T − Z²/2)/Z² only, so it is
    the same at every Z; a gap not divided by Z² would ask for 2²¹ terms here, or none.
    """
    dps = 20
    with mpmath.workdps(60):
        T, P2 = HALF + mpmath.mpf(2) ** -13, mpmath.mpf(2) ** -7
        z = mpmath.mpf(2) ** -13
        ref = hc.resolvent(T, P2, dps=dps)
        scaled = z * z * hc.resolvent(T * z * z, P2 * z * z, Z=z, dps=dps)
        assert agreement_digits(scaled.real, ref.real) > dps - 2
        assert agreement_digits(scaled.imag, ref.imag) > dps - 2
        # negative control: T moved by 2⁻³⁰ (a relative 10⁻⁵ of the gap) is told apart
        moved = hc.resolvent(T + mpmath.mpf(2) ** -30, P2, dps=dps)
        assert agreement_digits(scaled.real, moved.real) < dps - 2


def test_closure_continuum_z_scaling_at_tiny_z() -> None:
    """The continuum part of |F_el|² + Σ|F_n|² + ∫S dT at Q² = u²Z² depends on u² only.

    At Z = 2⁻⁵⁰ and u² = −1/2 (no ridge: split points at k = Z, 4Z) it must agree with
    Z = 1 to dps − 3 digits, and the closure total must still be 1.
    """
    dps = 20
    with mpmath.workdps(60):
        u2 = -HALF
        z = mpmath.mpf(2) ** -50
        ref = hc.completeness(None, Q2=u2, dps=dps)
        tiny = hc.completeness(None, Q2=u2 * z * z, Z=z, dps=dps)
        assert agreement_digits(tiny.continuum, ref.continuum) > dps - 3
        assert abs(tiny.total - 1) < mpmath.mpf(10) ** (3 - dps)
        # negative control: u² off by a relative 10⁻¹² is told apart at this precision
        off = hc.completeness(None, Q2=u2 * (1 + mpmath.mpf(10) ** -12), dps=dps)
        assert agreement_digits(off.continuum, ref.continuum) < dps - 3


# --- Im R = π S on the default route ------------------------------------------------------------


@pytest.mark.parametrize("dps", [15, 30])
def test_default_route_imaginary_part_is_pi_s_far_off_shell(dps: int) -> None:
    """R(1, 10⁸): Im R = π S(T, P²) ~ 8e-30 next to Re R ~ −2e-8, to dps − 2 digits.

    The default "principal-value" route adds iπ S exactly; a quadrature of the whole
    complex integrand would carry errors of the size of Re R in Im R.
    """
    T, P2 = ONE, mpmath.mpf(10) ** 8
    r = hc.resolvent(T, P2, dps=dps)
    assert r == hc.resolvent(T, P2, dps=dps, method="principal-value")
    with mpmath.workdps(dps + 20):
        im = mpmath.pi * _s_models(T, P2)
        assert agreement_digits(r.imag, im) > dps - 2
        assert abs(r.real) > mpmath.mpf(10) ** 20 * abs(r.imag)  # the hard case indeed
        # negative control: S without the Sommerfeld factor [1 − exp(−2π/k)]⁻¹ is rejected
        assert agreement_digits(r.imag, mpmath.pi * _s_models(T, P2, sommerfeld=False)) < 3


# --- the guard on the number of direct terms --------------------------------------------------


@pytest.mark.parametrize("z_exp", [0, -13])
def test_guard_reports_four_times_the_turning_point(z_exp: int) -> None:
    """The count in the ValueError is 4 n*, n* the turning point, at any Z (scale-free).

    n* = 2/(1 + u²) bounds the sign alternation of [(n − 1)² + n²u²]^{n−3} (u² = P²/Z²);
    n* = 1/√(2 gap), gap = (T − Z²/2)/Z², is where Z²/(2n²) = T − Z²/2. Margin 4:
    :func:`~sumrules.models.hydrogen_checks._series_start`.
    """
    with mpmath.workdps(60):
        z = mpmath.mpf(2) ** z_exp
        # P² = −Z²(1 − 2⁻²⁰): n* = 2²¹, 4 n* = 2²³
        u2 = -1 + mpmath.mpf(2) ** -20
        last_negative = 1 / (1 - mpmath.sqrt(-u2))  # (n − 1)² + n²u² < 0 below this n
        assert last_negative <= 2 / (1 + u2)
        with pytest.raises(ValueError) as exc:
            hc.resolvent(z * z, u2 * z * z, Z=z)
        assert _needed_terms(exc) == (2**23, hc.MAX_DIRECT_TERMS)
        with pytest.raises(ValueError) as exc:
            hc.completeness(None, Q2=u2 * z * z, Z=z, dps=15)
        assert _needed_terms(exc) == (2**23, hc.MAX_DIRECT_TERMS)
        # T − Z²/2 = 2⁻⁴¹ Z²: n* = 1/√(2⁻⁴⁰) = 2²⁰, 4 n* = 2²²
        with pytest.raises(ValueError) as exc:
            hc.resolvent((HALF + mpmath.mpf(2) ** -41) * z * z, z * z / 128, Z=z)
        needed = _needed_terms(exc)
        assert needed == (2**22, hc.MAX_DIRECT_TERMS)
        # negative control: a margin of 5 (or n* = 1/√(3 gap)) would quote another count
        assert needed[0] != 5 * 2**20 and needed[0] != int(
            mpmath.ceil(4 * 2**20 / mpmath.sqrt(1.5))
        )


def test_guard_boundary_exactly_max_direct_terms(monkeypatch: pytest.MonkeyPatch) -> None:
    """A series needing exactly MAX_DIRECT_TERMS direct terms is summed; one needing more is not.

    With the limit lowered to 256 = 4 n*: P² = −31/32 (n* = 2/(1 + u²) = 64) and
    T = 1/2 + 2⁻¹³ (n* = 1/√(2 gap) = 64) are still computed, to the same value as
    without the limit; P² = −63/64 (n* = 128) is refused.
    """
    dps = 15
    q_edge = hc.resolvent(1, mpmath.mpf(-31) / 32, dps=dps)
    t_edge = hc.resolvent(HALF + mpmath.mpf(2) ** -13, mpmath.mpf(2) ** -7, dps=dps)
    closure = hc.completeness(None, Q2=mpmath.mpf(-31) / 32, dps=dps)
    monkeypatch.setattr(hc, "MAX_DIRECT_TERMS", 256)
    assert hc.resolvent(1, mpmath.mpf(-31) / 32, dps=dps) == q_edge
    assert hc.resolvent(HALF + mpmath.mpf(2) ** -13, mpmath.mpf(2) ** -7, dps=dps) == t_edge
    assert hc.completeness(None, Q2=mpmath.mpf(-31) / 32, dps=dps) == closure
    assert abs(closure.total - 1) < mpmath.mpf(10) ** (2 - dps)
    # negative control: twice the turning point is past the lowered limit
    with pytest.raises(ValueError) as exc:
        hc.resolvent(1, mpmath.mpf(-63) / 64, dps=dps)
    assert _needed_terms(exc) == (512, 256)
