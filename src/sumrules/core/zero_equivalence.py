"""Whether a sympy expression is identically zero, decided by exact steps before ``simplify``.

``sympy.simplify(e) == 0`` is the package's test of a symbolic identity, but ``simplify`` is
slow, above all when the answer is "no" (a negative control): it tries every rewriting before
it gives up. :func:`identically_zero` asks two cheaper questions first; each is exact, so the
answer is the one ``simplify`` would give whenever a cheaper step decides:

1. **a witness of non-zero**: ``e`` at one rational point that satisfies every symbol's
   assumptions, evaluated by ``evalf(strict=True)`` (which raises rather than return a value
   short of the requested digits). A non-zero value there proves ``e`` is not identically
   zero. A zero, an undefined value or an expression it cannot evaluate (unknown functions,
   unevaluated derivatives, integrals, sums, limits) proves nothing, and the next step runs;
2. **a rational identity**: ``cancel(expand(e)) == 0``, with ``exp``, ``sqrt``, … kept whole
   as generators, proves ``e`` is zero;
3. otherwise ``simplify(e) == 0``, as before.

>>> import sympy as sp
>>> x = sp.Symbol("x", positive=True)
>>> identically_zero(1 / (x - 1) - 1 / (x + 1) - 2 / (x**2 - 1))
True
>>> identically_zero(sp.sqrt(x**2) - x), identically_zero(sp.sqrt(x**2) - 2 * x)
(True, False)
>>> nonzero_witness(sp.exp(x) - 1 - x), nonzero_witness(sp.sin(x) ** 2 + sp.cos(x) ** 2 - 1)
(True, False)
"""

from __future__ import annotations

import sympy as sp
from sympy.core.evalf import PrecisionExhausted
from sympy.core.function import AppliedUndef

__all__ = ["identically_zero", "nonzero_witness", "witness_point"]

#: coordinates of the witness point: positive, non-integer rationals far from small poles
_COORDINATES = tuple(
    sp.Rational(p, q) for p, q in ((13, 7), (19, 11), (29, 13), (37, 17), (43, 19), (53, 23))
)
#: objects evalf does not decide exactly or at all
_OPAQUE = (sp.Derivative, sp.Integral, sp.Sum, sp.Product, sp.Limit, sp.Order)


def witness_point(expr: sp.Basic) -> dict[sp.Symbol, sp.Rational] | None:
    """A rational value for each free symbol of ``expr`` consistent with its assumptions;
    None when a symbol's assumptions rule the values out (integer, negative, zero, …).

    >>> a, n = sp.Symbol("a", positive=True), sp.Symbol("n", integer=True)
    >>> witness_point(a + 1), witness_point(a + n)
    ({a: 13/7}, None)
    """
    point: dict[sp.Symbol, sp.Rational] = {}
    for k, symbol in enumerate(sorted(expr.free_symbols, key=sp.default_sort_key)):
        if not isinstance(symbol, sp.Symbol):
            return None
        value = _COORDINATES[k % len(_COORDINATES)] + k // len(_COORDINATES)
        if any(getattr(value, f"is_{key}") != holds for key, holds in symbol.assumptions0.items()):
            return None
        point[symbol] = value
    return point


def nonzero_witness(expr: sp.Basic, digits: int = 30) -> bool:
    """True when ``expr`` evaluates to a non-zero number at :func:`witness_point` (to
    ``digits`` guaranteed digits): then it is not identically zero. False proves nothing."""
    if expr.has(*_OPAQUE) or expr.atoms(AppliedUndef):
        return False
    point = witness_point(expr)
    if point is None:
        return False
    try:
        value = expr.xreplace(point).evalf(digits, strict=True)
    except (PrecisionExhausted, ZeroDivisionError, TypeError, ValueError):
        return False
    if value.free_symbols or value.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        return False
    real, imag = value.as_real_imag()
    return bool(real.is_nonzero or imag.is_nonzero)


def identically_zero(expr: object) -> bool:
    """Whether ``expr`` is identically zero: a witness of non-zero, a rational identity, then
    ``sympy.simplify`` (the module docstring gives the order and why each step is exact)."""
    e = sp.sympify(expr)
    if e == 0:
        return True
    if e.is_Number or nonzero_witness(e):
        return False
    if sp.cancel(sp.expand(e)) == 0:
        return True
    return bool(sp.simplify(e) == 0)
