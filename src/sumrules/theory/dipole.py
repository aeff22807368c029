"""Eqs. (6), (7) and (13) as sympy statements: the dipole limit, the photon point and the
low-Q² share of the sum rule, built from their parts.

Each right-hand side is built by a function whose defaults give the printed one, so that the
paper's statement and every deliberately wrong variant ("this expression with one part
changed") are the same object with different parts; the checks evaluate these very
expressions, and the proof book prints them.

* Eq. (6): ``coefficient · (Q²)^(power − 1) · Σ_n δ(T − E_n + E_0)|⟨n|d|0⟩|²`` with the
  projection d_x (printed) or the whole vector d; :func:`dipole_limit` reads off what it says
  for lim_{Q²→0} |⟨n|ρ|0⟩|²/Q² (Eq. (5) carries 1/Q², so |⟨n|ρ|0⟩|² → (Q²)^power |d|²).
* Eq. (7): ``μ²σ_γ/(πT)`` (:data:`PRINTED_EQ7_RHS`), evaluated by :func:`evaluate`.
* Eq. (13): ``σ_γ T^power/(coefficient · α Z)`` (:func:`low_q_share_rhs`).

>>> dipole_limit(dipole_rhs(), {DIPOLE_X: 3})
3
>>> dipole_limit(dipole_rhs(power=2), {DIPOLE_X: 3})
0
>>> dipole_limit(dipole_rhs(strength=DIPOLE_VECTOR), {DIPOLE_X: 3, DIPOLE_VECTOR: 9})
9
>>> evaluate(low_q_share_rhs(), {SIGMA_GAMMA: 8, T: 1, alpha: 1, Z: 2}) * sp.pi**2
1
"""

from __future__ import annotations

from collections.abc import Mapping

import sympy as sp

from sumrules.theory.photoabsorption import photoabsorption_coefficient
from sumrules.theory.scattering import Convention, T, mu

__all__ = [
    "DIPOLE_STRENGTHS",
    "DIPOLE_VECTOR",
    "DIPOLE_X",
    "EQ6_LHS",
    "EQ7_LHS",
    "EQ13_LHS",
    "PRINTED_EQ6_RHS",
    "PRINTED_EQ7_RHS",
    "PRINTED_EQ13_RHS",
    "Q2",
    "SIGMA_GAMMA",
    "T",
    "Z",
    "alpha",
    "dipole_limit",
    "dipole_rhs",
    "evaluate",
    "low_q_share_derived",
    "low_q_share_rhs",
]

alpha = sp.Symbol("alpha", positive=True)
#: Q² as one symbol (prints as Q^2)
Q2 = sp.Symbol("Q^2", positive=True)
#: the photoabsorption cross section σ_γ(T) as a symbol
SIGMA_GAMMA = sp.Symbol("sigma_gamma", positive=True)
#: the number of electrons
Z = sp.Symbol("Z", positive=True)
_n = sp.Symbol("n", integer=True, positive=True)
_E0 = sp.Symbol("E_0", real=True)
_En = sp.Indexed("E", _n)


def _strength(operator: str) -> sp.Expr:
    element = sp.Symbol(rf"\langle n|{operator}|0\rangle")
    return sp.Sum(sp.DiracDelta(T - _En + _E0) * sp.Abs(element) ** 2, (_n, 1, sp.oo))


#: Σ_n δ(T − E_n + E_0)|⟨n|d_x|0⟩|²: the dipole strength along q (printed)
DIPOLE_X = _strength("d_{x}")
#: Σ_n δ(T − E_n + E_0)|⟨n|d|0⟩|²: summed over three directions (a wrong variant)
DIPOLE_VECTOR = _strength(r"\vec{d}")
DIPOLE_STRENGTHS = (DIPOLE_X, DIPOLE_VECTOR)

