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

from sumrules import compat
from sumrules.core.ledger import ClaimResult, Ledger, verify
from sumrules.theory.pole_integral.closed_form import pole_integral

compat.install()

__all__ = [
    "ClaimResult",
    "Ledger",
    "__version__",
    "data",
    "models",
    "pole_integral",
    "resolvent",
    "verify",
]
__version__ = "0.2.0"

#: attribute -> module imported on first use
_SUBMODULES = {
    "models": "sumrules.models",
    "data": "sumrules.data",
    "resolvent": "sumrules.theory.expansion",
}


def __getattr__(name: str) -> ModuleType:
    """Import the submodules of the public API on first use."""
    if name in _SUBMODULES:
        return importlib.import_module(_SUBMODULES[name])
    raise AttributeError(f"module 'sumrules' has no attribute {name!r}")
