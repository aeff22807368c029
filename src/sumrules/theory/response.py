"""The response function R(T, Q²) of Eqs. (8)–(11) and R(T, 0): the printed relations as sympy
expressions, their deliberately wrong variants, and how a relation is evaluated on a model.

Each printed relation is held as printed, and the checks evaluate that very expression: the
right side of Eq. (8), (1/π) Im R, with R from a model's resolvent; the summand of Eq. (9),
|⟨n|ρ|0⟩|²/(T − E_n + E₀ − iε), as a kernel on a model's spectrum; the coefficient of Eq. (10)'s
asymptote; the weight that Eq. (11)'s integral puts on (1/π) Im R. A wrong variant is the same
expression with one part changed.

>>> print(evaluate_rhs(EQ8_RHS, mpmath.mpc(0, 3), dps=15))
0.954929658551372
>>> falloff_coefficient(PRINTED_EQ10)
-2*m_e
>>> dispersion_weight(EQ11_RHS)
-1/(P^2 - Q^2)
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import mpmath
import sympy as sp
from sympy.physics.quantum import Bra, Ket, Operator

from sumrules.core.numeric import precision

__all__ = [
    "E0",
    "EN",
    "EPS",
    "EQ8_RHS",
    "EQ9_SUMMAND",
    "EQ11_RHS",
    "M_E",
    "P2",
    "PRINTED_EQ8",
    "PRINTED_EQ9",
    "PRINTED_EQ10",
    "PRINTED_EQ11",
    "PRINTED_IM_R_NEGATIVE_AXIS",
    "PRINTED_R0",
    "Q2",
    "RHO",
    "WRONG_EQ8",
    "WRONG_EQ9",
    "WRONG_EQ10",
    "WRONG_EQ11",
    "R",
    "StateSum",
    "T",
    "Tends",
    "Z",
    "dispersion_weight",
    "evaluate_rhs",
    "falloff_coefficient",
    "line_weight",
    "spectral_kernel",
]

T = sp.Symbol("T", positive=True)
Q2 = sp.Symbol("Q^2", positive=True)
P2 = sp.Symbol("P^2", real=True)
EPS = sp.Symbol("epsilon", positive=True)
M_E = sp.Symbol("m_e", positive=True)
Z = sp.Symbol("Z", positive=True)
EN, E0 = sp.symbols("E_n E_0", real=True)
#: the matrix element ⟨n|ρ(q)|0⟩ (a symbol: the model supplies |⟨n|ρ|0⟩|²)
RHO = sp.Symbol(r"\langle n | \rho(\vec{q}) | 0 \rangle")
R = sp.Function("R")
_H = Operator("H")


class StateSum(sp.Function):
    """Σ_n over all final states n (discrete and continuum), as the paper writes it."""

    nargs = 1

    def _latex(self, printer: Any, exp: Any = None) -> str:
        return r"\sum_n " + printer._print(self.args[0])

    def _sympystr(self, printer: Any) -> str:
        return "Σ_n " + printer._print(self.args[0])


class Tends(sp.Function):
    """``lhs → rhs`` as |Q²| → ∞ (Eq. (10)); an asymptotic statement, not an equation."""

    nargs = 2

    def _latex(self, printer: Any, exp: Any = None) -> str:
        lhs, rhs = (printer._print(a) for a in self.args)
        return rf"{lhs} \rightarrow {rhs}, \quad (|Q^2| \rightarrow \infty)"

    def _sympystr(self, printer: Any) -> str:
        lhs, rhs = (printer._print(a) for a in self.args)
        return f"{lhs} → {rhs} (|Q²| → ∞)"


# --------------------------------------------------------------------------------------------
# Eq. (8): Σ_n δ(T − E_n + E₀)|⟨n|ρ|0⟩|² = (1/π) Im R

EQ8_RHS: sp.Expr = sp.im(R(T, Q2)) / sp.pi
PRINTED_EQ8 = sp.Eq(StateSum(sp.DiracDelta(T - EN + E0) * sp.Abs(RHO) ** 2), EQ8_RHS)
#: the right side with one part changed
WRONG_EQ8: dict[str, sp.Expr] = {
    "normalization 1/(2π) instead of 1/π": sp.im(R(T, Q2)) / (2 * sp.pi),
    "R with the opposite prescription T + iε (R(T + iε) = R*(T − iε))": (
        sp.im(sp.conjugate(R(T, Q2))) / sp.pi
    ),
}


def evaluate_rhs(expr: sp.Expr, value: Any, *, dps: int = 30) -> Any:
    """``expr`` (a function of R(T, Q²)) with R replaced by ``value``: exactly for a sympy
    value, else with mpmath at ``dps`` + 10 digits.

    >>> evaluate_rhs(WRONG_EQ8["normalization 1/(2π) instead of 1/π"], sp.I)
    1/(2*pi)
    """
    if isinstance(value, sp.Basic):
        return sp.simplify(expr.xreplace({R(T, Q2): value}))
    with precision(dps + 10):
        return _of_r(expr)(mpmath.mpmathify(value))


@functools.lru_cache(maxsize=64)
def _of_r(expr: sp.Expr) -> Callable[[Any], Any]:
    """``expr`` as an mpmath function of R (lambdify is slow: once per expression)."""
    x = sp.Dummy("R")
    return sp.lambdify(x, expr.xreplace({R(T, Q2): x}), "mpmath")


def line_weight(
    expr: sp.Expr, resolvent: Callable[[mpmath.mpc], Any], T: object, *, dps: int = 30
) -> mpmath.mpf:
    """The δ-weight at real T of ``expr`` (a function of R, as Eq. (8)'s right side) near an
    isolated line: π ε · expr(R(T − iε)) at ε = 10^(−dps/2 − 4), exact up to O(ε²) (a
    Lorentzian of width ε has height 1/(πε) per unit weight). ``resolvent(z)`` is R at z.

    >>> print(mpmath.nstr(line_weight(EQ8_RHS, lambda z: 3 / (z - 2), "2"), 15))
    3.0
    """
    with precision(dps + 10):
        eps = mpmath.mpf(10) ** (-(dps // 2 + 4))
        r = resolvent(mpmath.mpc(mpmath.mpmathify(T), -eps))
        value = mpmath.pi * eps * evaluate_rhs(expr, r, dps=dps)
    with precision(dps):
        return +value


# --------------------------------------------------------------------------------------------
# Eq. (9): R = Σ_n |⟨n|ρ|0⟩|²/(T − E_n + E₀ − iε) = ⟨0|ρ(−q)(T − H + E₀ − iε)⁻¹ρ(q)|0⟩

EQ9_SUMMAND: sp.Expr = sp.Abs(RHO) ** 2 / (T - EN + E0 - sp.I * EPS)
_MATRIX_ELEMENT = (
    Bra(0)
    * Operator(r"\rho(-\vec{q})")
    * (T - _H + E0 - sp.I * EPS) ** -1
    * Operator(r"\rho(\vec{q})")
    * Ket(0)
)
PRINTED_EQ9 = sp.Eq(
    R(T, Q2), sp.Eq(StateSum(EQ9_SUMMAND), _MATRIX_ELEMENT, evaluate=False), evaluate=False
)
WRONG_EQ9: dict[str, sp.Expr] = {
    "the spectral sum with +iε": sp.Abs(RHO) ** 2 / (T - EN + E0 + sp.I * EPS),
}


_DE = sp.Dummy("dE")


def _per_unit(summand: sp.Expr) -> sp.Expr:
    return summand.xreplace({sp.Abs(RHO): sp.Integer(1)}).subs({EN: _DE, E0: 0})


@functools.lru_cache(maxsize=16)
def _kernel_function(summand: sp.Expr) -> Callable[..., Any]:
    return sp.lambdify((T, EPS, _DE), _per_unit(summand), "mpmath")


def spectral_kernel(summand: sp.Expr, z: Any, *, dps: int = 30) -> Callable[[Any], Any]:
    """The summand of Eq. (9) as a kernel of the excitation energy ΔE = E_n − E₀, per unit
    |⟨n|ρ|0⟩|², at the complex energy z = T − iε: exact (sympy) for a sympy z, else an mpmath
    function evaluated at ``dps`` + 10 digits.

    >>> k = spectral_kernel(EQ9_SUMMAND, T - sp.I * EPS)
    >>> k(2)
    1/(T - I*epsilon - 2)
    >>> print(mpmath.nstr(spectral_kernel(EQ9_SUMMAND, mpmath.mpc(3, -1))(1), 10))
    (0.4 + 0.2j)
    """
    if isinstance(z, sp.Basic):
        t, eps = sp.re(z), -sp.im(z)
        per_unit = _per_unit(summand)
        return lambda energy: sp.simplify(per_unit.subs({T: t, EPS: eps, _DE: energy}))
    f = _kernel_function(summand)
    with precision(dps + 10):
        zz = mpmath.mpc(mpmath.mpmathify(z))
        t_, e_ = zz.real, -zz.imag

    def kernel(energy: Any) -> Any:
        with precision(dps + 10):
            return f(t_, e_, energy)

    return kernel


# --------------------------------------------------------------------------------------------
# Eq. (10): R(T, Q²) → −Z 2m_e/Q² as |Q²| → ∞

PRINTED_EQ10 = Tends(R(T, Q2), -Z * 2 * M_E / Q2)
WRONG_EQ10: dict[str, Tends] = {
    "−m/Q² instead of −2m/Q² (a factor 2 lost)": Tends(R(T, Q2), -Z * M_E / Q2),
}


def falloff_coefficient(statement: sp.Basic, *, electrons: Any = 1, m: Any = M_E) -> sp.Expr:
    """lim Q²R per the statement ``lhs → rhs``: Q² times its right side, for ``electrons``
    electrons of mass ``m``.

    >>> falloff_coefficient(WRONG_EQ10["−m/Q² instead of −2m/Q² (a factor 2 lost)"], m=1)
    -1
    """
    rhs = statement.args[1]
    return sp.simplify((Q2 * rhs).subs({Z: electrons, M_E: m}))


# --------------------------------------------------------------------------------------------
# Eq. (11): R(T, P²) = (1/π) ∫_0^∞ Im R(T, Q²)/(Q² − P² − iε) dQ²

EQ11_RHS: sp.Expr = sp.Integral(sp.im(R(T, Q2)) / (Q2 - P2 - sp.I * EPS), (Q2, 0, sp.oo)) / sp.pi
PRINTED_EQ11 = sp.Eq(R(T, P2), EQ11_RHS)
WRONG_EQ11: dict[str, sp.Expr] = {
    "the kernel 1/(Q² + P²)": (
        sp.Integral(sp.im(R(T, Q2)) / (Q2 + P2 - sp.I * EPS), (Q2, 0, sp.oo)) / sp.pi
    ),
    "(1/2π) Im R": (
        sp.Integral(sp.im(R(T, Q2)) / (Q2 - P2 - sp.I * EPS), (Q2, 0, sp.oo)) / (2 * sp.pi)
    ),
}


def dispersion_weight(expr: sp.Expr) -> sp.Expr:
    """The weight w(Q²) with which the right side ``expr`` of Eq. (11) integrates
    S = (1/π) Im R (Eq. (8)), at P² off the positive axis (ε → 0): expr = ∫ S w dQ².

    >>> dispersion_weight(WRONG_EQ11["(1/2π) Im R"])
    -1/(2*P^2 - 2*Q^2)
    """
    s = sp.Dummy("S")
    total = sp.Integer(0)
    for term in sp.Add.make_args(sp.expand(expr)):
        factors = [f for f in sp.Mul.make_args(term) if not isinstance(f, sp.Integral)]
        (integral,) = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.Integral)]
        integrand = integral.function.xreplace({sp.im(R(T, Q2)): sp.pi * s})
        total += sp.Mul(*factors) * integrand
    return sp.simplify(sp.diff(total, s).subs(EPS, 0))


# --------------------------------------------------------------------------------------------
# R(T, 0) and the sign of Im R at P² < 0 (the sentences around Eqs. (10) and (11))

#: "one finds R(T, 0) = Z/T", with Z electrons
PRINTED_R0: sp.Expr = Z / T
#: "manifestly real at real negative Q²": Im R(T, P²) = 0 for P² < 0
PRINTED_IM_R_NEGATIVE_AXIS = sp.Integer(0)
