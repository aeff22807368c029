"""Hydrogen-like subshells (n, l) beyond 1s: the share of the sum rule (12) below the photon
point, exactly (partial waves) and in the dipole approximation, for the K, L and M shells of a
real atom modelled by effective charges taken from its edge energies.

Atomic units (ħ = m = e = 1, energies in hartree, lengths in bohr); the photon point Q² = T²
of natural units is q = αT. One electron of a closed subshell (averaged over m), no Pauli
blocking, no screening beyond the effective charge.

The model
---------
A subshell of binding energy E_b is a hydrogen-like state (n, l) of charge
Z_eff = n √(2E_b/hartree) (so that Z_eff²/2n² = E_b); its radius is a = n²/Z_eff. The scaling
S_Z(T, q) = Z⁻² S_1(T/Z², q/Z) reduces every case to Z = 1, and the share below q_max,

    δ(T, q_max) = T ∫_0^{q_max²} S(T, q) dq²/q² = 2T ∫_0^{q_max} S(T, q) dq/q,

is invariant under it: δ_Z(T, q_max) = δ_1(T/Z², q_max/Z).

Exact S: partial waves
----------------------
With e^{iq·r} = 4π Σ_λμ i^λ j_λ(qr) Y*_λμ(q̂) Y_λμ(r̂), the average over the 2l + 1 initial
substates and the sum over the final ones give

    S(T, q) = Σ_{λ, l′} (2λ + 1)(2l′ + 1) (l′ λ l; 0 0 0)² [∫ R_nl(r) j_λ(qr) u_El′(r) r dr]²,

u_El′ = r R_El′ the energy-normalised regular Coulomb wave at E = T − E_b (Z = 1), computed by
Numerov's method from the origin (series start) and normalised exactly by the behaviour at the
origin, F_l(η, ρ) → C_l(η) ρ^{l+1} with C_l(η) = 2^l e^{−πη/2} |Γ(l + 1 + iη)|/(2l + 1)!
(η = −1/k); j_λ by Miller's downward recurrence. The integral over q is Gauss–Legendre. Floats
(NumPy): about 8 digits. The dipole value is the q → 0 limit, S → A q² with
A = Σ_{l′ = l ± 1} (2l′ + 1)(l′ 1 l; 0 0 0)² M₁²/3, M_p = ∫ R_nl r^p u_El′ r dr, so
δ_dipole = T A q_max² (Eq. (13) per electron).

Leading correction: series in q²
--------------------------------
Expanding j_λ(x) = x^λ/(2λ + 1)!! (1 − x²/(2(2λ + 3)) + …) gives S = A q² + B q⁴ + O(q⁶) with

    B = Σ_{l′ = l ± 1} (2l′ + 1)(l′ 1 l; 0 0 0)² (−M₁M₃/15) + M₂(l′ = l)²/36
        + Σ_{l′} (2l′ + 1)(l′ 2 l; 0 0 0)² M₂²/45,

(the λ = 0 term needs l′ = l: the bound and continuum states are orthogonal), so the dipole
error of the share is ε ≈ B q_max²/(2A). :func:`leading_error` computes the moments with
mpmath's Coulomb functions and quadrature, independently of the partial-wave route.

Third route: the three-dimensional Coulomb wave
----------------------------------------------
:func:`coulomb_wave_share` takes S_nl(T, q) in closed form from Nordsieck's integral
(:func:`sumrules.models.hydrogenic.coulomb_waves.continuum_density`, mpmath) and integrates it
by Gauss–Legendre in q; no partial waves, no Numerov, no Bessel functions.

1s against Bethe's closed form (:func:`sumrules.models.hydrogenic.ground.low_q_fraction`), and
the leading term against the exact error:

>>> from sumrules.models.hydrogenic import ground
>>> s = low_q_share(1, 0, 0.6, 0.05)
>>> abs(s.exact / float(ground.low_q_fraction(0.6, alpha=0.05 / 0.6, dps=15)) - 1) < 1e-6
True
>>> round(s.error, 5), round(float(leading_error(1, 0, 0.6, 0.05)), 5)
(0.00242, 0.00243)

Germanium's L shell at its edge, and at the K edge (11.1 keV), where (q_max a)² is no longer
small:

>>> l23 = shells_from_edges({"L2": 1.2481, "L3": 1.217}, ("L2", "L3"))[0]
>>> [round(l23.q_max_a_squared(t), 4) for t in (1.2275, 11.1031)]
[0.0048, 0.3931]
>>> [round(shell_share(l23, t).error, 4) for t in (1.2275, 11.1031)]
[0.0035, 0.0758]
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

import mpmath
import numpy as np
import numpy.typing as npt

from sumrules.core.numeric import is_count, memoized, precision, validate_dps
from sumrules.data.constants import ALPHA
from sumrules.data.units import kev_to_hartree
from sumrules.models.hydrogenic import coulomb_waves

__all__ = [
    "PAIRS",
    "SUBSHELLS",
    "FloatArray",
    "ShellShare",
    "Subshell",
    "atom_error_bound",
    "bound_radial",
    "coulomb_regular",
    "coulomb_wave_share",
    "leading_error",
    "low_q_share",
    "shell_leading_error",
    "shell_share",
    "shells_from_edges",
    "spherical_jn",
    "three_j_squared",
]

FloatArray = npt.NDArray[np.float64]

#: IUPAC subshell name → (n, l, electrons of the closed subshell, 2j + 1)
SUBSHELLS: Mapping[str, tuple[int, int, int]] = {
    "K": (1, 0, 2),
    "L1": (2, 0, 2),
    "L2": (2, 1, 2),
    "L3": (2, 1, 4),
    "M1": (3, 0, 2),
    "M2": (3, 1, 2),
    "M3": (3, 1, 4),
    "M4": (3, 2, 4),
    "M5": (3, 2, 6),
}
#: spin–orbit partners combined into one (n, l) shell
PAIRS: tuple[tuple[str, str], ...] = (("L2", "L3"), ("M2", "M3"), ("M4", "M5"))

#: largest partial wave λ (and the continuum l′ ≤ λ + l) the partial-wave route will use
LAMBDA_CAP = 100
#: the last two partial waves must be below this share of S at q_max
LAMBDA_TOLERANCE = 1e-10
#: the Coulomb waves follow their series at r < SERIES_REACH·l·min(1, 2/k) (bohr, Z = 1)
SERIES_REACH = 0.25
#: Gauss–Legendre nodes per segment of the moments in :func:`leading_error`
MOMENT_NODES = 16
#: the radial step (bohr, Z = 1) at most; 0.15/k where the continuum wave is shorter
STEP = 0.02


@dataclass(frozen=True)
class Subshell:
    """A (combined) subshell: its name, (n, l), electrons, binding energy (keV, occupancy-weighted
    over its spin–orbit partners) and the edges it stands for.

    >>> k = Subshell("K", 1, 0, 2, 11.103, ("K",))
    >>> round(k.z_eff, 2), round(k.radius, 4), round(k.q_max_a_squared(11.103), 4)
    (28.57, 0.035, 0.0109)
    """

    name: str
    n: int
    l: int
    electrons: int
    binding_keV: float
    edges: tuple[str, ...]

    @property
    def binding_hartree(self) -> float:
        return float(kev_to_hartree(self.binding_keV))

    @property
    def z_eff(self) -> float:
        """n √(2E_b/hartree): the hydrogen-like charge with this binding energy."""
        return self.n * math.sqrt(2 * self.binding_hartree)

    @property
    def radius(self) -> float:
        """n²/Z_eff (bohr): the hydrogen-like shell radius."""
        return self.n**2 / self.z_eff

    def photon_q(self, T_keV: float) -> float:
        """q = αT (bohr⁻¹): the photon point at photon energy T."""
        return float(ALPHA.mpf() * kev_to_hartree(T_keV))

    def q_max_a_squared(self, T_keV: float) -> float:
        """(q_max a)² at T: the dipole expansion parameter of the share below Q² = T²."""
        return (self.photon_q(T_keV) * self.radius) ** 2

    @property
    def label(self) -> str:
        return f"{self.name} ({self.n}{'spd'[self.l]}, Z_eff = {self.z_eff:.2f})"


def shells_from_edges(
    edges_keV: Mapping[str, float], names: Sequence[str] = tuple(SUBSHELLS)
) -> tuple[Subshell, ...]:
    """Shells of closed subshells ``names`` with the binding energies ``edges_keV``; spin–orbit
    partners (:data:`PAIRS`) present together become one (n, l) shell whose binding energy is
    their average weighted by occupancy (2j + 1 electrons each).

    >>> s = shells_from_edges({"L2": 1.2481, "L3": 1.217}, ("L2", "L3"))
    >>> s[0].name, s[0].electrons, round(s[0].binding_keV, 5)
    ('L2,3', 6, 1.22737)
    """
    unknown = [name for name in names if name not in SUBSHELLS or name not in edges_keV]
    if unknown:
        raise ValueError(f"names must be subshells with an edge energy, got {unknown}")
    out: list[Subshell] = []
    done: set[str] = set()
    for name in names:
        if name in done:
            continue
        partner = next((b for a, b in PAIRS if a == name and b in names), None)
        group = (name, partner) if partner else (name,)
        n, l, _ = SUBSHELLS[name]
        electrons = sum(SUBSHELLS[g][2] for g in group)
        energy = sum(SUBSHELLS[g][2] * edges_keV[g] for g in group) / electrons
        label = f"{name},{partner[1:]}" if partner else name
        out.append(Subshell(label, n, l, electrons, energy, group))
        done.update(group)
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# the functions (Z = 1, NumPy)


def three_j_squared(a: int, b: int, c: int) -> Fraction:
    """(a b c; 0 0 0)², exact.

    >>> three_j_squared(1, 1, 0), three_j_squared(2, 1, 1), three_j_squared(1, 1, 1)
    (Fraction(1, 3), Fraction(2, 15), Fraction(0, 1))
    """
    j = a + b + c
    if j % 2 or a > b + c or b > a + c or c > a + b:
        return Fraction(0)
    g = j // 2
    f = math.factorial
    ratio = Fraction(f(j - 2 * a) * f(j - 2 * b) * f(j - 2 * c), f(j + 1))
    return ratio * Fraction(f(g), f(g - a) * f(g - b) * f(g - c)) ** 2


def _laguerre(m: int, alpha: int, x: FloatArray) -> FloatArray:
    """The generalised Laguerre polynomial L_m^(α)(x) by its three-term recurrence."""
    prev, cur = np.zeros_like(x), np.ones_like(x)
    for k in range(m):
        prev, cur = cur, ((2 * k + 1 + alpha - x) * cur - (k + alpha) * prev) / (k + 1)
    return cur


def bound_radial(n: int, l: int, r: FloatArray) -> FloatArray:
    """R_nl(r) of hydrogen (Z = 1), normalised: ∫ R² r² dr = 1.

    >>> r = np.linspace(0, 80, 16001)
    >>> [round(float(np.trapezoid(bound_radial(3, l, r) ** 2 * r**2, r)), 8) for l in range(3)]
    [1.0, 1.0, 1.0]
    """
    x = 2 * np.asarray(r, dtype=np.float64) / n
    norm = math.sqrt((2 / n) ** 3 * math.factorial(n - l - 1) / (2 * n * math.factorial(n + l)))
    return np.asarray(norm * np.exp(-x / 2) * x**l * _laguerre(n - l - 1, 2 * l + 1, x))


def _coulomb_norm(l: int, k: float) -> float:
    """√(2/(πk)) C_l(η) k^{l+1}, η = −1/k: from u = r^{l+1}(1 + …) to the energy-normalised wave."""
    with mpmath.workdps(30):
        eta = -1 / mpmath.mpf(k)
        log_c = (
            l * mpmath.log(2)
            - mpmath.pi * eta / 2
            + mpmath.re(mpmath.loggamma(l + 1 + 1j * eta))
            - mpmath.loggamma(2 * l + 2)
        )
        log_all = log_c + (l + 1) * mpmath.log(k) + mpmath.log(2 / (mpmath.pi * k)) / 2
        return float(mpmath.exp(log_all))


def _series_start(l: int, k: float, r: FloatArray) -> FloatArray:
    """u = r^{l+1} Σ a_j r^j, a_0 = 1, j(j + 2l + 1)a_j = −2a_{j−1} − k²a_{j−2} (small r)."""
    total = np.ones_like(r)
    a2, a1 = 0.0, 1.0
    power = np.ones_like(r)
    small = False
    for j in range(1, 400):
        a = (-2 * a1 - k * k * a2) / (j * (j + 2 * l + 1))
        power = power * r
        term = a * power
        total += term
        a2, a1 = a1, a
        # two negligible terms in a row: one coefficient may vanish by accident (k = 1, l = 1)
        negligible = bool(np.all(np.abs(term) <= 1e-17 * np.abs(total)))
        if negligible and small:
            break
        small = negligible
    return np.asarray(total * r ** (l + 1))


def coulomb_regular(ls: Sequence[int], k: float, h: float, points: int) -> FloatArray:
    """u_El(r) = √(2/(πk)) F_l(−1/k, kr), energy-normalised (Z = 1, E = k²/2), for each l in
    ``ls`` (rows) on r = 0, h, …, (points − 1)h: Numerov's method from a series start,
    normalised at the origin (see the module docstring).

    >>> u = coulomb_regular([0, 3], 0.8, 0.05, 401)
    >>> exact = [float(mpmath.sqrt(2 / (mpmath.pi * 0.8)) * mpmath.coulombf(l, -1 / 0.8, 0.8 * 20))
    ...          for l in (0, 3)]
    >>> [round(float(u[i, -1]) / e, 6) for i, e in enumerate(exact)]
    [1.0, 1.0]
    """
    r = np.arange(points, dtype=np.float64) * h
    ls_arr = np.asarray(ls, dtype=np.float64)
    u = np.zeros((points, len(ls)))
    # the series up to r = SERIES_REACH·l·min(1, 2/k), inside the turning point ρ = l and
    # independent of h (so Numerov's error falls as h⁴); Numerov beyond
    reach = SERIES_REACH * min(1.0, 2 / k)
    start = np.array([max(2, math.ceil(reach * l / h)) for l in ls])
    for i, l in enumerate(ls):
        stop = min(points, start[i] + 2)
        u[:stop, i] = _series_start(l, k, r[:stop])
    with np.errstate(divide="ignore", invalid="ignore"):
        g = ls_arr[None, :] * (ls_arr[None, :] + 1) / r[:, None] ** 2 - 2 / r[:, None] - k * k
    w = 1 - h * h * g / 12
    c = 2 * (1 + 5 * h * h * g / 12)
    first, last = int(start.min()), int(start.max()) + 1
    for i in range(first, min(last, points - 1)):
        nxt = (c[i] * u[i] - w[i - 1] * u[i - 1]) / w[i + 1]
        u[i + 1] = np.where(i + 1 < start + 2, u[i + 1], nxt)
    for i in range(max(first, last), points - 1):
        u[i + 1] = (c[i] * u[i] - w[i - 1] * u[i - 1]) / w[i + 1]
    norms = np.array([_coulomb_norm(l, k) for l in ls])
    return np.asarray((u * norms[None, :]).T)


def spherical_jn(lmax: int, x: FloatArray) -> FloatArray:
    """j_λ(x) for λ = 0 … lmax (rows) at x ≥ 0: the power series for x < 0.5, Miller's downward
    recurrence above, normalised by j₀ or j₁ (whichever is larger there).

    >>> v = spherical_jn(30, np.array([0.1, 3.0, 40.0]))
    >>> ref = [float(mpmath.sqrt(mpmath.pi / (2 * x)) * mpmath.besselj(l + 0.5, x))
    ...        for l, x in ((1, 0.1), (30, 3.0), (7, 40.0))]
    >>> [round(float(v[l, i]) / e, 10) for (l, i), e in zip(((1, 0), (30, 1), (7, 2)), ref)]
    [1.0, 1.0, 1.0]
    """
    x = np.asarray(x, dtype=np.float64)
    out = np.zeros((lmax + 1, x.size))
    small = x < 0.5
    xs = x[small]
    if xs.size:
        lam = np.arange(lmax + 1, dtype=np.float64)[:, None]
        lead = np.empty((lmax + 1, xs.size))
        lead[0] = 1.0
        for j in range(1, lmax + 1):
            lead[j] = lead[j - 1] * xs / (2 * j + 1)
        term, total = lead, lead.copy()
        y = -xs * xs / 2
        for j in range(1, 14):
            term = term * y / (j * (2 * lam + 2 * j + 1))
            total += term
        out[:, small] = total
    xb = x[~small]
    if xb.size:
        out[:, ~small] = _miller(lmax, xb)
    return out


def _miller(lmax: int, x: FloatArray) -> FloatArray:
    """j_0 … j_lmax at x ≥ 0.5 by downward recurrence from far above max(x, lmax)."""
    top = float(x.max())
    start = lmax + 20 + math.ceil(top + 6 * math.sqrt(top))
    upper, cur = np.zeros_like(x), np.full_like(x, 1e-30)
    vals = np.zeros((lmax + 1, x.size))
    for lam in range(start, 0, -1):
        upper, cur = cur, (2 * lam + 1) / x * cur - upper  # cur = j_{lam-1}, upper = j_lam
        if lam - 1 > lmax:
            big = np.maximum(np.abs(cur), np.abs(upper)) > 1e100
            upper, cur = np.where(big, upper * 1e-100, upper), np.where(big, cur * 1e-100, cur)
            if lam - 1 == lmax + 1:  # from here on the values grow by at most ~1e220
                scale = np.maximum(np.abs(cur), np.abs(upper))
                upper, cur = upper / scale, cur / scale
        else:
            vals[lam - 1] = cur
    j0 = np.sin(x) / x
    j1 = np.sin(x) / x**2 - np.cos(x) / x
    use0 = np.abs(j0) >= np.abs(j1) if lmax >= 1 else np.ones(x.size, dtype=bool)
    ref = np.where(use0, j0, j1)
    got = np.where(use0, vals[0], vals[min(1, lmax)])
    return np.asarray(vals * (ref / got))


def _simpson_weights(points: int, h: float) -> FloatArray:
    if points % 2 == 0:
        raise ValueError("Simpson's rule needs an odd number of points")
    w = np.full(points, 2.0)
    w[1::2] = 4.0
    w[0] = w[-1] = 1.0
    return np.asarray(w * h / 3)


@dataclass(frozen=True)
class ShellShare:
    """The share of the sum rule below q_max, exact (partial waves) and dipole (T A q_max²),
    per electron, with the partial waves used."""

    exact: float
    dipole: float
    lambda_max: int

    @property
    def error(self) -> float:
        """exact/dipole − 1: the dipole approximation's relative error."""
        return self.exact / self.dipole - 1


