"""The oscillator resolvent at complex T (:mod:`sumrules.models.oscillator`): the Poisson lines
and the Jacobi continued fraction of Eq. (16).

Pins both routes against an independent mpmath.nsum and exact special cases (y = 0, no p·q
term, no q² term, the sign of b), their agreement at 20 and 40 digits, the depth needed at
large y, the defaults and the rounding to dps, and the refusal of bad and non-finite input.
"""

from __future__ import annotations

import mpmath
import pytest

from sumrules.core.numeric import agreement_digits
from sumrules.models import oscillator as osc


def _poisson_sum(z: complex | str, y: str, omega: object, dps: int) -> mpmath.mpc:
    """Σ_n e^{-y} yⁿ/n!/(z - nω) by mpmath.nsum (an independent summation)."""
    with mpmath.workdps(dps + 15):
        zz, yy, ww = mpmath.mpmathify(z), mpmath.mpf(y), mpmath.mpf(omega)
        return mpmath.nsum(
            lambda n: mpmath.exp(-yy) * yy**n / mpmath.factorial(n) / (zz - n * ww), [0, mpmath.inf]
        )


@pytest.mark.parametrize(
    ("z", "y", "omega"),
    [("0.7+0.4j", "1.3", 1), ("2.5-0.2j", "0.75", "0.5"), ("9.5+1j", "12", 1), ("1j", "3", 2)],
)
def test_resolvent_lines_against_nsum(z: str, y: str, omega: object) -> None:
    value = osc.resolvent_lines(z, y, omega=omega, dps=25)
    reference = _poisson_sum(z, y, omega, 25)
    assert agreement_digits(value, reference) > 24
    # negative control: the line at n = 1 moved to 2 omega is seen
    assert agreement_digits(value, reference + _line_shift(z, y, omega)) < 10


def _line_shift(z: str, y: str, omega: object) -> mpmath.mpc:
    with mpmath.workdps(40):
        zz, yy, ww = mpmath.mpmathify(z), mpmath.mpf(y), mpmath.mpf(omega)
        p1 = yy * mpmath.exp(-yy)
        return p1 / (zz - 2 * ww) - p1 / (zz - ww)


def test_resolvent_lines_exact_limits_and_defaults() -> None:
    with mpmath.workdps(30):
        assert osc.resolvent_lines(1j, 0) == mpmath.mpc(0, -1)  # y = 0: only n = 0, R = 1/z
        assert osc.resolvent_lines("0.5+2j", 0) == 1 / mpmath.mpc("0.5", 2)
        r = osc.resolvent_lines("0.7+0.4j", "1.3")
        assert r == osc.resolvent_lines("0.7+0.4j", "1.3", omega=1, dps=30)
        assert +r == r  # rounded to the default 30 digits
        # R(conj z) = conj R(z): the line strengths are real
        assert osc.resolvent_lines("0.7-0.4j", "1.3") == mpmath.conj(r)
        with mpmath.workdps(31):  # negative control: a 31-digit result is not the same number
            assert +osc.resolvent_lines("0.7+0.4j", "1.3", dps=31) != r


def test_resolvent_lines_precision_follows_dps() -> None:
    for dps in (15, 50):
        value = osc.resolvent_lines("3.5+0.01j", "4", omega="0.75", dps=dps)
        assert agreement_digits(value, _poisson_sum("3.5+0.01j", "4", "0.75", dps)) > dps - 1


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (("1", "1"), r"^z must have a nonzero imaginary part, got '1'$"),
        ((2.5, "1"), r"^z must have a nonzero imaginary part, got 2.5$"),
        (("1j", "-0.5"), r"^y must be >= 0, got '-0.5'$"),
        (("1j", "x"), r"^z, y, omega must be numbers, got '1j', 'x', 1$"),
        (("1j", None), r"^z, y, omega must be numbers"),
    ],
)
def test_resolvent_routes_reject_bad_input(args: tuple[object, object], match: str) -> None:
    for route in (osc.resolvent_lines, osc.resolvent_continued_fraction):
        with pytest.raises(ValueError, match=match):
            route(*args)


@pytest.mark.parametrize("omega", [0, -1, "-0.5"])
def test_resolvent_routes_reject_non_positive_omega(omega: object) -> None:
    for route in (osc.resolvent_lines, osc.resolvent_continued_fraction):
        with pytest.raises(ValueError, match=rf"^omega must be positive, got {omega!r}$"):
            route("1j", "1", omega=omega)


