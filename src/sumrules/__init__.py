"""sumrules: verify Voloshin, PRL 105, 201801 (2010), equation by equation.

>>> import sumrules
>>> sumrules.pole_integral(1, 2)
-4
>>> sumrules.verify(["eq19"]).results[0].verdict
'corrected'
"""

from __future__ import annotations

import importlib
from types import ModuleType

from .kernel import pole_integral
from .ledger import ClaimResult, Ledger, verify

__all__ = [
    "ClaimResult",
    "Ledger",
    "__version__",
    "models",
    "pole_integral",
    "resolvent",
    "verify",
]
__version__ = "0.1.0"

_SUBMODULES = {"models", "resolvent"}


def __getattr__(name: str) -> ModuleType:
    """Import the submodules of the public API on first use."""
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'sumrules' has no attribute {name!r}")
