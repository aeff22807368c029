"""The inclusive ratios of the germanium shell model as curves in T, against the stepping
approximation and the Thomas–Fermi count.

Per electron of the whole atom, r(T) = Σ_s N_s r_s(T)/32 (:mod:`sumrules.models.shells`); the
stepping approximation says r(T) = n(T)/32, n(T) the electrons with binding below T. Their
ratio, the shell sum **per open electron**, ρ(T) = Σ_s N_s r_s(T)/n(T), is 1 if the stepping
approximation is exact; ρ − 1 is the atomic effect the free-electron formulas leave out once
the closed shells are not counted.

>>> grid = energy_grid(points=20)
>>> len(grid) > 20, grid[0], grid[-1]
(True, 0.1, 30.0)
>>> rows = inclusive_curve(germanium(), [2.0, 10.0])
>>> [r.stepping for r in rows]
[30, 30]
>>> print(mpmath.nstr(per_open_electron(rows[0])[0], 6))
0.99706
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import mpmath

from sumrules.core.numeric import precision
from sumrules.data.xray import edges
from sumrules.models.shells import T_MAX_KEV, ShellAtom, ShellRatios, edge_count, germanium
from sumrules.models.thomas_fermi import thomas_fermi

__all__ = [
    "EDGE_OFFSET",
    "EXPERIMENT_T_KEV",
    "TABLE_T_KEV",
    "EdgeStep",
    "StepComparison",
    "all_free_ratio",
    "atom_ratio",
    "closed_form_atom_ratio",
    "edge_steps",
    "energy_grid",
    "inclusive_curve",
    "kalpha_count",
    "largest_deviation",
    "live_atom_ratio",
    "open_electron_ratio",
    "per_open_electron",
    "quadrature_atom_ratio",
    "step_comparison",
    "thomas_fermi_count",
]

#: the energies of the report table (keV)
TABLE_T_KEV: tuple[float, ...] = (0.1, 0.5, 1.0, 1.3, 1.5, 2.0, 5.0, 10.0, 11.2, 15.0, 30.0)
#: thresholds of the reactor experiments the paper names (TEXONO, GEMMA): a few keV
EXPERIMENT_T_KEV: tuple[str, ...] = ("1", "2", "5", "10")
#: relative offset of the grid points just below and above each edge and threshold
EDGE_OFFSET = 1e-6


def energy_grid(
    points: object = 200,
    T_min: float = 0.1,
    T_max: float = 30.0,
    models: Sequence[str] = ("binding",),
) -> list[float]:
    """``points`` log-spaced energies (keV) plus a point a relative 10⁻⁶ below and above every
    xraydb edge of Ge and every subshell threshold of ``models`` inside [T_min, T_max].

    >>> g = energy_grid(points=5)
    >>> [round(t, 6) for t in g if 1.2 < t < 1.25]
    [1.216999, 1.217001, 1.227365, 1.227368, 1.248099, 1.248101]
    """
    if isinstance(points, bool) or not isinstance(points, int) or points < 2:
        raise ValueError(f"points must be an integer >= 2, got {points!r}")
    if not (0 < T_min < T_max <= T_MAX_KEV):
        raise ValueError(f"T_min, T_max must satisfy 0 < T_min < T_max <= {T_MAX_KEV:g}")
    marks = [float(e) for e in edges("Ge").values()]
    for m in models:
        marks += [float(s.threshold_keV) for s in germanium(m).shells]
    ratio = (T_max / T_min) ** (1 / (points - 1))
    grid = {T_min * ratio**j for j in range(points - 1)} | {T_min, T_max}
    for e in marks:
        grid.update(e * (1 + s * EDGE_OFFSET) for s in (-1, 1))
    return sorted(t for t in grid if T_min <= t <= T_max)


def inclusive_curve(
    atom: ShellAtom,
    grid: Sequence[float],
    *,
    dps: int = 15,
    progress: Callable[[int], None] | None = None,
) -> list[ShellRatios]:
    """:meth:`ShellAtom.shell_ratios` at every energy of ``grid`` (``progress(i)`` after each)."""
    rows = []
    for i, t in enumerate(grid):
        rows.append(atom.shell_ratios(t, dps=dps))
        if progress is not None:
            progress(i)
    return rows


def per_open_electron(row: ShellRatios) -> tuple[mpmath.mpf, mpmath.mpf]:
    """(ρ_nmm, ρ_ew) = 32 r/n(T): the shell sum per open electron (1: stepping exact).
    Uses the model's own count of open electrons (= the stepping count for "binding")."""
    if row.open_count == 0:
        raise ValueError(f"no open subshell at T = {row.T_keV} keV")
    z = 32
    with precision(mpmath.mp.dps + 5):
        return row.r_nmm * z / row.open_count, row.r_ew * z / row.open_count


@dataclass(frozen=True)
class EdgeStep:
    """Just above one subshell threshold: ρ − 1 of the atom and the subshell's own r − 1."""

    shell: str
    T_keV: float
    atom_nmm: float
    atom_ew: float
    shell_nmm: float
    shell_ew: float


