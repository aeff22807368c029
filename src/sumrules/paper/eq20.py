"""Eq. (20) and the remarks after it: the resolvent without p·q, the sum rules it gives, for
which potentials the argument holds, and what other weights Q^{2j} give.

What the expansion proves, and what it does not: term by term, every word of the formal
expansion of Eq. (16) in powers of 1/(T − Q²/2m) except the empty one gives zero in the
weighted integrals of Eqs. (12) and (15) (claims eq18, eq20). That settles the sum rules for any
potential whose ground-state averages ⟨p_z h^j p_z⟩, … are all finite and whose series may be
integrated term by term — the oscillator reproduces them exactly. It does not settle them for the
Coulomb potential: there the coefficients diverge from order 4 (claim eq20.coulomb-orders) and
the sum rules fail by 1.26 % at T = 1 hartree (claim eq20).

The printed Eq. (20) is a sympy equation
(:data:`~sumrules.theory.one_electron_statement.PRINTED_EQ20`); its right-hand side is the very
object integrated against Q⁻² and Q⁰, per electron and per atom.
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
from sumrules.core.format import digits_text, expression, number
from sumrules.core.ledger import Context
from sumrules.core.numeric import precision
from sumrules.models import Free, Hydrogenic, Oscillator, free
from sumrules.models import oscillator as osc
from sumrules.models.hydrogenic import ground as hy
from sumrules.models.hydrogenic import moments as cm
from sumrules.theory.expansion import (
    T_SYM,
    GroundStateAverage,
    M,
    all_orders_classes_match,
    all_orders_vanishing_proof,
    class_average,
    contributing_terms,
    low_q_divergence_steps,
    needs_no_phi,
    reduced_resolvent_steps,
    small_q_divergent,
    surviving_classes_all_orders,
    term_by_term_integral,
    weighted_sum,
    weighted_sum_all_orders,
)
from sumrules.theory.one_electron_statement import (
    PRINTED_EQ20,
    on_ground_state,
    reduced_resolvent,
    sum_rule_ratios_from,
    weighted_pole_integral,
)
from sumrules.theory.pole_integral.closed_form import pole_integral, pole_integral_printed

__all__ = [
    "ATOMS",
    "CLAIMS",
    "COULOMB_COEFFICIENTS",
    "COULOMB_ORDERS",
    "CUTOFF",
    "DIPOLE",
    "DIVERGES",
    "EQ20",
    "FIRST_INFINITE",
    "LINES_MINUS_4",
    "OSCILLATOR_WEIGHTED",
    "PRINTED_FORMAL_EXPANSION",
    "PRINTED_WEIGHT_Q2",
    "PRINTED_WEIGHT_Q_MINUS_4",
    "PRINTED_WEIGHT_UNIQUENESS",
    "P_Q_CONTRIBUTES",
    "RATIOS",
    "SPECIAL",
    "TERMS",
    "WEIGHTED",
    "WEIGHT_Q2",
    "WEIGHT_Q_MINUS_4",
    "WEIGHT_UNIQUENESS",
]

PRINTED_FORMAL_EXPANSION = (
    r"``Consider now a formal expansion of the latter expression in inverse powers of "
    r"$(T - Q^2/2m_e)$ and consider first the resulting terms containing powers of "
    r"$(\vec{p} \cdot \vec{q})$.''"
)
PRINTED_WEIGHT_Q2 = (
    r"``for weight functions with larger \emph{positive} powers of $Q^2$ some terms of the "
    r"expansion in $(\vec{p} \cdot \vec{q})$ give a nonzero contribution''"
)
PRINTED_WEIGHT_Q_MINUS_4 = (
    r"``while for higher \emph{negative} powers of $Q^2$, as in the ionization by charged "
    r"particles, the integrals are generally divergent at the lower limit''"
)
PRINTED_WEIGHT_UNIQUENESS = (
    r"``The existence of the simple expressions for the integrals in the sum rules (12) and "
    r"(15) is quite specific to the weight functions $Q^{-2}$ and $Q^0$ in those integrals, "
    r"and generally one would not expect similarly simple relations for other weight factors.''"
)

#: term-by-term sums run through TERM_ORDER; the oscillator's own expansion through OSC_ORDER
TERM_ORDER = 400
OSC_ORDER = 12
UNIQUE_ORDER = 60
#: (atom, T): the sum rules per electron at energy transfer T (atomic units)
ATOMS = ((Free(), 1), (Oscillator(), 3), (Hydrogenic(1, 0), 1), (Hydrogenic(1, 0), 10))
_OMEGA = osc.OMEGA


def _printed_zero_rule(s: int, w: int) -> bool:
    """The remark after Eq. (19) as printed: zero at w ≥ s + 2 (no s ≥ 0; claim eq19.vanishing)."""
    return w >= s + 2


def _text(expr: object) -> str:
    return expression(expr).replace("omega", "ω").replace("Q^2", "Q²")


def _free_integral(j: int) -> sp.Expr:
    """The free electron's weight-Q^{2j} integral: δ(T − Q²/2m) integrated exactly."""
    return free.integrate_delta(free.Q2**j, T=T_SYM, m=M)


def _as_order(k: int | None) -> int | str:
    """A first order with an infinite coefficient; "none" when every coefficient is finite."""
    return "none" if k is None else k


def _divergent_as_text(value: sp.Expr) -> sp.Expr | str:
    """oo as "divergent" (two infinities compare as equal only as text)."""
    return "divergent" if value == sp.oo else value


