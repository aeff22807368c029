"""r_nmm and r_ew of any (n, l) by partial waves, with the q-integral done exactly.

Atomic units, Z = 1 (the ratios depend on T/I alone). The partial-wave structure function of
:mod:`.partial_waves` is S(T, q) = Σ_{l′L} A(l, l′, L) I_{l′L}(q)² with

    I_{l′L}(q) = ∫₀^∞ f_l′(r) j_L(qr) dr,   f_l′(r) = √(2/(πk)) F_l′(η, kr) R_nl(r) r.

A quadrature of S in q needs S at about 10³ points, each a set of oscillatory radial integrals,
and the tail q → ∞ needs ever finer radial grids. Here the q-integral is done in closed form
instead. The Mellin transform in q factorises, Ĩ(z) = ∫ I q^{z−1} dq = M_j(L, z) M_l′(1 − z),
with the Bessel part exact,

    M_j(L, z) = ∫₀^∞ j_L(x) x^{z−1} dx = 2^{z−2} √π Γ((L + z)/2) / Γ((L + 3 − z)/2),

and M_l′(s) = ∫₀^∞ f_l′(r) r^{s−1} dr. Mellin–Parseval, ∫ I² q^{2σ−1} dq = (1/2π) ∫ |Ĩ(σ + iτ)|² dτ,
at σ = 0 (weight dq/q) and σ = 1 (weight q dq) gives

    r_nmm = 2T ∫ S dq/q = (T/π) Σ A ∫ (π/16) |Γ((L+iτ)/2) / Γ((L+3+iτ)/2)|² |M_l′(1 − iτ)|² dτ,
    r_ew  =   ∫ S q dq  = (1/2π) Σ A ∫ (π/4) |Γ((L+1+iτ)/2) / Γ((L+2+iτ)/2)|² |M_l′(−iτ)|² dτ,

the τ-integrals over the whole real line. Both Gamma ratios follow in L by Γ(z + 1) = z Γ(z).

**Numerics.** In u = ln r on a uniform grid of step h, M_l′(s − iτ) ≈ h Σ_j f_l′(r_j) r_j^s
e^{−iτu_j}; at τ_k = kΔτ with Δτ = 2π/(Nh) that is a discrete Fourier transform of length N
(python-flint's ``acb.dft``; the nmm and ew sequences travel as the real and imaginary parts of
one). f_l′ is analytic in the sector |arg r| < θ₀ = atan(β/k), β = 1/n (F_l′ grows like
e^{kr sin φ} there and R_nl decays like e^{−r cos φ/n}), so M_l′ decays like e^{−θ|τ|} for
θ < θ₀; with θ = θ₀/2 and D = (working digits)·ln 10 the grid takes τ up to τ_max = D/(2θ),
h from 2π/h = τ_max + D/θ (the aliases of the trapezoid rule in u stay below e^{−D}), and
Δτ = 1.8π/D (the τ-integrands are analytic in |Im τ| < 1: the nearest poles of the Gamma
functions are at τ = ±i). The grid in r runs from where f ~ r^{l+l′+2} falls below e^{−D} to
the decay of e^{−r/n} r^{2n}. At τ = 0 the L = 0 term (only l′ = l) is a limit:
|M_j(0, iτ)|² → 1/τ² while M_l(1 − iτ) → −iτ ∫ f ln r dr, because ∫ f_l dr = 0 (the continuum
is orthogonal to the bound state); that orthogonality residual is returned as a check.

Truncation in l′ (L is bounded by the triangle): the terms fall geometrically; l′ is raised
until the last two are below 10^{−dps−2} of the sum, as in
:func:`~.partial_waves.partial_wave_density`. Needs the ``flint`` extra (python-flint).

>>> from sumrules.models.hydrogenic import ground
>>> r = partial_wave_ratios(1, 0, 1, dps=12)
>>> abs(r.r_nmm - ground.exact_sum_rule_ratio(1, dps=20)) < 1e-11
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import mpmath

from sumrules.core.certified import require_flint, workprec
from sumrules.core.numeric import precision, validate_dps, validate_int
from sumrules.models.hydrogenic.partial_waves import (
    angular_factor,
    continuum_wave_number,
    coulomb_column_arb,
    tail_estimate,
)
from sumrules.models.hydrogenic.states import check_state, radial_polynomial

__all__ = ["MellinGrid", "PartialWaveRatios", "mellin_grid", "partial_wave_ratios"]

#: extra decimal digits carried above the requested ``dps``
GUARD_DIGITS = 6


@dataclass(frozen=True)
class MellinGrid:
    """The u = ln r grid (step h, ``nodes`` points down from u_top) and its DFT: length N,
    Δτ = 2π/(Nh), τ_k for k ≤ K (τ_K ≥ τ_max)."""

    h: mpmath.mpf
    u_top: mpmath.mpf
    nodes: int
    size: int
    dtau: mpmath.mpf
    kmax: int


def mellin_grid(n: int, l: int, k: mpmath.mpf, wp: int) -> MellinGrid:
    """The grid for state (n, l) at wave number k and ``wp`` working digits (module docstring).

    >>> g = mellin_grid(2, 1, mpmath.mpf("0.5"), 20)
    >>> g.size >= g.nodes and g.kmax < g.size // 2
    True
    """
    beta = mpmath.mpf(1) / n
    big_d = wp * mpmath.log(10)
    theta = mpmath.atan(beta / k) / 2
    tau_max = big_d / (2 * theta)
    h = 2 * mpmath.pi / (tau_max + big_d / theta)
    r_top = big_d * n + 2 * n * n * mpmath.log(1 + big_d * n)  # e^{−r/n} r^{2n} below e^{−D}
    u_top = mpmath.log(r_top)
    u_low = -big_d / (l + 2) - 1  # f r^s ~ r^{l+l′+2+s}, s = 0 or 1: below e^{−D}
    nodes = int((u_top - u_low) / h) + 1
    dtau = 1.8 * mpmath.pi / big_d
    size = _fast_length(max(nodes, int(2 * mpmath.pi / (h * dtau)) + 1))
    dtau = 2 * mpmath.pi / (size * h)
    kmax = int(tau_max / dtau) + 1
    return MellinGrid(h, u_top, nodes, size, dtau, kmax)


def _fast_length(m: int) -> int:
    """The least 2^a or 3·2^a ≥ m (lengths the DFT does fastest)."""
    p = 1
    while p < m:
        p *= 2
    return min(p, 3 * p // 4) if 3 * p // 4 >= m else p


@dataclass(frozen=True)
class PartialWaveRatios:
    """(r_nmm, r_ew) with the partial sums per l′, the truncation estimate, the orthogonality
    residual ∫ f_l dr (should vanish) and the grid."""

    r_nmm: mpmath.mpf
    r_ew: mpmath.mpf
    terms_nmm: tuple[mpmath.mpf, ...]
    terms_ew: tuple[mpmath.mpf, ...]
    truncation_error: mpmath.mpf
    orthogonality: mpmath.mpf
    grid: MellinGrid


def _columns(
    fl: Any, n: int, l: int, k: mpmath.mpf, lcut: int, grid: MellinGrid, eta_sign: int
) -> tuple[list[list[Any]], list[Any]]:
    """h f_l′(r_j) per l′ ≤ lcut at the grid's nodes (top down), and u_j."""
    rp = radial_polynomial(n, l)
    ka = fl.arb(k)
    et = (eta_sign / ka).mid()  # exact: a ball radius here would cap arb's accuracy
    roots = [(ell * ell + et * et).sqrt() for ell in range(lcut + 2)]
    coeffs = [fl.arb(fl.fmpq(int(p.p), int(p.q))) for p in rp.coefficients]
    c0 = fl.arb(fl.fmpq(int(rp.c0_squared.p), int(rp.c0_squared.q))).sqrt()
    scale = fl.arb(grid.h) * (2 / (fl.arb.pi() * ka)).sqrt() * c0
    cols: list[list[Any]] = [[] for _ in range(lcut + 1)]
    us = []
    for j in range(grid.nodes):
        u = fl.arb(grid.u_top) - j * fl.arb(grid.h)
        r = u.exp()
        f = coulomb_column_arb(fl, lcut, et, (ka * r).mid(), roots)
        poly = fl.arb(0)
        for p in reversed(coeffs):
            poly = poly * r + p
        weight = scale * r ** (l + 1) * (-r / n).exp() * poly
        for lp in range(lcut + 1):
            cols[lp].append((weight * f[lp]).mid())
        us.append(u)
    return cols, us