def edge_steps(atom: ShellAtom, *, dps: int = 15) -> list[EdgeStep]:
    """ρ − 1 a relative 10⁻⁶ above every subshell threshold inside the validity range."""
    out = []
    for s in atom.shells:
        t = float(s.threshold_keV) * (1 + EDGE_OFFSET)
        if not 0.05 <= t <= T_MAX_KEV:
            continue
        row = atom.shell_ratios(t, dps=dps)
        a, b = per_open_electron(row)
        _, sa, sb = next(x for x in row.shells if x[0] == s.name)
        out.append(EdgeStep(s.name, t, float(a - 1), float(b - 1), float(sa - 1), float(sb - 1)))
    return out


def largest_deviation(
    rows: Sequence[ShellRatios], T_from: float = 1.0
) -> tuple[float, float, float, float]:
    """(T_nmm, ρ_nmm − 1, T_ew, ρ_ew − 1) where |ρ − 1| is largest on T ≥ ``T_from``."""
    best = [(0.0, 0.0), (0.0, 0.0)]
    for row in rows:
        if row.T_keV < T_from or row.open_count == 0:
            continue
        for k, v in enumerate(per_open_electron(row)):
            d = float(v - 1)
            if abs(d) > abs(best[k][1]):
                best[k] = (row.T_keV, d)
    return best[0][0], best[0][1], best[1][0], best[1][1]


@dataclass(frozen=True)
class StepComparison:
    """At one T: the edge count (j-resolved), the shell model's stepping count, the Thomas–Fermi
    count N(T), and 32 r of each model (the shell sum in electrons)."""

    T_keV: float
    edges: float
    stepping: int
    thomas_fermi: float
    shell_nmm: float
    shell_ew: float
    slater_nmm: float
    slater_open: int


