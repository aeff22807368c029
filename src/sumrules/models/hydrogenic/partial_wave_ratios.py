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
e^{kr sin φ} there and R_nl decays like e^{−r cos φ/n}), so M_l′ decays like e^{−θ₀|τ|} times a
power of τ. The grid relies on θ = f θ₀ only, f = 0.5 + 0.2 k²/(k² + β²) (``SECTOR_FRACTION``):
the rest of the sector absorbs that power and, near threshold, the Coulomb wave's own growth
along a ray, e^{2√(2r) sin(φ/2)} while k²r ≪ 1 (with f = 0.7 at threshold, 4s lost six digits
at T/I = 1.001). With D = (working digits)·ln 10 the grid takes τ up to τ_max = D/(2θ), and h
from 2π/h = τ_max + D/θ (the aliases of the trapezoid rule in u stay below e^{−D}). The grid in
r runs from where f ~ r^{l+l′+2} falls below e^{−D} to the decay of e^{−r/n} r^{2n}.

**The τ-integrals** are trapezoid sums on the DFT's grid, exact up to the singularities of
their integrands (Φ(τ) = weight × M(s − iτ) M(s + iτ), even in τ). For a strip |Im τ| < c
free of other singularities, Poisson summation gives
Δτ Σ_k Φ(kΔτ) − ∫ Φ dτ = Σ_poles 4πi Res(Φ, ia) q^a/(1 − q^a), q = e^{−2π/Δτ}, up to O(q^c).
The Gamma ratios have poles at τ = ±ia, a = L + 2m (nmm) and L + 1 + 2m (ew); M_l′(1 ± iτ) and
M_l′(±iτ) are regular for |Im τ| < l + l′ + 3 and l + l′ + 2 (f ~ r^{l+l′+2} at r → 0; for
l = l′ = 0 the ew pole of M_0(iτ) at τ = 2i meets a zero of the weight, 1/Γ((2 + iτ)/2)). So
the poles at a = 1 and 2 (nmm L = 0, 1, 2; ew L = 0, 1) are corrected with their exact
residues (:func:`tau_poles`, which need the real moments M_l′(−2 … 3)), and the first
uncorrected singularity lies at c = 3 (``POLE_STRIP``): Δτ = 2πc/(1.11 D) leaves
e^{−2πc/Δτ} = e^{−1.11 D}. Without the corrections Δτ would have to be three times smaller
(N three times longer) for the same accuracy; a test shows the digits they restore.

**Groups of partial waves.** The poles of a term (l′, L) lie at |Im τ| ≥ L ≥ |l′ − l|, so the
high partial waves allow a coarser τ grid: l′ is split into groups (:func:`partial_wave_groups`)
in which c doubles with l′ − l, each with its own DFT (:func:`tau_grid`). Their columns also
vanish at small r (f ~ r^{l+l′+2}): each DFT spans only the nodes above the rounding floor of
the largest column. So only the first group needs a DFT as long as the u grid; the Coulomb
recurrence (nodes × l′, both growing like k) then dominates the cost at large T.

At τ = 0 the L = 0 term (only l′ = l) is a limit: |M_j(0, iτ)|² → 1/τ² while
M_l(1 − iτ) → −iτ ∫ f ln r dr, because ∫ f_l dr = 0 (the continuum is orthogonal to the bound
state); that orthogonality residual is returned as a check. (The ew pole at a = 1 has the
residue M_l(1) M_l(−1) ∝ that residual: it vanishes.)

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
    coulomb_ladder,
    decay_rate,
    tail_estimate,
)
from sumrules.models.hydrogenic.states import check_state, radial_polynomial

__all__ = [
    "MellinGrid",
    "PartialWaveRatios",
    "TauGrid",
    "mellin_grid",
    "partial_wave_groups",
    "partial_wave_ratios",
    "tau_grid",
    "tau_poles",
]

#: extra decimal digits carried above the requested ``dps``
GUARD_DIGITS = 6
#: θ/θ₀, the fraction of the sector of analyticity the grid relies on: from the first value
#: at threshold (k = 0) to the second at large k (module docstring)
SECTOR_FRACTION = (mpmath.mpf("0.5"), mpmath.mpf("0.7"))
#: the τ-integrands' poles τ = ±ia with a below this are corrected, not resolved by Δτ
POLE_STRIP = 3


