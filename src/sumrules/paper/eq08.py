"""Eq. (8): the structure function is (1/π) Im R (Sokhotski–Plemelj), in three model atoms.

The left side, Σ_n δ(T − E_n + E₀)|⟨n|ρ|0⟩|², comes from each atom's states; the printed right
side, (1/π) Im R, is evaluated from the sympy expression held in
:mod:`sumrules.theory.response`, with R from a route that does not use S: the free electron's
exact R integrated over Q² at finite ε, then ε → 0+; the oscillator's R from its Hamiltonian
(continued fraction) just below each line; the hydrogen R along a contour above the pole.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import sympy as sp

from sumrules.core.claim import Claim, Findings, Printed, Quantity, Route, Variant, digits
from sumrules.core.derivation import Derivation, Step
from sumrules.core.format import digits_text, number
from sumrules.core.ledger import Context
from sumrules.models import Free, Hydrogenic, Oscillator, free
from sumrules.models.hydrogenic.checks import wrong_density
from sumrules.theory import response as rs

__all__ = [
    "CLAIMS",
    "EQ8",
    "FREE_WEIGHT",
    "HYDROGEN_DENSITY",
    "LINE_WEIGHTS",
    "STATES_COMPLETE",
    "contour_side",
    "free_side",
    "line_side",
]

M = sp.Symbol("m", positive=True)
FREE, OSC, HYD = Free(M), Oscillator(), Hydrogenic(1, 0, 1)
#: oscillator (ω = m = 1): the lines n = 0..4 and T = 2.5ω between two lines, at y = 1.3
OSC_T, OSC_Q2 = ("0", "1", "2", "3", "4", "2.5"), sp.Rational(13, 5)
#: hydrogen: T = 1 hartree = 2I, Q² = 0.5 (atomic units)
HYD_POINT = ("1", "0.5")
NO_TRANSLATION = "oscillator R without the p·q/m term (the translation e^{iqz} dropped)"
NO_SOMMERFELD = "hydrogen S without the Sommerfeld factor 1/(1 − e^(−2πZ/k))"


def free_side(expr: sp.Expr) -> Callable[[Free, Context], sp.Expr]:
    """lim_{ε→0+} ∫_0^∞ expr(R(T − iε, Q²)) dQ² for the free electron, exactly."""

    def side(atom: Free, ctx: Context) -> sp.Expr:
        r = atom.resolvent_routes()["closed form"](rs.T - sp.I * rs.EPS, rs.Q2, ctx.dps)
        density = rs.evaluate_rhs(expr, r)
        at_eps = free.lorentzian_q2_integral(density, rs.Q2, T=rs.T, m=atom.m, eps=rs.EPS)
        return sp.limit(at_eps, rs.EPS, 0, "+")

    return side


@functools.lru_cache(maxsize=64)
def _hamiltonian_resolvent(z: Any, dps: int, pq_coeff: int) -> Any:
    """The oscillator's R from its Hamiltonian (the printed side and its variants share it)."""
    return OSC.resolvent_operator(z, OSC_Q2, dps=dps, pq_coeff=pq_coeff)


def line_side(expr: sp.Expr, pq_coeff: int = 1) -> Callable[[str, Context], Any]:
    """The δ-weight of expr(R) at T, R from the oscillator's Hamiltonian (continued fraction)."""

    def side(t: str, ctx: Context) -> Any:
        def r(z: Any) -> Any:
            return _hamiltonian_resolvent(z, ctx.dps + 5, pq_coeff)

        return rs.line_weight(expr, r, t, dps=ctx.dps)

    return side


def contour_side(expr: sp.Expr) -> Callable[[tuple[str, str], Context], Any]:
    """expr(R) with the hydrogen R along a contour above the pole."""
    return lambda c, ctx: rs.evaluate_rhs(
        expr, HYD.resolvent_routes()["contour"](*c, ctx.dps), dps=ctx.dps
    )


def _variants(side: Callable[[sp.Expr], Any]) -> tuple[Variant, ...]:
    return tuple(Variant(name, side(wrong)) for name, wrong in rs.WRONG_EQ8.items())


