"""Eq. (18): power counting, w ≥ 2u + 1 for every surviving term of the expansion.

The printed relation is a sympy object
(:data:`~sumrules.theory.one_electron_statement.PRINTED_EQ18`), evaluated on every class
(u, w) that occurs through order 400 (binomial counts; a dynamic programme; the oscillator's
Φ_{u,w} ≠ 0 by ladder operators and by Poisson central moments through order 60) and proven at
every order by sympy (w = 2u + n_h + 1). Its wrong variants are the relation with one part
changed.
"""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp

from sumrules.core.claim import Claim, Findings, Printed, Quantity, Route, Variant, printed_holds
from sumrules.core.derivation import Derivation, Step
from sumrules.core.ledger import Context
from sumrules.models import oscillator as osc
from sumrules.theory.expansion import class_multiplicity, multiplicities, power_counting_proof
from sumrules.theory.one_electron_statement import (
    PRINTED_EQ18,
    bound,
    bound_holds,
    bound_holds_at_all_orders,
)

__all__ = ["ALL_ORDERS", "CLAIMS", "CLASS_BOUND", "EQ18", "MODEL_ORDER", "ORDER"]

#: the classes are enumerated through ORDER; the oscillator's coefficients through MODEL_ORDER
ORDER = 400
MODEL_ORDER = 60
Class = tuple[int, int]


def _classes(ctx: Context) -> list[Class]:
    """Every class (u, w) that either count finds through ORDER (a class only one of them
    finds makes the other route disagree)."""
    found = set(multiplicities(ORDER)) | set(multiplicities(ORDER, method="dynamic programme"))
    return sorted(found, key=lambda c: (c[1], c[0]))


def _holds(relation: sp.Rel, shift: int = 0) -> Callable[[Class, Context], bool]:
    """The relation at the class (u, w + shift)."""
    return lambda c, ctx: bound_holds(relation, c[0], c[1] + shift)


def _counted(c: Class, ctx: Context) -> bool:
    return class_multiplicity(*c) > 0


def _programmed(c: Class, ctx: Context) -> bool:
    return multiplicities(ORDER, method="dynamic programme").get(c, 0) > 0


def _ladder(c: Class, ctx: Context) -> bool:
    return osc.phi_from_coefficient(*c, m=1, omega=1) != 0


def _moments(c: Class, ctx: Context) -> bool:
    return osc.phi_from_moments(*c, m=1, omega=1) != 0


def _in_model(c: Class) -> bool:
    return c[1] <= MODEL_ORDER + 1


def _proven(case: str, ctx: Context) -> bool:
    return power_counting_proof(ORDER).ok


CLASS_BOUND_ROUTES = (
    Route("closed-form count binomial(w − 3, 2u − 2) > 0", "closed form", _counted),
    Route("dynamic programme over letters: the class occurs", "enumeration", _programmed),
    Route("oscillator: Φ_{u,w} ≠ 0, ladder operators", "model", _ladder, _in_model),
    Route("oscillator: Φ_{u,w} ≠ 0, Poisson central moments", "series", _moments, _in_model),
)
CLASS_BOUND_CONTROLS = (
    Variant("stronger inequality w ≥ 2u + 2", _holds(bound(offset=2))),
    Variant("inequality w ≥ 3u + 1", _holds(bound(slope=3))),
    Variant("off-by-one weight w = k instead of k + 1", _holds(PRINTED_EQ18, shift=-1)),
)
CLASS_BOUND = Quantity(
    "w ≥ 2u + 1 on every class (u, w) that occurs",
    cases=_classes,
    routes=CLASS_BOUND_ROUTES,
    printed=_holds(PRINTED_EQ18),
    controls=CLASS_BOUND_CONTROLS,
    label=lambda c: f"u = {c[0]}, w = {c[1]}",
)

ALL_ORDERS_CONTROLS = (
    Variant(
        "stronger inequality w ≥ 2u + 2, at every order",
        lambda c, ctx: bound_holds_at_all_orders(bound(offset=2)),
    ),
)
ALL_ORDERS = Quantity(
    "w ≥ 2u + 1 at every order",
    cases=("(u, w) = (0, 1) and w = 2u + n_h + 1, u ≥ 1, n_h ≥ 0",),
    routes=(Route("power counting: w − (2u + 1) = n_h ≥ 0 (proof)", "symbolic", _proven),),
    printed=lambda c, ctx: bound_holds_at_all_orders(PRINTED_EQ18),
    controls=ALL_ORDERS_CONTROLS,
    label=lambda c: "every order",
)


def _derivations(f: Findings) -> list[Derivation]:
    ks = range(2, MODEL_ORDER + 1)
    ladder = all(sp.degree(osc.expansion_coefficient(k, omega=1), osc.Y) == k // 2 for k in ks)
    poisson = all(sp.degree(osc.poisson_central_moment(k), osc.Y) == k // 2 for k in ks)
    model_step = Step.checked(
        r"\deg_y \langle 0|(P + h)^k|0\rangle",
        r"\lfloor k/2 \rfloor",
        f"oscillator, k = 2..{MODEL_ORDER}: ladder operators and Poisson central moments; "
        "u <= k/2 = (w - 1)/2, with equality (the word P^k) at every even k",
        method="sympy degree",
        predicate=lambda: ladder and poisson,
    )
    return [
        power_counting_proof(ORDER),
        Derivation("Eq. (18) is sharp in the oscillator", [model_step]),
    ]


def _summary(f: Findings) -> str:
    q = f[CLASS_BOUND.name]
    if f.all_hold:
        return (
            f"holds at every order: w − 2u − 1 = n_h ≥ 0 (number of h letters); checked for all "
            f"{len(q.cases)} classes through order {ORDER} (closed form = DP), sharp: equality "
            "exactly for the words P^(2u); oscillator coefficients have degree k/2 (rounded down) "
            "in Q²"
        )
    relation = sp.sstr(PRINTED_EQ18).replace(">=", "≥").replace("*", "")
    if not q.failing:
        return f"printed bound {relation} fails at large u; the sharp bound is w ≥ 2u + 1"
    u, w = q.failing[0]
    word = f"word P^{2 * u}" if u else "the empty word"
    return (
        f"printed bound {relation} fails (u = {u}, w = {w}, {word}); the sharp bound is w ≥ 2u + 1"
    )


def _notes(f: Findings) -> str:
    q = f[CLASS_BOUND.name]
    equality = [c for c in q.cases if c[1] == 2 * c[0] + 1]
    return (
        f"Equality w = 2u + 1 holds for {len(equality)} of the {len(q.cases)} classes through "
        f"order {ORDER}, each the single word P^(2u): the bound cannot be strengthened."
    )


EQ18 = Claim(
    "eq18",
    title="Power counting: w ≥ 2u + 1 for every surviving term",
    printed=Printed(PRINTED_EQ18, where="Eq. (18)"),
    quantities=(CLASS_BOUND, ALL_ORDERS),
    policy=printed_holds,
    summary=_summary,
    derivations=_derivations,
    notes=_notes,
    cost=1.4,
)

CLAIMS = (EQ18,)