@pytest.mark.parametrize(
    ("z", "y", "omega"),
    [
        ("1j", mpmath.inf, 1),
        ("1j", mpmath.nan, 1),
        (mpmath.mpc(mpmath.nan, 1), "1", 1),
        (mpmath.mpc(1, mpmath.inf), "1", 1),
        ("1j", "1", mpmath.inf),
    ],
)
def test_resolvent_routes_reject_non_finite_input(z: object, y: object, omega: object) -> None:
    """inf or nan used to make both routes loop forever; they are refused up front."""
    for route in (osc.resolvent_lines, osc.resolvent_continued_fraction):
        with pytest.raises(ValueError, match=r"^z, y, omega must be finite, got "):
            route(z, y, omega=omega, dps=10)


@pytest.mark.parametrize(
    ("z", "y", "omega"),
    [("0.7+0.4j", "1.3", 1), ("2.5-0.2j", "0.75", "0.5"), ("9.5+1j", "12", 1), ("1j", "3", 2)],
)
def test_continued_fraction_equals_the_lines(z: str, y: str, omega: object) -> None:
    """Eq. (16): the third line (tridiagonal resolvent) equals the first (Poisson lines)."""
    for dps in (20, 40):
        cf = osc.resolvent_continued_fraction(z, y, omega=omega, dps=dps)
        lines = osc.resolvent_lines(z, y, omega=omega, dps=dps)
        assert agreement_digits(cf, lines) > dps - 1


def test_continued_fraction_exact_special_cases() -> None:
    z, y, omega = mpmath.mpc("0.7", "0.4"), mpmath.mpf("1.3"), mpmath.mpf("0.5")
    with mpmath.workdps(30):
        # y = 0: only |0> contributes, 1/z
        assert agreement_digits(osc.resolvent_continued_fraction(z, 0), 1 / z) > 29
        # b = 0 (no p.q term): h never leaves |0>, 1/(z - 2a y omega) = 1/(z - y omega)
        cf0 = osc.resolvent_continued_fraction(z, y, omega=omega, pq_coeff=0)
        assert agreement_digits(cf0, 1 / (z - y * omega)) > 29
        cf0a = osc.resolvent_continued_fraction(z, y, omega=omega, q2_coeff=1, pq_coeff=0)
        assert agreement_digits(cf0a, 1 / (z - 2 * y * omega)) > 29
        # a = 0: <0|(z - P - h)^-1|0> = R_lines(z + y omega), the shift A = T - y omega
        shifted = osc.resolvent_continued_fraction(z, y, omega=omega, q2_coeff=0)
        assert agreement_digits(shifted, osc.resolvent_lines(z + y * omega, y, omega=omega)) > 29
        # b^2 enters: b = -1 gives the same as b = 1, b = 2 does not
        base = osc.resolvent_continued_fraction(z, y, omega=omega)
        assert (
            agreement_digits(osc.resolvent_continued_fraction(z, y, omega=omega, pq_coeff=-1), base)
            > 29
        )
        assert (
            agreement_digits(osc.resolvent_continued_fraction(z, y, omega=omega, pq_coeff=2), base)
            < 5
        )


def test_continued_fraction_defaults() -> None:
    """a = 1/2, b = 1 (Eq. 16), omega = 1, dps = 30; rounded to 30 digits."""
    z, y = "0.7+0.4j", "1.3"
    with mpmath.workdps(30):
        r = osc.resolvent_continued_fraction(z, y)
        assert r == osc.resolvent_continued_fraction(
            z, y, omega=1, q2_coeff="0.5", pq_coeff=1, dps=30
        )
        assert +r == r
        assert agreement_digits(r, osc.resolvent_lines(z, y)) > 29
        with mpmath.workdps(31):
            assert +osc.resolvent_continued_fraction(z, y, dps=31) != r


def test_continued_fraction_large_y_needs_depth() -> None:
    """y = 60: the tridiagonal couplings grow like y n; the depth must adapt to y."""
    z, y = "55.5+0.5j", "60"
    cf = osc.resolvent_continued_fraction(z, y, dps=25)
    assert agreement_digits(cf, _poisson_sum(z, y, 1, 25)) > 24
