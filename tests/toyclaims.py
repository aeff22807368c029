"""Toy claims for the engine's tests: outcomes of every shape, built through the escape hatch."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sympy as sp

from sumrules.core.claim import Claim, Extra, Printed, Quantity, Route, Variant
from sumrules.core.derivation import Derivation
from sumrules.core.ledger import Context, Control, Evidence

__all__ = ["CAUGHT", "GOOD", "hatch", "toy_quantity"]

GOOD = [
    Evidence("sympy", "symbolic", "exact identity"),
    Evidence("mpmath", "quadrature", "quadrature", "1.0", "30 dps", 29.5),
]
CAUGHT = [Control("flipped sign", True)]


def hatch(
    claim_id: str = "eq99",
    *,
    verdict: str = "verified",
    evidence: list[Evidence] | None = None,
    controls: list[Control] | None = None,
    derivations: list[Derivation] | None = None,
    facts: dict[str, Any] | None = None,
    anchor: float | None = None,
    before: Callable[[Context], None] | None = None,
) -> Claim:
    """A claim whose whole outcome comes through ``extra`` (the escape hatch)."""

    def extra(ctx: Context) -> Extra:
        if before is not None:
            before(ctx)
        return Extra(
            list(GOOD if evidence is None else evidence),
            list(CAUGHT if controls is None else controls),
            list(derivations or []),
            dict(facts or {}),
        )

    return Claim(
        claim_id,
        title=f"title of {claim_id}",
        printed=Printed(text=f"printed {claim_id}"),
        extra=extra,
        policy=lambda f: verdict,
        summary=lambda f: f"summary of {claim_id}",
        anchor=anchor,
    )


x = sp.Symbol("x", positive=True)


def toy_quantity(**changes: Any) -> Quantity:
    """∫_0^1 c x^(c-1) dx = 1 for c = 1, 2, 3: a closed form, sympy, and a float route."""
    base: dict[str, Any] = {
        "name": "integral",
        "cases": (1, 2, 3),
        "routes": (
            Route("antiderivative", "closed form", lambda c, ctx: sp.Integer(1)),
            Route(
                "sympy integrate",
                "symbolic",
                lambda c, ctx: sp.integrate(c * x ** (c - 1), (x, 0, 1)),
            ),
            Route(
                "float",
                "quadrature",
                lambda c, ctx: sp.Float(1, ctx.dps),
                lambda c: c != 2,
            ),
        ),
        "printed": lambda c, ctx: sp.Integer(1),
        "controls": (Variant("x^c instead of c x^(c-1)", lambda c, ctx: sp.Rational(1, c + 1)),),
        "label": lambda c: f"c={c}",
    }
    base.update(changes)
    return Quantity(**base)
