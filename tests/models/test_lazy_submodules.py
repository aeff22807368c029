"""The package :mod:`sumrules.models` serves its model modules lazily, by name, and only those
it exports (the old name ``hydrogen`` included, now :mod:`sumrules.models.hydrogenic.ground`).
"""

from __future__ import annotations

import sys

import pytest

import sumrules.models


@pytest.mark.parametrize("name", ["free", "oscillator", "hydrogen"])
def test_lazy_getattr_returns_the_submodule(name: str) -> None:
    module = sumrules.models.__getattr__(name)
    home = {"hydrogen": "sumrules.models.hydrogenic.ground"}.get(name, f"sumrules.models.{name}")
    assert module is sys.modules[home] and module.__name__ == home


def test_lazy_getattr_rejects_an_unknown_name() -> None:
    with pytest.raises(AttributeError, match=r"'sumrules\.models' has no attribute 'nope'"):
        sumrules.models.__getattr__("nope")
    # negative control: a submodule that exists but is not exported is not served either
    with pytest.raises(AttributeError, match="coulomb_moments"):
        sumrules.models.__getattr__("coulomb_moments")
