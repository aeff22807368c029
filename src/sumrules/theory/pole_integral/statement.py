"""Eq. (19) as a sympy statement: the family of right-hand sides the printed one belongs to.

The right-hand side ``(2m/(w−1)!) (σ 2m d/dQ²)^(w−1) (Q²)^s |_{Q²=2mT}`` is built from its
parts, so that the paper's statement (σ = +1), the correct one (σ = −1) and every deliberately
wrong variant ("this expression with one part changed") are the same object with different
parts; their LaTeX is generated from the very expression that is evaluated.

>>> evaluate(PRINTED_RHS, 1, 2), evaluate(CORRECT_RHS, 1, 2)
(4, -4)
>>> evaluate(rhs(sign=-1, prefactor=M), 1, 2)
-2
"""

from __future__ import annotations

import functools

import sympy as sp

__all__ = [
    "CORRECTED_EQ19",
    "CORRECT_RHS",
    "LHS",
    "PRINTED_EQ19",
    "PRINTED_RHS",
    "Q2",
    "M",
    "S",
    "T",
    "W",
    "evaluate",
    "rhs",
]

S, W = sp.symbols("s w", integer=True)
M, T = sp.symbols("m_e T", positive=True)
Q2 = sp.Symbol("Q^2", positive=True)
_EPS = sp.Symbol("epsilon", positive=True)

#: (1/π) ∫ Im[(Q²)^s (T − Q²/2m − iε)^(−w)] dQ²
LHS = sp.Integral(sp.im(Q2**S / (T - Q2 / (2 * M) - sp.I * _EPS) ** W), Q2) / sp.pi


def rhs(
    *,
    sign: int = 1,
    prefactor: sp.Expr = 2 * M,
    order: sp.Expr = W - 1,
    factorial: sp.Expr = W - 1,
) -> sp.Expr:
    """``prefactor/factorial! · (sign·2m)^order d^order/d(Q²)^order (Q²)^s`` at Q² = 2mT."""
    body = prefactor / sp.factorial(factorial) * (sign * 2 * M) ** order
    return sp.Subs(body * sp.Derivative(Q2**S, (Q2, order)), Q2, 2 * M * T)


#: the right-hand side as printed: (2m d/dQ²)^(w−1)
PRINTED_RHS = rhs(sign=1)
#: the right-hand side that holds: (−2m d/dQ²)^(w−1)
CORRECT_RHS = rhs(sign=-1)
PRINTED_EQ19 = sp.Eq(LHS, PRINTED_RHS)
#: deliberately wrong right-hand sides: the correct one with one part changed
WRONG_VARIANTS = {
    "factor m instead of 2m in front": rhs(sign=-1, prefactor=M),
    "derivative of order w instead of w − 1": rhs(sign=-1, order=W),
    "overall sign flipped": -CORRECT_RHS,
    "(w − 1)! replaced by w!": rhs(sign=-1, factorial=W),
}
CORRECTED_EQ19 = sp.Eq(LHS, CORRECT_RHS)


def evaluate(expr: sp.Expr, s: int, w: int, m: sp.Expr = 1, T_: sp.Expr = 1) -> sp.Expr:
    """``expr`` (a right-hand side of :func:`rhs`) at integers s, w ≥ 1 and exact m, T."""
    return sp.expand(at_indices(expr, s, w).xreplace({M: sp.sympify(m), T: sp.sympify(T_)}))


@functools.lru_cache(maxsize=4096)
def at_indices(expr: sp.Expr, s: int, w: int) -> sp.Expr:
    """``expr`` at integers s, w, with its derivatives done (m and T still symbols), cached:
    the grid of Eq. (19) takes each (s, w) at several (m, T).

    >>> at_indices(PRINTED_RHS, 1, 2)
    4*m_e**2
    """
    return expr.xreplace({S: sp.Integer(s), W: sp.Integer(w)}).doit()
