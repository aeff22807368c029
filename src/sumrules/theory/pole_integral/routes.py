"""Three independent evaluations of the pole integral of Eq. (19); they share no computing code.

The integral is ``I(s, w) = lim_{ε→0+} (1/π) ∫_a^b Im[x^s (T − x/(2m) − iε)^(−w)] dx`` with
``0 < a < 2mT < b``. The routes below share only input validation:

* :func:`pole_integral_distributional` — Sokhotski–Plemelj and ``w − 1`` integrations by parts,
  recorded as checked steps;
* :func:`pole_integral_finite_eps` — an exact antiderivative at finite ε (checked by
  differentiation), evaluated between ``a`` and ``b``, imaginary part, then ε → 0+;
* :func:`pole_integral_numeric` — mpmath quadrature along a half-circle above the pole.

Limits (documented, so that no call can hang or lose its digits silently): the exact closed
form accepts ``|s| ≤ MAX_INDEX`` and ``w ≤ MAX_INDEX``; the three routes, which integrate,
accept ``|s| ≤ MAX_ROUTE_INDEX`` and ``w ≤ MAX_ROUTE_INDEX``. Larger values raise ValueError.

>>> pole_integral_distributional(1, 2, 1, 1)[0]
-4
>>> pole_integral_finite_eps(1, 2, 1, 1)
-4
>>> float(pole_integral_numeric(1, 2, 1, 1))
-4.0
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import mpmath
import sympy as sp

from sumrules.core.numeric import precision, validate_dps

__all__ = [
    "MAX_INDEX",
    "MAX_ROUTE_INDEX",
    "KernelStep",
    "partial_fractions",
    "pole_integral_distributional",
    "pole_integral_finite_eps",
    "pole_integral_numeric",
    "validate_indices",
    "validate_inputs",
    "validate_order",
    "validate_positive",
]


@dataclass(frozen=True)
class KernelStep:
    """One step of a derivation: ``lhs = rhs`` (LaTeX), why, and whether its own check passed.

    ``passed`` is None for a definition or a quoted theorem that carries no check of its own.
    """

    lhs: str
    rhs: str
    justification: str
    method: str = ""
    passed: bool | None = None


# ---------------------------------------------------------------- validation (shared input rules)

#: Largest |s| and w of the exact closed form (bounded time: well under a second).
MAX_INDEX = 1000
#: Largest |s| and w of the integrating routes A, B, C (bounded time, checked accuracy).
MAX_ROUTE_INDEX = 64


def _integer(value: object, name: str) -> int:
    """``value`` as an int; bools, floats (even 2.0) and anything non-integral are rejected."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        msg = f"{name} must be an integer, got {value!r}"
        raise ValueError(msg)
    return int(value)


def validate_order(value: object, name: str = "w") -> int:
    w = _integer(value, name)
    if w < 1:
        raise ValueError(f"{name} must be an integer >= 1, got {value!r}")
    return w


def validate_positive(value: object, name: str) -> sp.Expr:
    """An exact positive sympy number, or a sympy expression known to be positive."""
    bad = f"{name} must be a positive exact number or symbol, got {value!r}"
    if isinstance(value, bool):
        raise ValueError(bad)
    if isinstance(value, numbers.Integral | Fraction) and not isinstance(value, sp.Basic):
        expr: sp.Expr = sp.Rational(value)
    elif isinstance(value, sp.Expr):
        expr = value
        if expr.atoms(sp.Float):
            raise ValueError(f"{name} must be exact (no floats), got {value!r}")
    else:
        raise ValueError(bad)
    if expr.has(sp.oo, -sp.oo, sp.zoo, sp.nan):
        raise ValueError(f"{name} must be finite, got {value!r}")
    if expr.is_positive is not True:
        if expr.free_symbols:
            raise ValueError(
                f"{name} must be positive: declare its symbols with positive=True, got {value!r}"
            )
        raise ValueError(f"{name} must be positive, got {value!r}")
    return expr


