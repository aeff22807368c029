"""Free electron (:mod:`sumrules.models.free`): S = δ(T − Q²/2m), R = 1/(T − Q²/2m − i0), the sum
rules exactly 1.

Pins the δ-integral by substitution (any weight, callable or symbolic, also one containing a
symbol named like the internal variable), the Lorentzian route at finite width against its
closed form (defaults, digits below the working precision, the refusal past MAX_WORKING_DPS),
the resolvent and the dispersion relation, and the messages naming each bad argument.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import mpmath
import pytest
import sympy
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from sumrules.core.numeric import agreement_digits
from sumrules.models import free

POSITIVE = st.fractions(min_value=sympy.Rational(1, 1000), max_value=1000).filter(lambda x: x > 0)


def test_ratios_are_exactly_one_symbolically() -> None:
    T, m = sympy.symbols("T m", positive=True)
    assert free.sum_rule_ratios(T=T, m=m) == (1, 1)


@given(T=POSITIVE, m=POSITIVE)
def test_ratios_are_exactly_one_for_rational_inputs(T: object, m: object) -> None:
    r_nmm, r_ew = free.sum_rule_ratios(T=T, m=m)
    assert r_nmm == 1 and r_ew == 1
    assert isinstance(r_nmm, sympy.Integer)


# --- the delta integral ----------------------------------------------------------------------------


def test_delta_integral_by_substitution() -> None:
    T, m = sympy.symbols("T m", positive=True)
    Q2 = free.Q2
    assert free.integrate_delta(Q2**3, T=T, m=m) == 16 * m**4 * T**3
    assert free.integrate_delta(sympy.exp(-Q2), T=2, m=3) == 6 * sympy.exp(-12)
    # the root Q² = 2mT = 12 lies outside (0, 10) and inside (10, oo)
    assert free.integrate_delta(1, T=2, m=3, upper=10) == 0
    assert free.integrate_delta(1, T=2, m=3, lower=10) == 6


def test_integrate_delta_defaults_and_callable_weight() -> None:
    q2 = free.Q2
    assert free.integrate_delta(1) == 2  # 2m with m = 1
    assert free.integrate_delta(q2) == 4  # 2m * 2mT with T = m = 1
    # a callable weight: 2m w(2mT) = 6 * 12^2
    assert free.integrate_delta(lambda x: x**2, T=2, m=3) == 864
    assert free.integrate_delta(lambda x: 1, T=2, m=3) == 6


def test_integrate_delta_leaves_other_symbols_of_the_weight_alone() -> None:
    """A weight may contain any other symbol, also one named like the internal variable u."""
    for u in (sp.Symbol("u", real=True), sp.Symbol("u"), sp.Symbol("v", real=True)):
        assert free.integrate_delta(u * free.Q2, T=2, m=3) == 6 * 12 * u


def test_structure_factor_defaults_and_root() -> None:
    q2 = free.Q2
    assert free.structure_factor() == sp.DiracDelta(1 - q2 / 2)  # T = 1, m = 1
    arg = free.structure_factor(3, q2, m=5).args[0]
    assert arg.subs(q2, 30) == 0  # root Q^2 = 2 m T
    assert sp.diff(arg, q2) == sp.Rational(-1, 10)  # slope -1/(2m)
    assert sp.diff(free.structure_factor(1, q2, m=sp.Rational(1, 2)).args[0], q2) == -1


def test_delta_at_an_interval_end_is_refused() -> None:
    """sympy's DiracDelta gives a convention-dependent value here; we refuse."""
    with pytest.raises(ValueError, match="lower/upper"):
        free.integrate_delta(1, T=2, m=3, upper=12)
    with pytest.raises(ValueError, match="lower/upper"):
        free.integrate_delta(1, T=sympy.Symbol("T", positive=True), m=1, lower=5)


def test_sympy_diracdelta_agrees_in_the_interior_only() -> None:
    """Independent route: sympy's own DiracDelta integral, where it is reliable (root inside)."""
    T, m = sympy.Rational(3, 2), sympy.Rational(1, 2)
    x = free.Q2
    via_sympy = sympy.integrate(free.structure_factor(T, x, m=m) / x, (x, 0, sympy.oo))
    assert sympy.simplify(via_sympy - free.integrate_delta(1 / x, T=T, m=m)) == 0


