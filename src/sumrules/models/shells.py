"""Atoms as independent hydrogenic subshells (germanium first): the inclusive sum-rule ratios
subshell by subshell.

:func:`shell_atom` builds any element's ground configuration (:func:`configuration`: the
Madelung order with the known exceptions up to Xe, Z ≤ 54); :func:`germanium` is
``shell_atom("Ge")``. Ge (Z = 32) is 1s² 2s² 2p⁶ 3s² 3p⁶ 3d¹⁰ 4s² 4p². Each subshell
responds as the hydrogen-like state :class:`~sumrules.models.hydrogenic.atom.Hydrogenic`
(n, l, Z_eff) — the same n, l, radial shape of charge Z_eff — and the atom's response is the
occupancy-weighted sum:

    r(T) = Σ_s N_s r_s(T) / Z,

with r_s = 0 below the subshell's threshold: the discrete excitations below an edge are
either Pauli-blocked (the n ≤ 4 levels of Ge are occupied) or lie in the narrow window of
Rydberg lines just below it, which the free-electron comparison does not ask about (it is
about the continuum at T above the edges). Compared with the **stepping approximation**
n(T)/32, n(T) = the number of electrons with binding below T (:meth:`ShellAtom.stepping_count`).

**Which elements.** The subshells of any element with Z ≤ 54 (binding energies and effective
charges, :func:`subshells`) are built; the *response* exists only for the states whose
per-state ratio curves ship with the package (:data:`RESPONSE_STATES`: 1s, 2s, 2p, 3s, 3p,
3d, 4s, 4p — the hydrogen-like states stop at n = 4). So :func:`shell_atom` covers H to Kr
(Z ≤ 36) and raises a ValueError naming the missing states beyond (Xe needs 4d, 5s, 5p), or
when xraydb lists no edge for an occupied subshell (Na 3s, K and Fe 4s: the valence levels
of light metals).

**Binding energies** (keV) are the absorption edges of xraydb (Elam, Ravel & Sieber 2002;
:func:`sumrules.data.xray.edges`; IUPAC names K, L1–L3, M1–M5, N1–N7, O1–O3 …,
:func:`edge_pairs`). A spin–orbit pair belongs to one non-relativistic subshell and is
combined with the statistical weights 2j + 1 (the occupancies of a closed subshell; a partly
filled pair shares its electrons in the same proportion). For germanium
E(2p) = (2 E_L2 + 4 E_L3)/6, E(3p) = (2 E_M2 + 4 E_M3)/6, E(3d) = (4 E_M4 + 6 E_M5)/10,
E(4p) = (2 E_N2 + 4 E_N3)/6. xraydb lists N1 = 5.0 eV and N2 = N3 = 3.0 eV for Ge: the 4s and
4p levels of the solid referred to the Fermi level (the valence band), not free-atom
ionization energies (7.9 eV for 4p); with N2 = N3 the weights of the partly filled 4p² do not
matter.

**Models** (:data:`MODELS`, the effective charge of each subshell):

* ``"binding"`` — Z_eff = n √(2 E_b/hartree): the hydrogenic threshold Z_eff²/(2n²) *is* the
  edge, so each subshell opens exactly at its edge;
* ``"slater"`` — Z_eff from Slater's screening rules (1930; groups (1s)(2s,2p)(3s,3p)(3d)
  (4s,4p)(4d,4f)(5s,5p), 0.35 within a group (0.30 in 1s), 0.85 from n − 1 and 1.00 from
  further in for s, p; 1.00 from everything inside for d, f; the integer n is kept, not
  Slater's n* = 3.7 for n = 4). The
  subshell is then *exactly* Hydrogenic(n, l, Z_Slater), threshold Z²/(2n²): a one-electron
  Hamiltonian per subshell, for which the sum rules are posed as for hydrogen, but whose
  thresholds miss the edges (1s: 13.7 keV instead of 11.1; 3d: 178 eV instead of 29 eV), since
  the hydrogenic energy leaves out the constant potential of the outer electrons. The threshold
  is **not** moved to the edge: a rigid shift of S by the difference is no Hamiltonian model
  and would multiply r_nmm by T/(T + shift), an artefact of the shift. So the model's own
  thresholds are used (:meth:`ShellAtom.open_count`), and against the edges' stepping
  count the two models differ by where they open the shells.

**Approximations** (every number of this module depends on them): independent electrons (no
correlation, no relaxation of the other electrons), no Pauli blocking of the continuum final
states, non-relativistic bound and continuum states, hydrogenic radial shapes of one
effective charge per subshell, the free atom (no crystal: the valence band of the solid is
4s4p with the edges' binding). The per-state ratios come from interpolants of the states'
closed forms r(κ) (:mod:`sumrules.models.hydrogenic.ratio_curves`), accurate to their
measured error (:attr:`ShellAtom.interpolation_error`, ≤ 1.1 × 10⁻¹⁹); the Coulomb-wave
quadrature per subshell (:meth:`ShellAtom.live_ratios`) is the independent check.

**Validity** (ValueError naming ``T_keV`` outside): :data:`T_MIN_KEV` ≤ T ≤ :data:`T_MAX_KEV`.
Above 50 keV T/m_e > 0.1 and the non-relativistic treatment of the ejected electron is no
longer good to the percent; below 50 eV the response is that of the 3d edge region and of the
valence band of the solid (binding 3–5 eV), where neither hydrogenic shapes nor the free atom
describe germanium.

>>> ge = germanium()
>>> [(s.name, s.occupancy) for s in ge.shells][:3]
[('1s', 2), ('2s', 2), ('2p', 6)]
>>> round(float(ge.shells[2].binding_keV), 6)
1.227367
>>> ge.stepping_count(2), ge.stepping_count(11.2)
(30, 32)
>>> r_nmm, r_ew = ge.sum_rule_ratios(20)
>>> print(mpmath.nstr(r_nmm, 6), mpmath.nstr(r_ew, 6))
0.999007 0.999019
>>> germanium("hartree-fock")
Traceback (most recent call last):
...
ValueError: model must be one of binding, slater; got 'hartree-fock'
>>> shell_atom("Ar").electrons, [s.name for s in shell_atom(18).shells]
(18, ['1s', '2s', '2p', '3s', '3p'])
>>> [s.name for s in subshells("Xe")][-3:]
['4d', '5s', '5p']
>>> shell_atom("Xe")
Traceback (most recent call last):
...
ValueError: element Xe: no hydrogenic response for 4d, 5s, 5p (ratio curves ship for 1s, 2s, 2p, 3s, 3p, 3d, 4s, 4p only: Z <= 36)
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import mpmath

from sumrules.core.numeric import precision, validate_dps
from sumrules.data.constants import HARTREE
from sumrules.data.xray import edges, symbol
from sumrules.models.hydrogenic.ratio_curves import STATES, curve

__all__ = [
    "CONFIGURATION",
    "EDGE_PAIRS",
    "EXCEPTIONS",
    "MODELS",
    "RESPONSE_STATES",
    "T_MAX_KEV",
    "T_MIN_KEV",
    "Z_MAX",
    "ShellAtom",
    "ShellRatios",
    "Subshell",
    "check_energy_kev",
    "check_model",
    "combined_edge",
    "configuration",
    "edge_count",
    "edge_pairs",
    "germanium",
    "hartree_kev",
    "label_of",
    "shell_atom",
    "slater_charge",
    "subshells",
]

#: the models of :func:`shell_atom` (effective charges)
MODELS: tuple[str, ...] = ("binding", "slater")
#: the validity range of the shell model (keV), see the module docstring
T_MIN_KEV = 0.05
T_MAX_KEV = 50.0
#: the largest Z whose configuration :func:`configuration` builds (xenon)
Z_MAX = 54
#: the states with a hydrogenic response (the shipped per-state ratio curves)
RESPONSE_STATES: tuple[tuple[int, int], ...] = STATES
_LETTERS = "spdf"
_SHELL_LETTERS = "KLMNO"
#: ground configurations that depart from the Madelung order (Z ≤ 54): Z → {(n, l): electrons}
EXCEPTIONS: Mapping[int, Mapping[tuple[int, int], int]] = {
    24: {(4, 0): 1, (3, 2): 5},  # Cr
    29: {(4, 0): 1, (3, 2): 10},  # Cu
    41: {(5, 0): 1, (4, 2): 4},  # Nb
    42: {(5, 0): 1, (4, 2): 5},  # Mo
    44: {(5, 0): 1, (4, 2): 7},  # Ru
    45: {(5, 0): 1, (4, 2): 8},  # Rh
    46: {(5, 0): 0, (4, 2): 10},  # Pd
    47: {(5, 0): 1, (4, 2): 10},  # Ag
}


def configuration(Z: object) -> tuple[tuple[int, int, int], ...]:
    """The neutral atom's ground configuration (n, l, electrons), ordered by (n, l): the
    Madelung (n + l, n) filling with the exceptions of :data:`EXCEPTIONS`; 1 ≤ Z ≤ 54.

    >>> configuration(32)[-3:]
    ((3, 2, 10), (4, 0, 2), (4, 1, 2))
    >>> configuration(29)[-2:]
    ((3, 2, 10), (4, 0, 1))
    >>> configuration(55)
    Traceback (most recent call last):
    ...
    ValueError: Z must be an integer with 1 <= Z <= 54, got 55
    """
    if isinstance(Z, bool) or not isinstance(Z, int) or not 1 <= Z <= Z_MAX:
        raise ValueError(f"Z must be an integer with 1 <= Z <= {Z_MAX}, got {Z!r}")
    order = sorted(((n, l) for n in range(1, 6) for l in range(min(n, 4))), key=_madelung)
    filled: dict[tuple[int, int], int] = {}
    left = Z
    for n, l in order:
        if left == 0:
            break
        filled[n, l] = min(left, 4 * l + 2)
        left -= filled[n, l]
    filled.update(EXCEPTIONS.get(Z, {}))
    return tuple((n, l, k) for (n, l), k in sorted(filled.items()) if k > 0)


def _madelung(state: tuple[int, int]) -> tuple[int, int]:
    return (state[0] + state[1], state[0])


def edge_pairs(n: int, l: int) -> tuple[tuple[str, int], ...]:
    """The absorption edges (IUPAC names) of the subshell (n, l) with their weights 2j + 1.

    >>> edge_pairs(1, 0), edge_pairs(2, 1), edge_pairs(4, 2)
    ((('K', 2),), (('L2', 2), ('L3', 4)), (('N4', 4), ('N5', 6)))
    """
    if n == 1:
        return (("K", 2),)
    shell = _SHELL_LETTERS[n - 1]
    if l == 0:
        return ((f"{shell}1", 2),)
    return ((f"{shell}{2 * l}", 2 * l), (f"{shell}{2 * l + 1}", 2 * l + 2))


def label_of(n: int, l: int) -> str:
    """The spectroscopic label of (n, l), any n (``label`` of the hydrogenic states stops at 4).

    >>> label_of(5, 1)
    '5p'
    """
    return f"{n}{_LETTERS[l]}"


#: germanium's ground configuration: (n, l, occupancy)
CONFIGURATION: tuple[tuple[int, int, int], ...] = configuration(32)
#: the absorption edges of each subshell of germanium with their statistical weights 2j + 1
EDGE_PAIRS: Mapping[tuple[int, int], tuple[tuple[str, int], ...]] = {
    (n, l): edge_pairs(n, l) for n, l, _ in CONFIGURATION
}


def hartree_kev() -> mpmath.mpf:
    """1 hartree in keV (CODATA 2018) at the current precision.

    >>> print(mpmath.nstr(hartree_kev(), 12))
    0.027211386246
    """
    return HARTREE.mpf() / 1000


def combined_edge(element: object, pairs: Sequence[tuple[str, int]]) -> mpmath.mpf:
    """The weighted mean Σ w E_edge / Σ w (keV) of the named edges (at the current precision).

    >>> print(mpmath.nstr(combined_edge("Ge", EDGE_PAIRS[3, 2]), 8))
    0.02944
    """
    table = edges(element)
    missing = [name for name, _ in pairs if name not in table]
    if missing:
        raise ValueError(f"xraydb lists no {', '.join(missing)} edge for {symbol(element)}")
    total = sum(w for _, w in pairs)
    return mpmath.fsum(mpmath.mpf(str(table[name])) * w for name, w in pairs) / total


def slater_charge(configuration: Sequence[tuple[int, int, int]], n: int, l: int) -> mpmath.mpf:
    """Z − s of the subshell (n, l) by Slater's rules (the module docstring), Z = Σ occupancies.

    >>> [mpmath.nstr(slater_charge(CONFIGURATION, n, l), 10) for n, l in ((1, 0), (2, 1), (3, 2))]
    ['31.7', '27.85', '10.85']
    >>> mpmath.nstr(slater_charge(configuration(54), 5, 1), 10)  # Xe 5p: 54 − (7·0.35 + 18·0.85 + 28)
    '8.25'
    """
    z = sum(occ for _, _, occ in configuration)

    def group(nn: int, ll: int) -> tuple[int, int]:
        return (nn, 2) if ll >= 2 else (nn, 0)  # (n, s+p) or (n, d+f)

    mine = group(n, l)
    s = mpmath.mpf(0)
    for nn, ll, occ in configuration:
        other = group(nn, ll)
        count = occ - 1 if (nn, ll) == (n, l) else occ
        if other == mine:
            s += count * (mpmath.mpf("0.30") if n == 1 else mpmath.mpf("0.35"))
        elif l >= 2:
            s += count if _inside(other, mine) else 0
        elif nn == n - 1:
            s += count * mpmath.mpf("0.85")
        elif nn < n - 1:
            s += count
    return z - s


def _inside(other: tuple[int, int], mine: tuple[int, int]) -> bool:
    """Slater's order of groups: (1s)(2sp)(3sp)(3d)(4sp)(4d)…: is ``other`` inside ``mine``?"""

    def rank(g: tuple[int, int]) -> tuple[int, int]:
        n, d = g
        return (n, 1) if d == 2 else (n, 0)

    return rank(other) < rank(mine)


