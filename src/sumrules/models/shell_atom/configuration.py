"""Subshells of a many-electron atom for the independent-electron (shell) model.

A ground-state configuration by the aufbau (Madelung) order, each subshell n l with its
electrons and one binding energy, from one of two sources:

* the X-ray absorption edges of ``xraydb`` (:func:`sumrules.data.xray.edges`, Elam et al.):
  K → 1s, L1 → 2s, L2/L3 → 2p₁/₂/2p₃/₂, M1 … ; a spin–orbit pair of edges belongs to one
  non-relativistic subshell and is combined by occupancy (electrons of a partly filled pair
  are shared in proportion to the capacities 2j + 1);
* the orbital energies of a Hartree–Fock run (:class:`sumrules.data.ionisation.Orbital`),
  combined the same way.

Two effective charges for a hydrogen-like orbital of the subshell (docs/models.md):

* ``binding``: Z_eff = n √(2E_b/hartree), so that the hydrogen-like ionisation energy
  Z_eff²/(2n²) is the subshell's binding energy — the recipe of the shell model of germanium;
* ``slater``: Slater's screening rules (J. C. Slater, Phys. Rev. 36, 57 (1930)), Z − s with the
  effective principal number n* (1, 2, 3, 3.7, 4.0, 4.2 for n = 1 … 6); the hydrogen-like
  orbital with principal number n gets Z_eff n/n*, which gives it Slater's exponential decay
  e^{−(Z − s) r/n*}. For valence electrons it is far more compact than the ``binding`` one
  (argon 3p: Z_eff = 6.75 against 3.26), close to Hartree–Fock radii.

>>> [s.label for s in subshells_from_edges("Ar")]
['1s', '2s', '2p', '3s', '3p']
>>> p = subshells_from_edges("Ar")[-1]
>>> p.electrons, round(p.binding * HARTREE_EV, 2), round(p.z_eff, 3)
(6, 15.77, 3.229)
>>> round(slater_charge(18, configuration(18), 3, 1), 2)
6.75
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sumrules.data.ionisation import HARTREE_KEV, Orbital
from sumrules.data.xray import edges, symbol

__all__ = [
    "HARTREE_EV",
    "RECIPES",
    "Recipe",
    "Subshell",
    "configuration",
    "edge_name",
    "radius_charge",
    "slater_charge",
    "slater_n_star",
    "subshells_from_edges",
    "subshells_from_orbitals",
]

#: 1 hartree in eV
HARTREE_EV = HARTREE_KEV * 1000
Recipe = Literal["binding", "slater"]
#: effective-charge recipes
RECIPES: tuple[Recipe, ...] = ("binding", "slater")
_LETTERS = "spdfghik"
_SHELLS = "KLMNOPQ"


@dataclass(frozen=True)
class Subshell:
    """A non-relativistic subshell n l: electrons, binding energy (hartree), where it came from.

    >>> s = Subshell(2, 1, 6, 9.575, "test")
    >>> s.label, round(s.z_eff, 4), round(s.binding_keV, 4)
    ('2p', 8.7521, 0.2605)
    """

    n: int
    l: int
    electrons: float
    binding: float
    source: str

    @property
    def label(self) -> str:
        return f"{self.n}{_LETTERS[self.l]}"

    @property
    def z_eff(self) -> float:
        """The ``binding`` recipe: n √(2E_b/hartree)."""
        return self.n * math.sqrt(2 * self.binding)

    @property
    def binding_keV(self) -> float:
        return self.binding * HARTREE_KEV


def configuration(Z: int) -> tuple[tuple[int, int, int], ...]:
    """(n, l, electrons) of the neutral atom by the aufbau (Madelung) order; the atoms whose
    ground state departs from it (Cr, Cu, Pd, …) are not corrected.

    >>> configuration(32)[-3:]
    ((4, 0, 2), (3, 2, 10), (4, 1, 2))
    """
    if isinstance(Z, bool) or not isinstance(Z, int) or not 1 <= Z <= 118:
        raise ValueError(f"Z must be an integer in [1, 118], got {Z!r}")
    order = sorted(((n, l) for n in range(1, 8) for l in range(n)), key=lambda s: (sum(s), s[0]))
    out, left = [], Z
    for n, l in order:
        if not left:
            break
        k = min(left, 4 * l + 2)
        out.append((n, l, k))
        left -= k
    return tuple(out)


def edge_name(n: int, l: int, twice_j: int) -> str:
    """The IUPAC name of the level n l_j: K, L1, L2, L3, M1 … M5, N1 … N7, O1 …

    >>> edge_name(1, 0, 1), edge_name(2, 1, 3), edge_name(3, 2, 5)
    ('K', 'L3', 'M5')
    """
    if n == 1:
        return "K"
    index = 1 if l == 0 else (2 * l if twice_j == 2 * l - 1 else 2 * l + 1)
    return f"{_SHELLS[n - 1]}{index}"


def _js(l: int) -> tuple[int, ...]:
    return (1,) if l == 0 else (2 * l - 1, 2 * l + 1)


def subshells_from_edges(element: object) -> tuple[Subshell, ...]:
    """The occupied subshells with binding energies from xraydb's edges (see the docstring);
    ValueError naming the level if an edge is missing."""
    sym = symbol(element)
    from periodictable import elements

    Z = int(elements.symbol(sym).number)
    known = edges(sym)
    out = []
    for n, l, k in configuration(Z):
        names = [edge_name(n, l, j) for j in _js(l)]
        missing = [m for m in names if m not in known]
        if missing:
            raise ValueError(
                f"{sym}: xraydb lists no {', '.join(missing)} edge for {n}{_LETTERS[l]}"
            )
        caps = [j + 1 for j in _js(l)]
        share = [k * c / sum(caps) for c in caps]
        e_kev = sum(s * known[m] for s, m in zip(share, names, strict=True)) / k
        out.append(Subshell(n, l, k, e_kev / HARTREE_KEV, f"xraydb edges {', '.join(names)}"))
    return tuple(out)


def subshells_from_orbitals(
    orbitals: Sequence[Orbital], *, accessible_only: bool = True
) -> tuple[Subshell, ...]:
    """Non-relativistic subshells from relativistic orbitals (energies combined by electrons).

    >>> from sumrules.data.ionisation import packaged_orbitals
    >>> [s.label for s in subshells_from_orbitals(packaged_orbitals("Xe"))][:2]
    ['2s', '2p']
    """
    groups: dict[tuple[int, int], list[Orbital]] = {}
    for o in orbitals:
        if o.accessible or not accessible_only:
            groups.setdefault((o.n, o.l), []).append(o)
    out = []
    for (n, l), members in groups.items():
        k = sum(o.electrons for o in members)
        e = sum(o.electrons * o.binding for o in members) / k
        out.append(Subshell(n, l, k, e, "orbitals " + ", ".join(o.name for o in members)))
    return tuple(out)


def slater_n_star(n: int) -> float:
    """Slater's effective principal quantum number.

    >>> slater_n_star(4), slater_n_star(5)
    (3.7, 4.0)
    """
    return {1: 1.0, 2: 2.0, 3: 3.0, 4: 3.7, 5: 4.0, 6: 4.2}.get(n, 4.2)


def _group(n: int, l: int) -> tuple[int, int]:
    """Slater's group: (n, 0) for ns and np, (n, l) for nd and nf."""
    return (n, 0) if l <= 1 else (n, l)


