"""Tolerances beyond :func:`sumrules.core.claim.digits`: a correction of a stated order, and
printed numbers judged by the digits (or the inequality) the paper prints.

Both are :class:`~sumrules.core.claim.Tolerance` objects, so a
:class:`~sumrules.core.claim.Quantity` takes them as it is and the runner compares routes, the
printed statement and the controls through them.

* :func:`to_order` — values are pairs ``(x, ε)``: ``x`` agrees with the reference ``x₀`` when
  ``|x/x₀ − 1| ≤ c·ε`` (an approximation that holds up to a correction of order ε, such as the
  dipole approximation up to (αT)²);
* :func:`within` — ``|x/x₀ − 1| ≤ bound`` (a fixed relative error);
* :func:`printed_number` — computed values agree to ``need`` digits, while a printed number
  (text, as the paper prints it) is judged by a rule: rounding to its printed digits, or an
  upper bound;
* :func:`estimate` — independent sources (three X-ray tables) agree within a relative spread,
  while a printed estimate carries its own relation: ``"≈ 2.5e6"`` (rounds to the printed
  digits), ``"< 0.7e-3"`` (an upper bound), ``"|x| < 0.1"`` (a bound on the size),
  ``"~ 1e6"`` (of that order: within a factor √10 either way), judged by :func:`judge`.

>>> from sumrules.core.ledger import Context
>>> ctx = Context(dps=30)
>>> to_order(10).compare((1.001, 1e-3), (1.0, 1e-3), ctx).agrees
True
>>> to_order(10).compare((1.1, 1e-3), (1.0, 1e-3), ctx).agrees
False
>>> within(0.1).compare(1.05, 1.0, ctx).agrees
True
>>> rounds = printed_number(8)
>>> rounds.compare("6e-3", mpmath.mpf("0.00642"), ctx).agrees
True
>>> rounds.compare(mpmath.mpf("0.0064"), mpmath.mpf("0.00642"), ctx).agrees
False
>>> printed_number(8, rule="below").compare("0.7e-3", mpmath.mpf("6.96e-4"), ctx).agrees
True
>>> tables = estimate(0.1)
>>> tables.compare(2.56e6, 2.65e6, ctx).agrees, tables.compare("≈ 2.5e6", 2.65e6, ctx).agrees
(True, False)
>>> tables.compare("~ 1e6", 3.0e6, ctx).agrees, tables.compare("~ 1e6", 0.2e6, ctx).agrees
(True, False)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

import mpmath

from sumrules.core.claim import Comparison, Tolerance
from sumrules.core.format import rounds_to
from sumrules.core.ledger import Context
from sumrules.core.numeric import agreement_digits

__all__ = [
    "ORDER_FACTOR",
    "RELATIONS",
    "Estimate",
    "NumberRule",
    "Order",
    "PrintedNumber",
    "Within",
    "estimate",
    "judge",
    "printed_number",
    "significant_digits",
    "to_order",
    "within",
]

NumberRule = Literal["rounds", "below"]


def _relative(a: Any, b: Any) -> Any:
    """|a/b − 1| (b the reference, nonzero), at 40 digits at least."""
    with mpmath.workdps(max(mpmath.mp.dps, 40)):
        return abs(mpmath.mpmathify(a) / mpmath.mpmathify(b) - 1)


@dataclass(frozen=True)
class Order(Tolerance):
    """Pairs ``(x, ε)``: ``x`` agrees with the reference when ``|x/x₀ − 1| ≤ coefficient·ε``."""

    coefficient: float = 10.0
    epsilon: str = "ε"

    def compare(self, a: Any, b: Any, ctx: Context) -> Comparison:
        ok = _relative(a[0], b[0]) <= self.coefficient * mpmath.mpmathify(b[1])
        return Comparison(bool(ok), agreement_digits(a[0], b[0]))

    def describe(self, ctx: Context) -> str:
        return f"relative ≤ {self.coefficient:g}{self.epsilon}"


@dataclass(frozen=True)
class Within(Tolerance):
    """``x`` agrees with the reference ``x₀`` when ``|x/x₀ − 1| ≤ bound``."""

    bound: float = 0.1

    def compare(self, a: Any, b: Any, ctx: Context) -> Comparison:
        return Comparison(bool(_relative(a, b) <= self.bound), agreement_digits(a, b))

    def describe(self, ctx: Context) -> str:
        return f"relative ≤ {self.bound:g}"


@dataclass(frozen=True)
class PrintedNumber(Tolerance):
    """Computed values agree to ``need`` significant digits; a printed number (a ``str``) agrees
    with the reference when the reference rounds to it (``rule="rounds"``, at its printed
    digits) or lies below it (``rule="below"``, an upper bound)."""

    need: float = 8.0
    rule: NumberRule = "rounds"

    def compare(self, a: Any, b: Any, ctx: Context) -> Comparison:
        if isinstance(a, str):
            if self.rule == "rounds":
                ok = rounds_to(b, a, significant_digits(a))
            else:
                ok = bool(mpmath.mpmathify(b) < mpmath.mpf(a))
            return Comparison(ok, agreement_digits(mpmath.mpf(a), b))
        got = agreement_digits(a, b)
        return Comparison(got >= self.need, got)

    def describe(self, ctx: Context) -> str:
        printed = "rounds to" if self.rule == "rounds" else "lies below"
        return f"{self.need:g} digits (the printed number: the value {printed} it)"


def significant_digits(text: str) -> int:
    """The significant digits of a printed number: '6e-3' → 1, '0.7e-3' → 1, '9.89' → 3.

    >>> significant_digits("6e-3"), significant_digits("0.7e-3"), significant_digits("9.89")
    (1, 1, 3)
    """
    mantissa = text.lower().split("e")[0].lstrip("+-").replace(".", "").lstrip("0")
    return max(1, len(mantissa))


def to_order(coefficient: float, epsilon: str = "ε") -> Order:
    """Pairs ``(x, ε)`` agree when ``|x/x₀ − 1| ≤ coefficient·ε`` (``epsilon`` names ε)."""
    if not coefficient > 0 or math.isinf(coefficient):
        raise ValueError(f"coefficient must be positive and finite, got {coefficient!r}")
    return Order(coefficient=coefficient, epsilon=epsilon)


def within(bound: float) -> Within:
    """Values agree when ``|x/x₀ − 1| ≤ bound``."""
    if not bound > 0:
        raise ValueError(f"bound must be positive, got {bound!r}")
    return Within(bound=bound)


def printed_number(need: float, *, rule: NumberRule = "rounds") -> PrintedNumber:
    """Computed values to ``need`` digits; a printed number by ``rule`` ("rounds" or "below")."""
    if rule not in ("rounds", "below"):
        raise ValueError(f"rule must be 'rounds' or 'below', got {rule!r}")
    return PrintedNumber(need=need, rule=rule)


#: "of order X" admits values within this factor of X either way (√10: half a decade)
ORDER_FACTOR = math.sqrt(10)
#: the relations a printed estimate may carry, and what each admits
RELATIONS: dict[str, str] = {
    "≈": "rounds to the printed number at its printed digits",
    "<": "lies below the printed number",
    "|x| <": "has a size below the printed number",
    "~": f"lies within a factor √10 ≈ {ORDER_FACTOR:.3f} of the printed number, either way",
}


def _split(printed: str) -> tuple[str, str]:
    text = printed.strip()
    for relation in sorted(RELATIONS, key=len, reverse=True):
        if text.startswith(relation):
            return relation, text[len(relation) :].strip()
    raise ValueError(f"printed must start with one of {', '.join(RELATIONS)}, got {printed!r}")


def judge(printed: str, value: Any) -> bool:
    """Whether ``value`` satisfies the printed estimate ``printed`` (a relation and a number).

    >>> judge("≈ 14", 11.1), judge("≈ 11", 11.16), judge("< 0.7e-3", 0.84e-3)
    (False, True, False)
    >>> judge("|x| < 0.1", -0.05), judge("~ 1e6", 3.1e6), judge("~ 1e6", 3.2e6)
    (True, True, False)
    """
    relation, number = _split(printed)
    with mpmath.workdps(30):
        v, p = mpmath.mpmathify(value), mpmath.mpf(number)
        if relation == "≈":
            return rounds_to(v, number, significant_digits(number))
        if relation == "<":
            return bool(v < p)
        if relation == "|x| <":
            return bool(abs(v) < p)
        return bool(v > 0 and abs(mpmath.log10(v / p)) <= mpmath.log10(10) / 2)


@dataclass(frozen=True)
class Estimate(Tolerance):
    """Computed values agree with the reference when within a relative ``spread`` (independent
    compilations of data, or a model's two routes); a printed estimate (a ``str`` such as
    ``"≈ 2.5e6"``) agrees when :func:`judge` accepts the reference."""

    spread: float = 0.1

    def compare(self, a: Any, b: Any, ctx: Context) -> Comparison:
        if isinstance(a, str):
            return Comparison(judge(a, b), agreement_digits(mpmath.mpf(_split(a)[1]), b))
        return Comparison(bool(_relative(a, b) <= self.spread), agreement_digits(a, b))

    def describe(self, ctx: Context) -> str:
        return f"relative ≤ {self.spread:g} between sources; a printed estimate by its relation"


def estimate(spread: float) -> Estimate:
    """Sources agree within a relative ``spread``; a printed estimate by its relation."""
    if not spread > 0 or math.isinf(spread):
        raise ValueError(f"spread must be positive and finite, got {spread!r}")
    return Estimate(spread=spread)
