"""The Nordsieck derivation of S_nl in polynomial-ring arithmetic (fast enough for n = 4).

The same mathematics as :mod:`sumrules.models.hydrogenic.closed_form_derivation`, step for
step, in FLINT's multivariate polynomials over ℚ (python-flint ``fmpq_mpoly``; a complex
polynomial is a pair (real part, imaginary part); the ``flint`` extra) instead of sympy
expression trees: about a second per n = 3 state (sympy's expressions took minutes) and 2–8 s
per n = 4 state:

1. G for a monomial r^a x^b y^c z^d e^{−λr}: the operator (−∂_λ)^{a+1} (−i∂_{q_x})^b … acts on
   J G, J = 4π D^{iν−1} N^{−iν}; G is a polynomial in 1/D, 1/N (generators ``Di``, ``Ni``)
   and the chain rule is ∂_v(GJ)/J = ∂_v G − Di² ∂_{Di} G ∂_v D − Ni² ∂_{Ni} G ∂_v N
   + G (iν − 1) Di ∂_v D − G iν Ni ∂_v N.
2. Frame k ∥ z, q = q(sin θ, 0, cos θ); cos θ = (λ² + q² + k² − D) H with H = 1/(2qk) a
   generator; conj(G) swaps Ni with Nbi = 1/N̄ and conjugates the coefficients.
3. Σ_m G_m conj(G_m), q_x² → q²(1 − cos²θ) (odd powers must be absent), D^a Di^b → D^{a−b};
   D⁻² times it is a Laurent polynomial in D, integrated term by term between
   D∓ = λ² + (q ∓ k)² (the power −1 must be absent: no logarithm).
4. 1/N = N̄/(D₋D₊), 1/N̄ = N/(D₋D₊), ν = nλ/k, H = 1/(2qk): one numerator over
   (D₋D₊)^e q^a k^b, reduced by exact division by D₋, D₊, q and k.

The irrational normalisations (of R_nl and of the real harmonics) are taken out of the ring:
each harmonic is a constant times an integer polynomial and R_nl e^{λr}/r^l a constant times
a polynomial in λ, r with rational coefficients; their squares are put back at the end.

>>> r = ring_derivation(1, 0)
>>> sp.factor(r.reduced)
256*u**2*(kappa**2 + 3*u**2 + 1)/(3*(kappa**2 - 2*kappa*u + u**2 + 1)**3*(kappa**2 + 2*kappa*u + u**2 + 1)**3)
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass
from typing import Any

import flint
import sympy as sp
from sympy.physics.hydrogen import R_nl

__all__ = [
    "ComplexPoly",
    "RingDerivation",
    "real_harmonics",
    "ring_derivation",
    "ring_matrix_element_factors",
]

#: ring A (the operator step) and ring B (the angular step); C: the result in λ, k, q
CTX_A = flint.fmpq_mpoly_ctx.get(("lam", "k", "nu", "qx", "qy", "qz", "Di", "Ni"), "lex")
CTX_B = flint.fmpq_mpoly_ctx.get(("lam", "k", "q", "nu", "H", "D", "Di", "qx", "Ni", "Nbi"), "lex")
CTX_C = flint.fmpq_mpoly_ctx.get(("lam", "k", "q"), "lex")

_LAM_S, _K_S, _NU_S, _Q_S = sp.symbols("lambda k nu q", positive=True)
_R_S, _X_S, _Y_S, _Z_S = sp.symbols("r x y z", real=True)
_U_S, _KAPPA_S = sp.symbols("u kappa", positive=True)


@dataclass(frozen=True)
class ComplexPoly:
    """re + i·im with re, im FLINT polynomials over ℚ in one context."""

    re: Any
    im: Any

    def __add__(self, other: ComplexPoly) -> ComplexPoly:
        return ComplexPoly(self.re + other.re, self.im + other.im)

    def __sub__(self, other: ComplexPoly) -> ComplexPoly:
        return ComplexPoly(self.re - other.re, self.im - other.im)

    def __neg__(self) -> ComplexPoly:
        return ComplexPoly(-self.re, -self.im)

    def __mul__(self, other: ComplexPoly) -> ComplexPoly:
        a, b, c, d = self.re, self.im, other.re, other.im
        return ComplexPoly(a * c - b * d, a * d + b * c)

    def scale(self, factor: Any) -> ComplexPoly:
        """Times a real polynomial or rational."""
        return ComplexPoly(self.re * factor, self.im * factor)

    def times_i(self) -> ComplexPoly:
        return ComplexPoly(-self.im, self.re)

    def diff(self, var: str) -> ComplexPoly:
        return ComplexPoly(self.re.derivative(var), self.im.derivative(var))

    def compose(self, *images: Any, ctx: Any) -> ComplexPoly:
        """Substitute real polynomials of ``ctx`` for the generators."""
        return ComplexPoly(self.re.compose(*images, ctx=ctx), self.im.compose(*images, ctx=ctx))


def _real(p: Any) -> ComplexPoly:
    return ComplexPoly(p, p * 0)


def _chain_derivative(G: ComplexPoly, v: str) -> ComplexPoly:
    """∂_v (G J)/J in ring A; v one of lam, qx, qy, qz."""
    lam, k, nu, qx, qy, qz, Di, Ni = CTX_A.gens()
    grad_d = {"lam": 2 * lam, "qx": 2 * qx, "qy": 2 * qy, "qz": 2 * (qz - k)}[v]
    grad_n_re = {"lam": 2 * lam, "qx": 2 * qx, "qy": 2 * qy, "qz": 2 * qz}[v]
    grad_n = ComplexPoly(grad_n_re, -2 * k if v == "lam" else lam * 0)
    total = G.diff(v) - G.diff("Di").scale(Di**2 * grad_d) - (G.diff("Ni") * grad_n).scale(Ni**2)
    # G (iν − 1) Di ∂D − G iν Ni ∂N
    term_d = (G.times_i().scale(nu) - G).scale(Di * grad_d)
    term_n = (G * grad_n).times_i().scale(nu * Ni)
    return total + term_d - term_n


@functools.cache
def _operator(a: int, b: int, c: int, d: int) -> ComplexPoly:
    """G of r^a x^b y^c z^d e^{−λr} in ring A (cached: shared between harmonics)."""
    if (a, b, c, d) == (-1, 0, 0, 0):
        return _real(CTX_A.from_dict({(0,) * 8: 1}))
    if b + c + d == 0:
        return -_chain_derivative(_operator(a - 1, 0, 0, 0), "lam")
    if d > 0:
        prev, v = _operator(a, b, c, d - 1), "qz"
    elif c > 0:
        prev, v = _operator(a, b, c - 1, d), "qy"
    else:
        prev, v = _operator(a, b - 1, c, d), "qx"
    return -(_chain_derivative(prev, v).times_i())


@functools.cache
def real_harmonics(l: int) -> tuple[tuple[sp.Expr, sp.Expr], ...]:
    """(constant, integer polynomial in x, y, z): the real solid harmonics r^l Y_lm, l ≤ 3.

    >>> real_harmonics(1)[2]
    (sqrt(3)/(2*sqrt(pi)), z)
    """
    x, y, z = _X_S, _Y_S, _Z_S
    pi = sp.pi
    table: dict[int, list[tuple[sp.Expr, sp.Expr]]] = {
        0: [(1 / sp.sqrt(4 * pi), sp.Integer(1))],
        1: [(sp.sqrt(3 / (4 * pi)), v) for v in (x, y, z)],
        2: [
            (sp.sqrt(15 / (4 * pi)), x * y),
            (sp.sqrt(15 / (4 * pi)), y * z),
            (sp.sqrt(15 / (4 * pi)), z * x),
            (sp.sqrt(15 / (16 * pi)), x**2 - y**2),
            (sp.sqrt(5 / (16 * pi)), 2 * z**2 - x**2 - y**2),
        ],
        3: [
            (sp.sqrt(7 / (16 * pi)), z * (2 * z**2 - 3 * x**2 - 3 * y**2)),
            (sp.sqrt(21 / (32 * pi)), x * (4 * z**2 - x**2 - y**2)),
            (sp.sqrt(21 / (32 * pi)), y * (4 * z**2 - x**2 - y**2)),
            (sp.sqrt(105 / (16 * pi)), z * (x**2 - y**2)),
            (sp.sqrt(105 / (4 * pi)), x * y * z),
            (sp.sqrt(35 / (32 * pi)), x * (x**2 - 3 * y**2)),
            (sp.sqrt(35 / (32 * pi)), y * (3 * x**2 - y**2)),
        ],
    }
    if l not in table:
        raise ValueError(f"l must be 0, 1, 2 or 3, got {l!r}")
    return tuple(table[l])


def _radial(n: int, l: int) -> tuple[sp.Expr, sp.Poly]:
    """(c, p): R_nl e^{λr}/r^l = c λ^{3/2 + l} p(λ r) with p(0) = 1 (rational coefficients)."""
    z = sp.Symbol("Z", positive=True)
    expr = sp.simplify(R_nl(n, l, _R_S, z) * sp.exp(z * _R_S / n) / _R_S**l).subs(z, n)
    poly = sp.Poly(sp.expand(expr), _R_S)  # at λ = 1
    const = poly.eval(0)
    return sp.nsimplify(const), sp.Poly(sp.expand(poly.as_expr() / const), _R_S)


def ring_matrix_element_factors(n: int, l: int) -> list[tuple[sp.Rational, ComplexPoly]]:
    """[(w_m, G_m)]: G_m in ring A without the normalisation constant c_m c_R λ^{3/2 + l} of
    R_nl Y_lm, and w_m = π (c_m c_R)² (rational); Σ_m |G_m|² is weighted by w_m."""
    c_r, radial = _radial(n, l)
    lam = CTX_A.gens()[0]
    out = []
    for c_m, harmonic in real_harmonics(l):
        body = sp.Poly(
            sp.expand(radial.as_expr().subs(_R_S, _LAM_S * _R_S) * harmonic),
            _R_S,
            _X_S,
            _Y_S,
            _Z_S,
        )
        G = _real(lam * 0)
        for (a, b, c, d), coef in body.terms():
            for (j,), rat in sp.Poly(coef, _LAM_S).terms():
                r = sp.Rational(rat)
                G = G + _operator(a, b, c, d).scale(flint.fmpq(int(r.p), int(r.q)) * lam**j)
        weight = sp.Rational(sp.nsimplify(c_m**2 * c_r**2 * sp.pi))
        out.append((weight, G))
    return out


def _cos() -> Any:
    lam, k, q, _nu, H, D = CTX_B.gens()[:6]
    return (lam**2 + q**2 + k**2 - D) * H


def _to_ring_b(G: ComplexPoly) -> ComplexPoly:
    """Frame k ∥ z: qy = 0, qz = q cos θ, cos θ = (λ² + q² + k² − D) H (ring A → ring B)."""
    lam, k, q, nu, _H, _D, Di, qx, Ni, _Nbi = CTX_B.gens()
    return G.compose(lam, k, nu, qx, qx * 0, q * _cos(), Di, Ni, ctx=CTX_B)


def _conjugate(G: ComplexPoly) -> ComplexPoly:
    """conj(G) in ring B: conjugate coefficients, Ni ↔ Nbi (all other generators real)."""
    g = CTX_B.gens()
    swap = (*g[:8], g[9], g[8])
    return ComplexPoly(G.re.compose(*swap, ctx=CTX_B), -G.im.compose(*swap, ctx=CTX_B))


def _group(p: Any, ctx: Any, slots: tuple[int, ...]) -> dict[tuple[int, ...], Any]:
    """{exponents at ``slots``: the part of ``p`` with them, those exponents set to 0}."""
    groups: dict[tuple[int, ...], dict[tuple[int, ...], Any]] = {}
    for mono, coef in p.to_dict().items():
        key = tuple(mono[s] for s in slots)
        m = list(mono)
        for s in slots:
            m[s] = 0
        groups.setdefault(key, {})[tuple(m)] = coef
    return {key: ctx.from_dict(terms) for key, terms in groups.items()}


def _even_qx(total: ComplexPoly) -> tuple[ComplexPoly, bool]:
    """qx^{2j} → (q²(1 − cos²θ))^j; whether every power of qx was even."""
    q = CTX_B.gens()[2]
    sin2 = q**2 * (1 - _cos() ** 2)
    even = True
    parts = []
    for p in (total.re, total.im):
        out = p * 0
        for (e,), part in _group(p, CTX_B, (7,)).items():
            even = even and e % 2 == 0
            out = out + part * sin2 ** (e // 2)
        parts.append(out)
    return ComplexPoly(*parts), even


def _laurent(total: ComplexPoly) -> dict[int, ComplexPoly]:
    """{m: coefficient of D^m} of D⁻² total (D^a Di^b = D^{a−b}; coefficients in ring B)."""
    zero = CTX_B.from_dict({})
    out: dict[int, list[Any]] = {}
    for index, p in enumerate((total.re, total.im)):
        for (a, b), part in _group(p, CTX_B, (5, 6)).items():
            slot = out.setdefault(a - b - 2, [zero, zero])
            slot[index] = slot[index] + part
    return {
        m: ComplexPoly(*co) for m, co in out.items() if not (co[0].is_zero() and co[1].is_zero())
    }


def _integrate(laurent: dict[int, ComplexPoly]) -> tuple[ComplexPoly, int]:
    """(numerator, K): Σ_{m≠−1} c_m (D₊^{m+1} − D₋^{m+1})/(m+1) = numerator/(D₋D₊)^K."""
    lam, k, q = CTX_B.gens()[:3]
    lo, hi = lam**2 + (q - k) ** 2, lam**2 + (q + k) ** 2
    kk = max(0, -(min(laurent) + 1))
    out = _real(lam * 0)
    for m, co in laurent.items():
        if m == -1:
            continue
        e = m + 1 + kk
        out = out + co.scale((hi**e * lo**kk - lo**e * hi**kk) / (m + 1))
    return out, kk


def _eliminate_n(num: ComplexPoly) -> tuple[Any, int]:
    """1/N = N̄/P, 1/N̄ = N/P (P = D₋D₊): (the real numerator without Ni, Nbi; power of P).

    ArithmeticError if an imaginary part survives.
    """
    lam, k, q = CTX_B.gens()[:3]
    n_ = ComplexPoly(q**2 - k**2 + lam**2, -2 * k * lam)  # q² − (k + iλ)²
    nbar = ComplexPoly(q**2 - k**2 + lam**2, 2 * k * lam)
    p = (lam**2 + (q - k) ** 2) * (lam**2 + (q + k) ** 2)
    groups: dict[tuple[int, ...], list[Any]] = {}
    zero = CTX_B.from_dict({})
    for index, part_all in enumerate((num.re, num.im)):
        for key, part in _group(part_all, CTX_B, (8, 9)).items():
            slot = groups.setdefault(key, [zero, zero])
            slot[index] = slot[index] + part
    top = max((a + b for a, b in groups), default=0)
    out = _real(zero)
    for (a, b), (re, im) in groups.items():
        factor = _real(p ** (top - a - b))
        for _ in range(a):
            factor = factor * nbar
        for _ in range(b):
            factor = factor * n_
        out = out + ComplexPoly(re, im) * factor
    if not out.im.is_zero():
        raise ArithmeticError("an imaginary part survived the m-sum")
    return out.re, top


def _real_in_c(num: Any, n: int) -> tuple[Any, int, int]:
    """ν = nλ/k, H = 1/(2qk) into ring C: (numerator, power of q, power of k) below."""
    terms = num.to_dict()
    top_nu = max(mono[3] for mono in terms)
    top_h = max(mono[4] for mono in terms)
    out: dict[tuple[int, ...], Any] = {}
    for (el, ek, eq, enu, eh, *rest), coef in terms.items():
        if any(rest):
            raise ArithmeticError("a stray generator survived")
        key = (el + enu, ek + (top_nu - enu) + (top_h - eh), eq + (top_h - eh))
        out[key] = out.get(key, 0) + coef * flint.fmpq(n**enu, 2**eh)
    return CTX_C.from_dict(out), top_h, top_nu + top_h


def _divide_out(num: Any, factor: Any, most: int) -> tuple[Any, int]:
    """Divide ``num`` by ``factor`` as often as it goes exactly (at most ``most`` times)."""
    done = 0
    while done < most:
        quo, rem = divmod(num, factor)
        if not rem.is_zero():
            break
        num, done = quo, done + 1
    return num, done


@dataclass(frozen=True)
class RingDerivation:
    """λ² F in u = q/λ, κ = k/λ as c u² P(u², κ²)/(d₋d₊)^order, and the general F(λ, k, q).

    ``odd_free``/``log_free``/``powers`` as in the expression derivation; ``seconds``: the
    time it took.
    """

    n: int
    l: int
    general: sp.Expr
    reduced: sp.Expr
    prefactor: sp.Rational
    order: int
    polynomial: sp.Expr
    odd_free: bool
    log_free: bool
    powers: tuple[int, ...]
    seconds: float


def _sum_over_harmonics(n: int, l: int) -> tuple[ComplexPoly, bool]:
    """(Σ_m w_m |G_m|² in the frame, odd-free): w_m = π × (normalisation constant)²/λ^{3+2l}."""
    total = _real(CTX_B.from_dict({}))
    for weight, G in ring_matrix_element_factors(n, l):
        gb = _to_ring_b(G)
        total = total + (gb * _conjugate(gb)).scale(flint.fmpq(int(weight.p), int(weight.q)))
    return _even_qx(total)


@functools.cache
def ring_derivation(n: int, l: int) -> RingDerivation:
    """Derive λ² S_nl's rational factor by ring arithmetic (cached)."""
    start = time.perf_counter()
    total, odd_free = _sum_over_harmonics(n, l)
    laurent = _laurent(total)
    num, kk = _integrate(laurent)
    num, e = _eliminate_n(num)
    num_c, q_pow, k_pow = _real_in_c(num, n)
    lam, k, q = CTX_C.gens()
    p_pow = kk + e
    num_c, d_lo = _divide_out(num_c, lam**2 + (q - k) ** 2, p_pow)
    num_c, d_hi = _divide_out(num_c, lam**2 + (q + k) ** 2, p_pow)
    num_c, dq = _divide_out(num_c, q, 10**6)
    num_c, dk = _divide_out(num_c, k, 10**6)
    if d_lo != d_hi:
        raise ArithmeticError("D₋ and D₊ appear to different powers")
    # 2πk ∫dD/(2qk) = (π/q)∫dD; 16π²/(2π)³; Sommerfeld 2πν (ν = nλ/k); 1/(2l+1); the
    # squared normalisation λ^{3+2l}/π (its rational part is in the weights): 4nλ^{4+2l}/(2l+1)
    const = sp.Rational(4 * n, 2 * l + 1)
    powers = {"lam": 4 + 2 * l, "q": dq - q_pow - 1, "k": dk - k_pow - 1}
    order = p_pow - d_lo
    lam_s, k_s, q_s = _LAM_S, _K_S, _Q_S
    dd = (lam_s**2 + (q_s - k_s) ** 2) * (lam_s**2 + (q_s + k_s) ** 2)
    general = (
        const
        * lam_s ** powers["lam"]
        * q_s ** powers["q"]
        * k_s ** powers["k"]
        * _as_expr(num_c)
        / dd**order
    )
    polynomial, prefactor = _reduce(num_c, powers, const)
    u, kap = _U_S, _KAPPA_S
    x, y = sp.symbols("x y")
    reduced = prefactor * u**2 * polynomial.subs({x: u**2, y: kap**2})
    reduced /= (((u - kap) ** 2 + 1) * ((u + kap) ** 2 + 1)) ** order
    return RingDerivation(
        n,
        l,
        general,
        reduced,
        prefactor,
        order,
        polynomial,
        odd_free,
        -1 not in laurent,
        tuple(sorted(laurent)),
        time.perf_counter() - start,
    )