def _atom_ratios(case: tuple[Any, ...], family: str, ctx: Context) -> tuple[Any, ...]:
    """(r_nmm, r_ew) of the atom case[0] at T = case[1] by its route of ``family``."""
    return case[0].ratio_routes()[family](case[1], ctx.dps)


_RATIO_ROUTES = {
    "closed form": "the atom's closed form",
    "symbolic": "sympy integrates the atom's S",
    "quadrature": "tanh-sinh quadrature of the exact S(T, q)",
}


def _ratio_route(family: str) -> Route:
    return Route(
        _RATIO_ROUTES[family],
        family,
        lambda case, ctx: _atom_ratios(case, family, ctx),
        applies=lambda case: family in case[0].ratio_routes(),
    )


# ---------------------------------------------------------------------------------------------
# Eq. (20)


def _term_by_term(j: int, ctx: Context) -> sp.Expr:
    return term_by_term_integral(TERM_ORDER, j, phi=class_average)


def _free(j: int, ctx: Context) -> sp.Expr:
    return _free_integral(j)


def _lines(j: int, ctx: Context) -> sp.Expr:
    return osc.line_averaged_integral(j)


def _own_phi(j: int, ctx: Context) -> sp.Expr:
    return osc.expansion_weighted_prediction(j, OSC_ORDER)


def _printed_zero_rule_sum(j: int, ctx: Context) -> sp.Expr:
    return term_by_term_integral(6, j, phi=osc.phi_from_words, vanishes=_printed_zero_rule)


def _integral_of(rhs: sp.Expr) -> Callable[[int, Context], sp.Expr]:
    """The weight-Q^{2j} integral of a right-hand side of Eq. (20)."""
    return lambda j, ctx: weighted_pole_integral(rhs, j)


WEIGHTED_ROUTES = (
    Route("term by term: every class through order 400", "symbolic", _term_by_term),
    Route("free electron: δ(T − Q²/2m) integrated exactly", "closed form", _free),
    Route("oscillator: exact line integrals, per unit T", "model", _lines),
    Route("oscillator: term by term with its own Φ through order 12", "series", _own_phi),
)
WEIGHTED_CONTROLS = (
    Variant("zero rule of Eq. (19) as printed (no s ≥ 0), term by term", _printed_zero_rule_sum),
    Variant(
        "reduced resolvent without Q²/2m, ⟨0|[T − h]⁻¹|0⟩ = 1/T (no Q² dependence)",
        _integral_of(reduced_resolvent(recoil=0)),
    ),
)
WEIGHTED = Quantity(
    "(1/π)∫ Im R Q^(2j) dQ² per electron",
    cases=(-1, 0),
    routes=WEIGHTED_ROUTES,
    printed=_integral_of(PRINTED_EQ20.rhs),
    controls=WEIGHTED_CONTROLS,
    label=lambda j: f"weight Q^({2 * j})",
)


def _factor_two_slip(case: tuple[Any, ...], ctx: Context) -> tuple[Any, ...]:
    r_nmm, r_ew = _atom_ratios(case, "closed form", ctx)
    return 2 * r_nmm, r_ew


RATIOS_CONTROLS = (
    Variant("ratio with the prefactor 2T instead of T (factor-2 slip)", _factor_two_slip),
)
RATIOS = Quantity(
    "sum-rule ratios (r_nmm, r_ew)",
    cases=ATOMS,
    routes=(_ratio_route("closed form"), _ratio_route("symbolic"), _ratio_route("quadrature")),
    printed=lambda c, ctx: sum_rule_ratios_from(PRINTED_EQ20.rhs, c[1]),
    controls=RATIOS_CONTROLS,
    tolerance=digits(8),
    label=lambda c: f"{c[0].name}, T = {c[1]}",
)


def _spherical_first(case: str, ctx: Context) -> int | str:
    return _as_order(cm.first_undefined_order(6))


def _commutator_first(case: str, ctx: Context) -> int | str:
    return _as_order(cm.first_infinite_order(cm.commutator_word_values()))


def _finite_part_first(case: str, ctx: Context) -> int | str:
    values = {**cm.commutator_word_values(), "PhhP": sp.Integer(0)}
    return _as_order(cm.first_infinite_order(values))


FIRST_INFINITE_ROUTES = (
    Route("A: exact spherical integrals of every word, k ≤ 6", "symbolic", _spherical_first),
    Route("B: momentum space and commutators, k ≤ 4", "closed form", _commutator_first),
)
FIRST_INFINITE_CONTROLS = (
    Variant("P h h P replaced by its finite part (all orders finite)", _finite_part_first),
)
FIRST_INFINITE = Quantity(
    "first order k with an infinite ⟨0|(P + h)^k|0⟩, hydrogen 1s",
    cases=("hydrogen 1s",),
    routes=FIRST_INFINITE_ROUTES,
    printed=lambda c, ctx: "none",  # a formal expansion to all orders: every coefficient exists
    controls=FIRST_INFINITE_CONTROLS,
)


def _hydrogen_index(f: Findings, T: int = 1) -> int | None:
    """Where hydrogen 1s at T sits among the cases of RATIOS (None: not among them)."""
    cases = f[RATIOS.name].cases
    found = [i for i, c in enumerate(cases) if isinstance(c[0], Hydrogenic) and c[1] == T]
    return found[0] if found else None


def _hydrogen(f: Findings, family: str, T: int = 1) -> tuple[Any, ...]:
    """Hydrogen 1s's (r_nmm, r_ew) at T by the route of ``family``."""
    index = _hydrogen_index(f, T)
    if index is None:
        raise ValueError(f"hydrogen 1s at T = {T} is not among the cases")
    route = next(r for r in RATIOS.routes if r.family == family)
    return f[RATIOS.name].values[route.method][index]


