"""Eq. (9): R as a spectral sum and as a resolvent matrix element, in three model atoms.

The printed spectral sum Σ_n |⟨n|ρ|0⟩|²/(T − E_n + E₀ − iε) is evaluated from its sympy summand
(:mod:`sumrules.theory.response`) on each atom's spectrum; the matrix element
⟨0|ρ†(T − H + E₀ − iε)⁻¹ρ|0⟩ is computed from the Hamiltonian: for the free electron by letting
H act on the plane wave ρ(q)|0⟩, for the oscillator by the Jacobi continued fraction of
z − Q²/2m − p·q/m − h (and in closed form, Kummer's function). For hydrogen the two i0
prescriptions of the spectral sum (principal value + iπS, and a contour above the pole) must
agree, and the states must be complete (closure) where Eq. (9) is used at P² < 0.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sympy as sp

from sumrules.core.claim import Claim, Findings, Printed, Quantity, Route, Variant, digits
from sumrules.core.derivation import Derivation, Step
from sumrules.core.format import digits_text
from sumrules.core.ledger import Context
from sumrules.models import Free, Hydrogenic, Oscillator
from sumrules.theory import response as rs

__all__ = [
    "CLAIMS",
    "CLOSURE",
    "EQ9",
    "FREE_RESOLVENT",
    "HYDROGEN_RESOLVENT",
    "OSC_RESOLVENT",
    "free_sum",
    "osc_sum",
]

M = sp.Symbol("m", positive=True)
FREE, OSC, HYD = Free(M), Oscillator(), Hydrogenic(1, 0, 1)
#: oscillator (ω = m = 1): complex energies z and y = Q²/2mω ∈ {0.3, 1.3, 4}
OSC_POINTS = tuple(
    (z, y) for z in ("2.5-0.1j", "0.7-0.4j", "3-0.001j") for y in ("0.3", "1.3", "4")
)
#: hydrogen at T = 1 hartree = 2I: P² on the cut and on the negative axis
HYD_T, HYD_P2 = "1", ("0.5", "-0.5")
Z_FREE = rs.T - sp.I * rs.EPS
WRONG_MASS = "oscillator operator with Q²/m instead of Q²/2m"
NO_DISCRETE = "hydrogen spectral sum without the discrete states (n ≥ 2)"


def _q2(y: str) -> sp.Expr:
    return 2 * sp.Rational(y)


def free_sum(summand: sp.Expr) -> Callable[[Free, Context], Any]:
    """The printed spectral sum over the free electron's one final state, the plane wave |q⟩."""
    return lambda a, ctx: a.spectral_sum(rs.spectral_kernel(summand, Z_FREE), rs.Q2)


def osc_sum(summand: sp.Expr) -> Callable[[tuple[str, str], Context], Any]:
    """The printed spectral sum over the oscillator lines at the complex energy z."""
    return lambda c, ctx: OSC.spectral_sum(
        rs.spectral_kernel(summand, c[0], dps=ctx.dps), _q2(c[1]), dps=ctx.dps
    )


def _free_route(family: str) -> Callable[[Free, Context], Any]:
    return lambda a, ctx: a.resolvent_routes()[family](Z_FREE, rs.Q2, ctx.dps)


def _hydrogen_route(family: str) -> Callable[[str, Context], Any]:
    return lambda p2, ctx: HYD.resolvent_routes()[family](HYD_T, p2, ctx.dps)


def _plus_i_eps(side: Callable[[sp.Expr], Any]) -> tuple[Variant, ...]:
    return tuple(Variant(name, side(wrong)) for name, wrong in rs.WRONG_EQ9.items())


def _operator(q2_coeff: str = "0.5") -> Callable[[tuple[str, str], Context], Any]:
    """R from the oscillator's Hamiltonian (Q²/m instead of Q²/2m: q2_coeff = 1)."""
    return lambda c, ctx: OSC.resolvent_operator(c[0], _q2(c[1]), dps=ctx.dps, q2_coeff=q2_coeff)


def _kummer(c: tuple[str, str], ctx: Context) -> Any:
    return OSC.resolvent_routes()["closed form"](c[0], _q2(c[1]), ctx.dps)


def _closure(p2: str, ctx: Context) -> Any:
    return HYD.closure(p2, dps=ctx.dps).total


def _closure_without_discrete(p2: str, ctx: Context) -> Any:
    s = HYD.closure(p2, dps=ctx.dps)
    return s.elastic + s.continuum


FREE_RESOLVENT_ROUTES = (
    Route("1/(T − Q²/2m − iε)", "closed form", _free_route("closed form")),
    Route("H = p²/2m acting on the plane wave ρ(q)|0⟩", "symbolic", _free_route("symbolic")),
)
FREE_RESOLVENT = Quantity(
    "free electron: ⟨0|ρ†(T − H + E₀ − iε)⁻¹ρ|0⟩",
    cases=(FREE,),
    routes=FREE_RESOLVENT_ROUTES,
    printed=free_sum(rs.EQ9_SUMMAND),
    controls=_plus_i_eps(free_sum),
    label=lambda a: "free electron",
)