def _spectra(fl: Any, cols: list[list[Any]], us: list[Any], grid: MellinGrid) -> tuple[Any, ...]:
    """|M_l′(1 − iτ_k)|², |M_l′(−iτ_k)|² for k ≤ K (two arb_mat, l′ by column), ∫ f_l′ ln r dr
    and ∫ f_l′ dr per l′."""
    zero = fl.acb(0)
    pad = [zero] * (grid.size - grid.nodes)
    rs = [u.exp() for u in us]
    nmm, ew, log_moment, integral = [], [], [], []
    for col in cols:
        seq = [fl.acb(c * r, c) for c, r in zip(col, rs, strict=True)]
        z = fl.acb.dft(seq[::-1] + pad)  # u increasing: the phase e^{−iτu₀} drops out of |·|²
        m = grid.size
        a_sq, b_sq = [], []
        for kk in range(grid.kmax + 1):
            zk, zc = z[kk], z[(m - kk) % m].conjugate()
            a_sq.append(abs((zk + zc) / 2) ** 2)
            b_sq.append(abs((zk - zc) / 2) ** 2)
        nmm.append(a_sq)
        ew.append(b_sq)
        log_moment.append(sum((c * r * u for c, r, u in zip(col, rs, us, strict=True)), fl.arb(0)))
        integral.append(sum((c * r for c, r in zip(col, rs, strict=True)), fl.arb(0)))
    return nmm, ew, log_moment, integral