def step_comparison(T_values: Sequence[float] = TABLE_T_KEV) -> list[StepComparison]:
    """The four counts at each T (keV).

    >>> c = step_comparison([2.0])[0]
    >>> c.edges, c.stepping, round(c.thomas_fermi, 2)
    (30.0, 30, 28.5)
    """
    tf = thomas_fermi(32)
    b, s = germanium("binding"), germanium("slater")
    out = []
    for t in T_values:
        rb, rs = b.shell_ratios(t), s.shell_ratios(t)
        out.append(
            StepComparison(
                float(t),
                float(edge_count(t)),
                rb.stepping,
                tf.count_below(t),
                float(32 * rb.r_nmm),
                float(32 * rb.r_ew),
                float(32 * rs.r_nmm),
                rs.open_count,
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# what the claims evaluate (cases are energies in keV as text)


def atom_ratio(model: str, which: int, T: str, dps: int) -> mpmath.mpf:
    """r_nmm (``which`` = 0) or r_ew (1) of the whole atom at T keV (interpolants).

    >>> print(mpmath.nstr(atom_ratio("binding", 0, "1", 15), 6))
    0.687246
    """
    return germanium(model).sum_rule_ratios(float(T), dps=min(dps, 30))[which]


def closed_form_atom_ratio(model: str, which: int, T: str, dps: int) -> mpmath.mpf:
    """The same sum with every subshell by its closed form r(κ)
    (:func:`~sumrules.models.hydrogenic.closed_form_ratios.exact_sum_rule_ratios`, derived from
    the exact S, no Coulomb-wave quadrature, no interpolant; 4s, 4p included since their closed
    forms exist). A state without a closed form would fall back to its interpolant.

    >>> a = closed_form_atom_ratio("binding", 0, "2", 15)
    >>> abs(a - atom_ratio("binding", 0, "2", 15)) < 1e-15
    True
    """
    from sumrules.models.hydrogenic.closed_form_ratios import RATIO_FORMS, exact_sum_rule_ratios

    atom = germanium(model)
    work = min(dps, 30) + 10
    with precision(work):
        t = mpmath.mpf(T)
        total = mpmath.mpf(0)
        for s in atom.shells:
            if s.threshold_keV >= t:
                continue
            x = t / s.threshold_keV
            if (s.n, s.l) in RATIO_FORMS:
                r = exact_sum_rule_ratios(s.n, s.l, x / (2 * s.n**2), dps=work)[which]
            else:
                r = curve_ratio(s.n, s.l, x, work)[which]
            total += s.occupancy * r
        return total / atom.electrons


def curve_ratio(n: int, l: int, x: mpmath.mpf, dps: int) -> tuple[mpmath.mpf, mpmath.mpf]:
    """(r_nmm, r_ew) of the state (n, l) at T/I = x from its shipped interpolant."""
    from sumrules.models.hydrogenic.ratio_curves import curve

    return curve(n, l).ratios(x, dps=dps)


def all_free_ratio(model: str, which: int, T: str, dps: int) -> mpmath.mpf:
    """A wrong reading (a negative control): every electron free — the subshells still closed
    at T counted with r = 1 (Eqs. (12), (15) "per electron" of the whole atom, taken literally).

    >>> print(mpmath.nstr(all_free_ratio("binding", 0, "2", 15), 6))
    0.997244
    """
    atom = germanium(model)
    closed = atom.electrons - atom.open_count(float(T))
    with precision(min(dps, 30) + 10):
        r = atom_ratio(model, which, T, dps)
        return r + mpmath.mpf(closed) / atom.electrons


def quadrature_atom_ratio(model: str, which: int, T: str, dps: int) -> mpmath.mpf:
    """The same sum with every subshell by tanh–sinh quadrature in q of its closed-form S
    (:func:`~sumrules.models.hydrogenic.closed_form_ratios.sum_rule_ratios_closed`): no r(κ), no
    interpolant; the integration is numerical, independent of the closed forms r(κ) of
    :func:`closed_form_atom_ratio` (cached: both weights come from one quadrature).

    >>> a = quadrature_atom_ratio("binding", 1, "2", 15)
    >>> abs(a - closed_form_atom_ratio("binding", 1, "2", 15)) < 1e-15
    True
    """
    return _quadrature(model, T, min(dps, 30))[which]


@functools.lru_cache(maxsize=16)
def _quadrature(model: str, T: str, dps: int) -> tuple[mpmath.mpf, mpmath.mpf]:
    from sumrules.models.hydrogenic.closed_form_ratios import sum_rule_ratios_closed

    with precision(dps + 10):
        return _sum_open(
            germanium(model),
            mpmath.mpf(T),
            lambda n, l, x: sum_rule_ratios_closed(n, l, x / (2 * n**2), dps=dps),
        )


def _sum_open(
    atom: ShellAtom, t: mpmath.mpf, ratios: Callable[[int, int, mpmath.mpf], tuple[Any, Any]]
) -> tuple[mpmath.mpf, mpmath.mpf]:
    """(r_nmm, r_ew) of the atom: Σ occupancy × ratios(n, l, T/threshold) over the subshells open
    at t (keV), per electron, at the caller's precision."""
    tot = [mpmath.mpf(0), mpmath.mpf(0)]
    for s in atom.shells:
        if s.threshold_keV < t:
            a, b = ratios(s.n, s.l, t / s.threshold_keV)
            tot[0] += s.occupancy * a
            tot[1] += s.occupancy * b
    return tot[0] / atom.electrons, tot[1] / atom.electrons


def live_atom_ratio(model: str, which: int, T: str, dps: int) -> mpmath.mpf:
    """The same by the Coulomb-wave quadrature per open subshell (seconds; cached)."""
    return _live(model, T)[which]


@functools.lru_cache(maxsize=16)
def _live(model: str, T: str) -> tuple[mpmath.mpf, mpmath.mpf]:
    from sumrules.models.hydrogenic.ratio_curves import live_ratios, node_dps

    t = mpmath.mpf(T)
    with precision(40):
        return _sum_open(germanium(model), t, lambda n, l, x: live_ratios(n, l, x, node_dps(x)))


def open_electron_ratio(
    model: str,
    which: int,
    T: str,
    dps: int,
    *,
    live: bool = False,
    closed_form: bool = False,
    quadrature: bool = False,
    count: int | None = None,
) -> mpmath.mpf:
    """ρ = 32 r/n(T) at T keV, n(T) the model's open electrons (or ``count``: a wrong count is
    a negative control); r by the interpolants, the live quadrature (``live``), the closed
    forms (``closed_form``, :func:`closed_form_atom_ratio`) or the q-quadrature of the closed-form
    S (``quadrature``, :func:`quadrature_atom_ratio`).

    >>> print(mpmath.nstr(open_electron_ratio("binding", 0, "1", 15), 6))
    0.999631
    """
    atom = germanium(model)
    route = atom_ratio
    if live:
        route = live_atom_ratio
    elif closed_form:
        route = closed_form_atom_ratio
    elif quadrature:
        route = quadrature_atom_ratio
    r = route(model, which, T, dps)
    n = atom.open_count(float(T)) if count is None else count
    with precision(max(dps, 30) + 5):
        return r * atom.electrons / n


def kalpha_count(T: str) -> int:
    """A wrong stepping count (a negative control): the K shell opened at the Kα line
    (9.886 keV) instead of the K edge (11.103 keV).

    >>> kalpha_count("10")
    32
    """
    from sumrules.data.xray import line

    t = float(T)
    count = germanium().stepping_count(t)
    if line("Ge", "Ka1") < t < float(germanium().shells[0].binding_keV):
        count += 2
    return count


def thomas_fermi_count(T: str) -> float:
    """N(T) of the Thomas–Fermi atom (Z = 32) at T keV.

    >>> round(thomas_fermi_count("10"), 3)
    31.3
    """
    return thomas_fermi(32).count_below(float(T))
