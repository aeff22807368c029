"""Model atoms behind one interface (:class:`~sumrules.models.base.Atom`).

* :class:`Free` — the free electron at rest (exact, sympy);
* :class:`Oscillator` — the isotropic harmonic oscillator (discrete lines, exact);
* :class:`Hydrogenic` — hydrogen-like states (n, l) of charge Z (mpmath, closed forms for 1s);
* :func:`germanium` — germanium as a :class:`~sumrules.models.shells.ShellAtom` of hydrogenic
  subshells (energies in keV; models "binding" and "slater"); :func:`shell_atom` — the same
  for any element whose subshells have a shipped response (H to Kr, Z ≤ 36).

:mod:`sumrules.models.samples` lists the atoms the sum rules are judged on, as claim quantities;
:mod:`sumrules.models.state_samples` the hydrogen states beyond 1s that join them.

The version-1 modules stay importable: ``sumrules.models.free``, ``.oscillator`` and
``.hydrogen`` (now :mod:`sumrules.models.hydrogenic.ground`).

>>> from sumrules.models import Hydrogenic, hydrogen
>>> Hydrogenic(1, 0, Z=1).sum_rule_ratios(2, dps=30) == hydrogen.sum_rule_ratios(2, dps=30)
True
"""

from __future__ import annotations

import importlib
from types import ModuleType

from sumrules.models.base import Atom
from sumrules.models.free import Free
from sumrules.models.hydrogenic.atom import Hydrogenic
from sumrules.models.oscillator import Oscillator
from sumrules.models.shells import ShellAtom, germanium, shell_atom

__all__ = [
    "Atom",
    "Free",
    "Hydrogenic",
    "Oscillator",
    "ShellAtom",
    "free",
    "germanium",
    "hydrogen",
    "oscillator",
    "shell_atom",
]

_SUBMODULES = {
    "free": "sumrules.models.free",
    "oscillator": "sumrules.models.oscillator",
    "hydrogen": "sumrules.models.hydrogenic.ground",
}


def __getattr__(name: str) -> ModuleType:
    """Import a model submodule lazily (``hydrogen`` is the old path of the 1s module)."""
    if name in _SUBMODULES:
        return importlib.import_module(_SUBMODULES[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
