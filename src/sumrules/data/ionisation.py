"""Atomic ionisation factors K(E, q): reading, validating and interpolating the tables.

A K(E, q) table gives, on a grid of energy transfers E and momentum transfers q, the whole
atom's structure function summed over the final continuum states and over the occupied
orbitals it includes. With the vector coupling (the ``_v_`` files of Caddell, Flambaum and
Roberts) and in atomic units it *is* S(T = E, q) of this package per hartree:
S(T, q) = Σ_n |⟨n|ρ(q)|0⟩|² δ(T − E_n + E_0) (the model write-up, ``docs/models.md``). Two such tables ship with
the package (argon and xenon, relativistic Hartree–Fock, multipoles L ≤ 6; provenance in
``ionisation_tables/README.md``); :func:`read_table` reads any file in the same format.

File format
-----------
Plain text or gzip (recognised by its first two bytes, not by the name). Lines starting with
``#`` are comments and blank lines are skipped; the first data line holds the E values
(hartree), the second the q values (1/a₀), and each further line one row K(E_i, q_j) of the
matrix (one row per E, one column per q). Every number must parse and be finite; E and q must
be positive and strictly increasing; K must be ≥ 0; every row must have one value per q and
there must be one row per E. Anything else raises :class:`TableError` naming the file and the
line (and the column, where one value is at fault): nothing is skipped or repaired.

Interpolation
-------------
Both grids are logarithmic, and K falls by powers in E and q, so :meth:`IonisationTable.
interpolate` works in (ln E, ln q, ln K): ``"linear"`` is bilinear there, ``"cubic"`` is the
four-point Lagrange cubic in each variable (stencils shifted inwards at the grid's ends). Where a
stencil holds a zero (below the first threshold) K itself is interpolated linearly instead.
K jumps where a new orbital opens, so no stencil in E crosses an orbital energy: a cubic is
shifted to stay on one side, and an E inside the grid cell that contains an orbital energy is
refused (the table does not say where in the cell the jump lies).

The error is measured on the grid by leaving each interior node out and predicting it from the
others (:func:`leave_one_out`): the stencil then spans twice the grid's spacing, so the error
between nodes is about a quarter of it (linear) or a sixteenth (cubic, for a smooth K). On the
two shipped tables, away from the thresholds and where K exceeds 10⁻⁶ of its row's maximum
(tests/data/test_ionisation.py):

============  ============================  =========================
direction     linear (median / 95% / max)   cubic (median / 95% / max)
============  ============================  =========================
q (Ar)        2.3e-5 / 2.2e-4 / 3.6e-3      2.9e-6 / 2.4e-5 / 1.2e-3
E (Ar)        1.2e-3 / 1.1e-2 / 6.5e-2      1.2e-4 / 4.4e-3 / 5.6e-2
q (Xe)        3.9e-5 / 3.3e-4 / 1.1e-2      3.5e-6 / 3.7e-5 / 5.3e-3
E (Xe)        1.8e-3 / 1.9e-2 / 1.6e-1      1.8e-4 / 7.6e-3 / 1.6e-1
============  ============================  =========================

so between nodes, cubic, the typical error is ~10⁻⁶ in q and ~10⁻⁵ in E (the tabulated values
carry six significant digits, 5 × 10⁻⁶), and the largest ones sit in the cells next to the
thresholds (the E direction) and at the deep minima of K in q.

>>> t = packaged_table("Ar")
>>> t.shape, t.Z, t.max_L, t.electrons
((256, 1024), 18, 6, 18)
>>> round(float(t.E[0]), 6), round(float(t.q[-1]), 3)
(0.183747, 536.346)
>>> [o.name for o in t.orbitals][:3]
['1s_1/2', '2s_1/2', '2p_1/2']
>>> round(float(t.interpolate(30.0, 5.0)), 6)
0.092571
"""

from __future__ import annotations

import functools
import gzip
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal

import numpy as np
import numpy.typing as npt

from sumrules.data.units import hartree_to_kev