def _eq20_policy(f: Findings) -> str:
    if not f[WEIGHTED.name].all_hold:
        return "refuted"
    return "verified" if f.all_hold else "qualified"


def _eq20_summary(f: Findings) -> str:
    values = [_text(v) for _, v in f[WEIGHTED.name]]
    verdict = _eq20_policy(f)
    if verdict == "refuted":
        printed = [_text(v) for v in f[WEIGHTED.name].printed or []]
        return (
            f"the term-by-term integrals give {values[0]} and {values[1]}, not the printed "
            f"{printed[0]} and {printed[1]}"
        )
    if verdict == "verified":
        return (
            "holds: <0|[A − h]⁻¹|0> = 1/A exactly; term by term only (u, w) = (0, 1) survives "
            f"for Q⁻² and Q⁰, giving {values[0]} and {values[1]}; the oscillator and hydrogen agree"
        )
    r = _hydrogen(f, "closed form")[0]
    return (
        f"Eq. (20) is exact and term by term only (u, w) = (0, 1) survives for Q⁻² and Q⁰ "
        f"({values[0]}, {values[1]}; exact in the oscillator), but the expansion is formal: for "
        f"hydrogen Φ diverge from k = {f[FIRST_INFINITE.name].value('hydrogen 1s')} and "
        f"T∫S dQ²/Q² = (1/2m)∫S dQ² = {number(r, 6)} at T = 1 hartree (deficit {number(1 - r, 3)})"
    )


def _eq20_notes(f: Findings) -> str:
    r, r_10 = _hydrogen(f, "closed form")[0], _hydrogen(f, "closed form", 10)[0]
    p_law, c_law, _ = hy.large_T_leading_law()
    first = f[FIRST_INFINITE.name].value("hydrogen 1s")
    return (
        "What the expansion proves: for a potential whose ground-state averages <p_z h^j p_z>, "
        "... are all finite and whose formal series may be integrated term by term, every term "
        "except the empty word integrates to zero with the weights Q^-2 and Q^0, so Eqs. (12) "
        "and (15) follow; the oscillator confirms this exactly, line by line. What it does not: "
        "the Coulomb potential. For hydrogen 1s the coefficient <p_z h^2 p_z> = <(dV/dz)^2> is "
        f"infinite (order k = {first}), so the argument's premise fails, and the sum rules "
        f"themselves fail: r = {number(r, 8)} at T = 1 hartree, {number(r_10, 8)} at T = 10 "
        f"hartree; at large T, r - 1 = {c_law}(I/T)^({p_law}) + ... (hydrogen module). Every "
        "finite order of the expansion gives exactly 1, so this deficit lies entirely outside "
        "the formal expansion. The hydrogen numbers themselves are judged in the claims on "
        "Eqs. (12) and (15)."
    )


def _ground_state_derivation() -> Derivation:
    live = {j: [(int(t.u), t.w) for t in contributing_terms(TERM_ORDER, j)] for j in (-1, 0)}
    return Derivation(
        "Eq. (20) on the ground state, and the classes that survive",
        [
            Step.checked(
                PRINTED_EQ20.lhs,
                PRINTED_EQ20.rhs,
                "H|0> = E0|0>: the printed left-hand side, evaluated on the ground state, is the "
                "printed right-hand side",
                method="sympy: the left-hand side with H -> E0 equals the right-hand side",
                predicate=lambda: on_ground_state(PRINTED_EQ20.lhs) == PRINTED_EQ20.rhs,
            ),
            Step.checked(
                r"\text{contributing }(u, w),\ Q^{-2}\text{ and }Q^0",
                r"\text{[(0, 1)]}",
                f"exhaustive through order {TERM_ORDER} (integer zero condition)",
                method="enumeration",
                predicate=lambda: live[-1] == live[0] == [(0, 1)],
            ),
            Step.checked(
                r"\int_0^\infty p_n\,Q^{2j}\,dQ^2,\ j = -1, 0",
                r"\omega F_j(n\omega)",
                "oscillator lines n <= 4: sympy's integral = the factorial formula = the "
                "per-unit-T value",
                method="sympy integrate vs closed forms",
                predicate=lambda: all(osc.line_integrals_consistent(j) for j in (-1, 0)),
            ),
        ],
    )


def _hydrogen_derivation(f: Findings) -> list[Derivation]:
    index = _hydrogen_index(f)
    if index is None:
        return []
    dps = f.ctx.dps
    quadrature, closed = _hydrogen(f, "quadrature"), _hydrogen(f, "closed form")[0]
    agreement = f[RATIOS.name].agreement[RATIOS.routes[2].method]
    per_case = f[RATIOS.name].holds or []
    holds = bool(per_case and per_case[index])
    steps = [
        Step.definition(
            r"k_{\min}\{k : \langle 0|(P + h)^k|0\rangle = \infty\}",
            str(f[FIRST_INFINITE.name].value("hydrogen 1s")),
            "exact spherical integrals with a cut-off r > r_min -> 0, k <= 6 (claim "
            "eq20.coulomb-orders): the word P h h P, <p_z h^2 p_z> = <(dV/dz)^2>",
        ),
        Step.checked(
            r"T\int_0^\infty S\,\frac{dQ^2}{Q^2}\Big|_{T = 1}",
            number(quadrature[0], 15),
            "tanh-sinh quadrature of the exact S(T, q) (hydrogen module)",
            method=f"equals the closed form to {digits_text(agreement, dps)} digits",
            predicate=lambda: agreement >= dps - 8,
        ),
        Step.checked(
            r"\frac{1}{2m}\int_0^\infty S\,dQ^2\Big|_{T = 1}",
            number(quadrature[1], 15),
            "the same for the weight Q^0 (identical for hydrogen)",
            method="quadrature vs closed form",
            predicate=lambda: agreement >= dps - 8,
        ),
        Step.checked(
            number(closed, 15),
            1,
            "compared with the value 1 that Eqs. (12), (15) require",
            method=f"|r - 1| against 1e-{dps - 8}",
            predicate=lambda: True,
            relation="=" if holds else ("<" if closed < 1 else ">"),
        ),
    ]
    return [Derivation("Hydrogen 1s: the premise and the conclusion", steps)]


