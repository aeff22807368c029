"""sumrules.theory.tolerance: a correction of a stated order, a relative bound, printed numbers."""

from __future__ import annotations

import mpmath
import pytest

from sumrules.core.ledger import Context
from sumrules.theory.tolerance import printed_number, significant_digits, to_order, within

CTX = Context(dps=30)


def test_order_scales_with_epsilon() -> None:
    tol = to_order(10, "(αT)²")
    assert tol.compare((1.0009, 1e-4), (1.0, 1e-4), CTX).agrees
    assert not tol.compare((1.0011, 1e-4), (1.0, 1e-4), CTX).agrees
    assert tol.describe(CTX) == "relative ≤ 10(αT)²"
    with pytest.raises(ValueError, match="coefficient"):
        to_order(0)


def test_within_is_relative_to_the_reference() -> None:
    assert within(0.1).compare(1.09, 1.0, CTX).agrees
    assert not within(0.1).compare(1.11, 1.0, CTX).agrees
    with pytest.raises(ValueError, match="bound"):
        within(-1)


def test_printed_numbers_by_their_digits_and_computed_values_by_need() -> None:
    rounds = printed_number(8)
    ref = mpmath.mpf("0.00642047365287")
    assert rounds.compare("6e-3", ref, CTX).agrees
    assert not rounds.compare("7e-3", ref, CTX).agrees
    assert rounds.compare(mpmath.mpf("0.00642047365405"), ref, CTX).agrees  # 9.7 digits
    assert not rounds.compare(ref * (1 + mpmath.mpf(10) ** -6), ref, CTX).agrees
    below = printed_number(8, rule="below")
    assert below.compare("0.7e-3", mpmath.mpf("6.9645e-4"), CTX).agrees
    assert not below.compare("0.6e-3", mpmath.mpf("6.9645e-4"), CTX).agrees
    with pytest.raises(ValueError, match="rule"):
        printed_number(8, rule="above")  # type: ignore[arg-type]


def test_significant_digits() -> None:
    assert [significant_digits(x) for x in ("6e-3", "2.5e6", "0.70", "9.89")] == [1, 2, 2, 3]
