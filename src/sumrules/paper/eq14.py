"""Eq. (14): the double-differential weak cross section in terms of (1/π) Im R.

The printed coefficient (G_F²/4π)(1 + 4 sin²θ_W + 8 sin⁴θ_W) of (1/π) Im R is judged by three
routes that share no code (:mod:`sumrules.theory.static_target`): the V−A traces on an
infinitely heavy target at leading order in T/E (constant in Q²: weight Q⁰), the free
response S = δ(T − Q²/2m) against the Vogel–Engel cross section at T/E → 0 and Eq. (2) as
printed, and a nascent δ integrated numerically. Integrated with Eq. (15) it gives Z × Eq. (2).
"""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp

from sumrules.core.claim import Claim, Findings, Printed, Quantity, Route, Variant, digits
from sumrules.core.derivation import Derivation, Step
from sumrules.core.format import digits_text, number
from sumrules.core.ledger import Context
from sumrules.models.hydrogenic.ratios import hydrogen_rows
from sumrules.paper.eq02 import PRINTED_EQ2_COEFFICIENT
from sumrules.theory.scattering import G_F, Q2, SIN2_W, T, g_A, g_V, integrate_free_response, m
from sumrules.theory.static_target import (
    free_response_numeric,
    leading_weak_coefficient,
    static_weak_coefficient,
    static_weak_leading,
    vogel_engel_low_T,
)
from sumrules.theory.sum_rules import (
    M_E,
    PRINTED_EQ14,
    PRINTED_EQ15,
    Z,
    response_coefficient,
)

__all__ = [
    "CLAIMS",
    "COEFFICIENT",
    "EQ14",
    "FREE_ELECTRON",
    "PRINTED_COEFFICIENT",
    "WITH_EQ15",
    "WRONG",
]

#: the coefficient of (1/π) Im R in Eq. (14) as printed
PRINTED_COEFFICIENT = response_coefficient(PRINTED_EQ14)
FLAVORS = ("ν_e", "anti-ν_e")
#: the free electron, symbolically and at G_F = m = T = 1, sin²θ_W = 0.23 (the nascent δ)
POINTS: dict[str, dict[sp.Symbol, sp.Expr]] = {
    "G_F, sin²θ_W, m symbolic": {},
    "G_F = m = T = 1, sin²θ_W = 0.23": {
        G_F: sp.Integer(1),
        SIN2_W: sp.Rational(23, 100),
        m: sp.Integer(1),
        T: sp.Integer(1),
    },
}
#: deliberately wrong coefficients: the printed one with one part changed
WRONG = {
    "weight 1/Q² (as for the magnetic moment)": PRINTED_COEFFICIENT / Q2,
    "G_F²/(2π) instead of G_F²/(4π)": 2 * PRINTED_COEFFICIENT,
    "(1 + 4s + 4s²) instead of (1 + 4s + 8s²)": G_F**2
    / (4 * sp.pi)
    * (1 + 4 * SIN2_W + 4 * SIN2_W**2),
}


TRACES = "V−A traces on an infinitely heavy target (sympy), leading order in T/E and Q²/E²"
VOGEL_ENGEL = "Vogel–Engel dσ/dT at T/E → 0"
EXACT_DELTA = "the traces' coefficient with δ(T − Q²/2m) substituted exactly"
NASCENT_DELTA = "nascent δ (Gaussian of width 5·10⁻⁴ in T) integrated numerically"
WITH_15 = "the traces' coefficient × (1/π)∫ Im R dQ² = 2Zm (Eq. (15))"


def _traces_coefficient(flavor: str, ctx: Context, *, axial: bool = True) -> sp.Expr:
    return leading_weak_coefficient(antineutrino=flavor == "anti-ν_e", axial=axial)


def _no_axial(flavor: str, ctx: Context) -> sp.Expr:
    return _traces_coefficient(flavor, ctx, axial=False)


def _vogel_engel_coefficient(flavor: str, ctx: Context) -> sp.Expr:
    return sp.expand(vogel_engel_low_T(antineutrino=flavor == "anti-ν_e") / (2 * m))


def _free_response(coefficient: sp.Expr) -> Callable[[str, Context], sp.Expr]:
    """∫ C δ(T − Q²/2m) dQ² at a point of :data:`POINTS` (exact substitution)."""
    return lambda point, ctx: integrate_free_response(coefficient).subs(POINTS[point])


def _vogel_engel(point: str, ctx: Context) -> sp.Expr:
    return vogel_engel_low_T().subs(POINTS[point])


def _eq2(point: str, ctx: Context) -> sp.Expr:
    return PRINTED_EQ2_COEFFICIENT.subs(POINTS[point])


def _nascent(point: str, ctx: Context) -> sp.Expr:
    return free_response_numeric(leading_weak_coefficient(), POINTS[point], dps=ctx.dps)


def _with_eq15(coefficient: sp.Expr) -> Callable[[str, Context], sp.Expr]:
    """C × the right-hand side of Eq. (15) as printed, (1/π)∫ Im R dQ² = 2Z m."""
    return lambda case, ctx: coefficient * PRINTED_EQ15.rhs.subs(M_E, m)