def _eq20_derivations(f: Findings) -> list[Derivation]:
    proofs = [all_orders_vanishing_proof(j) for j in (-1, 0)]
    return [
        reduced_resolvent_steps(),
        *proofs,
        *_hydrogen_derivation(f),
        _ground_state_derivation(),
    ]


EQ20 = Claim(
    "eq20",
    title="Dropping p·q leaves 1/(T − Q²/2m), which gives the sum rules (12) and (15)",
    printed=Printed(PRINTED_EQ20, where="Eq. (20)"),
    quantities=(WEIGHTED, RATIOS, FIRST_INFINITE),
    policy=_eq20_policy,
    summary=_eq20_summary,
    derivations=_eq20_derivations,
    notes=lambda f: _eq20_notes(f) if _eq20_policy(f) == "qualified" else "",
    cost=0.6,
)

# ---------------------------------------------------------------------------------------------
# Eq. (20), the premise: which coefficients exist for hydrogen


def _spherical(k: int, ctx: Context) -> sp.Expr | str:
    return cm.coulomb_coefficient(k)


def _commutators(k: int, ctx: Context) -> sp.Expr | str:
    return cm.coefficient_from_words(k, cm.commutator_word_values())


def _split_at_zero(k: int, ctx: Context) -> sp.Expr | str:
    values = {**cm.commutator_word_values(), "PhP": cm.word_value("PhP", split=0).value}
    return cm.coefficient_from_words(k, values)


COULOMB_COEFFICIENTS_ROUTES = (
    Route("A: exact spherical integrals of every word (r > r_min → 0)", "symbolic", _spherical),
    Route("B: momentum space for ⟨p_z^2n⟩, commutators for h", "closed form", _commutators),
)
COULOMB_COEFFICIENTS_CONTROLS = (
    Variant(
        "pairing split 0|3 for <p_z h p_z> (differentiates a 1/r² state pointwise)",
        _split_at_zero,
        applies=lambda k: k == 3,
    ),
)
COULOMB_COEFFICIENTS = Quantity(
    "hydrogen 1s ⟨0|(P + h)^k|0⟩ (m = 1)",
    cases=range(5),
    routes=COULOMB_COEFFICIENTS_ROUTES,
    controls=COULOMB_COEFFICIENTS_CONTROLS,
    label=lambda k: f"k = {k}",
)


def _cutoff_closed(a: sp.Expr, ctx: Context) -> sp.Expr:
    return sp.N(cm.pz_hh_pz_by_commutator(a), ctx.dps)


def _cutoff_numeric(a: sp.Rational, ctx: Context) -> mpmath.mpf:
    return cm.cutoff_integral_numeric("PhhP", mpmath.mpf(a.p) / a.q, dps=15)


def _angle_half(a: sp.Rational, ctx: Context) -> sp.Expr:
    return sp.Rational(3, 2) * _cutoff_closed(a, ctx)


def _numeric_range(a: sp.Rational) -> bool:
    return a >= sp.Rational(1, 2)


CUTOFF_ROUTES = (
    Route("B: closed form (4/3)[e^(−2a)/a − 2E₁(2a)], a = r_min", "closed form", _cutoff_closed),
    Route(
        "C: mpmath 2D quadrature of P h h P (15 digits)",
        "quadrature",
        _cutoff_numeric,
        _numeric_range,
    ),
)
CUTOFF_CONTROLS = (
    Variant("closed form with angular average 1/2 instead of 1/3", _angle_half, _numeric_range),
)
CUTOFF = Quantity(
    "hydrogen 1s ⟨p_z h² p_z⟩ over r > r_min",
    cases=tuple(sp.Rational(1, n) for n in (1, 2, 10, 100, 1000)),
    routes=CUTOFF_ROUTES,
    controls=CUTOFF_CONTROLS,
    tolerance=Tolerance(lambda ctx: 11.0),  # route C runs at 15 digits
    label=lambda a: f"r_min = {a}",
)


def _coulomb_summary(f: Findings) -> str:
    first = f[FIRST_INFINITE.name].value("hydrogen 1s")
    if f.all_hold:
        exist = "all through k = 6" if first == "none" else f"those with k ≤ {first - 1}"
        return f"the coefficients the argument needs exist: {exist} are finite"
    finite = ", ".join(_text(v) for k, v in f[COULOMB_COEFFICIENTS.name] if k < first)
    numeric = f[CUTOFF.name].agreement[CUTOFF.routes[1].method]
    return (
        f"for hydrogen 1s the coefficients exist only for k ≤ {first - 1} ({finite}); at "
        f"k = {first} the word P h h P gives ⟨p_z h² p_z⟩ = ⟨(∂V/∂z)²⟩ ∼ "
        f"{_text(cm.word_value('PhhP').leading)} → ∞ (spherical integrals = commutators; numeric "
        f"to {digits_text(numeric, 15)} digits): the expansion does not exist for the Coulomb "
        "potential"
    )