OSC_RESOLVENT_ROUTES = (
    Route("Jacobi continued fraction of z − Q²/2m − p·q/m − h", "series", _operator()),
    Route("Kummer's function M(1; 1 − z/ω; −y)/z", "closed form", _kummer),
)
OSC_RESOLVENT = Quantity(
    "oscillator: ⟨0|ρ†(z − H + E₀)⁻¹ρ|0⟩",
    cases=OSC_POINTS,
    routes=OSC_RESOLVENT_ROUTES,
    printed=osc_sum(rs.EQ9_SUMMAND),
    controls=(Variant(WRONG_MASS, _operator(q2_coeff="1")), *_plus_i_eps(osc_sum)),
    tolerance=digits(5),
    label=lambda c: f"z = {c[0]}, y = {c[1]}",
)

HYDROGEN_RESOLVENT_ROUTES = (
    Route("spectral sum along a contour above the pole", "contour", _hydrogen_route("contour")),
    Route("spectral sum, principal value + iπS", "quadrature", _hydrogen_route("quadrature")),
)
HYDROGEN_RESOLVENT = Quantity(
    "hydrogen 1s: R(T = 2I, P²)",
    cases=HYD_P2,
    routes=HYDROGEN_RESOLVENT_ROUTES,
    tolerance=digits(5),
    label=lambda p2: f"P² = {p2}",
)

CLOSURE_ROUTES = (
    Route("⟨0|ρ†ρ|0⟩ = ⟨0|0⟩ = 1", "closed form", lambda p2, ctx: sp.Integer(1)),
    Route("elastic + discrete series + continuum quadrature", "quadrature", _closure),
)
CLOSURE = Quantity(
    "hydrogen 1s: Σ_n |⟨n|ρ|0⟩|² at P² = −0.5",
    cases=("-0.5",),
    routes=CLOSURE_ROUTES,
    controls=(Variant(NO_DISCRETE, _closure_without_discrete),),
    tolerance=digits(5),
    label=lambda p2: f"P² = {p2}",
)


def _summary(f: Findings) -> str:
    ok = f.all_hold
    osc = f["oscillator: ⟨0|ρ†(z − H + E₀)⁻¹ρ|0⟩"].printed_digits or [0.0]
    hydrogen = f["hydrogen 1s: R(T = 2I, P²)"].min_agreement
    return (
        f"{'holds' if ok else 'fails'}: spectral sum against the resolvent matrix element: free "
        f"electron exactly; oscillator (continued fraction of the Hamiltonian) to "
        f"{digits_text(min(osc), f.ctx.dps)} digits; hydrogen (PV vs contour) to "
        f"{digits_text(hydrogen, f.ctx.dps)} digits, states complete also at P² = −0.5"
    )


def _resolvent_steps(f: Findings) -> list[Derivation]:
    x, q, t, m = sp.symbols("x q T m", positive=True)
    g = sp.Function("f")(x)
    shifted = sp.exp(-sp.I * q * x) * (-sp.I) * sp.diff(sp.exp(sp.I * q * x) * g, x)
    r_free = FREE.resolvent_routes()["closed form"](t - sp.I * rs.EPS, q**2, f.ctx.dps)
    return [
        Derivation(
            "Eq. (9): from the spectral sum to the resolvent, and the translation behind Eq. (16)",
            [
                Step.definition(
                    r"\sum_n \frac{|\langle n|\rho|0\rangle|^2}{T - E_n + E_0 - i\epsilon}",
                    r"\langle 0|\rho^\dagger \Big[\sum_n \frac{|n\rangle\langle n|}"
                    r"{T - E_n + E_0 - i\epsilon}\Big]\rho|0\rangle",
                    "insert the complete set of eigenstates of H",
                ),
                Step.checked(
                    r"e^{-iqx}\,p\,e^{iqx} f",
                    -sp.I * sp.diff(g, x) + q * g,
                    "p = −i d/dx: e^{−iq·r} p e^{iq·r} = p + q",
                    method="sympy: on a test function f(x)",
                    predicate=lambda: sp.simplify(shifted - (-sp.I * sp.diff(g, x) + q * g)) == 0,
                ),
                Step.checked(
                    r"R_{\rm free}",
                    r_free,
                    "free electron: ρ(q)|0⟩ = |q⟩, an eigenstate with E = Q²/2m",
                    predicate=lambda: (
                        sp.simplify(r_free - 1 / (t - q**2 / (2 * m) - sp.I * rs.EPS)) == 0
                    ),
                ),
            ],
        )
    ]


EQ9 = Claim(
    "eq9",
    title="R as a spectral sum and as a resolvent matrix element",
    printed=Printed(rs.PRINTED_EQ9, where="Eq. (9)"),
    quantities=(FREE_RESOLVENT, OSC_RESOLVENT, HYDROGEN_RESOLVENT, CLOSURE),
    policy=lambda f: "verified" if f.all_hold else "refuted",
    summary=_summary,
    derivations=_resolvent_steps,
    cost=0.6,
)

CLAIMS = (EQ9,)