def validate_indices(s: object, w: object, limit: int = MAX_INDEX) -> tuple[int, int]:
    """The checked indices ``(s, w)``: integers, ``w >= 1``, ``|s|, w <= limit``."""
    s_, w_ = _integer(s, "s"), validate_order(w)
    if abs(s_) > limit:
        raise ValueError(f"s must satisfy |s| <= {limit}, got {s!r}")
    if w_ > limit:
        raise ValueError(f"w must be <= {limit}, got {w!r}")
    return s_, w_


def validate_inputs(
    s: object, w: object, m: object, T: object, limit: int = MAX_INDEX
) -> tuple[int, int, sp.Expr, sp.Expr]:
    return (*validate_indices(s, w, limit), validate_positive(m, "m"), validate_positive(T, "T"))


# ---------------------------------------------------------------- route A: distributional


@lru_cache(maxsize=1)
def _plemelj_weight_ok() -> bool:
    """Im 1/(u − iε) is the Lorentzian ε/(u² + ε²), of total weight π for every ε > 0."""
    u = sp.Symbol("u", real=True)
    eps = sp.Symbol("epsilon", positive=True)
    lorentz = eps / (u**2 + eps**2)
    shape = sp.simplify(sp.im(1 / (u - sp.I * eps)) - lorentz) == 0
    return bool(shape and sp.integrate(lorentz, (u, -sp.oo, sp.oo)) == sp.pi)