COEFFICIENT_ROUTES = (
    Route(TRACES, "spinor algebra", _traces_coefficient),
    Route(f"{VOGEL_ENGEL} over ∫ δ(T − Q²/2m) dQ² = 2m", "closed form", _vogel_engel_coefficient),
)
COEFFICIENT = Quantity(
    "coefficient of (1/π) Im R",
    cases=FLAVORS,
    routes=COEFFICIENT_ROUTES,
    printed=lambda f, ctx: PRINTED_COEFFICIENT,
    controls=(Variant("traces without the axial (spin) coupling", _no_axial),),
)
FREE_ELECTRON_ROUTES = (
    Route(VOGEL_ENGEL, "closed form", _vogel_engel),
    Route(EXACT_DELTA, "symbolic", _free_response(leading_weak_coefficient())),
    Route("Eq. (2) as printed", "closed form", _eq2),
    Route(NASCENT_DELTA, "quadrature", _nascent, applies=lambda point: bool(POINTS[point])),
)
FREE_ELECTRON = Quantity(
    "Eq. (14) on a free electron: dσ/dT at T/E → 0",
    cases=tuple(POINTS),
    routes=FREE_ELECTRON_ROUTES,
    printed=_free_response(PRINTED_COEFFICIENT),
    controls=tuple(Variant(f"coefficient with {k}", _free_response(v)) for k, v in WRONG.items()),
    tolerance=digits(5),
)
WITH_EQ15_ROUTES = (
    Route(WITH_15, "symbolic", _with_eq15(leading_weak_coefficient())),
    Route("Z × Eq. (2) as printed", "closed form", lambda c, ctx: Z * PRINTED_EQ2_COEFFICIENT),
)
WITH_EQ15 = Quantity(
    "Eq. (14) integrated over Q² with Eq. (15)",
    cases=("Z electrons",),
    routes=WITH_EQ15_ROUTES,
    printed=_with_eq15(PRINTED_COEFFICIENT),
)


NOTES = (
    "The exact static-target coefficient carries corrections of relative order T/E and "
    "(g_A² − g_V²)(Q² − T²)/(4E²(g_V² + g_A²)), negligible for Q² ≪ E². For ν_μ, ν_τ the "
    "bracket is 1 − 4s² + 8s⁴."
)


def _traces(f: Findings) -> list[Derivation]:
    exact, leading = static_weak_coefficient(), static_weak_leading()
    nu, anti = (f[COEFFICIENT.name].value(x) for x in FLAVORS)
    free = integrate_free_response(nu)
    return [
        Derivation(
            "Eq. (14) from the four-fermion interaction on a static target",
            [
                Step.definition(
                    r"\frac{d^2\sigma_{EW}}{dT\,dQ^2}",
                    sp.latex(exact) + r"\; S(T,Q^2)",
                    "traces with W⁰⁰ = g_V² S, W^ij = g_A² δ^ij S, phase space of an "
                    "infinitely heavy target, exact in E and T",
                ),
                Step.checked(
                    r"\lim_{T/E\to0,\,Q^2/E^2\to0} C",
                    leading,
                    "leading order: constant in Q² (point-like interaction)",
                    predicate=lambda: not leading.has(Q2),
                ),
                Step.checked(
                    leading.subs({g_V: sp.Symbol("g_V"), g_A: sp.Symbol("g_A")}),
                    nu,
                    "ν_e (and anti-ν_e, the same): g_V = 1/2 + 2 sin²θ_W, g_A = ±1/2",
                    predicate=lambda: sp.simplify(nu - anti) == 0,
                ),
                Step.checked(
                    r"\int_0^\infty C_{\rm lead}\,\delta(T - Q^2/2m)\,dQ^2",
                    free,
                    "free response; equals Vogel–Engel at T/E → 0",
                    predicate=lambda: sp.simplify(free - vogel_engel_low_T()) == 0,
                ),
            ],
        )
    ]


def _summary(f: Findings) -> str:
    nascent = f[FREE_ELECTRON.name].agreement[FREE_ELECTRON.routes[3].method]
    r_ew = next(r.r_ew for r in hydrogen_rows(f.ctx.dps) if r.t_over_i == "2")
    held = "=" if f[COEFFICIENT.name].all_hold else "≠"
    gives = "gives" if f[FREE_ELECTRON.name].all_hold else "does not give"
    return (
        f"coefficient (G_F²/4π)(1 + 4s² + 8s⁴) of Im R/π {held} leading static-target V−A "
        f"traces (ν_e and anti-ν_e), weight Q⁰; with S = δ(T − Q²/2m) it {gives} Eq. (2) exactly "
        f"(nascent δ {digits_text(nascent, f.ctx.dps)} digits); via Eq. (15) Z × Eq. (2), per "
        f"electron × r_ew (hydrogen T = 2I: {number(r_ew, 6)})"
    )


EQ14 = Claim(
    "eq14",
    title="Double-differential electroweak cross section in terms of Im R",
    printed=Printed(PRINTED_EQ14, where="Eq. (14)"),
    quantities=(COEFFICIENT, FREE_ELECTRON, WITH_EQ15),
    policy=lambda f: "verified" if f.all_hold else "corrected",
    summary=_summary,
    derivations=_traces,
    notes=NOTES,
    cost=0.4,
)

CLAIMS = (EQ14,)
