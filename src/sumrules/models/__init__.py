"""Model atoms on which the paper's statements become numbers: free electron, oscillator, hydrogen.

Submodules are imported on first attribute access.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["free", "hydrogen", "oscillator"]


def __getattr__(name: str) -> ModuleType:
    """Import a model submodule lazily."""
    if name in __all__:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
