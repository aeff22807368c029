"""The inner Q-integral of the 3D Coulomb-wave route in python-flint arb arithmetic.

:func:`.coulomb_waves.ratio_quadrature` spends nearly all its time summing the amplitude
polynomial W(Q, q) (:class:`.coulomb_waves.ContinuumAtEnergy`) at the nodes of a
Gauss–Legendre rule in s = log(Q² + β²). This module does that same sum, term by term and node
by node, in arb balls at the working precision of mpmath (``mpmath.mp.prec`` bits), which is
about 20 times faster than mpmath's pure-Python floats. Nothing is approximated further: the
nodes, the weights, the monomials and the precision are those of the mpmath sum, so the two
agree to the working precision (tests/models/hydrogenic/test_arb_weight.py). The ball radius
is a rigorous bound on the rounding of this sum (not of the quadrature): when it exceeds
10^{−dps} of the value, :class:`PrecisionLost` is raised instead of returning a number.

python-flint is the optional ``flint`` extra; without it the mpmath sum is used.

>>> import mpmath
>>> from sumrules.models.hydrogenic.coulomb_waves import ContinuumAtEnergy
>>> with mpmath.workdps(30):
...     c = ContinuumAtEnergy(1, 0, mpmath.mpf(1))
...     fast = c.density_by_rule(mpmath.mpf("0.7"), 24)
...     c.backend = "mpmath"
...     slow = c.density_by_rule(mpmath.mpf("0.7"), 24)
...     abs(fast / slow - 1) < 1e-28
True
"""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Sequence
from fractions import Fraction
from typing import Any, Protocol

import mpmath

from sumrules.core.certified import workprec

__all__ = ["PrecisionLost", "WeightSource", "log_panel_integral"]


class PrecisionLost(ArithmeticError):
    """The arb ball of the sum is wider than the digits asked (cancellation)."""


class WeightSource(Protocol):
    """What the sum needs of :class:`.coulomb_waves.ContinuumAtEnergy`: the state, the
    ejected momentum k (taken as exact) and the exact amplitude table (an
    :class:`.coulomb_waves.AmplitudeTable`)."""

    n: int
    l: int
    k: Any
    table: Any
    top: list[int]


#: the coefficients of a source as arb balls, per precision (built once per source)
_PREPARED: weakref.WeakKeyDictionary[Any, dict[int, Any]] = weakref.WeakKeyDictionary()


def _flint() -> Any:
    import flint

    return flint


def _arb_fraction(flint: Any, x: Fraction) -> Any:
    return flint.arb(flint.fmpq(x.numerator, x.denominator))


def _prepared(c: WeightSource, prec: int) -> tuple[Any, list[Any], list[Any]]:
    """(prefactor, weights, rows) at ``prec`` bits from the exact table (no mpmath rounding)."""
    flint = _flint()
    per_prec = _PREPARED.setdefault(c, {})
    if prec not in per_prec:
        k = flint.arb(c.k)
        kp = {e: k**e for row in c.table.monomials for _, cs in row for e in _k_powers(cs)}
        rows = []
        for row in c.table.monomials:
            out = []
            for key, coefs in row:
                re, im = flint.arb(0), flint.arb(0)
                for a, b, pk, pnu in coefs:
                    re += _arb_fraction(flint, a) * kp[pk - pnu]
                    im += _arb_fraction(flint, b) * kp[pk - pnu]
                out.append((key, flint.acb(re, im)))
            rows.append(out)
        two_pi_nu = 2 * flint.arb.pi() / k
        sommerfeld = two_pi_nu / -(-two_pi_nu).expm1()
        pref = 2 * sommerfeld / (flint.arb.pi() ** 2 * (2 * c.l + 1)) / 4
        weights = [_arb_fraction(flint, w) for w in c.table.weights]
        per_prec[prec] = (pref, weights, rows)
    return per_prec[prec]


def _k_powers(coefs: Sequence[tuple[Fraction, Fraction, int, int]]) -> list[int]:
    return [pk - pnu for _, _, pk, pnu in coefs]


def _powers(x: Any, top: int, one: Any) -> list[Any]:
    out = [one]
    for _ in range(top):
        out.append(out[-1] * x)
    return out