def _reduce(num_c: Any, powers: dict[str, int], const: sp.Rational) -> tuple[sp.Expr, sp.Rational]:
    """(P(x, y) with coprime integer coefficients, c): λ² F at λ = 1 is c u² P(u², κ²)/(d₋d₊)^o.

    ArithmeticError if the powers of q and k do not leave u² in front with P even in u and κ.
    """
    x, y = sp.symbols("x y")
    terms: dict[tuple[int, int], Any] = {}
    for (_el, ek, eq), coef in num_c.to_dict().items():
        eu, ekap = eq + powers["q"] - 2, ek + powers["k"]
        if eu < 0 or ekap < 0 or eu % 2 or ekap % 2:
            raise ArithmeticError(f"u^{eu} κ^{ekap}: not c u² P(u², κ²)")
        key = (eu // 2, ekap // 2)
        terms[key] = terms.get(key, sp.Integer(0)) + sp.Rational(int(coef.p), int(coef.q))
    poly = sp.Poly.from_dict({key: v for key, v in terms.items() if v}, x, y, domain=sp.QQ)
    content, prim = poly.clear_denoms()
    icontent, prim = prim.primitive()
    return prim.as_expr(), const * sp.Rational(icontent) / sp.Rational(content)


def _as_expr(p: Any) -> sp.Expr:
    """A ring-C polynomial as a sympy expression in λ, k, q."""
    return sp.Add(
        *(
            sp.Rational(int(c.p), int(c.q)) * _LAM_S**a * _K_S**b * _Q_S**e
            for (a, b, e), c in p.to_dict().items()
        )
    )
