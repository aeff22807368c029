"""Germanium against its own X-ray data: σ_γ(T)T² and δ_(μ)(T) of Eq. (13) from three tables.

Eq. (13): δ_(μ) = σ_γ(T) T² / (4π² α Z), with σ_γ T² turned from barn keV² into a pure
number by :func:`sumrules.data.units.barn_kev2_to_natural` and divided by 4π²αZ by
:func:`sumrules.theory.photoabsorption.low_q_fraction`; both run once per Z (mpmath, 30
digits) and give the factor :func:`delta_per_sigma_t2`, by which NumPy arrays are multiplied.
The paper's printed input, 2.5 × 10⁶ barn keV², gives δ = 0.6965 × 10⁻³ this way.

σ_γ is the photoabsorption cross section of :func:`sumrules.data.xray.photoabsorption`
("henke", "elam" or "chantler"). The element is Ge unless ``element`` says otherwise
(Z is then that element's atomic number).

>>> round(delta_per_sigma_t2(32) * 2.5e6 * 1e3, 4)
0.6965
>>> s = summary(table="henke")
>>> round(s.peak.T_keV, 4), s.peak.side, round(s.peak.sigma_t2 / 1e6, 3), round(s.peak_delta * 1e3, 3)
(11.1031, 'above', 3.024, 0.842)
>>> round(s.sigma_t2_at_paper_T / 1e6, 3), round(s.delta_at_paper_T * 1e3, 3)
(2.647, 0.738)
>>> round(s.low.T_keV, 3), round(s.low.sigma_t2 / 1e6, 3), round(s.high.sigma_t2 / 1e6, 3)
(1.217, 0.213, 3.024)

What the numbers depend on (:func:`sensitivity`): the share of the shells above K in σ at the
maximum (the K jump), the slope of σT² just above the K edge (how far a shifted edge moves the
maximum), the maximum on a coarse grid of energies (the tables' resolution) and σT² at the
paper's 14 keV by other interpolations between the table's nodes.

>>> v = sensitivity("henke")
>>> round(v.outer_share, 3), round(v.slope, 2), v.coarse_peak.T_keV
(0.132, -0.51, 12.0)
>>> [round(x / 1e6, 4) for x in v.at_paper_T]
[2.6474, 2.6474, 2.6482]
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, overload

import mpmath
import numpy as np

from sumrules.core.numeric import is_count
from sumrules.data.constants import ALPHA, BARN_CM2, GE_SIGMA_T2_PEAK
from sumrules.data.units import barn_kev2_to_natural, bohr2_to_cm2, kev_to_hartree
from sumrules.data.xray import (
    Extremum,
    FloatArray,
    Provenance,
    Side,
    TableName,
    discontinuities,
    edges,
    photoabsorption,
    provenance,
    sigma_t2_extrema,
    symbol,
    table_range,
    tabulated_energies,
)
from sumrules.theory.photoabsorption import low_q_fraction

__all__ = [
    "GERMANIUM",
    "PAPER_DELTA_BOUND",
    "PAPER_ORDER_RANGE_KEV",
    "PAPER_PEAK_SIGMA_T2",
    "PAPER_PEAK_T_KEV",
    "SCAN_RANGE_KEV",
    "Scan",
    "Sensitivity",
    "Summary",
    "UnitRoute",
    "atomic_number",
    "delta_mu",
    "delta_per_sigma_t2",
    "energy_grid",
    "natural",
    "outside_band",
    "scan",
    "sensitivity",
    "sigma_t2",
    "summary",
    "weighted_peak",
]

GERMANIUM = "Ge"
#: The paper's T of the maximum of σ_γT² (keV) and its value there (barn keV²).
PAPER_PEAK_T_KEV = 14.0
PAPER_PEAK_SIGMA_T2 = float(GE_SIGMA_T2_PEAK)
#: The paper's bound δ_(μ) < 0.7 × 10⁻³ (after Eq. (13)).
PAPER_DELTA_BOUND = 0.7e-3
#: "of order 10⁶ barn keV² at T in the range of 1–20 keV".
PAPER_ORDER_RANGE_KEV: tuple[float, float] = (1.0, 20.0)
#: The range scanned for the maximum (keV).
SCAN_RANGE_KEV: tuple[float, float] = (1.0, 30.0)
#: Relative offset of the grid points put just below and just above each edge.
EDGE_OFFSET = 1e-7


def atomic_number(element: object = GERMANIUM) -> int:
    """Z of the element (32 for Ge): the number of electrons of the neutral atom.

    >>> atomic_number(), atomic_number("si")
    (32, 14)
    """
    from periodictable import elements

    return int(elements.symbol(symbol(element)).number)


@functools.cache
def delta_per_sigma_t2(Z: int) -> float:
    """δ_(μ) per barn keV² of σ_γT²: (barn keV² in natural units) / (4π² α Z).

    >>> f"{delta_per_sigma_t2(32):.6e}"
    '2.785813e-10'
    """
    if not is_count(Z, 1):
        raise ValueError(f"Z must be a positive integer, got {Z!r}")
    return float(low_q_fraction(barn_kev2_to_natural(1), Z))


@overload
def sigma_t2(
    T_keV: float, *, element: object = ..., table: TableName = ..., side: Side = ...
) -> float: ...
@overload
def sigma_t2(
    T_keV: Sequence[float] | FloatArray,
    *,
    element: object = ...,
    table: TableName = ...,
    side: Side = ...,
) -> FloatArray: ...
def sigma_t2(
    T_keV: float | Sequence[float] | FloatArray,
    *,
    element: object = GERMANIUM,
    table: TableName = "henke",
    side: Side = "above",
) -> float | FloatArray:
    """σ_γ(T)·T² in barn keV² (a float for a number, an array for a sequence).

    >>> round(sigma_t2(14.0, table="chantler") / 1e6, 3)
    2.535
    """
    sigma = photoabsorption(element, T_keV, table=table, side=side)
    if isinstance(sigma, float):
        return sigma * float(T_keV) ** 2  # type: ignore[arg-type]
    return sigma * np.asarray(T_keV, dtype=np.float64) ** 2


@overload
def delta_mu(
    T_keV: float, *, element: object = ..., table: TableName = ..., side: Side = ...
) -> float: ...
@overload
def delta_mu(
    T_keV: Sequence[float] | FloatArray,
    *,
    element: object = ...,
    table: TableName = ...,
    side: Side = ...,
) -> FloatArray: ...
def delta_mu(
    T_keV: float | Sequence[float] | FloatArray,
    *,
    element: object = GERMANIUM,
    table: TableName = "henke",
    side: Side = "above",
) -> float | FloatArray:
    """δ_(μ)(T) = σ_γ(T)T²/(4π²αZ) of Eq. (13), vectorised.

    >>> [round(float(d) * 1e3, 3) for d in delta_mu([5.0, 14.0, 25.0], table="elam")]
    [0.205, 0.714, 0.469]
    """
    factor = delta_per_sigma_t2(atomic_number(element))
    return sigma_t2(T_keV, element=element, table=table, side=side) * factor


def energy_grid(
    *,
    element: object = GERMANIUM,
    table: TableName = "henke",
    T_min: float = SCAN_RANGE_KEV[0],
    T_max: float = SCAN_RANGE_KEV[1],
    points: int = 600,
    nodes: bool = True,
) -> FloatArray:
    """Energies (keV, ascending) that resolve every edge of ``table`` in [T_min, T_max].

    ``points`` log-spaced energies, the table's own nodes (``nodes=True``) and, at each of the
    table's discontinuities and each of xraydb's edge energies inside the range (unless the
    table jumps within 0.1 % of it), one point a relative 10⁻⁷ below and one above.

    >>> g = energy_grid(table="elam", points=5, nodes=False)
    >>> [round(float(t), 6) for t in g if 11 < t < 11.2]
    [11.102992, 11.102994]
    >>> [round(float(t), 7) for t in energy_grid(table="henke", points=5, nodes=False) if 1.2 < t < 1.3]
    [1.2169999, 1.2170001, 1.2480999, 1.2481001]
    """
    if not is_count(points, 2):
        raise ValueError(f"points must be an integer >= 2, got {points!r}")
    lo, hi = float(T_min), float(T_max)
    if not (np.isfinite(lo) and np.isfinite(hi) and 0 < lo < hi):
        raise ValueError(f"T_min, T_max must satisfy 0 < T_min < T_max, got {T_min!r}, {T_max!r}")
    t_lo, t_hi = table_range(element, table)
    if lo < t_lo or hi > t_hi:
        raise ValueError(
            f"T_min, T_max = {lo:g}, {hi:g} keV leave the {table} table ({t_lo:g}–{t_hi:g} keV)"
        )
    parts = [np.geomspace(lo, hi, points)]
    if nodes:
        parts.append(tabulated_energies(element, table))
    jumps = discontinuities(element, table)
    # xraydb's edge energies too, unless the table jumps within 0.1 % of one (Henke's K edge
    # at 11.1031 keV, Elam's at 11.10299 keV: the table's own energy is the one to bracket)
    marks = [*jumps, *(e for e in edges(element).values() if not _near(e, jumps, 1e-3))]
    for e in marks:
        parts.append(np.array([e * (1 - EDGE_OFFSET), e * (1 + EDGE_OFFSET)]))
    grid = np.unique(np.concatenate(parts))
    return np.asarray(grid[(grid >= lo) & (grid <= hi)], dtype=np.float64)


def _near(e: float, others: Sequence[float], rel: float) -> bool:
    return any(abs(o - e) <= rel * e for o in others)


@dataclass(frozen=True, eq=False)
class Scan:
    """σ_γ, σ_γT² and δ_(μ) of one element from one table at the energies ``T_keV``."""

    element: str
    Z: int
    table: TableName
    provenance: Provenance
    T_keV: FloatArray
    sigma_barn: FloatArray
    sigma_t2: FloatArray
    delta: FloatArray


def scan(
    T_keV: Sequence[float] | FloatArray | None = None,
    *,
    element: object = GERMANIUM,
    table: TableName = "henke",
) -> Scan:
    """σ_γ, σ_γT², δ_(μ) at ``T_keV`` (default: :func:`energy_grid` on 1–30 keV).

    >>> s = scan([14.0], table="chantler")
    >>> round(float(s.sigma_barn[0])), round(float(s.delta[0]) * 1e3, 3)
    (12936, 0.706)
    """
    sym = symbol(element)
    t = energy_grid(element=sym, table=table) if T_keV is None else T_keV
    sigma = photoabsorption(sym, np.atleast_1d(np.asarray(t, dtype=np.float64)), table=table)
    energies = np.atleast_1d(np.asarray(t, dtype=np.float64))
    z = atomic_number(sym)
    st2 = sigma * energies**2
    return Scan(
        element=sym,
        Z=z,
        table=table,
        provenance=provenance(table),
        T_keV=energies,
        sigma_barn=sigma,
        sigma_t2=st2,
        delta=st2 * delta_per_sigma_t2(z),
    )


@dataclass(frozen=True)
class Summary:
    """The numbers of the paragraph after Eq. (13), from one table.

    ``peak``: the maximum of σ_γT² on :data:`SCAN_RANGE_KEV` (exact for the table's
    interpolant), ``peak_delta`` δ_(μ) there; σ_γT² and δ_(μ) at the paper's 14 keV;
    ``low``/``high``: the minimum and maximum of σ_γT² on :data:`PAPER_ORDER_RANGE_KEV`;
    ``grid_peak``: the largest σ_γT² on :func:`energy_grid` (at most ``peak``, up to rounding;
    the grid is evaluated with ``side="above"``).
    """

    element: str
    Z: int
    table: TableName
    provenance: Provenance
    peak: Extremum
    peak_delta: float
    sigma_t2_at_paper_T: float
    delta_at_paper_T: float
    low: Extremum
    high: Extremum
    grid_peak: Extremum


@functools.cache
def summary(*, element: object = GERMANIUM, table: TableName = "henke") -> Summary:
    """Maximum of σ_γT² on 1–30 keV, δ_(μ) there and at 14 keV, the range on 1–20 keV.

    >>> s = summary(table="elam")
    >>> round(s.peak.sigma_t2 / 1e6, 3), round(s.peak_delta * 1e3, 3)
    (2.924, 0.815)
    >>> s.grid_peak.sigma_t2 <= s.peak.sigma_t2 * (1 + 1e-12), s.grid_peak.side
    (True, 'above')
    """
    sym = symbol(element)
    z = atomic_number(sym)
    factor = delta_per_sigma_t2(z)
    _, peak = sigma_t2_extrema(sym, *SCAN_RANGE_KEV, table=table)
    low, high = sigma_t2_extrema(sym, *PAPER_ORDER_RANGE_KEV, table=table)
    s = scan(element=sym, table=table)
    k = int(np.argmax(s.sigma_t2))
    at_paper = float(sigma_t2(PAPER_PEAK_T_KEV, element=sym, table=table))
    grid_side: Side | None = "above" if s.T_keV[k] in discontinuities(sym, table) else None
    return Summary(
        element=sym,
        Z=z,
        table=table,
        provenance=provenance(table),
        peak=peak,
        peak_delta=peak.sigma_t2 * factor,
        sigma_t2_at_paper_T=at_paper,
        delta_at_paper_T=at_paper * factor,
        low=low,
        high=high,
        grid_peak=Extremum(float(s.T_keV[k]), float(s.sigma_t2[k]), grid_side),
    )


# ---------------------------------------------------------------------------------------------
# natural units by three routes

UnitRoute = Literal["si", "pdg", "atomic"]


def natural(sigma_t2_barn_kev2: object, *, route: UnitRoute = "si", dps: int = 30) -> mpmath.mpf:
    """σ_γT² from barn keV² to a pure number: ``"si"`` and ``"pdg"`` divide by (ħc)² (SI
    constants, PDG's ħc: :func:`sumrules.data.units.barn_kev2_to_natural`); ``"atomic"`` goes
    through atomic units, α²σ_au T_au² (σ in bohr², T in hartree: no ħc).

    >>> [round(float(natural(2.5e6, route=r)) * 1e3, 6) for r in ("si", "pdg", "atomic")]
    [6.420474, 6.420474, 6.420474]
    """
    if route == "atomic":
        with mpmath.workdps(dps + 5):
            sigma_au = (
                mpmath.mpmathify(sigma_t2_barn_kev2) * BARN_CM2.mpf() / bohr2_to_cm2(1, dps=dps)
            )
            value = ALPHA.mpf() ** 2 * sigma_au * kev_to_hartree(1, dps=dps) ** 2
        with mpmath.workdps(dps):
            return +value
    if route not in ("si", "pdg"):
        raise ValueError(f"route must be 'si', 'pdg' or 'atomic', got {route!r}")
    return barn_kev2_to_natural(sigma_t2_barn_kev2, route=route, dps=dps)


# ---------------------------------------------------------------------------------------------
# what the numbers are sensitive to


@dataclass(frozen=True)
class Sensitivity:
    """What the maximum of σ_γT² (and σ_γT² at 14 keV) depends on, for one table.

    ``outer_share``: σ just below the K edge (at 0.999 E_K, xraydb's edge energy) over σ at the
    maximum, i.e. the share of the L, M, N shells there; ``slope``: d ln(σT²)/d ln T on
    [T_max, 1.02 T_max], so a K edge shifted by ΔE moves the maximum by ``slope``·ΔE/E_K;
    ``coarse_peak``: the maximum of σT² on T = 1, 2, …, 30 keV (a table printed at whole keV);
    ``at_paper_T``: σT² at 14 keV by the table's interpolant, log–log linear and linear–linear
    between the table's two nodes around 14 keV; ``falls_to_paper_T``: σT² decreases on
    :func:`energy_grid` from the maximum to 14 keV.
    """

    table: TableName
    outer_share: float
    slope: float
    coarse_peak: Extremum
    at_paper_T: tuple[float, float, float]
    falls_to_paper_T: bool


def _between_nodes(t: float, table: TableName, element: str) -> tuple[float, float]:
    """σT² at t, log–log and linear–linear between the two tabulated energies around t."""
    nodes = tabulated_energies(element, table)
    i = int(np.searchsorted(nodes, t)) - 1
    e0, e1 = float(nodes[i]), float(nodes[i + 1])
    s0 = float(photoabsorption(element, e0, table=table, side="above"))
    s1 = float(photoabsorption(element, e1, table=table, side="below"))
    b = math.log(t / e0) / math.log(e1 / e0)
    loglog = math.exp((1 - b) * math.log(s0) + b * math.log(s1))
    linear = s0 + (s1 - s0) * (t - e0) / (e1 - e0)
    return loglog * t * t, linear * t * t


@functools.cache
def sensitivity(table: TableName = "henke", *, element: object = GERMANIUM) -> Sensitivity:
    """The :class:`Sensitivity` of one table (see the module docstring).

    >>> round(sensitivity("chantler").outer_share, 3), round(sensitivity("elam").slope, 2)
    (0.153, -0.55)
    """
    sym = symbol(element)
    s = summary(element=sym, table=table)
    t_max = s.peak.T_keV
    e_k = edges(sym)["K"]
    below = float(photoabsorption(sym, e_k * (1 - 1e-3), table=table))
    outer = below / (s.peak.sigma_t2 / t_max**2)
    right = float(sigma_t2(t_max * 1.02, element=sym, table=table))
    slope = math.log(right / s.peak.sigma_t2) / math.log(1.02)
    whole = np.arange(math.ceil(SCAN_RANGE_KEV[0]), math.floor(SCAN_RANGE_KEV[1]) + 1.0)
    values = sigma_t2(whole, element=sym, table=table)
    k = int(np.argmax(values))
    loglog, linear = _between_nodes(PAPER_PEAK_T_KEV, table, sym)
    grid = energy_grid(element=sym, table=table, T_min=t_max, T_max=PAPER_PEAK_T_KEV, points=400)
    falls = bool(np.all(np.diff(sigma_t2(grid, element=sym, table=table)) <= 0))
    return Sensitivity(
        table=table,
        outer_share=outer,
        slope=slope,
        coarse_peak=Extremum(float(whole[k]), float(values[k]), None),
        at_paper_T=(s.sigma_t2_at_paper_T, loglog, linear),
        falls_to_paper_T=falls,
    )


def outside_band(
    low: float,
    high: float,
    *,
    element: object = GERMANIUM,
    table: TableName = "henke",
    T_range: tuple[float, float] = PAPER_ORDER_RANGE_KEV,
) -> tuple[tuple[float, float], ...]:
    """The energy intervals (keV, ends on :func:`energy_grid`) of ``T_range`` where σ_γT² lies
    outside [low, high] barn keV².

    >>> [(round(a, 3), round(b, 3)) for a, b in outside_band(10**5.5, 10**6.5)]
    [(1.0, 1.217)]
    """
    sym = symbol(element)
    t = energy_grid(element=sym, table=table, T_min=T_range[0], T_max=T_range[1], points=2000)
    v = sigma_t2(t, element=sym, table=table, side="below")
    out = (v < low) | (v > high)
    spans: list[tuple[float, float]] = []
    start: float | None = None
    for ti, o in zip(t, out, strict=True):
        if o and start is None:
            start = float(ti)
        if not o and start is not None:
            spans.append((start, float(ti)))
            start = None
    if start is not None:
        spans.append((start, float(t[-1])))
    return tuple(spans)


def weighted_peak(
    power: float, *, element: object = GERMANIUM, table: TableName = "henke"
) -> Extremum:
    """The maximum of σ_γ(T)·T^power on :data:`SCAN_RANGE_KEV`, on :func:`energy_grid`
    (``power`` = 2 is σ_γT², whose exact maximum :func:`summary` gives; a larger weight moves
    the maximum up in T).

    >>> [round(weighted_peak(p).T_keV, 2) for p in (2, 3)]
    [11.1, 30.0]
    """
    sym = symbol(element)
    s = scan(element=sym, table=table)
    values = s.sigma_barn * s.T_keV**power
    k = int(np.argmax(values))
    return Extremum(float(s.T_keV[k]), float(values[k]), None)
