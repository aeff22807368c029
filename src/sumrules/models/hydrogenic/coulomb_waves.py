"""The continuum structure function S_nl(T, q) from the three-dimensional Coulomb wave.

A route independent of the partial waves (:mod:`.partial_waves`), fast at any T. Atomic
units, Z = 1 (S_Z(T, q) = Z⁻² S_1(T/Z², q/Z)); β = 1/n, k = √(2T − β²), ν = 1/k.

Final states: ψ_k^{(−)}(r) = (2π)^{−3/2} e^{πν/2} Γ(1 + iν) e^{ik·r} ₁F₁(−iν; 1; −i(kr + k·r)),
normalised to δ³(k − k′), so S = k ∫ dΩ_k (1/(2l+1)) Σ_m |M_m|² with
M_m = ⟨ψ_k^{(−)}| e^{iq·r} |n l m⟩. Nordsieck's integral (Landau–Lifshitz §148),

    J(λ, Q) = ∫ d³r e^{iQ·r − λr}/r ₁F₁(iν; 1; i(kr + k·r)) = 4π A^{iν−1} D^{−iν},
    A = Q² + λ²,  D = Q² + 2Q·k + λ² − 2iλk = q² − (k + iλ)²  (Q = q − k),

gives every bound state by differentiation: with R_nl = c₀ r^l e^{−βr} Σ_s p_s r^s and
r^l Y_lm = h_lm(x, y, z) a harmonic polynomial,

    M_m = (2π)^{−3/2} e^{πν/2} Γ(1 − iν) c₀ Σ_s p_s (−∂_λ)^{s+1} h_lm(−i∇_Q) J |_{λ=β}.

The derivatives (sympy, once per (n, l)) leave J times a polynomial in (Q_x, Q_z, 1/A, 1/D)
whose coefficients are polynomials in k and ν. Im D = −2βk < 0, so the principal powers
are continuous over the whole sphere of k̂. The m-sum depends on k, Q = |q − k| and q only:
with k̂ = ẑ and Q in the xz-plane, Q_z = (q² − Q² − k²)/(2k) and
dΩ_k = 2π Q dQ/(qk), so

    S(T, q) = (2π/q) ∫_{|q−k|}^{q+k} W(Q, q) Q dQ,   W = k (1/(2l+1)) Σ_m |M_m|²/(...)·,

and the sum-rule integrals become two-dimensional (the Bethe ridge is Q ≲ β):

    r_ew = 2π ∫₀^∞ Q dQ ∫_{|Q−k|}^{Q+k} W dq,   r_nmm = 4πT ∫₀^∞ Q dQ ∫_{|Q−k|}^{Q+k} W dq/q².

>>> from sumrules.models.hydrogenic import ground
>>> s = continuum_density(1, 0, 1, "0.7", dps=20)
>>> abs(s - ground.continuum_density(1, "0.7", dps=20)) < 1e-19
True
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

import mpmath
import sympy as sp

from sumrules.core.certified import flint_available
from sumrules.core.numeric import precision, validate_dps
from sumrules.models.hydrogenic import arb_weight
from sumrules.models.hydrogenic.states import check_charge, check_state, radial_polynomial

__all__ = [
    "GUARD",
    "AmplitudeTable",
    "ContinuumAtEnergy",
    "RatioQuadrature",
    "amplitude_table",
    "continuum_density",
    "gauss_nodes",
    "gauss_panels",
    "harmonic_polynomial",
    "nodes_for",
    "ratio_quadrature",
]

#: guard digits of every evaluation
GUARD = 10

_QX, _QY, _QZ, _LAM, _K, _NU, _IA, _ID = sp.symbols("Qx Qy Qz lam k nu iA iD")
_GENS = (_QX, _QY, _QZ, _LAM, _K, _NU, _IA, _ID)


def _poly(expr: object) -> sp.Poly:
    return sp.Poly(expr, *_GENS, domain=sp.QQ_I)


def _derivative(x: sp.Symbol) -> functools.partial[sp.Poly]:
    """d/dx of A^{iν−1} D^{−iν} R(x, 1/A, 1/D), as the polynomial multiplying A^{iν−1} D^{−iν}."""
    a_ = _QX**2 + _QY**2 + _QZ**2 + _LAM**2
    d_ = a_ + 2 * _QZ * _K - 2 * sp.I * _LAM * _K
    ax, dx = sp.diff(a_, x), sp.diff(d_, x)
    parts = (
        _poly((sp.I * _NU - 1) * ax * _IA),
        _poly(-sp.I * _NU * dx * _ID),
        _poly(-ax * _IA**2),
        _poly(-dx * _ID**2),
    )
    return functools.partial(_apply_derivative, x=x, parts=parts)


def _apply_derivative(r: sp.Poly, *, x: sp.Symbol, parts: tuple[sp.Poly, ...]) -> sp.Poly:
    c1, c2, c3, c4 = parts
    return c1 * r + c2 * r + r.diff(x) + c3 * r.diff(_IA) + c4 * r.diff(_ID)


def harmonic_polynomial(l: int, m: int) -> tuple[sp.Poly, sp.Rational]:
    """(h, w): r^l Y_lm = √(w/(4π)) h(x, y, z), h with Gaussian-integer coefficients.

    >>> h, w = harmonic_polynomial(1, 0)
    >>> h.as_expr(), w
    (z, 3)
    """
    x, y, z, r, t = sp.symbols("x y z r t")
    ma = abs(m)
    dp = sp.diff(sp.legendre(l, t), t, ma)
    body = sp.expand(
        sp.expand(dp.subs(t, z / r) * r ** (l - ma)).subs(r, sp.sqrt(x**2 + y**2 + z**2))
    )
    h = (-1) ** ma * (x + sp.I * y) ** ma * body if m >= 0 else (x - sp.I * y) ** ma * body
    w = sp.Rational(2 * l + 1) * sp.factorial(l - ma) / sp.factorial(l + ma)
    return sp.Poly(sp.expand(h), x, y, z), w


#: one coefficient: (re, im, power of k, power of ν)
Coefficient = tuple[Fraction, Fraction, int, int]


@dataclass(frozen=True)
class AmplitudeTable:
    """M_m/(J·norm) as Σ_monomials c(k, ν) Q_x^a Q_z^b A^{−c} D^{−d}, per m (Z = 1).

    ``weights[m]``: c₀² (2l+1)(l−|m|)!/(l+|m|)! (the 1/(4π) of Y_lm is kept apart).
    """

    n: int
    l: int
    weights: tuple[Fraction, ...]
    monomials: tuple[tuple[tuple[tuple[int, int, int, int], tuple[Coefficient, ...]], ...], ...]

    @property
    def size(self) -> int:
        """The number of monomials over all m."""
        return sum(len(m) for m in self.monomials)


def _gaussian(c: object) -> tuple[Fraction, Fraction]:
    re, im = sp.sympify(c).as_real_imag()
    return Fraction(int(sp.numer(re)), int(sp.denom(re))), Fraction(
        int(sp.numer(im)), int(sp.denom(im))
    )


@functools.cache
def amplitude_table(n: int, l: int) -> AmplitudeTable:
    """The derivatives of Nordsieck's integral for the state (n, l) (sympy, cached).

    >>> amplitude_table(1, 0).size  # 1s: one term in D^{-1}, one in A^{-1}
    2
    """
    n, l = check_state(n, l, max_n=None)
    rp = radial_polynomial(n, l)
    d = {v: _derivative(v) for v in (_QX, _QY, _QZ, _LAM)}

    @functools.cache
    def grad(a: int, b: int, c: int) -> sp.Poly:
        if a:
            return d[_QX](grad(a - 1, b, c))
        if b:
            return d[_QY](grad(a, b - 1, c))
        if c:
            return d[_QZ](grad(a, b, c - 1))
        return _poly(1)

    weights, tables = [], []
    for m in range(-l, l + 1):
        h, w = harmonic_polynomial(l, m)
        hq = _poly(0)
        for (a, b, c), coef in h.terms():
            hq += grad(a, b, c) * _poly(coef * (-sp.I) ** (a + b + c))
        hq = _poly(hq.as_expr().subs(_QY, 0))
        total, r = _poly(0), hq
        for p in rp.coefficients:
            r = -d[_LAM](r)
            total += r * _poly(p)
        total = _poly(total.as_expr().subs(_LAM, sp.Rational(1, n)))
        groups: dict[tuple[int, int, int, int], list[Coefficient]] = {}
        for mon, coef in total.terms():
            re, im = _gaussian(coef)
            key = (mon[0], mon[2], mon[6], mon[7])
            groups.setdefault(key, []).append((re, im, mon[4], mon[5]))
        tables.append(tuple((key, tuple(v)) for key, v in sorted(groups.items())))
        cw = rp.c0_squared * w
        weights.append(Fraction(int(cw.p), int(cw.q)))
    return AmplitudeTable(n, l, tuple(weights), tuple(tables))


def _mpf(x: Fraction) -> mpmath.mpf:
    return mpmath.mpf(x.numerator) / x.denominator


class ContinuumAtEnergy:
    """W(Q, q) at one ejected momentum k (Z = 1), at the precision current when built."""

    def __init__(self, n: int, l: int, k: mpmath.mpf) -> None:
        table = amplitude_table(n, l)
        self.n, self.l, self.k = n, l, k
        self.table = table
        self.beta = mpmath.mpf(1) / n
        self.nu = 1 / k
        two_pi_nu = 2 * mpmath.pi * self.nu
        # (2π)^{-3} (4π)² |Γ(1 − iν)|² e^{πν} / (4π), the 1/(4π) of Y_lm, times k/(2l+1)
        sommerfeld = two_pi_nu / -mpmath.expm1(-two_pi_nu)
        self.pref = 2 * sommerfeld / (mpmath.pi**2 * (2 * l + 1)) / 4
        self.weights = [_mpf(w) for w in table.weights]
        self.rows = [
            [(key, self._coefficient(coefs)) for key, coefs in row] for row in table.monomials
        ]
        self.top = [
            max((key[i] for row in self.rows for key, _ in row), default=0) for i in range(4)
        ]
        self.kb = mpmath.mpc(k, self.beta)
        #: "arb" (python-flint, when installed) or "mpmath": the arithmetic of the Q-sums
        self.backend = "arb" if flint_available() else "mpmath"

    def _coefficient(self, coefs: tuple[Coefficient, ...]) -> mpmath.mpc:
        total = mpmath.mpc(0)
        for re, im, pk, pnu in coefs:
            total += mpmath.mpc(_mpf(re), _mpf(im)) * self.k ** (pk - pnu)
        return total

    def at_momentum_transfer(self, q: mpmath.mpf) -> Callable[[mpmath.mpf], mpmath.mpf]:
        """Q ↦ W(Q, q) at fixed q (the factors of D = q² − (k + iβ)² collapsed once)."""
        k = self.k
        dd = (q - self.kb) * (q + self.kb)
        inv_d = _powers(1 / dd, self.top[3])
        factor = self.pref * mpmath.exp(2 * self.nu * mpmath.arg(dd))
        rows = []
        for w, row in zip(self.weights, self.rows, strict=True):
            collapsed: dict[tuple[int, int, int], mpmath.mpc] = {}
            for (ex, ez, ea, ed), c in row:
                key = (ex, ez, ea)
                collapsed[key] = collapsed.get(key, 0) + c * inv_d[ed]
            rows.append((w, list(collapsed.items())))
        shift = (q - k) * (q + k)
        b2 = self.beta**2

        def weight(Q: mpmath.mpf) -> mpmath.mpf:
            qz = (shift - Q * Q) / (2 * k)
            qx2 = (Q - qz) * (Q + qz)
            qx = mpmath.sqrt(qx2) if qx2 > 0 else mpmath.mpf(0)
            a = Q * Q + b2
            px, pz, pa = (
                _powers(qx, self.top[0]),
                _powers(qz, self.top[1]),
                _powers(1 / a, self.top[2]),
            )
            total = mpmath.mpf(0)
            for w, row in rows:
                s = mpmath.mpc(0)
                for (ex, ez, ea), c in row:
                    s += c * (px[ex] * pz[ez] * pa[ea])
                total += w * (s.real**2 + s.imag**2)
            return factor * total * pa[1] ** 2 if self.top[2] else factor * total / (a * a)

        return weight

    def weight(self, Q: mpmath.mpf, q: mpmath.mpf) -> mpmath.mpf:
        """W(Q, q) = (1/(2l+1)) Σ_m |M_m|² × the density of states, on |q − k| ≤ Q ≤ q + k."""
        return self.at_momentum_transfer(q)(Q)

    def density_by_rule(self, q: mpmath.mpf, degree: int) -> mpmath.mpf:
        """S(T, q) by the Gauss–Legendre rule in log(Q² + β²) of :func:`ratio_quadrature`
        (``degree`` · 3/4 nodes a panel), in :attr:`backend` arithmetic."""
        return _density_at(self, q, degree)

    def density(self, q: mpmath.mpf) -> mpmath.mpf:
        """S(T, q) = (2π/q) ∫ W Q dQ over |q − k| ≤ Q ≤ q + k (q > 0)."""
        lo, hi = abs(q - self.k), q + self.k
        pts = [lo, *_graded(lo, hi, self.beta), hi]
        w = self.at_momentum_transfer(q)
        value = mpmath.quad(lambda Q: Q * w(Q), pts, method="gauss-legendre")
        return 2 * mpmath.pi * value / q


def _powers(x: mpmath.mpf | mpmath.mpc, top: int) -> list[mpmath.mpf | mpmath.mpc]:
    out = [mpmath.mpf(1)]
    for _ in range(top):
        out.append(out[-1] * x)
    return out


def _graded(lo: mpmath.mpf, hi: mpmath.mpf, scale: mpmath.mpf) -> list[mpmath.mpf]:
    """lo + scale/4, lo + scale, lo + 4 scale, … below hi (the width of A = Q² + β²)."""
    out, d = [], scale / 4
    while lo + d < hi:
        out.append(lo + d)
        d *= 4
    return out


def continuum_density(
    n: int, l: int, T: object, q: object, *, Z: object = 1, dps: int = 30
) -> mpmath.mpf:
    """S_nl(T, q) per unit T, m-averaged (T above I_n = Z²/(2n²), q > 0).

    >>> print(mpmath.nstr(continuum_density(2, 1, "0.25", "0.3", dps=15), 12))
    0.254660618495
    """
    n, l = check_state(n, l)
    validate_dps(dps)
    with precision(dps + GUARD):
        z = check_charge(Z)
        t, q_ = mpmath.mpmathify(T) / (z * z), mpmath.mpmathify(q) / z
        if not t > mpmath.mpf(1) / (2 * n * n):
            raise ValueError(
                f"T must exceed the threshold Z**2/(2 n**2) of the {n}{l} state, got {T!r}"
            )
        if not q_ > 0:
            raise ValueError(f"q must be positive, got {q!r}")
        c = ContinuumAtEnergy(n, l, mpmath.sqrt(2 * t - mpmath.mpf(1) / (n * n)))
        value = c.density(q_) / (z * z)
    with precision(dps):
        return +value


@dataclass(frozen=True)
class RatioQuadrature:
    """(r_nmm, r_ew) by Gauss–Legendre panels in q and log(Q² + β²), at two degrees.

    ``error_*``: the change from ``nodes − 8`` to ``nodes`` per panel (the values are those
    with ``nodes``).
    """

    r_nmm: mpmath.mpf
    r_ew: mpmath.mpf
    error_nmm: mpmath.mpf
    error_ew: mpmath.mpf
    nodes: int


@functools.lru_cache(maxsize=64)
def _nodes(count: int, prec: int) -> tuple[tuple[mpmath.mpf, mpmath.mpf], ...]:
    """``count`` Gauss–Legendre nodes and weights on [−1, 1] (Newton on P_count, at ``prec``)."""
    out = []
    with mpmath.workprec(prec + 20):
        for i in range(1, count // 2 + 1):
            x = mpmath.cos(mpmath.pi * (i - mpmath.mpf(1) / 4) / (count + mpmath.mpf(1) / 2))
            for _ in range(100):
                p0, p1 = mpmath.mpf(1), x
                for j in range(2, count + 1):
                    p0, p1 = p1, ((2 * j - 1) * x * p1 - (j - 1) * p0) / j
                dp = count * (x * p1 - p0) / (x * x - 1)
                step = p1 / dp
                x -= step
                if abs(step) < mpmath.mpf(2) ** (-prec - 10):
                    break
            w = 2 / ((1 - x * x) * dp * dp)
            out += [(x, w), (-x, w)]
        if count % 2:
            p0, p1 = mpmath.mpf(1), mpmath.mpf(0)
            for j in range(2, count + 1):
                p0, p1 = p1, (-(j - 1) * p0) / j
            out.append((mpmath.mpf(0), 2 / (count * p0) ** 2))
    return tuple((+x, +w) for x, w in out)


def gauss_nodes(pts: list[mpmath.mpf], count: int) -> list[tuple[mpmath.mpf, mpmath.mpf]]:
    """(node, weight) of the ``count``-node Gauss–Legendre rule on every panel of ``pts``.

    >>> with precision(20):
    ...     v = sum(w * x * x for x, w in gauss_nodes([mpmath.mpf(0), mpmath.mpf(1)], 3))
    ...     abs(v - mpmath.mpf(1) / 3) < 1e-20  # exact for degree ≤ 5, up to rounding
    True
    """
    rule = _nodes(count, mpmath.mp.prec)
    out = []
    for a, b in itertools.pairwise(pts):
        half, mid = (b - a) / 2, (a + b) / 2
        out += [(mid + half * x, half * w) for x, w in rule]
    return out


def gauss_panels(
    f: Callable[[mpmath.mpf], mpmath.mpf], pts: list[mpmath.mpf], degree: int
) -> mpmath.mpf:
    """Σ over the panels [pts[i], pts[i+1]] of the ``degree``-node Gauss–Legendre rule.

    >>> with precision(30):
    ...     v = gauss_panels(mpmath.exp, [mpmath.mpf(0), mpmath.mpf(1)], 16)
    ...     abs(v - (mpmath.e - 1)) < 1e-28
    True
    """
    rule = _nodes(degree, mpmath.mp.prec)
    total = mpmath.mpf(0)
    for a, b in itertools.pairwise(pts):
        half, mid = (b - a) / 2, (a + b) / 2
        total += half * mpmath.fsum(w * f(mid + half * x) for x, w in rule)
    return total


def _log_panels(lo: mpmath.mpf, hi: mpmath.mpf, width: mpmath.mpf = 6) -> list[mpmath.mpf]:
    pieces = max(1, int(mpmath.ceil((hi - lo) / width)))
    return [lo + (hi - lo) * j / pieces for j in range(pieces + 1)]


def _density_at(c: ContinuumAtEnergy, q: mpmath.mpf, degree: int) -> mpmath.mpf:
    """S(T, q) = (π/q) ∫ W dx over x = Q² ∈ [(q − k)², (q + k)²], in s = log(x + β²).

    The same Gauss–Legendre sum in python-flint's arb arithmetic when it is installed
    (:mod:`.arb_weight`: the same nodes at the same precision, about 20 times faster),
    else in mpmath.
    """
    b2 = c.beta**2
    lo = mpmath.log((q - c.k) ** 2 + b2)
    hi = mpmath.log((q + c.k) ** 2 + b2)
    count = degree * 3 // 4
    if c.backend == "arb":
        rule = _nodes(count, mpmath.mp.prec)
        return mpmath.pi * arb_weight.log_panel_integral(c, q, _log_panels(lo, hi), rule) / q

    weight = c.at_momentum_transfer(q)

    def f(s: mpmath.mpf) -> mpmath.mpf:
        y = mpmath.exp(s)
        x = y - b2
        return weight(mpmath.sqrt(x) if x > 0 else mpmath.mpf(0)) * y

    return mpmath.pi * gauss_panels(f, _log_panels(lo, hi), count) / q


def _q_points(k: mpmath.mpf, beta: mpmath.mpf) -> tuple[list[mpmath.mpf], mpmath.mpf]:
    """Panels in q up to q_far (graded by 4 about the ridge q = k), and q_far."""
    far = 2 * k + 8 * beta
    pts = {mpmath.mpf(0), k, far}
    d = beta / 4
    while d < far:
        pts.update(p for p in (k - d, k + d) if 0 < p < far)
        d *= 4
    return sorted(pts), far


def _ratio_integrals(
    c: ContinuumAtEnergy, t: mpmath.mpf, degree: int
) -> tuple[mpmath.mpf, mpmath.mpf]:
    memo: dict[mpmath.mpf, mpmath.mpf] = {}

    def s(q: mpmath.mpf) -> mpmath.mpf:
        v = memo.get(q)
        if v is None:
            v = memo[q] = _density_at(c, q, degree) if q > 0 else mpmath.mpf(0)
        return v

    pts, far = _q_points(c.k, c.beta)
    # the tail q > far in u = far/q: dq = far du/u²
    one = [mpmath.mpf(0), mpmath.mpf(1)]
    ew = gauss_panels(lambda q: s(q) * q, pts, degree)
    ew += gauss_panels(lambda u: s(far / u) * far**2 / u**3 if u else u, one, degree)
    nmm = gauss_panels(lambda q: s(q) / q if q else q, pts, degree)
    nmm += gauss_panels(lambda u: s(far / u) / u if u else u, one, degree)
    return 2 * t * nmm, ew


def nodes_for(dps: int) -> int:
    """Gauss–Legendre nodes per q-panel for ``dps`` digits (about one digit per node, measured
    against the 1s closed form from T/I = 1.001 to 10⁴; the log(Q² + β²) panel takes 3/4)."""
    return dps + 6


def ratio_quadrature(
    n: int, l: int, t: mpmath.mpf, nodes: int = 36, *, check: bool = True
) -> RatioQuadrature:
    """(r_nmm, r_ew) at T = t (Z = 1) at the current precision (see the module docstring).

    r_ew = ∫ S q dq and r_nmm = 2T ∫ S dq/q, with S(q) from a Gauss–Legendre rule in
    log(Q² + β²) (the integrand is entire there) and panels in q graded by 4 about the ridge.
    With ``check`` the rule with ``nodes − 8`` nodes gives the error estimate (an upper
    bound: about 8 digits pessimistic); without it the error fields are NaN.
    """
    k = mpmath.sqrt(2 * t - mpmath.mpf(1) / (n * n))
    c = ContinuumAtEnergy(n, l, k)
    nmm, ew = _ratio_integrals(c, t, nodes)
    if not check:
        return RatioQuadrature(nmm, ew, mpmath.nan, mpmath.nan, nodes)
    nmm0, ew0 = _ratio_integrals(c, t, nodes - 8)
    return RatioQuadrature(nmm, ew, abs(nmm - nmm0), abs(ew - ew0), nodes)
