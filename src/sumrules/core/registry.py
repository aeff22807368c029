"""The registry: every claim of the paper, discovered in the modules of :mod:`sumrules.paper`.

A paper module declares its claims in a module-level tuple ``CLAIMS``. The registry imports
every module of the package (``pkgutil``), so a new ``paper/eqNN.py`` needs no list to be
edited. Claims come out in paper order (:attr:`Claim.order`).

>>> ids = [c.id for c in all_claims()]
>>> "eq19" in ids and ids.index("eq18") < ids.index("eq19") < ids.index("eq20")
True
>>> [c.id for c in select(["eq19"])]
['eq19', 'eq19.vanishing']
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable

from sumrules.core.claim import Claim

__all__ = ["PAPER_PACKAGE", "all_claims", "paper_modules", "select"]

#: the package whose modules declare the claims
PAPER_PACKAGE = "sumrules.paper"


def paper_modules() -> list[str]:
    """The modules of :data:`PAPER_PACKAGE`, sorted by name."""
    package = importlib.import_module(PAPER_PACKAGE)
    names = [m.name for m in pkgutil.iter_modules(package.__path__)]
    return [f"{PAPER_PACKAGE}.{n}" for n in sorted(names) if not n.startswith("_")]


def all_claims() -> list[Claim]:
    """Every claim, in paper order (importing the paper modules)."""
    found: dict[str, Claim] = {}
    for name in paper_modules():
        module = importlib.import_module(name)
        for c in getattr(module, "CLAIMS", ()):
            if not isinstance(c, Claim):
                raise TypeError(f"{name}.CLAIMS holds {c!r}, not a Claim")
            if c.id in found:
                raise ValueError(f"claim {c.id!r} declared twice ({name})")
            found[c.id] = c
    return sorted(found.values(), key=lambda c: c.order)


def select(ids: Iterable[str] | None) -> list[Claim]:
    """The claims named by ``ids`` (an id includes its sub-claims), in paper order; all for None.

    >>> select(["nope"])
    Traceback (most recent call last):
    ...
    ValueError: ids: unknown claim 'nope'; known: ...
    """
    claims = all_claims()
    if ids is None:
        return claims
    if isinstance(ids, str | bytes) or not isinstance(ids, Iterable):
        raise ValueError(f"ids must be a list of claim id strings (or None), got {ids!r}")
    wanted = list(ids)
    if not all(isinstance(i, str) for i in wanted):
        raise ValueError(f"ids must be a list of claim id strings (or None), got {wanted!r}")
    chosen: list[Claim] = []
    for name in wanted:
        match = [c for c in claims if c.id == name or c.id.startswith(name + ".")]
        if not match:
            known = ", ".join(c.id for c in claims)
            raise ValueError(f"ids: unknown claim {name!r}; known: {known}")
        chosen.extend(c for c in match if c not in chosen)
    return sorted(chosen, key=lambda c: c.order)
