"""X-ray photoabsorption cross sections, absorption edges and emission lines, with provenance.

Three compilations, read from the data files that ship inside two installed packages
(nothing is downloaded at run time):

- ``"henke"``: Henke, Gullikson & Davis (1993), the f₁, f₂ tables of CXRO as shipped in
  ``periodictable/xsf/*.nff`` (10 eV – 30 keV for most elements). The photoabsorption
  cross section per atom follows from f₂ by the optical theorem (below).
- ``"elam"``: Elam, Ravel & Sieber (2002), photoelectric part only (no coherent or
  incoherent scattering), as stored in xraydb's ``xraydb.sqlite`` (``photoabsorption``
  table), in cm²/g.
- ``"chantler"``: Chantler's FFAST tables (1995, 2000), photoelectric part only
  (column ``mu_photo``), as stored in xraydb's ``xraydb.sqlite`` (``Chantler`` table), in cm²/g.

Henke: σ from f₂
----------------
The forward amplitude for elastic scattering of a photon by one atom is
``A(0) = r_e (f₁ + i f₂)`` (Henke's sign convention, in which the refractive index of N
atoms per volume is ``n = 1 − N r_e λ² (f₁ + i f₂)/(2π)``). The optical theorem
``σ_tot = (4π/k) Im A(0)`` with ``k = 2π/λ`` gives, since f₂ carries the absorptive part,

    σ = 2 r_e λ f₂ = 2 r_e (2π ħc) f₂ / E = 69 876.0 barn · f₂ / (E/keV),

with r_e and ħc from :mod:`sumrules.data.constants` (CODATA 2018, exact 2019 SI). Chantler's
FFAST header for Ge quotes the same conversion as two factors, E(eV)·(μ/ρ)(cm²/g) =
5.79699 × 10⁵ f₂ and σ(barn) = 120.539 (μ/ρ)(cm²/g), whose product is 6.98763 × 10⁷ barn eV;
:func:`henke_factor_barn_kev` gives 6.98760 × 10⁴ barn keV (tests/data/test_xray.py).

cm²/g → barn/atom
-----------------
σ(barn) = (μ/ρ)(cm²/g) · M / N_A · 10²⁴ with N_A exact (2019 SI). Elam: M is xraydb's molar
mass of the element (its ``elements`` table; 72.63 g/mol for Ge, the IUPAC 2013 standard
atomic weight). Chantler: FFAST's own factor stored beside the table (``sigma_mu``:
120.539 barn per cm²/g for Ge, i.e. Chantler's atomic weight 72.59 g/mol); Chantler's f₂
column converted by the Henke formula reproduces it (the tests check both).

Interpolation and edges
-----------------------
Each table is a set of nodes (ln E, ln σ). Between nodes, ln σ is interpolated linearly in
ln E (Henke: as periodictable does for f₂; Chantler: as xraydb does), or with Elam's cubic
spline in ln E whose second derivatives are stored with the table (as xraydb's
``elam_spline``). The interpolant never crosses an absorption edge:

- Elam's tables repeat the energy of each edge, with the value below and the value above;
- Henke's tables put two points 0.1 eV below and above each sharp edge; the edge is placed at
  their midpoint and each side is continued to it along its own last (first) interval
  (a 0.1 eV continuation: < 10⁻⁴ relative). The pairs are recognised as two points 0.2 eV
  apart, much closer than the 1.6 % log mesh, within 1 % of one of xraydb's edge energies;
  Henke's Ge table has such pairs at L3 (1217.0 eV), L1 (1414.6 eV) and K (11103.1 eV), none
  at L2: Henke's L2 edge of Ge is smooth;
- Chantler's tables have no repeated energy: each edge is a steep but continuous rise on a
  dense local grid (Ge K: from 48.9 cm²/g at 11101.07 eV to 178.0 cm²/g at 11105.13 eV), so
  there is no jump to smear, and the value inside the rise is the table's own interpolant.

The libraries' own interpolators agree with these everywhere else, but not at those points:
periodictable's ``scattering_factors`` interpolates f₂ across Henke's 0.2 eV edge gaps, and
xraydb's ``elam_spline`` uses the nearest nodes strictly below and above the energy, so exactly
at an edge energy it interpolates across the edge, and exactly at a node it skips the node
(about 1 % off at Ge's 15 keV node); both are shown in tests/data/test_xray.py.

Exactly at a discontinuity σ has two values: ``side="above"`` (the default) returns the
limit from above, ``side="below"`` the limit from below; elsewhere ``side`` changes nothing.
Interpolation error, Ge on 1–30 keV more than 5 % in energy away from an edge: dropping a
node and interpolating it from its two neighbours (twice the spacing) misses by at most
0.4 % (Henke, at 1.49 keV; median 3 × 10⁻⁵) and 0.12 % (Chantler); at the tables' own
spacing, a quarter of that for a smooth curve. Elam's nodes are sparse (2, 3, 4, 5, 6, 8,
10, 11.1, 15, 20, 30 keV): its spline is part of the compilation, and its distance from the
other two (1–5 %, tests/data/test_xray.py) bounds more than the interpolation.

Energies outside a table's range, non-positive or non-finite energies, unknown elements,
tables, lines or sides raise ValueError naming the argument; nothing is extrapolated. Two
tables go backwards in energy at one place (Henke's Si at its K edge, 1838.8–1860 eV; Elam's
Cm near 4 keV): energies there are refused too.

>>> round(float(photoabsorption("Ge", 14.0)))
13507
>>> photoabsorption("Ge", [10.0, 20.0], table="elam").round(0)
array([4308., 4999.])
>>> edges("Ge")["K"], line("Ge", "Ka1")
(11.103, 9.886)
>>> k = discontinuities("Ge")[-1]  # Henke's K edge, midway between 11103.0 and 11103.2 eV
>>> k, round(photoabsorption("Ge", k, side="below") / photoabsorption("Ge", k), 4)
(11.1031, 0.1316)
>>> provenance("chantler").library
'xraydb'
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from importlib import metadata
from typing import Any, Literal, overload

import mpmath
import numpy as np
import numpy.typing as npt

from sumrules.data.constants import BARN_CM2, CLASSICAL_ELECTRON_RADIUS_CM, Constant
from sumrules.data.units import hbar_c_kev_cm

__all__ = [
    "AVOGADRO",
    "ELAM_RANGE_KEV",
    "HENKE_EDGE_GAP_EV",
    "LINE_FAMILIES",
    "SIDES",
    "TABLES",
    "Extremum",
    "FloatArray",
    "Provenance",
    "Side",
    "TableName",
    "discontinuities",
    "edges",
    "henke_factor_barn_kev",
    "line",
    "photoabsorption",
    "provenance",
    "sigma_t2_extrema",
    "symbol",
    "table_range",
    "tabulated_energies",
]

TableName = Literal["henke", "elam", "chantler"]
Side = Literal["above", "below"]
FloatArray = npt.NDArray[np.float64]

#: The compilations :func:`photoabsorption` reads.
TABLES: tuple[TableName, ...] = ("henke", "elam", "chantler")
#: Values of ``side``: the limit from above (default) or below at a discontinuity.
SIDES: tuple[Side, ...] = ("above", "below")
#: Line families that :func:`line` averages (xraydb's intensity-weighted mean).
LINE_FAMILIES: tuple[str, ...] = ("Ka", "Kb", "La", "Lb", "Lg")
#: The range in keV in which xraydb calls Elam's tables reliable (it clamps outside it).
ELAM_RANGE_KEV: tuple[float, float] = (0.1, 800.0)
#: Henke's tables bracket each sharp edge by points 0.1 eV below and above it.
HENKE_EDGE_GAP_EV = 0.2

AVOGADRO = Constant(
    "Avogadro constant N_A", Fraction("6.02214076e23"), "1/mol", "SI 2019 (exact)", None, "", ""
)

_LN_KEV_PER_EV = math.log(1e-3)


@dataclass(frozen=True)
class Provenance:
    """Where the numbers of one table come from.

    >>> p = provenance("henke")
    >>> p.library, p.table_name.startswith("Henke")
    ('periodictable', True)
    """

    table: TableName
    library: str
    library_version: str
    data_version: str
    table_name: str
    citation: str
    quantity: str
    conversion: str
    interpolation: str

    def line(self) -> str:
        """One line for a ledger or a terminal."""
        return (
            f"{self.table_name} [{self.citation}], read through {self.library} "
            f"{self.library_version} ({self.data_version})"
        )


@dataclass(frozen=True)
class Extremum:
    """An extremum of σ(T)·T² on an interval: where, how large, and from which side.

    ``side`` is None where σ is continuous at ``T_keV``; at a discontinuity it names the
    one-sided limit (the supremum just above an edge is the limit from ``"above"``).
    """

    T_keV: float
    sigma_t2: float
    side: Side | None


# ---------------------------------------------------------------------------------------------
# input checks
# ---------------------------------------------------------------------------------------------
def _check_table(table: object) -> TableName:
    if table not in TABLES:
        raise ValueError(f"table must be one of {', '.join(TABLES)}; got {table!r}")
    return table


def _check_side(side: object) -> Side:
    if side not in SIDES:
        raise ValueError(f"side must be 'above' or 'below', got {side!r}")
    return side


@functools.cache
def _symbols() -> dict[str, str]:
    from periodictable import elements

    return {el.symbol.lower(): el.symbol for el in elements if el.number > 0}


def symbol(element: object) -> str:
    """The element's symbol from a symbol (any case) or an atomic number; ValueError otherwise.

    >>> symbol("ge"), symbol(32), symbol("32")
    ('Ge', 'Ge', 'Ge')
    >>> symbol("Xx")
    Traceback (most recent call last):
    ...
    ValueError: element must be an element symbol or atomic number, got 'Xx'
    """
    from periodictable import elements

    if isinstance(element, bool):
        raise ValueError(f"element must be an element symbol or atomic number, got {element!r}")
    if isinstance(element, str) and element.strip().isdigit():  # "32" from a command line
        element = int(element.strip())
    if isinstance(element, int | np.integer):
        z = int(element)
        if 1 <= z <= 118:
            return str(elements[z].symbol)
    elif isinstance(element, str) and element.strip().lower() in _symbols():
        return _symbols()[element.strip().lower()]
    raise ValueError(f"element must be an element symbol or atomic number, got {element!r}")


def _energies(T_keV: object) -> tuple[FloatArray, bool]:
    """T_keV as a float array and whether it was a scalar; ValueError naming T_keV."""
    message = f"T_keV must be a real number or a sequence of them, got {T_keV!r}"
    try:
        raw = np.asarray(T_keV)
        if raw.dtype.kind not in "iufO":  # no bools, complex numbers, strings, dates
            raise ValueError(message)
        arr = raw.astype(np.float64)
    except (TypeError, ValueError):
        raise ValueError(message) from None
    if raw.dtype.kind == "O" and any(
        v is None or isinstance(v, bool | str | complex) for v in raw.flat
    ):
        raise ValueError(message)
    bad = ~np.isfinite(arr)
    if bad.any():
        raise ValueError(f"T_keV must be finite, got {float(arr[bad].flat[0])!r}")
    bad = arr <= 0
    if bad.any():
        raise ValueError(f"T_keV must be positive, got {float(arr[bad].flat[0])!r}")
    return arr, arr.ndim == 0


# ---------------------------------------------------------------------------------------------
# provenance
# ---------------------------------------------------------------------------------------------
def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:  # pragma: no cover - the packages are dependencies
        return "unknown"


@functools.cache
def _xraydb() -> Any:
    import xraydb

    return xraydb.get_xraydb()


@functools.cache
def _xraydb_data_version() -> str:
    rows = _xraydb().get_cache("Version")
    last = rows[-1]
    return f"xraydb.sqlite version {last.tag} of {str(last.date)[:10]}"


@functools.cache
def provenance(table: TableName) -> Provenance:
    """Library, versions, table and citation of one compilation (ValueError for another name).

    >>> provenance("elam").citation.startswith("W. T. Elam")
    True
    """
    t = _check_table(table)
    if t == "henke":
        return Provenance(
            table=t,
            library="periodictable",
            library_version=_version("periodictable"),
            data_version="periodictable/xsf/*.nff (CXRO files; Ge as published in 1993)",
            table_name="Henke, Gullikson & Davis atomic scattering factors f1, f2",
            citation=(
                "B. L. Henke, E. M. Gullikson, J. C. Davis, At. Data Nucl. Data Tables 54, "
                "181 (1993)"
            ),
            quantity="photoabsorption cross section per atom, sigma = 2 r_e lambda f2",
            conversion="sigma/barn = 2 r_e (2 pi hbar c) f2 / E = 69876.0 f2 / (E/keV)",
            interpolation="f2 log-log linear between nodes; edges bracketed at +-0.1 eV",
        )
    common = {
        "library": "xraydb",
        "library_version": _version("xraydb"),
        "data_version": _xraydb_data_version(),
    }
    if t == "elam":
        return Provenance(
            table=t,
            **common,
            table_name="Elam, Ravel & Sieber photoabsorption (photoelectric) cross sections",
            citation="W. T. Elam, B. D. Ravel, J. R. Sieber, Radiat. Phys. Chem. 63, 121 (2002)",
            quantity="photoelectric cross section only (no coherent/incoherent scattering)",
            conversion="barn/atom = (cm2/g) * M / N_A * 1e24, M = xraydb molar mass",
            interpolation="cubic spline in (ln E, ln sigma) with Elam's stored coefficients",
        )
    return Provenance(
        table=t,
        **common,
        table_name="Chantler FFAST photoelectric attenuation (mu_photo)",
        citation=(
            "C. T. Chantler, J. Phys. Chem. Ref. Data 24, 71 (1995); 29, 597 (2000) (NIST FFAST)"
        ),
        quantity="photoelectric cross section only (no coherent/incoherent scattering)",
        conversion="barn/atom = (cm2/g) * sigma_mu, FFAST's own factor (Ge: M = 72.59 g/mol)",
        interpolation="log-log linear between nodes (edges are tabulated as steep rises)",
    )


# ---------------------------------------------------------------------------------------------
# the interpolants
# ---------------------------------------------------------------------------------------------
@functools.cache
def henke_factor_barn_kev() -> float:
    """2 r_e (2π ħc) in barn keV: σ = factor · f₂ / E for E in keV.

    >>> round(henke_factor_barn_kev(), 1)
    69876.0
    """
    with mpmath.workdps(30):
        value = (
            2
            * CLASSICAL_ELECTRON_RADIUS_CM.mpf()
            * 2
            * mpmath.pi
            * hbar_c_kev_cm()
            / BARN_CM2.mpf()
        )
        return float(value)


@dataclass(frozen=True, eq=False)
class _Nodes:
    """E (keV) and x = ln E, y = ln σ (σ in barn) and, for Elam, the spline's second derivatives.

    Equal neighbouring energies mark a discontinuity: the first carries the value below, the
    second the value above. Intervals are found on E itself, so an energy given exactly as a
    node (e.g. from :func:`discontinuities`) hits it exactly.
    """

    e: FloatArray
    x: FloatArray
    y: FloatArray
    y2: FloatArray | None
    lo_keV: float
    hi_keV: float
    blocked: tuple[tuple[float, float], ...] = ()


def _make_nodes(
    e: FloatArray,
    y: FloatArray,
    y2: FloatArray | None,
    lo: float,
    hi: float,
    blocked: tuple[tuple[float, float], ...],
) -> _Nodes:
    return _Nodes(e, np.log(e), y, y2, lo, hi, blocked)


def _unscramble(e: FloatArray) -> tuple[npt.NDArray[np.bool_], tuple[tuple[float, float], ...]]:
    """Nodes to keep, and the energy intervals refused, where a table's energy goes backwards.

    Two tables do (periodictable's Henke Si at its K edge: 1838.8, 1839.0, 1838.9, 1860 eV;
    xraydb's Elam Cm near 4 keV): both points of the backward step are dropped and the
    interval between their neighbours is refused, not interpolated.
    """
    keep = np.ones(len(e), dtype=bool)
    blocked: list[tuple[float, float]] = []
    while True:
        idx = np.flatnonzero(keep)
        back = np.flatnonzero(np.diff(e[idx]) < 0)
        if not back.size:
            return keep, tuple(blocked)
        j = int(back[0])
        keep[idx[j]] = keep[idx[j + 1]] = False
        lo = e[idx[j - 1]] if j > 0 else e[idx[j + 1]]
        hi = e[idx[j + 2]] if j + 2 < len(idx) else e[idx[j]]
        blocked.append((float(lo), float(hi)))


def _henke_nodes(sym: str) -> _Nodes:
    from periodictable import elements

    tab = elements.symbol(sym).xray.sftable
    if tab is None:
        raise ValueError(f"element {sym} has no henke table")
    keep, blocked = _unscramble(np.asarray(tab[0], dtype=np.float64))
    e = np.asarray(tab[0], dtype=np.float64)[keep]  # keV
    f2 = np.asarray(tab[2], dtype=np.float64)[keep]
    if not (f2 > 0).all():  # pragma: no cover - no shipped table has f2 <= 0
        raise ValueError(f"element {sym}: the henke table has f2 <= 0")
    x = np.log(e)
    y = np.log(henke_factor_barn_kev() * f2 / e)
    gap_ev = np.diff(e) * 1e3
    mesh = float(np.median(np.diff(x)))
    known = np.array([v for v in edges(sym).values() if v > 0])
    pairs = []
    for k in np.flatnonzero((np.abs(gap_ev - HENKE_EDGE_GAP_EV) < 0.005) & (np.diff(x) < mesh / 2)):
        mid = 0.5 * (e[k] + e[k + 1])
        if known.size and np.min(np.abs(known - mid) / mid) < 0.01:
            pairs.append(int(k))
    es, ys = list(e), list(y)
    for i in reversed(pairs):  # insert from the end: indices before i stay valid
        em = round(0.5 * (e[i] + e[i + 1]), 9)  # 11103.0, 11103.2 eV -> 11.1031 keV exactly
        xm = math.log(em)
        below = y[i] + (y[i] - y[i - 1]) / (x[i] - x[i - 1]) * (xm - x[i]) if i > 0 else y[i]
        above = (
            y[i + 1] - (y[i + 2] - y[i + 1]) / (x[i + 2] - x[i + 1]) * (x[i + 1] - xm)
            if i + 2 < len(x)
            else y[i + 1]
        )
        es[i + 1 : i + 1] = [em, em]
        ys[i + 1 : i + 1] = [below, above]
    return _make_nodes(np.array(es), np.array(ys), None, float(e[0]), float(e[-1]), blocked)


def _elam_nodes(sym: str) -> _Nodes:
    import json

    rows = _xraydb().get_cache("photoabsorption", column="element", value=sym)
    if not rows:
        raise ValueError(f"element {sym} has no elam table")
    row = rows[0]
    e = np.exp(np.array(json.loads(row.log_energy), dtype=np.float64)) * 1e-3
    keep, blocked = _unscramble(e)
    mass = float(_xraydb().molar_mass(sym))
    per_atom = math.log(mass / float(AVOGADRO) / float(BARN_CM2))
    y = np.array(json.loads(row.log_photoabsorption), dtype=np.float64)[keep] + per_atom
    y2 = np.array(json.loads(row.log_photoabsorption_spline), dtype=np.float64)[keep]
    e = e[keep]
    lo = max(float(e[0]), ELAM_RANGE_KEV[0])
    hi = min(float(e[-1]), ELAM_RANGE_KEV[1])
    return _make_nodes(e, y, y2, lo, hi, blocked)


def _chantler_row(sym: str) -> Any:
    """xraydb's row of Chantler's table for ``sym`` (energy in eV, f2, mu_photo, sigma_mu)."""
    rows = _xraydb().get_cache("Chantler", column="element", value=sym)
    if not rows:
        raise ValueError(f"element {sym} has no chantler table")
    return rows[0]


def _chantler_nodes(sym: str) -> _Nodes:
    import json

    row = _chantler_row(sym)
    e = np.array(json.loads(row.energy), dtype=np.float64) * 1e-3
    mu = np.array(json.loads(row.mu_photo), dtype=np.float64)
    keep, blocked = _unscramble(e)
    e, mu = e[keep], mu[keep]
    start = int(np.flatnonzero(mu <= 0)[-1]) + 1 if (mu <= 0).any() else 0  # zero below threshold
    e, mu = e[start:], mu[start:]
    y = np.log(mu * float(row.sigma_mu))
    return _make_nodes(e, y, None, float(e[0]), float(e[-1]), blocked)


@functools.cache
def _nodes(sym: str, table: TableName) -> _Nodes:
    if table == "henke":
        return _henke_nodes(sym)
    if table == "elam":
        return _elam_nodes(sym)
    return _chantler_nodes(sym)


def _interval(n: _Nodes, t: FloatArray, side: Side) -> npt.NDArray[np.intp]:
    """Index i of the interval [E_i, E_i+1] (of positive length) that serves each energy t."""
    if side == "above":
        i = np.searchsorted(n.e, t, side="right") - 1
    else:
        i = np.searchsorted(n.e, t, side="left") - 1
    return np.clip(i, 0, len(n.e) - 2)


def _ln_sigma(n: _Nodes, t: FloatArray, side: Side) -> FloatArray:
    """ln σ at energies t (keV, inside the table's range) by the table's interpolant."""
    i = _interval(n, t, side)
    x = np.log(t)
    x0, x1 = n.x[i], n.x[i + 1]
    h = x1 - x0
    b = (x - x0) / h
    a = 1.0 - b
    out = a * n.y[i] + b * n.y[i + 1]
    if n.y2 is not None:
        out += (h * h / 6.0) * ((a * a - 1.0) * a * n.y2[i] + (b * b - 1.0) * b * n.y2[i + 1])
    return np.asarray(out, dtype=np.float64)


def _check_range(sym: str, table: str, n: _Nodes, t: FloatArray) -> None:
    out = (t < n.lo_keV) | (t > n.hi_keV)
    if out.any():
        raise ValueError(
            f"T_keV = {float(t[out].flat[0])!r} is outside the {table} table of {sym} "
            f"({n.lo_keV:g}–{n.hi_keV:g} keV); values are not extrapolated"
        )
    for lo, hi in n.blocked:
        bad = (t > lo) & (t < hi)
        if bad.any():
            raise ValueError(
                f"T_keV = {float(t[bad].flat[0])!r} falls where the {table} table of {sym} "
                f"goes backwards in energy ({lo:g}–{hi:g} keV); refused, not interpolated"
            )


@overload
def photoabsorption(
    element: object, T_keV: float, *, table: TableName = ..., side: Side = ...
) -> float: ...
@overload
def photoabsorption(
    element: object,
    T_keV: Sequence[float] | FloatArray,
    *,
    table: TableName = ...,
    side: Side = ...,
) -> FloatArray: ...
def photoabsorption(
    element: object,
    T_keV: float | Sequence[float] | FloatArray,
    *,
    table: TableName = "henke",
    side: Side = "above",
) -> float | FloatArray:
    """Photoabsorption (photoelectric) cross section per atom in barn at photon energy T (keV).

    A float for a number, an array of T's shape for a sequence or array. ``side`` picks the
    limit at an absorption edge (see the module docstring).

    >>> round(photoabsorption("Ge", 11.1031, table="henke", side="below"))
    3227
    >>> photoabsorption("Ge", 31.0)
    Traceback (most recent call last):
    ...
    ValueError: T_keV = 31.0 is outside the henke table of Ge (0.01–30 keV); values are not extrapolated
    """
    sym = symbol(element)
    tab = _check_table(table)
    sd = _check_side(side)
    t, scalar = _energies(T_keV)
    n = _nodes(sym, tab)
    _check_range(sym, tab, n, t)
    sigma = np.exp(_ln_sigma(n, t, sd))
    return float(sigma) if scalar else sigma


def table_range(element: object, table: TableName = "henke") -> tuple[float, float]:
    """The energies (keV) between which ``table`` gives σ for ``element``.

    >>> table_range("Ge", "elam")
    (0.1, 800.0)
    """
    n = _nodes(symbol(element), _check_table(table))
    return n.lo_keV, n.hi_keV


def discontinuities(element: object, table: TableName = "henke") -> tuple[float, ...]:
    """Energies (keV) at which ``table`` jumps (a repeated node with two different values).

    >>> [round(e, 4) for e in discontinuities("Ge") if e > 1]
    [1.217, 1.4146, 11.1031]
    >>> discontinuities("Ge", "chantler")
    ()
    """
    n = _nodes(symbol(element), _check_table(table))
    same = np.flatnonzero((np.diff(n.e) == 0) & (np.diff(n.y) != 0))
    return tuple(float(n.e[i]) for i in same)


def tabulated_energies(element: object, table: TableName = "henke") -> FloatArray:
    """The table's own energies (keV, ascending, each once) inside :func:`table_range`.

    >>> e = tabulated_energies("Ge", "elam")
    >>> [round(float(v), 3) for v in e[(e > 9) & (e < 21)]]
    [10.0, 11.103, 15.0, 20.0]
    """
    n = _nodes(symbol(element), _check_table(table))
    e = np.unique(n.e)
    return np.asarray(e[(e >= n.lo_keV) & (e <= n.hi_keV)], dtype=np.float64)


def _critical_points(n: _Nodes, a: float, b: float) -> FloatArray:
    """ln E of the stationary points of ln σ + 2 ln E in Elam's spline intervals, a < ln E < b."""
    if n.y2 is None:  # ln σ linear in each interval: σT² is monotone there
        return np.empty(0)
    h = np.diff(n.x)
    ok = h > 0
    i = np.flatnonzero(ok)
    h = h[ok]
    y2a, y2b = n.y2[i], n.y2[i + 1]
    qa = 0.5 * h * h * (y2b - y2a)
    qb = h * h * y2a
    qc = h * h / 6.0 * (-2.0 * y2a - y2b) + (n.y[i + 1] - n.y[i]) + 2.0 * h
    roots = []
    for k in range(len(i)):
        coeffs = [qa[k], qb[k], qc[k]] if abs(qa[k]) > 1e-300 else [qb[k], qc[k]]
        if all(abs(c) < 1e-300 for c in coeffs[:-1]):
            continue
        for r in np.roots(coeffs):
            if abs(r.imag) < 1e-12 and 0.0 < r.real < 1.0:
                roots.append(n.x[i[k]] + r.real * h[k])
    x = np.array(roots, dtype=np.float64)
    return x[(x > a) & (x < b)]


def sigma_t2_extrema(
    element: object, T_min: float, T_max: float, *, table: TableName = "henke"
) -> tuple[Extremum, Extremum]:
    """The minimum and maximum of σ(T)·T² (barn keV²) on [T_min, T_max], exact for the interpolant.

    Candidates: the ends, every node inside (both sides of each edge) and, for Elam's spline,
    the stationary points of each cubic (roots of a quadratic); where ln σ is linear in ln E,
    σT² is monotone between nodes. A supremum just above an edge is reported as the limit
    from above (``side="above"``).

    >>> low, high = sigma_t2_extrema("Ge", 1.0, 30.0)
    >>> round(high.T_keV, 4), high.side, round(high.sigma_t2 / 1e6, 3)
    (11.1031, 'above', 3.024)
    """
    sym = symbol(element)
    tab = _check_table(table)
    lo_hi, _ = _energies([T_min, T_max])
    if not lo_hi[0] < lo_hi[1]:
        raise ValueError(f"T_min must be below T_max, got {T_min!r} and {T_max!r}")
    n = _nodes(sym, tab)
    _check_range(sym, tab, n, lo_hi)
    for lo, hi in n.blocked:
        if lo < lo_hi[1] and hi > lo_hi[0]:
            raise ValueError(
                f"T_min, T_max = {T_min!r}, {T_max!r} keV include {lo:g}–{hi:g} keV, where the "
                f"{tab} table of {sym} goes backwards in energy"
            )
    inside = np.flatnonzero((n.e > lo_hi[0]) & (n.e < lo_hi[1]))
    ts = [float(lo_hi[0]), float(lo_hi[1]), *n.e[inside]]
    ys = [
        float(_ln_sigma(n, lo_hi[:1], "above")[0]),
        float(_ln_sigma(n, lo_hi[1:], "below")[0]),
        *n.y[inside],
    ]
    sides: list[Side | None] = [None, None]
    for k in inside:
        if k + 1 < len(n.e) and n.e[k + 1] == n.e[k]:
            sides.append("below")
        elif k > 0 and n.e[k - 1] == n.e[k]:
            sides.append("above")
        else:
            sides.append(None)
    crit = np.exp(_critical_points(n, *np.log(lo_hi)))
    ts += list(crit)
    ys += list(_ln_sigma(n, crit, "above"))
    sides += [None] * len(crit)
    g = np.array(ys) + 2.0 * np.log(np.array(ts))
    lo_k, hi_k = int(np.argmin(g)), int(np.argmax(g))
    return (
        Extremum(float(ts[lo_k]), float(np.exp(g[lo_k])), sides[lo_k]),
        Extremum(float(ts[hi_k]), float(np.exp(g[hi_k])), sides[hi_k]),
    )


# ---------------------------------------------------------------------------------------------
# edges and lines (xraydb: Elam, Ravel & Sieber)
# ---------------------------------------------------------------------------------------------
def _kev(ev: float) -> float:
    """eV -> keV, rounded to 1e-9 keV (far below the data's digits) so 1414.6 eV prints 1.4146."""
    return round(float(ev) / 1e3, 9)


@functools.cache
def _edges(sym: str) -> dict[str, float]:
    import xraydb

    return {str(k): _kev(v.energy) for k, v in xraydb.xray_edges(sym).items()}


def edges(element: object) -> dict[str, float]:
    """Absorption-edge (binding) energies in keV by IUPAC name, as xraydb (Elam) lists them.

    >>> {k: v for k, v in edges("Ge").items() if k in ("K", "L1", "L2", "L3")}
    {'K': 11.103, 'L1': 1.4146, 'L2': 1.2481, 'L3': 1.217}
    """
    return dict(_edges(symbol(element)))


def line(element: object, name: str) -> float:
    """Emission-line energy in keV (xraydb, Elam): a Siegbahn name such as "Ka1", "Kb1", "La1".

    A family name ("Ka", "Kb", "La", "Lb", "Lg") gives xraydb's intensity-weighted mean of
    the family's lines: "Ka" averages Ka1, Ka2 and Ka3 with their relative intensities.

    >>> line("Ge", "Ka2"), round(line("Ge", "Ka"), 4)
    (9.8549, 9.8754)
    """
    import xraydb

    sym = symbol(element)
    lines = xraydb.xray_lines(sym)
    if not isinstance(name, str):
        raise ValueError(f"name must be a line name such as 'Ka1', got {name!r}")
    key = name.strip().lower()
    family = {f.lower(): f for f in LINE_FAMILIES}
    if key in family and any(k.lower().startswith(key) for k in lines):
        return _kev(xraydb.xray_line(sym, family[key]).energy)
    for k, v in lines.items():
        if k.lower() == key:
            return _kev(v.energy)
    known = ", ".join(sorted(lines))
    raise ValueError(
        f"name must be one of {known} (or a family: Ka, Kb, ...) for {sym}, got {name!r}"
    )