def test_negative_control_wrong_mass() -> None:
    """δ(T − Q²/m) (a factor 2 lost in the kinetic energy): r_nmm survives, r_ew does not."""
    T, m = sympy.symbols("T m", positive=True)
    Q2 = free.Q2
    r_nmm = T * free.integrate_delta(1 / Q2, T=T, m=m / 2)
    r_ew = free.integrate_delta(1, T=T, m=m / 2) / (2 * m)
    assert sympy.simplify(r_nmm) == 1  # Eq. (12) does not see the mass
    assert sympy.simplify(r_ew) == sympy.Rational(1, 2)  # Eq. (15) does


# --- the Lorentzian route --------------------------------------------------------------------------


# 2m·w(2mT) at T = m = 1 (w = 1/Q² itself is not integrable against the Lorentzian tails at 0)
@pytest.mark.parametrize(
    ("weight", "expected"), [(lambda x: 1 / (1 + x), mpmath.mpf(2) / 3), (lambda x: x * 0 + 1, 2)]
)
def test_lorentzian_route(weight: object, expected: object) -> None:
    with mpmath.workdps(30):
        v = free.lorentzian_integral(weight, T=1, m=1, eps="1e-14", dps=25)  # type: ignore[arg-type]
        assert abs(v - expected) < 1e-13  # type: ignore[operator]


def test_lorentzian_negative_control_large_width() -> None:
    v = free.lorentzian_integral(lambda x: 1 / (1 + x), T=1, m=1, eps="0.3", dps=20)
    assert abs(v - mpmath.mpf(2) / 3) > 1e-2


@pytest.mark.parametrize(("T", "eps", "dps"), [(1, "1e-60", 10), (10**6, "1e-30", 15)])
def test_lorentzian_resolves_a_width_below_the_working_precision(
    T: int, eps: str, dps: int
) -> None:
    """ε/T beyond 10^-(dps+10): the peak is found with log10(T/ε) more digits.

    The old code lost the peak: 4.6e-37 instead of 1 at ε = 1e-60 (w = 1/Q²).
    """
    v = free.lorentzian_integral(lambda x: 1, T=T, m=1, eps=eps, dps=dps)
    with mpmath.workdps(80):  # closed form 2m(1/2 + atan(T/ε)/π)
        exact = 2 * (mpmath.mpf(1) / 2 + mpmath.atan(T / mpmath.mpf(eps)) / mpmath.pi)
        assert abs(v - exact) < mpmath.mpf(10) ** (1 - dps)
        # negative control: half the peak (the integral from 2mT on) is rejected
        assert abs(v / 2 - exact) > mpmath.mpf(10) ** (1 - dps)


def _lorentzian_closed_form(T: object, m: object, eps: object) -> mpmath.mpf:
    """(1/π)∫_0^∞ ε dQ²/((T - Q²/2m)² + ε²) = 2m (1/2 + atan(T/ε)/π), by hand."""
    with mpmath.workdps(60):
        t, mm, e = mpmath.mpf(T), mpmath.mpf(m), mpmath.mpf(eps)
        return 2 * mm * (mpmath.mpf(1) / 2 + mpmath.atan(t / e) / mpmath.pi)


@pytest.mark.parametrize(
    ("T", "m", "eps", "dps"),
    [(3, 5, "1e-8", 30), ("0.25", 1, "1e-8", 30), ("0.25", "0.5", "1e-3", 20)],
)
def test_lorentzian_integral_against_closed_form(T: object, m: object, eps: str, dps: int) -> None:
    value = free.lorentzian_integral(lambda x: 1, T=T, m=m, eps=eps, dps=dps)
    assert agreement_digits(value, _lorentzian_closed_form(T, m, eps)) > dps - 1
    # negative control: the ε → 0 value 2m is off at order ε
    assert agreement_digits(value, 2 * mpmath.mpf(m)) < 12


def test_lorentzian_integral_defaults() -> None:
    """T = 1, m = 1, eps = 1e-8, dps = 30: the result is rounded to 30 digits."""
    value = free.lorentzian_integral(lambda x: 1)
    assert agreement_digits(value, _lorentzian_closed_form(1, 1, "1e-8")) > 29
    with mpmath.workdps(30):
        assert +value == value
    with mpmath.workdps(31):  # negative control: not a 31-digit number
        assert +free.lorentzian_integral(lambda x: 1, dps=31) != value


