"""The hydrogen-like states beyond 1s on which Eqs. (12) and (15) are judged as well.

2s, 2p and 3d (Z = 1): one electron in the subshell, m-averaged, transitions to lower states
included. Each has two route families (:meth:`Hydrogenic.ratio_routes`): the closed form
r(κ) of the state and the q-integral of the state's closed-form S. They join the atoms of
:data:`sumrules.models.samples.SAMPLES` in the claims of Eqs. (12) and (15): the verdict
logic (:func:`~sumrules.models.samples.sum_rule_verdict`) is the same, so a rule that fails
for 1s cannot become "verified" by more states.

>>> [s.key for s in STATES]
['hydrogen 2s', 'hydrogen 2p', 'hydrogen 3d']
>>> STATES[1].label("2")
'T/I = 2'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sumrules.core.format import number
from sumrules.models.hydrogenic.atom import Hydrogenic
from sumrules.models.samples import RATIO_NAMES, Sample

__all__ = ["STATES", "STATE_ENERGIES", "state_values_text"]

#: T/I at which every state is judged (threshold, the Bethe ridge region, large T)
STATE_ENERGIES = ("1.001", "1.5", "2", "10", "100")

_METHODS = {
    "closed form": "the state's closed form r(κ) (Möbius substitution, sympy)",
    "quadrature": "Gauss–Legendre quadrature in q of the state's closed-form S",
}

#: the states beyond 1s in the ledger (the ones with a closed form of r: fast, two routes)
STATES: tuple[Sample, ...] = tuple(
    Sample(
        f"hydrogen {label}",
        Hydrogenic(n, l, Z=1),
        STATE_ENERGIES,
        methods=_METHODS,
        title=f"hydrogen {label}",
    )
    for n, l, label in ((2, 0, "2s"), (2, 1, "2p"), (3, 2, "3d"))
)


def state_values_text(values: Sequence[tuple[str, Sequence[Any]]], which: int) -> str:
    """ "2s: r_nmm = a … b" per state from (label, values at :data:`STATE_ENERGIES`).

    >>> state_values_text([("2s", [0.5, 0.9, 0.99, 0.999, 0.9999])], 0)
    '2s: r_nmm = 0.5 (T/I = 1.001) … 0.9999 (T/I = 100)'
    """
    return "; ".join(
        f"{label}: {RATIO_NAMES[which]} = {number(v[0], 6)} (T/I = {STATE_ENERGIES[0]}) … "
        f"{number(v[-1], 10)} (T/I = {STATE_ENERGIES[-1]})"
        for label, v in values
    )
