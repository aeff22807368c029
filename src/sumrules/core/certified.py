"""Certified interval enclosures (python-flint arb balls) for the numerical cross-checks.

A *certificate* here is an arb ball ``[m ± r]`` that provably contains the exact value
(ball arithmetic with rigorous error bounds, ``acb.integral`` for integrals, explicit
analytic bounds for the truncated tails). This module holds the core helpers; the
certified integrals live in :mod:`sumrules.certified_hydrogen` (the hydrogen sum-rule
ratios) and :mod:`sumrules.certified_kernel` (the pole integral of Eq. (19)), and are
re-exported here.

python-flint is an optional extra: the module imports without it, and every function
that needs it raises :class:`MissingExtra` (an ImportError) with the install hint.

>>> ball = enclose("1/3")
>>> contains(ball, "1/3"), contains(ball, "0.3333")
(True, False)
>>> certified_digits(enclose(1)) == math.inf
True
>>> third = Certified(enclose("1/3", digits=20))
>>> third.certifies("1/3", min_digits=15), third.certifies("0.33333333333333333", min_digits=15)
(True, False)
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from fractions import Fraction
from types import ModuleType
from typing import TYPE_CHECKING, Any

import mpmath
from mpmath import libmp

from sumrules.core.numeric import validate_dps

if TYPE_CHECKING:  # pragma: no cover
    from flint import arb

#: Re-exported from the two submodules on first access (module ``__getattr__``).
_LAZY = {
    "CertifiedRatios": "sumrules.models.hydrogenic.certified",
    "ReferenceCheck": "sumrules.models.hydrogenic.certified",
    "certified_ratio_table": "sumrules.models.hydrogenic.certified",
    "certified_sum_rule_ratios": "sumrules.models.hydrogenic.certified",
    "compare_with_references": "sumrules.models.hydrogenic.certified",
    "hydrogen_negative_controls": "sumrules.models.hydrogenic.certified",
    "hydrogen_tail_bounds": "sumrules.models.hydrogenic.certified",
    "CertifiedPoleRow": "sumrules.theory.pole_integral.certified",
    "certified_pole_integral": "sumrules.theory.pole_integral.certified",
    "certified_pole_integral_grid": "sumrules.theory.pole_integral.certified",
    "pole_integral_negative_controls": "sumrules.theory.pole_integral.certified",
}

__all__ = [
    "FLINT_HINT",
    "bits_for_digits",
    "CertificationError",
    "Certified",
    "certified_agreement_digits",
    "certified_digits",
    "CertifiedControl",
    "certify_contains",
    "contains",
    "enclose",
    "exact_rational",
    "flint_available",
    "fmpq_of",
    "MissingExtra",
    "require_flint",
    "validate_digits",
    "workprec",
    *_LAZY,
]

#: The message of :class:`MissingExtra`.
FLINT_HINT = "certified bounds need the flint extra: pip install 'sumrules[flint]'"

_LOG2_10 = math.log2(10)


class MissingExtra(ImportError):
    """python-flint is not installed: certified bounds are unavailable."""

    def __init__(self, msg: str = FLINT_HINT) -> None:
        super().__init__(msg)


class CertificationError(RuntimeError):
    """The integrator refused: it could not produce a finite enclosure."""


def _flint() -> ModuleType:
    """The flint module, imported lazily; MissingExtra when it is not installed."""
    try:
        import flint
    except ImportError as exc:
        raise MissingExtra() from exc
    return flint


def require_flint() -> None:
    """Raise :class:`MissingExtra` (naming the extra) unless python-flint is installed."""
    _flint()


def flint_available() -> bool:
    """True when python-flint can be imported (certified bounds are available).

    >>> isinstance(flint_available(), bool)
    True
    """
    try:
        _flint()
    except MissingExtra:
        return False
    return True


def validate_digits(digits: object) -> int:
    return validate_dps(digits, "digits")


def bits_for_digits(digits: int) -> int:
    """Binary precision that resolves ``digits`` significant decimal digits."""
    return math.ceil(digits * _LOG2_10)


@contextmanager
def workprec(bits: int) -> Iterator[ModuleType]:
    """flint with ``ctx.prec = bits`` inside the block only (restored on exit)."""
    flint = _flint()
    with flint.ctx.workprec(bits):
        yield flint


# --------------------------------------------------------------------------------------------
# exact inputs and enclosures of reference values


def exact_rational(x: object, name: str) -> Fraction:
    """``x`` as an exact Fraction (int, Fraction, decimal/rational string, float, mpf, sympy).

    Floats and mpf are binary fractions and convert exactly; ValueError naming ``name``
    for anything else (irrational sympy numbers, nan, inf).

    >>> exact_rational("1.001", "T"), exact_rational(0.5, "T")
    (Fraction(1001, 1000), Fraction(1, 2))
    >>> exact_rational("x", "T")
    Traceback (most recent call last):
    ...
    ValueError: T must be an exact real number (int, rational, decimal string, float), got 'x'
    """
    err = ValueError(
        f"{name} must be an exact real number (int, rational, decimal string, float), got {x!r}"
    )
    if isinstance(x, bool):
        raise err
    if isinstance(x, int):
        return Fraction(x)
    if isinstance(x, numbers.Rational):  # Fraction, sympy Rational/Integer
        return Fraction(int(x.numerator), int(x.denominator))
    if isinstance(x, float):
        if not math.isfinite(x):
            raise err
        return Fraction(x)
    if isinstance(x, str):
        try:
            return Fraction(x.strip())
        except (ValueError, ZeroDivisionError):
            raise err from None
    if isinstance(x, mpmath.mpf):
        if not mpmath.isfinite(x):
            raise err
        sign, man, exp, _ = x._mpf_
        v = Fraction(int(man)) * Fraction(2) ** int(exp)
        return -v if sign else v
    mpf_ = getattr(x, "_mpf_", None)  # sympy Float
    if isinstance(mpf_, tuple) and getattr(x, "is_Float", False):
        return exact_rational(mpmath.mp.make_mpf(mpf_), name)
    raise err


def fmpq_of(flint: ModuleType, v: Fraction) -> Any:
    return flint.fmpq(v.numerator, v.denominator)


def _mpf_ball(flint: ModuleType, raw: tuple[int, int, int, int]) -> arb:
    sign, man, exp, _ = raw
    if man == 0:
        if exp != 0:
            raise ValueError("value must be finite")
        return flint.arb(0)
    return flint.arb(((-1) ** sign * int(man), int(exp)))


def _sympy_ball(flint: ModuleType, expr: Any) -> arb:
    """Rigorous arb enclosure of a real sympy expression built from common functions."""
    import sympy

    arb = flint.arb
    if expr.is_Rational:
        return arb(flint.fmpq(int(expr.p), int(expr.q)))
    if expr.is_Float:
        return _mpf_ball(flint, expr._mpf_)
    if expr is sympy.pi:
        return arb.pi()
    if expr is sympy.E:
        return arb(1).exp()
    if expr.is_Add or expr.is_Mul:
        parts = [_sympy_ball(flint, a) for a in expr.args]
        out = parts[0]
        for p in parts[1:]:
            out = out + p if expr.is_Add else out * p
        return out
    if expr.is_Pow:
        base, ex = expr.args
        b = _sympy_ball(flint, base)
        if ex.is_Integer:
            return b ** int(ex)
        return b ** _sympy_ball(flint, ex)
    unary = {
        sympy.exp: "exp",
        sympy.log: "log",
        sympy.sin: "sin",
        sympy.cos: "cos",
        sympy.tan: "tan",
        sympy.atan: "atan",
        sympy.Abs: "__abs__",
    }
    method = unary.get(expr.func)
    if method is not None and len(expr.args) == 1:
        return getattr(_sympy_ball(flint, expr.args[0]), method)()
    raise ValueError(f"value {expr!r} cannot be enclosed rigorously (unsupported sympy expression)")


def _needed_bits(value: object) -> int:
    if isinstance(value, mpmath.mpf):
        return int(value._mpf_[3]) + 8
    if isinstance(value, float):
        return 64
    return 0


def enclose(value: object, *, digits: int | None = None) -> arb:
    """A rigorous arb ball containing ``value`` (exact rationals and binary floats exactly).

    ``value``: an arb, int, Fraction, decimal or rational string, float or mpf (taken as
    the exact binary number it is), or a real sympy expression (rationals, pi, E, +, *, **,
    exp, log, sin, cos, tan, atan, Abs). Non-dyadic rationals and irrational numbers are
    enclosed at ``digits`` (default: 40) significant digits.

    >>> print(enclose("0.5"))
    0.500000000000000
    >>> import sympy
    >>> enclose(sympy.pi / 4, digits=20).contains(enclose(1).atan())
    False
    >>> enclose(sympy.pi / 4, digits=20).overlaps(enclose(1).atan())
    True
    """
    flint = _flint()
    bits = max(bits_for_digits(digits if digits is not None else 40) + 16, _needed_bits(value))
    with workprec(max(bits, flint.ctx.prec)):
        if isinstance(value, flint.arb):
            return value
        if isinstance(value, mpmath.mpf):
            if not mpmath.isfinite(value):
                raise ValueError(f"value must be finite, got {value!r}")
            return _mpf_ball(flint, value._mpf_)
        if isinstance(value, mpmath.mpc):
            raise ValueError(f"value must be real, got {value!r}")
        if isinstance(value, int | float | str | numbers.Rational):
            return flint.arb(fmpq_of(flint, exact_rational(value, "value")))
        try:
            import sympy

            expr = sympy.sympify(value)
        except (sympy.SympifyError, TypeError):
            raise ValueError(f"value must be a real number, got {value!r}") from None
        if expr.is_real is False or expr.has(sympy.I):
            raise ValueError(f"value must be real, got {value!r}")
        return _sympy_ball(flint, expr)


# --------------------------------------------------------------------------------------------
# the agreement helpers


def _prec_for(ball: arb) -> int:
    if not ball.is_finite():
        return 128
    mid_bits = int(ball.mid().bits()) + 64
    if ball.rad().is_zero():
        return max(128, mid_bits)
    return max(128, min(int(ball.rel_accuracy_bits()), 1 << 20) + 96, mid_bits)


def contains(ball: arb, value: object, *, rel_tol: object = 0) -> bool:
    """True iff ``value`` certainly lies in ``ball`` (widened by ``rel_tol``·|value|).

    With ``rel_tol = 0`` the value is taken exactly (see :func:`enclose`): an exact
    rational or binary float must lie inside the ball, an irrational value's enclosure
    must lie inside entirely. ``rel_tol > 0`` accepts a value known only to that
    relative accuracy (e.g. ``10**(1 - dps)`` for an mpmath result at ``dps`` digits):
    then the interval ``value ± rel_tol·|value|`` must meet the ball. A non-finite ball
    (a refusal) contains nothing.

    >>> b = enclose("2")
    >>> contains(b, 2), contains(b, "2.000001"), contains(b, "2.000001", rel_tol="1e-6")
    (True, False, True)
    """
    flint = _flint()
    if not isinstance(ball, flint.arb):
        raise ValueError(f"ball must be a flint.arb, got {type(ball).__name__}")
    if not ball.is_finite():
        return False
    tol = exact_rational(rel_tol, "rel_tol")
    if tol < 0:
        raise ValueError(f"rel_tol must be non-negative, got {rel_tol!r}")
    prec = _prec_for(ball)
    v = enclose(value, digits=math.ceil(prec / _LOG2_10) + 10)
    with workprec(max(prec, _prec_for(v))):
        if tol == 0:
            return bool(ball.contains(v))
        width = abs(v).upper() * flint.arb(fmpq_of(flint, tol))
        return bool(ball.overlaps(v + flint.arb(0, width.upper())))


def _mpf_of(flint: ModuleType, x: arb) -> mpmath.mpf:
    """The exact binary value of an exact arb (midpoint or radius) as an mpf (no rounding)."""
    man, exp = x.man_exp()
    return mpmath.mp.make_mpf(libmp.from_man_exp(int(man), int(exp)))


def certified_digits(ball: arb) -> float:
    """Certified significant digits of ``ball``: −log10(rad/|mid|); 0 if it contains zero.

    ``inf`` for an exact ball, 0.0 for a non-finite one (a refusal).

    >>> round(certified_digits(enclose("1/3")), 1) >= 40
    True
    >>> round(certified_digits(enclose(1) / 3), 1)  # at flint's default 53 bits
    15.8
    >>> certified_digits(enclose("0.5") * 2), certified_digits(enclose("0.1") - enclose("0.1"))
    (inf, 0.0)
    """
    flint = _flint()
    if not ball.is_finite():
        return 0.0
    if ball.rad().is_zero():
        return math.inf
    if ball.contains(0):
        return 0.0
    with workprec(_prec_for(ball)):
        mid, rad = _mpf_of(flint, ball.mid()), _mpf_of(flint, ball.rad())
    with mpmath.workprec(64):
        return max(0.0, float(-mpmath.log10(rad / abs(mid))))


def certified_agreement_digits(ball: arb, value: object) -> float:
    """Digits to which ``value`` provably agrees with the exact number enclosed by ``ball``.

    −log10( sup_{x ∈ ball} |x − value| / |value| ): a lower bound on the agreement of
    ``value`` with the truth (which lies in the ball). 0.0 for a non-finite ball.

    >>> round(certified_agreement_digits(enclose("1/3"), "0.3333333333"), 1)
    10.0
    """
    flint = _flint()
    if not ball.is_finite():
        return 0.0
    prec = _prec_for(ball)
    v = enclose(value, digits=math.ceil(prec / _LOG2_10) + 10)
    with workprec(max(prec, _prec_for(v))):
        if v.contains(0):
            return 0.0
        worst = (abs(ball - v) / abs(v)).upper()
        if worst.is_zero():
            return math.inf
        w = _mpf_of(flint, worst)
    with mpmath.workprec(64):
        return max(0.0, float(-mpmath.log10(w)))


def certify_contains(
    ball: arb, value: object, *, min_digits: float = 10, rel_tol: object = 0
) -> bool:
    """The certificate check: ``ball`` is finite, tight, and contains ``value``.

    Tight means :func:`certified_digits` ≥ ``min_digits``; for ``value == 0`` (where
    relative digits are undefined) the radius must be ≤ 10^(−min_digits) instead. A wide
    ball certifies nothing, a non-finite ball (a refusal) certifies nothing, and a ball
    that excludes the value refutes it.

    >>> b = enclose(2) / 3
    >>> certify_contains(b, "2/3"), certify_contains(b, "0.6667")
    (True, False)
    >>> certify_contains(b, "2/3", min_digits=60)  # 53 bits cannot certify 60 digits
    False
    """
    flint = _flint()
    if not isinstance(ball, flint.arb) or not ball.is_finite():
        return False
    if not contains(ball, value, rel_tol=rel_tol):
        return False
    if certified_digits(ball) >= min_digits:
        return True
    v = enclose(value)
    if v.is_zero():
        with workprec(_prec_for(ball)):
            return bool(ball.rad() <= flint.arb(10) ** flint.arb(-min_digits))
    return False


# --------------------------------------------------------------------------------------------
# result containers


@dataclass(frozen=True)
class Certified:
    """A certified real value: the arb ``ball`` with mpmath views and the checks.

    >>> c = Certified(enclose("1/3"))
    >>> c.finite, c.digits > 40, c.contains("1/3")
    (True, True, True)
    """

    ball: Any  # flint.arb

    def __repr__(self) -> str:
        return f"Certified({self})"

    @property
    def finite(self) -> bool:
        """False for a refusal (non-finite ball)."""
        return bool(self.ball.is_finite())

    @property
    def mid(self) -> mpmath.mpf:
        """The midpoint, exactly (an mpf carrying all its bits)."""
        flint = _flint()
        if not self.finite:
            return mpmath.mpf("nan")
        with workprec(_prec_for(self.ball)):
            return _mpf_of(flint, self.ball.mid())

    @property
    def rad(self) -> mpmath.mpf:
        """The radius (exactly; a rigorous error bound on :attr:`mid`)."""
        flint = _flint()
        if not self.finite:
            return mpmath.mpf("inf")
        return _mpf_of(flint, self.ball.rad())

    @property
    def digits(self) -> float:
        """Certified significant digits (:func:`certified_digits`)."""
        return certified_digits(self.ball)

    def contains(self, value: object, *, rel_tol: object = 0) -> bool:
        """:func:`contains` on this ball."""
        return contains(self.ball, value, rel_tol=rel_tol)

    def certifies(self, value: object, *, min_digits: float = 10, rel_tol: object = 0) -> bool:
        """:func:`certify_contains` on this ball."""
        return certify_contains(self.ball, value, min_digits=min_digits, rel_tol=rel_tol)

    def agreement_digits(self, value: object) -> float:
        """:func:`certified_agreement_digits` of ``value`` with this ball."""
        return certified_agreement_digits(self.ball, value)

    def __str__(self) -> str:
        if not self.finite:
            return "nan (refused)"
        d = max(5, min(60, int(self.digits) + 3)) if self.digits != math.inf else 60
        with workprec(_prec_for(self.ball)):
            return str(self.ball.str(d, radius=True))


@dataclass(frozen=True)
class CertifiedControl:
    """A negative control: a deliberately wrong variant judged by :func:`certify_contains`.

    ``caught`` is True when the check rejected the variant (the ball excludes the
    reference, is too wide, or the integrator refused). ``detail`` says which.
    """

    description: str
    caught: bool
    detail: str


def __getattr__(name: str) -> Any:
    """Re-export the certified integrals of the two submodules (imported on first use)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
