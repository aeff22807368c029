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
    """The whole ledger at the default precision, computed once per test session (and, under
    xdist, in one worker: the tests that use it share the group "ledger")."""
    from sumrules.core.runner import verify

    return verify(jobs=1)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that need the whole ledger run in one xdist worker (``--dist loadgroup``), so that
    it is computed once."""
    for item in items:
        if "full_ledger" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("ledger"))


@pytest.fixture(autouse=True)
def _cold_caches_under_mutation_testing() -> None:
    """Under mutmut (docs/mutation.md) start every test with empty caches.

    mutmut imports the package and runs tests once before switching a mutant on; a result cached
    then (``functools.cache`` in sumrules, sympy's own cache) would hide a mutant of the code
    behind it. Ordinary runs keep their caches: the variable is set only by mutmut.
    """
    if "MUTANT_UNDER_TEST" not in os.environ:
        return
    import sys

    from sympy.core.cache import clear_cache

    clear_cache()
    for name, module in list(sys.modules.items()):
        if name.startswith("sumrules") and module is not None:
            for obj in list(vars(module).values()):
                if callable(getattr(obj, "cache_clear", None)):
                    obj.cache_clear()


@pytest.fixture(scope="session")
def ran():
    """``ran(claim)``: the claim's result at 30 digits, computed once per declaration object.

    A test that changes a declaration (``dataclasses.replace``) makes a new object, which runs
    afresh; the declared claims are shared by all the tests of a worker.
    """
    from sumrules.core.runner import run_claim

    cache: dict[int, tuple[object, object]] = {}

    def run(claim):  # type: ignore[no-untyped-def]
        if id(claim) not in cache:
            cache[id(claim)] = (claim, run_claim(claim, 30))  # keep the claim: ids stay unique
        return cache[id(claim)][1]

    return run
