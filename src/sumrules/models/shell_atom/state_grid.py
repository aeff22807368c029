"""Sum-rule ratios of hydrogen-like states on a grid of T/I, computed once and shipped.

r_nmm and r_ew of a hydrogen-like state (n, l) depend on T/I alone (I = Z²/2n², any Z). An
independent-electron shell atom needs them for every subshell at every energy transfer, and a
single value costs 5–15 s (:meth:`sumrules.models.Hydrogenic.sum_rule_ratios` at 20 digits), so
the ratios of the eleven states 1s … 5p are computed on :data:`GRID_T_OVER_I` by
:func:`compute_grid` (``python tools/state_ratio_grid.py``, about half an hour on one core)
and stored in ``state_ratio_grid.json`` beside this module; :func:`load_grid` reads them and
:func:`ratio` interpolates.

* n ≤ 4: :meth:`Hydrogenic.sum_rule_ratios` (1s: the closed-form quadrature; others: the
  Coulomb-wave q-integral), at ``dps`` digits.
* n = 5 (xenon's 5s and 5p): the same Coulomb-wave q-integral
  (:func:`sumrules.models.hydrogenic.coulomb_waves.ratio_quadrature`) with the guard digits and
  Gauss nodes that :class:`Hydrogenic` uses; :class:`Hydrogenic` itself stops at n = 4. The
  values are checked by the stored agreement of ``dps`` and ``dps + 10`` digits at three T/I
  (``checks`` in the file) and by the large-T law r − 1 ∝ (I/T)^{5/2+l} (tests).

Interpolation: piecewise cubic Hermite with Fritsch–Carlson slopes (monotone, no overshoot) in
x = ln(T/I − 1) on each ratio. Above the last node (T/I = 10³) the large-T law
1 − r = c (I/T)^{5/2+l} continues the last value; below the first node (T/I = 1.001) the first
value is kept (r is continuous at threshold). The interpolation error, measured by leaving each
interior node out and predicting it from the others (:func:`leave_one_out`), is below 2 × 10⁻³
everywhere and below 10⁻⁴ above T/I = 2 (tests/models/shell_atom/test_state_grid.py).

>>> grid = load_grid()
>>> sorted(grid.states)[:3]
['1s', '2p', '2s']
>>> r_nmm, r_ew = ratio("1s", 2.0)
>>> round(r_nmm, 6), r_nmm == r_ew
(0.987439, True)
"""

from __future__ import annotations

import functools
import json
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import mpmath
import numpy as np
import numpy.typing as npt

from sumrules.core.numeric import precision, validate_dps
from sumrules.models.hydrogenic import coulomb_waves
from sumrules.models.hydrogenic.atom import Hydrogenic
from sumrules.models.hydrogenic.states import MAX_N, SPECTROSCOPIC

__all__ = [
    "GRID_FILE",
    "GRID_STATES",
    "GRID_T_OVER_I",
    "StateGrid",
    "compute_grid",
    "compute_ratio",
    "grid_document",
    "hermite",
    "leave_one_out",
    "load_grid",
    "ratio",
]

FloatArray = npt.NDArray[np.float64]

#: the file beside this module
GRID_FILE = "state_ratio_grid.json"
#: every subshell of argon, germanium and xenon
GRID_STATES: tuple[tuple[int, int], ...] = (
    (1, 0),
    (2, 0),
    (2, 1),
    (3, 0),
    (3, 1),
    (3, 2),
    (4, 0),
    (4, 1),
    (4, 2),
    (5, 0),
    (5, 1),
)
#: T/I of the grid (text: exact inputs)
GRID_T_OVER_I: tuple[str, ...] = (
    "1.001",
    "1.003",
    "1.01",
    "1.03",
    "1.1",
    "1.3",
    "1.6",
    "2",
    "3",
    "5",
    "10",
    "30",
    "100",
    "300",
    "1000",
)


def _label(n: int, l: int) -> str:
    return f"{n}{SPECTROSCOPIC[l]}"


def compute_ratio(n: int, l: int, t_over_i: str, dps: int = 20) -> tuple[float, float]:
    """(r_nmm, r_ew) of the state (n, l) at T/I (Z = 1), as floats, computed now.

    >>> r = compute_ratio(1, 0, "2", dps=15)
    >>> round(r[0], 8)
    0.98743935
    """
    validate_dps(dps)
    if n <= MAX_N:
        atom = Hydrogenic(n, l)
        r_nmm, r_ew = atom.sum_rule_ratios(atom.energy_at(t_over_i, dps=dps), dps=dps)
        return float(r_nmm), float(r_ew)
    with precision(dps + coulomb_waves.GUARD):
        t = mpmath.mpf(t_over_i) / (2 * n * n)
        r = coulomb_waves.ratio_quadrature(n, l, t, coulomb_waves.nodes_for(dps), check=False)
        return float(r.r_nmm), float(r.r_ew)


@dataclass(frozen=True)
class StateGrid:
    """The stored grid: T/I nodes, and per state label the arrays r_nmm, r_ew."""

    T_over_I: FloatArray
    r_nmm: dict[str, FloatArray]
    r_ew: dict[str, FloatArray]
    dps: int
    checks: dict[str, list[float]]

    @property
    def states(self) -> tuple[str, ...]:
        return tuple(self.r_nmm)


