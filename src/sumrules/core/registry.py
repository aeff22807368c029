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
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sumrules.core.claim import Claim, anchor_of
from sumrules.core.ledger import Context, Outcome

__all__ = ["PAPER_PACKAGE", "LegacyClaim", "all_claims", "claim", "paper_modules", "select"]

#: the package whose modules declare the claims
PAPER_PACKAGE = "sumrules.paper"

CheckFunction = Callable[[Context], Outcome]


@dataclass(frozen=True)
class LegacyClaim:
    """A claim of version 1: a check function that builds its whole outcome by hand.

    Kept while the claims are rewritten as declarations (:class:`Claim`); the runner audits
    its outcome by the same rules.
    """

    id: str
    title: str
    printed: str
    check: CheckFunction
    anchor: float
    source: str = ""

    @property
    def order(self) -> tuple[float, str]:
        return (self.anchor, self.id)


_LEGACY: dict[str, LegacyClaim] = {}


def claim(
    claim_id: str, *, title: str, printed: str, anchor: float | None = None
) -> Callable[[CheckFunction], CheckFunction]:
    """Register a version-1 check function as the claim ``claim_id`` (see :class:`LegacyClaim`)."""
    place = anchor_of(claim_id, anchor)

    def register(fn: CheckFunction) -> CheckFunction:
        known = _LEGACY.get(claim_id)
        if known is not None and known.check.__qualname__ != fn.__qualname__:
            raise ValueError(f"claim {claim_id!r} registered twice")
        _LEGACY[claim_id] = LegacyClaim(claim_id, title, printed, fn, place, fn.__module__)
        return fn

    return register


def paper_modules() -> list[str]:
    """The modules of :data:`PAPER_PACKAGE`, sorted by name."""
    package = importlib.import_module(PAPER_PACKAGE)
    names = [m.name for m in pkgutil.iter_modules(package.__path__)]
    return [f"{PAPER_PACKAGE}.{n}" for n in sorted(names) if not n.startswith("_")]


AnyClaim = Claim | LegacyClaim


def all_claims() -> list[AnyClaim]:
    """Every claim, in paper order (importing the paper modules)."""
    found: dict[str, AnyClaim] = {}
    for name in paper_modules():
        module = importlib.import_module(name)
        for c in getattr(module, "CLAIMS", ()):
            if not isinstance(c, Claim):
                raise TypeError(f"{name}.CLAIMS holds {c!r}, not a Claim")
            if c.id in found:
                raise ValueError(f"claim {c.id!r} declared twice ({name})")
            found[c.id] = c
    for c in _LEGACY.values():
        if not c.source.startswith(PAPER_PACKAGE + "."):
            continue
        if c.id in found:
            raise ValueError(f"claim {c.id!r} declared twice ({c.source})")
        found[c.id] = c
    return sorted(found.values(), key=lambda c: c.order)


def select(ids: Iterable[str] | None) -> list[AnyClaim]:
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
    chosen: list[AnyClaim] = []
    for name in wanted:
        match = [c for c in claims if c.id == name or c.id.startswith(name + ".")]
        if not match:
            known = ", ".join(c.id for c in claims)
            raise ValueError(f"ids: unknown claim {name!r}; known: {known}")
        chosen.extend(c for c in match if c not in chosen)
    return sorted(chosen, key=lambda c: c.order)
