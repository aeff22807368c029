"""mpmath helpers: local precision, agreement in digits, quadrature with an error estimate.

Precision is always set locally (``with precision(dps):``); the global
``mpmath.mp.dps`` is never left changed.

>>> import mpmath
>>> before = mpmath.mp.dps
>>> with precision(40):
...     mpmath.mp.dps
40
>>> mpmath.mp.dps == before
True
>>> agreement_digits(1, 1 + 1e-12) > 11.9
True
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

import mpmath
import sympy as sp

__all__ = [
    "MAX_DPS",
    "MAX_WORKING_DPS",
    "MIN_DPS",
    "Quadrature",
    "agreement_digits",
    "extrapolate_to_zero",
    "is_count",
    "memoized",
    "precision",
    "quad",
    "validate_dps",
    "validate_int",
    "working_dps",
]

MIN_DPS = 10
MAX_DPS = 1000
#: the most digits of an evaluation: a caller's dps ≤ MAX_DPS plus guard and extra digits
MAX_WORKING_DPS = MAX_DPS + 100


def validate_dps(dps: object, name: str = "dps") -> int:
    """Return ``dps`` as an int, or raise ValueError naming the argument.

    >>> validate_dps(30)
    30
    >>> validate_dps(3)
    Traceback (most recent call last):
    ...
    ValueError: dps must be an integer in [10, 1000], got 3
    """
    if isinstance(dps, bool) or not isinstance(dps, int) or not MIN_DPS <= dps <= MAX_DPS:
        raise ValueError(f"{name} must be an integer in [{MIN_DPS}, {MAX_DPS}], got {dps!r}")
    return dps


def is_count(value: object, minimum: int = 0, maximum: int | None = None) -> bool:
    """True if ``value`` is an int (not a bool) with ``minimum`` <= value (<= ``maximum``).

    Takes ``object``: it is the run-time check of an argument annotated ``int``.

    >>> is_count(3, 2), is_count(True, 0), is_count(2.0), is_count(9, 0, 8)
    (True, False, False, False)
    """
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        return False
    return maximum is None or value <= maximum


def validate_int(value: object, name: str, minimum: int | None = None) -> int:
    """Return ``value`` if it is an int (not a bool) and at least ``minimum``; else ValueError.

    >>> validate_int(3, "k", 0)
    3
    >>> validate_int(-1, "k", 0)
    Traceback (most recent call last):
    ...
    ValueError: k must be >= 0, got -1
    >>> validate_int(2.0, "k")
    Traceback (most recent call last):
    ...
    ValueError: k must be an integer, got 2.0
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be an integer, got {value!r}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value!r}")
    return value


def working_dps(needed: int, why: str) -> int:
    """``needed`` working digits, or a ValueError saying ``why`` so many were asked for.

    For the inputs whose own scale sets the precision (a width ε far below T): beyond
    MAX_WORKING_DPS digits the answer would be slow or wrong, so the input is refused instead.

    >>> working_dps(40, "eps")
    40
    >>> working_dps(2000, "eps = '1e-1990' is too small against T = 1")
    Traceback (most recent call last):
    ...
    ValueError: eps = '1e-1990' is too small against T = 1: it needs 2000 working digits, at most 1100
    """
    if needed > MAX_WORKING_DPS:
        raise ValueError(f"{why}: it needs {needed} working digits, at most {MAX_WORKING_DPS}")
    return needed


_P = ParamSpec("_P")
_R = TypeVar("_R")