@dataclass(frozen=True)
class Subshell:
    """One subshell: its name, quantum numbers, occupancy, binding energy (keV, the combined
    edge), effective charge and the threshold (keV) of its hydrogenic response."""

    name: str
    n: int
    l: int
    occupancy: int
    binding_keV: mpmath.mpf
    Z_eff: mpmath.mpf
    threshold_keV: mpmath.mpf
    edges: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class ShellRatios:
    """The ratios at one T: per subshell (0 below its threshold) and for the atom (per 32)."""

    T_keV: float
    shells: tuple[tuple[str, mpmath.mpf, mpmath.mpf], ...]
    r_nmm: mpmath.mpf
    r_ew: mpmath.mpf
    stepping: int
    open_count: int


def check_energy_kev(T_keV: object, name: str = "T_keV") -> float:
    """T as a float in [T_MIN_KEV, T_MAX_KEV]; ValueError naming the argument otherwise.

    >>> check_energy_kev(2)
    2.0
    >>> check_energy_kev(-1)
    Traceback (most recent call last):
    ...
    ValueError: T_keV must be positive, got -1
    >>> check_energy_kev(80)
    Traceback (most recent call last):
    ...
    ValueError: T_keV must be at most 50 keV (T << m_e: the non-relativistic shell model), got 80
    """
    bad = ValueError(f"{name} must be a real number (keV), got {T_keV!r}")
    if isinstance(T_keV, bool | str | complex) or T_keV is None:
        raise bad
    try:
        t = float(T_keV)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise bad from None
    if not math.isfinite(t):
        raise ValueError(f"{name} must be finite, got {T_keV!r}")
    if t <= 0:
        raise ValueError(f"{name} must be positive, got {T_keV!r}")
    if t > T_MAX_KEV:
        raise ValueError(
            f"{name} must be at most {T_MAX_KEV:g} keV (T << m_e: the non-relativistic shell "
            f"model), got {T_keV!r}"
        )
    if t < T_MIN_KEV:
        raise ValueError(
            f"{name} must be at least {T_MIN_KEV:g} keV (below, the 3d edge region and the "
            f"valence band of the solid: no hydrogenic shell picture), got {T_keV!r}"
        )
    return t