@dataclass(frozen=True)
class MellinGrid:
    """The u = ln r grid: step h, ``nodes`` points down from u_top; τ runs up to tau_max; D =
    big_d is the exponent of the tolerance e^{−D} the grid was made for."""

    h: mpmath.mpf
    u_top: mpmath.mpf
    nodes: int
    tau_max: mpmath.mpf
    big_d: mpmath.mpf


@dataclass(frozen=True)
class TauGrid:
    """One DFT, for the partial waves lo ≤ l′ ≤ hi, whose τ-integrands are regular for
    |Im τ| < strip once the poles below :data:`POLE_STRIP` are corrected: the ``span`` nodes
    that matter, length N = ``size``, and the τ grid used, every ``stride``-th frequency of the
    DFT: Δτ = stride·2π/(Nh), τ_k = kΔτ for k ≤ kmax (τ_kmax ≥ τ_max)."""

    lo: int
    hi: int
    strip: int
    span: int
    size: int
    stride: int
    dtau: mpmath.mpf
    kmax: int


def mellin_grid(n: int, l: int, k: mpmath.mpf, wp: int) -> MellinGrid:
    """The u grid for state (n, l) at wave number k and ``wp`` digits (module docstring).

    >>> g = mellin_grid(2, 1, mpmath.mpf("0.5"), 20)
    >>> g.nodes, 2 * mpmath.pi / g.h > 2 * g.tau_max
    (495, True)
    """
    beta = mpmath.mpf(1) / n
    big_d = wp * mpmath.log(10)
    low, high = SECTOR_FRACTION
    theta = mpmath.atan(beta / k) * (low + (high - low) * k * k / (k * k + beta * beta))
    tau_max = big_d / (2 * theta)
    h = 2 * mpmath.pi / (tau_max + big_d / theta)
    r_top = big_d * n + 2 * n * n * mpmath.log(1 + big_d * n)  # e^{−r/n} r^{2n} below e^{−D}
    u_top = mpmath.log(r_top)
    u_low = -big_d / (l + 2) - 1  # f r^s ~ r^{l+l′+2+s}, s = 0 or 1: below e^{−D}
    nodes = int((u_top - u_low) / h) + 1
    return MellinGrid(h, u_top, nodes, tau_max, big_d)


def tau_grid(grid: MellinGrid, lo: int, hi: int, strip: int, span: int) -> TauGrid:
    """The DFT for l′ in [lo, hi] over ``span`` nodes: Δτ at most 2π·strip/(1.11 D), so that the
    first uncorrected singularity costs e^{−2π·strip/Δτ} ≤ e^{−1.11 D}, and N ≥ span. Where
    the span, not Δτ, sets N (the high partial waves), only every stride-th frequency is used.

    >>> g = mellin_grid(2, 1, mpmath.mpf("0.5"), 20)
    >>> t = tau_grid(g, 0, 6, 3, g.nodes)
    >>> t.size >= t.span and 2 * t.kmax * t.stride < t.size
    True
    """
    allowed = 2 * strip * mpmath.pi / (mpmath.mpf("1.11") * grid.big_d)
    size = _fast_length(max(span, int(2 * mpmath.pi / (grid.h * allowed)) + 1))
    resolution = 2 * mpmath.pi / (size * grid.h)
    stride = max(1, int(allowed / resolution))
    while stride > 1 and 2 * (int(grid.tau_max / (stride * resolution)) + 1) * stride >= size:
        stride -= 1  # every τ_k used stays below the DFT's Nyquist frequency
    dtau = stride * resolution
    return TauGrid(lo, hi, strip, span, size, stride, dtau, int(grid.tau_max / dtau) + 1)


def partial_wave_groups(l: int, lcut: int) -> list[tuple[int, int, int]]:
    """(lo, hi, strip) covering 0 ≤ l′ ≤ lcut: the Gamma poles of a term (l′, L) lie at
    |Im τ| ≥ L ≥ |l′ − l| and the moments' singularities at l + l′ + 2 or beyond, so beyond
    the first group (strip = :data:`POLE_STRIP`, poles below it corrected) the strip doubles
    with l′ − l: group j ≥ 1 holds l + c 2^j ≤ l′ < l + c 2^{j+1}, c = POLE_STRIP.

    >>> partial_wave_groups(1, 40)
    [(0, 6, 3), (7, 12, 6), (13, 24, 12), (25, 40, 24)]
    """
    c = POLE_STRIP
    out, lo, strip = [], 0, c
    while lo <= lcut:
        hi = min(lcut, l + 2 * strip - 1)
        out.append((lo, hi, strip))
        lo, strip = hi + 1, 2 * strip
    return out