def slater_charge(Z: int, config: Sequence[tuple[int, int, int]], n: int, l: int) -> float:
    """Z − s for an electron of the subshell n l in ``config`` (Slater's rules).

    >>> round(slater_charge(54, configuration(54), 5, 1), 2)
    8.25
    """
    me = _group(n, l)
    order = [
        _group(a, b) for a, b in sorted({(a, b) for a, b, _ in config}, key=lambda s: (s[0], s[1]))
    ]
    rank = {g: i for i, g in enumerate(dict.fromkeys(order))}
    s = 0.0
    for a, b, k in config:
        g = _group(a, b)
        others = k - (1 if (a, b) == (n, l) else 0)
        if g == me:
            s += others * (0.30 if n == 1 else 0.35)
        elif rank[g] > rank[me]:
            continue
        elif l >= 2 or a <= n - 2:
            s += others
        elif a == n - 1:
            s += 0.85 * others
        else:
            s += others  # pragma: no cover - a group to the left with a >= n (ns left of (n-1)d)
    return Z - s


def radius_charge(sub: Subshell, Z: int, recipe: Recipe = "slater") -> float:
    """The charge of the hydrogen-like orbital that gives the subshell its radius.

    >>> s = subshells_from_edges("Ar")[-1]
    >>> round(radius_charge(s, 18, "binding"), 3), round(radius_charge(s, 18, "slater"), 3)
    (3.229, 6.75)
    """
    if recipe == "binding":
        return sub.z_eff
    if recipe == "slater":
        return slater_charge(Z, configuration(Z), sub.n, sub.l) * sub.n / slater_n_star(sub.n)
    raise ValueError(f"recipe must be one of {', '.join(RECIPES)}, got {recipe!r}")
