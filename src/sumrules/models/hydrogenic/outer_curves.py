"""Ratio curves of the states past germanium: 4d, 5s, 5p (xenon's outer subshells).

The per-state ratios r_nmm(T/I), r_ew(T/I) of the hydrogen-like states 1s … 4p ship as
interpolants (:mod:`sumrules.models.hydrogenic.ratio_curves`); xenon also needs 4d, 5s and 5p.
They are built the same way — the regular part g = r·(1 − e^{−2πν}) interpolated in
u = √(I/T) through Chebyshev–Radau nodes
(:func:`~sumrules.models.hydrogenic.ratio_curves.radau_nodes`,
:class:`~sumrules.models.hydrogenic.ratio_curves.RatioCurve`) — from the
three-dimensional Coulomb-wave quadrature of S (:func:`live_ratios`:
:func:`sumrules.models.hydrogenic.coulomb_waves.ratio_quadrature`, general in n; Z = 1), at
fewer digits than the germanium states (:func:`node_dps`: 16, for n = 5 20, 3 more per
decade of x above 300) and degree :data:`DEGREE`. A node costs 1–10 s, a state minutes: the values are made by
``python tools/outer_ratio_curves.py`` and shipped in :data:`DATA_FILE` with their checks
(node values recomputed at 6 more digits, the interpolant against live values between
nodes); :attr:`~sumrules.models.hydrogenic.ratio_curves.RatioCurve.error` is the largest.

>>> c = outer_curve(5, 1)
>>> c.state, len(c.nodes) - 1 == DEGREE
('5p', True)
>>> c.error < 1e-5
True
"""

from __future__ import annotations

import functools
from typing import Any

import mpmath

from sumrules.core.numeric import precision, validate_dps
from sumrules.models.hydrogenic import coulomb_waves
from sumrules.models.hydrogenic.ratio_curves import RatioCurve, curve, read_curves
from sumrules.models.hydrogenic.states import check_state, label

__all__ = [
    "DATA_FILE",
    "DEGREE",
    "OUTER_STATES",
    "any_curve",
    "has_curve",
    "live_ratios",
    "node_dps",
    "outer_curve",
    "outer_curves",
]

#: the states of this module (xenon's 4d, 5s, 5p)
OUTER_STATES: tuple[tuple[int, int], ...] = ((4, 2), (5, 0), (5, 1))
#: the degree of the shipped interpolants (DEGREE + 1 nodes, u = 0 included)
DEGREE = 24
#: the package data (written by tools/outer_ratio_curves.py)
DATA_FILE = "outer_ratio_curves.json"


def node_dps(n: int, x: Any) -> int:
    """Working digits of the route for shell n at T/I = x: 16 (n ≤ 4) or 20 (n = 5: at 16 the
    5s node values moved by 3 × 10⁻⁵ when recomputed at 22) up to x = 300, then 3 more per
    decade.

    >>> node_dps(4, 2), node_dps(4, 3000), node_dps(5, 2)
    (16, 19, 20)
    """
    decades = max(0.0, float(mpmath.log10(mpmath.mpf(x) / 300)))
    return (16 if n <= 4 else 20) + 3 * int(mpmath.ceil(decades))


def live_ratios(n: int, l: int, x: Any, dps: int) -> tuple[mpmath.mpf, mpmath.mpf]:
    """(r_nmm, r_ew) of the state (n, l ≤ n − 1, n ≤ 5) at T/I = x > 1 by the Coulomb-wave
    quadrature, Z = 1 (seconds).

    >>> r = live_ratios(1, 0, 2, 15)  # the 1s closed form: 0.98743934701
    >>> print(mpmath.nstr(r[0], 11))
    0.98743934701
    """
    n, l = check_state(n, l, max_n=5)
    validate_dps(dps)
    with precision(dps + coulomb_waves.GUARD):
        xv = mpmath.mpf(x)
        if not xv > 1:
            raise ValueError(f"x = T/I must exceed 1, got {x!r}")
        t = xv / (2 * n * n)
        r = coulomb_waves.ratio_quadrature(n, l, t, coulomb_waves.nodes_for(dps), check=False)
    with precision(dps):
        return +r.r_nmm, +r.r_ew


@functools.cache
def outer_curves() -> dict[str, RatioCurve]:
    """The shipped curves of :data:`OUTER_STATES` by label ("4d", "5s", "5p")."""
    return read_curves(DATA_FILE)


def outer_curve(n: int, l: int) -> RatioCurve:
    """The shipped curve of an outer state; ValueError for another state."""
    n, l = check_state(n, l, max_n=5)
    found = outer_curves().get(label(n, l))
    if found is None:
        raise ValueError(f"no shipped outer ratio curve for {label(n, l)}")
    return found


def has_curve(n: int, l: int) -> bool:
    """Whether a ratio curve ships for (n, l), here or in :mod:`.ratio_curves`.

    >>> has_curve(4, 1), has_curve(5, 1), has_curve(4, 3)
    (True, True, False)
    """
    try:
        any_curve(n, l)
    except ValueError:
        return False
    return True


def any_curve(n: int, l: int) -> RatioCurve:
    """The shipped curve of (n, l): 1s … 4p from :mod:`.ratio_curves`, 4d, 5s, 5p from here.

    >>> any_curve(2, 1).state, any_curve(4, 2).state
    ('2p', '4d')
    """
    if (n, l) in OUTER_STATES:
        return outer_curve(n, l)
    return curve(n, l)