def _coulomb_derivation(f: Findings) -> list[Derivation]:
    a = cm.R_MIN
    hh = cm.pz_hh_pz_by_commutator(a)
    leading = cm.word_value("PhhP").leading
    words = {"PP": 1, "PhP": 3, "PPPP": 4}
    spherical = {w: cm.word_value(w).value for w in words}
    commutators = cm.commutator_word_values()
    steps = [
        Step.definition(r"\psi", r"e^{-r}/\sqrt{\pi}", "atomic units, m = 1, V = -1/r"),
        Step.checked(
            r"h\,p_z\psi",
            r"[H, p_z]\psi = i\,\partial_z V\,\psi = i\frac{z}{r^3}\psi",
            "h psi = 0, and [V, p_z] = i dV/dz",
            method="sympy: state('hP') = i c/r^2 (times psi)",
            predicate=lambda: sp.simplify(cm.state("hP") - sp.I * cm.C / cm.R**2) == 0,
        ),
        Step.checked(
            r"\langle 0|p_z h^2 p_z|0\rangle_{r > a}",
            hh.subs(a, sp.Symbol("a", positive=True)),
            "norm of i z/r^3 psi: (1/pi) 2pi (2/3) int_a^oo e^(-2r) r^-2 dr",
            method="sympy: derivative in a equals -(4/3) e^(-2a)/a^2, zero at a = oo",
            predicate=lambda: (
                sp.simplify(sp.diff(hh, a) + sp.Rational(4, 3) * sp.exp(-2 * a) / a**2) == 0
            ),
        ),
        Step.checked(
            sp.Limit(hh * a, a, 0, "+"),
            sp.Rational(4, 3),
            "so the cut-off integral grows like 4/(3a): the coefficient of order 4 is infinite",
            method="sympy limit; equals the singular term of the spherical integral of "
            "state('hP') (route A)",
            predicate=lambda: (
                sp.simplify(leading * a - sp.Rational(4, 3)) == 0
                and sp.limit(hh * a, a, 0, "+") == sp.Rational(4, 3)
            ),
        ),
        Step.checked(
            r"\langle p_z^2\rangle,\ \langle p_z h p_z\rangle,\ \langle p_z^4\rangle",
            r"\tfrac13,\ \tfrac23,\ 1",
            "momentum space |phi(p)|^2 = 8/(pi^2 (1 + p^2)^4) and the double commutator "
            "(1/6)<lap V> = (2/3)|psi(0)|^2 pi: orders 2 and 3 exist",
            method="equal to the spherical integrals (route A)",
            predicate=lambda: all(spherical[w] == commutators[w] for w in words),
        ),
    ]
    return [Derivation("Hydrogen 1s: <p_z h^2 p_z> is infinite", steps)]


def _coulomb_notes(f: Findings) -> str:
    return (
        "The formal expansion needs <0|(P + h)^k|0> at every k. With a cut-off r > r_min the "
        "order-4 coefficient is Q^4 <p_z^4> + Q^2 <p_z h^2 p_z> = Q^4 + Q^2 (4/(3 r_min) + ...) "
        "(m = 1): the 1/r singularity of V makes h p_z psi = i z/r^3 psi non-normalizable. "
        f"<p_z^6> (k = 6) is {cm.word_value('PPPPPP').value} too. For the oscillator every "
        "coefficient is a polynomial in Q^2 (claims eq16, eq17)."
    )


COULOMB_ORDERS = Claim(
    "eq20.coulomb-orders",
    title="Hydrogen 1s: the coefficients of the formal expansion exist only through order 3",
    printed=Printed(text=PRINTED_FORMAL_EXPANSION, where="before Eq. (20)"),
    quantities=(COULOMB_COEFFICIENTS, FIRST_INFINITE, CUTOFF),
    policy=lambda f: "verified" if f.all_hold else "qualified",
    summary=_coulomb_summary,
    derivations=_coulomb_derivation,
    notes=_coulomb_notes,
    cost=0.5,
)

# ---------------------------------------------------------------------------------------------
# The remarks on other weights (text after Eq. 20)

POSITIVE_J = (1, 2, 3)


def _through_order(j: int, ctx: Context) -> sp.Expr:
    return weighted_sum(2 * j + 2, j)


def _all_orders(j: int, ctx: Context) -> sp.Expr:
    return weighted_sum_all_orders(j)


TERMS_ROUTES = (
    Route("every surviving class through order 2j + 2", "symbolic", _through_order),
    Route("the all-orders list of contributing classes", "closed form", _all_orders),
)
TERMS = Quantity(
    "term-by-term (1/π)∫ Im R Q^(2j) dQ² in the ground-state averages",
    cases=POSITIVE_J,
    routes=TERMS_ROUTES,
    label=lambda j: f"weight Q^{2 * j}",
)


def _coefficient_phi(j: int, ctx: Context) -> sp.Expr:
    return osc.expansion_weighted_prediction(j, 2 * j + 2)


def _word_phi(j: int, ctx: Context) -> sp.Expr:
    return term_by_term_integral(2 * j + 2, j, phi=osc.phi_from_words)


def _u_zero_only(j: int, ctx: Context) -> sp.Expr:
    return pole_integral(j, 1, m=M, T=T_SYM)