@pytest.mark.parametrize(
    "kwargs",
    [
        {"T": 0},
        {"T": -1},
        {"m": 0},
        {"m": -1},
        {"eps": 0},
        {"eps": "-1e-8"},
        {"T": math.inf},
        {"m": math.nan},
        {"eps": math.inf},
        {"eps": "abc"},
        {"T": True},
        {"m": None},
        {"eps": 1j},
    ],
)
def test_lorentzian_integral_rejects_bad_values(kwargs: dict[str, object]) -> None:
    ((name, _bad),) = kwargs.items()
    with pytest.raises(ValueError, match=rf"^{name} must be a finite positive number, got "):
        free.lorentzian_integral(lambda x: 1, **kwargs)  # type: ignore[arg-type]
    free.lorentzian_integral(lambda x: 1, dps=10, **{name: 2})  # control: a good value passes


def test_lorentzian_integral_refuses_a_width_beyond_max_dps() -> None:
    """ε/T = 1e-1090 would need 1 100 + dps digits: refused, naming eps and T."""
    with pytest.raises(ValueError, match=r"^eps = '1e-1090' is too small against T = 1: it needs"):
        free.lorentzian_integral(lambda x: 1, eps="1e-1090", dps=10)
    with pytest.raises(ValueError, match=r"it needs 1101 working digits, at most 1100$"):
        free.lorentzian_integral(lambda x: 1, eps="1e-1081", dps=10)  # 10 + 10 + 1081
    # control: 1e-100 needs 120 digits and is computed (the closed form is 2 − 2ε/π)
    v = free.lorentzian_integral(lambda x: 1, eps="1e-100", dps=10)
    assert abs(v - 2) < 1e-9


# --- the resolvent and the dispersion relation -----------------------------------------------------


def test_dispersion_relation_holds_for_the_free_electron() -> None:
    T, m = sympy.symbols("T m", positive=True)
    p2 = sympy.Symbol("p2", positive=True)
    P2 = -p2
    assert sympy.simplify(free.dispersion_integral(T, P2, m=m) - free.resolvent(T, P2, m=m)) == 0
    assert free.resolvent(T, 0, m=m) == 1 / T
    # Eq. (10): R → −2m/Q² at large |Q²|
    assert sympy.limit(P2 * free.resolvent(T, P2, m=m), p2, sympy.oo) == -2 * m


def test_imaginary_part_is_the_nascent_delta() -> None:
    """(1/π) Im R(T − iε) is a Lorentzian of unit area in T − Q²/2m."""
    u, eps = sympy.symbols("u epsilon", positive=True)
    im = sympy.im(free.resolvent(u, 0, eps=eps)) / sympy.pi
    assert sympy.simplify(im - eps / (sympy.pi * (u**2 + eps**2))) == 0
    assert sympy.integrate(eps / (sympy.pi * (u**2 + eps**2)), (u, -sympy.oo, sympy.oo)) == 1


def test_resolvent_and_dispersion_defaults_and_p2_zero() -> None:
    assert free.resolvent(1, -2) == sp.Rational(1, 2)  # 1/(T - P^2/2m), m = 1
    assert free.resolvent(1, -2, m=2) == sp.Rational(2, 3)
    assert free.dispersion_integral(1, -2) == sp.Rational(1, 2)  # 2m/(2mT - P^2)
    assert free.dispersion_integral(3, 0, m=5) == sp.Rational(1, 3)  # P^2 = 0 allowed: 1/T


# --- bad input -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: free.sum_rule_ratios(T=0), "T must be a positive"),
        (lambda: free.sum_rule_ratios(T=1, m=-1), "m must be a positive"),
        (lambda: free.sum_rule_ratios(T="x y z +"), "T must be"),
        (lambda: free.dispersion_integral(1, 3), "P2 must be"),
        (lambda: free.lorentzian_integral(lambda x: x, eps=0), "eps must be a finite positive"),
        (lambda: free.lorentzian_integral(lambda x: x, dps=3), "dps must be"),
    ],
)
def test_bad_input(call: object, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()  # type: ignore[operator]


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: free.integrate_delta(1, T=0), r"^T must be a positive number or symbol, got 0$"),
        (lambda: free.integrate_delta(1, m=-2), r"^m must be a positive number or symbol, got -2$"),
        (lambda: free.resolvent(1, 0, m=0), r"^m must be a positive number or symbol, got 0$"),
        (lambda: free.sum_rule_ratios(T=sp.Symbol("t")), r"^T must be a positive number"),
        (lambda: free.sum_rule_ratios(T=(1, 2)), r"^T must be a positive number"),
        (lambda: free.dispersion_integral(1, 1), r"^P2 must be a non-positive number"),
    ],
)
def test_free_errors_name_the_argument(call: Callable[[], object], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()