def _gamma_weights(fl: Any, lmax: int, grid: MellinGrid) -> tuple[list[list[Any]], ...]:
    """w_k |M_j(L, iτ_k)|² and w_k |M_j(L, 1 + iτ_k)|² for L ≤ lmax, k ≤ K (w = 1, 2, 2, …:
    the τ-integral over the real line folded onto τ ≥ 0); the L = 0, τ = 0 entry is None."""
    pi = fl.arb.pi()
    g: list[list[Any]] = [[None] * (grid.kmax + 1) for _ in range(lmax + 1)]
    e: list[list[Any]] = [[None] * (grid.kmax + 1) for _ in range(lmax + 1)]

    def ratio(a: int, b: int, tau: Any) -> Any:  # |Γ((a + iτ)/2) / Γ((b + iτ)/2)|²
        return (2 * ((fl.acb(a, tau) / 2).lgamma() - (fl.acb(b, tau) / 2).lgamma()).real).exp()

    for kk in range(grid.kmax + 1):
        tau = fl.arb(grid.dtau) * kk
        t2, w = tau * tau, 1 if kk == 0 else 2
        for start in (0, 1):
            gv = None if kk == 0 and start == 0 else w * pi / 16 * ratio(start, start + 3, tau)
            ev = w * pi / 4 * ratio(start + 1, start + 2, tau)
            for L in range(start, lmax + 1, 2):
                g[L][kk], e[L][kk] = gv, ev
                if gv is None:  # τ = 0, L = 0 → the next even L from the Gamma functions
                    gv = pi / 16 * ratio(L + 2, L + 5, tau)
                else:
                    gv = gv * (L * L + t2) / ((L + 3) ** 2 + t2)
                ev = ev * ((L + 1) ** 2 + t2) / ((L + 2) ** 2 + t2)
    return g, e


