"""Proof of the multipole cut by the package's own partial waves, at a few points.

The Hartree–Fock tables keep the multipoles L ≤ 6 of e^{iq·r}. The partial-wave route of a
hydrogen-like state (:func:`sumrules.models.hydrogenic.partial_waves.partial_wave_density`)
sums S_nl(T, q) = Σ_{l′, L} A(l, l′, L) I_{l′L}(q)²; with the angular factor set to 0 for
L > 6 (:func:`cut_factor`) it gives the cut structure function exactly (the sum is then finite:
l′ ≤ l + 6). The uncut S comes from the three-dimensional Coulomb wave
(:func:`sumrules.models.hydrogenic.coulomb_waves.continuum_density`), which the package checks
against the uncut partial waves (tests/models/hydrogenic).

Each point lies on the Bethe ridge q = k of a hydrogen-like state with the radius of an argon
or xenon subshell (Slater's charge, n* scaling: Z n/n*) and compares the share S_cut/S there
with the closure value B(q) (:mod:`.closure`, the share of the f-sum over all T). The shell
model of :mod:`sumrules.models.rhf_tables` takes B at the ridge for the share of the whole
Compton peak: the stored points measure that approximation. Where qr ≲ 6 (Ar 2p at 3 keV, Xe
3d at 9 keV, Ar 3p at 0.1 keV) S_cut/S and B agree to 2–6%; where qr ≫ 6 (Ar 3s, 3p at 1 keV;
Xe 4d at 3 keV) both are small (≤ 0.2) and S_cut/S is 2–5 times smaller than B: the high
multipoles carry the centre of the ridge, the low ones its wings.

A point costs 20 s – 3 min (mpmath Coulomb functions at dps = 10): :data:`POINTS` are
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
    "CutPoint",
    "compute_point",
    "cut_factor",
    "load_points",
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


def compute_point(
    label: str, n: int, l: int, Z: float, excess_keV: float, *, max_L: int = 6, dps: int = 10
) -> CutPoint:
    """Compute one point now (minutes): T = Z²/(2n²) + excess, q = k = √(2 excess)."""
    excess = excess_keV / HARTREE_KEV
    T = Z * Z / (2 * n * n) + excess
    q = math.sqrt(2 * excess)
    start = time.perf_counter()
    cut = partial_wave_density(
        n,
        l,
        mpmath.mpf(T),
        mpmath.mpf(q),
        Z=mpmath.mpf(Z),
        dps=dps,
        lmax=l + max_L + 2,
        factor=cut_factor(max_L),  # type: ignore[arg-type]
    ).value
    full = continuum_density(n, l, mpmath.mpf(T), mpmath.mpf(q), Z=mpmath.mpf(Z), dps=dps + 5)
    closure = float(bethe_fraction(n, l, Z, np.array([q]), max_L)[0])
    return CutPoint(
        label,
        n,
        l,
        Z,
        T,
        q,
        max_L,
        float(cut),
        float(full),
        closure,
        dps,
        round(time.perf_counter() - start, 1),
    )


@functools.cache
def load_points() -> tuple[CutPoint, ...]:
    """The stored points (``multipole_points.json``)."""
    text = resources.files("sumrules.models.multipole_cut").joinpath(POINTS_FILE).read_text()
    return tuple(CutPoint(**row) for row in json.loads(text)["points"])


def points_document(points: list[CutPoint]) -> str:
    """The JSON text of computed points."""
    doc = {
        "what": "S_cut (partial waves, L <= max_L) and S (Coulomb wave) on the ridge q = k",
        "computed_by": "sumrules.models.multipole_cut.points.compute_point",
        "points": [asdict(p) for p in points],
    }
    return json.dumps(doc, indent=1) + "\n"