def pole_integral_distributional(
    s: object, w: object, m: object = 1, T: object = 1
) -> tuple[sp.Expr, list[KernelStep]]:
    """Route A: Sokhotski–Plemelj plus ``w − 1`` integrations by parts; returns (value, steps).

    The δ-function is evaluated by hand (sifting at the interior point ``2mT``), never by
    integrating ``DiracDelta`` with sympy. Each step carries its own sympy check.

    >>> value, steps = pole_integral_distributional(2, 3, 1, 1)
    >>> value, all(st.passed is not False for st in steps)
    (8, True)
    """
    s_, w_, m_, T_ = validate_inputs(s, w, m, T, MAX_ROUTE_INDEX)
    x = sp.Symbol("x", positive=True)
    eps = sp.Symbol("epsilon", positive=True)
    x0 = 2 * m_ * T_
    a, b = m_ * T_, 3 * m_ * T_  # any 0 < a < x0 < b; these are the ones checked below
    k = w_ - 1
    g = x**s_
    h = 1 / (T_ - x / (2 * m_) - sp.I * eps)  # the w = 1 kernel at finite ε
    steps: list[KernelStep] = []
    lat = sp.latex
    gd, hd = [g], [h]  # successive x-derivatives of g = x^s and h = (T − x/2m − iε)^(−1)
    for _ in range(k):
        gd.append(sp.diff(gd[-1], x))
        hd.append(sp.diff(hd[-1], x))

    def step(lhs: str, rhs: str, why: str, method: str = "", ok: bool | None = None) -> None:
        steps.append(KernelStep(lhs, rhs, why, method, ok))

    kern = r"\left(T - \frac{x}{2m} - i0\right)"
    step(
        r"I(s, w)",
        rf"\frac{{1}}{{\pi}}\int_a^b \operatorname{{Im}}\left[x^{{{s_}}} {kern}^{{-{w_}}}\right]dx",
        f"definition, with m = {m_}, T = {T_}, 0 < a < 2mT < b (Eq. (19) of the paper)",
    )
    step(
        r"\frac{1}{u - i0}",
        r"\mathcal{P}\frac{1}{u} + i\pi\,\delta(u)",
        "Sokhotski–Plemelj: Im 1/(u − iε) = ε/(u² + ε²), a nascent δ of total weight π",
        "sympy: im(1/(u - iε)) == ε/(u²+ε²) and its integral over R is π",
        _plemelj_weight_ok(),
    )
    jac = sp.Abs(sp.diff(T_ - x / (2 * m_), x))
    step(
        r"\delta\left(T - \frac{x}{2m}\right)",
        rf"{lat(1 / jac)}\,\delta\left(x - {lat(x0)}\right)",
        "δ(f(x)) = δ(x − x₀)/|f'(x₀)| for the simple zero x₀ = 2mT of f(x) = T − x/(2m)",
        "sympy: 1/|d/dx (T − x/2m)| == 2m",
        bool(sp.simplify(1 / jac - 2 * m_) == 0),
    )
    chain = (2 * m_) ** k / sp.factorial(k) * hd[k]
    step(
        rf"{kern}^{{-{w_}}}",
        rf"\frac{{(2m)^{{{k}}}}}{{{k}!}}\frac{{d^{{{k}}}}}{{dx^{{{k}}}}}{kern}^{{-1}}",
        "chain rule: d/dx (T − x/2m − iε)^(−n) = (n/2m)(T − x/2m − iε)^(−n−1); holds at every "
        "ε > 0, hence for the distributional limit",
        "sympy: cancel(lhs − rhs) == 0 at finite ε",
        bool(sp.cancel(chain - h**w_) == 0),
    )
    # Integration by parts k times: boundary B(x) with B' = g h^(k) − (−1)^k g^(k) h.
    boundary = sum(((-1) ** j * gd[j] * hd[k - 1 - j] for j in range(k)), sp.S.Zero)
    ibp_ok = sp.cancel(sp.diff(boundary, x) - (g * hd[k] - (-1) ** k * gd[k] * h))
    step(
        rf"\int_a^b x^{{{s_}}}\frac{{d^{{{k}}}}}{{dx^{{{k}}}}}{kern}^{{-1}}dx",
        rf"\Big[B(x)\Big]_a^b + ({lat((-1) ** k)})"
        rf"\int_a^b {lat(gd[k])}\,{kern}^{{-1}}dx",
        f"{k} integrations by parts; B(x) = Σ_j (−1)^j (x^s)^(j) h^({k}−1−j), h = {kern}^(−1)"
        if k
        else "nothing to integrate by parts at w = 1",
        "sympy: cancel(B' − [g h^(k) − (−1)^k g^(k) h]) == 0 at finite ε",
        bool(ibp_ok == 0),
    )
    b_limit = (boundary.subs(x, b) - boundary.subs(x, a)).subs(eps, 0)
    step(
        r"\lim_{\epsilon\to 0^+}\operatorname{Im}\Big[B(x)\Big]_a^b",
        "0",
        "at x = a, b ≠ 2mT every term of B is continuous in ε and real at ε = 0",
        "sympy: B(b) − B(a) at ε = 0 is finite with zero imaginary part",
        bool(b_limit.is_finite is not False and sp.simplify(sp.im(b_limit)) == 0),
    )
    gk_at_x0 = gd[k].subs(x, x0)
    inside = bool(sp.simplify(x0 - a).is_positive and sp.simplify(b - x0).is_positive)
    step(
        rf"\frac{{1}}{{\pi}}\operatorname{{Im}}\int_a^b {lat(gd[k])}\,{kern}^{{-1}}dx",
        rf"2m\int_a^b {lat(gd[k])}\,\delta(x - 2mT)\,dx = {lat(2 * m_ * gk_at_x0)}",
        "the principal value is real; the δ term sifts at the interior point 2mT (a < 2mT < b), "
        "evaluated by hand, not by integrating DiracDelta",
        "sympy: a < 2mT < b",
        inside,
    )
    value = sp.simplify((2 * m_) ** k / sp.factorial(k) * (-1) ** k * 2 * m_ * gk_at_x0)
    step(
        rf"I({s_}, {w_})",
        lat(value),
        "collect: (1/π)·(2m)^(w−1)/(w−1)!·(−1)^(w−1)·2mπ·(d/dx)^(w−1) x^s at x = 2mT",
    )
    return value, steps


# ---------------------------------------------------------------- route B: finite ε


