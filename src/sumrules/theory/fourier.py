"""Three-dimensional Fourier transforms of spherically symmetric functions.

For f(r) depending on r = |r| only, ∫ d³r e^{iq·r} f(r) = 4π ∫_0^∞ r² f(r) sin(qr)/(qr) dr: the
angular integral ∫_{-1}^{1} e^{iqrc} dc = 2 sin(qr)/(qr) is done once. Two routes that share no
code: sympy (exact; with a Yukawa regulator e^{−λr}, λ → 0+, the Coulomb potential 1/r has its
transform 4π/q²) and mpmath quadrature (numeric, for functions that decay).

>>> r, q = sp.symbols("r q", positive=True)
>>> radial_fourier(1 / (4 * sp.pi * r), r, q, regulated=True)
q**(-2)
>>> radial_fourier(sp.exp(-2 * r) / sp.pi, r, q)
16/(q**2 + 4)**2
>>> radial_fourier_numeric(lambda x: mpmath.exp(-2 * x) / mpmath.pi, 2, dps=20)
mpf('0.25')
"""

from __future__ import annotations

from collections.abc import Callable

import mpmath
import sympy as sp

from sumrules.core.numeric import precision

__all__ = ["angular_average", "exponential_integral", "radial_fourier", "radial_fourier_numeric"]

_LAMBDA = sp.Symbol("lambda", positive=True)


def angular_average(summand: sp.Expr, cos_theta: sp.Symbol) -> sp.Expr:
    """(1/2) ∫_{-1}^{1} summand dc over the cosine of the angle between q and r (sympy).

    >>> c, x = sp.symbols("c x", positive=True)
    >>> sp.simplify(angular_average(sp.exp(sp.I * x * c), c).rewrite(sp.sin))
    sin(x)/x
    """
    return sp.integrate(summand, (cos_theta, -1, 1), conds="none") / 2


def exponential_integral(expr: sp.Expr, r: sp.Symbol) -> sp.Expr:
    """∫_0^∞ expr dr, term by term, for a sum of c r^n e^{−s r} with n ≥ 0 and Re s > 0
    (trigonometric factors are rewritten as exponentials): each term gives c n!/s^{n+1}.

    >>> r, q = sp.symbols("r q", positive=True)
    >>> exponential_integral(r * sp.exp(-2 * r) * sp.sin(q * r), r)
    4*q/(q**2 + 4)**2
    """
    total = sp.Integer(0)
    for term in sp.Add.make_args(sp.expand(sp.sympify(expr).rewrite(sp.exp))):
        coeff, rest = term.as_independent(r, as_Add=False)
        power, rate = sp.Integer(0), sp.Integer(0)
        for factor in sp.Mul.make_args(rest):
            base, exponent = factor.as_base_exp()
            if base == r:
                power += exponent
            elif isinstance(factor, sp.exp) or base is sp.E:
                rate -= sp.expand(factor.args[0] if isinstance(factor, sp.exp) else exponent) / r
            else:
                raise ValueError(f"term {term} is not c r^n exp(-s r)")
        rate = sp.cancel(rate)
        if rate.has(r) or not (power.is_integer and power >= 0):
            raise ValueError(f"term {term} is not c r^n exp(-s r) with n >= 0")
        if sp.re(rate).is_positive is not True:
            raise ValueError(f"term {term} does not decay (Re s = {sp.re(rate)})")
        total += coeff * sp.factorial(power) / rate ** (power + 1)
    return sp.factor(sp.cancel(total))


def radial_fourier(f: sp.Expr, r: sp.Symbol, q: sp.Symbol, *, regulated: bool = False) -> sp.Expr:
    """∫ d³r e^{iq·r} f(r) for a spherically symmetric ``f`` (sympy, exact).

    ``regulated``: the integrand carries e^{−λr} and the limit λ → 0+ is taken at the end, which
    gives the transform of functions that decay like 1/r (the Coulomb potential) as a
    distribution; functions that decay exponentially need no regulator.
    """
    integrand = 4 * sp.pi * r**2 * f * sp.sin(q * r) / (q * r)
    if not regulated:
        value = sp.integrate(sp.expand(integrand), (r, 0, sp.oo), conds="none")
        return sp.factor(sp.simplify(value))
    value = sp.integrate(sp.expand(integrand * sp.exp(-_LAMBDA * r)), (r, 0, sp.oo), conds="none")
    return sp.factor(sp.simplify(sp.limit(value, _LAMBDA, 0, "+")))


def radial_fourier_numeric(
    f: Callable[[mpmath.mpf], mpmath.mpf], q: object, *, dps: int = 30
) -> mpmath.mpf:
    """The same transform by tanh-sinh quadrature (mpmath), for ``f`` decaying faster than 1/r³.

    At q = 0 the kernel sin(qr)/(qr) is 1.
    """
    with precision(dps + 10):
        q_ = mpmath.mpf(q)
        if q_ < 0:
            raise ValueError(f"q must be non-negative, got {q!r}")

        def kernel(r: mpmath.mpf) -> mpmath.mpf:
            return mpmath.mpf(1) if q_ == 0 or r == 0 else mpmath.sin(q_ * r) / (q_ * r)

        def integrand(r: mpmath.mpf) -> mpmath.mpf:
            return 4 * mpmath.pi * r**2 * f(r) * kernel(r)

        value = mpmath.quad(integrand, [0, 1, 4, 16, mpmath.inf])
    with precision(dps):
        return +value
