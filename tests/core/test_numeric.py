"""The numeric helpers of :mod:`sumrules.core.numeric`: the dps bounds and their messages,
integer validation, local working precision, agreement digits, quadrature and its digit count.

Each test has a negative control.
"""

from __future__ import annotations

import dataclasses
import math

import mpmath
import pytest
import sympy as sp

from sumrules.core import numeric as N


def test_dps_bounds_and_message() -> None:
    assert (N.MIN_DPS, N.MAX_DPS) == (10, 1000)
    assert N.validate_dps(10) == 10
    assert N.validate_dps(1000) == 1000
    for bad in (9, 1001, True, 30.0, "30", None):
        with pytest.raises(ValueError) as info:
            N.validate_dps(bad)
        assert str(info.value) == f"dps must be an integer in [10, 1000], got {bad!r}"
    with pytest.raises(ValueError, match=r"^digits must be an integer in \[10, 1000\], got 5$"):
        N.validate_dps(5, "digits")
    # negative control: a valid value raises nothing
    assert N.validate_dps(30, "digits") == 30


def test_validate_int_rules_and_messages() -> None:
    assert N.validate_int(-5, "k") == -5  # no minimum: any int
    assert N.validate_int(0, "k", 0) == 0  # the minimum itself is allowed
    for bad in (True, 2.0, "2", None, sp.Integer(2)):
        with pytest.raises(ValueError) as info:
            N.validate_int(bad, "k", 0)
        assert str(info.value) == f"k must be an integer, got {bad!r}"
    with pytest.raises(ValueError) as info:
        N.validate_int(-1, "order", 0)
    assert str(info.value) == "order must be >= 0, got -1"
    with pytest.raises(ValueError, match=r"^k must be >= 3, got 2$"):
        N.validate_int(2, "k", 3)
    # negative control: one above the minimum passes
    assert N.validate_int(4, "k", 3) == 4


def test_precision_is_local_and_validated() -> None:
    before = mpmath.mp.dps
    with N.precision(77):
        assert mpmath.mp.dps == 77
    assert mpmath.mp.dps == before
    with pytest.raises(ZeroDivisionError), N.precision(50):
        raise ZeroDivisionError
    assert mpmath.mp.dps == before  # restored after an exception too
    with (
        pytest.raises(ValueError, match=r"^working precision must be an integer >= 10, got 9$"),
        N.precision(9),
    ):
        pass  # pragma: no cover
    for bad in (True, 30.0, "30", None):
        with (
            pytest.raises(ValueError, match=r"^working precision must be an integer"),
            N.precision(bad),  # type: ignore[arg-type]
        ):
            pass  # pragma: no cover
    # a caller's dps = MAX_DPS plus guard digits is allowed, up to MAX_WORKING_DPS
    assert N.MAX_WORKING_DPS == N.MAX_DPS + 100
    with N.precision(N.MIN_DPS):
        assert mpmath.mp.dps == N.MIN_DPS
    with N.precision(N.MAX_WORKING_DPS):
        assert mpmath.mp.dps == N.MAX_WORKING_DPS
    with (
        pytest.raises(
            ValueError,
            match=r"^this evaluation needs 1101 working digits, at most 1100: ask for fewer",
        ),
        N.precision(N.MAX_WORKING_DPS + 1),
    ):
        pass  # pragma: no cover
    # negative control: the precision inside differs from the one outside
    with N.precision(before + 10):
        assert mpmath.mp.dps != before


def test_agreement_digits_exact_values() -> None:
    assert N.agreement_digits(2, 2) == math.inf
    assert N.agreement_digits(0, 0) == math.inf
    assert N.agreement_digits(0, 1) == 0.0  # relative to the larger magnitude, 1
    assert N.agreement_digits(1, -1) == 0.0  # differ by more than their size: clipped at 0
    # relative to the larger of the two, in either order: |1 - 2| / 2
    for a, b in ((1, 2), (2, 1), (-1, -2)):
        assert N.agreement_digits(a, b) == pytest.approx(math.log10(2), abs=1e-12)
    assert N.agreement_digits(1, 1.001) == pytest.approx(3 + math.log10(1.001), abs=1e-9)
    assert N.agreement_digits(1j, 1.001j) == pytest.approx(3 + math.log10(1.001), abs=1e-9)
    assert isinstance(N.agreement_digits(1, 2), float)
    assert N.agreement_digits(1, sp.Rational(999, 1000)) == pytest.approx(3, abs=1e-12)  # scale 1
    # negative control: relative to the smaller magnitude it would be 0 digits
    assert N.agreement_digits(1, 2) != 0.0


def test_agreement_digits_beyond_machine_precision() -> None:
    one = sp.Integer(1)
    close = 1 + sp.Rational(1, 10**50)
    assert N.agreement_digits(one, close) == pytest.approx(50, abs=1e-9)
    # sympy numbers are evaluated at the working precision (at least 120 digits)
    assert N.agreement_digits(sp.pi, mpmath.pi) > 115
    with mpmath.workdps(300):  # a higher ambient precision is kept, not lowered to 120
        tiny = mpmath.mpf(10) ** -200
        assert N.agreement_digits(1, 1 + tiny) == pytest.approx(200, abs=1e-6)
        assert mpmath.mp.dps == 300
    # negative control: at 15 digits the same pair would compare equal
    assert float(close) == 1.0


