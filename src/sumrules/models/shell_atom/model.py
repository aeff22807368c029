"""The independent-electron shell atom: stepping, sum-rule ratios, and the multipole cut.

Each subshell s (N_s electrons, binding E_s) answers like the hydrogen-like state (n, l) of
effective charge Z_eff = n √(2E_s/hartree) (``binding`` recipe, docs/models.md): above its
threshold its ratios per electron are r_s(T/E_s) of :mod:`.state_grid`, below it nothing. The
whole atom (atomic units, no Pauli blocking in the continuum, non-relativistic):

    stepping(T) = Σ_s N_s θ(T − E_s),   r(T) = Σ_s N_s θ(T − E_s) r_s(T/E_s)   (uncut).

A table computed with the multipoles L ≤ L_max only (:mod:`.closure`) keeps, per subshell and at
momentum transfer q, the share B_s(q) of the f-sum; at fixed T the continuum of subshell s
peaks on its Bethe ridge q = k_s = √(2(T − E_s)), so the cut model

    r_cut(T) = Σ_s N_s θ(T − E_s) r_s(T/E_s) B_s(k_s)

is what such a table should give. B_s needs the subshell's *radius*: the ``slater`` recipe
(Slater's screening) is close to Hartree–Fock radii, the ``binding`` one is far too diffuse for
valence electrons (:mod:`.configuration`). B_s at the ridge stands for the average of the cut
over the Compton profile (checked against partial waves at a few points:
:mod:`.multipole_points`).

This module takes any list of :class:`~.configuration.Subshell` (from X-ray edges or from
Hartree–Fock orbitals); a shell atom built elsewhere can hand its subshells over.

>>> m = shell_model("Ar")
>>> [s.label for s in m.subshells], m.electrons
(['1s', '2s', '2p', '3s', '3p'], 18.0)
>>> m.stepping([0.5, 1.5, 50.0]).tolist()
[0.0, 8.0, 16.0]
>>> r_nmm, r_ew = m.ratios([50.0])
>>> round(float(r_nmm[0]), 4), round(float(r_ew[0]), 4)
(15.9805, 15.9995)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from sumrules.data.ionisation import IonisationTable
from sumrules.data.xray import symbol
from sumrules.models.shell_atom.closure import bethe_fraction
from sumrules.models.shell_atom.configuration import (
    Recipe,
    Subshell,
    radius_charge,
    subshells_from_edges,
    subshells_from_orbitals,
)
from sumrules.models.shell_atom.state_grid import ratio

__all__ = ["Q_NODES", "ShellModel", "shell_model", "table_shell_model"]

FloatArray = npt.NDArray[np.float64]
#: q nodes per decade on which B_s(q) is computed and then interpolated in ln q
Q_NODES = 24


def _array(x: float | Sequence[float] | FloatArray) -> FloatArray:
    return np.atleast_1d(np.asarray(x, dtype=np.float64))


@dataclass(frozen=True)
class ShellModel:
    """Subshells of an atom of atomic number Z; ``recipe`` sets their radii for the cut."""

    name: str
    Z: int
    subshells: tuple[Subshell, ...]
    recipe: Recipe = "slater"

    @property
    def electrons(self) -> float:
        return float(sum(s.electrons for s in self.subshells))

    def stepping(self, T: float | Sequence[float] | FloatArray) -> FloatArray:
        """Σ_s N_s θ(T − E_s) at T (hartree)."""
        t = _array(T)
        return np.asarray(sum(s.electrons * (t > s.binding) for s in self.subshells) + 0.0 * t)

    def shell_ratios(self, sub: Subshell, T: float | Sequence[float] | FloatArray) -> FloatArray:
        """(2, len(T)): r_nmm, r_ew per electron of ``sub`` (0 below its threshold)."""
        t = _array(T)
        out = np.zeros((2, len(t)))
        for k, tk in enumerate(t):
            if tk > sub.binding:
                out[:, k] = ratio(sub.label, float(tk / sub.binding))
        return out

    def ratios(self, T: float | Sequence[float] | FloatArray) -> tuple[FloatArray, FloatArray]:
        """The uncut whole-atom (r_nmm, r_ew) at T (hartree)."""
        t = _array(T)
        total = np.zeros((2, len(t)))
        for s in self.subshells:
            total += s.electrons * self.shell_ratios(s, t)
        return total[0], total[1]

    def charges(self) -> list[float]:
        """The radius charge of each subshell (``recipe``)."""
        return [radius_charge(s, self.Z, self.recipe) for s in self.subshells]

    def ridge_shares(self, T: float | Sequence[float] | FloatArray, lmax: int) -> FloatArray:
        """(subshells, len(T)): B_s at the ridge k_s = √(2(T − E_s)) (0 below the threshold)."""
        t = _array(T)
        out = np.zeros((len(self.subshells), len(t)))
        for i, (s, z) in enumerate(zip(self.subshells, self.charges(), strict=True)):
            above = t > s.binding
            if above.any():
                k = np.sqrt(2 * (t[above] - s.binding))
                out[i, above] = _fraction(s, z, np.maximum(k, 1e-6), lmax)
        return out

    def cut_ratios(
        self, T: float | Sequence[float] | FloatArray, lmax: int
    ) -> tuple[FloatArray, FloatArray]:
        """The cut whole-atom (r_nmm, r_ew): Σ_s N_s r_s B_s(k_s)."""
        t = _array(T)
        shares = self.ridge_shares(t, lmax)
        total = np.zeros((2, len(t)))
        for s, b in zip(self.subshells, shares, strict=True):
            total += s.electrons * self.shell_ratios(s, t) * b
        return total[0], total[1]

    def bethe(self, q: float | Sequence[float] | FloatArray, lmax: int | None) -> FloatArray:
        """Σ_s N_s B_s(q) (the whole atom's f-sum kept by L ≤ lmax; all electrons if None)."""
        qq = _array(q)
        if lmax is None:
            return np.full_like(qq, self.electrons)
        total = np.zeros_like(qq)
        for s, z in zip(self.subshells, self.charges(), strict=True):
            total += s.electrons * _fraction(s, z, qq, lmax)
        return total


def _fraction(sub: Subshell, z: float, q: FloatArray, lmax: int) -> FloatArray:
    """B_s(q) on Q_NODES per decade, interpolated linearly in ln q (error < 10⁻⁴)."""
    lo, hi = float(q.min()), float(q.max())
    if hi / lo < 1.5 or len(q) <= 8:
        return bethe_fraction(sub.n, sub.l, z, q, lmax)
    count = max(8, math.ceil(Q_NODES * math.log10(hi / lo)) + 1)
    nodes = np.geomspace(lo, hi, count)
    values = bethe_fraction(sub.n, sub.l, z, nodes, lmax)
    return np.interp(np.log(q), np.log(nodes), values)


def shell_model(element: object, *, recipe: Recipe = "slater") -> ShellModel:
    """The shell atom of ``element`` with binding energies from xraydb's edges."""
    sym = symbol(element)
    from periodictable import elements

    Z = int(elements.symbol(sym).number)
    return ShellModel(f"{sym} (xraydb edges)", Z, subshells_from_edges(sym), recipe)


def table_shell_model(table: IonisationTable, *, recipe: Recipe = "slater") -> ShellModel:
    """The shell atom of the subshells a table includes, with the table's orbital energies.

    >>> from sumrules.data.ionisation import packaged_table
    >>> m = table_shell_model(packaged_table("Xe"))
    >>> m.electrons, m.subshells[0].label
    (52.0, '2s')
    """
    if not table.orbitals or table.Z is None:
        raise ValueError(f"{table.source}: the table's orbitals and Z are needed")
    return ShellModel(
        f"{table.element or table.source} (orbitals of the table)",
        table.Z,
        subshells_from_orbitals(table.orbitals),
        recipe,
    )
