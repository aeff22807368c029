"""Shared test configuration: hypothesis profiles and mpmath precision hygiene."""

from __future__ import annotations

import os
from collections.abc import Iterator

import mpmath
import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=25,
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _restore_mpmath_precision() -> Iterator[None]:
    """Fail loudly if a test leaks mpmath precision; restore it either way."""
    prec = mpmath.mp.prec
    yield
    leaked = mpmath.mp.prec != prec
    mpmath.mp.prec = prec
    assert not leaked, "a test changed mpmath's global precision"


@pytest.fixture(scope="session")
def full_ledger():
    """The whole ledger at the default precision, computed once per test session."""
    from sumrules.ledger import verify

    return verify()