def partial_fractions(s: int, w: int, c: sp.Symbol) -> list[tuple[sp.Expr, str, int]]:
    """``x^s (x − c)^(−w)`` as terms ``(coef, base, power)``, base ``"x"`` or ``"x-c"``.

    s >= 0: binomial expansion of ``x^s = ((x − c) + c)^s``. s = −n < 0: the principal parts at
    ``x = 0`` and ``x = c`` (geometric/binomial series of the other factor); a proper rational
    function is the sum of its principal parts. Route B (:func:`pole_integral_finite_eps`)
    integrates the terms and checks the antiderivative by differentiation.

    >>> c = sp.Symbol("c")
    >>> partial_fractions(2, 1, c)  # x²/(x − c) = c²/(x − c) + 2c + (x − c)
    [(c**2, 'x-c', -1), (2*c, 'x-c', 0), (1, 'x-c', 1)]
    >>> partial_fractions(-1, 2, c)  # 1/(x (x − c)²)
    [(c**(-2), 'x', -1), (-1/c**2, 'x-c', -1), (1/c, 'x-c', -2)]
    """
    if s >= 0:
        return [(sp.binomial(s, j) * c ** (s - j), "x-c", j - w) for j in range(s + 1)]
    n = -s
    at_zero = [
        ((-c) ** (-w) * sp.binomial(w + n - j - 1, n - j) * c ** (j - n), "x", -j)
        for j in range(1, n + 1)
    ]
    at_c = [(c ** (-n) * sp.binomial(-n, w - j) * c ** (j - w), "x-c", -j) for j in range(1, w + 1)]
    return at_zero + at_c


def pole_integral_finite_eps(
    s: object, w: object, m: object = 1, T: object = 1, a: object = None, b: object = None
) -> sp.Expr:
    """Route B: exact antiderivative at finite ε, ``[F]_a^b``, imaginary part, then ε → 0+.

    With ``c = 2m(T − iε)`` the integrand is ``(−2m)^w x^s (x − c)^(−w)``; its partial fractions
    (binomial expansion, or principal parts for s < 0) integrate to powers and logarithms. The
    antiderivative is checked by differentiating it, symbolically in ``c`` and exactly at a
    rational point against the original integrand (ArithmeticError if either check fails).
    ``Im log(x − c) = π/2 − atan((x − 2mT)/(2mε))`` (``Im(x − c) = 2mε > 0``: no branch cut is
    crossed), whose ε → 0+ limit is taken with sympy. Defaults: ``a = mT``, ``b = 3mT``.

    >>> pole_integral_finite_eps(3, 2, 1, 1)
    -48
    >>> pole_integral_finite_eps(-1, 2, 1, 2, a=1, b=100)
    1/4
    """
    s_, w_, m_, T_ = validate_inputs(s, w, m, T, MAX_ROUTE_INDEX)
    x0 = 2 * m_ * T_
    a_ = m_ * T_ if a is None else validate_positive(a, "a")
    b_ = 3 * m_ * T_ if b is None else validate_positive(b, "b")
    if sp.simplify(x0 - a_).is_positive is not True:
        raise ValueError(f"a must satisfy 0 < a < 2mT, got {a!r}")
    if sp.simplify(b_ - x0).is_positive is not True:
        raise ValueError(f"b must satisfy b > 2mT, got {b!r}")
    x = sp.Symbol("x", positive=True)
    c = sp.Symbol("c")
    eps = sp.Symbol("epsilon", positive=True)
    pref = (-2 * m_) ** w_  # (T − x/2m − iε)^(−w) = (−2m)^w (x − c)^(−w)

    # antiderivative terms: (coef, base, q) meaning coef·base^q/q, or coef·log(base) when q == 0
    anti = [(coef, base, p + 1) for coef, base, p in partial_fractions(s_, w_, c)]

    def base_expr(base: str) -> sp.Expr:
        return x if base == "x" else x - c

    F = sum(
        (co * (sp.log(base_expr(bs)) if q == 0 else base_expr(bs) ** q / q) for co, bs, q in anti),
        sp.S.Zero,
    )
    # F' == x^s (x − c)^(−w) as an identity in x and c: numerator over a common denominator
    if sp.expand(sp.numer(sp.together(sp.diff(F, x) - x**s_ * (x - c) ** (-w_)))) != 0:
        raise ArithmeticError("antiderivative check failed (symbolic in c)")
    full = pref * F.subs(c, 2 * m_ * (T_ - sp.I * eps))
    integrand = x**s_ * (T_ - x / (2 * m_) - sp.I * eps) ** (-w_)
    spot = {x: sp.Rational(7, 5), eps: sp.Rational(1, 3)}
    spot.update(
        {
            sym: sp.Rational(3 + j, 4 + 2 * j)
            for j, sym in enumerate(sorted(x0.free_symbols, key=str))
        }
    )
    residual = sp.expand_complex((sp.diff(full, x) - integrand).subs(spot))
    if residual != 0 and sp.simplify(residual) != 0:  # simplify only for algebraic m, T
        raise ArithmeticError("antiderivative check failed (exact rational spot check)")

    # At ε → 0+ only the logarithms log(x − c) keep an imaginary part: the powers (end − c)^q and
    # the terms in x are real there (a, b ≠ 2mT), and the coefficients are real at c = 2mT. With
    # Im(x − c) = 2mε > 0, Im[log(b − c) − log(a − c)] = atan((a − 2mT)/2mε) − atan((b − 2mT)/2mε).
    jump = sp.limit(
        sp.atan((a_ - x0) / (2 * m_ * eps)) - sp.atan((b_ - x0) / (2 * m_ * eps)), eps, 0, "+"
    )
    log_coef = sum(
        (pref * co.subs(c, x0) for co, bs, q in anti if bs == "x-c" and q == 0), sp.S.Zero
    )
    return sp.simplify(log_coef * jump / sp.pi)