def _printed_kernel(j: int, ctx: Context) -> sp.Expr:
    return term_by_term_integral(2 * j + 2, j, phi=osc.phi_from_words, kernel=pole_integral_printed)


OSCILLATOR_WEIGHTED_ROUTES = (
    Route("exact line integrals (2mω)^(j+1) (n + j)!/n!", "model", _lines),
    Route("term by term, Φ from the whole coefficient", "series", _coefficient_phi),
    Route("term by term, Φ from the words ⟨0|word(p_z, h)|0⟩", "symbolic", _word_phi),
)
OSCILLATOR_WEIGHTED_CONTROLS = (
    Variant("only the p·q-free term (u = 0), as for Q⁻² and Q⁰", _u_zero_only),
    Variant(
        "term by term with the printed sign of Eq. (19) (class (1, 4): P h P)", _printed_kernel
    ),
)
OSCILLATOR_WEIGHTED = Quantity(
    "oscillator (1/π)∫ Im R Q^(2j) dQ² per unit T",
    cases=POSITIVE_J,
    routes=OSCILLATOR_WEIGHTED_ROUTES,
    controls=OSCILLATOR_WEIGHTED_CONTROLS,
    label=lambda j: f"weight Q^{2 * j}",
)


def _has_averages(j: int, ctx: Context) -> bool:
    return bool(weighted_sum(2 * j + 2, j).atoms(GroundStateAverage))


def _differs_from_free(j: int, ctx: Context) -> bool:
    return sp.simplify(osc.line_averaged_integral(j) - _free_integral(j)) != 0


P_Q_CONTRIBUTES_ROUTES = (
    Route("term by term: averages ⟨0|word|0⟩ with u ≥ 1 remain", "symbolic", _has_averages),
    Route("oscillator: exact integral ≠ the free electron's", "model", _differs_from_free),
)
P_Q_CONTRIBUTES = Quantity(
    "terms with p·q contribute to the weight Q^(2j)",
    cases=POSITIVE_J,
    routes=P_Q_CONTRIBUTES_ROUTES,
    printed=lambda j, ctx: True,
    label=lambda j: f"weight Q^{2 * j}",
)


def _averages(expr: sp.Expr) -> list[str]:
    """The averages ⟨0|word|0⟩ an expression depends on, as <p_z h p_z> text, shortest first."""
    names = sorted((str(a.args[0]) for a in expr.atoms(GroundStateAverage)), key=len)
    return ["<" + " ".join("p_z" if c == "P" else "h" for c in w) + ">" for w in names]


def _q2_summary(f: Findings) -> str:
    if not f.all_hold:
        return "the p.q terms do not contribute for Q^2, Q^4, Q^6 in every case, contrary to the statement"
    terms, exact = f[TERMS.name].value(1), f[OSCILLATOR_WEIGHTED.name].value(1)
    pp = sp.expand(terms).coeff(GroundStateAverage(sp.Symbol("PP")))
    free_part = sp.expand(terms - pp * GroundStateAverage(sp.Symbol("PP")))
    return (
        f"holds: for Q² the word P P (u = 1, w = 3) survives and adds {_text(pp)}⟨p_z²⟩ to the "
        f"free {_text(free_part)}; oscillator: {_text(sp.factor(exact))} exactly (p·q part "
        f"{_text(sp.factor(exact - free_part))}); Q⁴ gets "
        + ", ".join(_averages(f[TERMS.name].value(2)))
    )


def _q2_derivations(f: Findings) -> list[Derivation]:
    terms, exact = f[TERMS.name].value(1), f[OSCILLATOR_WEIGHTED.name].value(1)
    with_osc = terms.subs(GroundStateAverage(sp.Symbol("PP")), osc.word_expectation("PP"))
    classes = [
        (u, w)
        for u, w_min, w_max in surviving_classes_all_orders(1)
        for w in range(w_min, (w_max or w_min) + 1)
    ]
    steps = [
        Step.checked(
            r"\text{contributing }(u, w)",
            rf"\text{{{classes}}}",
            f"pole integral nonzero (exhaustive through order {TERM_ORDER}; all orders by the "
            "proof above)",
            method="integer zero condition; = the all-orders list",
            predicate=lambda: all_orders_classes_match(1, UNIQUE_ORDER),
        ),
        Step.checked(
            r"\frac{1}{\pi}\int {\rm Im}R\,Q^2\,dQ^2",
            terms,
            "pole_integral(1, 1) = 4m^2 T; pole_integral(2, 3) = 8m^3 times Phi_(1,3) = <p_z^2>/m^2",
            predicate=lambda: sp.expand(terms).coeff(GroundStateAverage(sp.Symbol("PP"))) == 8 * M,
        ),
        Step.checked(
            with_osc,
            exact,
            "oscillator: <p_z^2> = m omega/2; exact line integrals (2m omega)^2 (n + 1) per line, "
            "i.e. 4m^2 (T + omega) per unit T",
        ),
        Step.checked(
            r"\int_0^\infty p_n\,Q^{2}\,dQ^2",
            r"\omega F_1(n\omega)",
            "oscillator lines n <= 4: sympy's integral = the factorial formula = the per-unit-T value",
            method="sympy integrate vs closed forms",
            predicate=lambda: osc.line_integrals_consistent(1),
        ),
    ]
    return [
        all_orders_vanishing_proof(1),
        Derivation("Weight Q^2: the free term and the word P P", steps),
    ]


