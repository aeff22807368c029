"""Proof of the multipole cut by the package's own partial waves, at a few points.

The Hartree–Fock tables keep the multipoles L ≤ 6 of e^{iq·r}. The partial-wave route of a
hydrogen-like state (:func:`sumrules.models.hydrogenic.partial_waves.partial_wave_density`)
sums S_nl(T, q) = Σ_{l′, L} A(l, l′, L) I_{l′L}(q)²; with the angular factor set to 0 for
L > 6 (:func:`cut_factor`) it gives the cut structure function exactly (the sum is then finite:
l′ ≤ l + 6). The uncut S comes from the three-dimensional Coulomb wave
(:func:`sumrules.models.hydrogenic.coulomb_waves.continuum_density`), which the package checks
against the uncut partial waves (tests/models/hydrogenic).

Each point lies on the Bethe ridge q = k of a hydrogen-like state with the radius of an argon
or xenon subshell (Slater's charge; for Xe 4d with Slater's n* = 3.7, Z n/n*, a little more
compact than the shell model's integer n) and compares the share S_cut/S there
with the closure value B(q) (:mod:`.closure`, the share of the f-sum over all T). The shell
model of :mod:`sumrules.models.rhf_tables` takes B at the ridge for the share of the whole
Compton peak: the stored points measure that approximation. Where qr ≲ 6 (Ar 2p at 3 keV, Xe
3d at 9 keV, Ar 3p at 0.1 keV) S_cut/S and B agree to 2–6%; where qr ≫ 6 (Ar 3s, 3p at 1 keV;
Xe 4d at 3 keV) both are small (≤ 0.2) and S_cut/S is 2–5 times smaller than B: the high
multipoles carry the centre of the ridge, the low ones its wings.

The ratios themselves (:data:`RATIOS`, :func:`compute_ratio`): r_cut/r integrated over q at
fixed T by one 16-node Gauss–Legendre rule in ln q on [k/6, 4k] (the uncut r it gives agrees
with the ratio curves to 1%). Ar 2p at T − I = 3 keV keeps 0.83 (r_nmm), 0.81 (r_ew) against
B = 0.86 on the ridge; Ar 3p at T − I = 0.1 keV keeps 0.76, 0.73 against B = 0.91: B on the
ridge overstates the kept share by 4–20%, an error of the cut model stated with its results.

A point costs 20 s – 3 min, a ratio 8–10 min (mpmath Coulomb functions at dps = 10): all are
computed by ``python tools/multipole_points.py`` and stored in ``multipole_points.json``.

>>> pts = load_points()
>>> len(pts) == len(POINTS)
True
>>> p = pts[3]
>>> p.label, round(p.share, 3), round(p.closure, 3)
('Ar 2p, T - I = 3 keV', 0.843, 0.861)
"""

from __future__ import annotations

import functools
import json
import math
import time
from dataclasses import asdict, dataclass
from importlib import resources

import mpmath
import numpy as np

from sumrules.core.numeric import validate_int
from sumrules.data.ionisation import HARTREE_KEV
from sumrules.models.hydrogenic.coulomb_waves import continuum_density
from sumrules.models.hydrogenic.partial_waves import angular_factor, partial_wave_density
from sumrules.models.multipole_cut.closure import bethe_fraction

__all__ = [
    "POINTS",
    "POINTS_FILE",
    "RATIOS",
    "CutPoint",
    "CutRatio",
    "compute_point",
    "compute_ratio",
    "cut_factor",
    "densities",
    "load_points",
    "load_ratios",
    "points_document",
]

#: the file beside this module
POINTS_FILE = "multipole_points.json"

#: (label, n, l, Z (Slater radius charge), T − I in keV): each on its ridge q = k
POINTS: tuple[tuple[str, int, int, float, float], ...] = (
    ("Ar 3p, T - I = 0.1 keV", 3, 1, 6.75, 0.1),
    ("Ar 3p, T - I = 1 keV", 3, 1, 6.75, 1.0),
    ("Ar 3s, T - I = 1 keV", 3, 0, 6.75, 1.0),
    ("Ar 2p, T - I = 3 keV", 2, 1, 13.85, 3.0),
    ("Xe 4d, T - I = 3 keV", 4, 2, 16.054054, 3.0),
    ("Xe 3d, T - I = 9 keV", 3, 2, 32.85, 9.0),
)


#: (label, n, l, Z, T − I in keV): the cut share of the ratios themselves (q-integrated)
RATIOS: tuple[tuple[str, int, int, float, float], ...] = (
    ("Ar 2p, T - I = 3 keV", 2, 1, 13.85, 3.0),
    ("Ar 3p, T - I = 0.1 keV", 3, 1, 6.75, 0.1),
)


def cut_factor(max_L: int) -> object:
    """The angular factor A(l, l′, L) of the partial waves with every L > max_L removed.

    >>> f = cut_factor(6)
    >>> f(1, 7, 6), f(1, 7, 8)
    (7, 0)
    """
    validate_int(max_L, "max_L", 0)

    def factor(l: int, lp: int, L: int) -> object:
        return angular_factor(l, lp, L) if max_L >= L else 0

    return factor


