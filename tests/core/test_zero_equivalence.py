"""identically_zero decides as sympy.simplify does, faster; each shortcut is exact."""

from __future__ import annotations

import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from sumrules.core.zero_equivalence import identically_zero, nonzero_witness, witness_point

x, y = sp.symbols("x y", positive=True)
n = sp.Symbol("n", integer=True)
f = sp.Function("f")


def test_identities_that_need_each_step() -> None:
    # rational identity (cancel), an identity of functions (simplify), a branch that needs x > 0
    assert identically_zero(1 / (x - 1) - 1 / (x + 1) - 2 / (x**2 - 1))
    assert identically_zero(sp.sin(x) ** 2 + sp.cos(x) ** 2 - 1)
    assert identically_zero(sp.sqrt(x**2) - x)
    assert not identically_zero(sp.sqrt(x**2) - 2 * x)
    real = sp.Symbol("r", real=True)
    assert not identically_zero(sp.sqrt(real**2) - real)  # |r| − r is not 0 for r < 0


def test_the_witness_respects_assumptions() -> None:
    # (−1)^(n² + n) = 1 for every integer n, but not at n = 13/7: no witness may be taken there
    expr = (-1) ** (n**2 + n) - 1
    assert witness_point(expr) is None
    assert not nonzero_witness(expr)
    assert identically_zero(expr)
    # the same expression in a symbol without the assumption is not zero, and a witness says so
    m = sp.Symbol("m", positive=True)
    assert witness_point((-1) ** (m**2 + m)) == {m: sp.Rational(13, 7)}
    assert nonzero_witness((-1) ** (m**2 + m) - 1)
    assert not identically_zero((-1) ** (m**2 + m) - 1)


def test_the_witness_proves_nothing_it_cannot_evaluate() -> None:
    for expr in (
        f(x) - f(x) + sp.Derivative(f(x), x),
        sp.Integral(sp.exp(-x * y), (y, 0, sp.oo)) - 1,
        sp.Sum(1 / sp.Symbol("k", positive=True, integer=True) ** 2, (sp.Symbol("k"), 1, sp.oo)),
        1 / (x - sp.Rational(13, 7)),  # undefined at the witness point
        sp.sin(sp.pi * sp.Rational(13, 7) / x),  # zero at the witness point, not identically
    ):
        assert not nonzero_witness(expr), expr
    assert not identically_zero(sp.sin(sp.pi * sp.Rational(13, 7) / x))  # simplify decides
    assert nonzero_witness(sp.exp(x) - 1 - x)
    assert nonzero_witness(sp.I * (sp.exp(x) - 1 - x))  # purely imaginary values count


def test_the_witness_takes_one_value_per_symbol() -> None:
    symbols = sp.symbols("a0:8", positive=True)
    point = witness_point(sum(symbols))
    assert point is not None and len(set(point.values())) == 8
    # x − y vanishes where x = y; the witness must not put both symbols at one value
    assert nonzero_witness(x - y)


polynomials = st.lists(st.integers(-5, 5), min_size=1, max_size=4)


def _poly(coefficients: list[int]) -> sp.Expr:
    return sum((c * x**k for k, c in enumerate(coefficients)), sp.Integer(0))


@settings(max_examples=40, deadline=None)
@given(polynomials, polynomials, st.integers(-3, 3))
def test_agrees_with_simplify(p: list[int], q: list[int], shift: int) -> None:
    """On rational functions with exponentials, and on the same plus a wrong shift."""
    num, den = _poly(p), _poly(q) + x**5 + 1
    expr = num / den * sp.exp(x) - sp.expand(num * sp.exp(x)) / sp.expand(den) + shift * y
    assert identically_zero(expr) == (sp.simplify(expr) == 0) == (shift == 0)


def test_witness_coordinates_stay_above_one_however_many_symbols() -> None:
    # beyond six symbols the coordinates repeat shifted up by one (13/7 + 1, …), never down
    # towards 0, where small poles and sign assumptions sit
    symbols = [sp.Symbol(f"s{k:02d}", positive=True) for k in range(13)]  # sorted as listed
    point = witness_point(sum(symbols))
    assert point is not None and min(point.values()) > 1
    assert point[symbols[6]] == sp.Rational(13, 7) + 1


def test_an_infinite_value_is_no_witness_of_non_zero() -> None:
    # oo·x is "non-zero" at every point, but an infinite value proves nothing; both signs
    for expr in (sp.oo * x, -sp.oo * x):
        assert expr.xreplace(witness_point(expr) or {}).is_infinite
        assert not nonzero_witness(expr)
    assert nonzero_witness(2 * x)  # a finite non-zero value is a witness