# ---------------------------------------------------------------- route C: numeric contour


def _to_mpf(value: sp.Expr, name: str, dps: int) -> mpmath.mpf:
    if value.free_symbols:
        raise ValueError(f"{name} must be a number for the numeric route, got {value!r}")
    return mpmath.mpf(sp.N(value, dps + 15))


def pole_integral_numeric(
    s: object, w: object, m: object = 1, T: object = 1, dps: int = 30
) -> mpmath.mpf:
    """Route C: ``(1/π) Im ∫ x^s (T − x/2m)^(−w) dx`` on the upper half-circle ``|x − 2mT| = mT``.

    With ``−iε`` the pole sits at ``2mT − 2imε``, below the real axis, and the integrand is
    analytic in ``Re x > 0`` elsewhere, so the real segment from ``a = mT`` to ``b = 3mT`` can be
    deformed onto the half-circle above the pole, at distance ``mT`` from it; there ε → 0+ is
    uniform. Quadrature at ``dps + 10 + ⌈(|s| + w) log10 2⌉`` digits (the integrand exceeds the
    result by up to ``2^(|s| + w)``); the result is rounded to ``dps``.

    >>> from sumrules.core.numeric import agreement_digits
    >>> agreement_digits(pole_integral_numeric(2, 3, 1, 1), 8) > 28
    True
    """
    s_, w_, m_, T_ = validate_inputs(s, w, m, T, MAX_ROUTE_INDEX)
    dps = validate_dps(dps)
    # On the circle |x| ≤ (3/2)·2mT and |T − x/2m| = T/2: the integrand exceeds the result by up
    # to ~2^(|s| + w), digits that cancel in the quadrature; carry them as guard digits.
    guard = 10 + math.ceil((abs(s_) + w_) * math.log10(2))
    with precision(dps + guard):
        mm, tt = _to_mpf(m_, "m", dps), _to_mpf(T_, "T", dps)
        x0, r = 2 * mm * tt, mm * tt
        # mpmath's stopping rule is absolute: integrate (integrand / its size on the circle),
        # of order 1, else m, T far from 1 stop the quadrature digits short
        scale = x0**s_ * (tt / 2) ** (-w_) * r

        def f(theta: mpmath.mpf) -> mpmath.mpc:
            e = mpmath.expj(theta)
            z = x0 + r * e
            return (z / x0) ** s_ * ((tt - z / (2 * mm)) / (tt / 2)) ** (-w_) * 1j * e

        pi = mpmath.pi
        nodes = [pi, pi / 2, 0]  # θ from π (x = a) down to 0 (x = b)
        integral = mpmath.quad(f, nodes)
        value = mpmath.im(integral) * scale / pi
    with precision(dps):
        return +value