class ShellAtom:
    """An atom of independent hydrogenic subshells (energies in keV; see the module docstring).

    The :class:`~sumrules.models.base.Atom` protocol where it makes sense: ``name``,
    ``electrons``, ``threshold`` (the lowest subshell threshold, keV), ``structure_function``
    (T in keV, Q² in bohr⁻², S per hartree per electron), ``sum_rule_ratios`` and
    ``ratio_routes``. No resolvent: the hydrogenic resolvent exists for 1s only, and a sum of
    subshell resolvents without the Pauli principle is no atom's R(T, P²); ``resolvent``
    raises NotImplementedError and ``resolvent_routes`` is empty.
    """

    def __init__(self, element: str, shells: Sequence[Subshell], model: str) -> None:
        self.element = element
        self.shells: tuple[Subshell, ...] = tuple(shells)
        self.model = model

    def __repr__(self) -> str:
        return f"shell_atom({self.element!r}, model={self.model!r})"

    @property
    def name(self) -> str:
        return f"{self.element} shell model ({self.model})"

    @property
    def electrons(self) -> int:
        return sum(s.occupancy for s in self.shells)

    @property
    def threshold(self) -> mpmath.mpf:
        """The lowest subshell threshold (keV)."""
        return min(s.threshold_keV for s in self.shells)

    @property
    def interpolation_error(self) -> float:
        """The largest measured error of the per-state interpolants this atom uses."""
        return max(curve(s.n, s.l).error for s in self.shells)

    @property
    def ratio_error(self) -> float:
        """A bound on the interpolation error of the atom's ratios: Σ N_s ε_s / Z, ε_s the
        measured error of the subshell's interpolant against its closed form (4s and 4p
        dominate: ≈ 9 × 10⁻²¹ for Ge; it was 3.8 × 10⁻¹³ with degree-32 curves of the
        Coulomb-wave route).

        >>> germanium().ratio_error < 1e-18
        True
        """
        return sum(s.occupancy * curve(s.n, s.l).error for s in self.shells) / self.electrons

    def stepping_count(self, T_keV: object) -> int:
        """The number of electrons whose binding energy (combined edge) is below T.

        >>> germanium().stepping_count(1.3)
        28
        """
        t = check_energy_kev(T_keV)
        return sum(s.occupancy for s in self.shells if s.binding_keV < t)

    def open_count(self, T_keV: object) -> int:
        """The number of electrons whose model threshold is below T (= stepping_count for
        "binding").

        >>> germanium("slater").open_count(2)
        22
        """
        t = check_energy_kev(T_keV)
        return sum(s.occupancy for s in self.shells if s.threshold_keV < t)

    def shell_ratios(self, T_keV: object, *, dps: int = 15) -> ShellRatios:
        """Per-subshell and total (r_nmm, r_ew) at T (keV), cached per (T, dps)."""
        t = check_energy_kev(T_keV)
        validate_dps(dps)
        return _shell_ratios(self, t, dps)

    def sum_rule_ratios(self, T_keV: object, *, dps: int = 15) -> tuple[mpmath.mpf, mpmath.mpf]:
        """(r_nmm, r_ew) of the atom at T (keV), normalised to Z free electrons."""
        r = self.shell_ratios(T_keV, dps=dps)
        return r.r_nmm, r.r_ew

    def live_ratios(self, T_keV: object, *, dps: int = 15) -> tuple[mpmath.mpf, mpmath.mpf]:
        """The same sum with each subshell by the Coulomb-wave quadrature itself (seconds per
        open subshell; no interpolant): the check of :meth:`sum_rule_ratios`. The quadrature
        loses digits (4p at T/I = 20: 10⁻⁶ at 15 digits), so each subshell runs at
        max(dps + 9, node_dps(T/I)) digits, the precision its interpolant's nodes were made at."""
        from sumrules.models.hydrogenic.ratio_curves import live_ratios, node_dps

        t = check_energy_kev(T_keV)
        validate_dps(dps)
        with precision(dps + 10):
            tot_nmm = tot_ew = mpmath.mpf(0)
            for s in self.shells:
                if s.threshold_keV < t:
                    x = mpmath.mpf(t) / s.threshold_keV
                    a, b = live_ratios(s.n, s.l, x, max(dps + 9, node_dps(x)))
                    tot_nmm += s.occupancy * a
                    tot_ew += s.occupancy * b
            z = self.electrons
        with precision(dps):
            return +(tot_nmm / z), +(tot_ew / z)

    def ratio_routes(self) -> dict[str, Callable[[Any, int], tuple[Any, Any]]]:
        """Routes to the atom's ratios by family: "quadrature" (the Coulomb-wave quadrature per
        subshell, :meth:`live_ratios`) and "series" (the Chebyshev–Radau interpolants of the
        states' closed forms r(κ), :meth:`sum_rule_ratios`): independent routes, the closed
        forms derived from the Nordsieck integral, the quadrature from the Coulomb wave."""
        return {
            "series": lambda T, dps: self.sum_rule_ratios(T, dps=dps),
            "quadrature": lambda T, dps: self.live_ratios(T, dps=dps),
        }

    def structure_function(self, T: Any, Q2: Any, *, dps: int = 30) -> mpmath.mpf:
        """S(T, Q²) per electron per hartree: Σ_open N_s S_s/32, T in keV, Q² in bohr⁻²."""
        from sumrules.models.hydrogenic.atom import Hydrogenic

        t = check_energy_kev(T)
        total = mpmath.mpf(0)
        with precision(dps + 10):
            for s in self.shells:
                if s.threshold_keV < t:
                    h = Hydrogenic(s.n, s.l, Z=mpmath.nstr(s.Z_eff, dps + 5))
                    part = h.structure_function(mpmath.mpf(t) / hartree_kev(), Q2, dps=dps)
                    total += s.occupancy * part
            total /= self.electrons
        with precision(dps):
            return +total

    def resolvent(self, T: Any, P2: Any, *, dps: int = 30) -> Any:
        """Not defined for the shell model (see the class docstring)."""
        raise NotImplementedError("the shell model has no resolvent (see ShellAtom)")

    def resolvent_routes(self) -> dict[str, Callable[[Any, Any, int], Any]]:
        """None: the shell model has no resolvent."""
        return {}