def _scaled(T: float, q_max: float, Z: float, n: int) -> tuple[float, float, float]:
    if not (math.isfinite(Z) and Z > 0):
        raise ValueError(f"Z must be a finite positive number, got {Z!r}")
    t, q = T / Z**2, q_max / Z
    energy = t - 1 / (2 * n * n)
    if not energy > 0:
        raise ValueError(f"T must exceed the binding energy Z²/2n², got T = {T!r}, Z = {Z!r}")
    if not q > 0:
        raise ValueError(f"q_max must be positive, got {q_max!r}")
    return t, q, math.sqrt(2 * energy)


def _couplings(l: int, lam: int) -> list[tuple[int, FloatArray]]:
    """For each l′ − λ = d (d ≡ l mod 2, |d| ≤ l): (2λ + 1)(2l′ + 1)(l′ λ l; 0 0 0)², λ = 0 … lam."""
    out = []
    for d in range(-l, l + 1, 2):
        c = [
            (2 * j + 1) * (2 * (j + d) + 1) * float(three_j_squared(j + d, j, l))
            if j + d >= 0
            else 0.0
            for j in range(lam + 1)
        ]
        out.append((d, np.array(c)))
    return out


def low_q_share(
    n: int, l: int, T: float, q_max: float, *, Z: float = 1.0, nodes: int = 24
) -> ShellShare:
    """δ = 2T ∫_0^{q_max} S dq/q for one electron in the hydrogen-like (n, l) of charge Z, by
    partial waves (module docstring), and its dipole value T A q_max² (T in hartree, q_max in
    bohr⁻¹). ValueError below the threshold or for a bad argument.

    >>> s = low_q_share(2, 1, 3.0, 0.5, Z=2.0)  # T = 6I, (q_max a)² = 1
    >>> s.lambda_max, round(s.error, 3)
    (12, 0.316)
    >>> low_q_share(2, 1, 0.4, 0.5, Z=2.0)
    Traceback (most recent call last):
    ...
    ValueError: T must exceed the binding energy Z²/2n², got T = 0.4, Z = 2.0
    """
    if not (is_count(n, 1) and is_count(l) and l < n):
        raise ValueError(f"n, l must be integers with 0 <= l < n, got {n!r}, {l!r}")
    t, q, k = _scaled(float(T), float(q_max), float(Z), n)
    r_max = n * (30 + 4 * (n - 1))
    h = min(STEP, 0.1 / k)
    points = 2 * math.ceil(r_max / h / 2) + 1
    h = r_max / (points - 1)
    r: FloatArray = np.arange(points, dtype=np.float64) * h
    base: FloatArray = _simpson_weights(points, h) * bound_radial(n, l, r) * r
    lam = min(LAMBDA_CAP, math.ceil(2 * math.e * q * n * n) + 6)
    while True:
        share = _partial_waves(n, l, t, q, k, lam, r, base, nodes)
        if share is not None:
            return share
        if lam >= LAMBDA_CAP:
            raise ValueError(f"partial waves do not converge below λ = {LAMBDA_CAP}")
        lam = min(LAMBDA_CAP, lam + lam // 2)


def _partial_waves(
    n: int,
    l: int,
    t: float,
    q: float,
    k: float,
    lam: int,
    r: FloatArray,
    base: FloatArray,
    nodes: int,
) -> ShellShare | None:
    """The share by partial waves up to λ = lam; None if the last two are not negligible."""
    h = float(r[1] - r[0])
    u = coulomb_regular(list(range(lam + l + 1)), k, h, r.size)
    pad = np.vstack([np.zeros((l, r.size)), u])  # row l + l′ holds u_l′; rows below l′ = 0 are 0
    couplings = _couplings(l, lam)
    x, w = np.polynomial.legendre.leggauss(nodes)
    qs, wq = q * (x + 1) / 2, q * w / 2
    total = 0.0
    for i, (qi, wi) in enumerate(zip(qs, wq, strict=True)):
        jb = spherical_jn(lam, qi * r) * base
        terms = np.zeros(lam + 1)
        for d, c in couplings:
            rows = pad[l + d : l + d + lam + 1]
            terms += c * np.einsum("ij,ij->i", jb, rows) ** 2
        s = float(terms.sum())
        if i == nodes - 1 and max(terms[-1], terms[-2]) > LAMBDA_TOLERANCE * s:
            return None
        total += wi * 2 * s / qi
    m1 = np.einsum("ij,j->i", u, base * r)
    a = sum(
        (2 * lp + 1) * float(three_j_squared(lp, 1, l)) * m1[lp] ** 2 / 3
        for lp in (l - 1, l + 1)
        if lp >= 0
    )
    return ShellShare(float(t * total), float(t * a * q * q), lam)


@functools.lru_cache(maxsize=256)
def shell_share(shell: Subshell, T_keV: float) -> ShellShare:
    """:func:`low_q_share` for one electron of ``shell`` below the photon point at T (keV)."""
    t = float(kev_to_hartree(T_keV))
    return low_q_share(shell.n, shell.l, t, shell.photon_q(T_keV), Z=shell.z_eff)


@functools.lru_cache(maxsize=256)
@memoized
def coulomb_wave_share(
    shell: Subshell, T_keV: float, *, nodes: int = 16, dps: int = 15
) -> ShellShare:
    """:func:`shell_share` with S_nl(T, q) from the three-dimensional Coulomb wave (Nordsieck's
    integral) and ``nodes`` Gauss–Legendre nodes in q; the dipole value T A q_max² with
    A = S/q² at q = 10⁻⁴ q_max (its q² correction is below 10⁻⁸ there). ``lambda_max`` is 0
    (no partial waves).

    >>> l23 = shells_from_edges({"L2": 1.2481, "L3": 1.217}, ("L2", "L3"))[0]
    >>> a, b = coulomb_wave_share(l23, 11.1031), shell_share(l23, 11.1031)
    >>> abs(a.exact / b.exact - 1) < 1e-6, abs(a.error - b.error) < 1e-6
    (True, True)
    """
    with precision(dps + 5):
        t = kev_to_hartree(T_keV, dps=dps + 5)
        q = mpmath.mpf(shell.photon_q(T_keV))
        z = mpmath.mpf(shell.z_eff)

        def s(x: mpmath.mpf) -> mpmath.mpf:
            return coulomb_waves.continuum_density(shell.n, shell.l, t, x, Z=z, dps=dps)

        x, w = np.polynomial.legendre.leggauss(nodes)
        total = mpmath.fsum(
            mpmath.mpf(float(wi))
            * s(q * (mpmath.mpf(float(xi)) + 1) / 2)
            / ((mpmath.mpf(float(xi)) + 1) / 2)
            for xi, wi in zip(x, w, strict=True)
        )
        exact = 2 * t * total / 2  # 2T ∫ S dq/q with dq/q = d(u)/u, u = (x + 1)/2 on [0, 1]
        small = q * mpmath.mpf(10) ** -4
        dipole = t * s(small) / small**2 * q * q
    return ShellShare(float(exact), float(dipole), 0)


@functools.lru_cache(maxsize=256)
def shell_leading_error(shell: Subshell, T_keV: float) -> float:
    """:func:`leading_error` for one electron of ``shell`` at T (keV)."""
    t = kev_to_hartree(T_keV)
    return float(leading_error(shell.n, shell.l, t, shell.photon_q(T_keV), Z=shell.z_eff))


def atom_error_bound(k_error: float, outer_errors: Sequence[float], outer_share: float) -> float:
    """An upper bound on the atom's dipole error at a photon energy where the K shell carries
    1 − ``outer_share`` of σ_γ: δ_exact/δ_dipole − 1 = Σ_s w_s ε_s ≤ (1 − w)ε_K + w max ε_outer.

    >>> round(atom_error_bound(0.005, [0.04, 0.13], 0.13), 4)
    0.0213
    """
    if not 0 <= outer_share <= 1:
        raise ValueError(f"outer_share must lie in [0, 1], got {outer_share!r}")
    return (1 - outer_share) * k_error + outer_share * max(outer_errors, default=0.0)


# ---------------------------------------------------------------------------------------------
# the leading correction by mpmath (independent of NumPy, Numerov and the partial waves)


def _moments(
    n: int, l: int, k: mpmath.mpf, wanted: Sequence[tuple[int, int]]
) -> dict[tuple[int, int], mpmath.mpf]:
    """M_p(l′) = ∫ R_nl r^p u_El′ r dr for each (l′, p) in ``wanted``, with mpmath's Coulomb
    function (Z = 1) on Gauss–Legendre nodes in [0, 64n] (geometric segments; beyond, the bound
    state is below e^{−64})."""
    eta = -1 / k
    norm = mpmath.sqrt(2 / (mpmath.pi * k))
    nf = mpmath.sqrt(
        (mpmath.mpf(2) / n) ** 3 * mpmath.factorial(n - l - 1) / (2 * n * mpmath.factorial(n + l))
    )
    x, w = np.polynomial.legendre.leggauss(MOMENT_NODES)
    cuts = [mpmath.mpf(0)] + [mpmath.mpf(n) * mpmath.mpf(2) ** j for j in range(-2, 7)]
    rs, ws = [], []
    for a, b in itertools.pairwise(cuts):
        rs += [a + (b - a) * (mpmath.mpf(float(xi)) + 1) / 2 for xi in x]
        ws += [(b - a) * mpmath.mpf(float(wi)) / 2 for wi in w]
    bound = []
    for r in rs:
        y = 2 * r / n
        bound.append(nf * mpmath.exp(-r / n) * y**l * mpmath.laguerre(n - l - 1, 2 * l + 1, y))
    out = {}
    for lp in sorted({lp for lp, _ in wanted}):
        f = [norm * mpmath.coulombf(lp, eta, k * r) for r in rs]
        for lp_, p in wanted:
            if lp_ == lp:
                out[(lp, p)] = mpmath.fsum(
                    wi * bi * r ** (p + 1) * fi
                    for wi, bi, r, fi in zip(ws, bound, rs, f, strict=True)
                )
    return out


def _w(a: int, b: int, c: int) -> mpmath.mpf:
    """(2a + 1)(a b c; 0 0 0)² as mpf."""
    v = (2 * a + 1) * three_j_squared(a, b, c)
    return mpmath.mpf(v.numerator) / v.denominator


def leading_error(
    n: int, l: int, T: object, q_max: object, *, Z: object = 1, dps: int = 15
) -> mpmath.mpf:
    """ε ≈ B q_max²/(2A): the leading dipole error of the share below q_max (module docstring),
    from mpmath's Coulomb functions (T in hartree, q_max in bohr⁻¹, charge Z)."""
    validate_dps(dps)
    with precision(dps + 5):
        z = mpmath.mpf(Z)
        t, q = mpmath.mpf(T) / z**2, mpmath.mpf(q_max) / z
        energy = t - mpmath.mpf(1) / (2 * n * n)
        if not energy > 0:
            raise ValueError(f"T must exceed the binding energy Z²/2n², got T = {T!r}")
        k = mpmath.sqrt(2 * energy)
        dip = [lp for lp in (l - 1, l + 1) if lp >= 0]
        quad = [lp for lp in range(max(0, l - 2), l + 3) if three_j_squared(lp, 2, l)]
        wanted = [(lp, 1) for lp in dip] + [(lp, 3) for lp in dip] + [(lp, 2) for lp in quad]
        m = _moments(n, l, k, [*wanted, (l, 2)])
        a = mpmath.fsum(_w(lp, 1, l) * m[(lp, 1)] ** 2 / 3 for lp in dip)
        b = -mpmath.fsum(_w(lp, 1, l) * m[(lp, 1)] * m[(lp, 3)] / 15 for lp in dip)
        b += m[(l, 2)] ** 2 / 36 + mpmath.fsum(_w(lp, 2, l) * m[(lp, 2)] ** 2 / 45 for lp in quad)
        value = b * q * q / (2 * a)
    with precision(dps):
        return +value