def _fast_length(m: int) -> int:
    """The least 2^a, 3·2^a or 9·2^a ≥ m: the lengths python-flint's DFT does fastest (about
    1.6 and 1.8 times 2^a's time per point for the other two; 5·2^a takes 2.2 times).

    >>> [_fast_length(m) for m in (1000, 1024, 1100, 4405)]
    [1024, 1024, 1152, 4608]
    """
    p = 1
    while p < m:
        p *= 2
    return min(c for c in (p, 3 * p // 4, 9 * p // 16) if c >= m)


@dataclass(frozen=True)
class PartialWaveRatios:
    """(r_nmm, r_ew) with the partial sums per l′, the truncation estimate, the orthogonality
    residual ∫ f_l dr (should vanish), the u grid and the τ grid of each group of l′."""

    r_nmm: mpmath.mpf
    r_ew: mpmath.mpf
    terms_nmm: tuple[mpmath.mpf, ...]
    terms_ew: tuple[mpmath.mpf, ...]
    truncation_error: mpmath.mpf
    orthogonality: mpmath.mpf
    grid: MellinGrid
    tau_grids: tuple[TauGrid, ...]


def _columns(
    fl: Any, n: int, l: int, k: mpmath.mpf, lcut: int, grid: MellinGrid, eta_sign: int
) -> tuple[list[list[Any]], list[Any]]:
    """h f_l′(r_j) r_j + i h f_l′(r_j) per l′ ≤ lcut at the grid's nodes (top down; the two
    sequences of the DFT, acb midpoints), and u_j. At each node only the l′ up to where F_l′
    falls below a floor 2^{−prec−20} of the columns' scale are computed (:func:`_column_at`);
    the rest are exact zeros."""
    rp = radial_polynomial(n, l)
    ka = fl.arb(k)
    et = (eta_sign / ka).mid()  # exact: a ball radius here would cap arb's accuracy
    ladder = coulomb_ladder(fl, et, lcut)
    coeffs = [fl.arb(fl.fmpq(int(p.p), int(p.q))) for p in rp.coefficients]
    c0 = fl.arb(fl.fmpq(int(rp.c0_squared.p), int(rp.c0_squared.q))).sqrt()
    scale = fl.arb(grid.h) * (2 / (fl.arb.pi() * ka)).sqrt() * c0
    us = [fl.arb(grid.u_top) - j * fl.arb(grid.h) for j in range(grid.nodes)]
    weights = []
    for u in us:
        r = u.exp()
        poly = fl.arb(0)
        for p in reversed(coeffs):
            poly = poly * r + p
        weights.append((r, scale * r ** (l + 1) * (-r / n).exp() * poly))
    floor = max(abs(w) * max(r, 1) for r, w in weights) * fl.arb(2) ** (-fl.ctx.prec - 20)
    zero = fl.acb(0)
    cols: list[list[Any]] = [[zero] * grid.nodes for _ in range(lcut + 1)]
    need = lcut
    for j, (r, w) in enumerate(weights):
        f, need = _column_at(fl, lcut, need, (ka * r).mid(), ladder, floor / (abs(w) * max(r, 1)))
        pair = fl.acb(w * r, w)
        for lp in range(need + 1):
            cols[lp][j] = (pair * f[lp]).mid()
    return cols, us


def _column_at(
    fl: Any, lcut: int, guess: int, rho: Any, ladder: Any, small: Any
) -> tuple[list[Any], int]:
    """F_l′(η, ρ) for l′ ≤ top and the least top ≤ lcut with F beyond it negligible: F_{top+1}
    below ``small``, and ρ inside the turning point of l = top + 1, where F falls with l
    (checked: |F_{top+1}| < |F_top|). Computed up to ``guess`` first, raised by a quarter
    until the test holds there; then top is lowered while it still holds."""

    def negligible_beyond(t: int) -> bool:
        tail = abs(f[t + 1])
        return bool(rho < ladder.turning[t + 1] and tail < abs(f[t]) and tail < small)

    top = min(guess, lcut)
    while True:
        f = coulomb_column_arb(fl, top, rho, ladder)
        if top >= lcut or negligible_beyond(top):
            break
        top = min(lcut, top + max(4, top // 4))
    if top >= lcut and not negligible_beyond(lcut):
        return f, lcut
    while top > 1 and negligible_beyond(top - 1):
        top -= 1
    return f, top


def _support(col: list[Any], floor: Any) -> int:
    """The number of leading entries (from the top node down) of ``col`` beyond which every
    entry lies below ``floor``. f_l′ ~ r^{l+l′+2} makes the small-r nodes of the high partial
    waves negligible; inside the turning point F_l′ falls with l′, so the lowest l′ of a group
    has the longest support."""
    j = len(col)
    while j > 1 and abs(col[j - 1].imag) < floor and abs(col[j - 1].real) < floor:
        j -= 1
    return j


def _spectra(fl: Any, cols: list[list[Any]], tg: TauGrid) -> tuple[Any, ...]:
    """4|M_l′(1 − iτ_k)|² and 4|M_l′(−iτ_k)|² for k ≤ K, per column, on the τ grid ``tg``."""
    nmm, ew = [], []
    for col in cols:
        seq = col[: tg.span][::-1]  # u increasing: the phase e^{−iτu₀} drops out of |·|²
        z = fl.acb.dft(seq + [fl.acb(0)] * (tg.size - tg.span))
        m, step = tg.size, tg.stride
        head = [z[kk * step] for kk in range(tg.kmax + 1)]
        zc = [z[(m - kk * step) % m].conjugate() for kk in range(tg.kmax + 1)]  # conj z_{−k}
        two_a = [x + y for x, y in zip(head, zc, strict=True)]  # 2 × DFT of the real part
        two_b = [x - y for x, y in zip(head, zc, strict=True)]  # 2i × DFT of the imaginary part
        nmm.append([(x * x.conjugate()).real for x in two_a])
        ew.append([(x * x.conjugate()).real for x in two_b])
    return nmm, ew


def _moments(fl: Any, col: list[Any], rs: list[Any], us: list[Any]) -> dict[Any, Any]:
    """M_l′(s) = ∫ f_l′ r^{s−1} dr for 1 − POLE_STRIP ≤ s ≤ POLE_STRIP (M_l′(1) = ∫ f_l′ dr) and,
    under the key "log", ∫ f_l′ ln r dr, from one column of :func:`_columns`."""
    cr = [c.real for c in col]
    zero = fl.arb(0)
    out: dict[Any, Any] = {"log": sum((a * u for a, u in zip(cr, us, strict=True)), zero)}
    for s in range(1 - POLE_STRIP, POLE_STRIP + 1):
        out[s] = sum((c * r ** (s - 1) for c, r in zip(cr, rs, strict=True)), zero)
    return out


def tau_poles(weight: str, L: int, below: int = POLE_STRIP) -> tuple[tuple[int, mpmath.mpf], ...]:
    """The poles τ = ±ia (0 < a < ``below``) of the τ-integrand of the L term, ``weight``
    "nmm" or "ew", as pairs (a, c): the trapezoid sum Δτ Σ_k over all k overshoots (1/2π) ∫ dτ
    by −c M(s₁) M(s₂) q^a/(1 − q^a), q = e^{−2π/Δτ}, with (s₁, s₂) = (1 + a, 1 − a) for "nmm"
    and (a, −a) for "ew". c = −2i Res: the residue of Γ((b + iτ)/2) at τ = i(b + 2m) is
    (2/i)(−1)^m/m!, the other Gamma functions taken there.

    >>> [(a, mpmath.nstr(c, 12)) for w, L in (("nmm", 0), ("nmm", 1), ("ew", 0))
    ...  for a, c in tau_poles(w, L)]
    [(2, '0.333333333333'), (1, '-0.666666666667'), (1, '-2.0')]
    """
    if weight not in ("nmm", "ew"):
        raise ValueError(f"weight must be 'nmm' or 'ew', got {weight!r}")
    validate_int(L, "L", 0)
    shift, pref, den = (
        (0, mpmath.pi / 4, mpmath.mpf(3) / 2)
        if weight == "nmm"
        else (1, mpmath.pi, mpmath.mpf(1) / 2)
    )
    out = []
    for m in range(below):
        a = L + shift + 2 * m
        if a >= below:
            break
        if a == 0:  # nmm, L = 0: the double pole at τ = 0 is cancelled (module docstring)
            continue
        g = mpmath.gamma(L + shift + m) / (
            mpmath.gamma(den - m) * mpmath.gamma(L + m + mpmath.mpf(3) / 2)
        )
        out.append((a, -pref * (-1) ** m / mpmath.factorial(m) * g))
    return tuple(out)


def _gamma_weights(fl: Any, lmin: int, lmax: int, tg: TauGrid) -> tuple[list[list[Any]], ...]:
    """w_k |M_j(L, iτ_k)|² and w_k |M_j(L, 1 + iτ_k)|² for lmin ≤ L ≤ lmax (row L − lmin),
    k ≤ K (w = 1, 2, 2, …: the τ-integral over the real line folded onto τ ≥ 0); the L = 0,
    τ = 0 entry is 0 (that term is a limit, taken by the caller). Built up in L from L = 0
    and 1 (:func:`_gamma_starts`) by Γ(z + 1) = z Γ(z)."""
    pi = fl.arb.pi()
    rows = lmax - lmin + 1
    g: list[list[Any]] = [[None] * (tg.kmax + 1) for _ in range(rows)]
    e: list[list[Any]] = [[None] * (tg.kmax + 1) for _ in range(rows)]
    for kk in range(tg.kmax + 1):
        tau = fl.arb(tg.dtau) * kk
        t2, w = tau * tau, 1 if kk == 0 else 2
        starts = _gamma_starts(fl, tau)
        for start in (0, 1):
            gv, ev = starts[start], starts[2 + start]
            gv = None if gv is None else w * pi / 16 * gv
            ev = w * pi / 4 * ev
            for L in range(start, lmax + 1, 2):
                if lmin <= L:
                    g[L - lmin][kk], e[L - lmin][kk] = fl.arb(0) if gv is None else gv, ev
                # τ = 0, L = 0: L = 2 from (π/16)|Γ(1)/Γ(5/2)|² = 1/9
                gv = fl.arb(1) / 9 if gv is None else gv * (L * L + t2) / ((L + 3) ** 2 + t2)
                ev = ev * ((L + 1) ** 2 + t2) / ((L + 2) ** 2 + t2)
    return g, e


def _gamma_starts(fl: Any, tau: Any) -> tuple[Any, ...]:
    """|Γ((L + iτ)/2)/Γ((L + 3 + iτ)/2)|² for L = 0, 1 and |Γ((L + 1 + iτ)/2)/Γ((L + 2 + iτ)/2)|²
    for L = 0, 1, in closed form from |Γ(iy)|² = π/(y sinh πy), |Γ(½ + iy)|² = π/cosh πy
    and Γ(z + 1) = z Γ(z), y = τ/2; at τ = 0 their limits (the first is None: a pole).

    >>> from sumrules.core.certified import workprec
    >>> with workprec(80) as fl:
    ...     tau = fl.arb(3) / 7
    ...     lg = lambda a, b: (2 * ((fl.acb(a, tau) / 2).lgamma()
    ...                             - (fl.acb(b, tau) / 2).lgamma()).real).exp()
    ...     ok = [abs(x / lg(a, b) - 1) < 1e-20 for x, (a, b) in
    ...           zip(_gamma_starts(fl, tau), ((0, 3), (1, 4), (1, 2), (2, 3)))]
    >>> ok
    [True, True, True, True]
    """
    pi = fl.arb.pi()
    if tau == 0:
        return None, pi, pi, 4 / pi
    y = tau / 2
    th = (pi * y).tanh()
    quarter = fl.arb(1) / 4 + y * y
    return 1 / (y * quarter * th), th / (y * (1 + y * y)), th / y, y / (quarter * th)


#: partial waves l′ per block of :func:`_band_sums` (a larger block multiplies more unused pairs)
BAND_BLOCK = 16


def _band_sums(
    fl: Any, weights: list[list[Any]], lmin: int, spectra: list[list[Any]], lo: int, l: int
) -> dict[tuple[int, int], Any]:
    """Σ_k weights[L − lmin][k] spectra[l′ − lo][k] for every |l′ − L| ≤ l, as {(L, l′): arb}:
    arb_mat products over blocks of :data:`BAND_BLOCK` l′ (C loops instead of Python sums)."""
    out = {}
    for start in range(lo, lo + len(spectra), BAND_BLOCK):
        lps = range(start, min(start + BAND_BLOCK, lo + len(spectra)))
        ls = range(max(lmin, start - l), min(lmin + len(weights), lps[-1] + l + 1))
        rows = fl.arb_mat([weights[L - lmin] for L in ls])
        prod = rows * fl.arb_mat([spectra[lp - lo] for lp in lps]).transpose()
        for i, L in enumerate(ls):
            for j, lp in enumerate(lps):
                if abs(L - lp) <= l:
                    out[(L, lp)] = prod[i, j]
    return out


def _terms(
    fl: Any, n: int, l: int, k: mpmath.mpf, lcut: int, grid: MellinGrid, eta_sign: int
) -> tuple[list[mpmath.mpf], list[mpmath.mpf], mpmath.mpf, list[TauGrid]]:
    """Σ_L A (1/2π) ∫ … dτ per l′ ≤ lcut for both weights (r_nmm's without the factor 2T): the
    trapezoid sums on each group's τ grid plus their pole corrections (:func:`tau_poles`); the
    orthogonality residual and the τ grids."""
    cols, us = _columns(fl, n, l, k, lcut, grid, eta_sign)
    rs = [u.exp() for u in us]
    moments: dict[int, dict[Any, Any]] = {}  # only where a limit or a pole needs them

    def moment(lp: int, s: Any) -> Any:
        if lp not in moments:
            moments[lp] = _moments(fl, cols[lp], rs, us)
        return moments[lp][s]

    # below this an entry is rounding noise of the largest column's sums
    floor = max(abs(c.real) + abs(c.imag) for c in cols[l]) * fl.arb(2) ** -fl.ctx.prec
    t_nmm, t_ew, grids = [], [], []
    for lo, hi, strip in partial_wave_groups(l, lcut):
        tg = tau_grid(grid, lo, hi, strip, _support(cols[lo], floor))
        grids.append(tg)
        nmm, ew = _spectra(fl, cols[lo : hi + 1], tg)
        lmin, lmax = max(0, lo - l), hi + l
        g, e = _gamma_weights(fl, lmin, lmax, tg)
        sums_nmm, sums_ew = _band_sums(fl, g, lmin, nmm, lo, l), _band_sums(fl, e, lmin, ew, lo, l)
        norm = fl.arb(tg.dtau) / (8 * fl.arb.pi())  # Δτ/2π and the 4 of the spectra
        q = (-2 * fl.arb.pi() / fl.arb(tg.dtau)).exp()
        for lp in range(lo, hi + 1):
            s_nmm = s_ew = fl.arb(0)
            for L in range(abs(lp - l), lp + l + 1, 2):
                a = angular_factor(l, lp, L)
                if not a:
                    continue
                amp = fl.arb(fl.fmpq(int(a.p), int(a.q)))
                x, y = sums_nmm[(L, lp)], sums_ew[(L, lp)]
                if L == 0:  # the limit τ → 0 of the k = 0 term (module docstring)
                    x += 4 * moment(lp, "log") ** 2
                x, y = norm * x, norm * y
                for b, c in tau_poles("nmm", L):
                    x += fl.arb(c) * moment(lp, 1 + b) * moment(lp, 1 - b) * q**b / (1 - q**b)
                for b, c in tau_poles("ew", L):
                    y += fl.arb(c) * moment(lp, b) * moment(lp, -b) * q**b / (1 - q**b)
                s_nmm += amp * x
                s_ew += amp * y
            t_nmm.append(mpmath.mpf(s_nmm.mid()))
            t_ew.append(mpmath.mpf(s_ew.mid()))
    return t_nmm, t_ew, mpmath.mpf(moment(l, 1).mid()), grids


def _first_cut(k: mpmath.mpf, beta: mpmath.mpf, dps: int) -> int:
    """l′ cut from the slowest fall of the terms, on the Bethe ridge q² = k² + β²
    (:func:`~.partial_waves.decay_rate`), with a third more for their growing prefactor."""
    rate = decay_rate(k, mpmath.sqrt(k * k + beta * beta), beta)
    return int(4 * (dps + 2) * mpmath.log(10) / (6 * rate)) + 8


def partial_wave_ratios(
    n: int,
    l: int,
    T: object,
    *,
    Z: object = 1,
    dps: int = 30,
    lmax: int = 1000,
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
                t_nmm, t_ew, ortho, tau_grids = _terms(fl, n, l, k, lcut, grid, eta_sign)
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
            tuple(tau_grids),
        )
