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


def test_estimate_sources_by_spread_and_printed_by_relation() -> None:
    from sumrules.theory.tolerance import ORDER_FACTOR, RELATIONS, estimate, judge

    tables = estimate(0.1)
    assert tables.compare(2.92e6, 3.02e6, CTX).agrees  # Elam against Henke at the K edge
    assert not tables.compare(0.40e6, 3.02e6, CTX).agrees  # the value below the K edge
    assert tables.compare("≈ 2.5e6", 2.535e6, CTX).agrees  # rounds to 2.5e6 at two digits
    assert not tables.compare("≈ 2.5e6", 2.562e6, CTX).agrees  # rounds to 2.6e6
    assert not tables.compare("< 0.7e-3", 0.7001e-3, CTX).agrees
    assert tables.compare("< 0.7e-3", 0.6999e-3, CTX).agrees
    assert judge("|x| < 0.1", -0.0999) and not judge("|x| < 0.1", 0.1)
    # of order: within a factor sqrt(10) either way, the edges included
    assert judge("~ 1e6", 1e6 * ORDER_FACTOR * (1 - 1e-12))
    assert not judge("~ 1e6", 1e6 * ORDER_FACTOR * (1 + 1e-12))
    assert judge("~ 1e6", 1e6 / ORDER_FACTOR * (1 + 1e-12)) and not judge("~ 1e6", -1e6)
    assert set(RELATIONS) == {"≈", "<", "|x| <", "~"}
    assert "between sources" in tables.describe(CTX)
    with pytest.raises(ValueError, match="printed must start"):
        judge("2.5e6", 2.5e6)
    with pytest.raises(ValueError, match="spread"):
        estimate(0)