def compute_grid(
    states: Sequence[tuple[int, int]] = GRID_STATES,
    T_over_I: Sequence[str] = GRID_T_OVER_I,
    *,
    dps: int = 20,
    check_at: Sequence[str] = ("1.01", "10", "1000"),
    log: bool = False,
) -> dict[str, object]:
    """Compute the grid (and, at ``check_at``, the same ratios at dps + 10 digits): the JSON
    document that :func:`load_grid` reads."""
    validate_dps(dps)
    doc: dict[str, object] = {
        "what": "sum-rule ratios r_nmm, r_ew of hydrogen-like states against T/I (Z = 1)",
        "computed_by": "sumrules.models.shell_atom.state_grid.compute_grid",
        "dps": dps,
        "T_over_I": list(T_over_I),
        "states": {},
        "checks": {},
    }
    for n, l in states:
        label = _label(n, l)
        rows, checks = [], []
        for x in T_over_I:
            start = time.perf_counter()
            rows.append(compute_ratio(n, l, x, dps))
            if log:
                print(f"{label} T/I = {x}: {rows[-1]} ({time.perf_counter() - start:.1f} s)")
            if x in check_at:
                again = compute_ratio(n, l, x, dps + 10)
                checks.append(max(abs(a - b) for a, b in zip(rows[-1], again, strict=True)))
        doc["states"][label] = {  # type: ignore[index]
            "r_nmm": [a for a, _ in rows],
            "r_ew": [b for _, b in rows],
        }
        doc["checks"][label] = checks  # type: ignore[index]
    return doc


def grid_document(doc: dict[str, object]) -> str:
    """The JSON text of a grid document (stable: sorted keys, 17 significant digits)."""
    return json.dumps(doc, indent=1, sort_keys=True) + "\n"


@functools.cache
def load_grid() -> StateGrid:
    """The shipped grid (``state_ratio_grid.json`` beside this module)."""
    text = resources.files("sumrules.models.shell_atom").joinpath(GRID_FILE).read_text()
    doc = json.loads(text)
    xs = np.array([float(x) for x in doc["T_over_I"]])
    r_nmm = {k: np.array(v["r_nmm"], dtype=np.float64) for k, v in doc["states"].items()}
    r_ew = {k: np.array(v["r_ew"], dtype=np.float64) for k, v in doc["states"].items()}
    return StateGrid(xs, r_nmm, r_ew, int(doc["dps"]), dict(doc["checks"]))


def _slopes(x: FloatArray, y: FloatArray) -> FloatArray:
    """Fritsch–Carlson slopes: monotone piecewise cubic Hermite interpolation."""
    h = np.diff(x)
    d = np.diff(y) / h
    m = np.empty_like(y)
    m[0], m[-1] = d[0], d[-1]
    for i in range(1, len(y) - 1):
        if d[i - 1] * d[i] <= 0:
            m[i] = 0.0
        else:
            w1, w2 = 2 * h[i] + h[i - 1], h[i] + 2 * h[i - 1]
            m[i] = (w1 + w2) / (w1 / d[i - 1] + w2 / d[i])
    return m


def hermite(x: FloatArray, y: FloatArray, at: FloatArray) -> FloatArray:
    """Monotone piecewise cubic Hermite interpolant of (x, y) at ``at`` (inside [x0, x_last]).

    >>> x = np.array([0.0, 1.0, 2.0, 3.0]); y = x**2
    >>> float(hermite(x, y, np.array([1.0]))[0])
    1.0
    """
    m = _slopes(x, y)
    i = np.clip(np.searchsorted(x, at, side="right") - 1, 0, len(x) - 2)
    h = x[i + 1] - x[i]
    t = (at - x[i]) / h
    h00 = (1 + 2 * t) * (1 - t) ** 2
    h10 = t * (1 - t) ** 2
    h01 = t * t * (3 - 2 * t)
    h11 = t * t * (t - 1)
    out = h00 * y[i] + h10 * h * m[i] + h01 * y[i + 1] + h11 * h * m[i + 1]
    return np.asarray(out, dtype=np.float64)


def _one(grid: StateGrid, values: FloatArray, l: int, x: float) -> float:
    xs = np.log(grid.T_over_I - 1.0)
    if x <= grid.T_over_I[0]:
        return float(values[0])
    if x >= grid.T_over_I[-1]:
        p = 2.5 + l
        return float(1.0 - (1.0 - values[-1]) * (grid.T_over_I[-1] / x) ** p)
    return float(hermite(xs, values, np.array([math.log(x - 1.0)]))[0])


def ratio(state: str, t_over_i: float) -> tuple[float, float]:
    """(r_nmm, r_ew) of the hydrogen-like state ``state`` ("1s" … "5p") at T/I > 1.

    >>> round(ratio("2p", 1e5)[1], 9)
    1.0
    """
    grid = load_grid()
    if state not in grid.r_nmm:
        raise ValueError(f"state must be one of {', '.join(grid.states)}, got {state!r}")
    if not (isinstance(t_over_i, int | float) and math.isfinite(t_over_i) and t_over_i > 1):
        raise ValueError(f"T/I must be a finite number above 1, got {t_over_i!r}")
    l = SPECTROSCOPIC.index(state[-1])
    return (
        _one(grid, grid.r_nmm[state], l, float(t_over_i)),
        _one(grid, grid.r_ew[state], l, float(t_over_i)),
    )


def leave_one_out(state: str) -> tuple[FloatArray, FloatArray]:
    """|prediction − value| at each interior node, predicted without it (r_nmm, r_ew).

    >>> e_nmm, e_ew = leave_one_out("1s")
    >>> bool(e_nmm.max() < 2e-3)
    True
    """
    grid = load_grid()
    xs = np.log(grid.T_over_I - 1.0)
    out = []
    for values in (grid.r_nmm[state], grid.r_ew[state]):
        errs = []
        for i in range(1, len(xs) - 1):
            keep = np.arange(len(xs)) != i
            pred = hermite(xs[keep], values[keep], xs[i : i + 1])[0]
            errs.append(abs(pred - values[i]))
        out.append(np.array(errs))
    return out[0], out[1]