__all__ = [
    "HARTREE_KEV",
    "METHODS",
    "PACKAGED",
    "InterpolationError",
    "IonisationTable",
    "Method",
    "Orbital",
    "TableError",
    "leave_one_out",
    "loo_summary",
    "packaged_orbitals",
    "packaged_table",
    "read_ampsci_orbitals",
    "read_table",
]

FloatArray = npt.NDArray[np.float64]
Method = Literal["linear", "cubic"]
#: interpolation methods of :meth:`IonisationTable.interpolate`
METHODS: tuple[Method, ...] = ("linear", "cubic")
#: 1 hartree in keV (CODATA 2018)
HARTREE_KEV = float(hartree_to_kev(1))

#: element -> (table file, ampsci log, Z) in ``ionisation_tables/``
PACKAGED: dict[str, tuple[str, str, int]] = {
    "Ar": ("K_Ar_hf_v_6_hp_orth_mat.txt.gz", "ampsci-Argon.out", 18),
    "Xe": ("K_Xe_hf_v_6_hp_orth_mat.txt.gz", "ampsci-Xenon.out", 54),
}
_FOLDER = "ionisation_tables"


class TableError(ValueError):
    """A table (or log) that cannot be read as it stands; the message names file and line."""


class InterpolationError(ValueError):
    """An interpolation the table does not support (outside the grid, across a threshold)."""


# ---------------------------------------------------------------------------------------------
# orbitals (ampsci run logs)
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Orbital:
    """One relativistic core orbital n l_j of a Hartree–Fock run.

    ``energy``: the orbital energy in hartree (negative); ``binding`` = −energy;
    ``electrons`` = 2j + 1; ``accessible``: whether the K table includes it.

    >>> o = Orbital("2p_3/2", 2, 1, 3, -9.547058424, True)
    >>> o.electrons, o.label, round(o.binding_keV, 4)
    (4, '2p', 0.2598)
    """

    name: str
    n: int
    l: int
    twice_j: int
    energy: float
    accessible: bool = True

    @property
    def electrons(self) -> int:
        return self.twice_j + 1

    @property
    def binding(self) -> float:
        return -self.energy

    @property
    def binding_keV(self) -> float:
        return -self.energy * HARTREE_KEV

    @property
    def label(self) -> str:
        """The non-relativistic subshell, e.g. ``2p``."""
        return f"{self.n}{'spdfghik'[self.l]}"


_HF_ROW = re.compile(
    r"^\s*\d+\s+(?P<n>\d+)(?P<l>[spdfgh])_(?P<j>\d+)/2\s+-?\d+\s+\S+\s+\d+\s+\S+\s+"
    r"(?P<e>-?\d+\.\d+(?:[eE][-+]?\d+)?)\s"
)
_ACCESS_ROW = re.compile(r"^(?P<n>\d+)(?P<l>[spdfgh])(?P<pm>[+-])\s+-?\d")


def read_ampsci_orbitals(path: str | Path, *, text: str | None = None) -> tuple[Orbital, ...]:
    """The core orbitals of an ampsci Hartree–Fock log: energies from the HF table
    (``state k Rinf its eps En``), accessibility from the first Kionisation block
    (``Inaccessible`` / ``Accessible``; all accessible if there is none).

    >>> [(o.name, o.accessible) for o in packaged_orbitals("Xe")][:2]
    [('1s_1/2', False), ('2s_1/2', True)]
    """
    where = str(path)
    body = _read_text(path) if text is None else text
    orbitals: list[Orbital] = []
    inaccessible: set[tuple[int, int, int]] = set()
    section = None
    for number, line in enumerate(body.splitlines(), 1):
        m = _HF_ROW.match(line)
        if m:
            l = "spdfgh".index(m["l"])
            try:
                energy = float(m["e"])
            except ValueError:  # pragma: no cover - the pattern admits only numbers
                raise TableError(f"{where}:{number}: bad orbital energy {m['e']!r}") from None
            if not (math.isfinite(energy) and energy < 0):
                raise TableError(f"{where}:{number}: orbital energy must be negative, got {energy}")
            orbitals.append(
                Orbital(f"{m['n']}{m['l']}_{m['j']}/2", int(m["n"]), l, int(m["j"]), energy)
            )
            continue
        if "Inaccessible" in line:
            section = "in"
        elif "Accessible" in line:
            section = "ok" if section is not None else None
            if section is None:
                section = "ok"
        elif line.startswith("Filling") or line.startswith("Operator"):
            if section is not None:
                break  # the first Kionisation block is enough
        elif section == "in":
            a = _ACCESS_ROW.match(line)
            if a:
                l = "spdfgh".index(a["l"])
                twice_j = 2 * l + 1 if a["pm"] == "+" else 2 * l - 1
                inaccessible.add((int(a["n"]), l, twice_j))
    if not orbitals:
        raise TableError(f"{where}: no Hartree–Fock orbital table (state k Rinf its eps En) found")
    return tuple(
        Orbital(o.name, o.n, o.l, o.twice_j, o.energy, (o.n, o.l, o.twice_j) not in inaccessible)
        for o in orbitals
    )


