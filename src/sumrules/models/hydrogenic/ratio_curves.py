"""The per-state sum-rule ratios r_nl(T/I) as interpolants, built from the package's own routes.

A hydrogen-like state's ratios r_nmm(T) = T ∫ S dQ²/Q² and r_ew(T) = (1/2m) ∫ S dQ² depend on
x = T/I alone (Z scaling). The germanium shell model needs eight states at hundreds of energies,
so each curve is built once from values at fixed nodes and interpolated. The node values come
from the closed forms r(κ) of every state n ≤ 4
(:func:`~sumrules.models.hydrogenic.closed_form_ratios.exact_sum_rule_ratios`, exact to the
working precision: :func:`node_ratios`); the three-dimensional Coulomb-wave quadrature
(:func:`live_ratios`, seconds per value) is the independent route the atom is checked with.

**The variable.** u = √(I/T) ∈ [0, 1): u = 0 is T = ∞ (r = 1 there, the large-T law
1 − r ∝ u^{5+2l}), u → 1 is the threshold.

**The smooth function.** At threshold the continuum normalisation carries the Sommerfeld
factor 1/(1 − e^{−2πν}), ν = Z/k = n u/√(1 − u²), whose e^{−2πν} is not analytic at u = 1 (all
its derivatives vanish there). What is interpolated is g(u) = r(u)·(1 − e^{−2πν}) (the
regular part: by quantum-defect theory the energy-normalised continuum is (1 − e^{−2πν})^{−1/2}
times a function analytic in the energy across threshold), and r = g/(1 − e^{−2πν}) is
recovered. On the 1s closed form the Chebyshev coefficients of g fall by about 4 per degree
while those of r itself stall near 10⁻¹² (tests/models/hydrogenic/test_ratio_curves.py).

**The nodes.** Chebyshev–Radau points in u, u_j = (1 − cos(2jπ/(2N + 1)))/2, j = 0 … N: they
include u = 0, where g = 0 exactly (no computation), and not the threshold u = 1 (the largest
node has x − 1 ≈ 10⁻³). The interpolant is the barycentric form of the polynomial through the
nodes (weights from the nodes themselves). Degree 48: on the closed forms the interpolation
error is ~10⁻¹² at degree 32 for 4s (what the shipped curves of the Coulomb-wave route had),
~10⁻¹⁵ at 40 and ~10⁻¹⁹ at 48. The Coulomb-wave quadrature loses about log₁₀ x digits at
large x: :func:`node_dps` gives its working precision there.

**Errors.** The node values are checked by recomputing some at higher precision
(``node_checks``), and the interpolant against the closed form at independent check points
between nodes (``checks``): both are stored with the data (:data:`DATA_FILE`) and the largest
is the curve's stated error (:attr:`RatioCurve.error`).

>>> u = radau_nodes(4)
>>> [mpmath.nstr(v, 6) for v in u]
['0.0', '0.116978', '0.413176', '0.75', '0.969846']
>>> sommerfeld_factor(1, 0)
mpf('0.0')
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import mpmath

from sumrules.core.numeric import precision, validate_dps
from sumrules.models.hydrogenic.states import check_state, label

__all__ = [
    "DATA_FILE",
    "NODES",
    "STATES",
    "CurveCheck",
    "RatioCurve",
    "barycentric_weights",
    "curve",
    "curves",
    "interpolate",
    "interpolate_pair",
    "live_ratios",
    "node_dps",
    "node_ratios",
    "provenance",
    "radau_nodes",
    "read_curves",
    "read_document",
    "sommerfeld_factor",
    "u_of_x",
]

#: the states the shipped curves cover (every subshell of germanium)
STATES: tuple[tuple[int, int], ...] = (
    (1, 0),
    (2, 0),
    (2, 1),
    (3, 0),
    (3, 1),
    (3, 2),
    (4, 0),
    (4, 1),
)
#: the degree of the shipped interpolants (N + 1 nodes, u = 0 included)
NODES = 48
#: the working precision of the node values (closed forms: exact to it)
NODE_DPS = 40
#: the package data: node values, checks and provenance (written by tools/state_ratio_curves.py)
DATA_FILE = "state_ratio_curves.json"


def radau_nodes(N: int) -> list[mpmath.mpf]:
    """u_j = (1 − cos(2jπ/(2N + 1)))/2, j = 0 … N, at the current precision (u_0 = 0).

    >>> len(radau_nodes(36)), radau_nodes(36)[0]
    (37, mpf('0.0'))
    """
    return [(1 - mpmath.cos(2 * j * mpmath.pi / (2 * N + 1))) / 2 for j in range(N + 1)]


def u_of_x(x: Any) -> mpmath.mpf:
    """u = √(I/T) = 1/√x at the current precision (x = T/I > 1).

    >>> u_of_x(4)
    mpf('0.5')
    """
    return 1 / mpmath.sqrt(mpmath.mpf(x))


def sommerfeld_factor(n: int, u: Any) -> mpmath.mpf:
    """1 − e^{−2πν}, ν = n u/√(1 − u²) (Z = 1: ν = 1/k), at the current precision; 0 at u = 0.

    >>> with precision(15):
    ...     print(mpmath.nstr(sommerfeld_factor(1, mpmath.mpf(1) / 2), 10))
    0.9734200665
    """
    u = mpmath.mpf(u)
    if u == 0:
        return mpmath.mpf(0)
    nu = n * u / mpmath.sqrt((1 - u) * (1 + u))
    return -mpmath.expm1(-2 * mpmath.pi * nu)


def node_dps(x: Any) -> int:
    """The working precision of the route at T/I = x: 24 digits up to x = 300, then 3 more per
    decade (the Coulomb-wave quadrature loses digits at large x: 4s at x = 10800 is off by
    2 × 10⁻¹³ at 25 digits against 32; the node checks measure what is left).

    >>> node_dps(2), node_dps(2000), node_dps(2e5)
    (24, 27, 33)
    """
    decades = max(0.0, float(mpmath.log10(mpmath.mpf(x) / 300)))
    return 24 + 3 * int(mpmath.ceil(decades))


def live_ratios(n: int, l: int, x: Any, dps: int) -> tuple[mpmath.mpf, mpmath.mpf]:
    """(r_nmm, r_ew) of the state (n, l) at T/I = x by the Coulomb-wave quadrature (Z = 1).

    >>> r = live_ratios(1, 0, 2, 15)
    >>> print(mpmath.nstr(r[0], 12), mpmath.nstr(r[1], 12))
    0.98743934701 0.98743934701
    """
    from sumrules.models.hydrogenic.atom import Hydrogenic

    atom = Hydrogenic(n, l)
    return atom.coulomb_wave_ratios(atom.energy_at(x, dps=dps), dps=dps)


def node_ratios(n: int, l: int, x: Any, dps: int = NODE_DPS) -> tuple[mpmath.mpf, mpmath.mpf]:
    """(r_nmm, r_ew) of the state (n, l) at T/I = x from its closed form r(κ) (Z = 1).

    >>> r = node_ratios(1, 0, 2, 15)
    >>> print(mpmath.nstr(r[0], 12), mpmath.nstr(r[1], 12))
    0.98743934701 0.98743934701
    """
    from sumrules.models.hydrogenic.closed_form_ratios import exact_sum_rule_ratios

    with precision(dps + 20):
        t = mpmath.mpf(x) / (2 * n * n)
    return exact_sum_rule_ratios(n, l, t, dps=dps)


def barycentric_weights(nodes: Sequence[mpmath.mpf]) -> list[mpmath.mpf]:
    """w_j = 1/Π_{k≠j}(u_j − u_k), scaled by the largest (the barycentric form is invariant).

    >>> barycentric_weights([mpmath.mpf(0), mpmath.mpf(1)])
    [mpf('-1.0'), mpf('1.0')]
    """
    ws = []
    for j, a in enumerate(nodes):
        p = mpmath.mpf(1)
        for k, b in enumerate(nodes):
            if k != j:
                p *= a - b
        ws.append(1 / p)
    top = max(abs(w) for w in ws)
    return [w / top for w in ws]


def interpolate(
    nodes: Sequence[mpmath.mpf],
    weights: Sequence[mpmath.mpf],
    values: Sequence[mpmath.mpf],
    u: mpmath.mpf,
) -> mpmath.mpf:
    """The polynomial through (nodes, values) at u, by the second barycentric formula.

    >>> with precision(20):
    ...     us = radau_nodes(6)
    ...     w = barycentric_weights(us)
    ...     mpmath.nstr(interpolate(us, w, [v**3 for v in us], mpmath.mpf("0.3")), 18)
    '0.027'
    """
    num = den = mpmath.mpf(0)
    for a, w, v in zip(nodes, weights, values, strict=True):
        d = u - a
        if d == 0:
            return mpmath.mpf(v)
        c = w / d
        num += c * v
        den += c
    return num / den


def interpolate_pair(
    nodes: Sequence[mpmath.mpf],
    weights: Sequence[mpmath.mpf],
    first: Sequence[mpmath.mpf],
    second: Sequence[mpmath.mpf],
    u: mpmath.mpf,
) -> tuple[mpmath.mpf, mpmath.mpf]:
    """:func:`interpolate` of two value sets on the same nodes at once (one set of w_j/(u − u_j)).

    >>> with precision(20):
    ...     us = radau_nodes(6)
    ...     w = barycentric_weights(us)
    ...     a, b = interpolate_pair(us, w, [v**2 for v in us], [v**3 for v in us], mpmath.mpf("0.3"))
    ...     mpmath.nstr(a, 18), mpmath.nstr(b, 18)
    ('0.09', '0.027')
    """
    cs = []
    for j, (a, w) in enumerate(zip(nodes, weights, strict=True)):
        d = u - a
        if d == 0:
            return mpmath.mpf(first[j]), mpmath.mpf(second[j])
        cs.append(w / d)
    den = mpmath.fsum(cs)
    return mpmath.fdot(cs, first) / den, mpmath.fdot(cs, second) / den


@dataclass(frozen=True)
class CurveCheck:
    """One comparison of the interpolant (or a node value) with a live evaluation."""

    x: str
    dps: int
    r_nmm: str
    r_ew: str
    error: float


@dataclass(frozen=True)
class RatioCurve:
    """r_nmm(x), r_ew(x) of one state as an interpolant of g = r(1 − e^{−2πν}) in u = 1/√x.

    ``nodes`` (u_j) and ``g_nmm``, ``g_ew`` as decimal strings; ``checks``: the interpolant
    against live routes at independent points; ``node_checks``: node values against a
    recomputation at higher precision. ``error`` is the largest of both.
    """

    n: int
    l: int
    nodes: tuple[str, ...]
    g_nmm: tuple[str, ...]
    g_ew: tuple[str, ...]
    node_dps: tuple[int, ...]
    checks: tuple[CurveCheck, ...]
    node_checks: tuple[CurveCheck, ...]

    @property
    def state(self) -> str:
        return label(self.n, self.l)

    @property
    def error(self) -> float:
        """The largest measured |interpolant − live| and |node − recomputed node| (absolute)."""
        found = [c.error for c in (*self.checks, *self.node_checks)]
        return max(found, default=float("nan"))

    def ratios(self, x: Any, *, dps: int = 15) -> tuple[mpmath.mpf, mpmath.mpf]:
        """(r_nmm, r_ew) at T/I = x ≥ 1 (x = ∞ allowed: (1, 1)); accurate to :attr:`error`.

        >>> c = curve(1, 0)
        >>> r = c.ratios(2)
        >>> bool(abs(r[0] - mpmath.mpf("0.987439347010319")) < 1e-14)
        True
        """
        validate_dps(dps)
        with precision(dps + 10):
            xv = mpmath.mpf(x)
            if not xv >= 1:
                raise ValueError(f"x = T/I must be at least 1, got {x!r}")
            u = mpmath.mpf(0) if mpmath.isinf(xv) else u_of_x(xv)
            if u == 0:
                return mpmath.mpf(1), mpmath.mpf(1)
            us, ws, g1, g2 = _table(self, mpmath.mp.prec)
            factor = sommerfeld_factor(self.n, u) if u < 1 else mpmath.mpf(1)
            g_nmm, g_ew = interpolate_pair(us, ws, g1, g2, u)
            r_nmm, r_ew = g_nmm / factor, g_ew / factor
        with precision(dps):
            return +r_nmm, +r_ew


@functools.lru_cache(maxsize=64)
def _table(
    c: RatioCurve, prec: int
) -> tuple[list[mpmath.mpf], list[mpmath.mpf], list[mpmath.mpf], list[mpmath.mpf]]:
    with mpmath.workprec(prec):
        us = [mpmath.mpf(v) for v in c.nodes]
        return (
            us,
            barycentric_weights(us),
            [mpmath.mpf(v) for v in c.g_nmm],
            [mpmath.mpf(v) for v in c.g_ew],
        )


def _check(raw: dict[str, Any]) -> CurveCheck:
    return CurveCheck(
        str(raw["x"]), int(raw["dps"]), str(raw["r_nmm"]), str(raw["r_ew"]), float(raw["error"])
    )


@functools.cache
def read_document(data_file: str) -> dict[str, Any]:
    """The JSON document ``data_file`` of the package data (cached)."""
    text = resources.files("sumrules.data").joinpath(data_file).read_text(encoding="utf-8")
    return dict(json.loads(text))


def read_curves(data_file: str) -> dict[str, RatioCurve]:
    """The curves of a shipped curve file (``"states"`` by label: nodes, node values, checks).

    >>> read_curves(DATA_FILE)["2p"].state
    '2p'
    """
    out = {}
    for key, raw in read_document(data_file)["states"].items():
        out[key] = RatioCurve(
            n=int(raw["n"]),
            l=int(raw["l"]),
            nodes=tuple(raw["nodes"]),
            g_nmm=tuple(raw["g_nmm"]),
            g_ew=tuple(raw["g_ew"]),
            node_dps=tuple(int(d) for d in raw["node_dps"]),
            checks=tuple(_check(c) for c in raw["checks"]),
            node_checks=tuple(_check(c) for c in raw["node_checks"]),
        )
    return out


def curves() -> dict[str, RatioCurve]:
    """Every shipped curve by state label ("1s" … "4p"), read from :data:`DATA_FILE`.

    >>> sorted(curves()) == sorted(label(n, l) for n, l in STATES)
    True
    """
    return read_curves(DATA_FILE)


def curve(n: int, l: int) -> RatioCurve:
    """The shipped curve of the state (n, l); ValueError for a state it does not cover.

    >>> curve(2, 1).state
    '2p'
    """
    n, l = check_state(n, l)
    found = curves().get(label(n, l))
    if found is None:
        raise ValueError(f"no shipped ratio curve for {label(n, l)}")
    return found


def provenance() -> dict[str, Any]:
    """How the shipped curves were made: routes, precision, nodes, date, script."""
    return dict(read_document(DATA_FILE)["provenance"])
