"""Eq. (6): the small-Q² (dipole) limit of the structure function, and its coefficient.

The printed right-hand side is a sympy expression (:mod:`sumrules.theory.dipole`): what it
says for lim |⟨n|ρ|0⟩|²/Q² is read off the very expression, and its wrong variants are the
expression with one part changed (the power of Q², the projection of d). Hydrogen (1s, atomic
units) makes it concrete: the bound shells exactly (sympy), the continuum from Bethe's S
against Stobbe's D(T), coded independently. The coefficient is Eq. (5)'s leading Coulomb term
times Q²D, per unit convention (the μ_ν normalization of Eqs. (1) and (5), claim eq1).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sympy as sp

from sumrules.core.claim import Claim, Findings, Printed, Quantity, Route, Tolerance, Variant
from sumrules.core.claim import digits as digits_
from sumrules.core.derivation import Derivation, Step
from sumrules.core.format import digits_text
from sumrules.core.ledger import Context
from sumrules.models.hydrogenic import dipole as hd
from sumrules.models.hydrogenic import ground
from sumrules.theory import dipole as st
from sumrules.theory.conventions import (
    comparison_step,
    describe_conventions,
    verdict_from_conventions,
)
from sumrules.theory.photoabsorption import (
    bound_dipole_squared,
    form_factor_squared_from_wavefunctions,
    hydrogen_dipole_density,
    oscillator_strength,
)
from sumrules.theory.scattering import (
    Q2,
    Convention,
    D,
    E,
    T,
    bohr_magneton,
    coulomb_exchange_coefficient,
    express_in_convention,
    mu,
    mu_B,
)

__all__ = [
    "BOUND",
    "CLAIMS",
    "COEFFICIENT",
    "CONTINUUM",
    "CONVENTIONS",
    "EQ6",
    "PRINTED_EQ6",
    "SHELLS",
    "T_GRID",
    "UNIT_TERM",
    "in_convention",
    "predicts",
]

PRINTED_EQ6 = sp.Eq(st.EQ6_LHS, st.PRINTED_EQ6_RHS)
#: the hydrogen shells n and continuum energies T (hartree) of the checks
SHELLS = (2, 3, 4, 5)
T_GRID = ("0.75", "1", "2", "5", "20")
CONVENTIONS: tuple[Convention, ...] = ("heaviside-lorentz", "gaussian")
_q = sp.Symbol("q", positive=True)
#: wrong variants of the printed right-hand side: one part changed
POWER_2 = st.dipole_rhs(power=2)
VECTOR_D = st.dipole_rhs(strength=st.DIPOLE_VECTOR)


def predicts(
    rhs: sp.Expr, strength: Callable[[Any, Context], Any]
) -> Callable[[Any, Context], Any]:
    """What ``rhs`` says for lim |⟨n|ρ|0⟩|²/Q² at a case, with |⟨n|d_x|0⟩|² = ``strength``
    (summed over three directions: three times that, a spherically symmetric 1s)."""

    def value(case: Any, ctx: Context) -> Any:
        d = strength(case, ctx)
        return st.dipole_limit(rhs, {st.DIPOLE_X: d, st.DIPOLE_VECTOR: 3 * d})

    return value


def in_convention(rhs: sp.Expr) -> Callable[[Convention, Context], sp.Expr]:
    """A right-hand side of Eq. (6) with D for the dipole strength, μ_B of the convention."""
    return lambda c, ctx: rhs.xreplace({st.DIPOLE_X: D}).subs(mu_B, bohr_magneton(c))


def _stobbe(t: str, ctx: Context) -> sp.Float:
    return sp.Float(hydrogen_dipole_density(t, dps=ctx.dps), ctx.dps + 5)


def _radial(n: int, ctx: Context) -> sp.Expr:
    return bound_dipole_squared(n)


def _leading_coulomb() -> sp.Expr:
    """Eq. (5): the Coulomb-exchange coefficient of |⟨n|ρ|0⟩|² at E → ∞, T → 0, times Q²."""
    return sp.limit(sp.limit(coulomb_exchange_coefficient() * Q2, E, sp.oo), T, 0)


BOUND_ROUTES = (
    Route(
        "textbook |F_n(q)|², sympy limit q → 0",
        "closed form",
        lambda n, ctx: sp.limit(hd.shell_form_factor_squared(n, _q) / _q**2, _q, 0),
    ),
    Route(
        "partial waves Σ_l(2l+1)|∫R_nl j_l(qr) R_10 r²dr|², sympy limit q → 0",
        "symbolic",
        lambda n, ctx: sp.limit(form_factor_squared_from_wavefunctions(n) / _q**2, _q, 0),
        lambda n: n <= 3,
    ),
    Route(
        "model |F_n(q)|²/q² at q = 10^(−dps/4) (mpmath)",
        "model",
        lambda n, ctx: hd.bound_small_q_ratio(n, dps=ctx.dps),
    ),
)
BOUND_CONTROLS = (
    Variant("the law (Q²)²|d_x|² instead of Q²|d_x|²", predicts(POWER_2, _radial)),
    Variant("|d|² summed over three directions instead of d_x", predicts(VECTOR_D, _radial)),
)
BOUND = Quantity(
    "lim |⟨n|ρ|0⟩|²/Q², bound shells",
    cases=SHELLS,
    routes=BOUND_ROUTES,
    printed=predicts(st.PRINTED_EQ6_RHS, _radial),
    controls=BOUND_CONTROLS,
    tolerance=Tolerance(lambda ctx: ctx.dps / 2 - 2),
    label=lambda n: f"n={n}",
)

CONTINUUM_ROUTES = (
    Route(
        "Bethe S(T, q)/q², q → 0 (Richardson from q and q/2)",
        "model",
        lambda t, ctx: hd.continuum_small_q_limit(t, dps=ctx.dps),
    ),
    Route(
        "Bethe's closed form at q = 0 (the analytic limit)",
        "closed form",
        lambda t, ctx: ground.dipole_density(t, dps=ctx.dps),
    ),
)
CONTINUUM_CONTROLS = (
    Variant("S/Q⁴ instead of S/Q² at q → 0 (the law (Q²)²)", predicts(POWER_2, _stobbe)),
)
CONTINUUM = Quantity(
    "lim S(T, Q²)/Q², continuum",
    cases=T_GRID,
    routes=CONTINUUM_ROUTES,
    printed=predicts(st.PRINTED_EQ6_RHS, _stobbe),
    controls=CONTINUUM_CONTROLS,
    tolerance=digits_(5),
    label=lambda t: f"T={t}",
)

UNIT_TERM_ROUTES = (
    Route("textbook |F_n(0)|²", "closed form", lambda n, ctx: hd.shell_form_factor_squared(n, 0)),
    Route(
        "sympy ∫R_n0 R_10 r²dr, squared",
        "symbolic",
        lambda n, ctx: hd.s_overlap(n) ** 2,
        lambda n: n <= 3,
    ),
)
UNIT_TERM = Quantity(
    "|⟨ns|1s⟩|², the unit term of e^{iqx}",
    cases=SHELLS,
    routes=UNIT_TERM_ROUTES,
    printed=lambda n, ctx: sp.Integer(0),
    label=lambda n: f"n={n}",
)

COEFFICIENT_ROUTES = (
    Route(
        "Eq. (5)'s leading Coulomb exchange (Dirac traces) times Q²D",
        "spinor algebra",
        lambda c, ctx: express_in_convention(_leading_coulomb() * D, c),
    ),
)
COEFFICIENT = Quantity(
    "the coefficient: Eq. (5) × Q²D",
    cases=CONVENTIONS,
    routes=COEFFICIENT_ROUTES,
    printed=in_convention(st.PRINTED_EQ6_RHS),
)


def _matches(f: Findings) -> tuple[str, ...]:
    q = f["the coefficient: Eq. (5) × Q²D"]
    return tuple(c for c in q.cases if c not in q.failing)


def _limit_holds(f: Findings) -> bool:
    names = ("lim |⟨n|ρ|0⟩|²/Q², bound shells", "lim S(T, Q²)/Q², continuum")
    return all(f[n].all_hold for n in (*names, "|⟨ns|1s⟩|², the unit term of e^{iqx}"))


def _policy(f: Findings) -> str:
    return verdict_from_conventions([_matches(f)]) if _limit_holds(f) else "refuted"


def _summary(f: Findings) -> str:
    cont = f["lim S(T, Q²)/Q², continuum"]
    digits = digits_text(min(cont.printed_digits or [0.0]), f.ctx.dps)
    conv = describe_conventions(_matches(f))
    if not _limit_holds(f):
        return (
            f"the printed small-Q² law fails in hydrogen: bound states "
            f"{f['lim |⟨n|ρ|0⟩|²/Q², bound shells'].all_hold}, continuum {cont.all_hold} (to "
            f"{digits} digits), orthogonality "
            f"{f['|⟨ns|1s⟩|², the unit term of e^{iqx}'].all_hold}; the true law is Q²|⟨n|d_x|0⟩|²"
        )
    only = " only (Heaviside–Lorentz: αμ²)" if _policy(f) == "qualified" else ""
    return (
        f"hydrogen: lim |⟨n|ρ|0⟩|²/Q² = |⟨n|d_x|0⟩|² exactly for n = {SHELLS[0]}..{SHELLS[-1]}, "
        f"continuum S/Q² → D to {digits} digits, unit term 0 by orthogonality; the printed "
        f"coefficient (Eq. (5) × Q²D) holds in {conv}{only}"
    )


def _derivations(f: Findings) -> list[Derivation]:
    a_, b_, Q = sp.symbols("a b Q", real=True)
    expansion = sp.expand((sp.I * Q * a_ - Q**2 * b_ / 2) * (-sp.I * Q * a_ - Q**2 * b_ / 2))
    overlaps = f["|⟨ns|1s⟩|², the unit term of e^{iqx}"].values["sympy ∫R_n0 R_10 r²dr, squared"]
    n2 = f["lim |⟨n|ρ|0⟩|²/Q², bound shells"].value(2)
    derived6 = _leading_coulomb() * D
    gauss = express_in_convention(derived6, "gaussian")
    matches = _matches(f)
    oscillators = all(
        sp.Rational(n**2 - 1, n**2) * bound_dipole_squared(n) == oscillator_strength(n)
        for n in SHELLS
    )
    steps = [
        Step.definition(
            r"\langle n|e^{iQx}|0\rangle",
            r"\langle n|0\rangle + iQ\langle n|x|0\rangle - \tfrac{Q^2}{2}"
            r"\langle n|x^2|0\rangle + O(Q^3)",
            "Taylor series of ρ(q) for one electron, q along x",
        ),
        Step.checked(
            r"\langle 2s|1s\rangle,\ \langle 3s|1s\rangle",
            0,
            "orthogonality kills the unit term (hydrogen radial integrals)",
            method="sympy: integrate R_n0 R_10 r² dr",
            predicate=lambda: all(v == 0 for v in overlaps[:2]),
        ),
        Step.checked(
            r"|iQa - \tfrac{Q^2}{2}b|^2",
            expansion,
            "real matrix elements a = ⟨n|x|0⟩, b = ⟨n|x²|0⟩: no Q³ term",
            predicate=lambda: sp.simplify(expansion - (Q**2 * a_**2 + Q**4 * b_**2 / 4)) == 0,
        ),
        Step.checked(
            r"\lim_{q\to0}|F_2(q)|^2/q^2",
            bound_dipole_squared(2),
            "textbook closed form against the radial integral of R_21 R_10 r³ (summed over m)",
            method="sympy: exact rationals",
            predicate=lambda: n2 == bound_dipole_squared(2),
        ),
        Step.checked(
            r"f_n = (1 - 1/n^2)\,|\langle np|z|1s\rangle|^2",
            r"\frac{2^8 n^5 (n-1)^{2n-4}}{3 (n+1)^{2n+4}}",
            f"the oscillator strengths of the shells n = {SHELLS[0]}..{SHELLS[-1]}",
            method="sympy: exact rationals",
            predicate=lambda: oscillators,
        ),
        Step.checked(
            r"\left.\frac{4\pi\alpha\mu^2}{Q^2}\,Q^2 D\right|_{\rm Gaussian}",
            4 * sp.pi * st.alpha * mu**2 * D,
            "Eq. (5) with the dipole limit, Gaussian μ (Heaviside–Lorentz: αμ²D)",
            predicate=lambda: sp.simplify(gauss - 4 * sp.pi * st.alpha * mu**2 * D) == 0,
        ),
        comparison_step(
            r"\text{printed coefficient of } D",
            4 * sp.pi * st.alpha * mu**2,
            f"the printed coefficient holds in {describe_conventions(matches)}",
            lambda: len(matches) == 2,
        ),
    ]
    return [Derivation("The dipole limit: expansion, orthogonality, and hydrogen", steps)]


EQ6 = Claim(
    "eq6",
    title="Small-Q² (dipole) limit of the structure function",
    printed=Printed(PRINTED_EQ6, where="Eq. (6)"),
    quantities=(BOUND, CONTINUUM, UNIT_TERM, COEFFICIENT),
    policy=_policy,
    summary=_summary,
    derivations=_derivations,
    notes=(
        "The printed 4πα carries the Gaussian μ_ν of Eqs. (1) and (5). Eq. (6) is derived "
        "from the Coulomb term alone; including transverse photon exchange (claim eq7) the "
        "dipole-region cross section is e²μ²D(1 − T/E)/(4π) for every Q², so Eq. (6) stays "
        "right down to Q² = T², where Coulomb exchange alone would vanish."
    ),
    cost=1.1,
)

CLAIMS = (EQ6,)