# ---------------------------------------------------------------------------------------------
# the table
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class IonisationTable:
    """K(E, q) = S(T = E, q) on a grid, atomic units (E in hartree, q in 1/a₀, K per hartree).

    ``Z``: the atomic number (None if unknown); ``orbitals``: the orbitals of the run, if
    known; ``max_L``: the multipole cut of the calculation, if known (from the file name
    ``K_<El>_<method>_<coupling>_<L>_…`` or given).
    """

    source: str
    E: FloatArray
    q: FloatArray
    K: FloatArray
    header: tuple[str, ...] = ()
    element: str | None = None
    Z: int | None = None
    max_L: int | None = None
    orbitals: tuple[Orbital, ...] = ()
    thresholds_override: tuple[float, ...] | None = field(default=None, repr=False)

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.E), len(self.q))

    @property
    def E_keV(self) -> FloatArray:
        return np.asarray(self.E * HARTREE_KEV, dtype=np.float64)

    @property
    def thresholds(self) -> FloatArray:
        """Energies (hartree, ascending) where K jumps: the accessible orbitals' bindings, or
        the ones given when the table was read."""
        if self.thresholds_override is not None:
            return np.array(sorted(self.thresholds_override), dtype=np.float64)
        return np.array(sorted(o.binding for o in self.orbitals if o.accessible))

    @property
    def electrons(self) -> int | None:
        """Electrons the table includes: those of its accessible orbitals, else Z."""
        if self.orbitals:
            return sum(o.electrons for o in self.orbitals if o.accessible)
        return self.Z

    def stepping(self, T: float | Sequence[float] | FloatArray) -> FloatArray:
        """Electrons bound below T (hartree), from the table's orbitals (or thresholds).

        >>> packaged_table("Ar").stepping([1.0, 10.0, 200.0]).tolist()
        [6.0, 14.0, 18.0]
        """
        t = np.atleast_1d(np.asarray(T, dtype=np.float64))
        if self.orbitals:
            out = np.zeros_like(t)
            for o in self.orbitals:
                if o.accessible:
                    out += o.electrons * (o.binding < t)
            return out
        raise ValueError(f"{self.source}: no orbitals known; the stepping count needs them")

    # -- interpolation --------------------------------------------------------------------------
    def interpolate(
        self,
        E: float | Sequence[float] | FloatArray,
        q: float | Sequence[float] | FloatArray,
        *,
        method: Method = "cubic",
    ) -> FloatArray:
        """K at (E, q) (broadcast), inside the grid, not across a threshold (module docstring).

        >>> t = packaged_table("Ar")
        >>> bool(abs(t.interpolate(t.E[100], t.q[500]) / t.K[100, 500] - 1) < 1e-12)
        True
        >>> t.interpolate(9.6, 1.0)
        Traceback (most recent call last):
        ...
        sumrules.data.ionisation.InterpolationError: E = 9.6 hartree lies in the grid cell [9.39697, 9.68129] hartree that contains an orbital energy (9.547058424); K jumps there
        """
        if method not in METHODS:
            raise ValueError(f"method must be one of {', '.join(METHODS)}, got {method!r}")
        e, qq = np.broadcast_arrays(
            np.asarray(E, dtype=np.float64), np.asarray(q, dtype=np.float64)
        )
        self._check_inside(e, self.E, "E", "hartree")
        self._check_inside(qq, self.q, "q", "1/a0")
        out = np.empty(e.shape, dtype=np.float64)
        for idx in np.ndindex(e.shape):
            out[idx] = self._point(float(e[idx]), float(qq[idx]), method)
        return out if out.ndim else out[()]

    def _check_inside(self, x: FloatArray, grid: FloatArray, name: str, unit: str) -> None:
        bad = ~np.isfinite(x) | (x < grid[0]) | (x > grid[-1])
        if bad.any():
            v = float(x[bad].flat[0])
            raise InterpolationError(
                f"{name} = {v!r} {unit} is outside the table's grid [{grid[0]:g}, {grid[-1]:g}]; "
                "values are not extrapolated"
            )

    def segment(self, i: int) -> tuple[int, int]:
        """The rows [lo, hi] between two thresholds that contain row i.

        >>> packaged_table("Ar").segment(100)
        (66, 132)
        """
        cuts = np.searchsorted(self.E, self.thresholds)
        lo = max((int(c) for c in cuts if c <= i), default=0)
        hi = min((int(c) - 1 for c in cuts if c > i), default=len(self.E) - 1)
        return lo, hi

    def _row_stencil(self, e: float, width: int) -> list[int]:
        """Rows of the stencil in E for ``e``: one segment, never across a threshold."""
        i = int(np.clip(np.searchsorted(self.E, e, side="right") - 1, 0, len(self.E) - 2))
        exact = self.E[i] == e or self.E[i + 1] == e
        inside = [t for t in self.thresholds if self.E[i] < t <= self.E[i + 1]]
        if inside and not exact:
            raise InterpolationError(
                f"E = {e!r} hartree lies in the grid cell [{self.E[i]:g}, {self.E[i + 1]:g}] "
                f"hartree that contains an orbital energy ({inside[0]:.9f}); K jumps there"
            )
        if self.E[i + 1] == e:
            i += 1
        lo, hi = self.segment(i)
        return _stencil(i, lo, hi, width, exact)

    def _col_stencil(self, q: float, width: int) -> list[int]:
        j = int(np.clip(np.searchsorted(self.q, q, side="right") - 1, 0, len(self.q) - 2))
        if self.q[j + 1] == q:
            j += 1
        return _stencil(j, 0, len(self.q) - 1, width, self.q[j] == q)

    def _point(self, e: float, q: float, method: Method) -> float:
        width = 4 if method == "cubic" else 2
        rows, cols = self._row_stencil(e, width), self._col_stencil(q, width)
        block = self.K[np.ix_(rows, cols)]
        along_q = np.array([_interp1(np.log(self.q[cols]), r, math.log(q)) for r in block])
        return _interp1(np.log(self.E[rows]), along_q, math.log(e))

    def interpolate_rows(
        self,
        values: FloatArray,
        E: float | Sequence[float] | FloatArray,
        *,
        method: Method = "cubic",
    ) -> FloatArray:
        """A quantity given once per row (per E), at E: Lagrange in ln E (in the value itself,
        not its log) within the row's segment; refused in a threshold cell, outside the grid.

        >>> t = packaged_table("Ar")
        >>> float(t.interpolate_rows(t.E * 2, t.E[7])[0] / t.E[7])
        2.0
        """
        return self._along(values, E, self.E, "E", "hartree", self._row_stencil, method)

    def interpolate_columns(
        self,
        values: FloatArray,
        q: float | Sequence[float] | FloatArray,
        *,
        method: Method = "cubic",
    ) -> FloatArray:
        """A quantity given once per column (per q), at q: Lagrange in ln q.

        >>> t = packaged_table("Ar")
        >>> round(float(t.interpolate_columns(np.log(t.q), 1.0)[0]), 12)
        0.0
        """
        return self._along(values, q, self.q, "q", "1/a0", self._col_stencil, method)

    def _along(
        self,
        values: FloatArray,
        at: float | Sequence[float] | FloatArray,
        grid: FloatArray,
        name: str,
        unit: str,
        stencil: Callable[[float, int], list[int]],
        method: Method,
    ) -> FloatArray:
        """Lagrange in the log of the grid through ``values`` on the stencil of each point."""
        x = np.atleast_1d(np.asarray(at, dtype=np.float64))
        self._check_inside(x, grid, name, unit)
        width = 4 if method == "cubic" else 2
        out = []
        for xk in x:
            idx = stencil(float(xk), width)
            out.append(_lagrange(np.log(grid[idx]), np.asarray(values)[idx], math.log(xk)))
        return np.array(out)