def _collapsed(c: WeightSource, q: Any, prec: int) -> tuple[Any, tuple[list[Any], list[Any]]]:
    """(factor, (monomials, rows)): the powers of 1/D summed into each (Q_x, Q_z, 1/A)
    monomial at this q; the rows refer to the monomials, shared by all m, by index.

    D = q² − (k + iβ)², and |D^{−iν}|² = e^{2ν arg D} goes into the factor.
    """
    flint = _flint()
    pref, weights, rows = _prepared(c, prec)
    k = flint.arb(c.k)
    kb = flint.acb(k, flint.arb(1) / c.n)
    dd = (q - kb) * (q + kb)
    factor = pref * (2 * dd.arg() / k).exp()
    inv_d = _powers(1 / dd, c.top[3], flint.acb(1))
    out: list[Any] = []
    keys: dict[tuple[int, int, int], int] = {}
    for w, row in zip(weights, rows, strict=True):
        collapsed: dict[tuple[int, int, int], Any] = {}
        for (ex, ez, ea, ed), coef in row:
            key = (ex, ez, ea)
            collapsed[key] = collapsed.get(key, 0) + coef * inv_d[ed]
        terms = [(keys.setdefault(key, len(keys)), v.real, v.imag) for key, v in collapsed.items()]
        out.append((w, terms))
    return factor, (list(keys), out)


def _sum_at(
    c: WeightSource, table: tuple[list[Any], list[Any]], shift: Any, y: Any, consts: tuple[Any, ...]
) -> Any:
    """Σ_m w_m |M_m|² at one node (y = Q² + β²), without the prefactor and A^{−2}."""
    b2, two_k, zero, one = consts
    x = y - b2
    qz = (shift - x) / two_k
    qx2 = x - qz * qz
    qx = qx2.sqrt() if qx2 > 0 else zero
    top = c.top
    px, pz, pa = _powers(qx, top[0], one), _powers(qz, top[1], one), _powers(1 / y, top[2], one)
    keys, rows = table
    mono = [px[ex] * pz[ez] * pa[ea] for ex, ez, ea in keys]
    total = zero
    for w, row in rows:
        sr, si = zero, zero
        for i, cr, ci in row:
            sr += cr * mono[i]
            si += ci * mono[i]
        total += w * (sr * sr + si * si)
    return total


def _integral_at(
    c: WeightSource,
    q: mpmath.mpf,
    panels: Sequence[mpmath.mpf],
    rule: Sequence[tuple[mpmath.mpf, mpmath.mpf]],
    prec: int,
) -> Any:
    """The arb ball of the sum at ``prec`` bits (flint's precision set by the caller)."""
    flint = _flint()
    qa = flint.arb(q)
    factor, rows = _collapsed(c, qa, prec)
    k = flint.arb(c.k)
    b2 = (flint.arb(1) / c.n) ** 2
    shift = (qa - k) * (qa + k)
    consts = (b2, 2 * k, flint.arb(0), flint.arb(1))
    nodes = [(flint.arb(x), flint.arb(w)) for x, w in rule]
    total = flint.arb(0)
    for a, b in itertools.pairwise(panels):
        half, mid = (flint.arb(b) - flint.arb(a)) / 2, (flint.arb(a) + flint.arb(b)) / 2
        part = flint.arb(0)
        for xn, wn in nodes:
            y = (mid + half * xn).exp()
            part += wn * _sum_at(c, rows, shift, y, consts) / y
        total += half * part
    return total * factor


#: bits of the working precision the ball may lose before the sum is redone with more
SLACK_BITS = 20
#: the sum is redone at most up to this multiple of the working precision
MAX_PRECISION_FACTOR = 4


def log_panel_integral(
    c: WeightSource,
    q: mpmath.mpf,
    panels: Sequence[mpmath.mpf],
    rule: Sequence[tuple[mpmath.mpf, mpmath.mpf]],
) -> mpmath.mpf:
    """∫ W(Q, q) dx (x = Q²) as Σ_panels Σ_nodes of ``rule`` in s = log(x + β²), in arb.

    ``panels``: the ends in s; ``rule``: nodes and weights on [−1, 1]. The sum is done at the
    working precision p = ``mpmath.mp.prec``; if its ball has lost more than
    :data:`SLACK_BITS` of the p bits (cancellation: small q, where S ∝ q², or a large 1/k
    near threshold), it is redone with the lost bits added, until the ball keeps p − 20 bits;
    past :data:`MAX_PRECISION_FACTOR` · p, :class:`PrecisionLost` is raised.
    """
    target = mpmath.mp.prec
    prec = target
    while True:
        with workprec(prec):
            total = _integral_at(c, q, panels, rule, prec)
        kept = total.rel_accuracy_bits()
        if kept >= target - SLACK_BITS:
            return mpmath.mpf(total.mid())
        if prec >= MAX_PRECISION_FACTOR * target:
            raise PrecisionLost(
                f"the arb sum kept {kept} of {target} bits at q = {mpmath.nstr(q, 8)}"
            )
        prec = min(MAX_PRECISION_FACTOR * target, prec + target - kept + SLACK_BITS)