@functools.lru_cache(maxsize=4096)
def _shell_ratios(atom: ShellAtom, t: float, dps: int) -> ShellRatios:
    rows = []
    with precision(dps + 10):
        tot_nmm = tot_ew = mpmath.mpf(0)
        tv = mpmath.mpf(t)
        for s in atom.shells:
            if s.threshold_keV < tv:
                a, b = curve(s.n, s.l).ratios(tv / s.threshold_keV, dps=dps + 5)
            else:
                a = b = mpmath.mpf(0)
            rows.append((s.name, a, b))
            tot_nmm += s.occupancy * a
            tot_ew += s.occupancy * b
        z = atom.electrons
        r_nmm, r_ew = tot_nmm / z, tot_ew / z
    with precision(dps):
        shells = tuple((name, +a, +b) for name, a, b in rows)
        return ShellRatios(t, shells, +r_nmm, +r_ew, atom.stepping_count(t), atom.open_count(t))


def edge_count(T_keV: object, element: object = "Ge") -> mpmath.mpf:
    """Electrons with binding below T counted edge by edge (L2 and L3 apart, 2j + 1 each; a
    partly filled 4p² split 2:4): the stepping count of the j-resolved edges.

    >>> float(edge_count(1.23)), float(edge_count(1.3))
    (26.0, 28.0)
    >>> float(edge_count(0.1, "Ar"))
    8.0
    """
    t = check_energy_kev(T_keV)
    sym = symbol(element)
    table = edges(sym)
    count = mpmath.mpf(0)
    for n, l, occ in configuration(_atomic_number(sym)):
        pairs = edge_pairs(n, l)
        total = sum(w for _, w in pairs)
        for name, w in pairs:
            if name not in table:
                raise ValueError(f"element {sym}: xraydb lists no {name} edge")
            if table[name] < t:
                count += mpmath.mpf(occ * w) / total
    return count