def _stencil(i: int, lo: int, hi: int, width: int, exact: bool) -> list[int]:
    """``width`` consecutive indices in [lo, hi] around the cell [i, i+1] (or node i)."""
    if exact:
        return [i]
    width = min(width, hi - lo + 1)
    start = i - (width // 2 - 1)
    start = max(lo, min(start, hi - width + 1))
    return list(range(start, start + width))


def _lagrange(x: FloatArray, y: FloatArray, at: float) -> float:
    """The Lagrange polynomial through (x, y) at ``at``."""
    total = 0.0
    for a in range(len(x)):
        w = 1.0
        for b in range(len(x)):
            if b != a:
                w *= (at - x[b]) / (x[a] - x[b])
        total += w * y[a]
    return float(total)


def _interp1(x: FloatArray, y: FloatArray, at: float) -> float:
    """Lagrange interpolation through (x, y) at ``at``: in ln y where every y > 0."""
    if len(x) == 1:
        return float(y[0])
    if bool(np.all(y > 0)):
        return float(math.exp(_lagrange(x, np.log(y), at)))
    # a zero in the stencil: K itself, linearly, on the two nearest nodes
    k = int(np.clip(np.searchsorted(x, at) - 1, 0, len(x) - 2))
    return max(_lagrange(x[k : k + 2], y[k : k + 2], at), 0.0)


# ---------------------------------------------------------------------------------------------
# reading
# ---------------------------------------------------------------------------------------------
def _read_text(path: str | Path) -> str:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise TableError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise TableError(f"{p}: is a directory, not a table") from None
    except OSError as exc:
        raise TableError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    return _decode(raw, str(p))


def _decode(raw: bytes, where: str) -> str:
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise TableError(f"{where}: not a readable gzip file ({exc})") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TableError(f"{where}: not a text table (byte {exc.start} is not UTF-8)") from None


def _numbers(line: str, where: str, number: int) -> FloatArray:
    """The numbers of one data line; TableError naming the column of the first bad one."""
    tokens = line.split()
    try:
        values = np.array(tokens, dtype=np.float64)
    except ValueError:
        for col, tok in enumerate(tokens, 1):
            try:
                float(tok)
            except ValueError:
                raise TableError(
                    f"{where}:{number}: column {col}: {tok!r} is not a number"
                ) from None
        raise  # pragma: no cover - numpy and float agree on what a number is
    bad = ~np.isfinite(values)
    if bad.any():
        col = int(np.flatnonzero(bad)[0]) + 1
        raise TableError(f"{where}:{number}: column {col}: {tokens[col - 1]!r} is not finite")
    return values


def _grid(values: FloatArray, name: str, where: str, number: int) -> FloatArray:
    if len(values) < 2:
        raise TableError(f"{where}:{number}: the {name} grid needs at least two values")
    if (values <= 0).any():
        col = int(np.flatnonzero(values <= 0)[0]) + 1
        raise TableError(f"{where}:{number}: column {col}: {name} must be positive")
    step = np.diff(values)
    if (step <= 0).any():
        col = int(np.flatnonzero(step <= 0)[0]) + 2
        raise TableError(
            f"{where}:{number}: column {col}: the {name} grid is not strictly increasing "
            f"({values[col - 2]:g} then {values[col - 1]:g})"
        )
    return values


_ELEMENT = re.compile(r"K_([A-Z][a-z]?)_")
_MAX_L = re.compile(r"_(?:v|s|pv|ps|a|sv)_(\d+)_")


def _guess(name: str) -> tuple[str | None, int | None]:
    el = _ELEMENT.search(name)
    ml = _MAX_L.search(name)
    return (el.group(1) if el else None), (int(ml.group(1)) if ml else None)


def read_table(
    path: str | Path,
    *,
    Z: int | None = None,
    max_L: int | None = None,
    orbitals: Sequence[Orbital] = (),
    thresholds: Iterable[float] | None = None,
    progress: Callable[[int, int], None] | None = None,
    text: str | None = None,
) -> IonisationTable:
    """Read a K(E, q) (or S(T, q)) table in the matrix format of the module docstring.

    ``Z`` and ``max_L`` default to what the file name says (``K_Ar_…``, ``…_v_6_…``; Z from
    the element symbol); ``thresholds`` (hartree) replaces the orbitals' energies for the
    interpolation and the flags; ``progress(done, total)`` is called once per matrix row;
    ``text`` reads from a string instead of the file (``path`` then only names it).

    >>> read_table("t.txt", text="1 2\\n1 2\\n0 1\\n0 -1\\n")
    Traceback (most recent call last):
    ...
    sumrules.data.ionisation.TableError: t.txt:4: column 2: K must be >= 0, got -1.0
    """
    where = str(path)
    body = _read_text(path) if text is None else text
    lines = body.splitlines()
    data_lines = [
        (n, ln) for n, ln in enumerate(lines, 1) if ln.strip() and not ln.lstrip().startswith("#")
    ]
    header = [ln for ln in lines if ln.lstrip().startswith("#")]
    if len(data_lines) < 3:
        raise TableError(
            f"{where}: needs an E line, a q line and one K row per E; found "
            f"{len(data_lines)} data line(s)"
        )
    (ne, le), (nq, lq), *krows = data_lines
    E = _grid(_numbers(le, where, ne), "E", where, ne)
    q = _grid(_numbers(lq, where, nq), "q", where, nq)
    if len(krows) != len(E):
        at = krows[len(E)][0] if len(krows) > len(E) else (krows[-1][0] if krows else nq)
        raise TableError(
            f"{where}:{at}: {len(krows)} rows of K for {len(E)} values of E (one row per E)"
        )
    K = _matrix(krows, len(q), where, progress)
    element, guessed_L = _guess(Path(where).name)
    if Z is None and element is not None:
        Z = _element_Z(element)
    return IonisationTable(
        source=where,
        E=E,
        q=q,
        K=K,
        header=tuple(header),
        element=element,
        Z=Z,
        max_L=max_L if max_L is not None else guessed_L,
        orbitals=tuple(orbitals),
        thresholds_override=None if thresholds is None else tuple(float(t) for t in thresholds),
    )


def _matrix(
    krows: list[tuple[int, str]],
    columns: int,
    where: str,
    progress: Callable[[int, int], None] | None,
) -> FloatArray:
    """The K rows, each checked (one value per q, K ≥ 0); TableError naming line and column."""
    rows: list[FloatArray] = []
    for k, (number, line) in enumerate(krows):
        row = _numbers(line, where, number)
        if len(row) != columns:
            raise TableError(
                f"{where}:{number}: {len(row)} values of K for {columns} values of q (one per q)"
            )
        if (row < 0).any():
            col = int(np.flatnonzero(row < 0)[0]) + 1
            raise TableError(f"{where}:{number}: column {col}: K must be >= 0, got {row[col - 1]}")
        rows.append(row)
        if progress is not None:
            progress(k + 1, len(krows))
    return np.vstack(rows)


def _element_Z(element: str) -> int | None:
    """Z of an element symbol from a file name, None if it is no element."""
    from sumrules.data.germanium import atomic_number

    try:
        return atomic_number(element)
    except ValueError:
        return None


def _resource(name: str) -> bytes:
    return resources.files("sumrules.data").joinpath(_FOLDER, name).read_bytes()


@functools.cache
def packaged_orbitals(element: str) -> tuple[Orbital, ...]:
    """The orbitals of the shipped ampsci run of ``element`` ("Ar" or "Xe")."""
    _, log, _ = _packaged(element)
    return read_ampsci_orbitals(f"{_FOLDER}/{log}", text=_decode(_resource(log), log))


def _packaged(element: str) -> tuple[str, str, int]:
    if element not in PACKAGED:
        raise ValueError(f"element must be one of {', '.join(PACKAGED)}, got {element!r}")
    return PACKAGED[element]


@functools.cache
def packaged_table(element: str) -> IonisationTable:
    """The shipped table of ``element`` ("Ar" or "Xe"), with its orbitals (read offline)."""
    name, _, Z = _packaged(element)
    body = _decode(_resource(name), name)
    return read_table(f"{_FOLDER}/{name}", Z=Z, orbitals=packaged_orbitals(element), text=body)


# ---------------------------------------------------------------------------------------------
# interpolation error
# ---------------------------------------------------------------------------------------------
def leave_one_out(
    table: IonisationTable,
    axis: Literal["E", "q"],
    *,
    method: Method = "cubic",
    floor: float = 1e-6,
    rows: Sequence[int] | None = None,
) -> FloatArray:
    """Relative errors |K̃/K − 1| of every interior node predicted without it along ``axis``.

    Nodes where K is below ``floor`` × its row's maximum, and (along E) nodes whose stencil
    would cross a threshold, are left out. ``rows`` restricts the E rows (all by default).

    >>> t = packaged_table("Ar")
    >>> err = leave_one_out(t, "q", rows=[200])
    >>> bool(np.median(err) < 1e-4)
    True
    """
    if axis not in ("E", "q"):
        raise ValueError(f"axis must be 'E' or 'q', got {axis!r}")
    width = 4 if method == "cubic" else 2
    K = table.K
    rmax = K.max(axis=1, keepdims=True)
    ok = floor * np.where(rmax > 0, rmax, np.inf) < K
    pick = list(range(len(table.E))) if rows is None else list(rows)
    if axis == "q":
        return _loo_q(np.log(table.q), K, ok, pick, width)
    return _loo_E(table, ok, pick, width)


def _loo_weights(
    x: FloatArray, i: int, width: int, lo: int, hi: int
) -> tuple[list[int], FloatArray]:
    """Neighbours of node i (i left out) and their Lagrange weights at x[i]."""
    half = width // 2
    idx = [k for k in range(i - half, i + half + 1) if k != i and lo <= k <= hi]
    if len(idx) < width:
        return [], np.empty(0)
    w = np.ones(len(idx))
    for a, ka in enumerate(idx):
        for kb in idx:
            if kb != ka:
                w[a] *= (x[i] - x[kb]) / (x[ka] - x[kb])
    return idx, w


def _loo_q(
    x: FloatArray, K: FloatArray, ok: npt.NDArray[np.bool_], rows: list[int], width: int
) -> FloatArray:
    out = []
    for j in range(1, len(x) - 1):
        idx, w = _loo_weights(x, j, width, 0, len(x) - 1)
        if not idx:
            continue
        sub = K[np.ix_(rows, idx)]
        good = ok[rows, j] & np.all(sub > 0, axis=1)
        if not good.any():
            continue
        pred = np.exp(np.log(sub[good]) @ w)
        out.append(np.abs(pred / K[np.array(rows)[good], j] - 1))
    return np.concatenate(out) if out else np.empty(0)


def _loo_E(
    table: IonisationTable, ok: npt.NDArray[np.bool_], rows: list[int], width: int
) -> FloatArray:
    x = np.log(table.E)
    out = []
    for i in rows:
        if not 0 < i < len(x) - 1:
            continue
        lo, hi = table.segment(i)
        idx, w = _loo_weights(x, i, width, lo, hi)
        if not idx:
            continue
        sub = table.K[idx, :]
        good = ok[i] & np.all(sub > 0, axis=0)
        if not good.any():
            continue
        pred = np.exp(w @ np.log(sub[:, good]))
        out.append(np.abs(pred / table.K[i, good] - 1))
    return np.concatenate(out) if out else np.empty(0)


def loo_summary(errors: FloatArray) -> tuple[float, float, float]:
    """(median, 95th percentile, maximum) of leave-one-out errors.

    >>> loo_summary(np.array([1e-4, 2e-4, 3e-4]))
    (0.0002, 0.00029, 0.0003)
    """
    if not len(errors):
        return (math.nan, math.nan, math.nan)
    med, p95, top = np.percentile(errors, [50, 95, 100])
    return (round(float(med), 12), round(float(p95), 12), round(float(top), 12))