def _delta_substituted(atom: Free, ctx: Context) -> sp.Expr:
    return atom.integrate_structure(1, rs.T)


def _delta_by_sympy(atom: Free, ctx: Context) -> sp.Expr:
    return sp.integrate(atom.structure_function(rs.T, free.Q2), (free.Q2, 0, sp.oo))


def _line_strength(t: str, ctx: Context) -> sp.Expr:
    return OSC.spectral_weight(t, OSC_Q2)


def _density(c: tuple[str, str], ctx: Context) -> Any:
    return HYD.structure_function(*c, dps=ctx.dps)


def _no_sommerfeld(c: tuple[str, str], ctx: Context) -> Any:
    return wrong_density("missing [1 - exp(-2 pi Z/k)] factor", *c, dps=ctx.dps)


def _closure(q2: str, ctx: Context) -> Any:
    return HYD.closure(q2, dps=ctx.dps).total


FREE_WEIGHT_ROUTES = (
    Route("δ(T − Q²/2m) by the substitution u = T − Q²/2m", "closed form", _delta_substituted),
    Route("sympy's DiracDelta integrated over Q² ∈ (0, ∞)", "symbolic", _delta_by_sympy),
)
FREE_WEIGHT = Quantity(
    "free electron: ∫ S dQ² over (0, ∞)",
    cases=(FREE,),
    routes=FREE_WEIGHT_ROUTES,
    printed=free_side(rs.EQ8_RHS),
    controls=_variants(free_side),
    label=lambda a: "free electron",
)

LINE_WEIGHTS_ROUTES = (
    Route("e^(−y) yⁿ/n! at the line T = nω, 0 between lines", "closed form", _line_strength),
)
LINE_WEIGHTS = Quantity(
    "oscillator: weight of S at T, y = 1.3",
    cases=OSC_T,
    routes=LINE_WEIGHTS_ROUTES,
    printed=line_side(rs.EQ8_RHS),
    controls=(*_variants(line_side), Variant(NO_TRANSLATION, line_side(rs.EQ8_RHS, pq_coeff=0))),
    tolerance=digits(5, zero_below=5),
    label=lambda t: f"T = {t}ω",
)

HYDROGEN_DENSITY = Quantity(
    "hydrogen 1s: S(T, Q²) in the continuum",
    cases=(HYD_POINT,),
    routes=(Route("closed-form S(T, Q²)", "closed form", _density),),
    printed=contour_side(rs.EQ8_RHS),
    controls=(*_variants(contour_side), Variant(NO_SOMMERFELD, _no_sommerfeld)),
    tolerance=digits(5),
    label=lambda c: f"T = {c[0]} hartree, Q² = {c[1]}",
)

STATES_COMPLETE_ROUTES = (
    Route("⟨0|ρ†ρ|0⟩ = ⟨0|0⟩ = 1", "closed form", lambda q2, ctx: sp.Integer(1)),
    Route("elastic + discrete series + continuum quadrature", "quadrature", _closure),
)
STATES_COMPLETE = Quantity(
    "hydrogen 1s: Σ_n |⟨n|ρ|0⟩|² at Q² = 0.5",
    cases=("0.5",),
    routes=STATES_COMPLETE_ROUTES,
    tolerance=digits(5),
    label=lambda q2: f"Q² = {q2}",
)


def _summary(f: Findings) -> str:
    ok = f.all_hold
    lines = f["oscillator: weight of S at T, y = 1.3"].printed_digits or [0.0]
    hydrogen = f["hydrogen 1s: S(T, Q²) in the continuum"].printed_digits or [0.0]
    free_ok = f["free electron: ∫ S dQ² over (0, ∞)"].all_hold
    return (
        f"{'holds' if ok else 'fails'}: (1/π) Im R against Σ δ |⟨n|ρ|0⟩|² in three models: "
        f"free electron (Lorentzian → δ, {'exact' if free_ok else 'differs'}), oscillator "
        f"lines from the Hamiltonian ({digits_text(min(lines), f.ctx.dps)} digits), hydrogen "
        f"continuum at T = 2I ({digits_text(min(hydrogen), f.ctx.dps)} digits)"
    )