def _atomic_number(sym: str) -> int:
    from periodictable import elements

    return int(elements.symbol(sym).number)


def check_model(model: object) -> str:
    """The model name; ValueError listing the known ones otherwise.

    >>> check_model("slater")
    'slater'
    """
    if not isinstance(model, str) or model not in MODELS:
        raise ValueError(f"model must be one of {', '.join(MODELS)}; got {model!r}")
    return model


def subshells(element: object, model: str = "binding") -> tuple[Subshell, ...]:
    """The occupied subshells of any element with Z ≤ 54: binding energies from the edges,
    effective charge and threshold of ``model`` (no check that a response exists).

    >>> [(s.name, s.occupancy, round(float(s.binding_keV) * 1000, 2)) for s in subshells("Ar")][-2:]
    [('3s', 2, 29.3), ('3p', 6, 15.77)]
    >>> subshells("Na")
    Traceback (most recent call last):
    ...
    ValueError: xraydb lists no M1 edge for Na
    """
    sym = symbol(element)
    model = check_model(model)
    out = []
    with precision(40):
        ha = hartree_kev()
        config = configuration(_atomic_number(sym))
        for n, l, occ in config:
            pairs = edge_pairs(n, l)
            e_b = combined_edge(sym, pairs)
            if model == "binding":
                z, threshold = n * mpmath.sqrt(2 * e_b / ha), e_b
            else:
                z = slater_charge(config, n, l)
                threshold = z * z / (2 * n * n) * ha
            out.append(Subshell(label_of(n, l), n, l, occ, e_b, z, threshold, pairs))
    return tuple(out)


