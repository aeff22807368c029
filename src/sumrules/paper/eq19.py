"""Eq. (19): the pole integral, and the sentence after it (when it vanishes).

Three routes that share no code (:mod:`sumrules.theory.pole_integral`): A, Sokhotski–Plemelj
with derivatives of δ; B, exact integration at finite ε, then ε → 0+; C, mpmath along a
contour that avoids the pole. The closed form is proven for all w by induction, and the printed
statement is evaluated from the very sympy expression the proof book prints.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import sympy as sp

from sumrules.core.claim import Claim, Extra, Findings, Printed, Quantity, Route, Variant, digits
from sumrules.core.derivation import Derivation, Step
from sumrules.core.format import expression
from sumrules.core.ledger import Context, Control, Evidence, timed
from sumrules.theory.pole_integral import routes, statement
from sumrules.theory.pole_integral.closed_form import (
    induction_proof,
    pole_integral,
    pole_integral_vanishes,
)

__all__ = ["CLAIMS", "GRID", "PRINTED_VANISHING"]

#: (s, w, m, T): s in −3..8, w in 1..9, two (m, T); routes A and C on a spread sub-grid,
#: route B (exact integration at finite ε, the slow one) on fewer points
MT_PAIRS = ((sp.Integer(1), sp.Integer(1)), (sp.Rational(3, 2), sp.Rational(2, 5)))
GRID = [(s, w, m, T) for (m, T) in MT_PAIRS for s in range(-3, 9) for w in range(1, 10)]
AC = {(s, w) for s in (-3, -1, 0, 1, 2, 4, 6, 8) for w in (1, 2, 3, 5, 9)}
B = {(-2, 3), (-1, 1), (0, 2), (1, 2), (2, 3), (3, 2), (4, 5), (5, 4)}
Case = tuple[int, int, sp.Expr, sp.Expr]


def _on(points: set[tuple[int, int]]) -> Callable[[Case], bool]:
    return lambda c: c[2:] == MT_PAIRS[1] and (c[0], c[1]) in points


def _rhs(expr: sp.Expr) -> Callable[[Case, Context], sp.Expr]:
    return lambda c, ctx: statement.evaluate(expr, *c)


POLE_INTEGRAL_ROUTES = (
    Route(
        "closed form, proven by induction",
        "closed form",
        lambda c, ctx: pole_integral(c[0], c[1], m=c[2], T=c[3]),
    ),
    Route(
        "A: Sokhotski–Plemelj, derivatives of δ",
        "symbolic",
        lambda c, ctx: routes.pole_integral_distributional(*c)[0],
        _on(AC),
    ),
    Route(
        "B: exact integral at finite ε, then ε → 0+",
        "symbolic",
        lambda c, ctx: routes.pole_integral_finite_eps(*c),
        _on(B),
    ),
    Route(
        "C: mpmath quadrature on a half-circle above the pole",
        "contour",
        lambda c, ctx: routes.pole_integral_numeric(c[0], c[1], c[2], c[3], dps=ctx.dps),
        _on(AC),
    ),
)
POLE_INTEGRAL_CONTROLS = tuple(
    Variant(f"variant with {name}", _rhs(wrong)) for name, wrong in statement.WRONG_VARIANTS.items()
)
POLE_INTEGRAL = Quantity(
    "pole integral",
    cases=GRID,
    routes=POLE_INTEGRAL_ROUTES,
    printed=_rhs(statement.PRINTED_RHS),
    controls=POLE_INTEGRAL_CONTROLS,
    tolerance=digits(3, zero_below=5),
    label=lambda c: f"s={c[0]}, w={c[1]}, m={c[2]}, T={c[3]}",
)


def _counterexample(f: Findings) -> list[Derivation]:
    m, T = sp.symbols("m T", positive=True)
    a = routes.pole_integral_distributional(1, 2, m, T)[0]
    b = routes.pole_integral_finite_eps(1, 2, m, T)
    printed = statement.evaluate(statement.PRINTED_RHS, 1, 2, m, T)
    steps = [
        Step.checked(
            r"\text{route A}",
            a,
            "Sokhotski–Plemelj and δ′ (route A)",
            method="sympy: equals route B",
            predicate=lambda: sp.simplify(a - b) == 0,
        ),
        Step.checked(
            r"\text{route B}",
            b,
            "exact integral at finite ε, then ε → 0+ (route B)",
            method="sympy: equals closed form",
            predicate=lambda: sp.simplify(b - pole_integral(1, 2, m=m, T=T)) == 0,
        ),
        Step.checked(
            r"\text{printed}",
            printed,
            "the printed right-hand side differs in sign",
            method="sympy: printed + actual == 0",
            predicate=lambda: sp.simplify(printed + b) == 0,
        ),
    ]
    failing = f["pole integral"].failing
    out = [Derivation("Counterexample s = 1, w = 2 (symbolic m, T)", steps)] if failing else []
    m_, t_ = sp.symbols("m T", positive=True)
    route_a = routes.pole_integral_distributional(3, 3, m_, t_)[1]
    return [
        *out,
        Derivation(
            "The closed form for all w ≥ 1, by induction on w",
            [Step.of(st) for st in induction_proof()],
        ),
        Derivation(
            "Route A for s = 3, w = 3: Sokhotski–Plemelj and integration by parts",
            [Step.of(st) for st in route_a],
        ),
    ]


def _summary(f: Findings) -> str:
    q = f["pole integral"]
    c_digits = q.agreement["C: mpmath quadrature on a half-circle above the pole"]
    n, bad = len(q.cases), q.failing
    if not bad:
        return f"printed Eq. (19) holds at all {n} grid points; A = B exactly, C to {c_digits:.0f} digits"
    m = sp.Symbol("m", positive=True)
    printed = statement.evaluate(statement.PRINTED_RHS, 1, 2, m, 1)
    actual = pole_integral(1, 2, m=m, T=1)
    return (
        f"printed RHS has the wrong sign for even w ({len(bad)} of {n} grid points; e.g. s=1, "
        f"w=2: printed {expression(printed)}, actual {expression(actual)}); corrected: "
        f"(2m/(w−1)!)(−2m d/dQ²)^(w−1)(Q²)^s; A and B exact, C to {c_digits:.0f} digits"
    )


def _notes(f: Findings) -> str:
    q = f["pole integral"]
    ratio = [statement.evaluate(statement.PRINTED_RHS, *c) / q.value(c) for c in q.failing]
    return (
        f"Every mismatch has even w: {all(c[1] % 2 == 0 for c in q.failing)}; every mismatch is "
        f"a pure sign flip: {all(r == -1 for r in ratio)}. The vanishing statement after "
        "Eq. (19) is unaffected by the sign (claim eq19.vanishing)."
    )


def _certified(ctx: Context) -> Extra:
    """python-flint balls for the pole integral on the grid, and their own negative controls."""
    from sumrules.theory.pole_integral.certified import (
        certified_pole_integral_grid,
        pole_integral_negative_controls,
    )

    rows, seconds = timed(certified_pole_integral_grid, digits=ctx.dps)
    worst = min(r.ball.digits for r in rows if r.exact != 0)
    bad = [(r.s, r.w) for r in rows if not r.certified]
    evidence = Evidence(
        "certified: acb.integral on a rectangle above the pole (python-flint)",
        "certified",
        f"the exact value lies in the ball at {len(rows) - len(bad)} of {len(rows)} points "
        f"(s −3..8, w 1..9); certified to {worst:.0f} digits"
        + (f"; NOT contained at {bad[:3]}" if bad else ""),
        precision=f"{ctx.dps} dps certified",
        agreement=worst,
        agrees=not bad,
        seconds=seconds,
    )
    controls = [
        Control(f"certified: {c.description}", c.caught, c.detail)
        for c in pole_integral_negative_controls(3, 2, digits=ctx.dps)
    ]
    return Extra([evidence], controls)


EQ19 = Claim(
    "eq19",
    title="The pole integral of (Q²)^s (T − Q²/2m − iε)^(−w)",
    printed=Printed(statement.PRINTED_EQ19, where="Eq. (19)"),
    quantities=(POLE_INTEGRAL,),
    policy=lambda f: "verified" if f.all_hold else "corrected",
    summary=_summary,
    derivations=_counterexample,
    corrected=Printed(statement.CORRECTED_EQ19),
    notes=_notes,
    certified=_certified,
    cost=2.3,
)

# ---------------------------------------------------------------------------------------------
# the sentence after Eq. (19)

PRINTED_VANISHING = (
    r"``which gives zero at $w \geq s + 2$ and both $s$ and $w$ being integer'' "
    r"(the sentence after Eq.~(19))."
)
INDICES = list(itertools.product(range(-3, 9), range(1, 10)))
#: route C's zero test runs next to the boundary w = s + 2 and at s < 0
BOUNDARY = {(s, w) for s, w in INDICES if abs(w - (s + 2)) <= 1 or (s < 0 and w in (1, 2, 9))}


def _numeric_zero(case: tuple[int, int], ctx: Context) -> bool:
    value = routes.pole_integral_numeric(case[0], case[1], 1, 1, dps=ctx.dps)
    return bool(abs(value) < sp.Float(10) ** (8 - ctx.dps))


VANISHES_ROUTES = (
    Route(
        "closed form (falling factorial) is zero",
        "closed form",
        lambda c, ctx: pole_integral(*c) == 0,
    ),
    Route(
        "stated condition s ≥ 0 and w ≥ s + 2",
        "enumeration",
        lambda c, ctx: pole_integral_vanishes(*c),
    ),
    Route(
        "C: |contour quadrature| < 10^(8 − dps)",
        "contour",
        _numeric_zero,
        lambda c: c in BOUNDARY,
    ),
)
VANISHES_CONTROLS = (
    Variant("vanishing rule w ≥ s + 1", lambda c, ctx: c[1] >= c[0] + 1),
    Variant("vanishing rule w > s + 2", lambda c, ctx: c[1] > c[0] + 2),
    Variant(
        "vanishing rule s ≥ 1 and w ≥ s + 2 (misses s = 0)",
        lambda c, ctx: c[0] >= 1 and c[1] >= c[0] + 2,
    ),
)
VANISHES = Quantity(
    "the integral vanishes",
    cases=INDICES,
    routes=VANISHES_ROUTES,
    printed=lambda c, ctx: c[1] >= c[0] + 2,
    controls=VANISHES_CONTROLS,
    label=lambda c: f"s={c[0]}, w={c[1]}",
)


def _falling_factorial(f: Findings) -> list[Derivation]:
    s, w = sp.symbols("s w", integer=True)
    closed = sp.latex((-1) ** (w - 1) * (2 * sp.Symbol("m")) ** w / sp.factorial(w - 1))
    return [
        Derivation(
            "Why: the closed form is proportional to a falling factorial",
            [
                Step.definition(
                    r"I(s,w)",
                    closed + r"\, " + sp.latex(sp.ff(s, w - 1)) + r"\,(2mT)^{s-w+1}",
                    "closed form (claim eq19)",
                ),
                Step.checked(
                    sp.ff(3, 5), 0, "for 0 ≤ s ≤ w − 2 the product s(s−1)…(s−w+2) contains 0"
                ),
                Step.checked(
                    sp.ff(-1, 5),
                    -120,
                    "for s < 0 every factor is negative: never zero",
                    method="sympy: value",
                    predicate=lambda: sp.ff(-1, 5) == -120,
                ),
            ],
        )
    ]


def _vanishing_summary(f: Findings) -> str:
    q = f["the integral vanishes"]
    if not q.failing:
        return "zero exactly when w ≥ s + 2"
    s, w = (-1, 1) if (-1, 1) in q.failing else q.failing[0]
    return (
        f"holds only for s ≥ 0: for s < 0 the integral never vanishes (e.g. s={s}, w={w}: "
        f"{pole_integral(s, w, m=1, T=1)} at m = T = 1); corrected: zero iff s ≥ 0 and w ≥ s + 2"
    )


VANISHING = Claim(
    "eq19.vanishing",
    title="When the pole integral vanishes",
    printed=Printed(text=PRINTED_VANISHING, where="after Eq. (19)"),
    quantities=(VANISHES,),
    policy=lambda f: "verified" if f.all_hold else "corrected",
    summary=_vanishing_summary,
    derivations=_falling_factorial,
    corrected=Printed(latex_override=r"\text{zero} \iff s \geq 0 \ \text{and}\ w \geq s + 2"),
    notes=lambda f: (
        f"The printed rule fails at {len(f['the integral vanishes'].failing)} grid points, all "
        f"with s < 0: {all(c[0] < 0 for c in f['the integral vanishes'].failing)}. The paper "
        "applies it only to terms with s ≥ 0 (u ≥ 1), so its use is unaffected; the u = 0 term "
        "with s = −1 is the one that survives."
    ),
    cost=0.8,
)

CLAIMS = (EQ19, VANISHING)
