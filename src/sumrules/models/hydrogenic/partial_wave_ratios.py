"""The fast partial-wave route: S_nl(T, q) on a q-grid and the ratios r_nmm, r_ew from it.

The same physics as :mod:`.partial_waves` (energy-normalised Coulomb waves, the 3j factor
A(l, l′, L), I_{l′L}(q) = √(2/(πk)) ∫ F_l′(η, kr) j_L(qr) R_nl(r) r dr), organised so that one
ratio at n = 4 takes seconds instead of hours (atomic units, Z = 1, β = 1/n, k = √(2T − β²),
τ = k + β):

* **Radial nodes** are fixed once per T: uniform panels of Gauss–Legendre nodes on
  [0, r_end], each panel spanning a fixed number of radians of the fastest oscillation
  k + q_c, r_end where |R_nl| r falls below 10^{−dps−guard}. F_l′ for every l′ at every node
  comes from :func:`.fixed_point.coulomb_table` (one ODE pass for F_0, then the recurrence in
  l′), weighted once: g_l′(r_i) = w_i √(2/(πk)) F_l′(kr_i) R_nl(r_i) r_i, in fixed point.
* **0 < q ≤ q_c = 2τ**: j_L(q r_i) for every L from sin and cos (one pair per panel and per
  standard node: e^{iqr} = e^{iq(p+½)h} e^{iqhξ/2}) and the recurrence in L
  (:func:`.fixed_point.bessel_row`); I_{l′L}(q) = Σ_i g_l′(r_i) j_L(qr_i).
* **q > q_c**: f(r) = √(2/(πk)) F_l′(kr) R_nl(r) r is entire of exponential type τ, so its
  Hankel transform is a convergent series in 1/q for q > τ (a Borel transform): with
  f = Σ a_m r^m, ∫₀^∞ r^m j_L(qr) dr = (−1)^i 2^{L+i} (L+i)! (2i−1)!! / q^{m+1} for
  m = L + 1 + 2i and 0 for m − L even, so

      I_{l′L}(q) = Σ_{i ≥ 1} (−1)^i 2^{L+i} (L+i)! (2i−1)!! a_{L+1+2i} q^{−L−2−2i},

  the a_m from the recurrence of the Taylor coefficients of F_l′(kr) e^{−βr}:
  (m(m−1) − l′(l′+1)) c_m = −2(1 + β(m−1)) c_{m−1} − (β² + k²) c_{m−2}, c_{l′+1} = C_l′ k^{l′+1}.
  The tail integrals ∫_{q_c}^∞ S q dq and ∫_{q_c}^∞ S dq/q are then sums of powers of q_c.
  At q = q_c both evaluations exist: their difference is reported (``junction``).
* **The cut in l′** at each q: the partial sums S_l′ = Σ_L A I² fall like ρ^{2l′},
  ρ = w − √(w² − 1), w = (k² + q² + β²)/(2kq); l′ runs until the last two are below
  10^{−dps−4} of the sum, and the rest is estimated as geometric (``truncation``).
* **The q-integral** on [0, q_c]: Gauss–Legendre panels graded about the ridge q = k, each
  with enough nodes for the branch points q = ±k ± iβ of S (Bernstein ellipse).

>>> from sumrules.models.hydrogenic import ground
>>> r = partial_wave_ratios(1, 0, 1, dps=15)
>>> abs(r.r_nmm - ground.exact_sum_rule_ratio(1, dps=20)) < 1e-13
True
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
import time
from dataclasses import dataclass

import mpmath
import numpy as np
import sympy as sp

from sumrules.core.numeric import precision, validate_dps
from sumrules.models.hydrogenic.coulomb_waves import gauss_nodes
from sumrules.models.hydrogenic.fixed_point import (
    bessel_columns,
    coulomb_normalisation,
    coulomb_table,
    to_fixed,
)
from sumrules.models.hydrogenic.partial_waves import AngularFactor, angular_factor
from sumrules.models.hydrogenic.states import check_charge, check_state, radial_polynomial

__all__ = [
    "GUARD",
    "PANEL_NODES",
    "PartialWaveRatios",
    "PartialWaveSpectrum",
    "fast_partial_wave_density",
    "partial_wave_ratios",
]

#: guard digits of every evaluation
GUARD = 12
#: Gauss–Legendre nodes per radial panel
PANEL_NODES = 64
#: radians of the fastest oscillation per radial panel (per node: RADIANS / PANEL_NODES)
RADIANS = 64


@dataclass(frozen=True)
class PartialWaveRatios:
    """(r_nmm, r_ew) by partial waves, with what bounds their error.

    ``truncation``: the l′ tails summed into both ratios (estimated, relative);
    ``junction``: |S_real(q_c) − S_series(q_c)|/S at the seam of the two q-regions;
    ``lmax``: the largest l′ used; ``radial_nodes``, ``q_nodes``: the grids.
    """

    r_nmm: mpmath.mpf
    r_ew: mpmath.mpf
    truncation: mpmath.mpf
    junction: mpmath.mpf
    lmax: int
    radial_nodes: int
    q_nodes: int
    seconds: float


def _radial_end(n: int, l: int, digits: float) -> float:
    """r where c₀ Σ|p_s| r^{l+1+s} e^{−r/n} < 10^{−digits} (Z = 1), by bisection in floats."""
    rp = radial_polynomial(n, l)
    c0 = math.sqrt(float(rp.c0_squared))

    def log_size(r: float) -> float:
        poly = sum(abs(float(p)) * r**s for s, p in enumerate(rp.coefficients))
        return math.log(c0 * poly) + (l + 1) * math.log(r) - r / n

    lo, hi = 1.0, 1.0
    target = -digits * math.log(10)
    while log_size(hi) > target:
        hi *= 2
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if log_size(mid) > target else (lo, mid)
    return hi


def _rate(k: mpmath.mpf, q: mpmath.mpf, beta: mpmath.mpf) -> mpmath.mpf:
    """ρ of the l′ decay ρ^{2l′} at q (see the module docstring)."""
    w = (k * k + q * q + beta * beta) / (2 * k * q)
    return w - mpmath.sqrt(w * w - 1)


def _l_cut(rho: mpmath.mpf, digits: float) -> int:
    return int(digits * math.log(10) / (2 * -float(mpmath.log(rho)))) + 4


class _Grid:
    """Uniform radial panels of Gauss–Legendre nodes, with g_l′(r_i) in fixed point."""

    def __init__(self, n: int, l: int, k: mpmath.mpf, q_max: mpmath.mpf, top: int, bits: int):
        digits = bits * math.log10(2)
        end = _radial_end(n, l, digits)
        width = RADIANS / float(k + q_max)
        panels = max(1, math.ceil(end / width))
        self.h = mpmath.mpf(end) / panels
        rule = gauss_nodes([mpmath.mpf(0), self.h], PANEL_NODES)
        self.offsets = [x - self.h / 2 for x, _ in rule]  # r = (p + ½)h + offset
        self.panels = panels
        nodes = [(p * self.h + x, w) for p in range(panels) for x, w in rule]
        self.r = [to_fixed(r, bits) for r, _ in nodes]
        self.r_float = np.array([float(r) for r, _ in nodes])
        rp = radial_polynomial(n, l)
        norm = mpmath.sqrt(2 / (mpmath.pi * k))
        table = coulomb_table(top, -1 / k, [k * r for r, _ in nodes], bits)
        weights = [to_fixed(w * rp.value(r) * r * norm, bits) for r, w in nodes]
        self.g = [
            np.array([(wf * row[lp]) >> bits for wf, row in zip(weights, table, strict=True)],
                     dtype=object)
            for lp in range(top + 1)
        ]
        # below these nodes |g_l′| < 2^{−bits}: F_l′(kr) is still in its r^{l′+1} rise
        self.first = [_first_nonzero(g) for g in self.g]
        self.size = len(nodes)

    def trig(self, q: mpmath.mpf, bits: int) -> tuple[list[int], list[int]]:
        """(sin qr_i, cos qr_i) in fixed point from one pair per panel and per standard node."""
        std = [mpmath.cos_sin(q * x) for x in self.offsets]
        std_f = [(to_fixed(c, bits), to_fixed(s, bits)) for c, s in std]
        sins, coss = [], []
        for p in range(self.panels):
            cp, sp_ = mpmath.cos_sin(q * (p + mpmath.mpf(1) / 2) * self.h)
            cpf, spf = to_fixed(cp, bits), to_fixed(sp_, bits)
            for ce, se in std_f:
                coss.append((cpf * ce - spf * se) >> bits)
                sins.append((spf * ce + cpf * se) >> bits)
        return sins, coss


def _first_nonzero(values: np.ndarray) -> int:
    """The index of the first |v| > 1 (the rounding of a tiny negative value is −1)."""
    for i, v in enumerate(values):
        if abs(v) > 1:
            return i
    return len(values)


@dataclass(frozen=True)
class _Density:
    value: mpmath.mpf
    terms: tuple[mpmath.mpf, ...]
    truncation: mpmath.mpf


class PartialWaveSpectrum:
    """S_nl(T, q) by partial waves at one T (Z = 1), at the precision current when built.

    ``q_max``: the largest q of the real-axis evaluation (q_c = 2τ by default); ``factor``
    replaces A(l, l′, L) (negative controls).
    """

    def __init__(
        self,
        n: int,
        l: int,
        t: mpmath.mpf,
        dps: int,
        *,
        q_max: mpmath.mpf | None = None,
        factor: AngularFactor | None = None,
    ) -> None:
        self.n, self.l, self.t, self.dps = n, l, t, dps
        self.beta = mpmath.mpf(1) / n
        self.k = mpmath.sqrt(2 * t - self.beta**2)
        self.tau = self.k + self.beta
        self.q_c = 2 * self.tau if q_max is None else q_max
        self.digits = dps + 4
        self.bits = int((dps + GUARD) * math.log2(10)) + 8
        ridge = (mpmath.sqrt(self.k**2 + self.beta**2) - self.beta) / self.k
        self.top = _l_cut(ridge, self.digits) + 4
        self.factor = factor or angular_factor
        self.grid = _Grid(n, l, self.k, self.q_c, self.top + l + 1, self.bits)

    @functools.cached_property
    def angular(self) -> dict[tuple[int, int], mpmath.mpf]:
        """A(l, l′, L) as mpf for l′ ≤ top (the triangle and parity rule applied)."""
        out = {}
        for lp in range(self.top + 1):
            for L in range(abs(lp - self.l), lp + self.l + 1, 2):
                a = self.factor(self.l, lp, L)
                if a:
                    out[(lp, L)] = mpmath.mpf(sp.N(a, mpmath.mp.dps + 5))
        return out

    def l_needed(self, q: mpmath.mpf) -> int:
        """The first l′ cut at q (the decay rate of the module docstring)."""
        return min(self.top, _l_cut(_rate(self.k, q, self.beta), self.digits))

    def bessel_columns(self, q: mpmath.mpf, top: int) -> list[np.ndarray]:
        """j_L(q r_i)·2^bits for L ≤ top as columns over the nodes."""
        bits, grid = self.bits, self.grid
        sins, coss = grid.trig(q, bits)
        qf, wide = to_fixed(q, bits), 1 << (3 * bits)
        inv = [wide // (qf * rf) for rf in grid.r]
        return bessel_columns(grid.r_float * float(q), sins, coss, inv, top, bits)

    def density(self, q: mpmath.mpf) -> _Density:
        """S(T, q) for 0 < q ≤ q_max on the radial nodes, l′ cut with an error estimate."""
        lcut = min(self.top, self.l_needed(q) + 6)
        while True:
            terms = self._terms(q, lcut)
            total = mpmath.fsum(terms)
            tol = mpmath.mpf(10) ** (-self.digits) * total
            if max(terms[-1], terms[-2]) <= tol or lcut >= self.top:
                break
            lcut = min(self.top, lcut + 8)
        return _Density(total, tuple(terms), _geometric_tail(terms))

    def _terms(self, q: mpmath.mpf, lcut: int) -> list[mpmath.mpf]:
        bits, l = self.bits, self.l
        cols = self.bessel_columns(q, lcut + l)
        scale = mpmath.mpf(2) ** (-2 * bits)
        terms = []
        for lp in range(lcut + 1):
            lo = self.grid.first[lp]
            g = self.grid.g[lp][lo:]
            s = mpmath.mpf(0)
            for L in range(abs(lp - l), lp + l + 1, 2):
                a = self.angular.get((lp, L))
                if a:
                    i = int(g.dot(cols[L][lo:])) >> bits
                    s += a * (i * i)
            terms.append(s * scale)
        return terms


def _geometric_tail(terms: list[mpmath.mpf]) -> mpmath.mpf:
    """S_last ρ/(1 − ρ), ρ = S_last/S_{last−1} (the last term itself if not decreasing)."""
    last, before = terms[-1], terms[-2]
    if before == 0:
        return abs(last)
    rho = last / before
    return abs(last * rho / (1 - rho)) if rho < 1 else abs(last)


# ---------------------------------------------------------------------------------------------
# q > q_c: the convergent series in 1/q


@functools.lru_cache(maxsize=256)
def _taylor_u(lp: int, k: mpmath.mpf, beta: mpmath.mpf, count: int) -> list[mpmath.mpf]:
    """Taylor coefficients c_m (m < count) of F_l′(η, kr) e^{−βr}, η = −1/k (Z = 1)."""
    c = [mpmath.mpf(0)] * count
    if lp + 1 < count:
        c[lp + 1] = coulomb_normalisation(lp, -1 / k) * k ** (lp + 1)
    b2 = beta * beta + k * k
    for m in range(lp + 2, count):
        c[m] = (-2 * (1 + beta * (m - 1)) * c[m - 1] - b2 * c[m - 2]) / (m * (m - 1) - lp * (lp + 1))
    return c


def _series_coefficients(
    spec: PartialWaveSpectrum, lp: int, L: int, terms: int
) -> list[mpmath.mpf]:
    """b̃_i with I_{l′L}(q) = Σ_i b̃_i (q_c/q)^{L+2+2i} (i ≥ 1; b̃_0 = 0)."""
    l, k, beta, qc = spec.l, spec.k, spec.beta, spec.q_c
    rp = radial_polynomial(spec.n, l)
    norm = mpmath.sqrt(2 / (mpmath.pi * k)) * mpmath.sqrt(
        mpmath.mpf(rp.c0_squared.p) / rp.c0_squared.q
    )
    count = lp + l + 4 + 2 * terms
    with precision(mpmath.mp.dps):
        c = _taylor_u(lp, k, beta, count)
    p = [mpmath.mpf(x.p) / x.q for x in rp.coefficients]
    out = [mpmath.mpf(0)]
    for i in range(1, terms):
        m = L + 1 + 2 * i
        a = norm * mpmath.fsum(ps * c[m - l - 1 - s] for s, ps in enumerate(p) if m - l - 1 - s >= 0)
        sign = -1 if i % 2 else 1
        coef = sign * mpmath.mpf(2) ** (L + i) * mpmath.factorial(L + i) * mpmath.fac2(2 * i - 1)
        out.append(coef * a / qc ** (m + 1))
    return out


def _series_terms(spec: PartialWaveSpectrum) -> int:
    """Terms of the 1/q series for 10^{−digits} at q_c: (τ/q_c)^{2i}."""
    ratio = float(spec.tau / spec.q_c)
    return int(spec.digits * math.log(10) / (-2 * math.log(ratio))) + 8


@dataclass(frozen=True)
class _Tail:
    ew: mpmath.mpf
    nmm: mpmath.mpf
    density_at_qc: mpmath.mpf


def _series_tail(spec: PartialWaveSpectrum, lcut: int) -> _Tail:
    """∫_{q_c}^∞ S q dq, ∫_{q_c}^∞ S dq/q and S(q_c), by the series (Cauchy products)."""
    terms, qc = _series_terms(spec), spec.q_c
    ew = nmm = s_c = mpmath.mpf(0)
    for (lp, L), a in spec.angular.items():
        if lp > lcut:
            continue
        b = _series_coefficients(spec, lp, L, terms)
        square = _cauchy_square(b, spec.bits)
        s_c += a * mpmath.fsum(b) ** 2
        # I² = Σ_j P_j (q_c/q)^{2L+4+2j}: ∫ q dq → q_c² P_j/(2L+2+2j), ∫ dq/q → P_j/(2L+4+2j)
        ew += a * qc * qc * mpmath.fsum(pj / (2 * L + 2 + 2 * j) for j, pj in enumerate(square))
        nmm += a * mpmath.fsum(pj / (2 * L + 4 + 2 * j) for j, pj in enumerate(square))
    return _Tail(ew, nmm, s_c)


def _cauchy_square(b: list[mpmath.mpf], bits: int) -> list[mpmath.mpf]:
    """Coefficients of (Σ b_i x^i)², up to the length of b (the rest below precision), with
    the products in fixed point."""
    f = [to_fixed(x, bits) for x in b]
    scale = mpmath.mpf(2) ** (-2 * bits)
    return [scale * sum(map(operator.mul, f[: j + 1], reversed(f[: j + 1]))) for j in range(len(f))]


# ---------------------------------------------------------------------------------------------
# the q-grid on [0, q_c] and the ratios


def _panel_degree(a: mpmath.mpf, b: mpmath.mpf, k: mpmath.mpf, beta: mpmath.mpf, digits: int) -> int:
    """Gauss–Legendre nodes on [a, b] for 10^{−digits} with branch points at ±k ± iβ."""
    rho_min = mpmath.inf
    for s in (mpmath.mpc(k, beta), mpmath.mpc(-k, beta)):
        z = (2 * s - (a + b)) / (b - a)
        root = mpmath.sqrt(z * z - 1)
        rho_min = min(rho_min, max(abs(z + root), abs(z - root)))
    return min(120, int(digits * math.log(10) / (2 * float(mpmath.log(rho_min)))) + 4)


def q_points(k: mpmath.mpf, beta: mpmath.mpf, q_c: mpmath.mpf) -> list[mpmath.mpf]:
    """Panel ends on [0, q_c]: 0, the ridge k and k ± β/4^j inside."""
    pts = {mpmath.mpf(0), q_c}
    if k < q_c:
        pts.add(k)
    for d in (beta / 4, beta, 4 * beta):
        pts.update(x for x in (k - d, k + d) if 0 < x < q_c)
    return sorted(pts)


def _ratio_sums(spec: PartialWaveSpectrum) -> tuple[mpmath.mpf, mpmath.mpf, mpmath.mpf, int]:
    """(∫₀^{q_c} S q dq, ∫₀^{q_c} S dq/q, their summed truncation estimate, q-node count)."""
    ew = nmm = trunc = mpmath.mpf(0)
    count = 0
    pts = q_points(spec.k, spec.beta, spec.q_c)
    for a, b in itertools.pairwise(pts):
        degree = _panel_degree(a, b, spec.k, spec.beta, spec.digits)
        for q, w in gauss_nodes([a, b], degree):
            d = spec.density(q)
            ew += w * d.value * q
            nmm += w * d.value / q
            trunc += w * d.truncation * (q + 1 / q)
            count += 1
    return ew, nmm, trunc, count


def partial_wave_ratios(
    n: int, l: int, T: object, *, Z: object = 1, dps: int = 30, factor: AngularFactor | None = None
) -> PartialWaveRatios:
    """(r_nmm, r_ew) at T (hartree) by the fast partial-wave route (module docstring).

    ``factor`` replaces A(l, l′, L) (negative controls).
    """
    n, l = check_state(n, l)
    validate_dps(dps)
    start = time.perf_counter()
    with precision(dps + GUARD):
        z = check_charge(Z)
        t = mpmath.mpmathify(T) / (z * z)
        if not t > mpmath.mpf(1) / (2 * n * n):
            raise ValueError(f"T must exceed the threshold Z**2/(2 n**2), got {T!r}")
        spec = PartialWaveSpectrum(n, l, t, dps, factor=factor)
        ew, nmm, trunc, count = _ratio_sums(spec)
        tail = _series_tail(spec, spec.l_needed(spec.q_c) + 4)
        real_c = spec.density(spec.q_c).value
        junction = abs(real_c - tail.density_at_qc) / real_c
        r_ew, r_nmm = ew + tail.ew, 2 * t * (nmm + tail.nmm)
        trunc = trunc * max(1, 2 * t)
    with precision(dps):
        return PartialWaveRatios(
            +r_nmm, +r_ew, +trunc, +junction, spec.top, spec.grid.size, count,
            time.perf_counter() - start,
        )


def fast_partial_wave_density(
    n: int, l: int, T: object, q: object, *, Z: object = 1, dps: int = 30
) -> mpmath.mpf:
    """S_nl(T, q) per unit T, m-averaged, by the fast partial-wave machinery (q > 0).

    >>> from sumrules.models.hydrogenic import ground
    >>> s = fast_partial_wave_density(1, 0, "0.6", "0.3", dps=20)
    >>> abs(s / ground.continuum_density("0.6", "0.3", dps=25) - 1) < 1e-19
    True
    """
    n, l = check_state(n, l)
    validate_dps(dps)
    with precision(dps + GUARD):
        z = check_charge(Z)
        t, q_ = mpmath.mpmathify(T) / (z * z), mpmath.mpmathify(q) / z
        if not t > mpmath.mpf(1) / (2 * n * n):
            raise ValueError(f"T must exceed the threshold Z**2/(2 n**2), got {T!r}")
        if not q_ > 0:
            raise ValueError(f"q must be positive, got {q!r}")
        spec = PartialWaveSpectrum(n, l, t, dps, q_max=q_)
        value = spec.density(q_).value / (z * z)
    with precision(dps):
        return +value