def memoized(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """Cache a pure function (its value depends on its arguments alone, not on the global
    precision) by the type and value of each argument, so ``1``, ``1.0`` and ``mpf(1)`` stay
    distinct keys; a call with an unhashable argument is computed and not stored. For the
    expensive quadratures several claims, or two routes of one claim, ask for at the same
    point. Results are shared: they must be immutable (mpf, tuples).

    >>> calls = []
    >>> @memoized
    ... def square(x):
    ...     calls.append(x)
    ...     return x * x
    >>> square(3), square(3), square(3.0), len(calls)
    (9, 9, 9.0, 2)
    """
    store: dict[Any, _R] = {}

    @functools.wraps(fn)
    def cached(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        key = tuple((type(a), a) for a in args) + tuple(
            (k, type(v), v) for k, v in sorted(kwargs.items())
        )
        try:
            hash(key)
        except TypeError:
            return fn(*args, **kwargs)
        if key not in store:
            store[key] = fn(*args, **kwargs)
        return store[key]

    return cached


@contextmanager
def precision(dps: int) -> Iterator[None]:
    """Set mpmath's working precision to ``dps`` digits inside the block only.

    ``dps`` is a working precision (a caller's dps plus guard digits), so it may exceed
    MAX_DPS, up to MAX_WORKING_DPS.

    >>> with precision(1010):
    ...     mpmath.mp.dps
    1010
    """
    if not is_count(dps, MIN_DPS):
        raise ValueError(f"working precision must be an integer >= {MIN_DPS}, got {dps!r}")
    if dps > MAX_WORKING_DPS:
        raise ValueError(
            f"this evaluation needs {dps} working digits, at most {MAX_WORKING_DPS}: "
            "ask for fewer digits (dps)"
        )
    with mpmath.workdps(dps):
        yield


def agreement_digits(a: object, b: object) -> float:
    """Number of significant decimal digits on which ``a`` and ``b`` agree.

    Relative to the larger magnitude; ``inf`` when they are equal, 0 when they
    differ by more than their size.

    >>> agreement_digits(2, 2)
    inf
    >>> round(agreement_digits(1.0, 1.001), 1)
    3.0
    >>> agreement_digits(1, -1)
    0.0
    >>> import sympy
    >>> agreement_digits(sympy.Rational(1, 3), mpmath.mpf(1) / 3) > 15  # not capped at 15 digits
    True
    """
    with mpmath.workdps(max(mpmath.mp.dps, _AGREEMENT_DPS)):
        x, y = _to_mp(a), _to_mp(b)
        diff = abs(x - y)
        if diff == 0:
            return math.inf
        scale = max(abs(x), abs(y))  # > 0, as x != y
        return max(0.0, float(-mpmath.log10(diff / scale)))


_AGREEMENT_DPS = 120


def _to_mp(value: object) -> mpmath.mpf | mpmath.mpc:
    """Convert at the current precision; exact sympy numbers are evaluated, not rounded to 15 digits."""
    if isinstance(value, sp.Basic):
        return mpmath.mpmathify(sp.N(value, mpmath.mp.dps))
    return mpmath.mpmathify(value)


@dataclass(frozen=True)
class Quadrature:
    """A quadrature value with mpmath's error estimate and the precision used."""

    value: mpmath.mpf
    error: mpmath.mpf
    dps: int

    @property
    def digits(self) -> float:
        """Estimated correct significant digits (capped at the working precision)."""
        if self.error == 0:
            return float(self.dps)
        if self.value == 0:
            return 0.0
        return min(float(self.dps), max(0.0, float(-mpmath.log10(abs(self.error / self.value)))))


def quad(f: Callable[[mpmath.mpf], mpmath.mpf], points: Sequence[object], dps: int) -> Quadrature:
    """Integrate ``f`` over consecutive ``points`` at ``dps`` digits, with an error estimate.

    >>> q = quad(lambda x: mpmath.exp(-x), [0, mpmath.inf], 30)
    >>> mpmath.nstr(q.value, 20)
    '1.0'
    >>> q.digits > 25
    True

    The value keeps its ``dps + 5`` working digits outside any ``precision`` block:

    >>> agreement_digits(quad(lambda x: mpmath.exp(-x), [0, 1], 50).value, 1 - 1 / sp.E) > 50
    True
    """
    with precision(dps + 5):
        value, error = mpmath.quad(f, list(points), error=True)
        return Quadrature(mpmath.mpf(value), mpmath.mpf(error), dps)


def extrapolate_to_zero(hs: Sequence[object], values: Sequence[object]) -> mpmath.mpc:
    """Polynomial (Neville) extrapolation of values(h) to h = 0, at the current precision.

    >>> with precision(20):
    ...     print(mpmath.nstr(extrapolate_to_zero([1, 2, 3], [5, 7, 11]), 8))
    5.0
    """
    hs_ = [mpmath.mpmathify(h) for h in hs]
    p = [mpmath.mpmathify(v) for v in values]
    n = len(p)
    for level in range(1, n):
        for i in range(n - level):
            p[i] = (hs_[i + level] * p[i] - hs_[i] * p[i + 1]) / (hs_[i + level] - hs_[i])
    return p[0]