def _notes(f: Findings) -> str:
    lines = f["oscillator: weight of S at T, y = 1.3"]
    off_line = (lines.printed or [])[lines.cases.index("2.5")]
    s = f["hydrogen 1s: S(T, Q²) in the continuum"]
    closure = f["hydrogen 1s: Σ_n |⟨n|ρ|0⟩|² at Q² = 0.5"].values
    total = closure["elastic + discrete series + continuum quadrature"][0]
    return (
        "Oscillator: the weights of (1/π) Im R at the lines n = 0..4 (y = 1.3) are "
        + ", ".join(number(w, 15) for w in (lines.printed or [])[:5])
        + f"; between the lines (T = 2.5ω) the weight is {number(off_line, 3)} (O(ε²)). "
        f"Hydrogen, T = 1 hartree, Q² = 0.5: Im R/π = {number((s.printed or [0])[0], 15)}, "
        f"S = {number(s.reference[0], 15)}; the states are complete (Σ = {number(total, 15)})."
    )


def _plemelj(f: Findings) -> list[Derivation]:
    u, eps = sp.Symbol("u", real=True), rs.EPS
    lorentz = sp.simplify(sp.im(1 / (u - sp.I * eps)))
    norm = sp.integrate(lorentz, (u, -sp.oo, sp.oo))
    t, m, x = sp.symbols("T m x", positive=True)
    im_r = sp.im(free.resolvent(t, x, m=m, eps=eps))
    finite_eps = free.lorentzian_q2_integral(im_r / sp.pi, x, T=t, m=m, eps=eps)
    limit = sp.limit(finite_eps, eps, 0, "+")
    exact = free.integrate_delta(1, T=t, m=m)
    return [
        Derivation(
            "Sokhotski–Plemelj: the imaginary part of 1/(x − iε)",
            [
                Step.checked(
                    sp.im(1 / (u - sp.I * eps)),
                    eps / (u**2 + eps**2),
                    "imaginary part of 1/(u − iε), u real",
                ),
                Step.checked(
                    sp.Integral(lorentz, (u, -sp.oo, sp.oo)),
                    sp.pi,
                    "the Lorentzian has weight π for every ε > 0, width ε → 0: π δ(u)",
                    predicate=lambda: sp.simplify(norm - sp.pi) == 0,
                ),
                Step.checked(
                    sp.Integral(im_r / sp.pi, (x, 0, sp.oo)),
                    finite_eps,
                    "free electron at finite ε: antiderivative (2m/π) atan((Q²/2m − T)/ε)",
                    method="sympy: derivative of the antiderivative equals the integrand",
                    predicate=lambda: True,  # free.lorentzian_q2_integral raises otherwise
                ),
                Step.checked(
                    sp.Limit(finite_eps, eps, 0, "+"),
                    exact,
                    "ε → 0+: the δ(T − Q²/2m) value 2m (free.integrate_delta)",
                    predicate=lambda: sp.simplify(limit - exact) == 0,
                ),
                Step.definition(
                    r"\frac{1}{\pi}\,\text{Im}\,R(T,Q^2)",
                    r"\sum_n |\langle n|\rho|0\rangle|^2\,\delta(T - E_n + E_0)",
                    "term by term in Eq. (9), u = T − E_n + E_0",
                ),
            ],
        )
    ]


EQ8 = Claim(
    "eq8",
    title="The structure function as the imaginary part of R",
    printed=Printed(rs.PRINTED_EQ8, where="Eq. (8)"),
    quantities=(FREE_WEIGHT, LINE_WEIGHTS, HYDROGEN_DENSITY, STATES_COMPLETE),
    policy=lambda f: "verified" if f.all_hold else "refuted",
    summary=_summary,
    derivations=_plemelj,
    notes=_notes,
    cost=0.6,
)

CLAIMS = (EQ8,)