def shell_atom(element: object, model: str = "binding") -> ShellAtom:
    """The element as a :class:`ShellAtom` (``model``: one of :data:`MODELS`); ValueError
    for an unknown element or model, a missing edge, or a subshell without a hydrogenic
    response (n = 5, 4d, 4f: Z > 36).

    >>> a = shell_atom("kr", "slater")
    >>> a.electrons, a.model, repr(a)
    (36, 'slater', "shell_atom('Kr', model='slater')")
    """
    return _shell_atom(symbol(element), check_model(model))


@functools.cache
def _shell_atom(sym: str, model: str) -> ShellAtom:
    shells = subshells(sym, model)
    missing = [s.name for s in shells if (s.n, s.l) not in RESPONSE_STATES]
    if missing:
        have = ", ".join(label_of(n, l) for n, l in RESPONSE_STATES)
        raise ValueError(
            f"element {sym}: no hydrogenic response for {', '.join(missing)} "
            f"(ratio curves ship for {have} only: Z <= 36)"
        )
    return ShellAtom(sym, shells, model)


def germanium(model: str = "binding") -> ShellAtom:
    """Germanium as a :class:`ShellAtom`: ``shell_atom("Ge", model)``.

    >>> [round(float(s.Z_eff), 4) for s in germanium().shells][:2]
    [28.5667, 20.3933]
    >>> round(float(germanium("slater").shells[0].threshold_keV), 3)
    13.672
    >>> germanium() is shell_atom(32)
    True
    """
    return shell_atom("Ge", model)
