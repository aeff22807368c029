"""Unit conventions of the electromagnetic coupling, and judging printed formulas across them.

The paper writes the Coulomb field as A₀ = √(4πα) ρ/q² (Heaviside–Lorentz, e² = 4πα); several
of its printed coefficients hold in the Gaussian normalization (e² = α) only. A printed formula
is judged in both; :func:`verdict_from_conventions` turns "where it holds" into a verdict.

>>> verdict_from_conventions([("heaviside-lorentz", "gaussian"), ("gaussian",)])
'qualified'
>>> describe_conventions(["gaussian"])
'Gaussian (e² = α)'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import sympy as sp

from sumrules.core.derivation import Step

__all__ = [
    "CONVENTION_NAMES",
    "alpha",
    "comparison_step",
    "describe_conventions",
    "verdict_from_conventions",
]

#: the fine-structure constant as a symbol
alpha = sp.Symbol("alpha", positive=True)

CONVENTION_NAMES = {
    "heaviside-lorentz": "Heaviside–Lorentz (e² = 4πα)",
    "gaussian": "Gaussian (e² = α)",
}


def verdict_from_conventions(matches: Sequence[Sequence[str]]) -> str:
    """Verdict for printed formulas given, for each, the conventions in which it holds.

    All hold in both conventions: "verified"; all hold in at least one: "qualified"
    (true under a condition the paper does not state); otherwise "corrected".

    >>> verdict_from_conventions([("gaussian",), ()])
    'corrected'
    """
    if all(len(ms) == 2 for ms in matches):
        return "verified"
    if all(ms for ms in matches):
        return "qualified"
    return "corrected"


def describe_conventions(matches: Sequence[str]) -> str:
    """Plain-text names of the conventions in ``matches``."""
    if not matches:
        return "in neither convention"
    return " and ".join(CONVENTION_NAMES[c] for c in matches)


def comparison_step(lhs: object, rhs: object, justification: str, test: Callable[[], bool]) -> Step:
    """A proof step stating the outcome of a comparison: "=" if ``test()`` else "≠".

    >>> comparison_step("1", "2", "one is not two", lambda: False).relation
    '!='
    """
    equal = bool(test())
    return Step.checked(
        lhs,
        rhs,
        justification,
        method="compared; the relation shows the result",
        relation="=" if equal else "!=",
        predicate=lambda: True,
    )
