"""Shared inputs of the pole-integral tests: hypothesis strategies, symbols, the exact comparison.

Used by tests/theory/test_pole_integral.py and test_pole_integral_routes.py.
"""

from __future__ import annotations

import sympy as sp
from hypothesis import strategies as st

__all__ = ["M_SYM", "POS", "S_RANGE", "T_SYM", "W_RANGE", "M", "T", "exactly_equal"]

POS = st.builds(sp.Rational, st.integers(1, 7), st.integers(1, 7))
S_RANGE = st.integers(-3, 8)
W_RANGE = st.integers(1, 9)
M_SYM, T_SYM = sp.symbols("m T", positive=True)
M, T = M_SYM, T_SYM


def exactly_equal(a: sp.Expr, b: sp.Expr) -> bool:
    """The one exact comparison used to accept the right formula and reject the wrong ones."""
    return bool(sp.simplify(sp.sympify(a) - sp.sympify(b)) == 0)
