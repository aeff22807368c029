"""Old import paths of version 0.1, kept until version 1.0.

Version 2 moved the modules into ``core/``, ``theory/``, ``models/hydrogenic/``, ``data/`` and
``report/``. An old path imports the very module object of its new home (not a copy), so
``sumrules.kernel.pole_integral is sumrules.theory.pole_integral.closed_form.pole_integral``.

>>> import sumrules.kernel, sumrules.theory.pole_integral.closed_form as new
>>> sumrules.kernel is new
True
>>> from sumrules.models.hydrogen import sum_rule_ratios
>>> sum_rule_ratios.__module__
'sumrules.models.hydrogenic.ground'
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from collections.abc import Sequence
from types import ModuleType

__all__ = ["OLD_PATHS", "install"]

#: old module path -> its home since version 2
OLD_PATHS = {
    "sumrules.ledger": "sumrules.core.ledger",
    "sumrules.derivation": "sumrules.core.derivation",
    "sumrules.latex": "sumrules.core.latex",
    "sumrules.numeric": "sumrules.core.numeric",
    "sumrules.certified": "sumrules.core.certified",
    "sumrules.kernel": "sumrules.theory.pole_integral.closed_form",
    "sumrules.kernel_routes": "sumrules.theory.pole_integral.routes",
    "sumrules.certified_kernel": "sumrules.theory.pole_integral.certified",
    "sumrules.resolvent": "sumrules.theory.expansion",
    "sumrules.operators": "sumrules.theory.operators",
    "sumrules.scattering": "sumrules.theory.scattering",
    "sumrules.photo": "sumrules.theory.photoabsorption",
    "sumrules.constants": "sumrules.data.constants",
    "sumrules.units": "sumrules.data.units",
    "sumrules.models.hydrogen": "sumrules.models.hydrogenic.ground",
    "sumrules.models.hydrogen_checks": "sumrules.models.hydrogenic.checks",
    "sumrules.models.coulomb_moments": "sumrules.models.hydrogenic.moments",
    "sumrules.certified_hydrogen": "sumrules.models.hydrogenic.certified",
    "sumrules.plots": "sumrules.report.plots",
}


class AliasLoader(importlib.abc.Loader):
    """Loads an old path as the module object of its new home."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.saved_spec: importlib.machinery.ModuleSpec | None = None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        module = importlib.import_module(self.target)
        self.saved_spec = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        module.__spec__ = self.saved_spec  # the import system set it to the alias; restore it


class AliasFinder(importlib.abc.MetaPathFinder):
    """Finds the old paths of :data:`OLD_PATHS`."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        new = OLD_PATHS.get(fullname)
        if new is None:
            return None
        return importlib.util.spec_from_loader(fullname, AliasLoader(new))


def install() -> None:
    """Put the finder on ``sys.meta_path`` (once)."""
    if not any(isinstance(f, AliasFinder) for f in sys.meta_path):
        sys.meta_path.append(AliasFinder())