WEIGHT_Q2 = Claim(
    "text.weight-q2",
    title="Weights Q², Q⁴, ...: terms with p·q contribute",
    printed=Printed(text=PRINTED_WEIGHT_Q2, where="after Eq. (20)"),
    quantities=(TERMS, OSCILLATOR_WEIGHTED, P_Q_CONTRIBUTES),
    summary=_q2_summary,
    derivations=_q2_derivations,
    anchor=20,
    cost=0.3,
)


def _small_q_ratio(T: int, ctx: Context) -> mpmath.mpf:
    """S(T, Q²)/Q² at q = 10^(−dps/3) from the Atom interface: D(T) + O(Q²)."""
    with precision(ctx.dps + 10):
        q2 = mpmath.mpf(10) ** (-2 * (ctx.dps // 3))
    value = Hydrogenic(1, 0).structure_function(T, q2, dps=ctx.dps)
    with precision(ctx.dps):
        return value / q2


def _sympy_limit(j: int, ctx: Context) -> bool:
    return small_q_divergent(j)


def _power_counting(j: int, ctx: Context) -> bool:
    return 1 + j <= -1


DIVERGES_ROUTES = (
    Route("sympy: ∫ from ε to L of D Q²·Q^(2j) dQ², then ε → 0+", "symbolic", _sympy_limit),
    Route("power counting: ∫_ε x^(1+j) dx diverges iff 1 + j ≤ −1", "closed form", _power_counting),
)
DIVERGES_CONTROLS = (
    Variant(
        "the weight Q⁻² of Eq. (12) flagged divergent by the same check", lambda j, ctx: j <= -1
    ),
)
DIVERGES = Quantity(
    "∫_ε S Q^(2j) dQ² with S ≈ D Q² diverges as ε → 0",
    cases=(-1, -2, -3),
    routes=DIVERGES_ROUTES,
    printed=lambda j, ctx: j <= -2,  # "higher negative powers": beyond the Q⁻² of Eq. (12)
    controls=DIVERGES_CONTROLS,
    label=lambda j: f"weight Q^({2 * j})",
)


def _dipole_density(T: int, ctx: Context) -> mpmath.mpf:
    return hy.dipole_density(T, dps=ctx.dps)


DIPOLE_ROUTES = (
    Route("dipole density D(T)", "closed form", _dipole_density),
    Route("S(T, Q²)/Q² at q = 10^(−dps/3), Hydrogenic atom", "model", _small_q_ratio),
)
DIPOLE = Quantity(
    "hydrogen 1s S(T, q)/q² as q → 0 at T = 1 hartree",
    cases=(1,),
    routes=DIPOLE_ROUTES,
    tolerance=Tolerance(lambda ctx: ctx.dps / 2),  # S/Q² = D + O(Q²)
    label=lambda T: f"T = {T}",
)


def _gamma_formula(n: int, ctx: Context) -> sp.Expr | str:
    return _divergent_as_text(osc.line_weighted_integral(n, -2))


def _sympy_line(n: int, ctx: Context) -> sp.Expr | str:
    return _divergent_as_text(osc.line_weighted_integral_sympy(n, -2))


def _resummed(n: int, ctx: Context) -> sp.Expr:
    return _OMEGA * osc.line_averaged_integral(-2).subs(T_SYM, n * _OMEGA)


def _wrong_lines(n: int, ctx: Context) -> sp.Expr:
    return 1 / (2 * M * _OMEGA * n * (n + 1))


def _truncated_at_dipole(n: int, ctx: Context) -> sp.Expr:
    return _OMEGA * osc.expansion_weighted_prediction(-2, 10).subs(T_SYM, _OMEGA)


LINES_MINUS_4_ROUTES = (
    Route("factorial formula (2mω)^(j+1) (n + j)!/n!, j = −2", "closed form", _gamma_formula),
    Route("sympy integrates e^(−y) yⁿ/n! (2mωy)⁻²", "symbolic", _sympy_line),
    Route(
        "the expansion resummed, ω/(2mT(T − ω)) at T = nω",
        "series",
        _resummed,
        lambda n: n >= 2,
    ),
)
LINES_MINUS_4_CONTROLS = (
    Variant("line values 1/(2mω n(n+1)) instead of 1/(2mω n(n−1))", _wrong_lines, lambda n: n >= 2),
    Variant(
        "the truncated expansion (order 10) as the value at the dipole line T = ω",
        _truncated_at_dipole,
        lambda n: n == 1,
    ),
)
LINES_MINUS_4 = Quantity(
    "oscillator ∫ p_n Q⁻⁴ dQ², line n",
    cases=range(1, 6),
    routes=LINES_MINUS_4_ROUTES,
    controls=LINES_MINUS_4_CONTROLS,
    label=lambda n: f"n = {n}",
)


def _q4_policy(f: Findings) -> str:
    return "verified" if f[DIVERGES.name].all_hold and f[DIPOLE.name].value(1) > 0 else "refuted"


def _q4_summary(f: Findings) -> str:
    if _q4_policy(f) == "refuted":
        return "the Q^-4 integral stays finite"
    return (
        f"holds: S ≈ D(T) Q² at small Q² makes ∫S dQ²/Q⁴ diverge like D ln(1/ε); hydrogen "
        f"D = {number(f[DIPOLE.name].value(1), 6)} at T = 1 hartree; oscillator: the dipole line "
        "diverges, lines n ≥ 2 give 1/(2mT(T − ω)), which the term-by-term expansion resums to"
    )


Q_MINUS_4_NOTES = (
    "Generally, not always: the divergence needs dipole strength at that T. The oscillator "
    "has it only on the line T = omega (lines n >= 2 start at Q^(2n) and are finite); a "
    "continuum atom has D(T) > 0 at every T above threshold. The formal expansion is finite "
    "order by order and misses the divergence: it is an expansion about Q^2 = 2mT."
)

WEIGHT_Q_MINUS_4 = Claim(
    "text.weight-q-4",
    title="Weights Q⁻⁴, ...: the integrals diverge at the lower limit",
    printed=Printed(text=PRINTED_WEIGHT_Q_MINUS_4, where="after Eq. (20)"),
    quantities=(DIVERGES, DIPOLE, LINES_MINUS_4),
    policy=_q4_policy,
    summary=_q4_summary,
    derivations=lambda f: [low_q_divergence_steps(8), osc.weight_minus_two_steps(10)],
    notes=Q_MINUS_4_NOTES,
    anchor=20,
    cost=0.7,
)

J_RANGE = range(-4, 5)


def _classified(j: int, ctx: Context) -> bool:
    return surviving_classes_all_orders(j) == [(0, 1, 1)]


def _enumerated(j: int, ctx: Context) -> bool:
    return needs_no_phi(j, UNIQUE_ORDER)


def _printed_rule_enumerated(j: int, ctx: Context) -> bool:
    return needs_no_phi(j, UNIQUE_ORDER, vanishes=_printed_zero_rule)


def _as_free(j: int, ctx: Context) -> bool:
    return sp.simplify(osc.line_averaged_integral(j) - _free_integral(j)) == 0


SPECIAL_ROUTES = (
    Route("all-orders classification of the contributing classes", "closed form", _classified),
    Route(
        f"contributing classes enumerated through order {UNIQUE_ORDER}",
        "enumeration",
        _enumerated,
    ),
    Route("oscillator = free electron, exact integrals per unit T", "model", _as_free),
)
SPECIAL_CONTROLS = (
    Variant("zero rule of Eq. (19) as printed (no s ≥ 0)", _printed_rule_enumerated),
    Variant("special set {−1, 0, 1}", lambda j, ctx: j in (-1, 0, 1)),
)
SPECIAL = Quantity(
    "the weight-Q^(2j) integral is free of every Φ",
    cases=J_RANGE,
    routes=SPECIAL_ROUTES,
    printed=lambda j, ctx: j in (-1, 0),  # "specific to the weight functions Q^-2 and Q^0"
    controls=SPECIAL_CONTROLS,
    label=lambda j: f"j = {j}",
)


def _infinite(j_range: range) -> list[int]:
    """The j whose weight needs infinitely many Φ (a class contributes at every order)."""
    return [j for j in j_range if any(c is None for _, _, c in surviving_classes_all_orders(j))]


def _uniqueness_summary(f: Findings) -> str:
    special = [j for j, ok in f[SPECIAL.name] if ok]
    if not f.all_hold:
        return f"the special weights are j in {special}, not the printed [-1, 0]"
    needs = {j: ", ".join(_averages(f[TERMS.name].value(j))) for j in (1, 2)}
    listed = " and ".join(f"Q^({2 * j})" for j in special)
    return (
        f"holds: among Q^(2j), j = −4..4, only {listed} give integrals free of every Φ (all "
        f"orders; oscillator = free electron only there); Q² needs {needs[1]}, Q⁴ needs "
        f"{needs[2]}; j ≤ {max(_infinite(J_RANGE))} need infinitely many Φ"
    )


def _range_step(j: int) -> Step:
    matches = all_orders_classes_match(j, UNIQUE_ORDER)
    return Step.checked(
        rf"\text{{contributing }}(u, w_{{\min}}, w_{{\max}}),\ j = {j}",
        rf"\text{{{surviving_classes_all_orders(j)}}}".replace("None", "inf"),
        "all orders (surviving_classes_all_orders)",
        method=f"= enumeration through order {UNIQUE_ORDER}",
        predicate=lambda: matches,
    )


def _sum_step(f: Findings, j: int) -> Step:
    needs = _averages(f[TERMS.name].value(j))
    return Step.checked(
        rf"\frac{{1}}{{\pi}}\int {{\rm Im}}R\,Q^{{{2 * j}}}\,dQ^2",
        f[TERMS.name].value(j),
        f"weight Q^{2 * j}: depends on " + ", ".join(needs),
        method=f"term by term, order {2 * j + 2}",
        predicate=lambda: bool(needs),
    )


def _uniqueness_derivation(f: Findings) -> list[Derivation]:
    steps = [_range_step(j) for j in J_RANGE] + [_sum_step(f, j) for j in (1, 2)]
    return [Derivation("Which weights Q^(2j) escape every Phi", steps)]


UNIQUENESS_NOTES = (
    "Within the one-electron expansion the statement is exact. For hydrogen even Q^-2 and "
    "Q^0 miss their simple values (claim eq20; claims on Eqs. (12), (15)): the simple "
    "relations hold where the formal expansion does."
)

WEIGHT_UNIQUENESS = Claim(
    "text.weight-uniqueness",
    title="Only the weights Q⁻² and Q⁰ give expansion-independent integrals",
    printed=Printed(text=PRINTED_WEIGHT_UNIQUENESS, where="after Eq. (20)"),
    quantities=(SPECIAL, TERMS),
    summary=_uniqueness_summary,
    derivations=_uniqueness_derivation,
    notes=UNIQUENESS_NOTES,
    anchor=20,
    cost=0.3,
)

CLAIMS = (EQ20, COULOMB_ORDERS, WEIGHT_Q2, WEIGHT_Q_MINUS_4, WEIGHT_UNIQUENESS)
