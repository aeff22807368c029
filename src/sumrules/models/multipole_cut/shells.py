"""The subshells of the shell atom with the share of their response a multipole cut keeps.

The shell model of germanium (:mod:`sumrules.models.shells`) applied to any element: each
subshell opens at its edge (model ``"binding"``) and answers like the hydrogen-like state of
the same n, l (:mod:`sumrules.models.hydrogenic.ratio_curves`, as
:meth:`~sumrules.models.shells.ShellAtom.shell_ratios` does; xenon's 4d, 5s, 5p from
:mod:`sumrules.models.hydrogenic.outer_curves`); its
radius, which decides what a cut L ≤ L_max keeps, is that of Slater's charge (model
``"slater"``). A table computed with the multipoles L ≤ L_max keeps, per subshell at momentum
transfer q, the share B_s(q) of the f-sum (:mod:`.closure`); at fixed T the subshell's
continuum peaks on its Bethe ridge q = k_s = √(2(T − E_s)), and :meth:`Shell.cut_share` takes
B_s(k_s) for the share of its ratios (an approximation measured by :mod:`.points`).

>>> s = Shell("3p", 3, 1, 6, 0.5795, 6.75, True)
>>> s.ratios(0.5), round(s.cut_share(4.0), 3)
((0.0, 0.0), 0.923)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from sumrules.data.ionisation import HARTREE_KEV
from sumrules.models.hydrogenic.outer_curves import any_curve, has_curve
from sumrules.models.multipole_cut.closure import bethe_fraction
from sumrules.models.shells import subshells

__all__ = ["MAX_L", "Shell", "closure_sum", "cut_shells", "ridge_shares"]

FloatArray = npt.NDArray[np.float64]
#: the multipole cut of the shipped tables (and the default of a cut)
MAX_L = 6


@dataclass(frozen=True)
class Shell:
    """One subshell of the shell model: occupancy, edge (hartree), the radius charge of the
    ``"slater"`` model, and whether a ratio curve exists for its state."""

    name: str
    n: int
    l: int
    electrons: int
    binding: float
    radius_charge: float
    has_curve: bool

    def ratios(self, T: float) -> tuple[float, float]:
        """(r_nmm, r_ew) per electron at T (hartree): 0 below the edge, 1 without a curve."""
        if self.binding >= T:
            return (0.0, 0.0)
        if not self.has_curve:
            return (1.0, 1.0)
        a, b = any_curve(self.n, self.l).ratios(T / self.binding)
        return (float(a), float(b))

    def cut_share(self, T: float, lmax: int = MAX_L) -> float:
        """B at the ridge k = √(2(T − E_s)): the share of the ratios kept by L ≤ lmax."""
        if self.binding >= T:
            return 0.0
        k = np.array([max(np.sqrt(2 * (T - self.binding)), 1e-6)])
        return float(bethe_fraction(self.n, self.l, self.radius_charge, k, lmax)[0])


def cut_shells(element: object, *, leave_out: tuple[str, ...] = ()) -> tuple[Shell, ...]:
    """The subshells of ``element`` (Z ≤ 54) but those named in ``leave_out``: the shell
    atom's subshells (:func:`sumrules.models.shells.subshells`; edges of the ``"binding"``
    model, radii of the ``"slater"`` one). A subshell without a shipped ratio curve
    (:func:`sumrules.models.hydrogenic.outer_curves.has_curve`: 4f, 5d …) is marked
    ``has_curve = False``.

    >>> [(s.name, s.has_curve) for s in cut_shells("Xe")][-3:]
    [('4d', True), ('5s', True), ('5p', True)]
    """
    slater = {s.name: s for s in subshells(element, "slater")}
    return tuple(
        Shell(
            s.name,
            s.n,
            s.l,
            int(s.occupancy),
            float(s.binding_keV) / HARTREE_KEV,
            float(slater[s.name].Z_eff),
            has_curve(s.n, s.l),
        )
        for s in subshells(element, "binding")
        if s.name not in leave_out
    )


def ridge_shares(shells: tuple[Shell, ...], T: FloatArray, lmax: int = MAX_L) -> FloatArray:
    """(subshells, len(T)): B_s at the ridge (0 below the edge), vectorised over T (hartree)."""
    out = np.zeros((len(shells), len(T)))
    for i, s in enumerate(shells):
        above = s.binding < T
        if above.any():
            k = np.maximum(np.sqrt(2 * (T[above] - s.binding)), 1e-6)
            out[i, above] = bethe_fraction(s.n, s.l, s.radius_charge, k, lmax)
    return out


def closure_sum(shells: tuple[Shell, ...], q: FloatArray, lmax: int = MAX_L) -> FloatArray:
    """Σ_s N_s B_s(q): the whole atom's f-sum kept by L ≤ lmax at each q (1/a₀)."""
    total = np.zeros(len(q))
    for s in shells:
        total += s.electrons * bethe_fraction(s.n, s.l, s.radius_charge, q, lmax)
    return total
