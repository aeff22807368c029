"""Certified enclosure of the pole integral of Eq. (19) by a contour integral (python-flint).

I(s, w) = lim_{ε→0+} (1/π) ∫_a^b Im[x^s (T − x/(2m) − iε)^(−w)] dx,  0 < a < x₀ = 2mT < b.

*Contour.* For ε > 0 the integrand f_ε(z) = z^s (T − z/(2m) − iε)^(−w) is a rational
function of z (integer s, w) whose only poles are z = 0 (if s < 0) and
z = 2m(T − iε), below the real axis. It is therefore analytic on the closed rectangle
between [a, b] and the path a → a + ih → b + ih → b (h > 0, Re z ≥ a > 0), so by Cauchy
∫_[a,b] f_ε = ∫_path f_ε. On the path, at distance ≥ min(h, x₀ − a, b − x₀) from x₀,
f_ε → f_0 uniformly, hence lim ∫_[a,b] f_ε dx = ∫_path f_0 dz, and since x, dx are real
on [a, b], I(s, w) = Im(∫_path f_0 dz)/π. We take a = x₀/2, b = 2x₀, h = x₀/2.

f_0 is meromorphic, so ``acb.integral`` needs no analyticity check: evaluating it on a ball
containing a pole gives a non-finite value. The exact value (:func:`sumrules.kernel.pole_integral`)
is an independent route: (−1)^(w−1) (2m)^w/(w−1)! ff(s, w−1) (2mT)^(s−w+1).

>>> c = certified_pole_integral(1, 2)
>>> c.contains(-4), c.contains(4), c.digits >= 30
(True, False, True)
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy as sp

from sumrules.core.certified import (
    Certified,
    CertifiedControl,
    bits_for_digits,
    certify_contains,
    exact_rational,
    fmpq_of,
    validate_digits,
    workprec,
)
from sumrules.theory.pole_integral.closed_form import pole_integral, pole_integral_printed

__all__ = [
    "CertifiedPoleRow",
    "certified_pole_integral",
    "certified_pole_integral_grid",
    "pole_integral_negative_controls",
]

_GUARD_BITS = 32
_TARGET_EXTRA = 12


def _integer(x: object, name: str, minimum: int | None = None) -> int:
    if isinstance(x, bool) or not isinstance(x, int | sp.Integer):
        raise ValueError(f"{name} must be an integer, got {x!r}")
    v = int(x)
    if minimum is not None and v < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {x!r}")
    return v


def _positive(x: object, name: str) -> Fraction:
    v = exact_rational(x, name)
    if v <= 0:
        raise ValueError(f"{name} must be positive, got {x!r}")
    return v


def _contour(s: int, w: int, m: Fraction, T: Fraction, digits: int, *, above: bool) -> Certified:
    bits = bits_for_digits(digits) + _TARGET_EXTRA
    with workprec(bits + _GUARD_BITS) as flint:
        arb, acb = flint.arb, flint.acb
        m_, T_ = arb(fmpq_of(flint, m)), arb(fmpq_of(flint, T))
        x0 = 2 * m_ * T_
        a, b = (x0 / 2).mid(), (2 * x0).mid()  # exact path corners; x0 itself may be a ball
        h = a if above else -a

        def f(z: Any, analytic: bool) -> Any:  # meromorphic: the flag needs no check
            return z**s * (T_ - z / (2 * m_)) ** (-w)

        path = [acb(a), acb(a, h), acb(b, h), acb(b)]
        tol = arb(2) ** -bits
        total = acb(0)
        for p, q in itertools.pairwise(path):
            total += acb.integral(f, p, q, rel_tol=tol, abs_tol=tol)
        return Certified(total.imag / arb.pi())


def certified_pole_integral(
    s: object, w: object, *, m: object = 1, T: object = 1, digits: int = 30
) -> Certified:
    """Certified ball for the pole integral (1/π)∫ Im[x^s (T − x/2m − i0)^(−w)] dx.

    ``s`` integer, ``w`` integer ≥ 1, ``m``, ``T`` exact positive numbers. The ball
    comes from ``acb.integral`` along a path above the pole (module docstring).

    >>> ball = certified_pole_integral(3, 2, m="1/3", T="7/2")
    >>> exact = pole_integral(3, 2, m=sp.Rational(1, 3), T=sp.Rational(7, 2))
    >>> exact, ball.certifies(exact, min_digits=30), ball.certifies(-exact)
    (-196/27, True, False)
    >>> certified_pole_integral(1, 0)
    Traceback (most recent call last):
    ...
    ValueError: w must be an integer >= 1, got 0
    """
    s_, w_ = _integer(s, "s"), _integer(w, "w", 1)
    m_, T_ = _positive(m, "m"), _positive(T, "T")
    return _contour(s_, w_, m_, T_, validate_digits(digits), above=True)


@dataclass(frozen=True)
class CertifiedPoleRow:
    """One (s, w): the exact value, the certified ball, and the certificate check."""

    s: int
    w: int
    exact: sp.Expr
    ball: Certified
    certified: bool


def certified_pole_integral_grid(
    s_values: Iterable[int] = range(-3, 9),
    w_values: Iterable[int] = range(1, 10),
    *,
    m: object = 1,
    T: object = 1,
    digits: int = 30,
) -> list[CertifiedPoleRow]:
    """:func:`certified_pole_integral` against the exact closed form over a grid of (s, w).

    ``certified`` is :func:`sumrules.certified.certify_contains` with ``min_digits =
    digits`` (for an exact zero: radius ≤ 10^−digits).

    >>> rows = certified_pole_integral_grid(range(-1, 2), range(1, 4), digits=20)
    >>> len(rows), all(r.certified for r in rows)
    (9, True)
    """
    digits = validate_digits(digits)
    m_, T_ = _positive(m, "m"), _positive(T, "T")
    m_sp, T_sp = (
        sp.Rational(m_.numerator, m_.denominator),
        sp.Rational(T_.numerator, T_.denominator),
    )
    ws = [_integer(w, "w", 1) for w in w_values]
    rows = []
    for s in s_values:
        s_ = _integer(s, "s")
        for w_ in ws:
            exact = pole_integral(s_, w_, m=m_sp, T=T_sp)
            ball = _contour(s_, w_, m_, T_, digits, above=True)
            rows.append(
                CertifiedPoleRow(
                    s_, w_, exact, ball, certify_contains(ball.ball, exact, min_digits=digits)
                )
            )
    return rows


def pole_integral_negative_controls(
    s: int = 3, w: int = 2, *, m: object = 1, T: object = 1, digits: int = 30
) -> list[CertifiedControl]:
    """Wrong variants judged by the same certificate check as the grid.

    1. the path detours *below* the pole (the −i0 prescription flipped): the ball holds
       −I(s, w), which must not certify I(s, w) (needs I ≠ 0);
    2. the paper's printed right-hand side (sign error for even w) must not be certified
       by the correct ball (needs w even and I ≠ 0).

    >>> [c.caught for c in pole_integral_negative_controls(digits=15)]
    [True, True]
    """
    s_, w_ = _integer(s, "s"), _integer(w, "w", 1)
    m_, T_ = _positive(m, "m"), _positive(T, "T")
    digits = validate_digits(digits)
    m_sp, T_sp = (
        sp.Rational(m_.numerator, m_.denominator),
        sp.Rational(T_.numerator, T_.denominator),
    )
    exact = pole_integral(s_, w_, m=m_sp, T=T_sp)
    if exact == 0 or w_ % 2:
        raise ValueError(f"the controls need w even and a non-zero value, got s={s!r}, w={w!r}")
    below = _contour(s_, w_, m_, T_, digits, above=False)
    caught1 = not certify_contains(below.ball, exact, min_digits=digits)
    right = _contour(s_, w_, m_, T_, digits, above=True)
    printed = pole_integral_printed(s_, w_, m_sp, T_sp)
    caught2 = not certify_contains(right.ball, printed, min_digits=digits)
    return [
        CertifiedControl(
            f"pole integral ({s_}, {w_}): path below the pole (wrong i0 sign)",
            caught1,
            f"ball {below} vs exact {exact}",
        ),
        CertifiedControl(
            f"pole integral ({s_}, {w_}): the printed (2m d/dQ²)^(w−1) sign",
            caught2,
            f"ball {right} vs printed {printed}",
        ),
    ]