def test_agreement_digits_of_a_third() -> None:
    third = sp.Rational(1, 3)
    approx = sp.Rational(333, 1000)
    expected = -math.log10(float((third - approx) / third))
    assert N.agreement_digits(third, approx) == pytest.approx(expected, abs=1e-12)
    # negative control: the other scale, |approx|, gives another number
    assert expected != pytest.approx(-math.log10(float((third - approx) / approx)), abs=1e-6)


def test_quadrature_digits_branches() -> None:
    mpf = mpmath.mpf
    assert N.Quadrature(mpf(1), mpf(0), 30).digits == 30.0  # no error: the working precision
    assert isinstance(N.Quadrature(mpf(1), mpf(0), 30).digits, float)
    assert N.Quadrature(mpf(0), mpf("1e-5"), 30).digits == 0.0  # zero value, nonzero error
    assert N.Quadrature(mpf(2), mpf("1e-10"), 30).digits == pytest.approx(10 + math.log10(2))
    assert N.Quadrature(mpf(-2), mpf("-1e-10"), 30).digits == pytest.approx(10 + math.log10(2))
    assert N.Quadrature(mpf(1), mpf("1e-50"), 30).digits == 30.0  # capped at dps
    assert N.Quadrature(mpf(1), mpf(10), 30).digits == 0.0  # error larger than value
    q = N.Quadrature(mpf(1), mpf(0), 30)
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.dps = 40  # type: ignore[misc]
    # negative control: a larger error gives fewer digits
    assert (
        N.Quadrature(mpf(2), mpf("1e-5"), 30).digits < N.Quadrature(mpf(2), mpf("1e-10"), 30).digits
    )


def test_quad_value_error_and_precision() -> None:
    exact = 1 - 1 / sp.E
    q = N.quad(lambda x: mpmath.exp(-x), (0, 1), 50)  # any sequence of points
    assert q.dps == 50
    assert N.agreement_digits(q.value, exact) > 52  # dps + 5 working digits, kept on return
    assert 0 <= q.error < mpmath.mpf(10) ** -50
    assert q.digits == 50.0
    # consecutive points: a kink at 1 is integrated piece by piece
    kink = N.quad(lambda x: abs(x - 1), [0, 1, 3], 30)
    assert N.agreement_digits(kink.value, sp.Rational(5, 2)) > 30
    # negative control: integrating only [0, 1] misses the second piece
    assert N.agreement_digits(N.quad(lambda x: abs(x - 1), [0, 1], 30).value, 2.5) < 1


def test_working_dps_refuses_beyond_max_dps() -> None:
    assert N.working_dps(N.MAX_WORKING_DPS, "why") == N.MAX_WORKING_DPS  # the bound is allowed
    assert N.working_dps(N.MIN_DPS, "why") == N.MIN_DPS
    with pytest.raises(
        ValueError, match=r"^eps is tiny: it needs 1101 working digits, at most 1100$"
    ):
        N.working_dps(N.MAX_WORKING_DPS + 1, "eps is tiny")


def test_extrapolation_is_exact_for_polynomials_of_degree_below_the_points() -> None:
    """Neville on n points reproduces a polynomial of degree n − 1 at h = 0, in any order of
    the points and for complex values; control: a degree-n term is not removed."""
    with mpmath.workdps(30):
        hs = [mpmath.mpf(1) / 10, mpmath.mpf(1) / 100, mpmath.mpf(1) / 1000]
        vals = [3 - 2 * h + 5 * h**2 for h in hs]
        assert abs(N.extrapolate_to_zero(hs, vals) - 3) < 1e-25
        assert abs(N.extrapolate_to_zero(hs[::-1], vals[::-1]) - 3) < 1e-25
        cvals = [mpmath.mpc(3, -1) + mpmath.mpc(0, 2) * h - 7 * h**2 for h in hs]
        assert abs(N.extrapolate_to_zero(hs, cvals) - mpmath.mpc(3, -1)) < 1e-25
        cubic = [v + h**3 for v, h in zip(vals, hs, strict=True)]
        miss = abs(N.extrapolate_to_zero(hs, cubic) - 3)
        assert miss == pytest.approx(float(hs[0] * hs[1] * hs[2]), rel=1e-20)  # h1 h2 h3 exactly
        assert N.extrapolate_to_zero([2], [5]) == 5  # one point: its value
        assert N.extrapolate_to_zero([1, 2], [5, 7]) == 3  # the line through both


def test_memoized_computes_each_key_once_and_keeps_types_apart() -> None:
    import mpmath

    from sumrules.core.numeric import memoized

    calls: list[object] = []

    @memoized
    def half(x: object, *, dps: int = 15) -> object:
        calls.append((x, dps))
        return x if isinstance(x, list) else mpmath.mpf(x) / 2

    assert half(1) == half(1) == half(mpmath.mpf(1)) == half(1, dps=15) == mpmath.mpf("0.5")
    assert calls == [(1, 15), (mpmath.mpf(1), 15), (1, 15)]  # 1 and mpf(1) are two keys
    half(1, dps=30)
    assert calls[-1] == (1, 30)  # a keyword argument is part of the key
    assert half([1]) == [1] and half([1]) == [1]
    assert calls[-2:] == [([1], 15), ([1], 15)]  # unhashable: computed each time, not stored
