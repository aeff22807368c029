"""The one-electron argument's printed equations as sympy statements, and their evaluation.

Eqs. (16), (17), (18) and (20) are built from their parts, so that the paper's statement and
every deliberately wrong variant ("this expression with one part changed") are the same object
with different parts, and their LaTeX is generated from the very expression that is evaluated:

* Eq. (16), :data:`PRINTED_EQ16`: R(T, Q²) as a chain of three ground-state averages; the last
  one, ⟨0|[T − a q²/m − b p·q/m − H + E₀]⁻¹|0⟩, carries the shift (a, b) = (1/2, 1) that
  :func:`shift_of` reads off;
* Eq. (17), :data:`PRINTED_EQ17`: the form (Q²)^u (T − Q²/2m)^(−w) Φ_{u,w} of a surviving
  term, evaluated by :func:`evaluate_form` and summed over the classes by
  :func:`rebuild_from_form`;
* Eq. (18), :data:`PRINTED_EQ18`: the relation w ≥ 2u + 1, evaluated on a class by
  :func:`bound_holds` and at every order by :func:`bound_holds_at_all_orders`;
* Eq. (20), :data:`PRINTED_EQ20`: ⟨0|[T − q²/2m − H + E₀ − iε]⁻¹|0⟩ = (T − Q²/2m − iε)⁻¹,
  whose right-hand side :func:`weighted_pole_integral` integrates against Q^{2j}.

>>> shift_of(PRINTED_EQ16)
(1/2, 1)
>>> evaluate_form(PRINTED_EQ17, 1, 3, phi=sp.Symbol("phi"), T=1, m=1)
Q^2*phi/(1 - Q^2/2)**3
>>> bound_holds(PRINTED_EQ18, 1, 3), bound_holds(bound(offset=2), 1, 3)
(True, False)
>>> weighted_pole_integral(PRINTED_EQ20.rhs, -1), weighted_pole_integral(PRINTED_EQ20.rhs, 0)
(1/T, 2*m)
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import sympy as sp

from sumrules.theory.expansion import Q2, T_SYM, M, expansion_terms
from sumrules.theory.pole_integral.closed_form import pole_integral

__all__ = [
    "E0",
    "EPS",
    "HAMILTONIAN",
    "M_E",
    "PHI",
    "PQ",
    "PRINTED_EQ16",
    "PRINTED_EQ17",
    "PRINTED_EQ18",
    "PRINTED_EQ20",
    "Q_VEC2",
    "EqualityChain",
    "Expectation",
    "U",
    "W",
    "bound",
    "bound_holds",
    "bound_holds_at_all_orders",
    "eq16",
    "evaluate_form",
    "on_ground_state",
    "pole_form",
    "rebuild_from_form",
    "reduced_resolvent",
    "shift_of",
    "sum_rule_ratios_from",
    "term_form",
    "weighted_pole_integral",
]

M_E = sp.Symbol("m_e", positive=True)
Q_VEC2 = sp.Symbol(r"\vec{q}^{2}", positive=True)
E0 = sp.Symbol("E_0", real=True)
EPS = sp.Symbol("epsilon", positive=True)
#: the operators: p·q, H(p, r), H(p + q, r) and the plane waves (non-commuting)
PQ = sp.Symbol(r"\vec{p}\cdot\vec{q}", commutative=False)
HAMILTONIAN = sp.Symbol(r"H(\vec{p}, \vec{r})", commutative=False)
_H_SHIFTED = sp.Symbol(r"H(\vec{p} + \vec{q}, \vec{r})", commutative=False)
_WAVE_OUT = sp.Symbol(r"e^{-i\vec{q}\cdot\vec{r}}", commutative=False)
_WAVE_IN = sp.Symbol(r"e^{i\vec{q}\cdot\vec{r}}", commutative=False)
U, W = sp.symbols("u w", integer=True, nonnegative=True)
PHI = sp.IndexedBase(r"\Phi")
_N_H, _T = sp.symbols("n_h t", integer=True, nonnegative=True)


class Expectation(sp.Function):
    """⟨0| X |0⟩, the ground-state average of an operator expression X."""

    nargs = 1

    def _latex(self, printer: sp.printing.latex.LatexPrinter) -> str:
        return rf"\left\langle 0 \left| {printer._print(self.args[0])} \right| 0 \right\rangle"


class EqualityChain(sp.Basic):
    """a = b = c = …, printed one equality per line (an ``aligned`` block)."""

    def _latex(self, printer: sp.printing.latex.LatexPrinter) -> str:
        first, *rest = (printer._print(a) for a in self.args)
        lines = [f"{first} &= {rest[0]}"] + [f"&= {x}" for x in rest[1:]]
        return r"\begin{aligned} " + r" \\ ".join(lines) + r" \end{aligned}"


_HALF, _ONE = sp.Rational(1, 2), sp.Integer(1)


def eq16(a: sp.Expr = _HALF, b: sp.Expr = _ONE) -> EqualityChain:
    """Eq. (16) with the shift ``a q²/m + b p·q/m`` in its third line (printed: a = 1/2, b = 1).

    >>> shift_of(eq16(a=1, b=0))
    (1, 0)
    """
    left = sp.Function("R")(T_SYM, Q2)
    first = Expectation(_WAVE_OUT * (T_SYM - HAMILTONIAN + E0) ** -1 * _WAVE_IN)
    second = Expectation((T_SYM - _H_SHIFTED + E0) ** -1)
    bracket = T_SYM - a * Q_VEC2 / M_E - b * PQ / M_E - HAMILTONIAN + E0
    return EqualityChain(left, first, second, Expectation(bracket**-1))


def shift_of(statement: EqualityChain) -> tuple[sp.Expr, sp.Expr]:
    """(a, b) read off the last line ⟨0|[T − a q²/m − b p·q/m − H + E₀]⁻¹|0⟩ of Eq. (16)."""
    last = statement.args[-1]
    if not isinstance(last, Expectation):
        raise ValueError("the last member of Eq. (16) must be a ground-state average")
    bracket, power = last.args[0].as_base_exp()
    if power != -1:
        raise ValueError(f"the last member must be an inverse, got the power {power}")
    return sp.simplify(-bracket.coeff(Q_VEC2) * M_E), sp.simplify(-bracket.coeff(PQ) * M_E)


#: Eq. (16) as printed
PRINTED_EQ16 = eq16()


def term_form(
    q2_power: sp.Expr = U, pole_power: sp.Expr = W, recoil: sp.Expr = 1 / (2 * M_E)
) -> sp.Expr:
    """Eq. (17) with its parts: (Q²)^q2_power (T − recoil·Q²)^(−pole_power) Φ_{u,w}."""
    return Q2**q2_power / (T_SYM - recoil * Q2) ** pole_power * PHI[U, W]


#: Eq. (17) as printed: (Q²)^u/(T − Q²/2m)^w Φ_{u,w}
PRINTED_EQ17 = term_form()


def evaluate_form(
    form: sp.Expr,
    u: int,
    w: int,
    *,
    phi: sp.Expr,
    q2: sp.Expr = Q2,
    T: sp.Expr = T_SYM,
    m: sp.Expr = M,
) -> sp.Expr:
    """A term form (:func:`term_form`) at the class (u, w) with Φ_{u,w} = ``phi``, Q² = ``q2``,
    T = ``T`` and m = ``m``."""
    values = {PHI[U, W]: phi, U: sp.Integer(u), W: sp.Integer(w)}
    values.update({Q2: sp.sympify(q2), T_SYM: sp.sympify(T), M_E: sp.sympify(m)})
    return form.xreplace(values)


def rebuild_from_form(
    form: sp.Expr,
    order: int,
    phi: Callable[[int, int], sp.Expr],
    *,
    q2: sp.Expr = Q2,
    T: sp.Expr = T_SYM,
    m: sp.Expr = M,
) -> sp.Expr:
    """Σ over the surviving classes (u, w) through ``order`` of the form with Φ = phi(u, w):
    the expansion of R rebuilt from Eq. (17) (products multiplied out, the powers of
    T − Q²/2m kept).

    >>> rebuild_from_form(PRINTED_EQ17, 2, lambda u, w: sp.Symbol(f"Phi{u}{w}"), m=1)
    Phi01/(-Q^2/2 + T) + Phi13*Q^2/(-Q^2/2 + T)**3
    """
    total = sp.Integer(0)
    for t in expansion_terms(order):
        u = int(t.u)
        total += evaluate_form(form, u, t.w, phi=phi(u, t.w), q2=q2, T=T, m=m)
    return sp.expand_mul(total)


def bound(slope: sp.Expr = 2, offset: sp.Expr = 1) -> sp.Rel:
    """Eq. (18) with its parts: w ≥ slope·u + offset (printed: slope 2, offset 1)."""
    return sp.Ge(W, slope * U + offset, evaluate=False)


#: Eq. (18) as printed: w ≥ 2u + 1
PRINTED_EQ18 = bound()


@cache
def _compiled(relation: sp.Rel) -> Callable[[int, int], bool]:
    return sp.lambdify((U, W), relation, "math")


def bound_holds(relation: sp.Rel, u: int, w: int) -> bool:
    """The relation (in u and w) at integers u, w, evaluated from the very object (compiled
    by ``lambdify`` once per relation)."""
    return bool(_compiled(relation)(u, w))


def bound_holds_at_all_orders(relation: sp.Rel) -> bool:
    """The relation holds on every class the expansion can have: (u, w) = (0, 1), and
    w = 2u + n_h + 1 for every u ≥ 1, n_h ≥ 0 (n_h the number of letters h), proven by sympy.

    >>> bound_holds_at_all_orders(PRINTED_EQ18), bound_holds_at_all_orders(bound(1, 1))
    (True, True)
    >>> bound_holds_at_all_orders(bound(2, 2)), bound_holds_at_all_orders(bound(3, 1))
    (False, False)
    """
    if not isinstance(relation, sp.GreaterThan | sp.StrictGreaterThan):
        raise ValueError(f"relation must be w >= … or w > …, got {relation!r}")
    if not bound_holds(relation, 0, 1):
        return False
    margin = (relation.lhs - relation.rhs).xreplace({W: 2 * U + _N_H + 1}).xreplace({U: 1 + _T})
    proven = margin.is_nonnegative if isinstance(relation, sp.GreaterThan) else margin.is_positive
    return proven is True


def reduced_resolvent(recoil: sp.Expr = 1 / (2 * M_E)) -> sp.Expr:
    """The right-hand side of Eq. (20) with its part: (T − recoil·Q² − iε)⁻¹ (printed: 1/2m)."""
    return (T_SYM - recoil * Q2 - sp.I * EPS) ** -1


#: Eq. (20) as printed
PRINTED_EQ20 = sp.Eq(
    Expectation((T_SYM - Q_VEC2 / (2 * M_E) - HAMILTONIAN + E0 - sp.I * EPS) ** -1),
    reduced_resolvent(),
    evaluate=False,
)


def on_ground_state(expr: sp.Expr) -> sp.Expr:
    """⟨0|f(H)|0⟩ = f(E₀) for an expression in H alone (H|0⟩ = E₀|0⟩), with q² = Q².

    >>> on_ground_state(PRINTED_EQ20.lhs) == PRINTED_EQ20.rhs
    True
    """
    if not isinstance(expr, Expectation):
        raise ValueError("expected a ground-state average ⟨0|…|0⟩")
    inner = expr.args[0]
    if inner.has(PQ, _H_SHIFTED, _WAVE_OUT, _WAVE_IN):
        raise ValueError("the operator is not a function of H alone")
    return inner.xreplace({HAMILTONIAN: E0, Q_VEC2: Q2})


def pole_form(expr: sp.Expr) -> tuple[sp.Expr, sp.Expr, sp.Expr, sp.Expr]:
    """(c, s, w, α) of an expression c (Q²)^s (T − α Q² − iε)^(−w).

    >>> pole_form(PRINTED_EQ20.rhs)
    (1, 0, 1, 1/(2*m_e))
    """
    coeff, s, w, alpha = sp.Integer(1), sp.Integer(0), sp.Integer(0), sp.Integer(0)
    for factor in sp.Mul.make_args(expr):
        base, power = factor.as_base_exp()
        if base == Q2:
            s += power
        elif base.has(T_SYM):
            pole = sp.expand(base.xreplace({EPS: 0}))
            alpha, w = -pole.coeff(Q2), -power
            if sp.expand(pole - (T_SYM - alpha * Q2)) != 0:
                raise ValueError(f"the pole factor must be T − α Q² − iε, got {base}")
        else:
            coeff *= factor
    return coeff, s, w, alpha


def weighted_pole_integral(expr: sp.Expr, j: int, *, m: sp.Expr = M, T: sp.Expr = T_SYM) -> sp.Expr:
    """(1/π) ∫_0^∞ Im[expr] Q^{2j} dQ² for expr = c (Q²)^s (T − α Q² − iε)^(−w), as ε → 0+,
    with m_e = ``m``: c·pole_integral(s + j, w) at the mass 1/(2α); 0 when α = 0 (no pole in
    Q²: the imaginary part vanishes for Q² > 0).

    >>> weighted_pole_integral(reduced_resolvent(recoil=0), -1)
    0
    """
    coeff, s, w, alpha = pole_form(expr)
    coeff, alpha = coeff.xreplace({M_E: m}), alpha.xreplace({M_E: m})
    if alpha == 0:
        return sp.Integer(0)
    return sp.simplify(coeff * pole_integral(s + j, w, m=1 / (2 * alpha), T=T))


def sum_rule_ratios_from(expr: sp.Expr, T: sp.Expr, *, m: sp.Expr = 1) -> tuple[sp.Expr, sp.Expr]:
    """(r_nmm, r_ew) = (T·I_{−1}, I_0/2m) from a resolvent expr through
    :func:`weighted_pole_integral` (I_j: weight Q^{2j}); Eqs. (12), (15) per electron say (1, 1).

    >>> sum_rule_ratios_from(PRINTED_EQ20.rhs, sp.Rational(3, 2)), sum_rule_ratios_from(reduced_resolvent(0), 1)
    ((1, 1), (0, 0))
    """
    t, mass = sp.sympify(T), sp.sympify(m)
    r_nmm = t * weighted_pole_integral(expr, -1, m=mass, T=t)
    return sp.simplify(r_nmm), sp.simplify(
        weighted_pole_integral(expr, 0, m=mass, T=t) / (2 * mass)
    )