_sigma_mu = sp.Function(r"\sigma_{(\mu)}")(T, Q2)
#: d²σ_(μ)/dT dQ²
EQ6_LHS = sp.Derivative(_sigma_mu, T, Q2)
#: d²σ_(μ)/dT dQ² at the photon point Q² = T²
EQ7_LHS = sp.Subs(EQ6_LHS, Q2, T**2)
#: δ_(μ) ≡ (T/πZ) ∫_0^{T²} Im R(T, Q²) dQ²/Q²
EQ13_LHS = T / (sp.pi * Z) * sp.Integral(sp.im(sp.Function("R")(T, Q2)) / Q2, (Q2, 0, T**2))


def dipole_rhs(
    *,
    coefficient: sp.Expr = 4 * sp.pi * alpha * mu**2,
    power: int = 1,
    strength: sp.Expr = DIPOLE_X,
) -> sp.Expr:
    """``coefficient · (Q²)^(power − 1) · strength``: Eq. (6) for power 1 and d_x."""
    return coefficient * Q2 ** (power - 1) * strength


#: the right-hand side of Eq. (6) as printed: 4πα μ² Σ δ(T − E_n + E_0)|⟨n|d_x|0⟩|²
PRINTED_EQ6_RHS = dipole_rhs()


def dipole_limit(rhs: sp.Expr, strengths: Mapping[sp.Expr, object]) -> sp.Expr:
    """What the right-hand side ``rhs`` of Eq. (6) says for lim_{Q²→0} |⟨n|ρ|0⟩|²/Q².

    Eq. (5) reads ``(coefficient/Q²)|⟨n|ρ|0⟩|²``, so ``rhs`` without its coefficient, times Q²,
    is the small-Q² law of |⟨n|ρ|0⟩|²; ``strengths`` gives the dipole strengths' values.
    """
    _, law = sp.sympify(rhs).as_independent(Q2, *DIPOLE_STRENGTHS, as_Add=False)
    values = {k: sp.sympify(v) for k, v in strengths.items()}
    return sp.limit(law.xreplace(values) * Q2 / Q2, Q2, 0)


#: the right-hand side of Eq. (7) as printed: μ²σ_γ/(πT)
PRINTED_EQ7_RHS = mu**2 / sp.pi * SIGMA_GAMMA / T


def low_q_share_rhs(*, coefficient: sp.Expr = 4 * sp.pi**2, power: int = 2) -> sp.Expr:
    """``σ_γ T^power/(coefficient · α Z)``: Eq. (13) for 4π² and T²."""
    return SIGMA_GAMMA * T**power / (coefficient * alpha * Z)


#: the right-hand side of Eq. (13) as printed: σ_γT²/(4π²αZ)
PRINTED_EQ13_RHS = low_q_share_rhs()


def low_q_share_derived(convention: Convention) -> sp.Expr:
    """δ = (T/Z) ∫_0^{T²} S dQ²/Q² with the dipole limit S = Q²D (Eqs. (6), (8)) and D from the
    golden rule σ_γ = 4π²αTD of ``convention``: the same in both.

    >>> low_q_share_derived("heaviside-lorentz") == low_q_share_derived("gaussian") == PRINTED_EQ13_RHS
    True
    """
    d = sp.Symbol("D", positive=True)
    delta = T / Z * sp.integrate(Q2 * d / Q2, (Q2, 0, T**2))
    omega = sp.Symbol("omega", positive=True)
    golden = photoabsorption_coefficient(convention).subs(omega, T)
    return sp.simplify(delta.subs(d, SIGMA_GAMMA / golden))


def evaluate(expr: sp.Expr, values: Mapping[sp.Symbol, object], dps: int = 30) -> sp.Expr:
    """``expr`` at ``values`` (numbers, mpmath numbers as Floats of ``dps`` + 5 digits)."""
    subs = {
        k: v if isinstance(v, int | sp.Basic) else sp.Float(v, dps + 5) for k, v in values.items()
    }
    return sp.sympify(expr).xreplace(subs)
