"""The python-flint fixture shared by the certified tests (tests/core, theory, models/hydrogenic).

``from flinttools import flint as flint, needs_flint`` in a test module: ``flint`` skips a test
when the extra is absent and fails it if the test leaks flint's precision; ``needs_flint`` marks
a test that uses it without naming it.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

import pytest

__all__ = ["FLINT_REASON", "flint", "needs_flint"]

FLINT_REASON = "needs the flint extra (pip install 'sumrules[flint]')"


@pytest.fixture
def flint() -> Iterator[ModuleType]:
    """Skip the test when python-flint is absent; check that flint's precision is not leaked."""
    mod = pytest.importorskip("flint", reason=FLINT_REASON)
    prec = mod.ctx.prec
    yield mod
    leaked = mod.ctx.prec != prec
    mod.ctx.prec = prec
    assert not leaked, "a certified computation changed flint's global precision"


needs_flint = pytest.mark.usefixtures("flint")
