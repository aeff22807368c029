"""Eq. (10), the fall-off of R at large |Q²|, and the two sentences before it: R is analytic in Q²
but for a cut along the positive axis, and real at real negative Q².

Eq. (10) holds along the physical axis Q² → +∞ (free electron in every direction, hydrogen
extrapolated in 1/P²) but not in every direction: the oscillator's R is entire in Q² and grows on
the imaginary axis and beyond (Liouville). For T in the hydrogen continuum R is not real at
P² < 0 (Im R = πS ≠ 0), and R has poles and branch points off the positive axis.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import mpmath
import sympy as sp

from sumrules.core.claim import (
    Claim,
    Findings,
    Printed,
    Quantity,
    Route,
    Tolerance,
    Variant,
    digits,
)
from sumrules.core.derivation import Derivation, Step
from sumrules.core.format import digits_between, digits_text, number
from sumrules.core.ledger import Context
from sumrules.models import Free, Hydrogenic, Oscillator
from sumrules.models import oscillator as osc
from sumrules.models.hydrogenic import checks as hc
from sumrules.theory import response as rs

__all__ = [
    "ANALYTIC",
    "BRANCH_EXPONENTS",
    "CLAIMS",
    "EQ10",
    "FREE_LIMIT",
    "HYDROGEN_IM",
    "HYDROGEN_LIMIT",
    "MODELS_IM",
    "NEGATIVE_AXIS",
    "OSC_DEVIATION",
    "OSC_FALLS",
    "POLE_ORDERS",
    "PRINTED_ANALYTIC",
    "PRINTED_REAL_NEGATIVE",
    "REAL_NEGATIVE",
    "coefficient",
]

M = sp.Symbol("m", positive=True)
FREE, OSC, HYD = Free(M), Oscillator(), Hydrogenic(1, 0, 1)
#: the oscillator's T (ω = 1), between the lines 2ω and 3ω; directions arg Q² and radii |y|
OSC_T = "2.5"
DIRECTIONS = (("0", 0), ("π/4", 1), ("π/2", 2), ("3π/4", 3), ("π", 4))
RADII = (20, 200)
#: hydrogen: T = 1 hartree = 2I (k = 1)
HYD_T = "1"
#: Q² = ρe^{iθ}: a direction θ in the complex plane (symbolic)
RHO, THETA = sp.symbols("rho theta", positive=True)
Z_POLAR = RHO * sp.exp(sp.I * THETA)
#: "a few digits": the extrapolation in 1/P² from P² = 10³, 10⁴ leaves O(1/P⁶) terms
FEW_DIGITS = Tolerance(lambda ctx: 3.0)

# --------------------------------------------------------------------------------------------
# Eq. (10)


def _deviations(
    resolvent: Callable[..., Any],
) -> Callable[[tuple[str, int], Context], tuple[Any, Any]]:
    """|Q²R/(−2m) − 1| at |y| = 20 and 200 in one direction arg Q² = jπ/4."""

    def at(d: tuple[str, int], ctx: Context) -> tuple[Any, Any]:
        ys = [rho * sp.exp(sp.I * sp.pi * d[1] / 4) for rho in RADII]
        near, far = (osc.falloff_deviation(OSC_T, y, resolvent=resolvent, dps=ctx.dps) for y in ys)
        return near, far

    return at


def coefficient(statement: sp.Basic, m: Any) -> Callable[[Any, Context], sp.Expr]:
    """lim Q²R per the statement (printed or a wrong variant), one electron of mass m."""
    return lambda case, ctx: rs.falloff_coefficient(statement, m=m)


def _falls(resolvent: Callable[..., Any]) -> Callable[[tuple[str, int], Context], bool]:
    return lambda d, ctx: osc.falls_off(*_deviations(resolvent)(d, ctx))


def _free_limit(atom: Free, ctx: Context) -> sp.Expr:
    return sp.limit(Z_POLAR * atom.resolvent(rs.T, Z_POLAR), RHO, sp.oo)


def _hydrogen_limit(t: str, ctx: Context) -> Any:
    return HYD.falloff_limit(t, dps=ctx.dps)


def _term_dies(d: tuple[str, int], ctx: Context) -> bool:
    """Large |y|: M(1; b; −y) ~ (b − 1)/y + Γ(b)e^(−y)(−y)^(T/ω); the second term dies iff
    Re y > 0 (on Re y = 0 it grows like |y|^(T/ω))."""
    return bool(sp.re(sp.exp(sp.I * sp.pi * d[1] / 4)) > 0)


def _grows_tenfold(d: tuple[str, int], ctx: Context) -> bool:
    near = _deviations(osc.resolvent_kummer)(d, ctx)[0]
    return osc.falls_off(near, 10 * near)


FREE_LIMIT = Quantity(
    "free electron: lim Q²R at Q² = ρe^(iθ), ρ → ∞",
    cases=(FREE,),
    routes=(Route("sympy limit ρ → ∞ at symbolic θ", "symbolic", _free_limit),),
    printed=coefficient(rs.PRINTED_EQ10, M),
    controls=tuple(Variant(name, coefficient(w, M)) for name, w in rs.WRONG_EQ10.items()),
    label=lambda a: "free electron",
)

HYDROGEN_LIMIT = Quantity(
    "hydrogen 1s: lim P²R(T = 2I, P²), P² → +∞",
    cases=(HYD_T,),
    routes=(Route("P²R at P² = 10³, 10⁴ (PV), Neville in 1/P²", "quadrature", _hydrogen_limit),),
    printed=coefficient(rs.PRINTED_EQ10, 1),
    controls=tuple(Variant(name, coefficient(w, 1)) for name, w in rs.WRONG_EQ10.items()),
    tolerance=FEW_DIGITS,
    label=lambda t: f"T = {t} hartree",
)

OSC_DEVIATION_ROUTES = (
    Route("Kummer's M(1; 1 − T/ω; −y)/T", "closed form", _deviations(osc.resolvent_kummer)),
    Route("the direct line sum", "series", _deviations(osc.resolvent_line_sum)),
)
OSC_DEVIATION_CONTROLS = tuple(
    Variant(f"oscillator closed form with {name}", _deviations(wrong))
    for name, wrong in osc.WRONG_RESOLVENTS.items()
)
OSC_DEVIATION = Quantity(
    "oscillator (T = 2.5ω): |Q²R/(−2m) − 1| at |y| = 20, 200",
    cases=DIRECTIONS,
    routes=OSC_DEVIATION_ROUTES,
    controls=OSC_DEVIATION_CONTROLS,
    tolerance=digits(5),
    label=lambda d: f"arg Q² = {d[0]}",
)

OSC_FALLS_ROUTES = (
    Route("Kummer at |y| = 20, 200: falls, below 5%", "closed form", _falls(osc.resolvent_kummer)),
    Route("asymptotics of M(1; b; −y): e^(−y) dies iff Re y > 0", "symbolic", _term_dies),
)
OSC_FALLS_CONTROLS = (
    Variant("a deviation that grows tenfold is classified as falling off", _grows_tenfold),
)
OSC_FALLS = Quantity(
    "oscillator (T = 2.5ω): Q²R → −2m along arg Q²",
    cases=DIRECTIONS,
    routes=OSC_FALLS_ROUTES,
    printed=lambda d, ctx: True,
    controls=OSC_FALLS_CONTROLS,
    label=lambda d: f"arg Q² = {d[0]}",
)


def _eq10_policy(f: Findings) -> str:
    falls = f["oscillator (T = 2.5ω): Q²R → −2m along arg Q²"]
    free_ok = f["free electron: lim Q²R at Q² = ρe^(iθ), ρ → ∞"].all_hold
    physical = free_ok and f["hydrogen 1s: lim P²R(T = 2I, P²), P² → +∞"].all_hold
    if physical and falls.all_hold:
        return "verified"
    return "qualified" if physical and falls.value(DIRECTIONS[0]) else "refuted"


def _growth(f: Findings) -> dict[str, float]:
    devs = f["oscillator (T = 2.5ω): |Q²R/(−2m) − 1| at |y| = 20, 200"]
    falls = f["oscillator (T = 2.5ω): Q²R → −2m along arg Q²"]
    return {d[0]: float(mpmath.log10(dev[1] / dev[0])) for d, dev in devs if d in falls.failing}


def _eq10_summary(f: Findings) -> str:
    limit = f["hydrogen 1s: lim P²R(T = 2I, P²), P² → +∞"].reference[0]
    falls = f["oscillator (T = 2.5ω): Q²R → −2m along arg Q²"]
    first = falls.failing[0][0] if falls.failing else "π"
    holds = f"|arg Q²| < {first}" if falls.failing else "every direction"
    return (
        f"Q²R → −2m holds along Q² → +∞: free electron exactly (all directions), hydrogen "
        f"{number(limit, 8)} (extrapolated from P² = 10³, 10⁴), oscillator for {holds} only; "
        f"the oscillator's R is entire (Liouville) and grows for arg Q² = "
        f"{', '.join(d[0] for d in falls.failing)}; the hydrogen R of Eq. (9) does not exist for "
        "Q² < −Z²"
    )


def _eq10_notes(f: Findings) -> str:
    route = HYD.resolvent_routes()["quadrature"]
    scaled = [number(int(p) * route(HYD_T, p, f.ctx.dps).real, 10) for p in ("1000", "10000")]
    free_rest = sp.simplify(Z_POLAR * FREE.resolvent(rs.T, Z_POLAR) + 2 * M)
    grows = "; ".join(f"{a}: ×10^{g:.1f}" for a, g in _growth(f).items())
    return (
        f"Free electron: Q²R + 2m = {sp.sstr(free_rest)} in every direction. Hydrogen: P²R "
        f"= {', '.join(scaled)} at P² = 10³, 10⁴. Oscillator, |Q²R/(−2m) − 1| from |y| = 20 to "
        f"200: {grows}. The oscillator's R(T, Q²) = M(1; 1 − T/ω; −Q²/2mω)/T grows like "
        "|Q²|^(T/ω) on the imaginary axis and exponentially for Re Q² < 0; this does not affect "
        "the sum rules, which hold line by line (claim eq12). For hydrogen the spectral sum of "
        "Eq. (9) converges only for P² > −Z² (claim text.analytic), so the direction P² → −∞ "
        "used in the paper to derive Eq. (15) is not available."
    )


def _eq10_steps(f: Findings) -> list[Derivation]:
    t, a = sp.symbols("T a", positive=True)
    z = Z_POLAR
    r = FREE.resolvent_routes()["closed form"](t, z, f.ctx.dps)
    limit = f["free electron: lim Q²R at Q² = ρe^(iθ), ρ → ∞"].reference[0]
    return [
        Derivation(
            "Eq. (10): where Q²R → −2m",
            [
                Step.checked(
                    z * r + 2 * M,
                    sp.simplify(z * r + 2 * M),
                    "free electron, Q² = ρe^{iθ}: the remainder falls like 1/ρ in every "
                    "direction θ",
                ),
                Step.checked(
                    r"\lim_{\rho\to\infty} Q^2 R_{\rm free}",
                    -2 * M,
                    "sympy limit at symbolic θ",
                    predicate=lambda: sp.simplify(limit + 2 * M) == 0,
                ),
                Step.checked(
                    r"\frac{(-a)_n}{(1-a)_n}",
                    r"\frac{a}{a-n}",
                    "oscillator: 1/(a − n) = (1/a)(−a)_n/(1 − a)_n, n = 0..8, a = T/ω, so "
                    "R = M(1; 1 − a; −y)/T (Kummer), entire in y = Q²/2mω",
                    method="sympy: rf ratios",
                    predicate=lambda: all(
                        sp.simplify(sp.rf(-a, n) / sp.rf(1 - a, n) - a / (a - n)) == 0
                        for n in range(9)
                    ),
                ),
                Step.definition(
                    r"R(T, Q^2)\ \text{entire},\ R \to 0\ \text{in all directions}",
                    r"R \equiv 0",
                    "Liouville: an entire function that falls off in every direction is "
                    "bounded, hence constant, hence 0; but R(T, 0) = 1/T ≠ 0. So the "
                    "oscillator's R must grow somewhere",
                ),
            ],
        )
    ]


EQ10 = Claim(
    "eq10",
    title="The fall-off of R at large |Q²|",
    printed=Printed(rs.PRINTED_EQ10, where="Eq. (10)"),
    quantities=(FREE_LIMIT, HYDROGEN_LIMIT, OSC_DEVIATION, OSC_FALLS),
    policy=_eq10_policy,
    summary=_eq10_summary,
    derivations=_eq10_steps,
    notes=_eq10_notes,
    cost=0.6,
)

# --------------------------------------------------------------------------------------------
# "an analytic function of Q² with a cut along the positive real axis"

PRINTED_ANALYTIC = (
    r"``At a fixed $T$ and generally complex $Q^2$ the function $R(T, Q^2)$ is an analytic "
    r"function of $Q^2$ with a cut along the positive real axis'' (before Eq.~(10))."
)
#: the poles of |F_el|² and |F_n|² (n ≤ 6) in Q²: (location, order, label); the first four
#: are measured
POLES = hc.form_factor_poles(6)
MEASURED = POLES[:4]
MISPLACED = "pole of |F_2|² placed at −(n − 1)²Z²/n² = −1/4"


def _level(pole: tuple[sp.Expr, int, str]) -> int:
    return 1 if pole[2] == "elastic" else int(pole[2][2:])


def _exact_order(p: tuple[sp.Expr, int, str], ctx: Context) -> int:
    return p[1]


def _measured_order(p: tuple[sp.Expr, int, str], ctx: Context) -> Any:
    return hc.form_factor_pole_order(_level(p), p[0], dps=ctx.dps)


def _misplaced_pole(p: tuple[sp.Expr, int, str], ctx: Context) -> Any:
    return hc.form_factor_pole_order(2, sp.Rational(-1, 4), dps=ctx.dps)


def _exact_exponent(w: int, ctx: Context) -> Any:
    return hc.density_branch_points(HYD_T, dps=ctx.dps)[w].exponent.real


def _measured_exponent(w: int, ctx: Context) -> Any:
    return hc.local_exponent(HYD_T, which=w, eps="1e-12", dps=ctx.dps)


def _pi_s(p2: str, ctx: Context) -> Any:
    return HYD.resolvent_imaginary_part(HYD_T, p2, dps=ctx.dps)


POLE_ORDERS_ROUTES = (
    Route("exact: [(n + 1)² + n²Q²/Z²]^(n+3) in the denominator", "closed form", _exact_order),
    Route("measured −log₂|f(Q² + 2ε)/f(Q² + ε)|, ε = 10^(−dps/3)", "model", _measured_order),
)
POLE_ORDERS = Quantity(
    "order of the poles of R in Q² (form factors)",
    cases=MEASURED,
    routes=POLE_ORDERS_ROUTES,
    printed=lambda p, ctx: 0 if p[0] < 0 else p[1],  # analytic off the positive axis
    controls=(Variant(MISPLACED, _misplaced_pole, applies=lambda p: p[2] == "n=2"),),
    tolerance=FEW_DIGITS,
    label=lambda p: f"{p[2]} at Q² = {p[0]}",
)

BRANCH_EXPONENTS_ROUTES = (
    Route("exact: Re(−3 ± iZ/k)", "closed form", _exact_exponent),
    Route("measured log₂|S(b + 2ε)/S(b + ε)|, ε = 10⁻¹²", "model", _measured_exponent),
)
BRANCH_EXPONENTS = Quantity(
    "exponent of Im R = πS at its branch points (k ∓ iZ)²",
    cases=(0, 1),
    routes=BRANCH_EXPONENTS_ROUTES,
    printed=lambda w, ctx: 0,  # no singularity off the real axis
    controls=(Variant("branch-point exponent −2 instead of −3", lambda w, ctx: -2),),
    tolerance=FEW_DIGITS,
    label=lambda w: f"b = (k {'−+'[w]} iZ)²",
)

NEGATIVE_AXIS = Quantity(
    "hydrogen 1s: Im R(T = 2I, P² = −0.5)",
    cases=("-0.5",),
    routes=(Route("π S(T, P²) continued to P² < 0", "closed form", _pi_s),),
    printed=lambda p2, ctx: rs.PRINTED_IM_R_NEGATIVE_AXIS,
    tolerance=digits(5, zero_below=5),
    label=lambda p2: f"P² = {p2}",
)


def _off_axis(f: Findings) -> list[str]:
    poles = f["order of the poles of R in Q² (form factors)"]
    branch = f["exponent of Im R = πS at its branch points (k ∓ iZ)²"]
    bps = hc.density_branch_points(HYD_T, dps=f.ctx.dps)
    return [f"pole {p[2]} at Q² = {p[0]}" for p in poles.failing] + [
        f"branch point at Q² = {number(bps[w].location, 6)}" for w in branch.failing
    ]


def _measured(f: Findings, name: str) -> list[Any]:
    q = f[name]
    return q.values[q.quantity.routes[1].method]


def _analytic_summary(f: Findings) -> str:
    off = _off_axis(f)
    if not off:
        return "all singularities on the positive real axis"
    orders = _measured(f, "order of the poles of R in Q² (form factors)")
    expo = _measured(f, "exponent of Im R = πS at its branch points (k ∓ iZ)²")
    bps = hc.density_branch_points(HYD_T, dps=f.ctx.dps)
    im_neg = f["hydrogen 1s: Im R(T = 2I, P² = −0.5)"].reference[0]
    return (
        f"not for hydrogen: {len(off)} singularities off [0, ∞) — poles at Q² = "
        f"{', '.join(str(p[0]) for p in MEASURED)}, … (measured orders "
        f"{', '.join(number(o, 6) for o in orders)}) accumulating at −Z², branch points of Im R "
        f"at (k ∓ iZ)² = {number(bps[0].location, 4)}, {number(bps[1].location, 4)} (exponent "
        f"−3 ± iZ/k, measured {number(expo[0], 8)}); Im R = {number(im_neg, 4)} ≠ 0 at Q² = "
        "−0.5; only the free electron (one pole at 2mT) fits the picture"
    )


def _analytic_steps(f: Findings) -> list[Derivation]:
    n = sp.Symbol("n", positive=True, integer=True)
    accumulation = sp.limit(-((n + 1) ** 2) / n**2, n, sp.oo)
    orders = _measured(f, "order of the poles of R in Q² (form factors)")
    expo = _measured(f, "exponent of Im R = πS at its branch points (k ∓ iZ)²")
    poles_ok = f["order of the poles of R in Q² (form factors)"].min_agreement >= 3
    axis = digits_between(
        HYD.continued_structure_function(HYD_T, "0.49", dps=f.ctx.dps).real,
        HYD.structure_function(HYD_T, "0.49", dps=f.ctx.dps),
        f.ctx.dps,
    )
    return [
        Derivation(
            "Singularities of R(T, Q²) for hydrogen (Z = 1, T = 1 hartree, k = 1)",
            [
                Step.checked(
                    r"\text{poles of } |F_n|^2",
                    r"-(n+1)^2 Z^2/n^2",
                    "denominator [(n + 1)² + n² Q²/Z²]^{n+3}: order n + 3; elastic at −4Z², "
                    "order 4",
                    method="measured orders "
                    + ", ".join(
                        f"{p[2]}: {number(o, 8)}" for p, o in zip(MEASURED, orders, strict=True)
                    ),
                    predicate=lambda: poles_ok,
                ),
                Step.checked(
                    sp.Limit(-((n + 1) ** 2) / n**2, n, sp.oo),
                    -1,
                    "the poles accumulate at Q² = −Z²: R cannot be analytic there, and "
                    "Eq. (9) needs e^(±κz)|1s⟩ normalisable, κ² = −Q² < Z²",
                    predicate=lambda: accumulation == -1,
                ),
                Step.checked(
                    r"\text{Im}\,R/\pi = S",
                    r"\propto (Q^2 - (k - iZ)^2)^{-3 + iZ/k}(Q^2 - (k + iZ)^2)^{-3 - iZ/k}",
                    "the continued S has branch points off the real axis",
                    method=f"local exponent {number(expo[0], 10)}, {number(expo[1], 10)}; "
                    f"continuation = S on the axis to {digits_text(axis, f.ctx.dps)} digits",
                    predicate=lambda: axis >= f.ctx.dps - 5,
                ),
            ],
        )
    ]


def _analytic_notes(f: Findings) -> str:
    return (
        "Exact poles of the form factors: "
        + "; ".join(f"{lab}: Q² = {loc}, order {o}" for loc, o, lab in POLES)
        + ", accumulating at −Z² = −1. Eq. (9) itself converges only for −Z² < Q²; the "
        "function there is complex on the negative axis. The oscillator's R at fixed T between "
        "lines is entire in Q² (no cut at all). These are the reasons the dispersion relation "
        "(11) fails (claim eq11)."
    )


ANALYTIC = Claim(
    "text.analytic",
    title="R is analytic in Q² except for a cut along the positive real axis",
    printed=Printed(text=PRINTED_ANALYTIC, where="before Eq. (10)"),
    quantities=(POLE_ORDERS, BRANCH_EXPONENTS, NEGATIVE_AXIS),
    policy=lambda f: "refuted" if _off_axis(f) else "verified",
    summary=_analytic_summary,
    derivations=_analytic_steps,
    notes=_analytic_notes,
    anchor=10,
)

# --------------------------------------------------------------------------------------------
# "manifestly real at real negative Q²"

PRINTED_REAL_NEGATIVE = (
    r"``this function is manifestly real at real negative $Q^2$, so that "
    r"$R(T, z^*) = R^*(T, z)$'' (before Eq.~(10))."
)
#: T (hartree) and P² < 0 where Im R = πS is computed in closed form; the routes through R
#: run at T = 2I, P² = −0.5
GRID = tuple((t, p) for t in ("0.55", "1", "5") for p in ("-0.9", "-0.5", "-0.1"))
POINT = (HYD_T, "-0.5")
SOMMERFELD = "missing [1 - exp(-2 pi Z/k)] factor"


def _hydrogen_im(family: str) -> Callable[[tuple[str, str], Context], Any]:
    return lambda c, ctx: HYD.resolvent_routes()[family](*c, ctx.dps).imag


def _grid_pi_s(c: tuple[str, str], ctx: Context) -> Any:
    return HYD.resolvent_imaginary_part(*c, dps=ctx.dps)


def _no_sommerfeld(c: tuple[str, str], ctx: Context) -> Any:
    return HYD.resolvent_imaginary_part(*c, dps=ctx.dps, wrong=SOMMERFELD)


def _flipped(c: tuple[str, str], ctx: Context) -> Any:
    return -HYD.resolvent_imaginary_part(*c, dps=ctx.dps)


def _at_point(c: tuple[str, str]) -> bool:
    return c == POINT


HYDROGEN_IM_ROUTES = (
    Route("π S(T, P²) continued to P² < 0", "closed form", _grid_pi_s),
    Route("contour above the pole", "contour", _hydrogen_im("contour"), _at_point),
    Route("principal value + iπS", "quadrature", _hydrogen_im("quadrature"), _at_point),
)
HYDROGEN_IM_CONTROLS = (
    Variant("πS with the Sommerfeld factor dropped", _no_sommerfeld),
    Variant("the opposite prescription (Im R = −πS)", _flipped),
)
HYDROGEN_IM = Quantity(
    "hydrogen 1s: Im R(T, P²) at P² < 0",
    cases=GRID,
    routes=HYDROGEN_IM_ROUTES,
    printed=lambda c, ctx: rs.PRINTED_IM_R_NEGATIVE_AXIS,
    controls=HYDROGEN_IM_CONTROLS,
    tolerance=digits(5, zero_below=5),
    label=lambda c: f"T = {c[0]}, P² = {c[1]}",
)

#: the free electron (exact, P² = −κ²) and the oscillator between two lines (T = 2.5ω, y = −0.5)
OTHERS = ((FREE, rs.T, -sp.Symbol("kappa2", positive=True)), (OSC, OSC_T, -1))


def _im(family: str) -> Callable[[tuple[Any, Any, Any], Context], Any]:
    return lambda c, ctx: sp.im(c[0].resolvent_routes()[family](c[1], c[2], ctx.dps))


MODELS_IM_ROUTES = (
    Route("closed form (free: exact; oscillator: Kummer)", "closed form", _im("closed form")),
    Route("oscillator: the direct line sum", "series", _im("series"), lambda c: c[0] is OSC),
)
MODELS_IM = Quantity(
    "free electron and oscillator: Im R(T, P²) at P² < 0",
    cases=OTHERS,
    routes=MODELS_IM_ROUTES,
    printed=lambda c, ctx: rs.PRINTED_IM_R_NEGATIVE_AXIS,
    tolerance=digits(5, zero_below=5),
    label=lambda c: f"{c[0].name}, T = {c[1]}, P² = {c[2]}",
)


def _real_negative_summary(f: Findings) -> str:
    q = f["hydrogen 1s: Im R(T, P²) at P² < 0"]
    value = q.value(POINT)
    others = f["free electron and oscillator: Im R(T, P²) at P² < 0"].all_hold
    return (
        f"{'holds' if q.all_hold else 'false'} for T in the hydrogen continuum: Im R(T = 2I, "
        f"P² = −0.5) = {number(value, 6)} = πS(T, P²) (contour = PV = closed form to "
        f"{digits_text(q.min_agreement, f.ctx.dps)} digits), nonzero at {len(q.failing)}/"
        f"{len(q.cases)} grid points; {'true' if others else 'false'} for the free electron "
        "and between oscillator lines"
    )


def _real_negative_notes(f: Findings) -> str:
    grid = f["hydrogen 1s: Im R(T, P²) at P² < 0"]
    return (
        "πS on the grid T ∈ {0.55, 1, 5}, P² ∈ {−0.9, −0.5, −0.1}: "
        + ", ".join(f"({t}, {p}): {number(v, 4)}" for (t, p), v in grid)
        + ". For T above threshold the final states of energy T contribute iπS(T, P²), and S "
        "continued to P² < 0 does not vanish (it changes sign at P² = −2T/3 and vanishes only "
        "at P² = 0 on (−Z², 0]). The statement holds when T lies below the continuum and off "
        "the discrete lines, which the paper explicitly excludes (T above the ionization "
        "threshold). Consequently R(T, z*) ≠ R*(T, z)."
    )


REAL_NEGATIVE = Claim(
    "text.real-negative",
    title="R is real at real negative Q²",
    printed=Printed(text=PRINTED_REAL_NEGATIVE, where="before Eq. (10)"),
    quantities=(HYDROGEN_IM, MODELS_IM),
    policy=lambda f: "verified" if f.all_hold else "refuted",
    summary=_real_negative_summary,
    notes=_real_negative_notes,
    anchor=10,
)

CLAIMS = (EQ10, ANALYTIC, REAL_NEGATIVE)
