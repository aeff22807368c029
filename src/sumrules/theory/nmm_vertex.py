"""The magnetic-moment vertex of Eq. (3), L = μ (ν̄ σ_μν ν) q^μ A^ν, checked three ways.

* **Pauli form.** For a plane wave A^ν e^{−iq·x}, F^{μν} = ∂^μA^ν − ∂^νA^μ and the standard
  Pauli term (μ/2) σ_μν F^{μν} equals μ σ_μν q^μ A^ν times a phase: the printed vertex has
  the standard normalization (no factor 2 or 1/2). By sympy (derivatives of the plane wave, 4×4
  matrices) and by mpmath (amplitudes between explicit Dirac spinors).
* **Bohr magneton.** The Gordon identity ū′γ^μu = ū′[(p + p′)^μ/2m + κ iσ^{μν}q_ν]u, q = p′ − p,
  has κ = 1/2m: a Dirac particle of charge e carries the vertex (3) with μ = e/2m, so μ_B = e/2m
  is the Bohr magneton in the same normalization as μ_ν. By sympy (the matrix identity
  p̸′γ^μ + γ^μp̸ = (p + p′)^μ + iσ^{μν}q_ν) and by explicit spinors.
* **Coulomb exchange.** The vertex with A₀ = g ρ/Q² on a static target gives
  d²σ/dT dQ² = C S(T, Q²); :func:`coulomb_exchange_spinors` computes C from explicit massless
  spinors, independently of the traces of :func:`sumrules.theory.scattering.
  coulomb_exchange_coefficient`.

Metric diag(1, −1, −1, −1), σ^{μν} = (i/2)[γ^μ, γ^ν], Dirac representation.

>>> pauli_ratio((1, 2, 0, 3), (0, 1, -1, 2))
-I
>>> gordon_coefficient()
1/2
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Literal

import mpmath
import sympy as sp

from sumrules.core.numeric import precision
from sumrules.theory.scattering import dirac_matrices

__all__ = [
    "KINDS",
    "coulomb_exchange_spinors",
    "gordon_coefficient",
    "gordon_coefficient_spinors",
    "matrix_ratio",
    "pauli_ratio",
    "pauli_ratio_general",
    "pauli_ratio_spinors",
]

_ETA = (1, -1, -1, -1)
#: the vertices :func:`pauli_ratio` and :func:`coulomb_exchange_spinors` can compare:
#: "printed" μσ_μν q^μ A^ν; "no half" the Pauli term without its 1/2 (μσF); "charge" γ^ν A_ν
KINDS = ("printed", "no half", "charge")
Kind = Literal["printed", "no half", "charge"]


def _sigma(a: int, b: int) -> sp.Matrix:
    g = dirac_matrices()
    return sp.I / 2 * (g[a] * g[b] - g[b] * g[a])


def matrix_ratio(a: sp.Matrix, b: sp.Matrix) -> sp.Expr:
    """The number c with a = c b (sympy), or nan if a is not a multiple of b.

    >>> matrix_ratio(sp.Matrix([[2, 0], [0, 4]]), sp.Matrix([[1, 0], [0, 2]]))
    2
    """
    pairs = [(sp.expand(x), sp.expand(y)) for x, y in zip(a, b, strict=True)]
    ratios = {sp.cancel(x / y) for x, y in pairs if y != 0}
    zeros_match = all(x == 0 for x, y in pairs if y == 0)
    if len(ratios) == 1 and zeros_match:
        return ratios.pop()
    return sp.nan


def _vertex(q: Sequence[sp.Expr], a: Sequence[sp.Expr], kind: Kind) -> sp.Matrix:
    g = dirac_matrices()
    out = sp.zeros(4)
    if kind == "charge":
        for n in range(4):
            out += g[n] * a[n] * _ETA[n]
        return out
    for m in range(4):
        for n in range(4):
            out += _sigma(m, n) * _ETA[m] * _ETA[n] * q[m] * a[n]  # σ_μν q^μ a^ν
    return out


def pauli_ratio(q: Sequence[object], a: Sequence[object], kind: Kind = "printed") -> sp.Expr:
    """c with (1/2) σ_μν F^{μν} = c · V for the plane wave A^ν = a^ν e^{−iq·x} (sympy).

    F^{μν} is obtained by differentiating the plane wave; V is the vertex ``kind``
    (see :data:`KINDS`) at the same point x, so |c| = 1 says V is the Pauli term.
    """
    xs = sp.symbols("x0:4", real=True)
    qv, av = [sp.sympify(v) for v in q], [sp.sympify(v) for v in a]
    phase = sp.exp(-sp.I * sum(_ETA[i] * qv[i] * xs[i] for i in range(4)))
    field = [av[n] * phase for n in range(4)]

    def d_up(m: int, f: sp.Expr) -> sp.Expr:
        return _ETA[m] * sp.diff(f, xs[m])

    pauli = sp.zeros(4)
    for m in range(4):
        for n in range(4):
            f_mn = d_up(m, field[n]) - d_up(n, field[m])
            pauli += _sigma(m, n) * _ETA[m] * _ETA[n] * f_mn / 2
    vertex = _vertex(qv, av, kind)
    scale = 2 if kind == "no half" else 1
    return sp.simplify(matrix_ratio(pauli / phase, scale * vertex))


@cache
def pauli_ratio_general(kind: Kind = "printed") -> sp.Expr:
    """:func:`pauli_ratio` for symbolic q^μ and a^ν: the identity for every plane wave."""
    return pauli_ratio(sp.symbols("q0:4", real=True), sp.symbols("a0:4", real=True), kind)


# --------------------------------------------------------------------------------------------
# numeric Dirac algebra (mpmath), independent of the sympy matrices above


@cache
def _gammas(dps: int) -> tuple[mpmath.matrix, ...]:
    with precision(dps):
        return tuple(
            mpmath.matrix([[complex(m[i, j]) for j in range(4)] for i in range(4)])
            for m in dirac_matrices()
        )


def _sigma_num(g: Sequence[mpmath.matrix], a: int, b: int) -> mpmath.matrix:
    return (g[a] * g[b] - g[b] * g[a]) * mpmath.mpc(0, 0.5)


def _spinors(p: Sequence[mpmath.mpf], mass: mpmath.mpf) -> list[mpmath.matrix]:
    """u(p, s) for the two spin states along z; ū u = 2m (massless: u†u = 2E)."""
    en = p[0]
    x, y, z = p[1], p[2], p[3]
    pauli = mpmath.matrix([[z, mpmath.mpc(x, -y)], [mpmath.mpc(x, y), -z]])
    out = []
    for chi in (mpmath.matrix([[1], [0]]), mpmath.matrix([[0], [1]])):
        big = chi * mpmath.sqrt(en + mass)
        small = pauli * chi / mpmath.sqrt(en + mass)
        out.append(mpmath.matrix([[big[0]], [big[1]], [small[0]], [small[1]]]))
    return out


def _sandwich(
    left: mpmath.matrix, mat: mpmath.matrix, right: mpmath.matrix, g0: mpmath.matrix
) -> mpmath.mpc:
    return (left.H * g0 * mat * right)[0]


def _mp_vector(v: Sequence[object]) -> list[mpmath.mpf]:
    return [mpmath.mpmathify(sp.N(sp.sympify(x), mpmath.mp.dps + 5)) for x in v]


def _on_shell(p3: Sequence[object], mass: mpmath.mpf) -> list[mpmath.mpf]:
    v = _mp_vector(p3)
    return [mpmath.sqrt(mass**2 + sum(c**2 for c in v)), *v]


def pauli_ratio_spinors(
    q: Sequence[object], a: Sequence[object], kind: Kind = "printed", *, dps: int = 30
) -> mpmath.mpc:
    """The ratio of :func:`pauli_ratio` from amplitudes ū(p′)…u(p) between explicit spinors.

    F^{μν} = −i(q^μa^ν − q^νa^μ) for the plane wave; the amplitudes of the Pauli term and of
    the vertex are divided for all spin pairs of two momenta; nan if the ratios differ.
    """
    with precision(dps + 10):
        g = _gammas(dps + 10)
        qv, av = _mp_vector(q), _mp_vector(a)
        pauli = mpmath.zeros(4)
        vertex = mpmath.zeros(4)
        for m in range(4):
            for n in range(4):
                low = _ETA[m] * _ETA[n]
                f_mn = mpmath.mpc(0, -1) * (qv[m] * av[n] - qv[n] * av[m])
                pauli += _sigma_num(g, m, n) * (low * f_mn / 2)
                vertex += _sigma_num(g, m, n) * (low * qv[m] * av[n])
        if kind == "charge":
            vertex = sum((g[n] * (_ETA[n] * av[n]) for n in range(1, 4)), g[0] * av[0])
        if kind == "no half":
            vertex = vertex * 2
        mass = mpmath.mpf(1)
        ratios = []
        for p3, pp3 in (((0, 0, 0), (1, 2, -1)), ((sp.Rational(1, 2), 0, 3), (-1, 1, 0))):
            for u in _spinors(_on_shell(p3, mass), mass):
                for up in _spinors(_on_shell(pp3, mass), mass):
                    den = _sandwich(up, vertex, u, g[0])
                    if abs(den) > mpmath.mpf(10) ** (-dps):
                        ratios.append(_sandwich(up, pauli, u, g[0]) / den)
        spread = max(abs(r - ratios[0]) for r in ratios)
        value = ratios[0] if spread <= mpmath.mpf(10) ** (5 - dps) * abs(ratios[0]) else mpmath.nan
    with precision(dps):
        return +value


@cache
def gordon_coefficient() -> sp.Expr:
    """κ·m in ū′γ^μu = ū′[(p + p′)^μ/2m + κ iσ^{μν}q_ν]u (sympy).

    With the Dirac equation (ū′p̸′ = m ū′, p̸u = m u), ū′γ^μu = ū′(p̸′γ^μ + γ^μp̸)u/2m; the
    matrix identity p̸′γ^μ + γ^μp̸ − (p + p′)^μ = c · iσ^{μν}q_ν is solved for c with symbolic
    momenta, for every μ, and κ m = c/2.
    """
    g = dirac_matrices()
    p = sp.symbols("p0:4", real=True)
    pp = sp.symbols("pp0:4", real=True)

    def slash(v: Sequence[sp.Expr]) -> sp.Matrix:
        return sum((g[i] * v[i] * _ETA[i] for i in range(1, 4)), g[0] * v[0])

    found = set()
    for mu_ in range(4):
        lhs = slash(pp) * g[mu_] + g[mu_] * slash(p) - (p[mu_] + pp[mu_]) * sp.eye(4)
        rhs = sp.zeros(4)
        for nu_ in range(4):
            rhs += sp.I * _sigma(mu_, nu_) * _ETA[nu_] * (pp[nu_] - p[nu_])
        found.add(matrix_ratio(sp.expand(lhs), sp.expand(rhs)))
    if len(found) != 1:
        return sp.nan
    return found.pop() / 2


def gordon_coefficient_spinors(
    p3: Sequence[object], pp3: Sequence[object], *, mass: object = 1, dps: int = 30
) -> mpmath.mpf:
    """κ·m of the Gordon identity from explicit spinors of momenta p, p′ (mpmath).

    κ = [ū′γ^μu − ū′u (p + p′)^μ/2m] / ū′ iσ^{μν}q_ν u over all spin pairs and components μ
    whose denominator is not small; nan if they differ.
    """
    with precision(dps + 10):
        g = _gammas(dps + 10)
        m = mpmath.mpmathify(sp.N(sp.sympify(mass), dps + 15))
        p, pp = _on_shell(p3, m), _on_shell(pp3, m)
        q = [pp[i] - p[i] for i in range(4)]
        values = []
        for u in _spinors(p, m):
            for up in _spinors(pp, m):
                scalar = _sandwich(up, mpmath.eye(4), u, g[0])
                for mu_ in range(4):
                    tensor = mpmath.zeros(4)
                    for nu_ in range(4):
                        tensor += _sigma_num(g, mu_, nu_) * (mpmath.mpc(0, 1) * _ETA[nu_] * q[nu_])
                    den = _sandwich(up, tensor, u, g[0])
                    if abs(den) > mpmath.mpf(10) ** (-3):
                        num = _sandwich(up, g[mu_], u, g[0]) - scalar * (p[mu_] + pp[mu_]) / (2 * m)
                        values.append(num / den * m)
        spread = max(abs(v - values[0]) for v in values)
        ok = spread <= mpmath.mpf(10) ** (5 - dps)
        value = mpmath.re(values[0]) if ok and abs(mpmath.im(values[0])) < 1e-20 else mpmath.nan
    with precision(dps):
        return +value


def coulomb_exchange_spinors(
    E_nu: object, T_kin: object, Q2_value: object, *, kind: Kind = "printed", dps: int = 30
) -> mpmath.mpf:
    """C of d²σ/dT dQ² = C S(T, Q²) at μ = g = 1, from explicit massless spinors (mpmath).

    The neutrino (left-handed in, both helicities out) absorbs q = (T, 0, 0, |q|) from
    A₀ = g ρ/Q²; |M|² = Σ |ū(k′) V⁰ P_L u(k)|² / Q⁴ and the static-target phase space
    1/(16πE²). ``kind`` "charge" puts γ⁰ in place of σ^{μ0}q_μ (a negative control).
    """
    with precision(dps + 10):
        g = _gammas(dps + 10)
        en, t, q2 = (
            mpmath.mpmathify(sp.N(sp.sympify(x), dps + 15)) for x in (E_nu, T_kin, Q2_value)
        )
        qz = mpmath.sqrt(q2)
        if not (t < en and t <= qz <= 2 * en - t):
            raise ValueError(f"(E, T, Q²) = ({E_nu}, {T_kin}, {Q2_value}) is not kinematic")
        kz = (en**2 + q2 - (en - t) ** 2) / (2 * qz)
        k = [en, mpmath.sqrt(en**2 - kz**2), mpmath.mpf(0), kz]
        q = [t, mpmath.mpf(0), mpmath.mpf(0), qz]
        kp = [k[i] - q[i] for i in range(4)]
        vertex = g[0] if kind == "charge" else mpmath.zeros(4)
        if kind != "charge":
            for a in range(4):
                vertex += _sigma_num(g, a, 0) * (_ETA[a] * q[a])  # σ^{a0} q_a
        left = (mpmath.eye(4) - g[4]) / 2
        zero = mpmath.mpf(0)
        total = mpmath.fsum(
            abs(_sandwich(up, vertex * left, u, g[0])) ** 2
            for u in _spinors(k, zero)
            for up in _spinors(kp, zero)
        )
        value = total / q2**2 / (16 * mpmath.pi * en**2)
    with precision(dps):
        return +value