def _terms(
    fl: Any, n: int, l: int, k: mpmath.mpf, lcut: int, grid: MellinGrid, eta_sign: int
) -> tuple[list[mpmath.mpf], list[mpmath.mpf], mpmath.mpf]:
    """Σ_L A (1/2π) ∫ … dτ per l′ ≤ lcut for both weights (r_nmm's without the factor 2T)."""
    cols, us = _columns(fl, n, l, k, lcut, grid, eta_sign)
    nmm, ew, log_moment, integral = _spectra(fl, cols, us, grid)
    g, e = _gamma_weights(fl, lcut + l, grid)
    norm = fl.arb(grid.dtau) / (2 * fl.arb.pi())
    t_nmm, t_ew = [], []
    for lp in range(lcut + 1):
        s_nmm = s_ew = fl.arb(0)
        for L in range(abs(lp - l), lp + l + 1, 2):
            a = angular_factor(l, lp, L)
            if not a:
                continue
            amp = fl.arb(fl.fmpq(int(a.p), int(a.q)))
            x = log_moment[lp] ** 2 if L == 0 else g[L][0] * nmm[lp][0]
            x += sum((gv * v for gv, v in zip(g[L][1:], nmm[lp][1:], strict=True)), fl.arb(0))
            y = sum((ev * v for ev, v in zip(e[L], ew[lp], strict=True)), fl.arb(0))
            s_nmm += amp * x
            s_ew += amp * y
        t_nmm.append(mpmath.mpf((norm * s_nmm).mid()))
        t_ew.append(mpmath.mpf((norm * s_ew).mid()))
    return t_nmm, t_ew, mpmath.mpf(integral[l].mid())


def _first_cut(k: mpmath.mpf, beta: mpmath.mpf, dps: int) -> int:
    """l′ cut from the slowest fall of the terms, ρ^{2l′} at the Bethe ridge q² = k² + β²
    (ρ = w − √(w² − 1), w = √(k² + β²)/k), with a third more for their growing prefactor."""
    w = mpmath.sqrt(k * k + beta * beta) / k
    rate = -mpmath.log(w - mpmath.sqrt(w * w - 1))
    return int(4 * (dps + 2) * mpmath.log(10) / (6 * rate)) + 8


def partial_wave_ratios(
    n: int,
    l: int,
    T: object,
    *,
    Z: object = 1,
    dps: int = 30,
    lmax: int = 400,
    eta_sign: int = -1,
) -> PartialWaveRatios:
    """(r_nmm, r_ew) of the (n, l) subshell at energy transfer T by partial waves, the q-integral
    done by Mellin–Parseval (module docstring). ValueError for a bad state, Z, T at or below the
    threshold Z²/(2n²), or no convergence below ``lmax`` partial waves; MissingExtra without
    python-flint. ``eta_sign = +1`` makes the Coulomb field of the final states repulsive: for
    negative controls only.
    """
    n, l = check_state(n, l)
    validate_dps(dps)
    validate_int(lmax, "lmax", 2)
    if eta_sign not in (-1, 1):
        raise ValueError(f"eta_sign must be -1 or +1, got {eta_sign!r}")
    require_flint()
    wp = dps + GUARD_DIGITS
    with precision(wp + 4):
        _, t, k = continuum_wave_number(n, T, Z)
        beta = mpmath.mpf(1) / n
        grid = mellin_grid(n, l, k, wp)
        lcut = min(lmax, _first_cut(k, beta, dps))
        tol = mpmath.mpf(10) ** (-dps - 2)
        with workprec(int(wp * 3.33) + 24) as fl:
            while True:
                t_nmm, t_ew, ortho = _terms(fl, n, l, k, lcut, grid, eta_sign)
                total = mpmath.fsum(t_nmm) + mpmath.fsum(t_ew)
                if max(t_nmm[-1], t_nmm[-2], t_ew[-1], t_ew[-2]) <= tol * total:
                    break
                if lcut >= lmax:
                    raise ValueError(f"lmax = {lmax} too small for convergence at dps = {dps}")
                lcut = min(lmax, lcut + lcut // 2 + 1)
        tail = max(tail_estimate(t_nmm), tail_estimate(t_ew))
        r_nmm, r_ew = 2 * t * mpmath.fsum(t_nmm), mpmath.fsum(t_ew)
    with precision(dps):
        return PartialWaveRatios(
            +r_nmm,
            +r_ew,
            tuple(2 * t * x for x in t_nmm),
            tuple(+x for x in t_ew),
            +abs(tail) * max(1, 2 * t),
            +ortho,
            grid,
        )