@dataclass(frozen=True)
class CutPoint:
    """S (uncut, Coulomb wave) and S_cut (partial waves, L ≤ max_L) at one (T, q), per hartree."""

    label: str
    n: int
    l: int
    Z: float
    T: float
    q: float
    max_L: int
    cut: float
    full: float
    closure: float
    dps: int
    seconds: float

    @property
    def share(self) -> float:
        return self.cut / self.full


def densities(
    n: int, l: int, Z: float, T: float, q: float, max_L: int, dps: int
) -> tuple[float, float]:
    """(S cut at L ≤ max_L by partial waves, S by the Coulomb wave) per hartree at (T, q)."""
    t, qq, z = mpmath.mpf(T), mpmath.mpf(q), mpmath.mpf(Z)
    factor = cut_factor(max_L)
    cut = partial_wave_density(
        n,
        l,
        t,
        qq,
        Z=z,
        dps=dps,
        lmax=l + max_L + 2,
        factor=factor,  # type: ignore[arg-type]
    ).value
    full = continuum_density(n, l, t, qq, Z=z, dps=dps + 5)
    return float(cut), float(full)


def compute_point(
    label: str, n: int, l: int, Z: float, excess_keV: float, *, max_L: int = 6, dps: int = 10
) -> CutPoint:
    """Compute one point now (minutes): T = Z²/(2n²) + excess, q = k = √(2 excess)."""
    excess = excess_keV / HARTREE_KEV
    T = Z * Z / (2 * n * n) + excess
    q = math.sqrt(2 * excess)
    start = time.perf_counter()
    cut, full = densities(n, l, Z, T, q, max_L, dps)
    closure = float(bethe_fraction(n, l, Z, np.array([q]), max_L)[0])
    return CutPoint(
        label,
        n,
        l,
        Z,
        T,
        q,
        max_L,
        cut,
        full,
        closure,
        dps,
        round(time.perf_counter() - start, 1),
    )


@functools.cache
def _stored() -> dict[str, list[dict[str, object]]]:
    text = resources.files("sumrules.models.multipole_cut").joinpath(POINTS_FILE).read_text()
    doc: dict[str, list[dict[str, object]]] = json.loads(text)
    return doc


def load_points() -> tuple[CutPoint, ...]:
    """The stored points (``multipole_points.json``)."""
    return tuple(CutPoint(**row) for row in _stored()["points"])  # type: ignore[arg-type]


def load_ratios() -> tuple[CutRatio, ...]:
    """The stored cut shares of the ratios (``multipole_points.json``)."""
    return tuple(CutRatio(**row) for row in _stored().get("ratios", []))  # type: ignore[arg-type]


def points_document(points: list[CutPoint], ratios: list[CutRatio] | None = None) -> str:
    """The JSON text of computed points (and ratios)."""
    doc = {
        "what": "S_cut (partial waves, L <= max_L) and S (Coulomb wave) on the ridge q = k; "
        "ratios: r cut and uncut by one Gauss-Legendre rule in ln q",
        "computed_by": "sumrules.models.multipole_cut.points.compute_point, compute_ratio",
        "points": [asdict(p) for p in points],
        "ratios": [asdict(r) for r in ratios or []],
    }
    return json.dumps(doc, indent=1) + "\n"


@dataclass(frozen=True)
class CutRatio:
    """r_nmm and r_ew of one hydrogen-like state at one T, cut (partial waves, L ≤ max_L) and
    uncut (Coulomb wave), by the same Gauss–Legendre rule in ln q on [k/6, 4k]."""

    label: str
    n: int
    l: int
    Z: float
    T: float
    nodes: int
    max_L: int
    cut_nmm: float
    cut_ew: float
    full_nmm: float
    full_ew: float
    ridge_closure: float
    seconds: float

    @property
    def share_ew(self) -> float:
        return self.cut_ew / self.full_ew

    @property
    def share_nmm(self) -> float:
        return self.cut_nmm / self.full_nmm


def compute_ratio(
    label: str,
    n: int,
    l: int,
    Z: float,
    excess_keV: float,
    *,
    nodes: int = 16,
    max_L: int = 6,
    dps: int = 10,
) -> CutRatio:
    """The cut share of the ratios themselves (minutes: ``nodes`` partial-wave points)."""
    excess = excess_keV / HARTREE_KEV
    T = Z * Z / (2 * n * n) + excess
    k = math.sqrt(2 * excess)
    x, w = np.polynomial.legendre.leggauss(nodes)
    lo, hi = math.log(k / 6), math.log(4 * k)
    u = (hi - lo) / 2 * x + (hi + lo) / 2
    wu = (hi - lo) / 2 * w
    start = time.perf_counter()
    cut = np.zeros(nodes)
    full = np.zeros(nodes)
    for i, ui in enumerate(u):
        cut[i], full[i] = densities(n, l, Z, T, math.exp(ui), max_L, dps)
    q2 = np.exp(2 * u)
    closure = float(bethe_fraction(n, l, Z, np.array([k]), max_L)[0])
    return CutRatio(
        label,
        n,
        l,
        Z,
        T,
        nodes,
        max_L,
        float(2 * T * (wu @ cut)),
        float(wu @ (cut * q2)),
        float(2 * T * (wu @ full)),
        float(wu @ (full * q2)),
        closure,
        round(time.perf_counter() - start, 1),
    )
